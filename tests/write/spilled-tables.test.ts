/**
 * Phase 2's spilled tables: rows read back with entity ids in place of document-local
 * keys, problems reported with their document, and a table written by a worker thread
 * byte for byte as the main thread writes it.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mentions } from "../../schemas/tables.js";
import { writeTableInWorker } from "../../pipeline/workers/table-thread.js";
import { packRows } from "../../pipeline/write/packed-rows.js";
import { entityPositions, inDocumentOrder, spillLine, writeSpilledTable, type SpilledReject } from "../../pipeline/write/spilled-tables.js";
import { TableOutput } from "../../pipeline/write/table-output.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();
const work = tempDir("spilled-");

const mention = (source: string, n: number, entity: number, start: number, end: number) => ({
  mention_id: `${source}-m${n}`,
  entity_id: entity,
  source_id: source,
  sentence_id: `${source}-s1`,
  char_start: start,
  char_end: end,
  text: "Mosul",
  type: "LOCATION",
  subtype: "city",
});

// two documents; the second has a row whose span runs backwards, which validation refuses
const spillPath = join(work, "mentions.jsonl");
writeFileSync(
  spillPath,
  [
    spillLine("a.txt", packRows(mentions.columns, [mention("a", 1, 0, 0, 5), mention("a", 2, 1, 10, 15)])),
    spillLine("b.txt", packRows(mentions.columns, [mention("b", 1, 0, 0, 5), mention("b", 2, 0, 9, 4)])),
  ].join("\n") + "\n",
);
// rows name entities by their position in the document's summary; the entity ids file gives each
// document's ids by position: document a's two entities, then document b's one
const entityIdsPath = join(work, "entity-ids.jsonl");
writeFileSync(entityIdsPath, `["loc-mosul","org-islamic-state"]\n["loc-mosul"]\n`);

function writeOnThisThread(dir: string): { rows: Record<string, unknown>[]; problems: SpilledReject[]; count: number } {
  mkdirSync(join(dir, "csv"), { recursive: true });
  mkdirSync(join(dir, "parquet"), { recursive: true });
  const output = new TableOutput(dir, mentions);
  const rows: Record<string, unknown>[] = [];
  const problems = writeSpilledTable({
    name: "mentions",
    spillPath,
    entityIdsPath,
    write: (rs, path, reject) => output.write(rs, path, reject),
    eachRow: (r) => rows.push({ ...r }),
  });
  output.close();
  return { rows, problems, count: output.count };
}

describe("spilled tables", () => {
  it("puts each document's entity ids in place of its keys, and reports problems with their document", () => {
    const { rows, problems, count } = writeOnThisThread(join(work, "main"));
    expect(rows.map((r) => [r.mention_id, r.entity_id])).toEqual([
      ["a-m1", "loc-mosul"],
      ["a-m2", "org-islamic-state"],
      ["b-m1", "loc-mosul"],
      ["b-m2", "loc-mosul"],
    ]);
    expect(count).toBe(3);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ doc: 1, path: "b.txt", stage: "validate", reason: "invalid mentions row" });
    expect(problems[0]!.detail).toContain("mention_id=b-m2");
  });

  it("refuses an entity ids file that does not match the spill line for line", () => {
    const short = join(work, "short-ids.jsonl");
    writeFileSync(short, `["loc-mosul","org-islamic-state"]\n`);
    expect(() => writeSpilledTable({ name: "mentions", spillPath, entityIdsPath: short, write: () => undefined })).toThrow(/more documents than lines of entity ids/);
    const long = join(work, "long-ids.jsonl");
    writeFileSync(long, `["loc-mosul","org-islamic-state"]\n["loc-mosul"]\n["loc-mosul"]\n`);
    expect(() => writeSpilledTable({ name: "mentions", spillPath, entityIdsPath: long, write: () => undefined })).toThrow(/more lines of entity ids than documents/);
  });

  it("refuses a row naming an entity position its document's line of ids does not have", () => {
    const few = join(work, "few-ids.jsonl");
    writeFileSync(few, `["loc-mosul"]\n["loc-mosul"]\n`);
    expect(() => writeSpilledTable({ name: "mentions", spillPath, entityIdsPath: few, write: () => undefined })).toThrow(/entity_id 1 of document 1 has no entity id/);
  });

  it("a document's rows name entities by their position in its summary, nulls kept, an unknown key refused", () => {
    const rows = [
      { actor_id: "ORG:isis", location_id: "LOCATION:mosul", attributed_to: null },
      { actor_id: null, location_id: "LOCATION:mosul", attributed_to: "ORG:isis" },
    ];
    entityPositions(["actor_id", "location_id", "attributed_to"], rows, new Map([["LOCATION:mosul", 0], ["ORG:isis", 1]]));
    expect(rows).toEqual([
      { actor_id: 1, location_id: 0, attributed_to: null },
      { actor_id: null, location_id: 0, attributed_to: 1 },
    ]);
    expect(() => entityPositions(["entity_id"], [{ entity_id: "PERSON:nobody" }], new Map())).toThrow(/entity_id "PERSON:nobody" is no entity/);
  });

  it("a worker thread writes the same files and finds the same problems", async () => {
    const main = writeOnThisThread(join(work, "main2"));
    const dir = join(work, "worker");
    mkdirSync(join(dir, "csv"), { recursive: true });
    mkdirSync(join(dir, "parquet"), { recursive: true });
    const r = await writeTableInWorker({ kind: "spilled", name: "mentions", dir, spillPath, entityIdsPath });
    expect(r.counts).toEqual({ mentions: main.count });
    expect(r.problems).toEqual(main.problems);
    for (const f of ["csv/mentions.csv", "parquet/mentions.parquet"]) {
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(work, "main2", f))), f).toBe(true);
    }
  });

  it("a worker that fails says which table it was writing", async () => {
    await expect(writeTableInWorker({ kind: "spilled", name: "mentions", dir: join(work, "no-such-dir"), spillPath, entityIdsPath })).rejects.toThrow(/writing mentions/);
  });

  it("merges the tables' problems into document order, each document's tables in table order", () => {
    const p = (doc: number, what: string): SpilledReject => ({ doc, path: `d${doc}`, stage: "validate", reason: what, detail: "" });
    const merged = inDocumentOrder({
      events: [p(0, "e0"), p(2, "e2")],
      mentions: [p(1, "m1"), p(2, "m2a"), p(2, "m2b")],
      figures: [p(0, "f0"), p(2, "f2")],
      final: [p(2, "s2"), p(2, "d2")],
    });
    // a document's final tables (sources, boilerplate, sentences, dates) come before its spilled ones
    expect(merged.map((x) => x.reason)).toEqual(["f0", "e0", "m1", "s2", "d2", "m2a", "m2b", "f2", "e2"]);
  });
});
