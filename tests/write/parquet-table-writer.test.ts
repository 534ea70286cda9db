import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ParquetWriter, fileWriter, type ColumnSource, type SchemaElement } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { ParquetTableWriter, type RowGroupLimits } from "../../pipeline/write/parquet-table-writer.js";
import { duck } from "../e2e/helpers.js";
import { tempDirs } from "../helpers/temp-dirs.js";
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
/**
 * An independent reference: rows buffered as objects, a Date per date and a bigint
 * per integer, written as row groups of the given sizes. The writer's columnar
 * buffer and day numbers must give the same file, byte for byte.
 */
function referenceFile(path: string, rows: Record<string, unknown>[], groupSizes: number[]): Buffer {
  const writer = new ParquetWriter({ writer: fileWriter(path), schema: SCHEMA, createdBy: "conflict-news-dataset" });
  let at = 0;
  for (const size of groupSizes) {
    const group = rows.slice(at, at + size);
    at += size;
    const columnData: ColumnSource[] = COLUMNS.map((c) => ({
      name: c.name,
      data: group.map((r) => {
        const v = r[c.name];
        if (v === null || v === undefined) return null;
        if (c.kind === "date") return new Date(`${String(v)}T00:00:00Z`);
        if (c.kind === "integer") return BigInt(v as number);
        return v;
      }) as ColumnSource["data"],
      nullable: c.nullable,
    }));
    void writer.write({ columnData, rowGroupSize: size });
  }
  expect(at).toBe(rows.length);
  void writer.finish();
  return readFileSync(path);
}

function ourFile(path: string, batches: Record<string, unknown>[][], limits?: RowGroupLimits): Buffer {
  const w = new ParquetTableWriter(path, COLUMNS, limits);
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

/** Rows per row group, as DuckDB reads them from the file's footer. */
async function groupSizes(path: string): Promise<number[]> {
  const c = await duck();
  const r = await c.runAndReadAll(`select row_group_id, max(row_group_num_rows) as n from parquet_metadata('${path}') group by 1 order by 1`);
  return r.getRowObjects().map((o) => Number(o.n));
}

describe("ParquetTableWriter", () => {
  const tempDir = tempDirs();
  const dir = tempDir("parquet-writer-");
  it("writes the same bytes as Date and bigint cells buffered as rows", () => {
    const batches = batchesOf(500, 33);
    expect(ourFile(join(dir, "a.parquet"), batches).equals(referenceFile(join(dir, "b.parquet"), batches.flat(), [500]))).toBe(true);
  });
  it("cuts a group after maxRows rows, however the rows were batched", async () => {
    const limits = { maxRows: 100, maxBytes: 1e12 };
    const rows = batchesOf(250, 250)[0]!;
    const inBatches = ourFile(join(dir, "c.parquet"), batchesOf(250, 33), limits);
    expect(inBatches.equals(ourFile(join(dir, "c1.parquet"), [rows], limits))).toBe(true);
    expect(inBatches.equals(ourFile(join(dir, "c2.parquet"), batchesOf(250, 1), limits))).toBe(true);
    expect(inBatches.equals(referenceFile(join(dir, "d.parquet"), rows, [100, 100, 50]))).toBe(true);
    expect(await groupSizes(join(dir, "c.parquet"))).toEqual([100, 100, 50]);
  });
  it("cuts a group once its cells reach maxBytes", async () => {
    // each row: two strings (10 + 16, 84 + 16) and five other cells, the date null (8 each) = 166
    const wide = (i: number) => ({ ...row(i), id: `w${String(i).padStart(9, "0")}`, note: "x".repeat(84), day: null });
    const rows = Array.from({ length: 95 }, (_, i) => wide(i));
    ourFile(join(dir, "g.parquet"), [rows], { maxRows: 1e9, maxBytes: 1660 });
    expect(await groupSizes(join(dir, "g.parquet"))).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
    // one byte less than ten rows' worth still needs the tenth row to reach it
    ourFile(join(dir, "h.parquet"), [rows], { maxRows: 1e9, maxBytes: 1659 });
    expect(await groupSizes(join(dir, "h.parquet"))).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
    ourFile(join(dir, "i.parquet"), [rows], { maxRows: 1e9, maxBytes: 1661 });
    expect(await groupSizes(join(dir, "i.parquet"))).toEqual([11, 11, 11, 11, 11, 11, 11, 11, 7]);
  });
  it("writes a valid empty table", async () => {
    expect(ourFile(join(dir, "e.parquet"), []).equals(referenceFile(join(dir, "f.parquet"), [], []))).toBe(true);
    expect(await groupSizes(join(dir, "e.parquet"))).toEqual([]);
  });
});
