/**
 * Tie a document's candidates together into entities: acronyms defined in the
 * text ("Norwegian Refugee Council (NRC)"), surname-only back-references ("Dillon"
 * after "Col. Ryan Dillon"), bare names after a headed one ("Tigris" after "Tigris
 * River"), head-noun anaphors ("coalition" after "the US-led coalition") and
 * shorter forms of a longer name with the same head ("Nuri mosque" ⊂ "Grand
 * al-Nuri Mosque"). Lone capitalized words that nothing claims are dropped.
 */
import type { EntityType } from "../doc.js";
import { phoneticKey } from "../resolve/entities-keys.js";
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
function coreWords(name: string, key: (name: string) => string): string[] {
  return key(name)
    .split(" ")
    .filter((w) => w !== "" && !nameParticles.has(w) && w !== "the" && w !== "of" && w !== "for");
}

/**
 * `fn` remembered for one document: a name recurs in many mentions, look-ups and passes, and
 * is keyed, split or sounded out once. Callers only read what it returns.
 */
function memoized<T>(fn: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      v = fn(s);
      seen.set(s, v);
    }
    return v;
  };
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

/**
 * The linked form of a candidate, written field by field in one order: every
 * Linked then shares one object shape, which keeps the later passes over them fast.
 */
function toLinked(c: Candidate, type: EntityType, key: string, subtype: string | null = c.subtype, name: string = c.name, roles: string[] = c.roles): Linked {
  return {
    start: c.start,
    end: c.end,
    text: c.text,
    type,
    subtype,
    name,
    lexiconId: c.lexiconId,
    roles,
    sentence: c.sentence,
    kind: c.kind,
    bare: c.bare,
    afterPlacePreposition: c.afterPlacePreposition,
    key,
  };
}

function ownKey(c: Candidate, type: EntityType, key: (name: string) => string): string {
  return c.lexiconId ?? `${type}:${key(c.name)}`;
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
  const nk = memoized(nameKey);
  const core = memoized((name): readonly string[] => coreWords(name, nk));
  // every proper ending of a full name ("Dillon", "Al Assadi") → the key of the longest, earliest name it ends
  const bySuffix = new Map<string, { words: number; key: string }>();
  for (const c of cands) {
    if (c.type !== "PERSON") continue;
    const words = core(c.name);
    const key = ownKey(c, "PERSON", nk);
    // a person also claims its other lone mentions: "Fischler" after "Fischler proposed",
    // "Mohammed Deif" written in a headline
    for (let cut = 0; cut < words.length; cut++) {
      const k = words.slice(cut).join(" ");
      const prev = bySuffix.get(k);
      if (!prev || words.length > prev.words) bySuffix.set(k, { words: words.length, key });
    }
  }
  // the sound of a full name's last word ("zlnsk" for Zelensky): a lone "Zelenskiy" spelled
  // another way is the same person, when only one full name sounds so (null: several do)
  const bySound = new Map<string, string | null>();
  const soundOf = memoized(phoneticKey);
  for (const c of cands) {
    if (c.type !== "PERSON") continue;
    const words = core(c.name);
    const last = words[words.length - 1];
    if (words.length < 2 || last === undefined || last.length < 4) continue;
    const sound = soundOf(last);
    const key = ownKey(c, "PERSON", nk);
    bySound.set(sound, bySound.has(sound) && bySound.get(sound) !== key ? null : key);
  }
  const personBySound = (words: readonly string[]): string | null =>
    words.length === 1 && words[0]!.length >= 4 ? (bySound.get(soundOf(words[0]!)) ?? null) : null;
  const personBySuffix = (words: readonly string[]): string | null => bySuffix.get(words.join(" "))?.key ?? personBySound(words);
  // the latest organization or place by the last word of its name, for "the coalition"
  const byLastWord = new Map<string, Linked>();

  // other names given in the text ("better known as Hemedti") → the entity they rename
  const renamed = new Map<string, Linked>();

  for (const c of cands) {
    if (c.kind === "alias") {
      // the entity named last before it in the same sentence
      const prev = linked.length > 0 ? linked[linked.length - 1]! : null;
      if (prev && prev.sentence === c.sentence && prev.type !== "LOCATION") {
        const l = toLinked(c, prev.type, prev.key, prev.subtype, c.text, []);
        linked.push(l);
        renamed.set(nk(c.text), l);
      }
      continue;
    }
    const renaming = c.type === null || (c.type === "PERSON" && !c.name.includes(" ")) ? renamed.get(nk(c.text)) : undefined;
    if (renaming) {
      linked.push(toLinked(c, renaming.type, renaming.key, renaming.subtype, c.text, c.roles));
      continue;
    }
    if (c.type !== null && c.kind !== "anaphor") {
      const l = toLinked(c, c.type, ownKey(c, c.type, nk));
      if (c.type === "PERSON") {
        const words = core(c.name);
        let full = personBySuffix(words);
        if (full === l.key) full = personBySound(words);
        if (full !== null && full !== l.key) keys.union(l.key, full);
      }
      linked.push(l);
      const m = ACRONYM_AFTER.exec(textAfter(c.end));
      if (m && !acronyms.has(m[1]!)) acronyms.set(m[1]!, l);
      if (c.bare !== null && !bares.has(nk(c.bare))) bares.set(nk(c.bare), l);
      if (c.type !== "PERSON") {
        const k = nk(c.name);
        byLastWord.set(k.slice(k.lastIndexOf(" ") + 1), l);
      }
      continue;
    }
    if (c.kind === "anaphor") {
      const prev = byLastWord.get(c.text.toLowerCase());
      if (prev) linked.push(toLinked(c, prev.type, prev.key, prev.subtype, prev.name));
      continue;
    }
    const defined = acronyms.get(c.text);
    if (defined) {
      linked.push(toLinked(c, defined.type, defined.key, defined.subtype, c.text));
      continue;
    }
    const person = personBySuffix(core(c.text));
    if (person !== null) {
      linked.push(toLinked(c, "PERSON", person, c.subtype, c.text, []));
      continue;
    }
    const bare = bares.get(nk(c.text));
    if (bare) {
      linked.push(toLinked(c, bare.type, bare.key, bare.subtype, c.text));
      continue;
    }
    if (c.kind === "acronym") linked.push(toLinked(c, "ORG", `ORG:${nk(c.text)}`));
    else if (c.afterPlacePreposition) linked.push(toLinked(c, "LOCATION", `LOCATION:${nk(c.text)}`));
  }
  mergeShorterForms(linked, keys, nk, core);
  return { linked, keys };
}

