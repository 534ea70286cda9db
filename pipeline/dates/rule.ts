/**
 * What an extraction rule is: a name, the words it needs, one regex compiled at load, and a
 * builder that reads the match into a DateSpec or rejects it; plus the helpers builders share.
 */
import type { DateSpec, Shift } from "./date-spec.js";

export type Rule = {
  name: string;
  /**
   * Words the text must contain for the rule to run at all: every group needs one of its
   * words (or a class: #digit, #year, #month, #weekday, #dayword). Skipping rules that
   * cannot match keeps the stage fast; the regexes alone scan at about 1 MB/s together.
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

/** The word just before the match, lower-cased ("" at the start of the sentence). */
export function wordBefore(m: RegExpExecArray, text: string): string {
  const w = /([\p{L}']+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, m.index - 40), m.index));
  return w ? w[1]!.toLowerCase() : "";
}

export function shiftOf(word: string | undefined): Shift {
  if (word === undefined) return null;
  const w = word.toLowerCase();
  if (w === "last" || w === "past" || w === "previous") return -1;
  if (w === "this" || w === "current") return 0;
  if (w === "next" || w === "coming") return 1;
  return null;
}

