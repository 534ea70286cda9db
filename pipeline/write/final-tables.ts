/**
 * The tables whose rows name no entity: sources, boilerplate, sentences and dates. Their
 * rows are final when a document is processed, yet they are not written then.
 *
 * Phase 1 (run.ts) appends each document's rows of them, as one line the worker made
 * (finalSpillLine), to the final spill, so that the main thread only copies strings
 * while the workers keep every core busy. Phase 2 writes them from the spill: in a worker
 * thread while the main thread resolves the corpus, when there are threads to spare. Resolve
 * is single-threaded, so the second core would idle through it; and the main thread no
 * longer holds four tables' writers, with their row groups, beside the workers' peak.
 * Measured on the 100 MB bench corpus before this change: these tables took ~15 s of
 * the main thread during phase 1, while resolve left a core idle for ~11 s.
 */
import { boilerplate, dates, sentences, sources } from "../../schemas/tables.js";
import type { FinalRows } from "../document-task.js";
import { packRows, unpackRows, type PackedRows } from "./packed-rows.js";
import { rejectInto, type SpilledReject } from "./spilled-tables.js";
import { readLinesSync } from "./read-lines.js";
import type { AnyTable, RejectSink } from "./table-output.js";

/** The final tables, in the order each document's rows are written, with the key of their rows in a spill line. */
export const FINAL_TABLES = [
  { table: sources as AnyTable, key: "source" },
  { table: boilerplate as AnyTable, key: "boilerplate" },
  { table: sentences as AnyTable, key: "sentences" },
  { table: dates as AnyTable, key: "dates" },
] as const;

/** A line of the final spill: the input path, and each table's rows packed (source as a table of one row). */
type FinalSpill = { path: string } & Record<(typeof FINAL_TABLES)[number]["key"], PackedRows>;

/**
 * One document's final rows as one spill line, rows packed as arrays (write/packed-rows.ts):
 * on the bench corpus the spill shrank from 2.3× the input's size, as keyed objects, to 1.5×.
 */
export function finalSpillLine(f: FinalRows): string {
  const rowsOf = { source: [f.source], boilerplate: f.boilerplate, sentences: f.sentences, dates: f.dates };
  const line: Record<string, unknown> = { path: f.path };
  for (const { table, key } of FINAL_TABLES) line[key] = packRows(table.columns, rowsOf[key]);
  return JSON.stringify(line);
}

/** The rows of one spill line, by table, and the input path they came from. */
function readFinalSpillLine(line: string): { path: string; rows: Record<string, unknown>[][] } {
  const spilled = JSON.parse(line) as FinalSpill;
  return { path: spilled.path, rows: FINAL_TABLES.map(({ table, key }) => unpackRows(table.columns, spilled[key])) };
}

export const FINAL_TABLE_NAMES: readonly string[] = FINAL_TABLES.map(({ table }) => table.name);

export type FinalTablesJob = {
  spillPath: string;
  /** validates and writes one table's rows; problems go to `reject` */
  write: (table: AnyTable, rows: readonly unknown[], path: string, reject: RejectSink) => void;
  /** called after each document */
  onDocument?: () => void;
};

/** Streams the final spill into the four tables' writers; returns the problems, in document order, each document's in table order. */
export function writeFinalTables(job: FinalTablesJob): SpilledReject[] {
  const problems: SpilledReject[] = [];
  let doc = 0;
  for (const line of readLinesSync(job.spillPath)) {
    const { path, rows } = readFinalSpillLine(line);
    const reject = rejectInto(problems, doc++);
    FINAL_TABLES.forEach(({ table }, t) => job.write(table, rows[t]!, path, reject));
    job.onDocument?.();
  }
  return problems;
}
