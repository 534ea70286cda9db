/**
 * What a table worker (table-worker.ts, started by table-thread.ts) is asked to write, and
 * how: plain functions, so a job runs the same on any thread.
 */
import { FINAL_TABLES, writeFinalTables } from "../write/final-tables.js";
import { SPILLED_TABLES, writeSpilledTable, type SpilledReject, type SpilledTableName } from "../write/spilled-tables.js";
import { TableOutput } from "../write/table-output.js";

export type TableJob =
  /** sources, boilerplate, sentences and dates from the final spill (write/final-tables.ts) */
  | { kind: "final"; dir: string; spillPath: string }
  /** one spilled table, its entity references made ids (write/spilled-tables.ts) */
  | { kind: "spilled"; name: SpilledTableName; dir: string; spillPath: string; recordsPath: string; entityIds: readonly string[] };

/** Rows written per table, and the problems found, in document order. */
export type TableJobResult = { counts: Record<string, number>; problems: SpilledReject[] };

export function describeJob(job: TableJob): string {
  return job.kind === "final" ? "sources, boilerplate, sentences and dates" : job.name;
}

/** Writes the job's tables into job.dir (csv/ and parquet/ inside). */
export function runTableJob(job: TableJob): TableJobResult {
  if (job.kind === "final") {
    const outputs = new Map(FINAL_TABLES.map(({ table }) => [table.name, new TableOutput(job.dir, table)]));
    const problems = writeFinalTables({ spillPath: job.spillPath, write: (table, rows, path, reject) => outputs.get(table.name)!.write(rows, path, reject) });
    for (const o of outputs.values()) o.close();
    return { counts: Object.fromEntries([...outputs].map(([name, o]) => [name, o.count])), problems };
  }
  const spec = SPILLED_TABLES.find((s) => s.name === job.name)!;
  const output = new TableOutput(job.dir, spec.table);
  const problems = writeSpilledTable({ ...job, write: (rows, path, reject) => output.write(rows, path, reject) });
  output.close();
  return { counts: { [job.name]: output.count }, problems };
}
