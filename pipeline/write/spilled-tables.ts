/**
 * The tables whose rows wait on disk for resolve: mentions, figures and events name
 * entities by document-local keys, which only the whole corpus can turn into entity ids.
 *
 * Phase 1 (run.ts) appends one line per document to each table's spill file:
 * `{"path": <input path>, "rows": <PackedRows>}`. Resolve writes one line per document
 * to the records file: each of the document's entity keys → its entity record. Phase 2
 * reads a table's spill file beside the records file, puts entity ids in place of the
 * keys, and hands the rows to the table's writer. Each table is read on its own, so two
 * tables can be written at once by two threads (table-worker.ts).
 */
import { events, figures, mentions } from "../../schemas/tables.js";
import { unpackRows, type PackedRows } from "./packed-rows.js";
import { readLinesSync } from "./read-lines.js";
import type { AnyTable, RejectSink } from "./table-output.js";

/** The spilled tables, in the order they are written, and their columns that hold a document-local entity key until resolve. */
export const SPILLED_TABLES = [
  { name: "mentions", table: mentions as AnyTable, keyColumns: ["entity_id"] },
  { name: "figures", table: figures as AnyTable, keyColumns: ["actor_id", "location_id", "attributed_to"] },
  { name: "events", table: events as AnyTable, keyColumns: ["actor1_id", "actor2_id", "location_id", "attributed_to"] },
] as const;

export type SpilledTableName = (typeof SPILLED_TABLES)[number]["name"];
export const SPILLED_TABLE_NAMES: readonly SpilledTableName[] = SPILLED_TABLES.map((s) => s.name);

/** One spill line: a document's rows of one table. */
export function spillLine(path: string, packed: PackedRows): string {
  return `{"path":${JSON.stringify(path)},"rows":${JSON.stringify(packed)}}`;
}

/** A document's line of the records file: each of its entity keys → its entity record. */
export function recordsLine(recordOf: Record<string, number>): string {
  return JSON.stringify(recordOf);
}

/** The records file's lines, one document after another. */
export function* readRecordLines(recordsPath: string): Generator<Record<string, number>> {
  for (const line of readLinesSync(recordsPath)) yield JSON.parse(line) as Record<string, number>;
}

/** A problem found while writing a spilled table, with the document (its line number in the spill) it came from. */
export type SpilledReject = { doc: number; path: string; stage: string; reason: string; detail: string };

/** The reject sink of one spill line: its problems go to `problems`, marked with the document. */
export function rejectInto(problems: SpilledReject[], doc: number): RejectSink {
  return (path, stage, reason, detail) => problems.push({ doc, path, stage, reason, detail });
}

export type SpilledTableJob = {
  name: SpilledTableName;
  spillPath: string;
  recordsPath: string;
  /** entity id of each entity record, by record number */
  entityIds: readonly string[];
  /** validates and writes rows; problems go to `reject` */
  write: (rows: Record<string, unknown>[], path: string, reject: RejectSink) => void;
  /** called on each row after its keys became ids, before it is written (events get their cluster here) */
  eachRow?: (row: Record<string, unknown>) => void;
  /** called after each document */
  onDocument?: () => void;
};

/** Streams one spilled table through id substitution into its writer; returns the problems in document order. */
export function writeSpilledTable(job: SpilledTableJob): SpilledReject[] {
  const spec = SPILLED_TABLES.find((s) => s.name === job.name);
  if (!spec) throw new Error(`spilled table: no table "${job.name}"`);
  const { table, keyColumns } = spec;
  const { entityIds, eachRow } = job;
  const problems: SpilledReject[] = [];
  const records = readRecordLines(job.recordsPath);
  let doc = 0;
  for (const line of readLinesSync(job.spillPath)) {
    const { path, rows: packed } = JSON.parse(line) as { path: string; rows: PackedRows };
    const next = records.next();
    if (next.done) throw new Error(`spilled table ${job.name}: more documents than entity records`);
    const recordOf = next.value;
    const rows = unpackRows(table.columns, packed);
    for (const row of rows) {
      for (const c of keyColumns) {
        const key = row[c];
        row[c] = key === null ? null : entityIds[recordOf[key as string]!]!;
      }
      eachRow?.(row);
    }
    job.write(rows, path, rejectInto(problems, doc++));
    job.onDocument?.();
  }
  if (!records.next().done) throw new Error(`spilled table ${job.name}: more entity records than documents`);
  return problems;
}

/** A spill's problems, by spill: the final tables' (write/final-tables.ts, one list for the four) and each spilled table's. */
export type ProblemsBySpill = Partial<Record<"final" | SpilledTableName, readonly SpilledReject[]>>;

/**
 * The problems of every spill, merged into the order one thread writing document by
 * document would have found them: a document's final tables first, then its spilled
 * tables in SPILLED_TABLES order. The rejects table lists a path's problems in that
 * order, whichever thread wrote which table.
 */
export function inDocumentOrder(bySpill: ProblemsBySpill): SpilledReject[] {
  const spills = ["final", ...SPILLED_TABLE_NAMES] as const;
  const all = spills.flatMap((name, t) => (bySpill[name] ?? []).map((p) => ({ p, t })));
  // stable: one spill's problems within one document keep their order
  all.sort((a, b) => a.p.doc - b.p.doc || a.t - b.t);
  return all.map(({ p }) => p);
}
