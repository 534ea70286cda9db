/**
 * make bench: speed and memory, never in unit tests.
 *
 * 1. Generates a deterministic corpus (default 100 MB; BENCH_MB to change) under bench/corpus/.
 * 2. Per stage: runs every stage on a sample of documents in this process and prints MB/s,
 *    documents/s and the peak RSS of a fresh process running the stages up to it.
 * 3. Whole pipeline: runs the built pipeline (dist/) as a child process, on a quarter of the
 *    corpus with --jobs 1 pinned to one core and with one job per core, alternately, two
 *    rounds (the speed-up), then on the whole corpus (peak RSS should not grow with it);
 *    prints MB/s, documents/s, CPU time, MB per CPU-second and peak RSS (from the child's
 *    resource usage, worker threads included), with the core count, and for the whole
 *    corpus the time of phase 1 (the per-document stages) and of phase 2 (resolve, writing).
 * 4. Many names: a corpus of the same size whose capitalized words are, half the time,
 *    made-up names (make-corpus.ts), run with one job per core: what grows with distinct
 *    words (the parser's lexicon, the resolver's entities) shows there, not in the seeds' words.
 *    At a quarter of the size its peak was phase 1's, so a resolve that took 461 MiB at
 *    100 MB did not show.
 *
 * Peak RSS is printed in MiB (the resource usage's kibibytes / 1024).
 *
 * This machine is a shared VM whose speed drifts by tens of per cent over minutes, so a
 * speed-up from one one-core run and one later many-core run can say anything (two runs
 * of an earlier bench printed 1.29× and 2.12× for the same code). The rounds pair runs
 * made back to back, and each run's CPU time says how many cores' worth it used
 * (MB per CPU-second is the speed per core, whatever the wall time).
 */
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { basename, join } from "node:path";
import { createDoc } from "../pipeline/create-doc.js";
import { stages } from "../pipeline/index.js";
import { filesUnder, makeCorpus } from "./make-corpus.js";
import { LAUNCH_ENV, LAUNCH_NODE_FLAGS } from "../pipeline/workers/heap-growth.js";

const ROOT = join(import.meta.dirname, "..");
const MB = Number(process.env.BENCH_MB ?? 100);
const corpus = join(ROOT, "bench", "corpus");
const out = join(ROOT, "bench", "output");

