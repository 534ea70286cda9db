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
 * Everything is computed from sorted inputs, so the result does not depend on the
 * order of the documents.
 */
import type { DocEntity, EntityType, Mention } from "../doc.js";
import { entitySlug, isGenericName, nameKey, nameWords, phoneticKey, withoutDemonym } from "./entities-keys.js";

export type ResolvedEntity = {
  entity_id: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  mentions: number;
  sources: number;
};

/** Only each mention's entity key is read (to count mentions), so callers may pass compact mentions. */
type DocInput = { sourceId: string; entities: readonly DocEntity[]; mentions: readonly Pick<Mention, "entityKey">[] };
type Node = { id: string; sourceId: string; e: DocEntity; mentions: number };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let r = x;
    while (this.parent.has(r)) r = this.parent.get(r)!;
    // path compression keeps repeated finds cheap
    let y = x;
    while (y !== r) {
      const next = this.parent.get(y)!;
      this.parent.set(y, r);
      y = next;
    }
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // the smaller id stays the root, so the result does not depend on call order
    if (ra !== rb) ra < rb ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }
}

/** Join every node listed under the same key. */
function joinBy(nodes: readonly Node[], uf: UnionFind, keysOf: (n: Node) => Iterable<string>): void {
  const first = new Map<string, string>();
  for (const n of nodes) {
    for (const k of keysOf(n)) {
      const f = first.get(k);
      if (f === undefined) first.set(k, n.id);
      else uf.union(f, n.id);
    }
  }
}

function nameKeys(n: Node): string[] {
  const e = n.e;
  // "government forces" in a Syrian story and in a Sudanese one are different armies
  if (isGenericName(e.name)) return [];
  const forms = [e.name, ...e.aliases].filter((a) => a !== a.toLowerCase());
  // a person's lone surname ("Dillon") is too weak a key across documents
  const usable = e.type === "PERSON" ? forms.filter((a) => nameWords(a).length >= 2) : forms;
  return usable.map((a) => `${e.type}:${nameKey(a)}`).filter((k) => !k.endsWith(":"));
}

function byGroup(nodes: readonly Node[], uf: UnionFind): Map<string, Node[]> {
  const groups = new Map<string, Node[]>();
  for (const n of nodes) {
    const r = uf.find(n.id);
    const g = groups.get(r) ?? [];
    g.push(n);
    groups.set(r, g);
  }
  return groups;
}

/** "Federal Police" joins "Iraqi Federal Police" when exactly one group carries that longer name. */
function joinDemonymForms(nodes: readonly Node[], uf: UnionFind): void {
  const longer = new Map<string, Set<string>>();
  for (const n of nodes) {
    if (n.e.type === "PERSON") continue;
    const k = withoutDemonym(n.e.name);
    if (k === null) continue;
    const set = longer.get(`${n.e.type}:${k}`) ?? new Set<string>();
    set.add(uf.find(n.id));
    longer.set(`${n.e.type}:${k}`, set);
  }
  for (const n of nodes) {
    const roots = longer.get(`${n.e.type}:${nameKey(n.e.name)}`);
    if (roots && roots.size === 1 && withoutDemonym(n.e.name) === null) uf.union(n.id, [...roots][0]!);
  }
}

function joinPeople(nodes: readonly Node[], uf: UnionFind): void {
  const people = nodes.filter((n) => n.e.type === "PERSON");
  // a full name that ends a longer one: "Abu Bakr Al Baghdadi" ⊂ "Ibrahim Abu Bakr Al Baghdadi"
  const keys = new Map<string, string[]>();
  for (const p of people) {
    const k = nameKey(p.e.name);
    const list = keys.get(k);
    if (list) list.push(p.id);
    else keys.set(k, [p.id]);
  }
  for (const p of people) {
    const words = nameWords(p.e.name);
    for (let cut = 1; cut <= words.length - 2; cut++) {
      const ids = keys.get(words.slice(cut).join(" "));
      if (ids) for (const id of ids) uf.union(id, p.id);
    }
  }
  // transliterations: the same phonetic key and a shared role or affiliation. Joined by
  // key, not pair by pair: a person named in thousands of documents would make the
  // pairwise comparison quadratic. (Person unions never move an organization's root,
  // so the affiliation roots are the same whenever they are read.)
  const phonetic = new Map<Node, string>();
  for (const p of people) {
    const k = phoneticKey(p.e.name);
    if (k.split(" ").length >= 2) phonetic.set(p, k);
  }
  joinBy([...phonetic.keys()], uf, (p) => {
    const k = phonetic.get(p)!;
    const roles = p.e.roles.map((r) => `${k}\u0000role\u0000${r}`);
    const affiliations = p.e.affiliations.map((a) => `${k}\u0000org\u0000${uf.find(`${p.sourceId}\u0000${a}`)}`);
    return [...roles, ...affiliations];
  });
}

