/**
 * The final tables (sources, boilerplate, sentences, dates) written from their spill in
 * phase 2: problems reported with their document, in table order; a worker thread writes
 * the same bytes as this one; the table thread runs queued jobs in order and fails them
 * all, saying which, when its worker dies.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FinalRows } from "../../pipeline/document-task.js";
import { createDoc } from "../../pipeline/create-doc.js";
import { stages } from "../../pipeline/index.js";
import { docRows } from "../../pipeline/rows.js";
import { runTableJob } from "../../pipeline/workers/table-jobs.js";
import { TableThread, writeTableInWorker } from "../../pipeline/workers/table-thread.js";
import { FINAL_TABLES, finalSpillLine } from "../../pipeline/write/final-tables.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const SEEDS = join(import.meta.dirname, "..", "..", "seeds");
const tempDir = tempDirs();
const work = tempDir("final-");

// two seed articles as phase 1 spills them; the second's third sentence is made to run backwards
function finalRowsOf(file: string, sourceId: string): FinalRows {
  let doc = createDoc({ sourceId, path: file, text: readFileSync(join(SEEDS, file), "utf8") });
  for (const stage of stages) doc = stage.run(doc, { options: {} });
  const { path, source, boilerplate, sentences, dates } = docRows(doc);
  return { path, source, boilerplate, sentences, dates };
}
const first = finalRowsOf("000_d6804397c1a812a0.txt", "a");
const second = finalRowsOf("001_d41144c76e998c39.txt", "b");
second.sentences[2]!.char_end = second.sentences[2]!.char_start - 1;
const spillPath = join(work, "final.jsonl");
writeFileSync(spillPath, `${finalSpillLine(first)}\n${finalSpillLine(second)}\n`);

function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "csv"), { recursive: true });
  mkdirSync(join(dir, "parquet"), { recursive: true });
  return dir;
}

const writeOnThisThread = (dir: string) => runTableJob({ kind: "final", dir, spillPath });

const FILES = FINAL_TABLES.flatMap(({ table }) => [`csv/${table.name}.csv`, `parquet/${table.name}.parquet`]);

describe("final tables", () => {
  it("writes every document's rows of the four tables, and reports a bad row with its document", () => {
    const { counts, problems } = writeOnThisThread(folder("main"));
    expect(counts).toEqual({
      sources: 2,
      boilerplate: first.boilerplate.length + second.boilerplate.length,
      sentences: first.sentences.length + second.sentences.length - 1,
      dates: first.dates.length + second.dates.length,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ doc: 1, path: "001_d41144c76e998c39.txt", stage: "validate", reason: "invalid sentences row" });
    expect(problems[0]!.detail).toContain("b-s3");
    expect(readFileSync(join(work, "main", "csv", "sentences.csv"), "utf8")).not.toContain("b-s3,");
  });

  it("a worker thread writes the same files and finds the same problems", async () => {
    const main = writeOnThisThread(folder("main2"));
    const r = await writeTableInWorker({ kind: "final", dir: folder("worker"), spillPath });
    expect(r.counts).toEqual(main.counts);
    expect(r.problems).toEqual(main.problems);
    for (const f of FILES) expect(readFileSync(join(work, "worker", f)).equals(readFileSync(join(work, "main2", f))), f).toBe(true);
  });

  it("the table thread runs jobs given at once one after another, each answered with its own result", async () => {
    const thread = new TableThread();
    const one = thread.run({ kind: "final", dir: folder("queued1"), spillPath });
    const two = thread.run({ kind: "final", dir: folder("queued2"), spillPath });
    thread.close();
    const [r1, r2] = await Promise.all([one, two]);
    expect(r1.counts.sources).toBe(2);
    expect(r2).toEqual(r1);
    for (const f of FILES) expect(readFileSync(join(work, "queued2", f)).equals(readFileSync(join(work, "queued1", f))), f).toBe(true);
  });

  it("when its worker fails, every job waiting on it fails and says which tables it was writing", async () => {
    const thread = new TableThread();
    const broken = thread.run({ kind: "final", dir: join(work, "no-such-dir"), spillPath });
    const behind = thread.run({ kind: "spilled", name: "mentions", dir: folder("behind"), spillPath, entityIdsPath: spillPath });
    await expect(broken).rejects.toThrow(/writing sources, boilerplate, sentences and dates/);
    await expect(behind).rejects.toThrow(/writing mentions/);
    await expect(thread.run({ kind: "final", dir: folder("after"), spillPath })).rejects.toThrow(/had already failed/);
  });
});
