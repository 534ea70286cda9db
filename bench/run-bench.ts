/**
 * make bench: speed and memory, never in unit tests.
 *
 * 1. Generates a deterministic corpus (default 100 MB; BENCH_MB to change) under bench/corpus/.
 * 2. Per stage: runs every stage on a sample of documents in this process and prints MB/s.
 * 3. Whole pipeline: runs the CLI on the corpus as a child process and prints MB/s,
 *    documents/s and peak RSS (from the child's resource usage), with the core count.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";
import { createDoc } from "../pipeline/create-doc.js";
import { stages } from "../pipeline/index.js";
import { makeCorpus } from "./make-corpus.js";

const ROOT = join(import.meta.dirname, "..");
const MB = Number(process.env.BENCH_MB ?? 100);
const corpus = join(ROOT, "bench", "corpus");
const out = join(ROOT, "bench", "output");

const files: string[] = [];
const walk = (d: string) => {
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};

console.log(`machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, node ${process.version}`);
let t0 = process.hrtime.bigint();
const n = makeCorpus(corpus, join(ROOT, "seeds"), MB);
walk(corpus);
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
console.log(`\nper stage, one core, ${sample.length} documents (${(sampleBytes / 1e6).toFixed(1)} MB):`);
let sum = 0;
for (const [name, secs] of perStage) {
  sum += secs;
  console.log(`  ${name.padEnd(12)} ${(sampleBytes / 1e6 / secs).toFixed(2).padStart(8)} MB/s  ${(sample.length / secs).toFixed(0).padStart(7)} docs/s`);
}
console.log(`  ${"all stages".padEnd(12)} ${(sampleBytes / 1e6 / sum).toFixed(2).padStart(8)} MB/s  ${(sample.length / sum).toFixed(0).padStart(7)} docs/s`);

// whole pipeline through the CLI
t0 = process.hrtime.bigint();
const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "-e", `
    const { runDataset } = await import(${JSON.stringify(join(ROOT, "pipeline", "run.ts"))});
    const s = await runDataset({ input: ${JSON.stringify(corpus)}, out: ${JSON.stringify(out)} });
    process.stdout.write(JSON.stringify({ ...s, maxRssKb: process.resourceUsage().maxRSS }));
  `],
  { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 26 },
);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const s = JSON.parse(r.stdout) as { documents: number; rows: Record<string, number>; maxRssKb: number };
console.log(`\nwhole pipeline (CLI runner, ${availableParallelism()} cores available):`);
console.log(`  ${(totalBytes / 1e6 / secs).toFixed(2)} MB/s, ${(s.documents / secs).toFixed(0)} documents/s, ${secs.toFixed(1)} s, peak RSS ${(s.maxRssKb / 1024).toFixed(0)} MB`);
console.log(`  rows: ${Object.entries(s.rows).map(([k, v]) => `${k} ${v}`).join(", ")}`);