console.log(`machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, node ${process.version}`);
let t0 = process.hrtime.bigint();
const n = makeCorpus(corpus, join(ROOT, "seeds"), MB);
const files = filesUnder(corpus);
const totalBytes = files.reduce((s, f) => s + statSync(f).size, 0);
console.log(`corpus: ${n} files, ${(totalBytes / 1e6).toFixed(1)} MB, generated in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);

// per stage, on a sample, in this process
const sample = files.slice(0, Math.min(files.length, 500)).map((f) => readFileSync(f, "utf8"));
const sampleBytes = sample.reduce((s, t) => s + Buffer.byteLength(t), 0);
const perStage = new Map<string, number>(stages.map((s) => [s.name, 0]));
sample.forEach((text, i) => {
  let doc = createDoc({ sourceId: `b${i}`, path: `b${i}.txt`, text });
  for (const s of stages) {
    const t = process.hrtime.bigint();
    doc = s.run(doc, { options: {} });
    perStage.set(s.name, perStage.get(s.name)! + Number(process.hrtime.bigint() - t) / 1e9);
  }
});
// Peak RSS belongs to a process, so each prefix of the stages runs in a fresh one
// (bench/stage-rss.ts): a stage's line shows the peak of the pipeline up to it.
const sampleList = files.slice(0, sample.length).join("\n");
const peakRssMib = (upTo: number): number => {
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "bench", "stage-rss.ts"), String(upTo)], { input: sampleList, encoding: "utf8", cwd: ROOT });
  if (r.status !== 0) throw new Error(`stage-rss ${upTo}: ${r.stderr}`);
  return Number(r.stdout) / 1024;
};
console.log(`\nper stage, one core, ${sample.length} documents (${(sampleBytes / 1e6).toFixed(1)} MB); peak RSS of a process running the stages up to this one:`);
console.log(`  ${"(models loaded, texts read)".padEnd(40)} peak RSS ${peakRssMib(0).toFixed(0).padStart(4)} MiB`);
let sum = 0;
stages.forEach((s, k) => {
  const secs = perStage.get(s.name)!;
  sum += secs;
  console.log(
    `  ${s.name.padEnd(12)} ${(sampleBytes / 1e6 / secs).toFixed(2).padStart(8)} MB/s  ${(sample.length / secs).toFixed(0).padStart(7)} docs/s  peak RSS ${peakRssMib(k + 1).toFixed(0).padStart(4)} MiB`,
  );
});
console.log(`  ${"all stages".padEnd(12)} ${(sampleBytes / 1e6 / sum).toFixed(2).padStart(8)} MB/s  ${(sample.length / sum).toFixed(0).padStart(7)} docs/s`);

const cores = availableParallelism();
const PIN = spawnSync("taskset", ["-c", "0", "true"]).status === 0;

// whole pipeline: the built JavaScript (dist/, as `make dataset` runs it) in a child process,
// whose own resource usage gives the peak RSS of the run, worker threads included
type PipelineRun = { secs: number; cpuSecs: number; documents: number; rows: Record<string, number>; maxRssKb: number; phase1MaxRssKb: number; phase1Secs: number; phase2Secs: number };
function runPipeline(input: string, jobs: number): PipelineRun {
  const t = process.hrtime.bigint();
  const node = [process.execPath, ...LAUNCH_NODE_FLAGS, join(ROOT, "bench", "run-pipeline.mjs"), input, out, String(jobs)];
  // on Linux the process is pinned to as many cores as it has jobs (taskset), so that
  // "one core" means one: otherwise V8's GC and the OS would lend it the other cores
  const argv = PIN && jobs < cores ? ["taskset", "-c", Array.from({ length: jobs }, (_, i) => i).join(","), ...node] : node;
  // launched as `make dataset` launches the CLI (pipeline/workers/heap-growth.ts says why)
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 26, env: { ...process.env, ...LAUNCH_ENV } });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return { secs, ...(JSON.parse(r.stdout) as Omit<PipelineRun, "secs">) };
}

/** The first `share` of the corpus's files, hard-linked into a folder of their own (no copy). */
function slice(share: number): { dir: string; bytes: number } {
  const dir = join(ROOT, "bench", `corpus-${Math.round(share * 100)}pct`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  files.slice(0, Math.round(files.length * share)).forEach((f, i) => {
    linkSync(f, join(dir, `${String(i).padStart(6, "0")}-${basename(f)}`));
    bytes += statSync(f).size;
  });
  return { dir, bytes };
}

const report = (label: string, bytes: number, r: PipelineRun) =>
  console.log(
    `  ${label.padEnd(30)} ${(bytes / 1e6 / r.secs).toFixed(2).padStart(6)} MB/s  ${(r.documents / r.secs).toFixed(0).padStart(5)} docs/s  ${r.secs.toFixed(1).padStart(6)} s  CPU ${r.cpuSecs.toFixed(1).padStart(6)} s = ${(bytes / 1e6 / r.cpuSecs).toFixed(2)} MB per CPU-s  peak RSS ${(r.maxRssKb / 1024).toFixed(0).padStart(5)} MiB`,
  );
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log(`\nwhole pipeline (dist/ build, ${cores} cores available):`);
const quarter = slice(0.25);
const ROUNDS = 2;
const pairs = Array.from({ length: ROUNDS }, (_, k) => {
  const one = runPipeline(quarter.dir, 1);
  report(`quarter, --jobs 1${PIN ? ", 1 core" : ""}, round ${k + 1}`, quarter.bytes, one);
  const many = runPipeline(quarter.dir, cores);
  report(`quarter, --jobs ${cores}, round ${k + 1}`, quarter.bytes, many);
  return { one, many };
});
const speedUps = pairs.map((p) => p.one.secs / p.many.secs);
const full = runPipeline(corpus, cores);
report(`whole corpus, --jobs ${cores}`, totalBytes, full);
rmSync(quarter.dir, { recursive: true, force: true });
console.log(`  speed-up from 1 to ${cores} ${PIN ? "cores" : "workers"}, each round's pair: ${speedUps.map((x) => `${x.toFixed(2)}×`).join(", ")} (median ${median(speedUps).toFixed(2)}×)`);
console.log(
  `  whole corpus by phase: phase 1 (reading, per-document stages in ${cores} workers) ${full.phase1Secs.toFixed(1)} s = ${(totalBytes / 1e6 / full.phase1Secs).toFixed(2)} MB/s; ` +
    `phase 2 (resolve, validation, CSV and Parquet) ${full.phase2Secs.toFixed(1)} s, ${((100 * full.phase2Secs) / (full.phase1Secs + full.phase2Secs)).toFixed(0)}% of the run`,
);
console.log(`  per core, whole corpus: ${(totalBytes / 1e6 / full.secs / cores).toFixed(2)} MB/s of wall time per core, ${(totalBytes / 1e6 / full.cpuSecs).toFixed(2)} MB per CPU-second`);
console.log(`  peak RSS, quarter → whole corpus: ${(pairs.at(-1)!.many.maxRssKb / 1024).toFixed(0)} → ${(full.maxRssKb / 1024).toFixed(0)} MiB (whole corpus by the end of phase 1: ${(full.phase1MaxRssKb / 1024).toFixed(0)} MiB)`);
console.log(`  rows: ${Object.entries(full.rows).map(([k, v]) => `${k} ${v}`).join(", ")}`);

// 4. many names: the same pipeline where the words do not repeat as the seeds' do
const namesDir = join(ROOT, "bench", "corpus-names");
const namesFiles = makeCorpus(namesDir, join(ROOT, "seeds"), MB, 42, 0.5);
const namesBytes = filesUnder(namesDir).reduce((s, f) => s + statSync(f).size, 0);
console.log(`
many names (${namesFiles} files, ${(namesBytes / 1e6).toFixed(1)} MB, half the capitalized words made-up names):`);
const names = runPipeline(namesDir, cores);
report(`many names, --jobs ${cores}`, namesBytes, names);
console.log(`  peak RSS by the end of phase 1: ${(names.phase1MaxRssKb / 1024).toFixed(0)} MiB; entities ${names.rows.entities} (whole bench corpus: ${full.rows.entities})`);
rmSync(namesDir, { recursive: true, force: true });
