/**
 * English number words as data (pipeline/lexicons/number-words.json) and the lexeme stream the
 * word-number grammar walks. Kept apart from the grammar so the grammar reads as rules.
 */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";

const KINDS = ["unit", "teen", "tens", "hundred", "magnitude", "dozen", "ordinal", "ordinals", "fraction", "fractions"] as const;
export type WordKind = (typeof KINDS)[number];

const entry = z.object({ word, kind: z.enum(KINDS), value: z.number() });

// shared with the dates stage, which reads the ordinals as days of the month
const WORDS = new Map<string, { kind: WordKind; value: number }>(
  loadLexicon(import.meta.url, "../lexicons/number-words.json", entry, (e) => e.word.toLowerCase()).map((e) => [e.word.toLowerCase(), e]),
);

/** A word that can name a fraction's denominator: "fifth(s)", "quarter(s)". */
export function isDenominator(kind: WordKind): boolean {
  return kind === "ordinal" || kind === "ordinals" || kind === "fraction" || kind === "fractions";
}

/** The plural form of a denominator: "fifths", "quarters". */
export function isPluralDenominator(kind: WordKind): boolean {
  return kind === "ordinals" || kind === "fractions";
}

/** Every number word, lower-case. */
export const NUMBER_WORDS: readonly string[] = [...WORDS.keys()];

/** `lower` must already be lower-case (lexemes carry it). */
export function numberWord(lower: string): { kind: WordKind; value: number } | undefined {
  return WORDS.get(lower);
}

/** A run of digits, a run of letters, or one other non-space character; offsets are UTF-16. */
export type Lexeme = { start: number; end: number; text: string; lower: string; type: "digits" | "word" | "mark" };

/** JavaScript's \s: the characters that separate lexemes. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * The lexemes of `text`, as /\d+|[A-Za-z]+|[^\sA-Za-z\d]/gu would match them (a mark is one
 * code point), walked by hand: this runs on every sentence that may hold a number.
 */
export function lexemes(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    let type: Lexeme["type"];
    // an ASCII word without capitals is its own lower-case form: no toLowerCase copy for it
    let upper = false;
    if (isDigit(c)) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      type = "digits";
    } else if (isLetter(c)) {
      upper = c < 0x61;
      while (j < n && isLetter(text.charCodeAt(j))) {
        if (text.charCodeAt(j) < 0x61) upper = true;
        j++;
      }
      type = "word";
    } else if (isSpace(c)) {
      i = j;
      continue;
    } else {
      if (c >= 0xd800 && c <= 0xdbff && j < n) {
        const d = text.charCodeAt(j);
        if (d >= 0xdc00 && d <= 0xdfff) j++;
      }
      type = "mark";
    }
    const t = text.slice(i, j);
    out.push({ start: i, end: j, text: t, lower: type === "digits" || (type === "word" && !upper) ? t : t.toLowerCase(), type });
    i = j;
  }
  return out;
}
