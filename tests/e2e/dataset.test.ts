/**
 * End to end on the seeds, in a temporary folder: every table in both formats,
 * Parquet read back by DuckDB and compared cell by cell with the CSV, types as the
 * contract says, two runs byte-identical, every span's text equal to the source's
 * code-point slice, keys unique and foreign keys resolving.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../../schemas/tables.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { ROOT, listFiles, readCsv, readParquet, runCli } from "./helpers.js";

const DUCK_TYPE = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", date: "DATE", boolean: "BOOLEAN" } as const;
const MAY_BE_EMPTY = new Set(["rejects", "event_clusters", "figure_claims"]);

const tempDir = tempDirs();
let out1 = "";
let out2 = "";
let run1: ReturnType<typeof runCli>;

beforeAll(() => {
  const tmp = tempDir("e2e-seeds-");
  out1 = join(tmp, "out1");
  out2 = join(tmp, "out2");
  run1 = runCli(["--input", join(ROOT, "seeds"), "--out", out1]);
  runCli(["--input", join(ROOT, "seeds"), "--out", out2]);
});

describe("make dataset on the seeds", () => {
  it("exits 0 and writes every table, datapackage.json and CODEBOOK.md", () => {
    expect(run1.status, run1.stderr).toBe(0);
    const files = listFiles(out1);
    for (const t of TABLES) {
      expect(files).toContain(`csv/${t.name}.csv`);
      expect(files).toContain(`parquet/${t.name}.parquet`);
    }
    expect(files).toContain("datapackage.json");
    expect(files).toContain("CODEBOOK.md");
  });

  it("gives rows for the seeds in every table but rejects, event_clusters and figure_claims", () => {
    for (const t of TABLES) {
      const rows = readCsv(join(out1, "csv", `${t.name}.csv`));
      if (!MAY_BE_EMPTY.has(t.name)) expect(rows.length, t.name).toBeGreaterThan(0);
    }
    expect(readCsv(join(out1, "csv", "sources.csv"))).toHaveLength(5);
  });

  it("is byte-identical across two runs", () => {
    const files = listFiles(out1);
    expect(listFiles(out2)).toEqual(files);
    for (const f of files) expect(readFileSync(join(out2, f)).equals(readFileSync(join(out1, f))), f).toBe(true);
  });

  it("writes CSV as UTF-8 with BOM, \\n line ends and a header", () => {
    const raw = readFileSync(join(out1, "csv", "figures.csv"));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.includes("\r\n")).toBe(false);
    expect(raw.toString("utf8").slice(1).split("\n")[0]).toBe(TABLES.find((t) => t.name === "figures")!.columns.map((c) => c.name).join(","));
  });

  it("has Parquet files that DuckDB reads with the contract's types and the CSV's rows", async () => {
    for (const t of TABLES) {
      const { types, rows } = await readParquet(join(out1, "parquet", `${t.name}.parquet`));
      expect(Object.keys(types), t.name).toEqual(t.columns.map((c) => c.name));
      for (const c of t.columns) expect(types[c.name], `${t.name}.${c.name}`).toBe(DUCK_TYPE[c.kind]);
      const csv = readCsv(join(out1, "csv", `${t.name}.csv`));
      expect(rows.length, t.name).toBe(csv.length);
      rows.forEach((row, i) => {
        for (const c of t.columns) {
          const v = row[c.name];
          let cell = v === null ? "" : c.kind === "date" ? String(v) : String(v);
          if (c.kind === "string" && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
          expect(cell, `${t.name} row ${i} ${c.name}`).toBe(csv[i]![c.name]);
        }
      });
    }
  });

  it("gives every span the exact code-point slice of its source", () => {
    const sources = readCsv(join(out1, "csv", "sources.csv"));
    const textOf = new Map(sources.map((s) => [s.source_id!, [...readFileSync(join(ROOT, "seeds", s.path!), "utf8").replace(/^\uFEFF/, "")]]));
    for (const t of TABLES) {
      if (!t.columns.some((c) => c.name === "char_start")) continue;
      for (const r of readCsv(join(out1, "csv", `${t.name}.csv`))) {
        const cps = textOf.get(r.source_id!)!;
        const slice = cps.slice(Number(r.char_start), Number(r.char_end)).join("");
        const text = /^'[=+\-@\t\r]/.test(r.text!) ? r.text!.slice(1) : r.text;
        expect(slice, `${t.name} ${JSON.stringify(r)}`).toBe(text);
      }
    }
  });

  it("gives an event a date precision only where it gives a date", () => {
    for (const e of readCsv(join(out1, "csv", "events.csv"))) {
      expect(e.date_precision === "", `${e.event_id} precision "${e.date_precision}" with event_date "${e.event_date}"`).toBe(e.event_date === "");
    }
  });

  it("has unique primary keys and resolving foreign keys", () => {
    const data = new Map(TABLES.map((t) => [t.name, readCsv(join(out1, "csv", `${t.name}.csv`))]));
    for (const t of TABLES) {
      const rows = data.get(t.name)!;
      const keys = new Set(rows.map((r) => t.primaryKey.map((k) => r[k]).join("\u0000")));
      expect(keys.size, `${t.name} primary key`).toBe(rows.length);
      for (const fk of t.foreignKeys) {
        const target = new Set(data.get(fk.resource)!.map((r) => fk.referenceFields.map((k) => r[k]).join("\u0000")));
        for (const r of rows) {
          const v = fk.fields.map((k) => r[k]);
          if (v.every((x) => x === "")) continue;
          expect(target.has(v.join("\u0000")), `${t.name}.${fk.fields} = ${v} → ${fk.resource}`).toBe(true);
        }
      }
    }
  });
});
