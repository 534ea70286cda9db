/**
 * --manifest FILE: a CSV keyed by `path` (relative to the input folder) or
 * `source_id`, with optional url, outlet, title, author, published_date. Its values
 * win over what the text says (basis `manifest`). Rows that cannot be used —
 * unknown key columns, bad dates, duplicates, paths matching no input — become
 * rejects rows; the run goes on.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { ManifestEntry } from "../doc.js";

export type ManifestProblem = { row: number; reason: string; detail: string };
export type Manifest = {
  byPath: Map<string, ManifestEntry>;
  bySourceId: Map<string, ManifestEntry>;
  problems: ManifestProblem[];
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function readManifest(file: string): Manifest {
  const byPath = new Map<string, ManifestEntry>();
  const bySourceId = new Map<string, ManifestEntry>();
  const problems: ManifestProblem[] = [];
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const records = parse(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string>[];
  records.forEach((r, i) => {
    const row = i + 2; // 1-based, after the header
    const key = r.path ? { map: byPath, k: r.path.replace(/\\/g, "/").replace(/^\.\//, "") } : r.source_id ? { map: bySourceId, k: r.source_id } : null;
    if (!key) {
      problems.push({ row, reason: "manifest row without key", detail: "needs a `path` or `source_id` value" });
      return;
    }
    if (key.map.has(key.k)) {
      problems.push({ row, reason: "duplicate manifest row", detail: `${key.k} appears more than once; the first row is used` });
      return;
    }
    const nz = (s: string | undefined) => (s && s.trim() !== "" ? s.trim() : null);
    let published = nz(r.published_date);
    if (published && !validDate(published.slice(0, 10))) {
      problems.push({ row, reason: "bad manifest date", detail: `published_date "${published}" is not YYYY-MM-DD; ignored` });
      published = null;
    } else if (published) published = published.slice(0, 10);
    key.map.set(key.k, { url: nz(r.url), outlet: nz(r.outlet), title: nz(r.title), author: nz(r.author), published_date: published });
  });
  return { byPath, bySourceId, problems };
}
