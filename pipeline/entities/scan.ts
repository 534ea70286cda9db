/**
 * Scan one sentence's words for entity candidates: known phrases first (curated
 * aliases, demonym + force noun, gazetteer), then runs of capitalized words,
 * which `classify-run.ts` splits at titles and types by their heads.
 */
import type { EntityType } from "../doc.js";
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { classifyRun } from "./classify-run.js";
import { anaphoricHeads, nameHeads, stopCapitalized, suffixPlaceHeads, titleMaxWords, titleRoles } from "./lexicons.js";
import { matchPhrase, type PhraseMatch } from "./phrases.js";
import { surfaceOf, titleKeyOf, type Word } from "./words.js";

export type Candidate = {
  start: number; // code points
  end: number;
  text: string;
  /** null: a lone capitalized word, kept only if linking ties it to a name ("Dillon") */
  type: EntityType | null;
  subtype: string | null;
  name: string;
  lexiconId: string | null;
  roles: string[];
  sentence: number;
  /** alias: a lone name after "known as", another name of the entity named before it in the sentence */
  kind: "phrase" | "name" | "person" | "single" | "acronym" | "anaphor" | "alias";
  /** the name without its head word ("Tigris" for "Tigris River"): a later bare mention refers back */
  bare: string | null;
  /** a lone word right after a place preposition ("in Bucha") */
  afterPlacePreposition: boolean;
};

const compoundTails = new Map(
  loadLexicon(import.meta.url, "compound-tails.json", z.object({ tail: word, group: z.boolean() }), (e) => e.tail).map((e) => [e.tail, e.group]),
);
const groupNouns = new Set([...anaphoricHeads, "forces", "troops", "force", "mission"]);
const CONNECTORS = new Set(["of", "for"]);
const LETTER = /\p{L}/u;
const ALL_LOWER = /^\p{Ll}+$/u;

/** Mostly upper-case text is a headline or a banner: its capitals say nothing about names. */
function isShouting(words: readonly Word[]): boolean {
  let withLetters = 0;
  let withLower = 0;
  // once lower-case words reach 30% of all words they reach 30% of the lettered ones: not shouting
  const enough = 0.3 * words.length;
  for (const w of words) {
    if (!w.letter) continue;
    withLetters++;
    if (w.lowerLetter && ++withLower >= enough) return false;
  }
  return withLetters >= 4 && withLower / withLetters < 0.3;
}

/** Parts of speech a name word never has, even capitalized in a headline ("Declares End"). */
const NOT_NAME_POS = new Set(["VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART"]);

const SMALL_WORDS = new Set(["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "vs", "is"]);

/**
 * A headline in title case: nearly every word other than small words starts with a
 * capital, and so does at least one verb or function word after the first word
 * ("Haider al-Abadi Visits Mosul As Troops Advance").
 */
function isTitleCase(words: readonly Word[]): boolean {
  let counted = 0;
  let capitalized = 0;
  let capitalVerb = false;
  const tooMany = 0.2 * words.length;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!w.letter) continue;
    if (k > 0 && w.cap && NOT_NAME_POS.has(w.pos)) capitalVerb = true;
    if (SMALL_WORDS.has(w.lower)) continue;
    counted++;
    if (w.cap) capitalized++;
    // more than a fifth of all words uncapitalized: the ratio below cannot reach 0.8
    else if (counted - capitalized > tooMany) return false;
  }
  return counted >= 4 && capitalized / counted >= 0.8 && capitalVerb;
}

export function isNameWord(w: Word): boolean {
  // (an upper-case ASCII first character is a letter; others are tested)
  return (w.cap && (w.text.charCodeAt(0) < 128 || LETTER.test(w.text[0]!)) && !stopCapitalized.has(w.lower) && !NOT_NAME_POS.has(w.pos)) || w.particle;
}

