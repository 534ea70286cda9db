/**
 * Tie a document's candidates together into entities: acronyms defined in the
 * text ("Norwegian Refugee Council (NRC)"), surname-only back-references ("Dillon"
 * after "Col. Ryan Dillon"), bare names after a headed one ("Tigris" after "Tigris
 * River"), head-noun anaphors ("coalition" after "the US-led coalition") and
 * shorter forms of a longer name with the same head ("Nuri mosque" ⊂ "Grand
 * al-Nuri Mosque"). Lone capitalized words that nothing claims are dropped.
 */
import type { EntityType } from "../doc.js";
import { nameParticles } from "./lexicons.js";
import type { Candidate } from "./scan.js";

export type Linked = Candidate & { type: EntityType; key: string };

/** Name key: lower-case, hyphens and apostrophes as spaces, no leading "the". */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘'`]/g, "")
    .replace(/[-–]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /, "");
}

/** Words of a name that carry it: particles and "the"/"of" dropped ("grand nuri mosque"). */
function coreWords(name: string): string[] {
  return nameKey(name)
    .split(" ")
    .filter((w) => w !== "" && !nameParticles.has(w) && w !== "the" && w !== "of" && w !== "for");
}

class Keys {
  private parent = new Map<string, string>();
  find(k: string): string {
    let r = k;
    while (this.parent.has(r)) r = this.parent.get(r)!;
    return r;
  }
  /** merge `from` into `into` (the longer, earlier name stays the root) */
  union(from: string, into: string): void {
    const a = this.find(from);
    const b = this.find(into);
    if (a !== b) this.parent.set(a, b);
  }
}

function ownKey(c: Candidate, type: EntityType): string {
  return c.lexiconId ?? `${type}:${nameKey(c.name)}`;
}

const POSSESSIVE = /^['’]s\s+$/;

/**
 * "Mosul’s Old City" names the same place as "the Old City of Mosul": a place
 * that is only a head ("Old City") owned by a place before it takes that place's name.
 */
export function nameOwnedPlaces(cands: readonly Candidate[], textBetween: (a: number, b: number) => string): Candidate[] {
  return cands.map((c, k) => {
    const owner = k > 0 ? cands[k - 1]! : null;
    if (!owner || owner.type !== "LOCATION" || c.type !== "LOCATION" || c.kind !== "name" || c.bare !== null) return c;
    if (owner.sentence !== c.sentence || c.name.includes(" of ") || !POSSESSIVE.test(textBetween(owner.end, c.start))) return c;
    return { ...c, name: `${c.name} of ${owner.name}` };
  });
}

const ACRONYM_AFTER = /^\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)/;

/**
 * Link the candidates of one document (sorted by position). `textAfter(cp)` gives
 * a few characters of the text after a code point, for acronym definitions.
 */
export function linkCandidates(cands: readonly Candidate[], textAfter: (cp: number) => string): { linked: Linked[]; keys: Keys } {
  const keys = new Keys();
  const linked: Linked[] = [];
  const acronyms = new Map<string, Linked>();
  const bares = new Map<string, Linked>();
  // every proper ending of a full name ("Dillon", "Al Assadi") → the longest, earliest name it ends
  const bySuffix = new Map<string, { words: number; c: Linked }>();
  for (const c of cands) {
    if (c.type !== "PERSON") continue;
    const words = coreWords(c.name);
    // a one-word person ("Fischler proposed") also claims its other lone mentions
    for (let cut = words.length === 1 ? 0 : 1; cut < words.length; cut++) {
      const k = words.slice(cut).join(" ");
      const prev = bySuffix.get(k);
      if (!prev || words.length > prev.words) bySuffix.set(k, { words: words.length, c: { ...c, type: "PERSON", key: ownKey(c, "PERSON") } });
    }
  }
  const personBySuffix = (words: string[]): Linked | null => bySuffix.get(words.join(" "))?.c ?? null;
  // the latest organization or place by the last word of its name, for "the coalition"
  const byLastWord = new Map<string, Linked>();

  for (const c of cands) {
    if (c.type !== null && c.kind !== "anaphor") {
      const l: Linked = { ...c, type: c.type, key: ownKey(c, c.type) };
      if (c.type === "PERSON") {
        const full = personBySuffix(coreWords(c.name));
        if (full && full.key !== l.key) keys.union(l.key, full.key);
      }
      linked.push(l);
      const m = ACRONYM_AFTER.exec(textAfter(c.end));
      if (m && !acronyms.has(m[1]!)) acronyms.set(m[1]!, l);
      if (c.bare !== null && !bares.has(nameKey(c.bare))) bares.set(nameKey(c.bare), l);
      if (c.type !== "PERSON") byLastWord.set(nameKey(c.name).split(" ").pop()!, l);
      continue;
    }
    if (c.kind === "anaphor") {
      const prev = byLastWord.get(c.text.toLowerCase());
      if (prev) linked.push({ ...c, type: prev.type, subtype: prev.subtype, name: prev.name, key: prev.key });
      continue;
    }
    const defined = acronyms.get(c.text);
    if (defined) {
      linked.push({ ...c, type: defined.type, subtype: defined.subtype, name: c.text, key: defined.key });
      continue;
    }
    const person = personBySuffix(coreWords(c.text));
    if (person) {
      linked.push({ ...c, type: "PERSON", name: c.text, key: person.key, roles: [] });
      continue;
    }
    const bare = bares.get(nameKey(c.text));
    if (bare) {
      linked.push({ ...c, type: bare.type, subtype: bare.subtype, name: c.text, key: bare.key });
      continue;
    }
    if (c.kind === "acronym") linked.push({ ...c, type: "ORG", key: `ORG:${nameKey(c.text)}` });
    else if (c.afterPlacePreposition) linked.push({ ...c, type: "LOCATION", key: `LOCATION:${nameKey(c.text)}` });
  }
  mergeShorterForms(linked, keys);
  return { linked, keys };
}

/**
 * "Nuri mosque" ⊂ "Grand al-Nuri Mosque", "Old City" ⊂ "Old City of Mosul",
 * "Federal Police" ⊂ "Iraqi Federal Police": a shorter ORG/LOCATION name whose
 * words all appear in a longer one of the same type, and whose head (first core
 * word before "of", or last word) is the longer one's head, is the same entity.
 * Compared within groups of the same head word, so the cost stays linear in practice.
 */
function mergeShorterForms(linked: readonly Linked[], keys: Keys): void {
  const byHead = new Map<string, Array<{ key: string; words: string[]; lexicon: boolean }>>();
  const seen = new Set<string>();
  for (const l of linked) {
    if (l.type === "PERSON" || seen.has(l.key)) continue;
    seen.add(l.key);
    const head = headWord(l.name);
    if (head === null) continue;
    const group = byHead.get(`${l.type}:${head}`) ?? [];
    group.push({ key: l.key, words: coreWords(l.name), lexicon: l.lexiconId !== null });
    byHead.set(`${l.type}:${head}`, group);
  }
  for (const group of byHead.values()) {
    for (const short of group) {
      if (short.words.length < 2 || short.lexicon) continue;
      const longer = group
        .filter((g) => g.words.length > short.words.length && short.words.every((w) => g.words.includes(w)))
        .sort((x, y) => y.words.length - x.words.length || (x.key < y.key ? -1 : 1));
      if (longer.length > 0) keys.union(short.key, longer[0]!.key);
    }
  }
}

function headWord(name: string): string | null {
  const key = nameKey(name);
  const core = key.split(/ (?:of|for) /)[0]!.split(" ");
  return core.length > 0 ? core[core.length - 1]! : null;
}
