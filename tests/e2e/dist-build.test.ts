/**
 * `make dataset` runs the pipeline built to JavaScript (scripts/build-dist.mjs), tests run the
 * TypeScript: the two must write the same bytes, with worker threads (20 documents, above
 * the runner's threshold for starting them) and without; and one job must write what two do.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDirs } from "../helpers/temp-dirs.js";
import { listFiles, ROOT, runCli } from "./helpers.js";

describe("the dist/ build", () => {
  const tempDir = tempDirs();
  const work = tempDir("dist-build-");
  // inside the project, so the built modules find node_modules; removed afterwards
  const dist = join(ROOT, `.dist-test-${process.pid}`);
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  const input = join(work, "in");
  mkdirSync(input);
  const seeds = readdirSync(join(ROOT, "seeds")).sort();
  for (let copy = 0; copy < 4; copy++) for (const s of seeds) copyFileSync(join(ROOT, "seeds", s), join(input, `c${copy}-${s}`));

  it("writes byte-identical datasets to the TypeScript run, with and without workers", () => {
    const built = spawnSync(process.execPath, [join(ROOT, "scripts", "build-dist.mjs"), dist], { encoding: "utf8", cwd: ROOT });
    expect(built.status, built.stderr).toBe(0);
    for (const jobs of ["1", "2"]) {
      const fromTs = join(work, `ts-${jobs}`);
      const fromJs = join(work, `js-${jobs}`);
      expect(runCli(["--input", input, "--out", fromTs, "--jobs", jobs]).status).toBe(0);
      const js = spawnSync(process.execPath, [join(dist, "bin", "conflict-dataset.js"), "--input", input, "--out", fromJs, "--jobs", jobs], { encoding: "utf8", cwd: ROOT });
      expect(js.status, js.stderr).toBe(0);
      expect(js.stderr).toContain("20 documents");
      const files = listFiles(fromTs);
      expect(listFiles(fromJs)).toEqual(files);
      for (const f of files) expect(readFileSync(join(fromJs, f)).equals(readFileSync(join(fromTs, f))), f).toBe(true);
    }
    // --jobs 2 also writes mentions in a worker of its own in phase 2 (run.ts): same bytes as one thread
    const one = join(work, "js-1");
    const two = join(work, "js-2");
    expect(listFiles(two)).toEqual(listFiles(one));
    for (const f of listFiles(one)) expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f))), f).toBe(true);
  }, 120_000);
});