/**
 * "Nuri mosque" ⊂ "Grand al-Nuri Mosque", "Old City" ⊂ "Old City of Mosul",
 * "Federal Police" ⊂ "Iraqi Federal Police": a shorter ORG/LOCATION name whose
 * words all appear in a longer one of the same type, and whose head (first core
 * word before "of", or last word) is the longer one's head, is the same entity.
 * Compared within groups of the same head word, so the cost stays linear in practice.
 */
function mergeShorterForms(linked: readonly Linked[], keys: Keys, nk: (name: string) => string, core: (name: string) => readonly string[]): void {
  const byHead = new Map<string, Array<{ key: string; words: readonly string[]; lexicon: boolean }>>();
  const seen = new Set<string>();
  for (const l of linked) {
    if (l.type === "PERSON" || seen.has(l.key)) continue;
    seen.add(l.key);
    const head = headWord(nk(l.name));
    if (head === null) continue;
    const groupKey = `${l.type}:${head}`;
    const group = byHead.get(groupKey) ?? [];
    group.push({ key: l.key, words: core(l.name), lexicon: l.lexiconId !== null });
    byHead.set(groupKey, group);
  }
  for (const group of byHead.values()) {
    for (const short of group) {
      if (short.words.length < 2 || short.lexicon) continue;
      // the longer form with the most words, then the first key (keys in a group are distinct):
      // what sorting the candidates and taking the first gives, in one pass
      let best: { key: string; words: readonly string[] } | null = null;
      for (const g of group) {
        if (g.words.length <= short.words.length || !short.words.every((w) => g.words.includes(w))) continue;
        if (best === null || g.words.length > best.words.length || (g.words.length === best.words.length && g.key < best.key)) best = g;
      }
      if (best !== null) keys.union(short.key, best.key);
    }
  }
}

/** The head of a name key: the last word before "of"/"for", or the last word. */
function headWord(key: string): string | null {
  const core = key.split(/ (?:of|for) /)[0]!.split(" ");
  return core.length > 0 ? core[core.length - 1]! : null;
}
