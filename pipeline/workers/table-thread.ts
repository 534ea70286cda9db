/**
 * A worker thread that writes tables (table-worker.ts) while the main thread does other
 * work: phase 2 of a run (run.ts), once resolve is done, gives it the final tables, then
 * mentions, while the main thread writes figures and events, so two cores stay busy. Jobs
 * run one after another, in the order they are given; a job given while another runs waits
 * in the worker's queue, so the caller never waits to give.
 */
import { Worker } from "node:worker_threads";
import { describeJob, type TableJob, type TableJobResult } from "./table-jobs.js";
import { startWithSemiSpace } from "./heap-growth.js";
import { tsEntry, workerUrl } from "./worker-url.js";

export class TableThread {
  private readonly worker: Worker;
  /** the jobs given and not yet answered, oldest first */
  private readonly pending: { job: TableJob; resolve: (r: TableJobResult) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  /** settles when the worker has exited, whyever */
  private readonly exited: Promise<void>;

  /** `semiSpaceMb`: the worker's young-generation bound, when not the process's (heap-growth.ts) */
  constructor(opts: { semiSpaceMb?: number } = {}) {
    const start = () => new Worker(workerUrl("table-worker"), { workerData: tsEntry("table-worker") });
    this.worker = opts.semiSpaceMb === undefined ? start() : startWithSemiSpace(opts.semiSpaceMb, start);
    this.exited = new Promise((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.on("message", (r: TableJobResult) => this.pending.shift()?.resolve(r));
    this.worker.on("error", (e) => this.fail((job) => `writing ${describeJob(job)}: ${e instanceof Error ? e.message : String(e)}`));
    this.worker.on("exit", (code) => this.fail((job) => `writing ${describeJob(job)}: the worker exited with code ${code} before it finished`));
  }

  /** Queues a job; the promise settles when the worker has written it (or failed). */
  run(job: TableJob): Promise<TableJobResult> {
    if (this.failure) return Promise.reject(new Error(`writing ${describeJob(job)}: the table worker had already failed (${this.failure.message})`));
    return new Promise((resolve, reject) => {
      this.pending.push({ job, resolve, reject });
      this.worker.postMessage(job);
    });
  }

  /** Lets the worker exit once its queue is done (a job queued before this still runs); settles once it has exited and its memory is gone. */
  close(): Promise<void> {
    this.worker.postMessage(null);
    return this.exited;
  }

  /** Every job not yet answered fails; the worker is stopped. */
  private fail(message: (job: TableJob) => string): void {
    for (const p of this.pending.splice(0)) {
      const e = new Error(message(p.job));
      this.failure ??= e;
      p.reject(e);
    }
    void this.worker.terminate();
  }
}

/**
 * One job in a worker of its own, which has exited when the promise settles: the runner resolves
 * the corpus this way, so that what resolve held is gone before the other tables are written.
 */
export async function writeTableInWorker(job: TableJob): Promise<TableJobResult> {
  const thread = new TableThread();
  try {
    return await thread.run(job);
  } finally {
    await thread.close();
  }
}
