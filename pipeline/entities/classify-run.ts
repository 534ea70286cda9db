/**
 * Type one run of capitalized words. The run is split at titles ("Iraq Prime
 * Minister Haider al-Abadi" → "Iraq" | Prime Minister | "Haider al-Abadi"); each
 * part is then read by its shape, in this order: a known phrase once leading
 * demonyms are dropped ("Iraqi Popular Mobilization Units"), a capitalized head
 * ("Federal Police", "Tigris River", "Old City of Mosul"), a name-initial place
 * word ("Bab al-Toub"), "Old <city>", a lower-case place head after it ("Nujaifi
 * street"), a title after it (what the titled person heads: "Real Madrid coach",
 * "Donetsk governor"), a title before it (a person), and finally its length and
 * place: two to five name words are a person unless they stand where places stand
 * without a given name ("at Old Trafford"); a lone word that acts is a person
 * unless it stands where places stand ("activists in Tawila said"), and otherwise
 * waits for linking to give it a meaning.
 */
import type { Candidate } from "./scan.js";
import {
  demonymCountry,
  givenNames,
  lowerOrgSuffixes,
  nameHeadMaxWords,
  nameHeads,
  ofPlaceHeads,
  prefixPlaceWords,
  suffixPlaceHeads,
  titleMaxWords,
  titleKeyEnds,
  titleKeyStarts,
  titleRoles,
  type NameHead,
} from "./lexicons.js";
import { matchPhrase } from "./phrases.js";
import { keyOf, surfaceOf, titleKeyOf, type Word } from "./words.js";

const PLACE_PREPOSITIONS = new Set(["in", "near", "outside", "around", "into", "towards", "toward", "from", "across", "inside"]);
const CONNECTORS = new Set(["of", "for"]);
/** words that introduce another name of what was just named */
const RENAMING = new Set(["dubbed", "nicknamed", "alias", "aka", "a.k.a."]);
const SPEECH_VERBS = new Set(["said", "says", "told", "added", "stated", "warned", "claimed", "insisted", "explained", "wrote", "tweeted"]);

/**
 * Is the run [s, e) in place position: right after a place preposition ("in
 * Tawila"), or in a list of names that follows one ("around Mrauk-U and Kyauktaw",
 * "in Kherson, Mykolaiv and Odesa")? A comma alone makes no list ("in Brussels,
 * Stoltenberg said"). `at` counts only for longer names ("at Old Trafford"): a lone
 * word after it is as often a company or a time.
 */
function inPlacePosition(words: readonly Word[], s: number, e: number, multiword: boolean): boolean {
  const after = words[e]?.lower;
  let listed = after === "and" || after === "or";
  for (let k = s - 1, steps = 0; k >= 0 && steps < 12; steps++, k--) {
    const w = words[k]!;
    if (PLACE_PREPOSITIONS.has(w.lower) || (multiword && k === s - 1 && w.lower === "at")) return k === s - 1 || listed;
    if (w.lower === "and" || w.lower === "or") listed = true;
    else if (w.text === ",") {
      if (!listed) return false;
    } else if (!w.cap && !w.particle) return false;
  }
  return false;
}

/** Does the run start with a given name ("Mohamed", "Volodymyr", "Guillaume")? Particles are skipped. */
function startsWithGivenName(words: readonly Word[], s: number, e: number): boolean {
  let k = s;
  while (k < e - 1 && words[k]!.particle) k++;
  const w = words[k]!;
  if (givenNames.has(w.lower)) return true;
  // "Jean-Pierre", "Abdel-Rahman": the first piece of a hyphenated name
  const dash = w.lower.indexOf("-");
  return dash > 0 && givenNames.has(w.lower.slice(0, dash));
}

/** The role of a title at word `b` that a name follows ("coach Carlo Ancelotti"), or null. */
function titleBeforeName(words: readonly Word[], b: number): string | null {
  const t = b < words.length ? titleAt(words, b, words.length) : null;
  const next = t === null ? undefined : words[b + t.n];
  return t !== null && next !== undefined && next.cap ? t.role : null;
}

