/**
 * Merge document entities into corpus-wide entities, one entity_id per real-world
 * entity. Two document entities are the same when they share
 *   1. a curated lexicon id (ISIS, ISIL, Daesh → islamic_state);
 *   2. the type and a normalized name or multi-word alias ("Grand al-Nuri Mosque"
 *      = "Grand Al Nuri mosque"; "Joint Operation Command" = "Joint Operations Command");
 *   3. for organizations and places, a name that is another's without its leading
 *      demonym, when only one such longer name exists ("Federal Police" → "Iraqi
 *      Federal Police");
 *   4. for people, a full name that ends another's ("Abu Bakr Al Baghdadi" ⊂
 *      "Ibrahim Abu Bakr Al Baghdadi"), or a phonetic key supported by a shared role
 *      or a shared affiliation ("Yahya Rasool" / "Yahia Rasoul", both brigadier
 *      general and spokesman of the Joint Operations Command).
 *
 * Memory: a corpus names the same entities thousands of times, so document entities
 * that rule 1 or 2 would join anyway and that agree in every field resolution reads are
 * stored once, as one record with summed counts (EntityStore). The runner keeps only
 * these records while documents stream past; everything else is computed at the end.
 * Results are computed from sorted keys, so they do not depend on document order.
 */
import type { DocEntity, EntityType } from "../doc.js";
import { FNV_OFFSET, FNV_PRIME, fnvOn } from "../fnv.js";
import { addToList } from "./compact.js";
import { entitySlug, isGenericName, nameKey, nameWords, phoneticKey, withoutDemonym } from "./entities-keys.js";

export type ResolvedEntity = {
  entity_id: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  mentions: number;
  sources: number;
};

/** A document entity and how often the document mentions it: what resolution needs of a document. */
export type CountedEntity = DocEntity & { mentions: number };

/** Document entities that resolution cannot tell apart, with their counts summed. */
type EntityRecord = {
  type: EntityType;
  subtype: string | null;
  name: string;
  aliases: readonly string[];
  lexiconId: string | null;
  roles: readonly string[];
  /** per affiliation: the record of that organization in the same document, or a text unique to the document when it is not one of its entities */
  affiliations: readonly (number | string)[];
  /** the smallest (source, key) among its document entities: orders records as documents sorted by source_id would */
  firstDoc: number;
  firstKey: string;
  mentions: number;
  /** Σ max(1, mentions) over its document entities: how strongly it votes for its type */
  typeWeight: number;
  /** how many document entities it stands for */
  nodes: number;
};

export type ResolvedEntities = {
  /** sorted by entity_id */
  entities: ResolvedEntity[];
  /** a record's position in `entities` */
  entityOfRecord: Int32Array;
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    // path compression keeps repeated finds cheap
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) ra < rb ? (this.parent[rb] = ra) : (this.parent[ra] = rb);
  }
}

function nameKeys(e: Pick<EntityRecord, "type" | "name" | "aliases">): string[] {
  // "government forces" in a Syrian story and in a Sudanese one are different armies
  if (isGenericName(e.name)) return [];
  const forms = [e.name, ...e.aliases].filter((a) => a !== a.toLowerCase());
  // a person's lone surname ("Dillon") is too weak a key across documents
  const usable = e.type === "PERSON" ? forms.filter((a) => nameWords(a).length >= 2) : forms;
  return usable.map((a) => `${e.type}:${nameKey(a)}`).filter((k) => !k.endsWith(":"));
}

/** Join every record listed under the same key. */
function joinBy(records: readonly EntityRecord[], uf: UnionFind, keysOf: (r: EntityRecord, i: number) => Iterable<string>): void {
  const first = new Map<string, number>();
  records.forEach((r, i) => {
    for (const k of keysOf(r, i)) {
      const f = first.get(k);
      if (f === undefined) first.set(k, i);
      else uf.union(f, i);
    }
  });
}

/** "Federal Police" joins "Iraqi Federal Police" when exactly one group carries that longer name. */
function joinDemonymForms(records: readonly EntityRecord[], uf: UnionFind): void {
  const longer = new Map<string, Set<number>>();
  records.forEach((r, i) => {
    if (r.type === "PERSON") return;
    const k = withoutDemonym(r.name);
    if (k === null) return;
    const set = longer.get(`${r.type}:${k}`) ?? new Set<number>();
    set.add(uf.find(i));
    longer.set(`${r.type}:${k}`, set);
  });
  records.forEach((r, i) => {
    const roots = longer.get(`${r.type}:${nameKey(r.name)}`);
    if (roots && roots.size === 1 && withoutDemonym(r.name) === null) uf.union(i, [...roots][0]!);
  });
}

