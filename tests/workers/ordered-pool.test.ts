/** The worker pool: results in task order, a task whose worker dies is retried alone, and the run goes on. */
import { describe, expect, it } from "vitest";
import { mapOrdered, type PoolLimits } from "../../pipeline/workers/ordered-pool.js";

const WORKER = new URL("./pool-test-worker.mjs", import.meta.url);
// small caps so that "hog" (~80 MB live) cannot fit in a pool worker but fits in the retry
const LIMITS: PoolLimits = { oldSpaceMb: 32, youngSpaceMb: 8, retryOldSpaceMb: 512 };

async function collect(tasks: (number | string)[], jobs: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const r of mapOrdered(tasks, jobs, WORKER, (t, error) => `crashed on ${String(t)}: ${error}`, jobs * 8, LIMITS)) out.push(r);
  return out;
}

describe("mapOrdered", () => {
  it("yields results in task order whatever the number of workers", async () => {
    const tasks = Array.from({ length: 40 }, (_, i) => i);
    expect(await collect(tasks, 3)).toEqual(tasks.map((t) => t * 2));
  });

  it("retries a task whose capped worker ran out of memory in a roomy worker, and carries on", async () => {
    const out = await collect([1, "hog", 2, 3], 2);
    expect(out).toEqual([2, "held 80 MB", 4, 6]);
  }, 30_000);

  it("answers a task that kills every worker it runs in with onCrash, and carries on", async () => {
    const out = await collect([1, "die", 2, 3, 4], 2);
    expect(out[1]).toMatch(/^crashed on die: worker exited with code 7/);
    expect(out.filter((_, i) => i !== 1)).toEqual([2, 4, 6, 8]);
  }, 30_000);

  it("still answers the tasks queued behind one that killed their worker", async () => {
    // each worker is sent two tasks at once: "die" and "hog" each have one waiting behind them
    const out = await collect(["die", 1, "hog", 2, 3, 4], 2);
    expect(out[0]).toMatch(/^crashed on die/);
    expect(out.slice(1)).toEqual([2, "held 80 MB", 4, 6, 8]);
  }, 30_000);
});