/** The end of the run of name words starting at `a` (joining "of"/"for" after a head, and "Quick reaction Forces"). */
function runEnd(words: readonly Word[], a: number): number {
  let b = a;
  while (b < words.length) {
    const w = words[b]!;
    // a lone particle ("al", "bin") continues a name only before another name word
    const lone = w.particle && !w.cap && !w.text.includes("-");
    if (isNameWord(w) && (!lone || (b + 1 < words.length && isNameWord(words[b + 1]!)))) {
      b++;
      continue;
    }
    // a title that runs across "of" ("Secretary of State") stays whole
    const title = b > a && CONNECTORS.has(w.lower) ? titleAcross(words, a, b) : -1;
    if (title > b) {
      b = title;
      continue;
    }
    if (b > a && CONNECTORS.has(w.lower) && headEndingAt(words, a, b)) {
      let c = b + 1;
      if (c < words.length && words[c]!.lower === "the") c++;
      if (c < words.length && isNameWord(words[c]!) && words[c]!.cap) {
        b = c;
        continue;
      }
    }
    // one lower-case word inside a name that ends in an organization head: "Quick reaction Forces"
    const next = words[b + 1];
    if (b > a && ALL_LOWER.test(w.text) && (w.pos === "NOUN" || w.pos === "ADJ") && next && next.cap && nameHeads.get(next.lower)?.type === "ORG") {
      b += 2;
      continue;
    }
    break;
  }
  return b;
}

/** The end of a title that starts inside the run [a, b) and reaches past b, or -1. */
function titleAcross(words: readonly Word[], a: number, b: number): number {
  for (let k = Math.max(a, b - titleMaxWords); k < b; k++) {
    for (let n = titleMaxWords; n >= 1; n--) {
      if (k + n <= b || k + n > words.length) continue;
      if (titleRoles.has(titleKeyOf(words, k, k + n))) return k + n;
    }
  }
  return -1;
}

/**
 * "Charlotte Smith", "Victoria Nuland": a one-word city followed by a name word that
 * is neither a title nor a known phrase is the first name of a longer name.
 */
function cityAsFirstName(words: readonly Word[], m: PhraseMatch, runB: number): boolean {
  if (m.phrase.subtype !== "city" || m.b - m.a !== 1) return false;
  const next = words[m.b]!;
  if (!next.cap || next.particle || titleRoles.has(next.titleKey) || matchPhrase(words, m.b) !== null) return false;
  return runB > m.b && !nameHeads.has(next.lower);
}

function headEndingAt(words: readonly Word[], a: number, b: number): boolean {
  for (let n = 1; n <= 2 && b - n >= a; n++) {
    let key = "";
    for (let k = b - n; k < b; k++) key += (k > b - n ? " " : "") + words[k]!.lower;
    if (nameHeads.has(key) && words[b - n]!.cap) return true;
  }
  return false;
}

function fromPhrase(words: readonly Word[], m: PhraseMatch, sentence: number): Candidate {
  const p = m.phrase;
  let b = m.b;
  let name = p.name;
  let subtype = p.subtype;
  // "Aleppo province", "Mosul city": a lower-case place head after a place name
  const next = words[b];
  if (p.type === "LOCATION" && next && suffixPlaceHeads.has(next.lower)) {
    const headSubtype = suffixPlaceHeads.get(next.lower)!;
    if (next.cap) {
      // a capitalized head is part of the name: "Gaza City" is not Gaza
      name = `${p.name} ${next.text}`;
      subtype = headSubtype;
    } else if (headSubtype !== subtype && headSubtype !== "city") {
      name = `${p.name} ${next.lower}`;
      subtype = headSubtype;
    }
    b++;
  }
  return {
    start: words[m.a]!.start,
    end: words[b - 1]!.end,
    text: surfaceOf(words, m.a, b),
    type: p.type,
    subtype,
    name,
    lexiconId: p.lexiconId,
    roles: [],
    sentence,
    kind: "phrase",
    bare: null,
    afterPlacePreposition: false,
  };
}

