/**
 * What a table worker (table-worker.ts, started by table-thread.ts) is asked to write, and
 * how: plain functions, so a job runs the same on any thread.
 */
import { resolveCorpus, writeCorpusTables, type ResolvedIds } from "../resolve/from-spills.js";
import { inBatches } from "../write/dataset-writer.js";
import { FINAL_TABLES, writeFinalTables } from "../write/final-tables.js";
import { rejectInto, SPILLED_TABLES, writeSpilledTable, type SpilledReject, type SpilledTableName } from "../write/spilled-tables.js";
import { TableOutput } from "../write/table-output.js";

export type TableJob =
  /** resolve the corpus from the summaries, write entities, event_clusters and figure_claims, and each document's entity ids to entityIdsPath (resolve/from-spills.ts) */
  | { kind: "resolve"; dir: string; summariesPath: string; recordsPath: string; entityIdsPath: string }
  /** sources, boilerplate, sentences and dates from the final spill (write/final-tables.ts) */
  | { kind: "final"; dir: string; spillPath: string }
  /** one spilled table, its entity references made ids from the file the resolve job wrote (write/spilled-tables.ts) */
  | { kind: "spilled"; name: SpilledTableName; dir: string; spillPath: string; entityIdsPath: string };

/** Rows written per table, the problems found, in document order, and after resolve what the other tables need of it. */
export type TableJobResult = { counts: Record<string, number>; problems: SpilledReject[]; resolved?: ResolvedIds };

export function describeJob(job: TableJob): string {
  if (job.kind === "resolve") return "entities, event_clusters and figure_claims (resolve)";
  return job.kind === "final" ? "sources, boilerplate, sentences and dates" : job.name;
}

/** Writes the job's tables into job.dir (csv/ and parquet/ inside). */
export function runTableJob(job: TableJob): TableJobResult {
  if (job.kind === "resolve") {
    const counts: Record<string, number> = {};
    // the corpus tables' problems have no document: the runner adds them to rejects as they come
    const problems: SpilledReject[] = [];
    const resolved = writeCorpusTables(
      resolveCorpus(job.summariesPath, job.recordsPath),
      (table, rows) => {
        const output = new TableOutput(job.dir, table);
        inBatches(rows, (batch) => output.write(batch, "(corpus)", rejectInto(problems, 0)));
        output.close();
        counts[table.name] = output.count;
      },
      { records: job.recordsPath, entityIds: job.entityIdsPath },
    );
    return { counts, problems, resolved };
  }
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
