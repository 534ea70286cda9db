/**
 * The runner: input folder → dataset folder.
 *
 * Phase 1 reads each article (sorted), runs the per-document stages (in worker
 * threads), writes the tables that name no entity (sources, boilerplate, sentences,
 * dates), and spills the rest to two JSON-lines files: each document's resolve summary,
 * and its other rows (packed as arrays, write/packed-rows.ts).
 * Phase 2, once the workers and their models are gone, reads the summaries into the
 * resolver (compact: entity records, a few numbers per event and figure), resolves
 * entities, event clusters and figure claims, then streams the rows back through
 * validation into the CSV and Parquet writers. The resolver's memory, the only part
 * that grows with the corpus, so never adds to the workers': phase 1's peak stays
 * the same whatever the corpus size.
 *
 * Everything is written into a temporary folder beside --out, renamed into place
 * at the very end: an interrupted run leaves the previous dataset untouched.
 * A problem with one input is a rejects row; the run goes on.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, join, resolve as resolvePath } from "node:path";
import type { ManifestEntry } from "./doc.js";
import { DEFAULT_MAX_BYTES, type DocumentResult, type DocumentTask, type SpilledRows } from "./document-task.js";
import { mapOrdered } from "./workers/ordered-pool.js";
import { listInputs } from "./read/list-inputs.js";
import { readManifest, type Manifest } from "./read/manifest.js";
import { Rejects } from "./rejects.js";
import { clusterable } from "./resolve/event-clusters.js";
import { CorpusResolver, type ResolveSummary } from "./resolve/index.js";
import { DatasetWriter } from "./write/dataset-writer.js";
import { unpackRows } from "./write/packed-rows.js";
import { readLinesSync } from "./write/read-lines.js";
import { boilerplate, entities, eventClusters, events, figureClaims, figures, mentions, dates, rejects as rejectsTable, sentences, sources } from "../schemas/tables.js";

export type RunOptions = {
  input: string;
  out: string;
  manifest?: string | null;
  /** largest article accepted, in bytes (default DEFAULT_MAX_BYTES) */
  maxBytes?: number;
  /** worker threads for the per-document stages; default: the machine's cores */
  jobs?: number;
  /**
   * Called after each document: while documents are processed ("process", bytes read so far)
   * and again while their rows are written ("write"). The CLI draws progress with it.
   */
  onProgress?: (p: Progress) => void;
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
/**
 * Built to JavaScript (dist/, what `make dataset` runs), a worker loads its module directly;
 * run from the TypeScript sources (tests, tsx), it goes through an entry that registers tsx.
 */
const WORKER_URL = import.meta.url.endsWith(".js")
  ? new URL("./workers/document-worker.js", import.meta.url)
  : new URL("./workers/worker-entry.mjs", import.meta.url);

async function* processAll(tasks: readonly DocumentTask[], jobs: number): AsyncGenerator<DocumentResult> {
  if (tasks.length < MIN_DOCS_FOR_WORKERS) {
    // loaded here, not at the top: with workers the main thread never loads the models
    const { processDocument } = await import("./process-document.js");
    for (const t of tasks) yield processDocument(t);
    return;
  }
  yield* mapOrdered(tasks, Math.max(1, jobs), WORKER_URL, (_t, error): DocumentResult => ({ ok: false, bytes: 0, stage: "worker", reason: "worker crashed", detail: error }));
}

/** The spilled tables, in the order they are written, and their columns that hold a document-local entity key until resolve. */
const ENTITY_KEY_COLUMNS = [
  ["mentions", mentions, ["entity_id"]],
  ["figures", figures, ["actor_id", "location_id", "attributed_to"]],
  ["events", events, ["actor1_id", "actor2_id", "location_id", "attributed_to"]],
] as const;

