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
  /** contains a letter */
  letter: boolean;
  /** contains a letter that upper-casing would change (a lower-case letter): false in "ISIS", "UN" */
  lowerLetter: boolean;
  /** `lower` without dots, the key of title look-ups ("brig" for "Brig.") */
  titleKey: string;
};

const UPPER = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const LETTER = /\p{L}/u;
const ODD_APOSTROPHE = /[’‘`]/g;

function lowerOf(s: string): string {
  const lower = s.toLowerCase();
  return lower.indexOf("’") < 0 && lower.indexOf("‘") < 0 && lower.indexOf("`") < 0 ? lower : lower.replace(ODD_APOSTROPHE, "'");
}

/** Starts with an upper-case letter; plain ASCII is decided without a regex. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(s);
}

/** [has a letter, has a letter that upper-casing changes], by char codes for ASCII text. */
function letterShape(s: string): [boolean, boolean] {
  let letter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return [LETTER.test(s), s !== s.toUpperCase()];
    if (c >= 97 && c <= 122) return [true, true];
    if (c >= 65 && c <= 90) letter = true;
  }
  return [letter, false];
}

function makeWord(doc: Doc, parts: Token[], spaceBefore: boolean): Word {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const text = parts.length === 1 ? first.text : parts.map((t) => t.text).join("");
  const lower = lowerOf(text);
  const head = parts.length === 1 ? lower : lowerOf(first.text);
  const [letter, lowerLetter] = letterShape(text);
  return {
    start: first.start,
    end: last.end,
    text,
    lower,
    pos: first.pos,
    sentence: first.sentence,
    cap: startsUpper(text),
    particle: nameParticles.has(head) && (parts.length === 1 || (parts.length >= 3 && startsUpper(parts[2]!.text))),
    spaceBefore,
    letter,
    lowerLetter,
    titleKey: lower.indexOf(".") < 0 ? lower : lower.replace(/\./g, ""),
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
      !(startsUpper(parts[parts.length - 1]!.text) && !nameParticles.has(lowerOf(parts[0]!.text)) && LOWER_START.test(toks[j + 1]!.text))
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

/** The title key of words [a, b): their key without dots ("brig gen" for "Brig. Gen."). */
export function titleKeyOf(words: readonly Word[], a: number, b: number): string {
  let s = "";
  for (let k = a; k < b; k++) s += (k > a && words[k]!.spaceBefore ? " " : "") + words[k]!.titleKey;
  return s;
}

/** The normalized key of words [a, b): what the look-up tables are keyed by. */
export function keyOf(words: readonly Word[], a: number, b: number): string {
  let s = "";
  for (let k = a; k < b; k++) s += (k > a && words[k]!.spaceBefore ? " " : "") + words[k]!.lower;
  return s;
}
