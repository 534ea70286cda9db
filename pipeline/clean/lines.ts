/** Physical lines of a document with the shape features the boilerplate rules read. */
import type { Doc, Line } from "../doc.js";

const NON_SPACE_RE = /\S/u;

/** Split on \n, \r\n or \r; every line starts as body (or blank) with no boilerplate reason. */
export function splitLines(doc: Pick<Doc, "text" | "index">): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let n = 1;
  const push = (s: number, e: number) => {
    const text = doc.text.slice(s, e);
    const start = doc.index.toCodePoint(s);
    const end = doc.index.toCodePoint(e);
    lines.push({ start, end, line: n++, text, boilerplate: null, role: NON_SPACE_RE.test(text) ? "body" : "blank" });
  };
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  // a trailing line without a final newline is still a line; an empty text has none
  if (start < doc.text.length) push(start, doc.text.length);
  return lines;
}

export type LineShape = {
  /** whitespace collapsed (NBSP included), trimmed */
  norm: string;
  /** lower-cased `norm`, straight quotes, trailing punctuation kept */
  lower: string;
  words: number;
  letters: number;
  /** share of letters that are upper case (0..1) */
  upperShare: number;
  /** share of words (of 4+ letters) that start with a capital */
  capWordShare: number;
  /** ends like a sentence: . ! ? or an ellipsis, optionally followed by closing quotes/brackets */
  endsSentence: boolean;
  /** ends with a period (not ? or !), optionally inside closing quotes */
  endsPeriod: boolean;
  blank: boolean;
  /** opens with a wire dateline ("KYIV, Ukraine (AP) — Russian …"), or is one alone on its
   *  line with its text on the next ("BAMAKO (Reuters) -") */
  dateline: boolean;
};

const SPACE_RE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu;
const LETTER_RE = /^\p{L}$/u;
const UPPER_RE = /^\p{Lu}$/u;
const NUMBER_RE = /^\p{N}$/u;
const ENDS_SENTENCE_RE = /[.!?…]["'”’»)\]]*$/u;
const ENDS_PERIOD_RE = /[.…]["'”’»)\]]*$/u;
// a place in capitals, up to three comma parts (country, date), an agency in brackets, a dash
const DATELINE_RE =
  /^\p{Lu}{2}[\p{Lu}\p{M}'’.-]*(?:\s+\p{Lu}{2}[\p{Lu}\p{M}'’.-]*)*(?:,\s*[\p{L}\p{M}\d .'’-]{2,30}){0,3}(?:\s*\([^()]{1,40}\))?\s*(?:--|[—–-])(?:\s|$)/u;

// an all-caps word after the dash: "SIEGE OF EXAMPLE – MAY 2, 2022: ARMY PUSHES IN" is a headline
const CAPS_WORD_RE = /^\p{Lu}{2,}\b/u;

function opensWithDateline(norm: string): boolean {
  const m = DATELINE_RE.exec(norm);
  return m !== null && !CAPS_WORD_RE.test(norm.slice(m[0].length));
}

const SPACE_CHAR_RE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]$/u;

/** Does `s` hold whitespace that SPACE_RE would change: a run of spaces, or any other space character? */
function hasSpaceToCollapse(s: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return true;
      previousSpace = true;
      continue;
    }
    previousSpace = false;
    if (c < 128) {
      if (c >= 9 && c <= 13) return true;
    } else if ((c === 0xa0 || c === 0x1680 || c === 0xfeff || (c >= 0x2000 && c <= 0x3000)) && SPACE_CHAR_RE.test(s[i]!)) {
      // (every space character beyond ASCII is one of these; the regex decides)
      return true;
    }
  }
  return false;
}

/** Whitespace runs collapsed to one space, trimmed; most lines have only single spaces, and are only trimmed. */
export function normalizeSpace(s: string): string {
  return hasSpaceToCollapse(s) ? s.replace(SPACE_RE, " ").trim() : s.trim();
}

const LETTER = 1;
const UPPER = 2;
const NUMBER = 4;
/** Character classes of the code points met so far beyond ASCII (a page uses few of them). */
const classCache = new Map<number, number>();

function classOf(c: number): number {
  if (c < 128) {
    if (c >= 65 && c <= 90) return LETTER | UPPER;
    if (c >= 97 && c <= 122) return LETTER;
    return c >= 48 && c <= 57 ? NUMBER : 0;
  }
  let k = classCache.get(c);
  if (k === undefined) {
    const ch = String.fromCodePoint(c);
    k = (LETTER_RE.test(ch) ? LETTER : 0) | (UPPER_RE.test(ch) ? UPPER : 0) | (NUMBER_RE.test(ch) ? NUMBER : 0);
    classCache.set(c, k);
  }
  return k;
}

/** Apostrophes, periods and hyphens continue a word ("al-Assad", "U.S.", "don't"). */
function continuesWord(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45;
}

const CURLY_QUOTE_RE = /[‘’“”]/u;

/** Curly quotes made straight; most lines have none and are returned as they are. */
function straightQuotes(s: string): string {
  return CURLY_QUOTE_RE.test(s) ? s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : s;
}

export function shapeOf(text: string): LineShape {
  const norm = normalizeSpace(text);
  // one pass over the code points: words (a letter or digit, then letters, digits and the
  // characters of continuesWord), letters and capitals; no arrays of matches are built
  let words = 0;
  let long = 0;
  let capped = 0;
  let letters = 0;
  let upper = 0;
  let wordStart = -1;
  let wordCapital = false;
  for (let i = 0; i <= norm.length; ) {
    // (charCodeAt is the code point except at a high surrogate, where codePointAt pairs it)
    const u = i < norm.length ? norm.charCodeAt(i) : -1;
    const c = u >= 0xd800 && u <= 0xdbff ? norm.codePointAt(i)! : u;
    const k = c < 0 ? 0 : classOf(c);
    if (k & LETTER) letters++;
    if (k & UPPER) upper++;
    if (wordStart >= 0 && !(k & (LETTER | NUMBER)) && !continuesWord(c)) {
      words++;
      if (i - wordStart >= 4) {
        long++;
        if (wordCapital) capped++;
      }
      wordStart = -1;
    } else if (wordStart < 0 && k & (LETTER | NUMBER)) {
      wordStart = i;
      wordCapital = (k & UPPER) !== 0;
    }
    i += c > 0xffff ? 2 : 1;
  }
  return {
    norm,
    lower: straightQuotes(norm.toLowerCase()),
    words,
    letters,
    upperShare: letters === 0 ? 0 : upper / letters,
    capWordShare: long === 0 ? 0 : capped / long,
    endsSentence: ENDS_SENTENCE_RE.test(norm),
    endsPeriod: ENDS_PERIOD_RE.test(norm),
    blank: norm === "",
    dateline: opensWithDateline(norm),
  };
}