/** Is word `s` the first word with letters in its sentence? */
function sentenceInitial(words: readonly Word[], s: number): boolean {
  for (let k = 0; k < s; k++) if (words[k]!.letter) return false;
  return true;
}

/** Titles that name a place's officer: the name before them is the place ("Donetsk governor"). */
const PLACE_ROLES = new Set(["governor", "mayor"]);

/** The longest title starting at word `a` (not past `limit`): its role and length. */
function titleAt(words: readonly Word[], a: number, limit: number): { role: string; n: number } | null {
  if (a >= limit || !titleKeyStarts.has(words[a]!.titleKey)) return null;
  for (let n = Math.min(titleMaxWords, limit - a); n >= 1; n--) {
    const role = titleRoles.get(titleKeyOf(words, a, a + n));
    if (role !== undefined) return { role, n };
  }
  return null;
}

/** Titles written just before the run, in any case: "spokesman", "president", "Joint Operation Command spokesman". */
function rolesBefore(words: readonly Word[], a: number): string[] {
  const roles: string[] = [];
  let end = a;
  while (end > 0) {
    if (!titleKeyEnds.has(words[end - 1]!.titleKey)) break;
    let found: { role: string; n: number } | null = null;
    for (let n = Math.min(titleMaxWords, end); n >= 1 && found === null; n--) {
      const role = titleRoles.get(titleKeyOf(words, end - n, end));
      if (role !== undefined) found = { role, n };
    }
    if (found === null) break;
    roles.unshift(found.role);
    end -= found.n;
  }
  return roles;
}

/** The capitalized head ending words [s, e): "Police", "River", "Old City". */
function headAt(words: readonly Word[], s: number, e: number): (NameHead & { n: number }) | null {
  for (let n = Math.min(nameHeadMaxWords, e - s); n >= 1; n--) {
    if (!words[e - n]!.cap) continue;
    const h = nameHeads.get(keyOf(words, e - n, e));
    if (h) return { type: h.type, subtype: h.subtype, words: h.words, n };
  }
  return null;
}

function isDemonym(w: Word): boolean {
  return w.cap && demonymCountry.has(w.lower);
}

/** roles: titles before the part; before: the role of a title right after it, inside the run ("Wagner chief") */
type Part = { s: number; e: number; roles: string[]; before: string | null };

function make(words: readonly Word[], s: number, e: number, sentence: number, fields: Partial<Candidate>): Candidate {
  const text = surfaceOf(words, s, e);
  // written field by field in the Candidate's order (no spread), so all candidates share one object shape
  return {
    start: words[s]!.start,
    end: words[e - 1]!.end,
    text,
    type: fields.type ?? null,
    subtype: fields.subtype ?? null,
    name: fields.name ?? text,
    lexiconId: fields.lexiconId ?? null,
    roles: fields.roles ?? [],
    sentence,
    kind: fields.kind ?? "name",
    bare: fields.bare ?? null,
    afterPlacePreposition: fields.afterPlacePreposition ?? false,
  };
}