async function build(input: string, tmp: string, opts: RunOptions): Promise<RunSummary> {
  const rejects = new Rejects();
  const manifest = opts.manifest ? readManifest(opts.manifest) : null;
  const manifestName = opts.manifest ? basename(opts.manifest) : "";
  for (const p of manifest?.problems ?? []) rejects.add(`${manifestName}#row${p.row}`, "manifest", p.reason, p.detail);

  const { files, problems } = listInputs(input);
  for (const p of problems) rejects.add(p.relPath, "read", p.reason, p.detail);

  const spill = { rows: join(tmp, ".rows.jsonl"), summaries: join(tmp, ".summaries.jsonl"), records: join(tmp, ".records.jsonl") };
  const rowsFd = openSync(spill.rows, "w");
  const summariesFd = openSync(spill.summaries, "w");
  const seenIds = new Map<string, string>();
  const usedManifest = new Set<string>();
  let bytes = 0;
  let done = 0;
  let documents = 0;

  const tasks: DocumentTask[] = [];
  for (const f of files) {
    const sourceId = basename(f.relPath, extname(f.relPath));
    const clash = seenIds.get(sourceId);
    if (clash) {
      rejects.add(f.relPath, "read", "duplicate source_id", `${sourceId} is already the id of ${clash}; rename one of the files`);
      continue;
    }
    seenIds.set(sourceId, f.relPath);
    tasks.push({ ...f, sourceId, manifest: manifestEntry(manifest, f.relPath, sourceId, usedManifest), maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES });
  }

  const writer = new DatasetWriter(tmp, rejects);
  let i = 0;
  for await (const result of processAll(tasks, opts.jobs ?? defaultJobs())) {
    const task = tasks[i++]!;
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
    // Rows that name no entity are final: written now, while the workers keep the other
    // cores busy, rather than after them with one core idle. The rest wait on disk for
    // resolve; only the resolver's compact summary stays in memory.
    const f = result.final;
    writer.write(sources, [f.source], f.path);
    writer.write(boilerplate, f.boilerplate, f.path);
    writer.write(sentences, f.sentences, f.path);
    writer.write(dates, f.dates, f.path);
    writeSync(summariesFd, `{"source_id":${JSON.stringify(task.sourceId)},"summary":${result.summaryJson}}\n`);
    writeSync(rowsFd, `${result.pendingJson}\n`);
  }
  closeSync(rowsFd);
  closeSync(summariesFd);
  if (manifest) {
    for (const [k] of manifest.byPath) if (!usedManifest.has(`path:${k}`)) rejects.add(`${manifestName}#${k}`, "manifest", "unknown path", `no input file at ${k}`);
    for (const [k] of manifest.bySourceId) if (!usedManifest.has(`id:${k}`)) rejects.add(`${manifestName}#${k}`, "manifest", "unknown source_id", `no input file with source_id ${k}`);
  }

  // Each document's entity keys → the resolver's records, one line per document, read
  // back beside its rows below: on disk, not in memory, like the rows.
  const resolver = new CorpusResolver();
  const recordsFd = openSync(spill.records, "w");
  for (const line of readLinesSync(spill.summaries)) {
    const { source_id, summary } = JSON.parse(line) as { source_id: string; summary: ResolveSummary };
    writeSync(recordsFd, `${JSON.stringify(resolver.addDocument(source_id, summary))}\n`);
  }
  closeSync(recordsFd);
  rmSync(spill.summaries);
  const resolved = resolver.resolve();
  let clusterableSeen = 0;
  let written = 0;
  const recordLines = readLinesSync(spill.records);
  for (const line of readLinesSync(spill.rows)) {
    opts.onProgress?.({ phase: "write", done: ++written, total: documents, bytes });
    const r = JSON.parse(line) as SpilledRows;
    const records = JSON.parse(recordLines.next().value as string) as Record<string, number>;
    const id = (key: unknown) => (key === null ? null : resolved.entityId(records[key as string]!));
    for (const [name, table, keyColumns] of ENTITY_KEY_COLUMNS) {
      const rows = unpackRows(table.columns, r[name]);
      for (const row of rows) {
        for (const c of keyColumns) row[c] = id(row[c]);
        // the resolver numbered clusterable events in this same order
        if (table === events) row.cluster_id = clusterable(row as Parameters<typeof clusterable>[0]) ? resolved.clusterOfEvent(clusterableSeen++) : null;
      }
      writer.write(table, rows, r.path);
    }
  }
  if (!recordLines.next().done) throw new Error("run: the spilled records outnumber the documents");
  rmSync(spill.rows);
  rmSync(spill.records);
  writer.write(entities, resolved.entities, "(corpus)");
  writer.write(eventClusters, resolved.clusters, "(corpus)");
  writer.write(figureClaims, resolved.claims, "(corpus)");
  // the rejects table goes last: validation above may still add to it
  writer.write(rejectsTable, rejects.rows(), "(rejects)");
  writer.close();
  return { documents, rows: Object.fromEntries(writer.counts), rejects: rejects.size, bytes };
}

function defaultJobs(): number {
  return availableParallelism();
}

function manifestEntry(m: Manifest | null, relPath: string, sourceId: string, used: Set<string>): ManifestEntry | null {
  if (!m) return null;
  const byPath = m.byPath.get(relPath);
  if (byPath) {
    used.add(`path:${relPath}`);
    return byPath;
  }
  const byId = m.bySourceId.get(sourceId);
  if (byId) used.add(`id:${sourceId}`);
  return byId ?? null;
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