/** Canonical name: the lexicon's; else the form with most mentions, then the longest, then alphabetical. */
function canonicalName(group: readonly Node[]): string {
  const lexicon = group.find((n) => n.e.lexiconId !== null);
  if (lexicon) return lexicon.e.name;
  const weight = new Map<string, number>();
  for (const n of group) weight.set(n.e.name, (weight.get(n.e.name) ?? 0) + n.mentions);
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || cmp(a[0], b[0]))[0]![0];
}

function mostCommon<T extends string>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0];
  return best ? best[0] : null;
}

export function resolveEntities(docs: ReadonlyArray<DocInput>): {
  entities: ResolvedEntity[];
  idOf(sourceId: string, entityKey: string): string;
} {
  const nodes: Node[] = [];
  for (const d of [...docs].sort((a, b) => cmp(a.sourceId, b.sourceId))) {
    const counts = new Map<string, number>();
    for (const m of d.mentions) counts.set(m.entityKey, (counts.get(m.entityKey) ?? 0) + 1);
    for (const e of [...d.entities].sort((a, b) => cmp(a.key, b.key))) {
      nodes.push({ id: `${d.sourceId}\u0000${e.key}`, sourceId: d.sourceId, e, mentions: counts.get(e.key) ?? 0 });
    }
  }
  const uf = new UnionFind();
  joinBy(nodes, uf, (n) => (n.e.lexiconId === null ? [] : [`lexicon:${n.e.lexiconId}`]));
  joinBy(nodes, uf, nameKeys);
  joinDemonymForms(nodes, uf);
  joinPeople(nodes, uf);

  const groups = [...byGroup(nodes, uf).values()].map((g) => {
    const name = canonicalName(g);
    const types = g.flatMap((n) => Array<EntityType>(Math.max(1, n.mentions)).fill(n.e.type));
    const type = mostCommon(types)!;
    return { g, name, type, subtype: mostCommon(g.filter((n) => n.e.type === type).map((n) => n.e.subtype)), first: g[0]!.id };
  });
  // slugs can collide (two groups with one name); numbering follows the groups' first node ids
  groups.sort((a, b) => cmp(entitySlug(a.type, a.name), entitySlug(b.type, b.name)) || cmp(a.first, b.first));
  const idOfNode = new Map<string, string>();
  const used = new Map<string, number>();
  const entities: ResolvedEntity[] = [];
  for (const { g, name, type, subtype } of groups) {
    const slug = entitySlug(type, name);
    const n = (used.get(slug) ?? 0) + 1;
    used.set(slug, n);
    const entity_id = n === 1 ? slug : `${slug}-${n}`;
    for (const node of g) idOfNode.set(node.id, entity_id);
    entities.push({
      entity_id,
      name,
      type,
      subtype,
      mentions: g.reduce((s, node) => s + node.mentions, 0),
      sources: new Set(g.map((node) => node.sourceId)).size,
    });
  }
  entities.sort((a, b) => cmp(a.entity_id, b.entity_id));
  return {
    entities,
    idOf(sourceId: string, entityKey: string): string {
      const id = idOfNode.get(`${sourceId}\u0000${entityKey}`);
      if (id === undefined) throw new Error(`resolveEntities: no entity "${entityKey}" in source "${sourceId}"`);
      return id;
    },
  };
}
