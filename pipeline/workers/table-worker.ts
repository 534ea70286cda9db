/**
 * Runs in a worker thread: writes tables into the dataset folder while the main thread
 * does other work, one job (table-jobs.ts) per message, answering each with its row counts
 * and the problems it found; a null message lets it exit. table-thread.ts starts it.
 */
import { parentPort } from "node:worker_threads";
import { runTableJob, type TableJob } from "./table-jobs.js";

const port = parentPort!;
port.on("message", (job: TableJob | null) => {
  if (job === null) port.close();
  else port.postMessage(runTableJob(job));
});
