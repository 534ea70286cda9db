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
 * stored once, as one record with summed counts, in columns (entity-records.ts). The
 * runner keeps only these records while documents stream past; everything else is
 * computed at the end, and the entities come out as columns too (EntityTable): as an
 * object per group and per entity, beside the records, they set resolve's peak on a
 * corpus of many names. Results are computed from sorted keys, so they do not depend on
 * document order.
 */
import { compareText, type DocEntity, type EntityType } from "../doc.js";
import type { EntityRow } from "../../schemas/tables.js";
import { addToList } from "./compact.js";
import { EntityRecords, type CountedEntity } from "./entity-records.js";
import { entitySlug, isGenericName, nameKey, nameWords, phoneticKey, withoutDemonym } from "./entities-keys.js";

export type { CountedEntity } from "./entity-records.js";

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

function nameKeys(type: EntityType, name: string, aliases: readonly string[]): string[] {
  // "government forces" in a Syrian story and in a Sudanese one are different armies
  if (isGenericName(name)) return [];
  const forms = [name, ...aliases].filter((a) => a !== a.toLowerCase());
  // a person's lone surname ("Dillon") is too weak a key across documents
  const usable = type === "PERSON" ? forms.filter((a) => nameWords(a).length >= 2) : forms;
  return usable.map((a) => `${type}:${nameKey(a)}`).filter((k) => !k.endsWith(":"));
}

/** Join every record listed under the same key. */
function joinBy(count: number, uf: UnionFind, keysOf: (rec: number) => Iterable<string>): void {
  const first = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    for (const k of keysOf(i)) {
      const f = first.get(k);
      if (f === undefined) first.set(k, i);
      else uf.union(f, i);
    }
  }
}

/** "Federal Police" joins "Iraqi Federal Police" when exactly one group carries that longer name. */
function joinDemonymForms(records: EntityRecords, uf: UnionFind): void {
  const longer = new Map<string, Set<number>>();
  for (let i = 0; i < records.length; i++) {
    if (records.type(i) === "PERSON") continue;
    const k = withoutDemonym(records.name(i));
    if (k === null) continue;
    const set = longer.get(`${records.type(i)}:${k}`) ?? new Set<number>();
    set.add(uf.find(i));
    longer.set(`${records.type(i)}:${k}`, set);
  }
  for (let i = 0; i < records.length; i++) {
    const roots = longer.get(`${records.type(i)}:${nameKey(records.name(i))}`);
    if (roots && roots.size === 1 && withoutDemonym(records.name(i)) === null) uf.union(i, [...roots][0]!);
  }
}

function joinPeople(records: EntityRecords, uf: UnionFind): void {
  const people: number[] = [];
  for (let i = 0; i < records.length; i++) if (records.type(i) === "PERSON") people.push(i);
  // a full name that ends a longer one: "Abu Bakr Al Baghdadi" ⊂ "Ibrahim Abu Bakr Al Baghdadi"
  const keys = new Map<string, number[]>();
  for (const p of people) {
    addToList(keys, nameKey(records.name(p)), p);
  }
  for (const p of people) {
    const words = nameWords(records.name(p));
    for (let cut = 1; cut <= words.length - 2; cut++) {
      const ids = keys.get(words.slice(cut).join(" "));
      if (ids) for (const id of ids) uf.union(id, p);
    }
  }
  // transliterations: the same phonetic key and a shared role or affiliation. Joined by
  // key, not pair by pair: a person named in thousands of documents would make the
  // pairwise comparison quadratic. (Person unions never move an organization's root,
  // so the affiliation roots are the same whenever they are read.)
  joinBy(records.length, uf, (i) => {
    if (records.type(i) !== "PERSON") return [];
    const k = phoneticKey(records.name(i));
    if (k.split(" ").length < 2) return [];
    const roles = records.roles(i).map((role) => `${k}\u0000role\u0000${role}`);
    const affiliations = records.affiliations(i).map((a) => `${k}\u0000org\u0000${typeof a === "number" ? `r${uf.find(a)}` : `m${a}`}`);
    return [...roles, ...affiliations];
  });
}

