/**
 * Scan one sentence's words for entity candidates: known phrases first (curated
 * aliases, demonym + force noun, gazetteer), then runs of capitalized words,
 * which `classify-run.ts` splits at titles and types by their heads.
 */
import type { EntityType } from "../doc.js";
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { classifyRun } from "./classify-run.js";
import { anaphoricHeads, nameHeads, normalizeTitle, stopCapitalized, suffixPlaceHeads, titleMaxWords, titleRoles } from "./lexicons.js";
import { matchPhrase, type PhraseMatch } from "./phrases.js";
import { keyOf, surfaceOf, type Word } from "./words.js";

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
  kind: "phrase" | "name" | "person" | "single" | "acronym" | "anaphor" | "nested";
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

/** Mostly upper-case text is a headline or a banner: its capitals say nothing about names. */
function isShouting(words: readonly Word[]): boolean {
  let withLetters = 0;
  let withLower = 0;
  for (const w of words) {
    if (!LETTER.test(w.text)) continue;
    withLetters++;
    if (w.text !== w.text.toUpperCase()) withLower++;
  }
  return withLetters >= 4 && withLower / withLetters < 0.3;
}

/** Parts of speech a name word never has, even capitalized in a headline ("Declares End"). */
const NOT_NAME_POS = new Set(["VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART"]);

export function isNameWord(w: Word): boolean {
  return (w.cap && LETTER.test(w.text[0]!) && !stopCapitalized.has(w.lower) && !NOT_NAME_POS.has(w.pos)) || w.particle;
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
    if (b > a && /^\p{Ll}+$/u.test(w.text) && (w.pos === "NOUN" || w.pos === "ADJ") && next && next.cap && nameHeads.get(next.lower)?.type === "ORG") {
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
      if (titleRoles.has(normalizeTitle(keyOf(words, k, k + n)))) return k + n;
    }
  }
  return -1;
}

function headEndingAt(words: readonly Word[], a: number, b: number): boolean {
  for (let n = 1; n <= 2 && b - n >= a; n++) {
    let key = "";
    for (let k = b - n; k < b; k++) key += (k > b - n ? " " : "") + words[k]!.lower;
    if (nameHeads.has(key) && words[b - n]!.cap) return true;
  }
  return false;
}

function fromPhrase(words: readonly Word[], m: PhraseMatch, sentence: number): Candidate[] {
  const p = m.phrase;
  const out: Candidate[] = [];
  let b = m.b;
  let name = p.name;
  let subtype = p.subtype;
  // "Aleppo province", "Mosul city": a lower-case place head after a place name
  const next = words[b];
  if (p.type === "LOCATION" && next && suffixPlaceHeads.has(next.lower)) {
    const headSubtype = suffixPlaceHeads.get(next.lower)!;
    if (headSubtype !== subtype && headSubtype !== "city") {
      name = `${p.name} ${next.lower}`;
      subtype = headSubtype;
    }
    b++;
  }
  const text = surfaceOf(words, m.a, b);
  out.push({
    start: words[m.a]!.start,
    end: words[b - 1]!.end,
    text,
    type: p.type,
    subtype,
    name,
    lexiconId: p.lexiconId,
    roles: [],
    sentence,
    kind: "phrase",
    bare: null,
    afterPlacePreposition: false,
  });
  // "US forces": the country is a mention of its own, inside the group's
  if (p.country !== null && p.countryWords > 0) {
    const e = m.a + p.countryWords;
    out.push({ ...out[0]!, end: words[e - 1]!.end, text: surfaceOf(words, m.a, e), type: "LOCATION", subtype: "country", name: p.country, lexiconId: null, kind: "nested" });
  }
  return out;
}

/** "US-led coalition": the country, and the group it leads when a group noun follows. */
function compound(words: readonly Word[], m: PhraseMatch, sentence: number, out: Candidate[]): number {
  const dash = words[m.b];
  const tail = words[m.b + 1];
  if (!dash || !tail || dash.text !== "-" || dash.spaceBefore || tail.spaceBefore || !compoundTails.has(tail.lower)) return -1;
  out.push({ ...fromPhrase(words, m, sentence)[0]!, kind: "nested" });
  const noun = words[m.b + 2];
  if (compoundTails.get(tail.lower) && noun && groupNouns.has(noun.lower)) {
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
  return m.b + 2;
}

export function scanSentence(words: readonly Word[], sentence: number): Candidate[] {
  const out: Candidate[] = [];
  if (words.length === 0 || isShouting(words)) return out;
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (!LETTER.test(w.text)) {
      i++;
      continue;
    }
    const m = matchPhrase(words, i);
    // a place name that starts a longer capitalized name ("Baghdad Airport") is read as that name
    const runB = isNameWord(w) ? runEnd(words, i) : i;
    if (m && !(m.phrase.lexiconId === null && m.phrase.type === "LOCATION" && runB > m.b && headEndingAt(words, i, runB))) {
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
      out.push(...found);
      i = indexAfter(words, found[0]!.end, m.b);
      continue;
    }
    if (!isNameWord(w) || runB === i) {
      if (!w.cap && anaphoricHeads.includes(w.lower) && !(words[i + 1]?.cap ?? false)) {
        out.push({ start: w.start, end: w.end, text: w.text, type: null, subtype: null, name: w.text, lexiconId: null, roles: [], sentence, kind: "anaphor", bare: null, afterPlacePreposition: false });
      }
      i++;
      continue;
    }
    const res = classifyRun(words, i, runB, sentence);
    out.push(...res.candidates);
    i = Math.max(runB, res.end);
  }
  return out;
}

function indexAfter(words: readonly Word[], cp: number, from: number): number {
  let k = from;
  while (k < words.length && words[k]!.start < cp) k++;
  return k;
}
