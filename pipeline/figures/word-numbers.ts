/**
 * The grammar of spelled-out English numbers over a lexeme stream:
 * cardinals ("twenty-one trillion and three hundred", "a dozen", "322 hundred"),
 * decimals ("two hundred point zero three") and fractions ("two thirds",
 * "a hundred trillionths", "one and a half", "one over three").
 * Every function takes the lexeme index to start at and returns the value and the
 * index just past the last lexeme used, or null; none of them reads past a line end.
 */
import { isDenominator, isPluralDenominator, type Lexeme, numberWord } from "./number-words.js";

export type Parsed = { value: number; end: number };

type State = "none" | "a" | "digits" | "unit" | "teen" | "tens" | "hundred" | "magnitude" | "dozen" | "and";

function crossesLine(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Index of the lexeme that continues a number after lexeme `j - 1`: skips one hyphen; null at a line break. */
export function joined(text: string, lex: readonly Lexeme[], j: number): number | null {
  const prev = lex[j - 1];
  const next = lex[j];
  if (!prev || !next || crossesLine(text, prev.end, next.start)) return null;
  if (next.text === "-" || next.text === "‐") {
    const after = lex[j + 1];
    if (!after || crossesLine(text, next.end, after.start)) return null;
    return j + 1;
  }
  return j;
}

const isA = (l: Lexeme | undefined): boolean => l !== undefined && (l.lower === "a" || l.lower === "an");

/**
 * A cardinal number in words, greedy but grammatical: "three four" is two numbers,
 * "twenty twenty" too. `seed` starts from a digit numeral ("2 million", "3 dozens").
 */
export function parseCardinal(text: string, lex: readonly Lexeme[], i: number, seed?: number): Parsed | null {
  let total = 0;
  let group = 0;
  let lastAdded = 0;
  let lastMagnitude = Infinity;
  let state: State = "none";
  let best: Parsed | null = null;
  let j: number | null = i;
  if (seed !== undefined) {
    group = seed;
    lastAdded = seed;
    state = "digits";
    j = joined(text, lex, i);
  } else if (isA(lex[i])) {
    const next = joined(text, lex, i + 1);
    const w = next === null ? undefined : numberWord(lex[next]!.lower);
    if (!w || (w.kind !== "hundred" && w.kind !== "magnitude" && w.kind !== "dozen")) return null;
    group = 1;
    lastAdded = 1;
    state = "a";
    j = next;
  }
  while (j !== null && j < lex.length) {
    const l = lex[j]!;
    if (l.lower === "and" && (state === "hundred" || state === "magnitude")) {
      const k = joined(text, lex, j + 1);
      const w = k === null ? undefined : numberWord(lex[k]!.lower);
      if (!w || (w.kind !== "unit" && w.kind !== "teen" && w.kind !== "tens")) break;
      state = "and";
      j = k;
      continue;
    }
    const w = l.type === "word" ? numberWord(l.lower) : undefined;
    if (!w) break;
    const afterJoinable = state === "none" || state === "hundred" || state === "magnitude" || state === "and";
    if (w.kind === "unit") {
      if (w.value === 0) {
        if (state !== "none") break;
        best = { value: 0, end: j + 1 };
        break;
      }
      if (!(afterJoinable || state === "tens")) break;
      group += w.value;
      lastAdded = state === "tens" ? lastAdded + w.value : w.value;
    } else if (w.kind === "teen" || w.kind === "tens") {
      if (!afterJoinable) break;
      group += w.value;
      lastAdded = w.value;
    } else if (w.kind === "hundred") {
      const ok = state === "unit" || state === "teen" || state === "tens" || state === "a" || state === "digits";
      if (!ok || (state !== "digits" && group >= 100) || group % 100 === 0) break;
      group *= 100;
    } else if (w.kind === "magnitude") {
      if (state === "magnitude" && group === 0 && w.value > lastMagnitude) {
        total *= w.value; // "three lakh crore"
      } else {
        const ok = state !== "none" && state !== "and" && state !== "magnitude";
        if (!ok || w.value >= lastMagnitude || group === 0) break;
        total += group * w.value;
        group = 0;
      }
      lastMagnitude = w.value;
    } else if (w.kind === "dozen") {
      const ok = state === "unit" || state === "teen" || state === "tens" || state === "a" || state === "digits";
      if (!ok) break;
      group += lastAdded * 11; // "three hundred and two dozens" = 300 + 24
    } else break;
    state = w.kind === "dozen" ? "dozen" : (w.kind as State);
    best = { value: total + group, end: j + 1 };
    j = joined(text, lex, j + 1);
  }
  return best;
}

/** "point zero three" → 0.03, "point seventy-one" → 0.71: digits read off the words after "point". */
export function parsePointDigits(text: string, lex: readonly Lexeme[], i: number): Parsed | null {
  let digits = "";
  let j: number | null = i;
  let end = -1;
  while (j !== null && j < lex.length) {
    const w = numberWord(lex[j]!.lower);
    if (!w || (w.kind !== "unit" && w.kind !== "teen" && w.kind !== "tens")) break;
    let v = w.value;
    let used = j + 1;
    if (w.kind === "tens") {
      const k = joined(text, lex, j + 1);
      const u = k === null ? undefined : numberWord(lex[k]!.lower);
      if (u && u.kind === "unit" && u.value > 0) {
        v += u.value;
        used = k! + 1;
      }
    }
    digits += String(v);
    end = used;
    j = joined(text, lex, used);
  }
  return end < 0 ? null : { value: Number(`0.${digits}`), end };
}

/** A fraction denominator: "fifths", "twenty-first", "one hundred and fifth", "half". */
function parseDenominator(text: string, lex: readonly Lexeme[], i: number): (Parsed & { plural: boolean }) | null {
  const l = lex[i];
  if (!l) return null;
  if (l.lower === "half" || l.lower === "halves") return { value: 2, end: i + 1, plural: l.lower === "halves" };
  const w = numberWord(l.lower);
  // "first" and "second" alone are ordinals ("a first class seat"), not denominators
  if (w && isDenominator(w.kind)) return w.value < 3 ? null : { value: w.value, end: i + 1, plural: isPluralDenominator(w.kind) };
  const prefix = parseCardinal(text, lex, i);
  if (!prefix) return null;
  let k = joined(text, lex, prefix.end);
  if (k !== null && lex[k]!.lower === "and") k = joined(text, lex, k + 1);
  const o = k === null ? undefined : numberWord(lex[k]!.lower);
  if (!o || !isDenominator(o.kind)) return null;
  const value = o.value >= 100 ? prefix.value * o.value : prefix.value + o.value;
  return { value, end: k! + 1, plural: isPluralDenominator(o.kind) };
}

/** numerator + denominator, with singular/plural agreement ("one fifth", "three fifths"). */
export function parseFraction(text: string, lex: readonly Lexeme[], i: number): Parsed | null {
  const numerator = isA(lex[i]) || lex[i]?.lower === "one" ? (parseCardinal(text, lex, i) ?? { value: 1, end: i + 1 }) : parseCardinal(text, lex, i);
  if (!numerator) return null;
  const k = joined(text, lex, numerator.end);
  if (k === null) return null;
  const d = parseDenominator(text, lex, k);
  if (!d || d.plural !== numerator.value > 1) return null;
  return { value: numerator.value / d.value, end: d.end };
}

/** "half a dozen", "half a million" → 6, 500000. */
export function parseHalfA(text: string, lex: readonly Lexeme[], i: number): Parsed | null {
  if (lex[i]?.lower !== "half") return null;
  const a = joined(text, lex, i + 1);
  if (a === null || !isA(lex[a])) return null;
  const m = joined(text, lex, a + 1);
  const w = m === null ? undefined : numberWord(lex[m]!.lower);
  if (!w || (w.kind !== "magnitude" && w.kind !== "dozen" && w.kind !== "hundred")) return null;
  return { value: w.value / 2, end: m! + 1 };
}
