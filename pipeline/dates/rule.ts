/**
 * What an extraction rule is: a name, the words it needs, one regex compiled at load, and a
 * builder that reads the match into a DateSpec or rejects it; plus the helpers builders share.
 */
import type { DateSpec, Shift } from "./date-spec.js";

export type Rule = {
  name: string;
  /**
   * Words the text must contain for the rule to run at all: every group needs one of its
   * words (or a class: #digit, #year, #numsep for "22/04", #decade for "1990s", #month, #weekday, #dayword). Every
   * match must hold a word of each group: the stage runs a rule only on the sentences
   * (and their neighbours) that have them, which keeps it fast.
   */
  when: readonly (readonly string[])[];
  re: RegExp;
  /** `text` is the whole text searched (a paragraph), for looking at the words around the match */
  build(m: RegExpExecArray, text: string): DateSpec | null;
};

/** Letters (Latin, with accents) and digits: a rule never starts or ends inside a word. */
const WORD_CHAR = "[A-Za-z0-9\\u00C0-\\u024F]";

/** Compile a rule's source between word edges; case-insensitive (the Recognizers specs are lower-cased). */
export function rule(name: string, when: Rule["when"], source: string, build: Rule["build"]): Rule {
  // no "u" flag: Unicode case folding makes V8 several times slower, and English dates are ASCII
  return { name, when, re: new RegExp(`(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`, "gi"), build };
}

const WORD_BEFORE = /([\p{L}']+)[^\p{L}\p{N}]*$/u;
const NON_ASCII = /[^\x00-\x7F]/;

/** The word just before the match, lower-cased ("" at the start of the sentence). */
export function wordBefore(m: RegExpExecArray, text: string): string {
  const from = Math.max(0, m.index - 40);
  const window = text.slice(from, m.index);
  // a regex anchored at the end tries every start; ASCII text (nearly all of it) is walked back by hand
  if (NON_ASCII.test(window)) {
    const w = WORD_BEFORE.exec(window);
    return w ? w[1]!.toLowerCase() : "";
  }
  return asciiWordBefore(window);
}

const isLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const APOSTROPHE = 39;

/**
 * What WORD_BEFORE finds in ASCII: the leftmost run of letters and apostrophes after which
 * nothing but punctuation and spaces follows (apostrophes among them).
 */
function asciiWordBefore(w: string): string {
  let j = w.length;
  while (j > 0 && !isLetter(w.charCodeAt(j - 1)) && !isDigit(w.charCodeAt(j - 1))) j--;
  if (j > 0 && isLetter(w.charCodeAt(j - 1))) {
    let i = j - 1;
    while (i > 0 && (isLetter(w.charCodeAt(i - 1)) || w.charCodeAt(i - 1) === APOSTROPHE)) i--;
    while (j < w.length && w.charCodeAt(j) === APOSTROPHE) j++;
    return w.slice(i, j).toLowerCase();
  }
  // no letter after the last digit: a run of apostrophes alone, if any
  const a = w.indexOf("'", j);
  if (a < 0) return "";
  let e = a;
  while (e < w.length && w.charCodeAt(e) === APOSTROPHE) e++;
  return w.slice(a, e);
}

export function shiftOf(word: string | undefined): Shift {
  if (word === undefined) return null;
  const w = word.toLowerCase();
  if (w === "last" || w === "past" || w === "previous") return -1;
  if (w === "this" || w === "current") return 0;
  if (w === "next" || w === "coming") return 1;
  return null;
}

