/**
 * The entity stage's word lists, loaded once at module load from the JSON files
 * beside this module and turned into the look-up tables the scanner uses.
 * Every table is keyed by a normalized form (see `normalizeSurface`).
 */
import { z } from "zod";
import type { EntityType } from "../doc.js";
import { loadLexicon, word } from "../lexicon.js";

/** Lower-case, curly apostrophes straightened, whitespace collapsed: the key of every table. */
export function normalizeSurface(s: string): string {
  return s.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, " ").trim();
}

/** A title key also ignores dots, so "Brig. Gen." and "Brig Gen" meet. */
export function normalizeTitle(s: string): string {
  return normalizeSurface(s).replace(/\./g, "");
}

const titleEntry = z.object({ form: word, role: word });
const knownEntry = z.object({
  id: word,
  name: word,
  type: z.enum(["PERSON", "ORG", "LOCATION"]),
  subtype: word.nullable(),
  aliases: z.array(word).min(1),
});
const orgHeadEntry = z.object({ head: word, subtype: word });
const placeHeadEntry = z.object({
  head: word,
  subtype: word,
  position: z.enum(["suffix", "of-name", "of-whole", "prefix", "name-head"]),
});
const demonymEntry = z.object({ demonym: word, country: word.nullable() });
const forceEntry = z.object({ noun: word, kind: z.enum(["military", "government"]) });
const genericForceEntry = z.object({ phrase: word, name: word, subtype: word });
const placeEntry = z.object({ name: word, subtype: word });

const url = import.meta.url;
const byLower = <T>(f: (e: T) => string) => (e: T) => f(e).toLowerCase();

export const titles = loadLexicon(url, "titles.json", titleEntry, byLower((e) => normalizeTitle(e.form)));
export const knownEntities = loadLexicon(url, "known-entities.json", knownEntry, (e) => e.id);
export const orgHeads = loadLexicon(url, "org-heads.json", orgHeadEntry, byLower((e) => e.head));
export const placeHeads = loadLexicon(url, "place-heads.json", placeHeadEntry, (e) => `${e.position}:${e.head.toLowerCase()}`);
export const demonyms = loadLexicon(url, "../lexicons/demonyms.json", demonymEntry, byLower((e) => e.demonym));
export const forceNouns = loadLexicon(url, "force-nouns.json", forceEntry, byLower((e) => e.noun));
export const genericForces = loadLexicon(url, "../lexicons/generic-forces.json", genericForceEntry, byLower((e) => e.phrase));
export const anaphoricHeads = loadLexicon(url, "anaphoric-heads.json", word);
export const extraPlaces = loadLexicon(url, "places.json", placeEntry, byLower((e) => e.name));
export const nameParticles = new Set(loadLexicon(url, "../lexicons/name-particles.json", word).map((w) => w.toLowerCase()));
export const stopCapitalized = new Set(loadLexicon(url, "stop-capitalized.json", word).map((w) => w.toLowerCase()));
/** given names across languages (generated + hand-kept), lower-case: evidence that a run is a person */
export const givenNames = new Set(
  [...loadLexicon(url, "given-names.json", word), ...loadLexicon(url, "given-names-supplement.json", word)].map((w) => w.toLowerCase()),
);

/** title key → canonical role; longest titles have at most this many words */
export const titleRoles = new Map(titles.map((t) => [normalizeTitle(t.form), t.role]));
export const titleMaxWords = Math.max(...titles.map((t) => t.form.split(/\s+/).length));
/**
 * Every beginning and every ending of a title key, "" included ("b", "brig", "brig gen" / "n",
 * "gen", "brig gen"): a title's key begins with its first word's key and ends with its last
 * word's, so a word whose key begins (ends) none spares the look-ups of every longer key.
 */
export const titleKeyStarts = new Set<string>();
export const titleKeyEnds = new Set<string>();
for (const k of titleRoles.keys()) {
  for (let i = 0; i <= k.length; i++) {
    titleKeyStarts.add(k.slice(0, i));
    titleKeyEnds.add(k.slice(i));
  }
}

/** Capitalized heads that end a name: "Federal Police" (ORG), "Tigris River" (LOCATION). */
export type NameHead = { type: EntityType; subtype: string; words: number };
export const nameHeads = new Map<string, NameHead>();
for (const h of orgHeads) nameHeads.set(normalizeSurface(h.head), { type: "ORG", subtype: h.subtype, words: h.head.split(" ").length });
for (const h of placeHeads) {
  if (h.position !== "name-head") continue;
  // a place reading wins over an org reading only where the org list has no such head
  const key = normalizeSurface(h.head);
  if (!nameHeads.has(key)) nameHeads.set(key, { type: "LOCATION", subtype: h.subtype, words: h.head.split(" ").length });
}
export const nameHeadMaxWords = Math.max(...[...nameHeads.values()].map((h) => h.words));

/** Lower-case place heads after a name ("Nujaifi street") and name-initial place words ("Bab al-Toub"). */
export const suffixPlaceHeads = new Map(placeHeads.filter((h) => h.position === "suffix").map((h) => [h.head.toLowerCase(), h.subtype]));
export const prefixPlaceWords = new Map(placeHeads.filter((h) => h.position === "prefix").map((h) => [h.head.toLowerCase(), h.subtype]));
/** "the city of X": head → { subtype, whole } (whole: the phrase itself is the name, "minaret of Hadba") */
export const ofPlaceHeads = new Map(
  placeHeads
    .filter((h) => h.position === "of-name" || h.position === "of-whole")
    .map((h) => [h.head.toLowerCase(), { subtype: h.subtype, whole: h.position === "of-whole" }]),
);

/** Organization heads that may follow a name in lower case ("Iraqiya news", "Likud party"), with their subtype. */
export const lowerOrgSuffixes = new Map([
  ["news", "media"],
  ["tv", "media"],
  ["television", "media"],
  ["radio", "media"],
  ["party", "party"],
  ["militia", "armed_group"],
  ["militias", "armed_group"],
  ["movement", "armed_group"],
  ["rebels", "armed_group"],
]);

export const demonymCountry = new Map(demonyms.map((d) => [d.demonym.toLowerCase(), d.country]));
/** the first demonym listed for a country names its forces: "Iraqi Security Forces" */
export const countryDemonym = new Map<string, string>();
for (const d of demonyms) if (d.country !== null && !countryDemonym.has(d.country)) countryDemonym.set(d.country, d.demonym);
