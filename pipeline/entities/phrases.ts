/**
 * One look-up table of known phrases, built once at module load: the curated
 * alias list (armed groups, international bodies, news agencies), demonym or
 * country + force/government noun ("Iraqi forces" → Iraqi Security Forces,
 * "Iraqi authorities" → Government of Iraq), generic force phrases ("regime
 * forces") and the gazetteer. Earlier sources win a key: a curated alias beats a
 * city of the same name.
 */
import type { EntityType } from "../doc.js";
import { FNV_OFFSET, FNV_PRIME, fnvOn } from "../fnv.js";
import { isAbbreviation, places } from "./gazetteer.js";
import { countryDemonym, demonyms, forceNouns, genericForces, knownEntities, normalizeSurface } from "./lexicons.js";
import { keyOf, surfaceOf, type Word } from "./words.js";

export type Phrase = {
  type: EntityType;
  subtype: string | null;
  name: string;
  lexiconId: string | null;
  /** all-capital aliases ("IS", "AP", "US") match only as written */
  exact: string | null;
  /** a lower-case phrase may match in lower case ("government forces") */
  lowerOk: boolean;
};

export const phrases = new Map<string, Phrase>();
/** every key cut where a word may end ("islamic", "islamic state"): the scan stops as soon as no phrase can follow */
const prefixes = new Set<string>();
let maxWords = 1;

function put(surface: string, p: Omit<Phrase, "exact">): void {
  const key = normalizeSurface(surface);
  if (phrases.has(key)) return;
  // a literal, not `{ ...p, exact }`: made by a spread with a field added, this table's objects took
  // far more heap (7.6 MB in every worker, against 3.4 MB as literals)
  phrases.set(key, { type: p.type, subtype: p.subtype, name: p.name, lexiconId: p.lexiconId, lowerOk: p.lowerOk, exact: isAbbreviation(surface) ? surface : null });
  for (let i = 1; i < key.length; i++) if (" -'.(".includes(key[i]!)) prefixes.add(key.slice(0, i));
  maxWords = Math.max(maxWords, surface.split(/[\s-]+/).length + 2);
}

for (const e of knownEntities) {
  for (const alias of [e.name, ...e.aliases]) {
    put(alias, { type: e.type, subtype: e.subtype, name: e.name, lexiconId: e.id, lowerOk: false });
  }
}

// "<Demonym|Country> <force noun>": the state's forces or government, named the ACLED way
const stateWords: Array<{ surface: string; country: string }> = [];
for (const d of demonyms) if (d.country !== null) stateWords.push({ surface: d.demonym, country: d.country });
for (const p of places.values()) if (p.subtype === "country") stateWords.push({ surface: p.surface, country: p.name });
for (const s of stateWords) {
  const demonym = countryDemonym.get(s.country) ?? s.country;
  for (const f of forceNouns) {
    const name = f.kind === "military" ? `${demonym} Security Forces` : `Government of ${s.country}`;
    const surface = `${s.surface} ${f.noun}`;
    put(surface, { type: "ORG", subtype: f.kind, name, lexiconId: null, lowerOk: false });
  }
}
for (const g of genericForces) put(g.phrase, { type: "ORG", subtype: g.subtype, name: g.name, lexiconId: null, lowerOk: true });
for (const p of places.values()) {
  put(p.surface, { type: "LOCATION", subtype: p.subtype, name: p.name, lexiconId: null, lowerOk: false });
}

/**
 * One table for the scan: each phrase key → its phrase, each mere cut → PREFIX, so a
 * word that starts nothing costs one look-up.
 */
const PREFIX = null;
const scanTable = new Map<string, Phrase | typeof PREFIX>();
for (const k of prefixes) scanTable.set(k, PREFIX);
for (const [k, p] of phrases) scanTable.set(k, p);

/**
 * A bit per hash of every scanTable key, small enough to stay in the CPU cache. Most probes
 * of the table miss (a capitalized word that starts no phrase), and each costs cache misses
 * in a table this size; a clear bit answers "not a key" first. FNV-1a (fnv.ts), so a key's
 * hash is built word by word as the scan extends the key.
 */
const FILTER_BITS = 1 << 20;
const keyFilter = new Uint32Array(FILTER_BITS >>> 5);
const SPACE = 32;

const maybeKey = (h: number): boolean => (keyFilter[(h & (FILTER_BITS - 1)) >>> 5]! & (1 << (h & 31))) !== 0;
for (const k of scanTable.keys()) {
  const h = fnvOn(FNV_OFFSET, k);
  keyFilter[(h & (FILTER_BITS - 1)) >>> 5]! |= 1 << (h & 31);
}

/** keys of lower-case phrases and their cuts: the only phrases a lower-case word can start ("government forces") */
const lowerStarts = new Set<string>();
for (const [key, p] of phrases) {
  if (!p.lowerOk) continue;
  lowerStarts.add(key);
  for (let i = 1; i < key.length; i++) if (" -'.(".includes(key[i]!)) lowerStarts.add(key.slice(0, i));
}

export type PhraseMatch = { phrase: Phrase; a: number; b: number };

/**
 * The longest known phrase starting at word `a`, or null. Abbreviations must match
 * as written; other phrases must start with a capital (or a name particle) unless
 * the phrase is marked lower-case.
 */
export function matchPhrase(words: readonly Word[], a: number): PhraseMatch | null {
  const first = words[a]!;
  // most words are lower-case and start no phrase: answer without building keys
  if (!first.cap && !first.particle && !lowerStarts.has(first.lower)) return null;
  const last = Math.min(words.length, a + maxWords);
  let key = "";
  let hash = FNV_OFFSET;
  let best: PhraseMatch | null = null;
  for (let b = a + 1; b <= last; b++) {
    const w = words[b - 1]!;
    const spaced = b - 1 > a && w.spaceBefore;
    hash = fnvOn(spaced ? Math.imul(hash ^ SPACE, FNV_PRIME) : hash, w.lower);
    if (!maybeKey(hash)) break; // certainly not in scanTable
    key += (spaced ? " " : "") + w.lower;
    const p = scanTable.get(key);
    if (p === undefined) break;
    if (p === PREFIX) continue;
    if (p.exact !== null) {
      if (surfaceOf(words, a, b) !== p.exact) continue;
    } else if (!p.lowerOk && !first.cap && !first.particle) continue;
    best = { phrase: p, a, b };
  }
  return best;
}

/** The key helper is re-exported for the scanner's own look-ups. */
export { keyOf };
