/**
 * Runs in a worker thread: writes tables into the dataset folder while the main thread
 * does other work, one job per message, answering each with its row counts and the
 * problems it found; a null message lets it exit. table-thread.ts starts it.
 */
import { parentPort } from "node:worker_threads";
import { FINAL_TABLES, writeFinalTables } from "../write/final-tables.js";
import { SPILLED_TABLES, writeSpilledTable } from "../write/spilled-tables.js";
import { TableOutput } from "../write/table-output.js";
import type { TableJob, TableJobResult } from "./table-thread.js";

function runJob(job: TableJob): TableJobResult {
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

const port = parentPort!;
port.on("message", (job: TableJob | null) => {
  if (job === null) port.close();
  else port.postMessage(runJob(job));
});
