/**
 * The runner: input folder → dataset folder.
 *
 * Phase 1 reads each article (sorted), runs the per-document stages (in worker
 * threads), and spills what they return to JSON-lines files, so that this thread only
 * copies strings while the workers keep every core busy: each document's rows of the
 * tables that name no entity (sources, boilerplate, sentences, dates:
 * write/final-tables.ts), its resolve summary, and its rows of mentions, figures and
 * events, a file per table (write/spilled-tables.ts, rows packed as arrays).
 * Phase 2, once the workers and their models are gone, reads the summaries into the
 * resolver (compact: entity records, a few numbers per event and figure), resolves
 * entities, event clusters and figure claims and writes their tables, in a worker of its
 * own that exits before anything else is written (resolve/from-spills.ts says why), then
 * streams every spill back through validation into its tables' CSV and Parquet writers.
 * When there are threads to spare, a table worker (workers/table-thread.ts) writes the
 * final tables, then mentions, while this thread writes figures and events. The
 * resolver's memory, the part that grows most with the corpus, so never adds to the
 * workers', nor to the tables' writers.
 *
 * Everything is written into a temporary folder beside --out, renamed into place
 * at the very end: an interrupted run leaves the previous dataset untouched.
 * A problem with one input is a rejects row; the run goes on.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve as resolvePath } from "node:path";
import { DEFAULT_MAX_BYTES, type DocumentResult } from "./document-task.js";
import { keepSpills, replaySpills } from "./kept-spills.js";
import { mapOrdered } from "./workers/ordered-pool.js";
import { listInputs } from "./read/list-inputs.js";
import { readManifest } from "./read/manifest.js";
import { inputTasks, type InputTasks } from "./read/input-tasks.js";
import { Rejects } from "./rejects.js";
import { clusterable } from "./resolve/event-clusters.js";
import { clusterOfEvent, CORPUS_TABLE_NAMES, resolveCorpus, writeCorpusTables, type ResolvedIds } from "./resolve/from-spills.js";
import { DatasetWriter } from "./write/dataset-writer.js";
import { FINAL_TABLE_NAMES, FINAL_TABLES, writeFinalTables } from "./write/final-tables.js";
import { inDocumentOrder, SPILLED_TABLE_NAMES, SPILLED_TABLES, writeSpilledTable, type ProblemsBySpill, type SpilledTableName } from "./write/spilled-tables.js";
import type { TableJob } from "./workers/table-jobs.js";
import { TABLE_WORKER_SEMI_SPACE_MB } from "./workers/heap-growth.js";
import { TableThread, writeTableInWorker } from "./workers/table-thread.js";
import { workerUrl } from "./workers/worker-url.js";
import { rejects as rejectsTable } from "../schemas/tables.js";

export type RunOptions = {
  input: string;
  out: string;
  manifest?: string | null;
  /** largest article accepted, in bytes (default DEFAULT_MAX_BYTES) */
  maxBytes?: number;
  /** worker threads for the per-document stages (with 2 or more, phase 2 also writes tables in a worker); default: the machine's cores */
  jobs?: number;
  /**
   * Called after each document: while documents are processed ("process", bytes read so far)
   * and again while their rows are written ("write"). The CLI draws progress with it.
   */
  onProgress?: (p: Progress) => void;
  /** for make bench's phase-2 replay, not for datasets (kept-spills.ts says what they do) */
  spills?: { keepIn?: string; replayFrom?: string };
};

export type Progress = { phase: "process" | "write"; done: number; total: number; bytes: number };

export type RunSummary = {
  documents: number;
  rows: Record<string, number>;
  rejects: number;
  bytes: number;
};

