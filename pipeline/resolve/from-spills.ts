/**
 * Phase 2's first step (run.ts): resolve the corpus from the documents' summaries that phase 1
 * spilled, and write the three tables resolve makes (entities, event clusters, figure claims).
 *
 * A run with worker threads does this in a worker of its own (the "resolve" job of
 * workers/table-jobs.ts), gone before the other tables are written: resolve's working sets
 * grow with the corpus, and V8 keeps a thread's heap at its high-water mark, so on the main
 * thread they stayed in the run's memory beside both table-writing threads (resolve alone on
 * 200 MB of summaries: the main thread's RSS 43 → 99 MiB and stayed there; in a worker, back
 * to 65 once it exited). What the tables written after it need crosses back: each entity
 * document's entity ids (a file, read a document at a time: write/spilled-tables.ts) and each
 * clusterable event's cluster (`ResolvedIds`). The ids used to cross as a list, an id per entity
 * record, in the worker's answer: on 100 MB of made-up names (440,671 records), its copy in the
 * message and the main thread's beside the worker's whole heap put the run at its peak (RSS 250
 * → 285 MiB within 130 ms, sampled every 10 ms, then 123 once the worker had exited), and the
 * main thread and the table worker each held the list while they wrote.
 */
import { dirname } from "node:path";
import { entities, eventClusters, figureClaims } from "../../schemas/tables.js";
import type { AnyTable } from "../write/table-output.js";
import { readLinesSync, writeLinesSync } from "../write/read-lines.js";
import { entityIdsLine, readRecordLines, recordsLine } from "../write/spilled-tables.js";
import { CorpusResolver, type Resolved } from "./index.js";
import { readSummaryLine } from "./summary-codec.js";

/** Each table resolve makes with its rows, in the order they are written. */
function corpusTables(resolved: Pick<Resolved, "entities" | "clusters" | "claims">): [AnyTable, Iterable<unknown>][] {
  return [
    [entities as AnyTable, resolved.entities],
    [eventClusters as AnyTable, resolved.clusters],
    [figureClaims as AnyTable, resolved.claims],
  ];
}
// (their names: the same list, without rows)
export const CORPUS_TABLE_NAMES: readonly string[] = corpusTables({ entities: [], clusters: [], claims: [] }).map(([t]) => t.name);

/** What the mentions, figures and events tables need of resolve, as plain data (it crosses threads). */
export type ResolvedIds = {
  /** a file of each document's entity ids, a line per document (write/spilled-tables.ts entityIdsLine) */
  entityIdsPath: string;
  /** the cluster number (index into clusterIds) of the k-th clusterable event, or -1 */
  clusterOf: Int32Array;
  clusterIds: string[];
};

/**
 * Reads the documents' summaries into the resolver and resolves the corpus; writes the
 * entity record of each of a document's summary entities as one line of `recordsPath`,
 * read back beside its rows (on disk, not in memory, like the rows), and once by resolve,
 * which counts each entity's sources from them. The resolver lives only in here: once
 * resolved, what it kept can go.
 */
export function resolveCorpus(summariesPath: string, recordsPath: string): Resolved {
  // the events and figures wait beside the records, in the run's temporary folder
  const resolver = new CorpusResolver({ spillDir: dirname(recordsPath) });
  writeLinesSync(
    recordsPath,
    map(readLinesSync(summariesPath), (line) => {
      const { sourceId, summary } = readSummaryLine(line);
      return recordsLine(resolver.addDocument(sourceId, summary));
    }),
  );
  return resolver.resolve(readRecordLines(recordsPath));
}

/**
 * Writes the corpus tables with `writeAll` (one table's rows, as they are read), and the line of
 * entity ids of each document of the records file to `paths.entityIds`; returns only what the
 * other tables need: while those are written, the rest of the resolver's memory, the part that
 * grows with the corpus, can be collected.
 */
export function writeCorpusTables(resolved: Resolved, writeAll: (table: AnyTable, rows: Iterable<unknown>) => void, paths: { records: string; entityIds: string }): ResolvedIds {
  for (const [table, rows] of corpusTables(resolved)) writeAll(table, rows);
  const { entityIds } = resolved;
  writeLinesSync(
    paths.entityIds,
    map(readRecordLines(paths.records), (records) => entityIdsLine(records.map((r) => entityIds[r]!))),
  );
  return { entityIdsPath: paths.entityIds, clusterOf: resolved.clusterOf, clusterIds: resolved.clusters.map((c) => c.cluster_id) };
}

/** Each of `items` through `f`, as they are read. */
function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/**
 * The cluster_id of the k-th clusterable event, or null: a closure over the two arrays alone,
 * so that it holds nothing else of resolve while the runner writes events.
 */
export function clusterOfEvent({ clusterOf, clusterIds }: Pick<ResolvedIds, "clusterOf" | "clusterIds">): (k: number) => string | null {
  return (k) => (clusterOf[k]! >= 0 ? clusterIds[clusterOf[k]!]! : null);
}