function joinPeople(records: readonly EntityRecord[], uf: UnionFind): void {
  const people = records.flatMap((r, i) => (r.type === "PERSON" ? [i] : []));
  // a full name that ends a longer one: "Abu Bakr Al Baghdadi" ⊂ "Ibrahim Abu Bakr Al Baghdadi"
  const keys = new Map<string, number[]>();
  for (const p of people) {
    addToList(keys, nameKey(records[p]!.name), p);
  }
  for (const p of people) {
    const words = nameWords(records[p]!.name);
    for (let cut = 1; cut <= words.length - 2; cut++) {
      const ids = keys.get(words.slice(cut).join(" "));
      if (ids) for (const id of ids) uf.union(id, p);
    }
  }
  // transliterations: the same phonetic key and a shared role or affiliation. Joined by
  // key, not pair by pair: a person named in thousands of documents would make the
  // pairwise comparison quadratic. (Person unions never move an organization's root,
  // so the affiliation roots are the same whenever they are read.)
  joinBy(records, uf, (r) => {
    if (r.type !== "PERSON") return [];
    const k = phoneticKey(r.name);
    if (k.split(" ").length < 2) return [];
    const roles = r.roles.map((role) => `${k}\u0000role\u0000${role}`);
    const affiliations = r.affiliations.map((a) => `${k}\u0000org\u0000${typeof a === "number" ? `r${uf.find(a)}` : `m${a}`}`);
    return [...roles, ...affiliations];
  });
}

/** The key with the highest weight, the smallest on ties; null when there is none. */
function heaviest<T extends string>(weights: ReadonlyMap<T, number>): T | null {
  const best = [...weights.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0];
  return best ? best[0] : null;
}

