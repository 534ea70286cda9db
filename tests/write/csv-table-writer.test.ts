import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvField } from "../../pipeline/write/cells.js";
import { CsvTableWriter } from "../../pipeline/write/csv-table-writer.js";
import type { Column } from "../../schemas/table.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

const COLUMNS: Column[] = [
  { name: "text", kind: "string", nullable: true, description: "" },
  { name: "n", kind: "integer", nullable: true, description: "" },
  { name: "x", kind: "number", nullable: true, description: "" },
  { name: "day", kind: "date", nullable: true, description: "" },
  { name: "flag", kind: "boolean", nullable: true, description: "" },
];

const TRICKY = [
  'he said "no"',
  '"',
  '""',
  "a,b",
  ",",
  "line\nbreak",
  "cr\ronly",
  "crlf\r\nend",
  "trailing\n",
  "=SUM(A1)",
  "+1",
  "-2",
  "@cmd",
  "\tindent",
  "\rstart",
  '=HYPERLINK("x","y")',
  "emoji 😀 and 中文",
  "lone \uD800 surrogate",
  "",
  " spaced ",
  "'quoted'",
  "semi;colon",
];

/** An independent reference: csv-stringify with our options (CR quoted too), BOM, header. */
function csvStringifyBytes(rows: Record<string, unknown>[]): Buffer {
  const records = [COLUMNS.map((c) => c.name), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c.name], c.kind)))];
  return Buffer.from("\uFEFF" + stringify(records, { record_delimiter: "\n", quoted_match: /\r/ }), "utf8");
}

function written(rows: Record<string, unknown>[], batch = 7): Buffer {
  const path = join(tempDir("csv-writer-"), "t.csv");
  const w = new CsvTableWriter(path, COLUMNS);
  for (let i = 0; i < rows.length; i += batch) w.write(rows.slice(i, i + batch));
  w.close();
  return readFileSync(path);
}

describe("csvField", () => {
  it("quotes only cells with a comma, quote, LF or CR, doubling the quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("")).toBe("");
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a\nb")).toBe('"a\nb"');
    // a bare CR ends a row in Excel, pandas and R unless it is quoted
    expect(csvField("a\rb")).toBe('"a\rb"');
  });
});

describe("CsvTableWriter", () => {
  it("writes the same bytes as csv-stringify for tricky cells, nulls and every kind", () => {
    const rows: Record<string, unknown>[] = TRICKY.map((text, i) => ({
      text,
      n: i % 3 === 0 ? null : -i,
      x: i % 4 === 0 ? null : [1e21, 0.5, -2.5, 1e-7][i % 4],
      day: i % 2 ? "2024-02-29" : null,
      flag: i % 5 === 0 ? null : i % 2 === 0,
    }));
    rows.push({ text: null, n: null, x: null, day: null, flag: null });
    expect(written(rows).equals(csvStringifyBytes(rows))).toBe(true);
  });

  it("keeps the bytes across buffer boundaries, multi-byte characters and rows longer than the buffer", () => {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 6000; i++) rows.push({ text: `${"é😀,".repeat(i % 50)}"${i}"`, n: i, x: i / 3, day: "1999-12-31", flag: true });
    rows.splice(3000, 0, { text: "long 😀 line, ".repeat(40_000), n: 1, x: null, day: null, flag: false });
    expect(written(rows, 1000).equals(csvStringifyBytes(rows))).toBe(true);
  });

  it("writes a header-only file for an empty table", () => {
    expect(written([]).equals(csvStringifyBytes([]))).toBe(true);
  });
});
