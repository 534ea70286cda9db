/**
 * entities: people, organizations and places mentioned in the clean text, each
 * mention tied to a document-local entity (DocEntity). The resolve step
 * (pipeline/resolve/entities.ts) merges document entities across the corpus.
 *
 * scan.ts finds candidates sentence by sentence from doc.tokens; link.ts ties them
 * into entities; state-forces.ts ties "government forces" to the state the text
 * names; affiliations.ts records which organization a person speaks for.
 */
import type { Doc, DocEntity, Mention, Stage } from "../doc.js";
import { sentenceAt } from "../doc.js";
import { affiliationsOf } from "./affiliations.js";
import { linkCandidates, nameOwnedPlaces, type Linked } from "./link.js";
import { scanSentence, type Candidate } from "./scan.js";
import { localizeStateForces } from "./state-forces.js";
import { wordsBySentence } from "./words.js";

function byPosition(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Drop a candidate that overlaps an earlier, longer one: mentions never nest ("US-led coalition" is one). */
function dropOverlaps(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  let coverEnd = -1;
  for (const c of cands) {
    if (c.start < coverEnd) continue;
    if (out.length > 0) {
      const last = out[out.length - 1]!;
      if (last.start === c.start && last.end === c.end) continue;
    }
    out.push(c);
    coverEnd = Math.max(coverEnd, c.end);
  }
  return out;
}

/** Words of a name: what `name.split(" ").length` counts, without the array. */
function wordCount(name: string): number {
  let n = 1;
  for (let i = name.indexOf(" "); i >= 0; i = name.indexOf(" ", i + 1)) n++;
  return n;
}

/**
 * The best name among an entity's mentions: most words, then most frequent, then longest, then
 * alphabetical. One pass keeps the best so far (the names are distinct, so the order is strict
 * and the winner is the one a sort would put first); each name's words are counted once.
 */
function bestName(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = "";
  let bestWords = -1;
  let bestCount = 0;
  for (const [name, count] of counts) {
    const words = wordCount(name);
    const better =
      words !== bestWords ? words > bestWords : count !== bestCount ? count > bestCount : name.length !== best.length ? name.length > best.length : name < best;
    if (better) {
      best = name;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
}

/** Every role of the mentions, in order (what `ls.flatMap((l) => l.roles)` gives, without its slow generic path). */
function rolesOf(ls: readonly Linked[]): string[] {
  const out: string[] = [];
  for (const l of ls) for (const r of l.roles) out.push(r);
  return out;
}

/** The distinct values, sorted; `values` is a fresh array of the caller's, returned as it is when it holds fewer than two (most do). */
function sorted(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)].sort();
}

function buildEntities(linked: readonly Linked[], find: (k: string) => string, affiliations: Map<string, Set<string>>): DocEntity[] {
  const groups = new Map<string, Linked[]>();
  for (const l of linked) {
    const root = find(l.key);
    const g = groups.get(root) ?? [];
    g.push(l);
    groups.set(root, g);
  }
  const entities: DocEntity[] = [];
  for (const [key, ls] of groups) {
    const lexicon = ls.find((l) => l.lexiconId !== null);
    const own = ls.find((l) => l.key === key) ?? ls[0]!;
    // back-references and acronyms keep their text as name; the entity's name comes from full forms
    const full = ls.filter((l) => l.kind !== "single" && l.kind !== "acronym" && l.kind !== "anaphor" && l.kind !== "alias");
    const name = lexicon ? lexicon.name : bestName((full.length > 0 ? full : ls).map((l) => l.name));
    entities.push({
      key,
      type: own.type,
      subtype: lexicon?.subtype ?? ls.find((l) => l.subtype !== null)?.subtype ?? null,
      name,
      aliases: sorted(ls.map((l) => l.text)),
      lexiconId: lexicon?.lexiconId ?? null,
      roles: sorted(rolesOf(ls)),
      affiliations: sorted([...(affiliations.get(key) ?? [])].map(find).filter((k) => k !== key)),
    });
  }
  return entities.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export const entities: Stage = {
  name: "entities",
  requires: ["sentences", "tokens"],
  assigns: ["entities", "mentions"],
  run(doc: Doc): Doc {
    const words = wordsBySentence(doc);
    const cands: Candidate[] = [];
    words.forEach((ws, s) => cands.push(...scanSentence(ws, s)));
    const ordered = nameOwnedPlaces(dropOverlaps(cands.sort(byPosition)), (a, b) => doc.index.slice(a, b));
    const links = linkCandidates(ordered, (cp) => doc.index.slice(cp, Math.min(cp + 14, doc.index.length)));
    const keys = links.keys;
    const linked = localizeStateForces(links.linked);
    const find = (k: string) => keys.find(k);
    const affiliations = affiliationsOf(doc, linked, find);
    const docEntities = buildEntities(linked, find, affiliations);
    const typeOf = new Map(docEntities.map((e) => [e.key, e.type]));
    const mentions: Mention[] = [];
    for (const l of [...linked].sort(byPosition)) {
      const sentence = sentenceAt(doc.sentences, l.start);
      if (sentence === null) continue;
      mentions.push({
        start: l.start,
        end: l.end,
        id: `${doc.sourceId}-m${mentions.length + 1}`,
        sentenceId: sentence.id,
        text: l.text,
        type: typeOf.get(find(l.key)) ?? l.type,
        subtype: l.subtype,
        entityKey: find(l.key),
      });
    }
    return { ...doc, entities: docEntities, mentions };
  },
};
