/**
 * Phase 1's spill files kept for a replay of phase 2 alone (bench/replay-phase2.ts).
 *
 * Phase 2 (resolve, then writing every table) is where a large corpus peaks in memory, and
 * reaching it takes phase 1 first: ~20 minutes for 1 GB on two cores. A run given
 * `spills.keepIn` leaves a hard link to each file phase 1 wrote (the rows waiting for phase 2,
 * the resolve summaries) in that folder, with the documents' count and bytes; a run given
 * `spills.replayFrom` skips phase 1 and starts phase 2 from them. Hard links, not copies:
 * the run removes its own names as before and the kept ones stay, without a second copy on
 * disk. The folder must be on the file system of the output folder.
 *
 * A replay writes the same tables as the run that kept the spills, with the same input
 * (tests/run/kept-spills.test.ts); it does not know phase 1's rejects or the text it
 * extracted from HTML, so it is for measuring, not for datasets.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What phase 2 needs to know of phase 1 besides its files. */
export type KeptPhase1 = { documents: number; bytes: number };

const COUNTS_FILE = "phase1.json";

/** Links each of `files` (name → path in the run's folder) into `dir`, replacing what was there. */
export function keepSpills(dir: string, files: Readonly<Record<string, string>>, counts: KeptPhase1): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, path] of Object.entries(files)) {
    const kept = join(dir, `${name}.jsonl`);
    rmSync(kept, { force: true });
    linkSync(path, kept);
  }
  writeFileSync(join(dir, COUNTS_FILE), `${JSON.stringify(counts)}\n`);
}

/** Puts the kept files of `dir` in place of `files` (the empty ones this run opened) and returns phase 1's counts. */
export function replaySpills(dir: string, files: Readonly<Record<string, string>>): KeptPhase1 {
  const countsPath = join(dir, COUNTS_FILE);
  if (!existsSync(countsPath)) throw new Error(`replay: ${dir} holds no kept spills (no ${COUNTS_FILE})`);
  for (const [name, path] of Object.entries(files)) {
    const kept = join(dir, `${name}.jsonl`);
    if (!existsSync(kept)) throw new Error(`replay: ${kept} is missing`);
    rmSync(path, { force: true });
    linkSync(kept, path);
  }
  return JSON.parse(readFileSync(countsPath, "utf8")) as KeptPhase1;
}
