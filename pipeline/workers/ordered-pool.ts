/**
 * A small pool of worker threads that processes tasks in parallel and yields the
 * results in task order, so the output never depends on which worker finished
 * first. At most `window` results wait in the reorder buffer: one slow document
 * holds the others back instead of letting memory grow.
 *
 * Each worker's heap is capped, so a run's memory stays flat however many documents
 * pass through. A worker that dies on a task (out of memory on a huge document, a
 * crash) is replaced, and that one task is tried again alone in a worker with a
 * roomy heap; if that fails too, the task is answered with `onCrash`'s result. The run
 * goes on either way.
 */
import { Worker } from "node:worker_threads";

export type PoolLimits = {
  /** old-generation cap of each pool worker, MB */
  oldSpaceMb: number;
  /** young-generation cap of each pool worker, MB */
  youngSpaceMb: number;
  /** old-generation cap of the one-off worker that retries a task whose worker died, MB */
  retryOldSpaceMb: number;
};

/**
 * Measured on 2,300 generated articles (make bench's corpus): a worker's live heap after
 * loading the models is ~40 MB; with these caps a worker stays near 100 MB resident, where
 * V8's defaults let each grow past 200 MB. A 64 MB old space saved ~10 MB more and cost
 * CPU in GC. A 5 MB article needs ~350 MB: it dies in a pool worker and succeeds in the
 * retry. `youngSpaceMb` only counts where no `--max-semi-space-size` flag is set: V8 lets
 * the flag override it, and the CLI sets one (heap-growth.ts, which has the measurements).
 * (An earlier comparison here of 48 against 16 MB ran under that flag, so it compared the
 * same young generation twice.)
 */
export const DEFAULT_LIMITS: PoolLimits = { oldSpaceMb: 128, youngSpaceMb: 16, retryOldSpaceMb: 4096 };

type Message<R> = { id: number; result: R };

/**
 * The tasks, by position: an array, or a list that makes each task when asked (the
 * runner's InputTasks, so the main thread holds no object per document).
 */
export type TaskList<T> = { readonly length: number; at(index: number): T | undefined };

/** tasks sent to a worker before it answers the first of them (mapOrdered says why) */
const QUEUED_PER_WORKER = 2;

/** Runs one task in a fresh worker with a roomy heap; null if that worker dies too. */
function retryAlone<T, R>(task: T, id: number, workerUrl: URL, limits: PoolLimits): Promise<R | null> {
  return new Promise((resolve) => {
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: limits.retryOldSpaceMb } });
    let settled = false;
    const settle = (r: R | null) => {
      if (settled) return;
      settled = true;
      resolve(r);
      void worker.terminate();
    };
    worker.on("message", (m: Message<R>) => settle(m.result));
    worker.on("error", () => settle(null));
    worker.on("exit", () => settle(null));
    worker.postMessage({ id, task });
  });
}

export async function* mapOrdered<T, R>(
  tasks: TaskList<T>,
  jobs: number,
  workerUrl: URL,
  onCrash: (task: T, error: string) => R,
  window = jobs * 8,
  limits: PoolLimits = DEFAULT_LIMITS,
): AsyncGenerator<R> {
  const results = new Map<number, R>();
  let nextToDispatch = 0;
  let nextToYield = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  // A worker holds up to QUEUED_PER_WORKER tasks, so that it starts its next one at once
  // instead of waiting until this thread, busy writing rows, gets round to its message
  // (with one task at a time each worker sat idle 10–15% of the run). It runs them in
  // the order sent, so the oldest is the one it is working on.
  type Slot = { worker: Worker; inFlight: number[] };
  const slots: Slot[] = [];

  const send = (slot: Slot, id: number) => {
    slot.inFlight.push(id);
    slot.worker.postMessage({ id, task: tasks.at(id) });
  };
  const dispatch = (slot: Slot) => {
    while (slot.inFlight.length < QUEUED_PER_WORKER && nextToDispatch < tasks.length && nextToDispatch - nextToYield < window) {
      send(slot, nextToDispatch++);
    }
  };

  const start = (slot: Slot) => {
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: limits.oldSpaceMb, maxYoungGenerationSizeMb: limits.youngSpaceMb } });
    slot.worker = worker;
    worker.on("message", (m: Message<R>) => {
      slot.inFlight.splice(slot.inFlight.indexOf(m.id), 1);
      results.set(m.id, m.result);
      dispatch(slot);
      notify();
    });
    const fail = (reason: string) => {
      if (slot.worker !== worker) return; // already replaced
      // the oldest task was running when the worker died; the others had not started
      const [crashed, ...waiting] = slot.inFlight;
      slot.inFlight = [];
      start(slot);
      for (const id of waiting) send(slot, id);
      dispatch(slot);
      if (crashed === undefined) return;
      // the task stays unanswered (so later results wait for it) until the retry ends
      const task = tasks.at(crashed)!;
      void retryAlone<T, R>(task, crashed, workerUrl, limits).then((r) => {
        results.set(crashed, r ?? onCrash(task, reason));
        notify();
      });
    };
    worker.on("error", (e) => fail(e instanceof Error ? e.message : String(e)));
    worker.on("exit", (code) => {
      if (code !== 0) fail(`worker exited with code ${code}`);
    });
  };

  for (let i = 0; i < Math.min(jobs, tasks.length); i++) {
    const slot: Slot = { worker: null as unknown as Worker, inFlight: [] };
    slots.push(slot);
    start(slot);
    dispatch(slot);
  }
  try {
    while (nextToYield < tasks.length) {
      if (!results.has(nextToYield)) {
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      const r = results.get(nextToYield)!;
      results.delete(nextToYield);
      nextToYield++;
      // the window moved: workers with room may take new tasks
      for (const s of slots) dispatch(s);
      yield r;
    }
  } finally {
    for (const s of slots) {
      s.worker.removeAllListeners("exit");
      await s.worker.terminate();
    }
  }
}
