/**
 * The number grammar: every number a text writes, in digits or words, with its value.
 * Pure (string in, matches out, UTF-16 offsets into that string); the figures stage and
 * the Recognizers-Text suite both call it.
 *
 * Digits: "1,234,567", "1 234 567.89", ".08", "1,3" (decimal comma), "-4/5", "2 1/4",
 * "1e10", "1.1^23", magnitudes attached or spaced ("10k", "1.5m", "1.2b", "2mil",
 * "10 bln", "1,674.5 million", "322 hundred", "13 lakh"). Words: see word-numbers.ts.
 * A numeral glued to letters it cannot read ("180ml", "29km", "4th") is returned with
 * `suffix` set, so the unit reader can use it; `extractNumbers` leaves those out.
 */
import { type Lexeme, lexemes, numberWord } from "./number-words.js";
import { joined, parseCardinal, parseFraction, parseHalfA, parsePointDigits, type Parsed } from "./word-numbers.js";

export type NumberForm = "digits" | "words" | "fraction" | "power" | "dotted";

export type NumberMatch = {
  start: number; // UTF-16, into the scanned text
  end: number;
  text: string;
  value: number;
  form: NumberForm;
  /** letters glued to the numeral that are not a magnitude ("km", "ml", "th"), else null */
  suffix: string | null;
};

/** Magnitude letters glued to digits; lower-case "m" only after a decimal ("1.5m"), since "10m" is often metres. */
const ATTACHED: Record<string, number> = {
  k: 1e3, K: 1e3, M: 1e6, MM: 1e6, mm: 1e6, mil: 1e6, mn: 1e6, mln: 1e6, G: 1e9, b: 1e9, B: 1e9, bn: 1e9, bln: 1e9, tln: 1e12,
  dzs: 12, dozs: 12,
};
const SPACED: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, MM: 1e6, G: 1e9, bn: 1e9, bln: 1e9, mln: 1e6, mn: 1e6, tln: 1e12, dzs: 12, dozs: 12 };

const DOTTED = /\d+(?:\.\d+){2,}(?![\d])/y;
const GROUPED = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|\d{1,3}(?:[ \u00A0\u2009\u202F]\d{3})+(?:\.\d+)?(?![\d,])/uy;
const DECIMAL_COMMA = /\d+,\d{1,2}(?![\d]|,\d)/y;
const PLAIN = /\d*\.\d+|\d+/y;
const MIXED_FRACTION = /\s+(\d+)\/(\d+)(?![\d])/y;
const SLASH_FRACTION = /\/(\d+)(?![\d])/y;
const EXPONENT = /[eE]([+-]?\d+)(?![\d])/y;
const POWER = /\^([+-]*)(\d+(?:\.\d+)?)/y;
const LETTERS = /[A-Za-z]+/y;
const SPACED_LETTERS = /[ \t]+([A-Za-z]+)(?![A-Za-z])/y;

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** First lexeme index whose start is >= pos (lexemes are sorted). */
function lexAt(lex: readonly Lexeme[], pos: number, from: number): number {
  let k = from;
  while (k < lex.length && lex[k]!.start < pos) k++;
  return k;
}

type Digits = { end: number; value: number; form: NumberForm; suffix: string | null; parts?: Array<{ start: number; end: number }> };

