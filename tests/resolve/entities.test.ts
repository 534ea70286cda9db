import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import type { DocEntity, EntityType, Mention } from "../../pipeline/doc.js";
import { runStages, stages } from "../../pipeline/index.js";
import { EntityStore, resolveEntities } from "../../pipeline/resolve/entities.js";
import { signatureHash } from "../../pipeline/resolve/entity-records.js";
import { entitySlug, phoneticKey } from "../../pipeline/resolve/entities-keys.js";

type Spec = Partial<DocEntity> & { key: string; type: EntityType; name: string; mentions?: number };

function doc(sourceId: string, specs: Spec[]) {
  const entities: DocEntity[] = specs.map((s) => ({
    key: s.key,
    type: s.type,
    subtype: s.subtype ?? null,
    name: s.name,
    aliases: s.aliases ?? [s.name],
    lexiconId: s.lexiconId ?? null,
    roles: s.roles ?? [],
    affiliations: s.affiliations ?? [],
  }));
  const mentions: Mention[] = [];
  for (const s of specs) {
    for (let i = 0; i < (s.mentions ?? 1); i++) {
      const n = mentions.length;
      mentions.push({ start: n * 10, end: n * 10 + 5, id: `${sourceId}-m${n + 1}`, sentenceId: `${sourceId}-s1`, text: s.name, type: s.type, subtype: null, entityKey: s.key });
    }
  }
  return { sourceId, entities, mentions };
}

const corpus = [
  doc("a", [
    { key: "islamic_state", type: "ORG", subtype: "armed_group", name: "Islamic State", lexiconId: "islamic_state", aliases: ["ISIS"], mentions: 3 },
    { key: "joc", type: "ORG", name: "Joint Operation Command", lexiconId: "joint_operations_command_iraq" },
    { key: "PERSON:yahya rasool", type: "PERSON", name: "Yahya Rasool", roles: ["brigadier general", "spokesman"], affiliations: ["joc"], mentions: 2 },
    { key: "ORG:federal police", type: "ORG", name: "Federal Police" },
    { key: "LOCATION:grand al nuri mosque", type: "LOCATION", name: "Grand al-Nuri Mosque" },
  ]),
  doc("b", [
    { key: "islamic_state", type: "ORG", subtype: "armed_group", name: "Islamic State", lexiconId: "islamic_state", aliases: ["ISIL", "Daesh"] },
    { key: "joc", type: "ORG", name: "Iraqi Joint Operations Command", lexiconId: "joint_operations_command_iraq" },
    { key: "PERSON:yahia rasoul", type: "PERSON", name: "Yahia Rasoul", roles: ["brigadier general"], affiliations: ["joc"] },
    { key: "ORG:iraqi federal police", type: "ORG", name: "Iraqi Federal Police" },
    { key: "LOCATION:grand al nuri mosque", type: "LOCATION", name: "Grand Al Nuri mosque" },
  ]),
  doc("c", [
    { key: "PERSON:yahia rasul", type: "PERSON", name: "Yahia Rasul" }, // same sound, no shared role or tie: another man
    { key: "PERSON:abu bakr al baghdadi", type: "PERSON", name: "Abu Bakr Al Baghdadi" },
  ]),
  doc("d", [
    { key: "PERSON:ibrahim abu bakr al baghdadi", type: "PERSON", name: "Ibrahim Abu Bakr Al Baghdadi", mentions: 2 },
    { key: "ORG:government forces", type: "ORG", name: "Government Forces" },
  ]),
  doc("e", [{ key: "ORG:government forces", type: "ORG", name: "Government Forces" }]),
];

