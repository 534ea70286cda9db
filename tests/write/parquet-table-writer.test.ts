import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ParquetWriter, fileWriter, type ColumnSource, type SchemaElement } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { ParquetTableWriter } from "../../pipeline/write/parquet-table-writer.js";
import type { Column } from "../../schemas/table.js";

const COLUMNS: Column[] = [
  { name: "id", kind: "string", nullable: false, description: "" },
  { name: "note", kind: "string", nullable: true, description: "" },
  { name: "n", kind: "integer", nullable: false, description: "" },
  { name: "m", kind: "integer", nullable: true, description: "" },
  { name: "x", kind: "number", nullable: true, description: "" },
  { name: "day", kind: "date", nullable: true, description: "" },
  { name: "flag", kind: "boolean", nullable: false, description: "" },
];
const SCHEMA: SchemaElement[] = [
  { name: "root", num_children: COLUMNS.length },
  { name: "id", type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" }, repetition_type: "REQUIRED" },
  { name: "note", type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" }, repetition_type: "OPTIONAL" },
  { name: "n", type: "INT64", repetition_type: "REQUIRED" },
  { name: "m", type: "INT64", repetition_type: "OPTIONAL" },
  { name: "x", type: "DOUBLE", repetition_type: "OPTIONAL" },
  { name: "day", type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" }, repetition_type: "OPTIONAL" },
  { name: "flag", type: "BOOLEAN", repetition_type: "REQUIRED" },
];
/** the writer's row group size (not exported: it is part of the file format we promise not to change) */
const ROW_GROUP = 50_000;

/**
 * The writer as it was first written: rows buffered as objects, a Date per date and
 * a bigint per integer, flushed whole once a batch takes the buffer to ROW_GROUP.
 * The columnar buffer and day numbers must give the same file, byte for byte.
 */
function referenceFile(path: string, batches: Record<string, unknown>[][]): Buffer {
  const writer = new ParquetWriter({ writer: fileWriter(path), schema: SCHEMA, createdBy: "conflict-news-dataset" });
  let buffer: Record<string, unknown>[] = [];
  const flush = () => {
    if (buffer.length === 0) return;
    const columnData: ColumnSource[] = COLUMNS.map((c) => ({
      name: c.name,
      data: buffer.map((r) => {
        const v = r[c.name];
        if (v === null || v === undefined) return null;
        if (c.kind === "date") return new Date(`${String(v)}T00:00:00Z`);
        if (c.kind === "integer") return BigInt(v as number);
        return v;
      }) as ColumnSource["data"],
      nullable: c.nullable,
    }));
    buffer = [];
    void writer.write({ columnData, rowGroupSize: ROW_GROUP });
  };
  for (const b of batches) {
    buffer.push(...b);
    if (buffer.length >= ROW_GROUP) flush();
  }
  flush();
  void writer.finish();
  return readFileSync(path);
}

function ourFile(path: string, batches: Record<string, unknown>[][]): Buffer {
  const w = new ParquetTableWriter(path, COLUMNS);
  for (const b of batches) w.write(b);
  w.close();
  return readFileSync(path);
}

function row(i: number): Record<string, unknown> {
  const days = ["2024-02-29", "0050-03-01", "1969-12-31", "1970-01-01", "9999-12-31"];
  return {
    id: `row-${i}`,
    note: i % 7 === 0 ? null : ["kept", "emoji 😀", "", "中文", `n${i % 100}`][i % 5],
    n: i * 37 - 1000,
    m: i % 3 === 0 ? null : -i,
    x: i % 4 === 0 ? null : i / 8,
    day: i % 6 === 0 ? null : days[i % days.length],
    flag: i % 2 === 0,
  };
}

function batchesOf(total: number, size: number): Record<string, unknown>[][] {
  const out: Record<string, unknown>[][] = [];
  for (let i = 0; i < total; i += size) out.push(Array.from({ length: Math.min(size, total - i) }, (_, k) => row(i + k)));
  return out;
}

describe("ParquetTableWriter", () => {
  const dir = mkdtempSync(join(tmpdir(), "parquet-writer-"));
  it("writes the same bytes as Date and bigint cells buffered as rows", () => {
    const batches = batchesOf(500, 33);
    expect(ourFile(join(dir, "a.parquet"), batches).equals(referenceFile(join(dir, "b.parquet"), batches))).toBe(true);
  });
  it("cuts row groups where it always did, across batches larger than a group", () => {
    // 49,990 rows, then a batch of 60,000 (flushed as 50,000 + 59,990), then a tail
    const batches = [...batchesOf(49_990, 10_000), batchesOf(60_000, 60_000)[0]!, ...batchesOf(1_234, 500)];
    expect(ourFile(join(dir, "c.parquet"), batches).equals(referenceFile(join(dir, "d.parquet"), batches))).toBe(true);
  }, 30_000);
  it("writes a valid empty table", () => {
    expect(ourFile(join(dir, "e.parquet"), []).equals(referenceFile(join(dir, "f.parquet"), []))).toBe(true);
  });
});
