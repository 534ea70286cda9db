/**
 * English number words as data (number-words.json) and the lexeme stream the
 * word-number grammar walks. Kept apart from the grammar so the grammar reads as rules.
 */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";

export type WordKind = "unit" | "teen" | "tens" | "hundred" | "magnitude" | "dozen" | "ordinal" | "ordinals";

const entry = z.object({
  word,
  kind: z.enum(["unit", "teen", "tens", "hundred", "magnitude", "dozen", "ordinal", "ordinals"]),
  value: z.number(),
});

const WORDS = new Map<string, { kind: WordKind; value: number }>(
  loadLexicon(import.meta.url, "number-words.json", entry, (e) => e.word.toLowerCase()).map((e) => [e.word.toLowerCase(), e]),
);

/** `lower` must already be lower-case (lexemes carry it). */
export function numberWord(lower: string): { kind: WordKind; value: number } | undefined {
  return WORDS.get(lower);
}

/** A run of digits, a run of letters, or one other non-space character; offsets are UTF-16. */
export type Lexeme = { start: number; end: number; text: string; lower: string; type: "digits" | "word" | "mark" };

const LEXEME = /\d+|[A-Za-z]+|[^\sA-Za-z\d]/gu;

export function lexemes(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  for (const m of text.matchAll(LEXEME)) {
    const t = m[0];
    const c = t.charCodeAt(0) | 0x20; // fold ASCII case
    const type = c >= 0x30 && c <= 0x39 ? "digits" : c >= 0x61 && c <= 0x7a ? "word" : "mark";
    out.push({ start: m.index, end: m.index + t.length, text: t, lower: t.toLowerCase(), type });
  }
  return out;
}