export async function runDataset(opts: RunOptions): Promise<RunSummary> {
  const input = resolvePath(opts.input);
  const out = resolvePath(opts.out);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  removeStaleTemporaries(out);
  mkdirSync(tmp, { recursive: true });
  try {
    const summary = await build(input, tmp, opts);
    swapIntoPlace(tmp, out);
    return summary;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Below this many documents, starting worker threads (each loads the models) costs more
 * than it saves, so they run on this thread. Otherwise even --jobs 1 uses a worker: its
 * heap is capped and a document that overflows it is retried in a roomy one, and the
 * main thread's heap stays free of the models (peak RSS 237 against 270 MB on a 10 MB
 * corpus pinned to one core, at the same speed).
 */
const MIN_DOCS_FOR_WORKERS = 16;
async function* processAll(tasks: InputTasks, jobs: number): AsyncGenerator<DocumentResult> {
  if (tasks.length < MIN_DOCS_FOR_WORKERS) {
    // loaded here, not at the top: with workers the main thread never loads the models
    const { processDocument } = await import("./process-document.js");
    for (let i = 0; i < tasks.length; i++) yield processDocument(tasks.at(i));
    return;
  }
  yield* mapOrdered(tasks, jobs, workerUrl("document-worker"), (_t, error): DocumentResult => ({ ok: false, bytes: 0, stage: "worker", reason: "worker crashed", detail: error }));
}

async function build(input: string, tmp: string, opts: RunOptions): Promise<RunSummary> {
  const rejects = new Rejects();
  const manifest = opts.manifest ? readManifest(opts.manifest) : null;
  const manifestName = opts.manifest ? basename(opts.manifest) : "";
  for (const p of manifest?.problems ?? []) rejects.add(`${manifestName}#row${p.row}`, "manifest", p.reason, p.detail);

  const { files, problems } = listInputs(input);
  for (const p of problems) rejects.add(p.relPath, "read", p.reason, p.detail);

  // the final tables' spill, the spilled tables' files, then the resolve summaries and what resolve makes of them: each document's entity records and entity ids
  const spill = Object.fromEntries(["final", ...SPILLED_TABLE_NAMES, "summaries", "records", "entityIds"].map((name) => [name, join(tmp, `.${name}.jsonl`)])) as Record<
    "final" | SpilledTableName | "summaries" | "records" | "entityIds",
    string
  >;
  const spillFds = Object.fromEntries(SPILLED_TABLE_NAMES.map((name) => [name, openSync(spill[name], "w")])) as Record<SpilledTableName, number>;
  const finalFd = openSync(spill.final, "w");
  const summariesFd = openSync(spill.summaries, "w");
  let bytes = 0;
  let done = 0;
  let documents = 0;

  const { tasks, duplicates, usedManifest } = inputTasks(files, manifest, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  for (const d of duplicates) rejects.add(d.relPath, "read", "duplicate source_id", `${d.sourceId} is already the id of ${d.firstRelPath}; rename one of the files`);

  const jobs = Math.max(1, opts.jobs ?? defaultJobs());
  // resolve runs in a worker whenever the documents do; with two or more threads to spare,
  // phase 2 also writes the final tables and mentions in a worker beside this thread
  const resolveInWorker = tasks.length >= MIN_DOCS_FOR_WORKERS;
  const tablesInWorker = jobs > 1 && resolveInWorker;
  const writer = new DatasetWriter(tmp, rejects, [...(tablesInWorker ? [...FINAL_TABLE_NAMES, "mentions"] : []), ...(resolveInWorker ? CORPUS_TABLE_NAMES : [])]);
  const replayFrom = opts.spills?.replayFrom;
  let i = 0;
  for await (const result of replayFrom ? [] : processAll(tasks, jobs)) {
    const task = tasks.at(i++);
    bytes += result.bytes;
    done++;
    opts.onProgress?.({ phase: "process", done, total: tasks.length, bytes });
    if (!result.ok) {
      rejects.add(task.relPath, result.stage, result.reason, result.detail);
      continue;
    }
    documents++;
    if (result.extractedText !== null) {
      mkdirSync(join(tmp, "text"), { recursive: true });
      writeFileSync(join(tmp, "text", `${task.sourceId}.txt`), result.extractedText);
    }
    // everything waits on disk for phase 2, nothing of it in memory: this thread only appends
    // the strings the worker made, so the workers have the cores (write/final-tables.ts says why)
    writeSync(finalFd, `${result.finalLine}\n`);
    writeSync(summariesFd, `${result.summaryLine}\n`);
    for (const name of SPILLED_TABLE_NAMES) writeSync(spillFds[name], `${result.spillLines[name]}\n`);
  }
  for (const name of SPILLED_TABLE_NAMES) closeSync(spillFds[name]);
  closeSync(finalFd);
  closeSync(summariesFd);
  const phase1Files = { final: spill.final, ...Object.fromEntries(SPILLED_TABLE_NAMES.map((name) => [name, spill[name]])), summaries: spill.summaries };
  if (replayFrom) ({ documents, bytes } = replaySpills(replayFrom, phase1Files));
  if (opts.spills?.keepIn) keepSpills(opts.spills.keepIn, phase1Files, { documents, bytes });
  if (manifest) {
    for (const [k] of manifest.byPath) if (!usedManifest.has(`path:${k}`)) rejects.add(`${manifestName}#${k}`, "manifest", "unknown path", `no input file at ${k}`);
    for (const [k] of manifest.bySourceId) if (!usedManifest.has(`id:${k}`)) rejects.add(`${manifestName}#${k}`, "manifest", "unknown source_id", `no input file with source_id ${k}`);
  }

  // Phase 2. Resolve comes first, in a worker of its own whenever the documents had workers
  // (resolve/from-spills.ts says why), and writes the corpus tables. Then the table worker, when
  // there is one, writes the final tables and mentions while this thread writes figures and
  // events. The table worker starts only once resolve is done: its memory (~60 MiB) beside
  // resolve's was the run's peak on large corpora (a 1 GB corpus peaked at 320 MiB with it
  // started first, 298 with it waiting). Still so with resolve in a worker of its own: started
  // beside it to write the final tables, the table worker took phase 2 on 200 MB from 62.1–63.3
  // to 56.7–58.3 s, but a 1 GB run then peaked at 330 MiB (337,888 KB) in phase 2, its phase 1
  // at 266.
  let tableThread: TableThread | null = null;
  const inWorker: Promise<void>[] = [];
  // each spill's problems, whichever thread wrote it
  const writeProblems: ProblemsBySpill = {};
  const giveToWorker = (thread: TableThread, job: Extract<TableJob, { kind: "final" | "spilled" }>) => {
    const done = thread.run(job).then((r) => {
      for (const [table, rows] of Object.entries(r.counts)) writer.addCount(table, rows);
      writeProblems[job.kind === "final" ? "final" : job.name] = r.problems;
    });
    // a failure there must not go unhandled while this thread is busy: it is awaited below
    done.catch(() => undefined);
    inWorker.push(done);
  };
  const onMain = SPILLED_TABLES.filter(({ name }) => !(tablesInWorker && name === "mentions"));
  // progress counts the documents this thread writes: once per spill it reads
  const passes = (tablesInWorker ? 0 : 1) + onMain.length;
  let written = 0;
  const onDocument = () => opts.onProgress?.({ phase: "write", done: ++written, total: documents * passes, bytes });
  try {
    // what the spilled tables need of resolve; the rest of it is gone once the corpus tables are written
    let resolved: ResolvedIds;
    if (resolveInWorker) {
      const r = await writeTableInWorker({ kind: "resolve", dir: tmp, summariesPath: spill.summaries, recordsPath: spill.records, entityIdsPath: spill.entityIds });
      for (const [table, rows] of Object.entries(r.counts)) writer.addCount(table, rows);
      for (const p of r.problems) rejects.add(p.path, p.stage, p.reason, p.detail);
      resolved = r.resolved!;
    } else {
      resolved = writeCorpusTables(
        resolveCorpus(spill.summaries, spill.records),
        (table, rows) => {
          writer.writeAll(table, rows, "(corpus)");
          writer.finish(table);
        },
        { records: spill.records, entityIds: spill.entityIds },
      );
    }
    rmSync(spill.summaries);
    rmSync(spill.records);
    // without a table worker this thread writes the final tables too, after resolve: before it,
    // their heap was still this thread's while resolve's worker ran beside it
    if (!tablesInWorker) {
      writeProblems.final = writeFinalTables({ spillPath: spill.final, write: (table, rows, path, reject) => writer.write(table, rows, path, reject), onDocument });
      for (const { table } of FINAL_TABLES) writer.finish(table);
    }
    const job = (name: SpilledTableName) => ({ name, spillPath: spill[name], entityIdsPath: resolved.entityIdsPath });
    if (tablesInWorker) {
      // with room for young objects: it writes phase 2's longest share (heap-growth.ts measures it)
      tableThread = new TableThread({ semiSpaceMb: TABLE_WORKER_SEMI_SPACE_MB });
      giveToWorker(tableThread, { kind: "final", dir: tmp, spillPath: spill.final });
      giveToWorker(tableThread, { kind: "spilled", dir: tmp, ...job("mentions") });
      void tableThread.close();
    }
    const clusterOf = clusterOfEvent(resolved);
    let clusterableSeen = 0;
    for (const { name, table } of onMain) {
      // the resolver numbered clusterable events in this same order
      const eachRow = name !== "events" ? undefined : (row: Record<string, unknown>) => {
        row.cluster_id = clusterable(row as Parameters<typeof clusterable>[0]) ? clusterOf(clusterableSeen++) : null;
      };
      writeProblems[name] = writeSpilledTable({ ...job(name), write: (rows, path, reject) => writer.write(table, rows, path, reject), eachRow, onDocument });
      // every row of the table is written: its files are finished now, not beside the next table's
      writer.finish(table);
    }
    await Promise.all(inWorker);
  } catch (e) {
    void tableThread?.close();
    await Promise.allSettled(inWorker); // its files are in tmp, which the caller removes
    throw e;
  }
  for (const p of inDocumentOrder(writeProblems)) rejects.add(p.path, p.stage, p.reason, p.detail);
  for (const name of ["final", ...SPILLED_TABLE_NAMES] as const) rmSync(spill[name]);
  rmSync(spill.entityIds);
  // the rejects table goes last: validation above may still add to it
  writer.write(rejectsTable, rejects.rows(), "(rejects)");
  writer.close();
  return { documents, rows: Object.fromEntries(writer.counts), rejects: rejects.size, bytes };
}

function defaultJobs(): number {
  return availableParallelism();
}

/** Temporary folders of runs that were killed (their process is gone) are removed; a running one is left alone. */
function removeStaleTemporaries(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(out)}.`;
  for (const name of readdirSync(parent)) {
    const m = name.startsWith(prefix) ? /\.(?:tmp|old)-(\d+)$/.exec(name) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && processAlive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  // a killed run can linger as a zombie (state Z) where nobody reaps it, e.g. in a
  // container; kill(pid, 0) still succeeds for it, /proc tells the truth
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    // no /proc (macOS) or no such process
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Replace `out` by `tmp` with two renames, so readers see the old or the new dataset, never half of one. */
function swapIntoPlace(tmp: string, out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  if (!existsSync(out)) {
    renameSync(tmp, out);
    return;
  }
  const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
}
