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

/** A lower-cased text with straight apostrophes; the same string when it has no odd one. */
function straightened(lower: string): string {
  return lower.indexOf("’") < 0 && lower.indexOf("‘") < 0 && lower.indexOf("`") < 0 ? lower : lower.replace(ODD_APOSTROPHE, "'");
}

function lowerOf(s: string): string {
  return straightened(s.toLowerCase());
}

/** `lowerOf(t.text)` from the lower-case form segment made once per token (no second toLowerCase copy). */
function tokenLower(t: Token): string {
  return straightened(t.lower);
}

/** Starts with an upper-case letter; plain ASCII is decided without a regex. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(s);
}

const HAS_LETTER = 1;
const HAS_LOWER_LETTER = 2;

/**
 * The General Punctuation block (U+2000–U+206F: curly quotes, dashes, ellipsis) holds no letter
 * and nothing that upper-casing changes, so its characters are skipped like ASCII punctuation;
 * any other non-ASCII character sends the word to the regex and toUpperCase (ICU, slow).
 */
function isGeneralPunctuation(c: number): boolean {
  return c >= 0x2000 && c <= 0x206f;
}

/** HAS_LETTER | HAS_LOWER_LETTER (a letter that upper-casing changes), by char codes for ASCII text; bit flags, not a tuple, as it runs once per word. */
function letterShape(s: string): number {
  let letter = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      if (isGeneralPunctuation(c)) continue;
      return (LETTER.test(s) ? HAS_LETTER : 0) | (s !== s.toUpperCase() ? HAS_LOWER_LETTER : 0);
    }
    if (c >= 97 && c <= 122) return HAS_LETTER | HAS_LOWER_LETTER;
    if (c >= 65 && c <= 90) letter = HAS_LETTER;
  }
  return letter;
}

/**
 * A Word built by `new`, not as an object literal: V8 moves a literal whose objects outlive the
 * young generation (as a document's words do) to old-generation allocation, which makes every
 * store into a new word pay the write barrier; objects made by `new` are allocated young.
 */
class ScannedWord implements Word {
  // `declare`: the constructor sets every field (no class-field definitions first)
  declare start: number;
  declare end: number;
  declare text: string;
  declare lower: string;
  declare pos: string;
  declare sentence: number;
  declare cap: boolean;
  declare particle: boolean;
  declare spaceBefore: boolean;
  declare letter: boolean;
  declare lowerLetter: boolean;
  declare titleKey: string;
  constructor(first: Token, last: Token, text: string, lower: string, particle: boolean, spaceBefore: boolean, shape: number) {
    this.start = first.start;
    this.end = last.end;
    this.text = text;
    this.lower = lower;
    this.pos = first.pos;
    this.sentence = first.sentence;
    this.cap = startsUpper(text);
    this.particle = particle;
    this.spaceBefore = spaceBefore;
    this.letter = (shape & HAS_LETTER) !== 0;
    this.lowerLetter = (shape & HAS_LOWER_LETTER) !== 0;
    this.titleKey = lower.indexOf(".") < 0 ? lower : lower.replace(/\./g, "");
  }
}

/** The word made of tokens [from, to) (a range, not an array: this runs once per token). */
function makeWord(toks: readonly Token[], from: number, to: number, spaceBefore: boolean): Word {
  const first = toks[from]!;
  const last = toks[to - 1]!;
  const single = to - from === 1;
  let text = first.text;
  for (let k = from + 1; k < to; k++) text += toks[k]!.text;
  const lower = single ? tokenLower(first) : lowerOf(text);
  const head = single ? lower : tokenLower(first);
  const particle = nameParticles.has(head) && (single || (to - from >= 3 && startsUpper(toks[from + 2]!.text)));
  return new ScannedWord(first, last, text, lower, particle, spaceBefore, letterShape(text));
}

/** Words of the document, grouped by sentence index (sentences without tokens get an empty list). */
export function wordsBySentence(doc: Doc): Word[][] {
  const out: Word[][] = doc.sentences.map(() => []);
  const toks = doc.tokens;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    // the word's tokens are toks[i..j): merge "X-Y" chains whose pieces touch
    let j = i + 1;
    while (
      j + 1 < toks.length &&
      toks[j]!.text === "-" &&
      toks[j]!.sentence === t.sentence &&
      toks[j]!.start === toks[j - 1]!.end &&
      toks[j + 1]!.start === toks[j]!.end &&
      !(startsUpper(toks[j - 1]!.text) && !nameParticles.has(tokenLower(t)) && LOWER_START.test(toks[j + 1]!.text))
    ) {
      j += 2;
    }
    const prev = i > 0 ? toks[i - 1]! : null;
    const spaceBefore = prev === null || prev.end < t.start;
    const list = out[t.sentence];
    if (list) list.push(makeWord(toks, i, j, spaceBefore));
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
