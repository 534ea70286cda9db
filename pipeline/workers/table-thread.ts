/**
 * Writes one spilled table in a worker thread of its own (table-worker.ts), so that
 * phase 2 of a run, which used to write mentions, figures and events one after the
 * other on the main thread, keeps two cores busy.
 */
import { Worker } from "node:worker_threads";
import type { SpilledReject, SpilledTableName } from "../write/spilled-tables.js";
import { tsEntry, workerUrl } from "./worker-url.js";

export type TableJob = {
  name: SpilledTableName;
  /** the dataset folder (csv/ and parquet/ inside) */
  dir: string;
  spillPath: string;
  recordsPath: string;
  entityIds: readonly string[];
};

export type TableJobResult = { count: number; problems: SpilledReject[] };

export function writeTableInWorker(job: TableJob): Promise<TableJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl("table-worker"), { workerData: { ...job, ...tsEntry("table-worker") } });
    let answered = false;
    worker.on("message", (r: TableJobResult) => {
      answered = true;
      resolve(r);
    });
    worker.on("error", (e) => reject(new Error(`writing ${job.name}: ${e instanceof Error ? e.message : String(e)}`)));
    worker.on("exit", (code) => {
      if (!answered) reject(new Error(`writing ${job.name}: the worker exited with code ${code} before it finished`));
    });
  });
}