function classifyPart(words: readonly Word[], part: Part, runB: number, sentence: number, out: Candidate[]): number {
  let { s } = part;
  const { e, roles } = part;
  // the core of "Old City of Mosul" is "Old City"; its head decides the type
  let coreEnd = e;
  for (let k = s + 1; k < e; k++) if (CONNECTORS.has(words[k]!.lower)) {
    coreEnd = k;
    break;
  }
  while (s < coreEnd - 1 && isDemonym(words[s]!) && !headAt(words, s, coreEnd)) s++;
  if (s < e) {
    // "Iraqi Popular Mobilization Units": a known name behind a demonym
    let t = s;
    while (t < e - 1 && isDemonym(words[t]!)) t++;
    const m = matchPhrase(words, t);
    if (m && m.b === e && (m.phrase.lexiconId !== null || m.phrase.type === "ORG")) {
      const p = m.phrase;
      out.push(make(words, s, e, sentence, { type: p.type, subtype: p.subtype, name: p.name, lexiconId: p.lexiconId, kind: "phrase" }));
      return e;
    }
  }
  const head = headAt(words, s, coreEnd);
  if (head && (coreEnd - s > head.n || head.n > 1)) {
    const bare = coreEnd === e && coreEnd - s > head.n ? surfaceOf(words, s, coreEnd - head.n) : null;
    out.push(make(words, s, e, sentence, { type: head.type, subtype: head.subtype, bare }));
    return e;
  }
  const first = words[s]!;
  const n = e - s;
  if (words.slice(s, e).every((w) => (w.particle && !w.text.includes("-")) || isDemonym(w))) return e;
  // "Bab al-Toub", "Souk al-Sagha": Arabic and other toponym prefixes
  if (n >= 2 && prefixPlaceWords.has(first.lower) && roles.length === 0) {
    out.push(make(words, s, e, sentence, { type: "LOCATION", subtype: prefixPlaceWords.get(first.lower)! }));
    return e;
  }
  let name: string | null = null;
  let subtype: string | null = null;
  // "Old Mosul": the old city of a known city
  if (n === 2 && first.lower === "old") {
    const m = matchPhrase(words, s + 1);
    if (m && m.b === e && m.phrase.subtype === "city") {
      name = `Old City of ${m.phrase.name}`;
      subtype = "district";
    }
  }
  // "Nujaifi street", "Al-Jumhuri hospital", "Iraqiya news": a lower-case head right after the run
  const next = e === runB ? words[e] : undefined;
  if (next && !next.cap && roles.length === 0) {
    const placeSubtype = suffixPlaceHeads.get(next.lower);
    if (placeSubtype !== undefined) {
      out.push(make(words, s, e + 1, sentence, { type: "LOCATION", subtype: subtype ?? placeSubtype, name: name ?? surfaceOf(words, s, e + 1), bare: name === null ? surfaceOf(words, s, e) : null }));
      return e + 1;
    }
    const orgSubtype = lowerOrgSuffixes.get(next.lower);
    if (orgSubtype !== undefined && n <= 3) {
      out.push(make(words, s, e + 1, sentence, { type: "ORG", subtype: orgSubtype }));
      return e + 1;
    }
  }
  if (name !== null) {
    out.push(make(words, s, e, sentence, { type: "LOCATION", subtype, name }));
    return e;
  }
  // "the minaret of Hadba", "the city of Qayyarah"
  const of = words[s - 1];
  const ofHead = s >= 2 && of?.lower === "of" ? ofPlaceHeads.get(words[s - 2]!.lower) : undefined;
  if (ofHead && roles.length === 0) {
    if (ofHead.whole) out.push(make(words, s - 2, e, sentence, { type: "LOCATION", subtype: ofHead.subtype, bare: surfaceOf(words, s, e) }));
    else out.push(make(words, s, e, sentence, { type: "LOCATION", subtype: ofHead.subtype }));
    return e;
  }
  if (n > 5) return e;
  // "Wagner chief Yevgeny Prigozhin", "Real Madrid coach Carlo Ancelotti", "Donetsk governor
  // Pavlo Kyrylenko": a name right before a title is what the titled person heads, unless it
  // is itself a person's name ("Donald Trump adviser ...")
  // (a lone word must be a proper noun inside the sentence: "Army chief", "Regional governor" are not names)
  if (part.before !== null && roles.length === 0 && (n > 1 || (first.pos === "PROPN" && !sentenceInitial(words, s))) && !startsWithGivenName(words, s, e) && !words.slice(s, e).some((w) => /^[A-Z]{2,}$/.test(w.text) && n > 1)) {
    const place = PLACE_ROLES.has(part.before);
    out.push(make(words, s, e, sentence, { type: place ? "LOCATION" : "ORG", kind: n === 1 ? "single" : "name" }));
    return e;
  }
  if (roles.length > 0 && !(n === 1 && isDemonym(first))) {
    out.push(make(words, s, e, sentence, { type: "PERSON", roles, kind: "person" }));
    return e;
  }
  if (n === 1) {
    if (isDemonym(first)) return e;
    const acronym = /^[A-Z]{2,6}$/.test(first.text);
    const prep = words[s - 1];
    // "Mohamed Hamdan Dagalo, better known as Hemedti"
    if (prep !== undefined && (RENAMING.has(prep.lower) || (prep.lower === "as" && words[s - 2]?.lower === "known"))) {
      out.push(make(words, s, e, sentence, { kind: "alias" }));
      return e;
    }
    // "Zelensky said", "Fischler proposed": a lone proper noun that acts is a person
    // "Zelenskiy later met": an adverb may stand between the name and its verb
    const verb = words[e]?.pos === "ADV" && !words[e]!.cap ? words[e + 1] : words[e];
    const placed = inPlacePosition(words, s, e, false);
    // "activists in Tawila said": a word in place position does not act
    const acts = !placed && verb !== undefined && (SPEECH_VERBS.has(verb.lower) || (first.pos === "PROPN" && (verb.pos === "VERB" || verb.pos === "AUX") && !verb.cap));
    // sentence-initial plurals are common nouns in capitals ("Officials said", "Fighters hold")
    const plural = sentenceInitial(words, s) && /[^s]s$/.test(first.lower);
    const counted = prep !== undefined && /\d/.test(prep.text);
    if (!acronym && acts && !plural && !counted && !nameHeads.has(first.lower) && prep?.lower !== "the" && !/(?:an|ese|ish|ic|is)$/.test(first.lower)) {
      out.push(make(words, s, e, sentence, { type: "PERSON", kind: "person" }));
      return e;
    }
    out.push(
      make(words, s, e, sentence, {
        kind: acronym ? "acronym" : "single",
        afterPlacePreposition: placed,
      }),
    );
    return e;
  }
  if (words.slice(s, e).some((w) => /^[A-Z]{2,}$/.test(w.text))) return e;
  // two to five unknown name words are a person, unless they stand where places stand and
  // do not start with a given name ("at Old Trafford", "near Tal Afar")
  if (!startsWithGivenName(words, s, e) && inPlacePosition(words, s, e, true)) {
    out.push(make(words, s, e, sentence, { type: "LOCATION" }));
    return e;
  }
  out.push(make(words, s, e, sentence, { type: "PERSON", kind: "person" }));
  return e;
}