function add<T>(m: Map<T, number>, k: T, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

/** The records that resolve to one entity, and what the entity takes of them. */
type EntityGroup = {
  /** the record, or the records (sorted by first document entity) */
  members: number | number[];
  name: string;
  type: EntityType;
  subtype: string | null;
  mentions: number;
  /** its first record (the one whose first document entity comes first) */
  first: number;
  slug: string;
  /** the slug, numbered when another group has it too (set once all are known) */
  entityId: string;
};

function singleGroup(i: number, r: EntityRecord): EntityGroup {
  // what mergedGroup gives for one record, without its tallies
  return { members: i, name: r.name, type: r.type, subtype: r.subtype, mentions: r.mentions, first: i, slug: entitySlug(r.type, r.name), entityId: "" };
}

function mergedGroup(g: number[], records: readonly EntityRecord[], byFirst: (a: number, b: number) => number): EntityGroup {
  g.sort(byFirst);
  const rs = g.map((i) => records[i]!);
  // canonical name: the lexicon's; else the form with most mentions, then the longest, then alphabetical
  const lexicon = rs.find((r) => r.lexiconId !== null);
  const names = new Map<string, number>();
  for (const r of rs) add(names, r.name, r.mentions);
  const name = lexicon ? lexicon.name : [...names.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || cmp(a[0], b[0]))[0]![0];
  const types = new Map<EntityType, number>();
  for (const r of rs) add(types, r.type, r.typeWeight);
  const type = heaviest(types)!;
  const subtypes = new Map<string, number>();
  for (const r of rs) if (r.type === type && r.subtype !== null) add(subtypes, r.subtype, r.nodes);
  const mentions = rs.reduce((s, r) => s + r.mentions, 0);
  return { members: g, name, type, subtype: heaviest(subtypes), mentions, first: g[0]!, slug: entitySlug(type, name), entityId: "" };
}

/** One empty list for every record without roles or affiliations (most of them, in a corpus of many names). */
const NONE: readonly never[] = Object.freeze([]);

/** The fields two document entities must share to be stored as one record. */
type Signed = Pick<EntityRecord, "type" | "subtype" | "name" | "aliases" | "lexiconId" | "roles" | "affiliations">;

/** A 32-bit hash of a signature's fields (FNV-1a; fnv.ts), a different value mixed in before each kind of field. Only a look-up key: sameSignature decides. */
export function signatureHash(e: Signed): number {
  /** one more FNV-1a step, over a small number that says which kind of field follows */
  const tag = (h: number, kind: number) => Math.imul(h ^ kind, FNV_PRIME);
  let h = fnvOn(FNV_OFFSET, e.type);
  h = fnvOn(tag(h, 1), e.subtype ?? "\u0000");
  h = fnvOn(tag(h, 1), e.name);
  for (const a of e.aliases) h = fnvOn(tag(h, 2), a);
  h = fnvOn(tag(h, 1), e.lexiconId ?? "\u0000");
  for (const r of e.roles) h = fnvOn(tag(h, 3), r);
  for (const a of e.affiliations) h = typeof a === "number" ? tag(tag(h, 4), a) : fnvOn(tag(h, 5), a);
  return h;
}

/** Equal lists (numbers and texts compared as they are: record 1 is not the text "1"). */
function sameList(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same signature: every field equal (a missing subtype or lexicon id is null). */
function sameSignature(a: Signed, b: Signed): boolean {
  return (
    a.type === b.type &&
    (a.subtype ?? null) === (b.subtype ?? null) &&
    a.name === b.name &&
    (a.lexiconId ?? null) === (b.lexiconId ?? null) &&
    sameList(a.aliases, b.aliases) &&
    sameList(a.roles, b.roles) &&
    sameList(a.affiliations, b.affiliations)
  );
}

export class EntityStore {
  private readonly records: EntityRecord[] = [];
  /**
   * Records that rules 1–2 join anyway, by a hash of everything resolution reads of them
   * (signatureHash): a record, or the records whose signatures share that hash. Each is
   * compared field by field before it is shared. As the JSON text of the fields, the
   * signatures were 64 MB of the 222 MB of heap that a corpus of 440,671 records held
   * once its summaries were read.
   */
  private readonly bySignature = new Map<number, number | number[]>();
  private readonly sourceIds: string[] = [];

  /** The shared record with exactly these fields, or undefined. */
  private findShared(hash: number, e: Signed): number | undefined {
    const found = this.bySignature.get(hash);
    if (found === undefined) return undefined;
    if (typeof found === "number") return sameSignature(this.records[found]!, e) ? found : undefined;
    return found.find((rec) => sameSignature(this.records[rec]!, e));
  }

  private share(hash: number, rec: number): void {
    const found = this.bySignature.get(hash);
    if (found === undefined) this.bySignature.set(hash, rec);
    else if (typeof found === "number") this.bySignature.set(hash, [found, rec]);
    else found.push(rec);
  }

  /** Adds one document's entities; returns the record of each entity key. */
  addDocument(sourceId: string, entities: readonly CountedEntity[]): Map<string, number> {
    const doc = this.sourceIds.push(sourceId) - 1;
    const recordOf = new Map<string, number>();
    // a person's record names the records of its affiliations, so those come first
    const ordered = [...entities].sort((a, b) => Number(a.affiliations.length > 0) - Number(b.affiliations.length > 0) || cmp(a.key, b.key));
    for (const e of ordered) {
      const affiliations = e.affiliations.length === 0 ? NONE : e.affiliations.map((a) => recordOf.get(a) ?? `${doc}\u0000${a}`);
      const signed: Signed = { type: e.type, subtype: e.subtype, name: e.name, aliases: e.aliases, lexiconId: e.lexiconId, roles: e.roles.length === 0 ? NONE : e.roles, affiliations };
      const hash = signatureHash(signed);
      // only records rules 1–2 can join are shared; a signature found is one of those (its fields
      // decide it), so the name keys are worked out only for a signature not seen before
      let rec = this.findShared(hash, signed);
      if (rec === undefined) {
        // (a literal, not a spread of `signed`: with the spread, the heap held 321 MB once the 440,671 records were read, against 150)
        const { type, subtype, name, aliases, lexiconId, roles } = signed;
        rec = this.records.push({ type, subtype, name, aliases, lexiconId, roles, affiliations, firstDoc: doc, firstKey: e.key, mentions: 0, typeWeight: 0, nodes: 0 }) - 1;
        if (e.lexiconId !== null || nameKeys(e).length > 0) this.share(hash, rec);
      }
      const r = this.records[rec]!;
      if (this.compareNodes(doc, e.key, r.firstDoc, r.firstKey) < 0) {
        r.firstDoc = doc;
        r.firstKey = e.key;
      }
      r.mentions += e.mentions;
      r.typeWeight += Math.max(1, e.mentions);
      r.nodes++;
      recordOf.set(e.key, rec);
    }
    return recordOf;
  }

  get recordCount(): number {
    return this.records.length;
  }

  /**
   * The order of document entities: by source_id, then key, which is the order of the texts
   * "<source_id>\0<key>" (no source_id holds a NUL) without making them: that text was kept for
   * every record through resolve, and made twice for every document entity added.
   */
  private compareNodes(docA: number, keyA: string, docB: number, keyB: string): number {
    return docA === docB ? cmp(keyA, keyB) : cmp(this.sourceIds[docA]!, this.sourceIds[docB]!) || cmp(keyA, keyB);
  }

  /**
   * Resolves the records into entities. `documents` gives, once more, the records addDocument
   * returned for each document (the values of its map, in any order of documents): they count
   * each entity's sources. The store does not keep them itself, since they grow with the
   * corpus (4.7 million document entities, 19 MB, on a 500 MB corpus); the runner has them on
   * disk anyway, to give each document's spilled rows their entity ids.
   */
  resolve(documents: Iterable<Iterable<number>>): ResolvedEntities {
    // no document is added after this: the signatures (a JSON text per shared record) can go
    // before the passes below make their own keys
    this.bySignature.clear();
    const records = this.records;
    const uf = new UnionFind(records.length);
    joinBy(records, uf, (r) => (r.lexiconId === null ? [] : [`lexicon:${r.lexiconId}`]));
    joinBy(records, uf, nameKeys);
    joinDemonymForms(records, uf);
    joinPeople(records, uf);

    const byFirst = (a: number, b: number) => this.compareNodes(records[a]!.firstDoc, records[a]!.firstKey, records[b]!.firstDoc, records[b]!.firstKey);
    // Most records join no other (in a corpus of many names, nearly all of them): such a record
    // is its entity as it stands, read without a member list or tallies of its own. Lists and
    // tallies for every record held 90–100 MB at once for 140,000 entities.
    const root = Int32Array.from({ length: records.length }, (_, i) => uf.find(i));
    const size = new Int32Array(records.length);
    for (const r of root) size[r]!++;
    const joined = new Map<number, number[]>();
    root.forEach((r, i) => {
      if (size[r]! > 1) addToList(joined, r, i);
    });
    const groups: EntityGroup[] = [];
    root.forEach((r, i) => {
      if (r !== i) return;
      const g = joined.get(r);
      groups.push(g ? mergedGroup(g, records, byFirst) : singleGroup(i, records[i]!));
    });
    // slugs can collide (two groups with one name); numbering follows the groups' first document entities
    groups.sort((a, b) => cmp(a.slug, b.slug) || byFirst(a.first, b.first));
    const used = new Map<string, number>();
    for (const group of groups) {
      const n = (used.get(group.slug) ?? 0) + 1;
      used.set(group.slug, n);
      group.entityId = n === 1 ? group.slug : `${group.slug}-${n}`;
    }
    groups.sort((a, b) => cmp(a.entityId, b.entityId));
    const entityOfRecord = new Int32Array(records.length);
    const entities: ResolvedEntity[] = groups.map((d, n) => {
      if (typeof d.members === "number") entityOfRecord[d.members] = n;
      else for (const i of d.members) entityOfRecord[i] = n;
      return { entity_id: d.entityId, name: d.name, type: d.type, subtype: d.subtype, mentions: d.mentions, sources: 0 };
    });
    // sources: the documents that mention an entity, each counted once (an entity remembers the
    // last document that counted it, where a Set per document was filled and emptied: resolving
    // the summaries of a corpus of 140,300 entities peaked at 223–224 MiB with the Set, 207–209 without)
    const countedIn = new Int32Array(entities.length).fill(-1);
    let doc = 0;
    for (const records of documents) {
      for (const rec of records) {
        const e = entityOfRecord[rec]!;
        if (countedIn[e] === doc) continue;
        countedIn[e] = doc;
        entities[e]!.sources++;
      }
      doc++;
    }
    return { entities, entityOfRecord };
  }
}

/** Only each mention's entity key is read (to count mentions), so callers may pass compact mentions. */
type DocInput = { sourceId: string; entities: readonly DocEntity[]; mentions: readonly { entityKey: string }[] };

/** The whole corpus at once (tests, small runs): entities, and the entity_id of any document's entity key. */
export function resolveEntities(docs: ReadonlyArray<DocInput>): {
  entities: ResolvedEntity[];
  idOf(sourceId: string, entityKey: string): string;
} {
  const store = new EntityStore();
  const recordOf = new Map<string, Map<string, number>>();
  for (const d of docs) {
    const counts = new Map<string, number>();
    for (const m of d.mentions) add(counts, m.entityKey, 1);
    recordOf.set(d.sourceId, store.addDocument(d.sourceId, d.entities.map((e) => ({ ...e, mentions: counts.get(e.key) ?? 0 }))));
  }
  const { entities, entityOfRecord } = store.resolve(Array.from(recordOf.values(), (m) => m.values()));
  return {
    entities,
    idOf(sourceId: string, entityKey: string): string {
      const rec = recordOf.get(sourceId)?.get(entityKey);
      if (rec === undefined) throw new Error(`resolveEntities: no entity "${entityKey}" in source "${sourceId}"`);
      return entities[entityOfRecord[rec]!]!.entity_id;
    },
  };
}
