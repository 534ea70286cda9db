/**
 * make bench's child for per-stage memory: runs the per-document stages up to and
 * including the K-th (0 = none: models loaded, texts read) over the sample files named
 * on stdin, in a fresh process, and prints its peak RSS in KB. Peak RSS is a property of
 * a process, so each prefix of the pipeline gets its own.
 * Usage: tsx bench/stage-rss.ts K < file-list
 */
import { readFileSync } from "node:fs";
import { createDoc } from "../pipeline/create-doc.js";
import { stages } from "../pipeline/index.js";

const upTo = Number(process.argv[2]);
const files = readFileSync(0, "utf8").split("\n").filter(Boolean);
files.forEach((f, i) => {
  let doc = createDoc({ sourceId: `b${i}`, path: `b${i}.txt`, text: readFileSync(f, "utf8") });
  for (const s of stages.slice(0, upTo)) doc = s.run(doc, { options: {} });
});
process.stdout.write(String(process.resourceUsage().maxRSS));