describe("resolveEntities", () => {
  const r = resolveEntities(corpus);

  it("merges by lexicon id and counts mentions and sources", () => {
    expect(r.idOf("a", "islamic_state")).toBe("org-islamic-state");
    expect(r.idOf("b", "islamic_state")).toBe("org-islamic-state");
    const is = r.entities.find((e) => e.entity_id === "org-islamic-state")!;
    expect(is).toEqual({ entity_id: "org-islamic-state", name: "Islamic State", type: "ORG", subtype: "armed_group", mentions: 4, sources: 2 });
  });

  it("merges transliterations of a person only with a shared role or affiliation", () => {
    expect(phoneticKey("Yahya Rasool")).toBe(phoneticKey("Yahia Rasoul"));
    expect(r.idOf("b", "PERSON:yahia rasoul")).toBe(r.idOf("a", "PERSON:yahya rasool"));
    expect(r.idOf("a", "PERSON:yahya rasool")).toBe("person-yahya-rasool"); // the more frequent form names it
    expect(phoneticKey("Yahia Rasul")).toBe(phoneticKey("Yahya Rasool"));
    expect(r.idOf("c", "PERSON:yahia rasul")).toBe("person-yahia-rasul");
  });

  it("merges normalized names, demonym-less forms and full names that end another", () => {
    expect(r.idOf("a", "LOCATION:grand al nuri mosque")).toBe(r.idOf("b", "LOCATION:grand al nuri mosque"));
    expect(r.idOf("a", "ORG:federal police")).toBe(r.idOf("b", "ORG:iraqi federal police"));
    expect(r.idOf("a", "ORG:federal police")).toBe("org-iraqi-federal-police");
    expect(r.idOf("c", "PERSON:abu bakr al baghdadi")).toBe("person-ibrahim-abu-bakr-al-baghdadi");
  });

  it("keeps generic state forces of different documents apart, with numbered ids", () => {
    expect(r.idOf("d", "ORG:government forces")).toBe("org-government-forces");
    expect(r.idOf("e", "ORG:government forces")).toBe("org-government-forces-2");
  });

  it("does not depend on the order of the documents", () => {
    const reversed = resolveEntities([...corpus].reverse().map((d) => ({ ...d, entities: [...d.entities].reverse() })));
    expect(reversed.entities).toEqual(r.entities);
    for (const d of corpus) for (const e of d.entities) expect(reversed.idOf(d.sourceId, e.key)).toBe(r.idOf(d.sourceId, e.key));
  });

  it("gives distinct ids to distinct entities and refuses unknown keys", () => {
    const ids = r.entities.map((e) => e.entity_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => r.idOf("a", "nope")).toThrow(/no entity "nope"/);
    expect(entitySlug("LOCATION", "Bāb al-Ṭūb")).toBe("loc-bab-al-tub");
  });
});

describe("resolveEntities on the entity stage's output from other wars", () => {
  const upTo = stages.slice(0, stages.findIndex((s) => s.name === "entities") + 1);
  const stage = (sourceId: string, text: string) => runStages(createDoc({ sourceId, path: `${sourceId}.txt`, text: `😀 ${text}` }), { options: {} }, upTo);
  const a = stage("ua1", "President Volodymyr Zelensky visited Kyiv on Monday. Zelensky said Russian forces had lost ground near Bakhmut.");
  const b = stage("ua2", "President Volodymyr Zelenskiy met envoys in Kiev. Ukrainian troops held their positions in Bakhmut.");
  const c = stage("sd1", "Residents of Sudan's North Darfur state said government forces had shelled the market in El Fasher.");
  const d = stage("sd2", "Sudanese troops withdrew from El-Fasher on Sunday, according to the Rapid Support Forces (RSF).");
  const r = resolveEntities([a, b, c, d]);
  const idOf = (doc: typeof a, text: string) => r.idOf(doc.sourceId, doc.mentions.find((m) => m.text === text)!.entityKey);

  it("joins spellings of one place across documents", () => {
    expect(idOf(a, "Kyiv")).toBe(idOf(b, "Kiev"));
    expect(idOf(c, "El Fasher")).toBe(idOf(d, "El-Fasher"));
    expect(idOf(a, "Bakhmut")).toBe(idOf(b, "Bakhmut"));
  });

  it("joins transliterations of a person who holds the same office", () => {
    expect(idOf(a, "Volodymyr Zelensky")).toBe(idOf(b, "Volodymyr Zelenskiy"));
    expect(idOf(a, "Zelensky")).toBe(idOf(a, "Volodymyr Zelensky"));
  });

  it("joins 'government forces' tied to Sudan with Sudanese troops elsewhere, and keeps other armies apart", () => {
    expect(idOf(c, "government forces")).toBe(idOf(d, "Sudanese troops"));
    expect(idOf(c, "government forces")).toBe("org-sudanese-security-forces");
    expect(idOf(a, "Russian forces")).not.toBe(idOf(b, "Ukrainian troops"));
  });
});

