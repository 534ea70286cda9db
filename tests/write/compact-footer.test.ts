/**
 * CompactFooterWriter keeps row-group descriptions as footer bytes as it goes; the file must be
 * byte for byte the one hyparquet-writer's own ParquetWriter makes from the same groups: few
 * groups and many (the footer's list header changes form past 14), nulls, every column type the
 * tables use, and groups with a chunk of several pages, whose page index is only placed at the end.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ParquetWriter, fileWriter, type ColumnSource, type SchemaElement } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { CompactFooterWriter } from "../../pipeline/write/compact-footer.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dir = tempDirs()("compact-footer-");

const schema: SchemaElement[] = [
  { name: "root", num_children: 4 },
  { name: "id", type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" }, repetition_type: "REQUIRED" },
  { name: "n", type: "INT64", repetition_type: "OPTIONAL" },
  { name: "x", type: "DOUBLE", repetition_type: "OPTIONAL" },
  { name: "text", type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" }, repetition_type: "OPTIONAL" },
];

/** Row group g: `rows` rows, its text long enough to need several 1 MB pages when `big`. */
function group(g: number, rows: number, big: boolean): ColumnSource[] {
  const filler = big ? "x".repeat(3_000) : "";
  return [
    { name: "id", data: Array.from({ length: rows }, (_, i) => `doc${g}-e${i}`), nullable: false },
    { name: "n", data: Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? null : BigInt(g * 1000 + i))), nullable: true },
    { name: "x", data: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : i / 3 + g)), nullable: true },
    { name: "text", data: Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? null : `😀 ${g} ${i} ${filler}${i % 11}`)), nullable: true },
  ];
}

function bothWays(name: string, groups: ColumnSource[][]): [Buffer, Buffer, CompactFooterWriter] {
  const plainPath = join(dir, `${name}-plain.parquet`);
  const compactPath = join(dir, `${name}-compact.parquet`);
  const plain = new ParquetWriter({ writer: fileWriter(plainPath), schema, createdBy: "test" });
  const compact = new CompactFooterWriter({ writer: fileWriter(compactPath), schema, createdBy: "test" });
  for (const columnData of groups) {
    const rowGroupSize = columnData[0]!.data.length;
    void plain.write({ columnData, rowGroupSize });
    compact.writeGroup({ columnData, rowGroupSize });
  }
  void plain.finish();
  compact.finish();
  return [readFileSync(plainPath), readFileSync(compactPath), compact];
}

describe("CompactFooterWriter", () => {
  for (const [name, count] of [
    ["no group", 0],
    ["one group", 1],
    ["14 groups", 14],
    ["15 groups", 15],
    ["300 groups", 300],
  ] as const) {
    it(`writes the same bytes as ParquetWriter: ${name}`, () => {
      const [plain, compact] = bothWays(name.replace(" ", "-"), Array.from({ length: count }, (_, g) => group(g, 20 + (g % 9), false)));
      expect(compact.length).toBe(plain.length);
      expect(compact.equals(plain)).toBe(true);
    });
  }

  it("writes the same bytes where some groups have chunks of several pages", () => {
    const groups = Array.from({ length: 20 }, (_, g) => (g % 6 === 2 ? group(g, 900, true) : group(g, 30, false)));
    const [plain, compact, writer] = bothWays("pages", groups);
    expect(compact.equals(plain)).toBe(true);
    // the big groups' text chunks did need several pages, so their groups waited for the end
    expect(writer.pendingIndexes.filter((p) => (p.offsetIndex?.page_locations.length ?? 0) > 1)).toHaveLength(3);
  });
});
