/**
 * A small pool of worker threads that processes tasks in parallel and yields the
 * results in task order, so the output never depends on which worker finished
 * first. At most `window` results wait in the reorder buffer: one slow document
 * holds the others back instead of letting memory grow.
 *
 * A worker that dies (a crash, out of memory) answers its task with `onCrash`'s
 * result and is replaced; the run goes on.
 */
import { Worker } from "node:worker_threads";

const WORKER_OLD_SPACE_MB = 256;

export async function* mapOrdered<T, R>(
  tasks: readonly T[],
  jobs: number,
  workerUrl: URL,
  onCrash: (task: T, error: string) => R,
  window = jobs * 8,
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

  type Slot = { worker: Worker; busy: number | null };
  const slots: Slot[] = [];

  const dispatch = (slot: Slot) => {
    if (nextToDispatch >= tasks.length || nextToDispatch - nextToYield >= window) {
      slot.busy = null;
      return;
    }
    const id = nextToDispatch++;
    slot.busy = id;
    slot.worker.postMessage({ id, task: tasks[id] });
  };

  const start = (slot: Slot) => {
    // V8 lets garbage pile up to hundreds of MB before a full collection; a cap keeps
    // each worker's memory flat (measured: 256 MB costs no time on the bench corpus).
    // A document that truly needs more ends as a "worker crashed" rejects row.
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB } });
    slot.worker = worker;
    worker.on("message", (m: { id: number; result: R }) => {
      results.set(m.id, m.result);
      dispatch(slot);
      notify();
    });
    const fail = (reason: string) => {
      if (slot.worker !== worker) return; // already replaced
      const id = slot.busy;
      if (id !== null) results.set(id, onCrash(tasks[id]!, reason));
      start(slot);
      dispatch(slot);
      notify();
    };
    worker.on("error", (e) => fail(e instanceof Error ? e.message : String(e)));
    worker.on("exit", (code) => {
      if (code !== 0) fail(`worker exited with code ${code}`);
    });
  };

  for (let i = 0; i < Math.min(jobs, tasks.length); i++) {
    const slot = { busy: null } as unknown as Slot;
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
      // the window moved: idle workers may take new tasks
      for (const s of slots) if (s.busy === null) dispatch(s);
      yield r;
    }
  } finally {
    for (const s of slots) {
      s.worker.removeAllListeners("exit");
      await s.worker.terminate();
    }
  }
}
