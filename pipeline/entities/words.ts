/**
 * Words: doc.tokens regrouped for name finding. wink splits "al-Nuri" into
 * "al", "-", "Nuri"; names need them whole, so tokens joined by a hyphen with no
 * space are merged — except before a lower-case tail after a capitalized head
 * ("U.S.-led", "ISIS-held"), where the head is a name of its own and the tail says
 * how it relates to what follows.
 */
import type { Doc, Token } from "../doc.js";
import { nameParticles } from "./lexicons.js";

export type Word = {
  start: number; // code points
  end: number;
  text: string;
  lower: string; // normalized: lower-case, straight apostrophes
  pos: string; // POS of the first token
  sentence: number;
  /** starts with an upper-case letter */
  cap: boolean;
  /** "al", "bin", or a hyphenated particle word "al-Nuri" */
  particle: boolean;
  /** whitespace precedes it (false after "(" or inside "Workers'") */
  spaceBefore: boolean;
};

const UPPER = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;

function lowerOf(s: string): string {
  return s.toLowerCase().replace(/[’‘`]/g, "'");
}

function makeWord(doc: Doc, parts: Token[], spaceBefore: boolean): Word {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const text = parts.map((t) => t.text).join("");
  const head = lowerOf(first.text);
  return {
    start: first.start,
    end: last.end,
    text,
    lower: lowerOf(text),
    pos: first.pos,
    sentence: first.sentence,
    cap: UPPER.test(text),
    particle: nameParticles.has(head) && (parts.length === 1 || (parts.length >= 3 && UPPER.test(parts[2]!.text))),
    spaceBefore,
  };
}

/** Words of the document, grouped by sentence index (sentences without tokens get an empty list). */
export function wordsBySentence(doc: Doc): Word[][] {
  const out: Word[][] = doc.sentences.map(() => []);
  const toks = doc.tokens;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const parts = [t];
    let j = i + 1;
    // merge "X-Y" chains whose pieces touch
    while (
      j + 1 < toks.length &&
      toks[j]!.text === "-" &&
      toks[j]!.sentence === t.sentence &&
      toks[j]!.start === parts[parts.length - 1]!.end &&
      toks[j + 1]!.start === toks[j]!.end &&
      !(UPPER.test(parts[parts.length - 1]!.text) && !nameParticles.has(lowerOf(parts[0]!.text)) && LOWER_START.test(toks[j + 1]!.text))
    ) {
      parts.push(toks[j]!, toks[j + 1]!);
      j += 2;
    }
    const prev = i > 0 ? toks[i - 1]! : null;
    const spaceBefore = prev === null || prev.end < t.start;
    const list = out[t.sentence];
    if (list) list.push(makeWord(doc, parts, spaceBefore));
    i = j;
  }
  return out;
}

/** The words [a, b) as written, with runs of whitespace collapsed: "Brig. Gen." */
export function surfaceOf(words: readonly Word[], a: number, b: number): string {
  let s = "";
  for (let k = a; k < b; k++) s += (k > a && words[k]!.spaceBefore ? " " : "") + words[k]!.text;
  return s;
}

/** The normalized key of words [a, b): what the look-up tables are keyed by. */
export function keyOf(words: readonly Word[], a: number, b: number): string {
  let s = "";
  for (let k = a; k < b; k++) s += (k > a && words[k]!.spaceBefore ? " " : "") + words[k]!.lower;
  return s;
}