/** Candidates of the run [a, b) and the word index where scanning resumes. */
export function classifyRun(words: readonly Word[], a: number, b: number, sentence: number): { candidates: Candidate[]; end: number } {
  const out: Candidate[] = [];
  let roles = rolesBefore(words, a);
  // a name with an organization or place head keeps its titles inside ("General Staff of the Armed Forces")
  let coreEnd = b;
  for (let k = a + 1; k < b; k++) if (CONNECTORS.has(words[k]!.lower)) {
    coreEnd = k;
    break;
  }
  // so does a place named by a lower-case head after it ("Imam Sahib district")
  const placeAfter = b < words.length && !words[b]!.cap && suffixPlaceHeads.has(words[b]!.lower);
  if ((headAt(words, a, coreEnd) || placeAfter) && titleAt(words, a, b) !== null) {
    const end = classifyPart(words, { s: a, e: b, roles: [], before: null }, b, sentence, out);
    return { candidates: out, end };
  }
  const parts: Part[] = [];
  let partStart = a;
  let p = a;
  while (p < b) {
    const t = titleAt(words, p, b);
    // a title splits the run: what comes before is a name of its own, what follows is a person
    if (t) {
      if (p > partStart) parts.push({ s: partStart, e: p, roles, before: t.role });
      roles = p > partStart ? [t.role] : [...roles, t.role];
      p += t.n;
      partStart = p;
      continue;
    }
    p++;
  }
  if (partStart < b) parts.push({ s: partStart, e: b, roles, before: titleBeforeName(words, b) });
  let end = b;
  for (const part of parts) end = Math.max(end, classifyPart(words, part, b, sentence, out));
  return { candidates: out, end };
}
