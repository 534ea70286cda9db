#!/usr/bin/env -S npx tsx
/**
 * conflict-dataset: news articles in, research dataset out.
 *
 * Exit codes: 0 all went well; 3 some inputs or rows were rejected (see
 * rejects.csv; a one-line summary goes to stderr); 2 usage error; 1 crash.
 */
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { runDataset, type Progress } from "../pipeline/run.js";
import { boundHeapGrowth } from "../pipeline/workers/heap-growth.js";

const USAGE = `Usage: conflict-dataset [--input DIR] [--out DIR] [--manifest FILE] [--jobs N] [--max-mb N]

Reads every *.txt, *.html and *.htm file below DIR (recursively, in sorted order)
and writes the dataset tables as CSV and Parquet, with datapackage.json and
CODEBOOK.md, into the output folder (replaced whole at the end of the run).

  --input DIR       folder of articles (default: seeds)
  --out DIR         output folder (default: output)
  --manifest FILE   CSV keyed by \`path\` (relative to DIR) or \`source_id\`, with
                    optional url, outlet, title, author, published_date columns;
                    its values win over what the text says
  --jobs N          worker threads for the per-document stages (default: the
                    number of cores; fewer than 16 documents run without
                    workers); with N ≥ 2, a thread of its own also writes
                    sources, boilerplate, sentences and dates while the corpus
                    is resolved, then mentions. The output is byte-identical
                    whatever N is.
  --max-mb N        refuse (as a rejects row) any file larger than N megabytes
                    (default 8): an article is kilobytes; a huge file is a dump
  --help            this text

Exit status: 0 ok, 3 rows were rejected (see rejects.csv), 2 usage error.`;

function usageError(msg: string): never {
  process.stderr.write(`conflict-dataset: ${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      input: { type: "string", default: "seeds" },
      out: { type: "string", default: "output" },
      manifest: { type: "string" },
      jobs: { type: "string" },
      "max-mb": { type: "string" },
      help: { type: "boolean", default: false },
    },
    allowPositionals: false,
    strict: true,
  });
} catch (e) {
  usageError(e instanceof Error ? e.message : String(e));
}
const { values } = args;
if (values.help) {
  process.stdout.write(USAGE + "\n");
  process.exit(0);
}
const input = values.input!;
const out = values.out!;
if (!existsSync(input) || !statSync(input).isDirectory()) usageError(`--input ${input} is not a folder`);
if (values.manifest !== undefined && (!existsSync(values.manifest) || !statSync(values.manifest).isFile())) {
  usageError(`--manifest ${values.manifest} is not a file`);
}

let jobs: number | undefined;
if (values.jobs !== undefined) {
  jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) usageError(`--jobs ${values.jobs} is not a whole number ≥ 1`);
}

let maxBytes: number | undefined;
if (values["max-mb"] !== undefined) {
  const mb = Number(values["max-mb"]);
  if (!(mb > 0)) usageError(`--max-mb ${values["max-mb"]} is not a positive number`);
  maxBytes = Math.round(mb * 1_000_000);
}

const started = process.hrtime.bigint();
const tty = process.stderr.isTTY === true;
let lastDrawn = 0;
// on a terminal only, at most ten times a second: files done, speed and time left
const progress = (p: Progress) => {
  if (!tty) return;
  const now = Number(process.hrtime.bigint() - started) / 1e9;
  if (p.done < p.total && now - lastDrawn < 0.1) return;
  lastDrawn = now;
  if (p.phase === "process") {
    const mbps = p.bytes / 1e6 / Math.max(now, 1e-6);
    const eta = p.done > 0 ? ((p.total - p.done) * now) / p.done : 0;
    process.stderr.write(`\r${p.done}/${p.total} files  ${mbps.toFixed(2)} MB/s  ETA ${eta.toFixed(0)} s   `);
  } else {
    process.stderr.write(`\rwriting tables: ${p.done}/${p.total} documents                `);
  }
};

boundHeapGrowth();
const summary = await runDataset({ input, out, manifest: values.manifest ?? null, jobs, maxBytes, onProgress: progress });
const secs = Number(process.hrtime.bigint() - started) / 1e9;
if (tty) process.stderr.write("\n");
const rows = Object.entries(summary.rows)
  .map(([t, n]) => `${t} ${n}`)
  .join(", ");
process.stderr.write(`conflict-dataset: ${summary.documents} documents, ${(summary.bytes / 1e6).toFixed(2)} MB in ${secs.toFixed(1)} s → ${out}\n  rows: ${rows}\n`);
if (summary.rejects > 0) {
  process.stderr.write(`conflict-dataset: ${summary.rejects} input(s) rejected, see ${out}/csv/rejects.csv\n`);
  process.exit(3);
}
