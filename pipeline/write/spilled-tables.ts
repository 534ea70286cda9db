/**
 * The tables whose rows wait on disk for resolve: mentions, figures and events name
 * entities that only the whole corpus can give ids.
 *
 * Phase 1 (run.ts) appends one line per document to each table's spill file:
 * `{"path": <input path>, "rows": <PackedRows>}`, where a row names an entity by its
 * position in the document's resolve summary (`entityPositions`), a small number rather
 * than its key ("LOCATION:old city of mosul"). Resolve writes one line per document to
 * the records file (the entity record of each of those positions, a JSON array, which it
 * reads back to count sources) and, once entities are resolved, one line per document to
 * the entity ids file: the entity_id of each of those positions. Phase 2 reads a table's
 * spill file beside the entity ids file, puts the ids in place of the positions, and hands
 * the rows to the table's writer. Each table is read on its own, so two tables can be
 * written at once by two threads (table-worker.ts), and neither holds more than a
 * document's ids: as one id per entity record, in memory, the ids grew with the corpus's
 * distinct names in both threads (on 200 MB of made-up names, 830,000 records). As keys,
 * the records file was a JSON object per document, parsed into a dictionary once by
 * resolve and once per spilled table (on the 500 MB summaries, reading it took 2.4 s of
 * resolve's 11.7 s), and every spilled row carried its keys' text.
 */
import { events, figures, mentions } from "../../schemas/tables.js";
import { unpackRows, type PackedRows } from "./packed-rows.js";
import { readLinesSync } from "./read-lines.js";
import type { AnyTable, RejectSink } from "./table-output.js";

/** The spilled tables, in the order they are written, and their columns that name a document's entity (by key, then by position) until resolve. */
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

/**
 * Puts, in each of a document's spilled rows, the position of the entity in its resolve
 * summary in place of the entity key (`positionOf`: key → position). A key the summary
 * does not have is a bug upstream, not bad input: it throws.
 */
export function entityPositions(keyColumns: readonly string[], rows: readonly object[], positionOf: ReadonlyMap<string, number>): void {
  for (const row of rows as Record<string, unknown>[]) {
    for (const c of keyColumns) {
      const key = row[c];
      if (key === null || key === undefined) continue;
      const position = positionOf.get(key as string);
      if (position === undefined) throw new Error(`spilled rows: ${c} "${String(key)}" is no entity of the document's summary`);
      row[c] = position;
    }
  }
}

/** A document's line of the records file: the entity record of each position of its summary's entities. */
export function recordsLine(records: readonly number[]): string {
  return JSON.stringify(records);
}

/** The records file's lines, one document after another. */
export function* readRecordLines(recordsPath: string): Generator<number[]> {
  for (const line of readLinesSync(recordsPath)) yield JSON.parse(line) as number[];
}

/** A document's line of the entity ids file: the entity_id of each position of its summary's entities. */
export function entityIdsLine(ids: readonly string[]): string {
  return JSON.stringify(ids);
}

/** The entity ids file's lines, one document after another. */
export function* readEntityIdLines(entityIdsPath: string): Generator<string[]> {
  for (const line of readLinesSync(entityIdsPath)) yield JSON.parse(line) as string[];
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
  /** a line per document: the entity_id of each position of its summary's entities (entityIdsLine) */
  entityIdsPath: string;
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
  const { eachRow } = job;
  const problems: SpilledReject[] = [];
  const idLines = readEntityIdLines(job.entityIdsPath);
  let doc = 0;
  for (const line of readLinesSync(job.spillPath)) {
    const { path, rows: packed } = JSON.parse(line) as { path: string; rows: PackedRows };
    const next = idLines.next();
    if (next.done) throw new Error(`spilled table ${job.name}: more documents than lines of entity ids`);
    const ids = next.value;
    const rows = unpackRows(table.columns, packed);
    for (const row of rows) {
      for (const c of keyColumns) {
        const position = row[c] as number | null | undefined;
        // (a row missing the column goes on to validation, which says so)
        if (position === null || position === undefined) continue;
        const id = ids[position];
        if (id === undefined) throw new Error(`spilled table ${job.name}: ${c} ${position} of document ${doc + 1} has no entity id`);
        row[c] = id;
      }
      eachRow?.(row);
    }
    job.write(rows, path, rejectInto(problems, doc++));
    job.onDocument?.();
  }
  if (!idLines.next().done) throw new Error(`spilled table ${job.name}: more lines of entity ids than documents`);
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
