// make bench's child process: one run of the built pipeline (dist/), printing its summary and
// the process's peak RSS and CPU time (worker threads included) as JSON. A file, not `node -e`: worker
// threads inherit the parent's node flags, and --input-type is refused outside -e.
// Usage: node bench/run-pipeline.mjs INPUT OUT JOBS
const [input, out, jobs] = process.argv.slice(2);
const { runDataset } = await import(new URL("../dist/pipeline/run.js", import.meta.url).href);
const { boundHeapGrowth } = await import(new URL("../dist/pipeline/workers/heap-growth.js", import.meta.url).href);
// as the CLI does: the heaps may grow 20% past what they hold, not several times
boundHeapGrowth();
const summary = await runDataset({ input, out, jobs: Number(jobs) });
// CPU time of every thread (workers and V8's own included): the cores the run used, whatever its wall time
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({ ...summary, maxRssKb: usage.maxRSS, cpuSecs: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