describe("EntityStore: what the runner keeps in memory", () => {
  const counted = (d: ReturnType<typeof doc>) => {
    const n = new Map<string, number>();
    for (const m of d.mentions) n.set(m.entityKey, (n.get(m.entityKey) ?? 0) + 1);
    return d.entities.map((e) => ({ ...e, mentions: n.get(e.key) ?? 0 }));
  };
  const mosul = (sourceId: string, mentions: number) =>
    doc(sourceId, [
      { key: "LOCATION:mosul", type: "LOCATION", name: "Mosul", mentions },
      { key: "ORG:government forces", type: "ORG", name: "Government Forces" },
      { key: "PERSON:dillon", type: "PERSON", name: "Dillon" },
    ]);

  it("keeps one record for a name repeated across documents, but one per document for names only a document can place", () => {
    const store = new EntityStore();
    const records: Iterable<number>[] = [];
    for (let i = 0; i < 50; i++) records.push(store.addDocument(`😀${i}`, counted(mosul(`😀${i}`, 1 + (i % 3)))).values());
    // Mosul: one record; "Government Forces" and the lone surname "Dillon": 50 each
    expect(store.recordCount).toBe(1 + 50 + 50);
    const entities = [...store.resolve(records).entities.rows()];
    const place = entities.find((e) => e.name === "Mosul")!;
    // 1, 2 or 3 mentions per document: 17×1 + 17×2 + 16×3
    expect(place).toMatchObject({ entity_id: "loc-mosul", mentions: 99, sources: 50 });
    expect(entities.filter((e) => e.name === "Government Forces")).toHaveLength(50);
    expect(entities.filter((e) => e.name === "Dillon").every((e) => e.sources === 1)).toBe(true);
  });

  it("counts a source once when two of its entities resolve to one", () => {
    // "Mosul" and "mosul" in one document are two document entities (two keys) of one corpus entity
    const twice = doc("x", [
      { key: "LOCATION:mosul", type: "LOCATION", name: "Mosul" },
      { key: "LOCATION:mosul city", type: "LOCATION", name: "Mosul", aliases: ["Mosul", "MOSUL"] },
    ]);
    const { entities } = resolveEntities([twice, mosul("y", 1)]);
    expect(entities.filter((e) => e.name === "Mosul")).toEqual([expect.objectContaining({ mentions: 3, sources: 2 })]);
  });

  it("shares a record only between entities equal in every field, even when their signatures hash alike", () => {
    const org = (name: string, extra: Partial<DocEntity> = {}): DocEntity => ({ key: `ORG:${name.toLowerCase()}`, type: "ORG", subtype: null, name, aliases: [name], lexiconId: null, roles: [], affiliations: [], ...extra });
    // two names whose signatures have one 32-bit hash (found by trying names until two collide)
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const name = `Brigade ${i}`;
      const h = signatureHash(org(name));
      const other = seen.get(h);
      if (other !== undefined) pair = [other, name];
      else seen.set(h, name);
    }
    const store = new EntityStore();
    const records = [
      store.addDocument("a", [{ ...org(pair[0]), mentions: 1 }]),
      store.addDocument("b", [{ ...org(pair[1]), mentions: 1 }]),
      store.addDocument("c", [{ ...org(pair[0]), mentions: 1 }]),
      // a role, or an affiliation that is a text rather than a record, makes another record
      store.addDocument("d", [{ ...org(pair[0], { roles: ["spokesman"] }), mentions: 1 }]),
      store.addDocument("e", [{ ...org(pair[0], { subtype: "military" }), mentions: 1 }]),
    ];
    expect(records.map((r) => [...r.values()][0])).toEqual([0, 1, 0, 2, 3]);
    expect(store.recordCount).toBe(4);
    const entities = [...store.resolve(records.map((r) => r.values())).entities.rows()];
    expect(entities.map((e) => e.name).sort()).toEqual([pair[0], pair[1]].sort());
  });

  it("gives the same entities whether documents share records or not", () => {
    const docs = [mosul("x", 2), mosul("y", 1), doc("z", [{ key: "LOCATION:old city of mosul", type: "LOCATION", name: "Old City of Mosul" }])];
    const together = resolveEntities(docs);
    const apart = docs.map((d) => resolveEntities([d]));
    expect(together.entities.find((e) => e.name === "Mosul")).toMatchObject({ mentions: 3, sources: 2 });
    expect(apart[0]!.entities.find((e) => e.name === "Mosul")).toMatchObject({ mentions: 2, sources: 1 });
    expect(together.idOf("x", "LOCATION:mosul")).toBe(together.idOf("y", "LOCATION:mosul"));
  });
});