/** "US-backed": the backer alone; "US-led coalition": one name, the coalition's. Returns where scanning resumes, or -1. */
function compound(words: readonly Word[], m: PhraseMatch, sentence: number, out: Candidate[]): number {
  const dash = words[m.b];
  const tail = words[m.b + 1];
  if (!dash || !tail || dash.text !== "-" || dash.spaceBefore || tail.spaceBefore || !compoundTails.has(tail.lower)) return -1;
  const noun = words[m.b + 2];
  // "US-backed SDF": the backer is a mention; "US-led coalition" is one name, the coalition's
  if (!(compoundTails.get(tail.lower) && noun && groupNouns.has(noun.lower))) {
    out.push(fromPhrase(words, m, sentence));
    return m.b + 2;
  }
  out.push({
    start: words[m.a]!.start,
    end: noun.end,
    text: surfaceOf(words, m.a, m.b + 3),
    type: "ORG",
    subtype: "military",
    name: `${m.phrase.name}-${tail.lower} ${noun.lower}`,
    lexiconId: null,
    roles: [],
    sentence,
    kind: "name",
    bare: null,
    afterPlacePreposition: false,
  });
  return m.b + 3;
}

export function scanSentence(words: readonly Word[], sentence: number): Candidate[] {
  const out: Candidate[] = [];
  if (words.length === 0 || isShouting(words)) return out;
  const titleCase = isTitleCase(words);
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (!w.letter) {
      i++;
      continue;
    }
    const m = matchPhrase(words, i);
    // "The National Liberation Army": a longer phrase after the article beats one that takes it ("The National")
    if (m && w.lower === "the" && i + 1 < words.length) {
      const inner = matchPhrase(words, i + 1);
      if (inner && inner.b > m.b) {
        i++;
        continue;
      }
    }
    // a place name that starts a longer capitalized name ("Baghdad Airport") is read as that name
    const runB = isNameWord(w) ? runEnd(words, i) : i;
    if (m && !(m.phrase.lexiconId === null && m.phrase.type === "LOCATION" && runB > m.b && (headEndingAt(words, i, runB) || cityAsFirstName(words, m, runB)))) {
      if (m.phrase.type === "LOCATION" && m.b - m.a === 1 && i === 0 && w.pos !== "PROPN") {
        i++;
        continue;
      }
      const after = compound(words, m, sentence, out);
      if (after > 0) {
        i = after;
        continue;
      }
      const found = fromPhrase(words, m, sentence);
      out.push(found);
      i = indexAfter(words, found.end, m.b);
      continue;
    }
    if (!isNameWord(w) || runB === i) {
      if (!w.cap && anaphoricHeads.includes(w.lower) && !(words[i + 1]?.cap ?? false)) {
        out.push({ start: w.start, end: w.end, text: w.text, type: null, subtype: null, name: w.text, lexiconId: null, roles: [], sentence, kind: "anaphor", bare: null, afterPlacePreposition: false });
      }
      i++;
      continue;
    }
    // in a headline every word is capitalized: capitals alone make no name, so known phrases
    // are found word by word, names with a head count, and any other word only where the
    // article names it again ("Zelensky Visits Bakhmut" before "President Volodymyr Zelensky"):
    // it waits for linking, like a lone word
    if (titleCase && !headEndingAt(words, i, runB)) {
      if (!titleRoles.has(w.titleKey) && !w.particle) out.push(lone(w, sentence));
      i++;
      continue;
    }
    const res = classifyRun(words, i, runB, sentence);
    out.push(...res.candidates);
    i = Math.max(runB, res.end);
  }
  return out;
}

/** A lone capitalized word that counts only if linking ties it to a name. */
function lone(w: Word, sentence: number): Candidate {
  return { start: w.start, end: w.end, text: w.text, type: null, subtype: null, name: w.text, lexiconId: null, roles: [], sentence, kind: "single", bare: null, afterPlacePreposition: false };
}

function indexAfter(words: readonly Word[], cp: number, from: number): number {
  let k = from;
  while (k < words.length && words[k]!.start < cp) k++;
  return k;
}