/** The key with the highest weight, the smallest on ties; null when there is none. */
function heaviest<T extends string>(weights: ReadonlyMap<T, number>): T | null {
  const best = [...weights.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
  return best ? best[0] : null;
}

function add<T>(m: Map<T, number>, k: T, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

/** What an entity of several records takes of them. (An entity of one record takes its fields as they are.) */
type MergedGroup = {
  /** sorted by first document entity */
  members: number[];
  name: string;
  type: EntityType;
  subtype: string | null;
  mentions: number;
};

function mergedGroup(g: number[], records: EntityRecords): MergedGroup {
  g.sort((a, b) => records.compareFirst(a, b));
  // canonical name: the lexicon's; else the form with most mentions, then the longest, then alphabetical
  const lexicon = g.find((i) => records.lexiconId(i) !== null);
  const names = new Map<string, number>();
  for (const i of g) add(names, records.name(i), records.mentions(i));
  const name = lexicon !== undefined ? records.name(lexicon) : [...names.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || compareText(a[0], b[0]))[0]![0];
  const types = new Map<EntityType, number>();
  for (const i of g) add(types, records.type(i), records.typeWeight(i));
  const type = heaviest(types)!;
  const subtypes = new Map<string, number>();
  for (const i of g) {
    const subtype = records.subtype(i);
    if (records.type(i) === type && subtype !== null) add(subtypes, subtype, records.nodes(i));
  }
  const mentions = g.reduce((s, i) => s + records.mentions(i), 0);
  return { members: g, name, type, subtype: heaviest(subtypes), mentions };
}

/**
 * The resolved entities, sorted by entity_id, as columns: an entity is its number here.
 * Names and subtypes are the records' own strings, not copies.
 */
export class EntityTable {
  constructor(
    private readonly ids: readonly string[],
    private readonly names: readonly string[],
    private readonly types: readonly EntityType[],
    private readonly subtypes: readonly (string | null)[],
    private readonly mentionCounts: Int32Array,
    private readonly sourceCounts: Int32Array,
  ) {}

  get length(): number {
    return this.ids.length;
  }
  id(e: number): string {
    return this.ids[e]!;
  }
  name(e: number): string {
    return this.names[e]!;
  }
  type(e: number): EntityType {
    return this.types[e]!;
  }

  row(e: number): EntityRow {
    return { entity_id: this.ids[e]!, name: this.names[e]!, type: this.types[e]!, subtype: this.subtypes[e]!, mentions: this.mentionCounts[e]!, sources: this.sourceCounts[e]! };
  }

  /** Every entity's row, made as it is read. */
  *rows(): Generator<EntityRow> {
    for (let e = 0; e < this.ids.length; e++) yield this.row(e);
  }
}

export type ResolvedEntities = {
  entities: EntityTable;
  /** a record's entity (its number in `entities`) */
  entityOfRecord: Int32Array;
};

/** The entities' columns in entity_id order, all but their sources, and the entity of each record. */
type Grouped = { ids: string[]; names: string[]; types: EntityType[]; subtypes: (string | null)[]; mentions: Int32Array; entityOfRecord: Int32Array };

/** Joins the records by rules 1–4 and gives each group its entity_id, name, type, subtype and mentions. */
function groupRecords(records: EntityRecords): Grouped {
  const count = records.length;
  const uf = new UnionFind(count);
  joinBy(count, uf, (i) => {
    const lexiconId = records.lexiconId(i);
    return lexiconId === null ? [] : [`lexicon:${lexiconId}`];
  });
  joinBy(count, uf, (i) => nameKeys(records.type(i), records.name(i), records.aliases(i)));
  joinDemonymForms(records, uf);
  joinPeople(records, uf);
  records.doneJoining();
  // Most records join no other (in a corpus of many names, nearly all of them): such a record
  // is its entity as it stands, read without a member list or tallies of its own. Lists and
  // tallies for every record held 90–100 MB at once for 140,000 entities.
  const root = Int32Array.from({ length: count }, (_, i) => uf.find(i));
  const size = new Int32Array(count);
  for (const r of root) size[r]!++;
  const joined = new Map<number, number[]>();
  root.forEach((r, i) => {
    if (size[r]! > 1) addToList(joined, r, i);
  });
  // a group per root, in record order: its first record (whose first document entity comes
  // first), its slug, and what a group of several records takes of them. Every list here is
  // made at its full length, not pushed to: a list that grows leaves its smaller copies behind,
  // and for 413,828 entities the lists of this function left ~50 MB of them at resolve's peak.
  let groups = 0;
  for (let i = 0; i < count; i++) if (root[i] === i) groups++;
  const firsts = new Int32Array(groups);
  const slugs = new Array<string>(groups);
  const merged = new Map<number, MergedGroup>();
  for (let i = 0, g = 0; i < count; i++) {
    if (root[i] !== i) continue;
    const members = joined.get(i);
    if (members) {
      const m = mergedGroup(members, records);
      merged.set(g, m);
      firsts[g] = members[0]!;
      slugs[g] = entitySlug(m.type, m.name);
    } else {
      firsts[g] = i;
      slugs[g] = entitySlug(records.type(i), records.name(i));
    }
    g++;
  }
  // slugs can collide (two groups with one name); numbering follows the groups' first document entities
  const order = Array.from({ length: groups }, (_, g) => g);
  order.sort((a, b) => compareText(slugs[a]!, slugs[b]!) || records.compareFirst(firsts[a]!, firsts[b]!));
  const groupIds = new Array<string>(groups);
  let n = 0;
  order.forEach((g, k) => {
    n = k > 0 && slugs[order[k - 1]!] === slugs[g] ? n + 1 : 1;
    groupIds[g] = n === 1 ? slugs[g]! : `${slugs[g]}-${n}`;
  });
  order.sort((a, b) => compareText(groupIds[a]!, groupIds[b]!));

  const entityOfRecord = new Int32Array(count);
  const ids = new Array<string>(groups);
  const names = new Array<string>(groups);
  const types = new Array<EntityType>(groups);
  const subtypes = new Array<string | null>(groups);
  const mentions = new Int32Array(groups);
  order.forEach((g, e) => {
    ids[e] = groupIds[g]!;
    const m = merged.get(g);
    if (m) {
      for (const i of m.members) entityOfRecord[i] = e;
      names[e] = m.name;
      types[e] = m.type;
      subtypes[e] = m.subtype;
      mentions[e] = m.mentions;
    } else {
      const i = firsts[g]!;
      entityOfRecord[i] = e;
      names[e] = records.name(i);
      types[e] = records.type(i);
      subtypes[e] = records.subtype(i);
      mentions[e] = records.mentions(i);
    }
  });
  return { ids, names, types, subtypes, mentions, entityOfRecord };
}

export class EntityStore {
  /** null once resolved */
  private records: EntityRecords | null = new EntityRecords();

  private open(): EntityRecords {
    if (!this.records) throw new Error("EntityStore: the records were resolved already");
    return this.records;
  }

  /** Adds one document's entities; returns the record of each entity key. */
  addDocument(sourceId: string, entities: readonly CountedEntity[]): Map<string, number> {
    // only records rules 1–2 can join are shared
    return this.open().addDocument(sourceId, entities, (e) => e.lexiconId !== null || nameKeys(e.type, e.name, e.aliases).length > 0);
  }

  get recordCount(): number {
    return this.open().length;
  }

  /**
   * Resolves the records into entities, once. `documents` gives, once more, the records addDocument
   * returned for each document (the values of its map, in any order of documents): they count
   * each entity's sources. The store does not keep them itself, since they grow with the
   * corpus (4.7 million document entities, 19 MB, on a 500 MB corpus); the runner has them on
   * disk anyway, to give each document's spilled rows their entity ids.
   */
  resolve(documents: Iterable<Iterable<number>>): ResolvedEntities {
    // no document is added after this: the look-up of shared records can go before the passes make their own keys
    this.open().doneAdding();
    // (no local variable holds the records: it would keep them alive to the end of this function)
    const { ids, names, types, subtypes, mentions, entityOfRecord } = groupRecords(this.open());
    // the entities hold what they need of the records (their names): the records can go before
    // the sources pass reads every document's records again
    this.records = null;
    // sources: the documents that mention an entity, each counted once (an entity remembers the
    // last document that counted it, where a Set per document was filled and emptied: resolving
    // the summaries of a corpus of 140,300 entities peaked at 223–224 MiB with the Set, 207–209 without)
    const sources = new Int32Array(ids.length);
    const countedIn = new Int32Array(ids.length).fill(-1);
    let doc = 0;
    for (const recs of documents) {
      for (const rec of recs) {
        const e = entityOfRecord[rec]!;
        if (countedIn[e] === doc) continue;
        countedIn[e] = doc;
        sources[e]!++;
      }
      doc++;
    }
    return { entities: new EntityTable(ids, names, types, subtypes, mentions, sources), entityOfRecord };
  }
}

/** Only each mention's entity key is read (to count mentions), so callers may pass compact mentions. */
type DocInput = { sourceId: string; entities: readonly DocEntity[]; mentions: readonly { entityKey: string }[] };

/** The whole corpus at once (tests, small runs): entities, and the entity_id of any document's entity key. */
export function resolveEntities(docs: ReadonlyArray<DocInput>): {
  entities: EntityRow[];
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
    entities: [...entities.rows()],
    idOf(sourceId: string, entityKey: string): string {
      const rec = recordOf.get(sourceId)?.get(entityKey);
      if (rec === undefined) throw new Error(`resolveEntities: no entity "${entityKey}" in source "${sourceId}"`);
      return entities.id(entityOfRecord[rec]!);
    },
  };
}
