/**
 * The start-up settings live in pipeline/workers/heap-growth.ts, and the Makefile must
 * launch node with the same ones (a Makefile cannot import them): this keeps the copy equal.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LAUNCH_ENV, LAUNCH_NODE_FLAGS } from "../../pipeline/workers/heap-growth.js";

const makefile = readFileSync(join(import.meta.dirname, "..", "..", "Makefile"), "utf8");

describe("launch settings", () => {
  it("the Makefile launches node with heap-growth.ts's environment and flags", () => {
    const line = /^NODE_LAUNCH := (.*)$/m.exec(makefile)?.[1];
    expect(line).toBeDefined();
    const env = Object.entries(LAUNCH_ENV).map(([k, v]) => `${k}=${v}`);
    expect(line).toBe([...env, "node", ...LAUNCH_NODE_FLAGS].join(" "));
  });

  it("make dataset runs the CLI through NODE_LAUNCH", () => {
    expect(makefile).toMatch(/^\t@\$\(NODE_LAUNCH\) dist\/bin\/conflict-dataset\.js /m);
  });
});
