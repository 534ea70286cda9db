/**
 * make bench-phase2: phase 2 (resolve, then every table written) measured alone.
 *
 * On large corpora the run's peak memory is in phase 2, where resolve's results, the main
 * thread's tables and the table worker's tables meet; reaching it takes phase 1 first
 * (~4 minutes for 200 MB on two cores, ~20 for 1 GB). So phase 1 runs once, keeping its spill
 * files (pipeline/kept-spills.ts), and phase 2 is then replayed from them as often as wanted:
 * with one job per core (the table worker writes the final tables and mentions beside the main
 * thread) and with one job (the main thread writes every table), alternately, two rounds.
 * Each replay is a child process running the built pipeline (dist/, as `make dataset` runs
 * it); its wall time, CPU time (all threads) and peak RSS are printed.
 *
 * BENCH_MB (default 200) sizes the corpus, generated under bench/phase2/ as make bench
 * generates its own (bench/make-corpus.ts, deterministic). The spills are kept in
 * bench/phase2/spills-<MB>/ and reused by later runs of the same size: delete the folder after
 * changing phase 1 (what it spills), keep it while working on phase 2.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { filesUnder, makeCorpus } from "./make-corpus.js";
import { LAUNCH_ENV, LAUNCH_NODE_FLAGS } from "../pipeline/workers/heap-growth.js";

const ROOT = join(import.meta.dirname, "..");
const MB = Number(process.env.BENCH_MB ?? 200);
const base = join(ROOT, "bench", "phase2");
const corpus = join(base, `corpus-${MB}`);
const spills = join(base, `spills-${MB}`);
const out = join(base, "output");
const cores = availableParallelism();

type Run = { secs: number; cpuSecs: number; documents: number; maxRssKb: number; phase1Secs: number; phase1MaxRssKb: number };

function runPipeline(jobs: number, spillsFlag: "--keep-spills" | "--replay-spills"): Run {
  const t = process.hrtime.bigint();
  const argv = [...LAUNCH_NODE_FLAGS, join(ROOT, "bench", "run-pipeline.mjs"), corpus, out, String(jobs), spillsFlag, spills];
  // launched as `make dataset` launches the CLI (pipeline/workers/heap-growth.ts says why)
  const r = spawnSync(process.execPath, argv, { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 26, env: { ...process.env, ...LAUNCH_ENV } });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return { secs, ...(JSON.parse(r.stdout) as Omit<Run, "secs">) };
}

const mib = (kb: number) => (kb / 1024).toFixed(0);
console.log(`machine: ${cores} cores, node ${process.version}`);
const files = makeCorpus(corpus, join(ROOT, "seeds"), MB);
const bytes = filesUnder(corpus).reduce((sum, f) => sum + statSync(f).size, 0);
console.log(`corpus: ${files} files, ${(bytes / 1e6).toFixed(1)} MB (${corpus})`);

// kept spills are reused when they came from a corpus of these bytes (the corpus is deterministic)
const countsPath = join(spills, "phase1.json");
const kept = existsSync(countsPath) ? (JSON.parse(readFileSync(countsPath, "utf8")) as { bytes: number }) : null;
if (kept?.bytes === bytes) {
  console.log(`spills: kept in ${spills}, reused`);
} else {
  rmSync(spills, { recursive: true, force: true });
  const r = runPipeline(cores, "--keep-spills");
  console.log(
    `spills: one whole run, --jobs ${cores}, keeping them in ${spills}: ${r.secs.toFixed(1)} s (phase 1 ${r.phase1Secs.toFixed(1)} s), peak RSS ${mib(r.maxRssKb)} MiB (phase 1 ${mib(r.phase1MaxRssKb)})`,
  );
}

console.log(`\nphase 2 replayed from the spills (${(bytes / 1e6).toFixed(1)} MB of articles):`);
const label = (jobs: number) => (jobs > 1 ? `--jobs ${jobs} (table worker)` : "--jobs 1 (main thread only)");
const ROUNDS = 2;
for (let round = 1; round <= ROUNDS; round++) {
  for (const jobs of cores > 1 ? [cores, 1] : [1]) {
    const r = runPipeline(jobs, "--replay-spills");
    console.log(
      `  ${label(jobs).padEnd(28)} round ${round}: ${r.secs.toFixed(1).padStart(6)} s  CPU ${r.cpuSecs.toFixed(1).padStart(6)} s  ${(bytes / 1e6 / r.secs).toFixed(2)} MB/s  peak RSS ${mib(r.maxRssKb).padStart(4)} MiB`,
    );
  }
}
rmSync(out, { recursive: true, force: true });
