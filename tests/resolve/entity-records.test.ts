import { describe, expect, it } from "vitest";
import { EntityRecords, type CountedEntity } from "../../pipeline/resolve/entity-records.js";

const org = (key: string, name: string, aliases: string[] = [name]): CountedEntity => ({ key, type: "ORG", subtype: null, name, aliases, lexiconId: null, roles: [], affiliations: [], mentions: 1 });
const everyRecordShared = () => true;

describe("EntityRecords: document entities kept in columns", () => {
  it("reads back every field as it was given, an alias list that is just the name included", () => {
    const records = new EntityRecords();
    const person: CountedEntity = { key: "PERSON:yahya rasool", type: "PERSON", subtype: "official", name: "Yahya Rasool", aliases: ["Rasool", "Yahya Rasool"], lexiconId: null, roles: ["spokesman"], affiliations: ["ORG:joc"], mentions: 3 };
    const joc: CountedEntity = { ...org("ORG:joc", "Joint Operations Command"), lexiconId: "joint_operations_command_iraq", subtype: "military" };
    const recordOf = records.addDocument("a", [person, joc], everyRecordShared);
    const p = recordOf.get(person.key)!;
    const j = recordOf.get(joc.key)!;
    expect(records.aliases(j)).toEqual(["Joint Operations Command"]);
    expect(records.aliases(p)).toEqual(["Rasool", "Yahya Rasool"]);
    expect([records.type(p), records.subtype(p), records.name(p), records.lexiconId(p), records.roles(p), records.mentions(p), records.typeWeight(p), records.nodes(p)]).toEqual(["PERSON", "official", "Yahya Rasool", null, ["spokesman"], 3, 3, 1]);
    // the affiliation is the organization's record, made first
    expect(records.affiliations(p)).toEqual([j]);
    expect([records.lexiconId(j), records.subtype(j)]).toEqual(["joint_operations_command_iraq", "military"]);
  });

  it("shares a record only with an entity whose alias list is the same, name alone or not", () => {
    const records = new EntityRecords();
    const [plain] = records.addDocument("a", [org("ORG:x", "Mosul Brigade")], everyRecordShared).values();
    const [again] = records.addDocument("b", [org("ORG:x", "Mosul Brigade")], everyRecordShared).values();
    const [more] = records.addDocument("c", [org("ORG:x", "Mosul Brigade", ["MB", "Mosul Brigade"])], everyRecordShared).values();
    expect(again).toBe(plain);
    expect(more).not.toBe(plain);
    expect(records.nodes(plain!)).toBe(2);
  });

  it("orders records by their first document entity, (source_id, key), whatever order documents come in", () => {
    const records = new EntityRecords();
    const b = records.addDocument("b", [org("ORG:z", "Zeta Brigade"), org("ORG:a", "Alpha Brigade")], everyRecordShared);
    const zeta = b.get("ORG:z")!;
    const alpha = b.get("ORG:a")!;
    // one document: by key
    expect(records.compareFirst(alpha, zeta)).toBeLessThan(0);
    // "Zeta Brigade" is also in document "a", under a key later than any of b's: "a" comes first all the same
    records.addDocument("a", [org("ORG:zz", "Zeta Brigade")], everyRecordShared);
    expect(records.compareFirst(zeta, alpha)).toBeLessThan(0);
    expect(records.compareFirst(alpha, zeta)).toBeGreaterThan(0);
    expect(records.compareFirst(zeta, zeta)).toBe(0);
  });

  it("lets go of what only the join rules read, and says so if it is read after", () => {
    const records = new EntityRecords();
    const [rec] = records.addDocument("a", [org("ORG:x", "Mosul Brigade", ["MB", "Mosul Brigade"])], everyRecordShared).values();
    records.doneAdding();
    records.doneJoining();
    // what grouping reads stays
    expect([records.name(rec!), records.type(rec!), records.mentions(rec!)]).toEqual(["Mosul Brigade", "ORG", 1]);
    expect(() => records.aliases(rec!)).toThrow(/let go \(doneJoining\)/);
    expect(() => records.roles(rec!)).toThrow(/let go/);
  });
});
