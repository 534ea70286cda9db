// make bench's child process: one run of the built pipeline (dist/), printing its summary, the
// process's peak RSS and CPU time (worker threads included), each phase's time and the peak RSS by
// the end of phase 1, as JSON. A file, not `node -e`: worker threads inherit the parent's node
// flags, and --input-type is refused outside -e.
// Usage: node bench/run-pipeline.mjs INPUT OUT JOBS [--keep-spills DIR | --replay-spills DIR]
// (the last two for bench/replay-phase2.ts: pipeline/kept-spills.ts says what they do)
const [input, out, jobs, spillsFlag, spillsDir] = process.argv.slice(2);
const spills = spillsFlag === "--keep-spills" ? { keepIn: spillsDir } : spillsFlag === "--replay-spills" ? { replayFrom: spillsDir } : undefined;
if (spillsFlag !== undefined && (spills === undefined || !spillsDir)) throw new Error(`run-pipeline: unknown option ${spillsFlag}, or no folder after it`);
const { runDataset } = await import(new URL("../dist/pipeline/run.js", import.meta.url).href);
const { boundHeapGrowth } = await import(new URL("../dist/pipeline/workers/heap-growth.js", import.meta.url).href);
// as the CLI does: the heaps may grow 20% past what they hold, not several times
boundHeapGrowth();
// phase 1 (reading, the per-document stages) ends with the last document processed; phase 2 is
// the rest (resolve, validation, CSV and Parquet), where the workers are gone
const start = performance.now();
let phase1End = null;
let phase1MaxRssKb = null;
const summary = await runDataset({
  input,
  out,
  jobs: Number(jobs),
  spills,
  onProgress: (p) => {
    if (p.phase !== "process") return;
    phase1End = performance.now();
    // maxRSS only grows: read at the last document processed, it is phase 1's peak
    if (p.done === p.total) phase1MaxRssKb = process.resourceUsage().maxRSS;
  },
});
const end = performance.now();
phase1End ??= end;
// CPU time of every thread (workers and V8's own included): the cores the run used, whatever its wall time
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    ...summary,
    maxRssKb: usage.maxRSS,
    phase1MaxRssKb: phase1MaxRssKb ?? usage.maxRSS,
    cpuSecs: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    phase1Secs: (phase1End - start) / 1000,
    phase2Secs: (end - phase1End) / 1000,
  }),
);
