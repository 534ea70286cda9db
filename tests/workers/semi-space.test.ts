/**
 * startWithSemiSpace (pipeline/workers/heap-growth.ts) gives one worker a young generation of
 * its own bound and puts the process's bound back for the workers started after it. A worker
 * reads its bound when it makes its heap, so each test worker allocates short-lived objects
 * until its new space has grown as far as it may, then reports that size (two semi-spaces).
 */
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { boundHeapGrowth, startWithSemiSpace, TABLE_WORKER_SEMI_SPACE_MB } from "../../pipeline/workers/heap-growth.js";

const GROW_NEW_SPACE = `
const { parentPort } = require("node:worker_threads");
const { getHeapSpaceStatistics } = require("node:v8");
let kept = [];
for (let i = 0; i < 2e6; i++) {
  kept.push({ i, text: "x" + i });
  if (kept.length > 100000) kept = [];
}
parentPort.postMessage(getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);
`;

const MB = 1024 * 1024;

function newSpaceMb(worker: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    worker.once("message", (bytes: number) => {
      void worker.terminate();
      resolve(bytes / MB);
    });
    worker.once("error", reject);
  });
}

const start = () => new Worker(GROW_NEW_SPACE, { eval: true });

describe("startWithSemiSpace", () => {
  it("gives its worker the bound asked for, and the next worker the process's bound again", async () => {
    // the bound the CLI sets (4 MB); here it bounds the test's own later workers too, which is harmless
    boundHeapGrowth();
    const before = await newSpaceMb(start());
    const roomy = await newSpaceMb(startWithSemiSpace(TABLE_WORKER_SEMI_SPACE_MB, start));
    const after = await newSpaceMb(start());
    expect(before).toBe(2 * 4);
    expect(roomy).toBe(2 * TABLE_WORKER_SEMI_SPACE_MB);
    expect(after).toBe(2 * 4);
  });

  it("puts the bound back when the worker cannot start", async () => {
    boundHeapGrowth();
    expect(() =>
      startWithSemiSpace(32, () => {
        throw new Error("no worker");
      }),
    ).toThrow("no worker");
    expect(await newSpaceMb(start())).toBe(2 * 4);
  });
});
