/**
 * Runs in a worker thread: writes one spilled table (write/spilled-tables.ts) into the
 * dataset folder while the main thread writes the others, then answers with its row
 * count and the problems it found. table-thread.ts starts it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { writeSpilledTable, SPILLED_TABLES } from "../write/spilled-tables.js";
import { TableOutput } from "../write/table-output.js";
import type { TableJob } from "./table-thread.js";

const job = workerData as TableJob;
const spec = SPILLED_TABLES.find((s) => s.name === job.name)!;
const output = new TableOutput(job.dir, spec.table);
const problems = writeSpilledTable({ ...job, write: (rows, path, reject) => output.write(rows, path, reject) });
output.close();
parentPort!.postMessage({ count: output.count, problems });