/** A numeral written in digits starting at `pos`, with what is glued to it. */
function readDigits(text: string, pos: number): Digits | null {
  const dotted = at(DOTTED, text, pos);
  if (dotted) {
    // "192.168.1.2": an address or a date, read as separate integers
    const parts: Array<{ start: number; end: number }> = [];
    let p = pos;
    for (const piece of dotted[0].split(".")) {
      parts.push({ start: p, end: p + piece.length });
      p += piece.length + 1;
    }
    return { end: pos + dotted[0].length, value: NaN, form: "dotted", suffix: null, parts };
  }
  // "22,24,26,31" is a list, so a decimal comma never follows another comma-joined number
  const inList = pos > 1 && text[pos - 1] === "," && /\d/u.test(text[pos - 2]!);
  const m = at(GROUPED, text, pos) ?? (inList ? null : at(DECIMAL_COMMA, text, pos)) ?? at(PLAIN, text, pos);
  if (!m) return null;
  let raw = m[0];
  let value = raw.includes(",") && !/,\d{3}/u.test(raw) ? Number(raw.replace(",", ".")) : Number(raw.replace(/[, \u00A0\u2009\u202F]/gu, ""));
  let end = pos + raw.length;
  let form: NumberForm = "digits";
  const mixed = at(MIXED_FRACTION, text, end);
  const slash = mixed ? null : at(SLASH_FRACTION, text, end);
  if (mixed && !raw.includes(".")) {
    value += Number(mixed[1]) / Number(mixed[2]);
    end += mixed[0].length;
    form = "fraction";
  } else if (slash && !raw.includes(".")) {
    value /= Number(slash[1]);
    end += slash[0].length;
    form = "fraction";
  }
  const exp = at(EXPONENT, text, end);
  const pow = exp ? null : at(POWER, text, end);
  if (exp) {
    value *= 10 ** Number(exp[1]);
    end += exp[0].length;
    form = "power";
  } else if (pow) {
    const sign = (pow[1]!.match(/-/gu)?.length ?? 0) % 2 === 1 ? -1 : 1;
    value = value ** (sign * Number(pow[2]));
    end += pow[0].length;
    form = "power";
  }
  raw = text.slice(pos, end);
  const glued = at(LETTERS, text, end);
  if (glued) {
    const s = glued[0];
    const mult = ATTACHED[s] ?? (s === "m" && raw.includes(".") ? 1e6 : undefined);
    if (mult === undefined || form !== "digits") return { end, value, form, suffix: s };
    return { end: end + s.length, value: value * mult, form, suffix: null };
  }
  const spaced = at(SPACED_LETTERS, text, end);
  if (spaced && form === "digits" && SPACED[spaced[1]!] !== undefined) {
    return { end: end + spaced[0].length, value: value * SPACED[spaced[1]!]!, form, suffix: null };
  }
  return { end, value, form, suffix: null };
}

const NEGATIVE_WORD = new Set(["minus", "negative"]);
/** words that may start a number without being number words themselves */
const STARTS_NUMBER = new Set(["a", "an", "half", ...NEGATIVE_WORD]);

/** "a", "half", "minus" start a number only before a number word, "half" or digits. */
function mayFollow(next: Lexeme | undefined): boolean {
  return next !== undefined && (next.type === "digits" || next.lower === "half" || next.lower === "a" || numberWord(next.lower) !== undefined);
}

/** Every number in `text`, left to right, non-overlapping. */
export function scanNumbers(text: string): NumberMatch[] {
  const lex = lexemes(text);
  const out: NumberMatch[] = [];
  let i = 0;
  while (i < lex.length) {
    const l = lex[i]!;
    // most words start no number: skip them before trying the grammar
    if (l.type === "word" && !numberWord(l.lower) && l.lower !== "half" && !(STARTS_NUMBER.has(l.lower) && mayFollow(lex[i + 1]))) {
      i++;
      continue;
    }
    const got = readAt(text, lex, i);
    if (!got) {
      i++;
      continue;
    }
    for (const m of got.matches) out.push(m);
    i = got.next;
  }
  return out;
}

/** Numbers as a number recognizer reports them: glued units ("29km") and ordinals ("4th") are not numbers. */
export function extractNumbers(text: string): NumberMatch[] {
  return scanNumbers(text).filter((m) => m.suffix === null);
}

function match(text: string, start: number, end: number, value: number, form: NumberForm, suffix: string | null = null): NumberMatch {
  return { start, end, text: text.slice(start, end), value, form, suffix };
}

