/** Shared helpers for the end-to-end tests: run the CLI, read CSV and Parquet back. */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";

export const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

export function runCli(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(TSX, [join(ROOT, "bin", "conflict-dataset.ts"), ...args], { encoding: "utf8", cwd: ROOT });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** CSV rows as string records (BOM stripped, header used as keys). */
export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

let conn: DuckDBConnection | null = null;
export async function duck(): Promise<DuckDBConnection> {
  if (!conn) conn = await (await DuckDBInstance.create(":memory:")).connect();
  return conn;
}

/** Column name → DuckDB type, and rows as JS values, read by DuckDB (not by the library that wrote the file). */
export async function readParquet(path: string): Promise<{ types: Record<string, string>; rows: Record<string, unknown>[] }> {
  const c = await duck();
  const quoted = path.replace(/'/g, "''");
  const desc = await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${quoted}')`);
  const types = Object.fromEntries(desc.getRowObjects().map((r) => [String(r.column_name), String(r.column_type)]));
  const data = await c.runAndReadAll(`SELECT * FROM read_parquet('${quoted}')`);
  return { types, rows: data.getRowObjects() as Record<string, unknown>[] };
}
