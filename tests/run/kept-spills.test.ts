/**
 * make bench's phase-2 replay (pipeline/kept-spills.ts): a run that keeps its spill files and
 * a run that starts phase 2 from them write the same tables, byte for byte, with the table
 * worker (two jobs) and without; a folder without kept spills is refused with a message.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDataset } from "../../pipeline/run.js";
import { listFiles, ROOT } from "../e2e/helpers.js";
import { tempDirs } from "../helpers/temp-dirs.js";

describe("kept spills", () => {
  const tempDir = tempDirs();
  const work = tempDir("kept-spills-");
  // 20 documents: above the runner's threshold for worker threads
  const input = join(work, "in");
  mkdirSync(input);
  const seeds = readdirSync(join(ROOT, "seeds")).sort();
  for (let copy = 0; copy < 4; copy++) for (const s of seeds) copyFileSync(join(ROOT, "seeds", s), join(input, `c${copy}-${s}`));

  it("replays phase 2 into the same tables, with the table worker and without", async () => {
    const kept = join(work, "kept");
    const full = join(work, "full");
    const first = await runDataset({ input, out: full, jobs: 2, spills: { keepIn: kept } });
    expect(first.documents).toBe(20);
    expect(readdirSync(kept).sort()).toEqual(["events.jsonl", "figures.jsonl", "final.jsonl", "mentions.jsonl", "phase1.json", "summaries.jsonl"]);
    for (const jobs of [2, 1]) {
      const replayed = join(work, `replay-${jobs}`);
      const summary = await runDataset({ input, out: replayed, jobs, spills: { replayFrom: kept } });
      expect(summary).toEqual(first);
      const files = listFiles(full);
      expect(files.length).toBeGreaterThan(20);
      expect(listFiles(replayed)).toEqual(files);
      for (const f of files) expect(readFileSync(join(replayed, f)).equals(readFileSync(join(full, f))), `${jobs} jobs: ${f}`).toBe(true);
    }
  }, 120_000);

  it("refuses a folder that holds no kept spills", async () => {
    const empty = join(work, "empty");
    mkdirSync(empty);
    await expect(runDataset({ input, out: join(work, "never"), jobs: 1, spills: { replayFrom: empty } })).rejects.toThrow(/holds no kept spills/);
  });
});
