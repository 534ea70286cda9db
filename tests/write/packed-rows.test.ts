import { describe, expect, it } from "vitest";
import { packRows, unpackRows, type PackedRows } from "../../pipeline/write/packed-rows.js";
import { validateRow } from "../../schemas/table.js";
import { mentions } from "../../schemas/tables.js";

/** A valid mentions row, every column set (values from the schema's kinds, not from a run). */
function mention(i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of mentions.columns) {
    if (c.values) row[c.name] = c.values[i % c.values.length];
    else if (c.kind === "integer") row[c.name] = i * 10 + c.name.length;
    else if (c.kind === "number") row[c.name] = i / 4;
    else if (c.kind === "boolean") row[c.name] = i % 2 === 0;
    else if (c.kind === "date") row[c.name] = "2024-02-29";
    else row[c.name] = c.nullable && i % 3 === 0 ? null : `${c.name} “${i}”, \n`;
  }
  row.char_start = i;
  row.char_end = i + 5;
  return row;
}

/** Through the spill as the runner sends it: JSON and back. */
const viaJson = (p: PackedRows): PackedRows => JSON.parse(JSON.stringify(p)) as PackedRows;

describe("packRows / unpackRows", () => {
  const rows = [0, 1, 2, 3].map(mention);

  it("packs rows that have exactly the table's columns as arrays, and unpacks them to the same rows", () => {
    expect(validateRow(mentions, rows[1]).ok).toBe(true);
    const packed = packRows(mentions.columns, rows);
    expect("cells" in packed).toBe(true);
    expect(unpackRows(mentions.columns, viaJson(packed))).toEqual(rows);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(rows).length * 0.75);
  });

  it("keeps keyed objects when a row has a column the table does not know, so validation still rejects it", () => {
    const odd = [rows[0]!, { ...rows[1]!, surprise: 1 }];
    const back = unpackRows(mentions.columns, viaJson(packRows(mentions.columns, odd)));
    expect(back[1]).toHaveProperty("surprise", 1);
    expect(validateRow(mentions, back[1]).ok).toBe(false);
  });

  it("keeps keyed objects when a cell is undefined, which JSON arrays would turn into null", () => {
    const nullable = mentions.columns.find((c) => c.nullable)!;
    const odd = [{ ...rows[0]!, [nullable.name]: undefined }];
    const back = unpackRows(mentions.columns, viaJson(packRows(mentions.columns, odd)));
    expect(Object.hasOwn(back[0]!, nullable.name)).toBe(false);
    expect(validateRow(mentions, back[0]).ok).toBe(false);
  });

  it("packs no rows as no cells", () => {
    expect(unpackRows(mentions.columns, viaJson(packRows(mentions.columns, [])))).toEqual([]);
  });
});
