import { describe, expect, it } from "vitest";
import { buildCodebook } from "../../schemas/codebook.js";
import { buildDatapackage } from "../../schemas/datapackage.js";
import { validateRow } from "../../schemas/table.js";
import { TABLES, figures, sources } from "../../schemas/tables.js";

const CONTRACT_TABLES = ["sources", "boilerplate", "sentences", "entities", "mentions", "dates", "figures", "events", "event_clusters", "figure_claims", "rejects"];

describe("schemas", () => {
  it("define every table of the contract", () => {
    expect(TABLES.map((t) => t.name)).toEqual(CONTRACT_TABLES);
  });

  it("generate a datapackage whose keys point at real fields and resources", () => {
    const dp = buildDatapackage() as { resources: Array<{ name: string; schema: { fields: Array<{ name: string; type: string }>; primaryKey: string[]; foreignKeys: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> } }> };
    const byName = new Map(dp.resources.map((r) => [r.name, r]));
    for (const r of dp.resources) {
      const fields = new Set(r.schema.fields.map((f) => f.name));
      for (const k of r.schema.primaryKey) expect(fields.has(k)).toBe(true);
      for (const fk of r.schema.foreignKeys) {
        const target = byName.get(fk.reference.resource);
        expect(target, fk.reference.resource).toBeDefined();
        for (const f of fk.reference.fields) expect(target!.schema.fields.some((x) => x.name === f)).toBe(true);
      }
    }
    expect(byName.get("sources")!.schema.fields.find((f) => f.name === "published_date")!.type).toBe("date");
  });

  it("generate a codebook that documents every column", () => {
    const book = buildCodebook();
    for (const t of TABLES) for (const c of t.columns) expect(book).toContain(`\`${c.name}\``);
  });

  it("reject rows with a message naming table, key and column", () => {
    const bad = validateRow(sources, { source_id: "x" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^sources source_id=x: .*path/);
    const row = {
      figure_id: "x-f1", source_id: "x", sentence_id: "x-s1", char_start: 5, char_end: 3, text: "t",
      value: 1, low: null, high: null, qualifier: "exact", unit: "person", counted: null, category: "count",
      actor_id: null, location_id: null, date_id: null, attributed_to: null,
    };
    const r = validateRow(figures, row);
    expect(r.ok).toBe(false);
    expect(validateRow(figures, { ...row, char_end: 6 }).ok).toBe(true);
    expect(validateRow(figures, { ...row, char_end: 6, qualifier: "lots" }).ok).toBe(false);
    expect(validateRow(sources, { ...row }).ok).toBe(false);
  });

  it("reject impossible dates", () => {
    const s = { source_id: "x", path: "x.txt", sha256: "0", encoding: "utf-8", url: null, outlet: null, title: null, author: null, published_date: "2017-02-30", published_date_precision: "day", published_date_basis: "text", chars_raw: 1, chars_clean: 1, sentences: 1, words: 1, boilerplate_lines: 0 };
    expect(validateRow(sources, s).ok).toBe(false);
    expect(validateRow(sources, { ...s, published_date: "2017-02-28" }).ok).toBe(true);
  });
});