function readAt(text: string, lex: readonly Lexeme[], i: number): { matches: NumberMatch[]; next: number } | null {
  const l = lex[i]!;
  // a sign: "-1", "- 1 4/5" at the start, "minus five"
  let sign = 1;
  let first = i;
  if (l.text === "-" && lex[i + 1]?.type === "digits") {
    const before = l.start === 0 ? " " : text[l.start - 1]!;
    const gap = text.slice(l.end, lex[i + 1]!.start);
    if (/[\s(]/u.test(before) && (gap === "" || l.start === 0)) {
      sign = -1;
      first = i + 1;
    }
  } else if (NEGATIVE_WORD.has(l.lower) && lex[i + 1]) {
    const k = joined(text, lex, i + 1);
    if (k !== null && (lex[k]!.type === "digits" || parseCardinal(text, lex, k) || parseFraction(text, lex, k))) {
      sign = -1;
      first = k;
    }
  }
  const f = lex[first]!;
  const startPos = sign < 0 ? l.start : f.start;
  // digits, or a leading-dot decimal ".08"
  const digitStart = f.type === "digits" ? f.start : f.text === "." && lex[first + 1]?.type === "digits" && lex[first + 1]!.start === f.end ? f.start : -1;
  if (digitStart >= 0) {
    if (digitStart > 0 && /[\d.]/u.test(text[digitStart - 1]!) && f.text !== ".") return null;
    const d = readDigits(text, digitStart);
    if (!d) return null;
    if (d.parts) return { matches: d.parts.map((p) => match(text, p.start, p.end, Number(text.slice(p.start, p.end)), "dotted")), next: lexAt(lex, d.end, first) };
    let end = d.end;
    let value = d.value;
    const form = d.form;
    let next = lexAt(lex, end, first);
    if (d.suffix === null && form === "digits") {
      // "2 million", "322 hundred", "3 dozens"
      const words = parseCardinal(text, lex, next, value);
      if (words && lex[next - 1]!.end === end) {
        value = words.value;
        end = lex[words.end - 1]!.end;
        next = words.end;
      }
      const ratio = readOver(text, lex, next, value);
      if (ratio) return { matches: [match(text, startPos, lex[ratio.end - 1]!.end, sign * ratio.value, "fraction")], next: ratio.end };
    }
    return { matches: [match(text, startPos, end, sign * value, form, d.suffix)], next };
  }
  const w = readWords(text, lex, first);
  if (!w) return null;
  return { matches: [match(text, startPos, lex[w.parsed.end - 1]!.end, sign * w.parsed.value, w.form)], next: w.parsed.end };
}

/** "one over three", "1 over twenty-one", "one out of three"; "$2000 over 3 years" stays two numbers. */
function readOver(text: string, lex: readonly Lexeme[], k: number, numerator: number): Parsed | null {
  const op = lex[k];
  if (!op || (op.lower !== "over" && op.lower !== "out")) return null;
  let j = k + 1;
  if (op.lower === "out") {
    if (lex[j]?.lower !== "of") return null;
    j++;
  }
  const den = lex[j]?.type === "digits" && /^\d+$/u.test(lex[j]!.text) ? { value: Number(lex[j]!.text), end: j + 1 } : parseCardinal(text, lex, j);
  if (!den || den.value === 0) return null;
  const after = lex[den.end];
  if (op.lower === "over" && after && after.type === "word" && !text.slice(lex[den.end - 1]!.end, after.start).includes("\n")) return null;
  return { value: numerator / den.value, end: den.end };
}

function readWords(text: string, lex: readonly Lexeme[], i: number): { parsed: Parsed; form: NumberForm } | null {
  const half = parseHalfA(text, lex, i);
  if (half) return { parsed: half, form: "words" };
  const frac = parseFraction(text, lex, i);
  if (frac) return { parsed: frac, form: "fraction" };
  if (lex[i]!.lower === "half") return { parsed: { value: 0.5, end: i + 1 }, form: "fraction" };
  const card = parseCardinal(text, lex, i);
  if (!card) return null;
  // "two hundred point zero three"
  const p = joined(text, lex, card.end);
  if (p !== null && lex[p]!.lower === "point") {
    const digits = parsePointDigits(text, lex, p + 1);
    if (digits) return { parsed: { value: card.value + digits.value, end: digits.end }, form: "words" };
  }
  // "one and a half", "twenty and three and three fifths"
  let whole = card.value;
  let k = joined(text, lex, card.end);
  while (k !== null && lex[k]!.lower === "and") {
    const after = joined(text, lex, k + 1);
    if (after === null) break;
    const f = parseFraction(text, lex, after);
    if (f) return { parsed: { value: whole + f.value, end: f.end }, form: "fraction" };
    const more = parseCardinal(text, lex, after);
    if (!more) break;
    whole += more.value;
    k = joined(text, lex, more.end);
  }
  const ratio = readOver(text, lex, card.end, card.value);
  if (ratio) return { parsed: ratio, form: "fraction" };
  return { parsed: card, form: "words" };
}
