/**
 * What the runner sends to a worker and gets back, and the size limit: kept apart from
 * process-document.ts so the runner can name them without loading the stages (and their
 * models) on the main thread, where workers do that work.
 */
import type { ManifestEntry } from "./doc.js";
import type { DocRows } from "./rows.js";
import type { SpilledTableName } from "./write/spilled-tables.js";

export type DocumentTask = { absPath: string; relPath: string; sourceId: string; manifest: ManifestEntry | null; maxBytes: number };

/**
 * Default size limit for one article. A news article is 2–50 KB; a file of tens of
 * megabytes is a dump of many articles or not an article at all, and one parse
 * of it would hold the whole run. It is refused with the reason, never truncated.
 */
export const DEFAULT_MAX_BYTES = 8_000_000;

/** The rows that name no entity: final once the document is processed (write/final-tables.ts). */
export type FinalRows = Pick<DocRows, "path" | "source" | "boilerplate" | "sentences" | "dates">;
/** The rows that name entities by document-local keys: they wait for resolve, on disk (write/spilled-tables.ts). */
export type PendingRows = Pick<DocRows, "path" | "mentions" | "figures" | "events">;

export type DocumentResult =
  /**
   * `finalLine` is FinalRows as one line of the final spill (write/final-tables.ts): the
   * rows cross to the main thread as one string, which costs less than structured cloning
   * them object by object (measured on 10 MB, 3 runs each: ~3% less wall and CPU time).
   * JSON writes NaN as null and drops undefined cells; those tables have no nullable number,
   * so validation refuses such a row either way.
   * `spillLines` are PendingRows as one spill line per table (write/spilled-tables.ts) and
   * `summaryLine` the document's ResolveSummary as a line of the summaries spill
   * (resolve/summary-codec.ts): made here, in the worker, so the
   * runner only appends them to its spill files instead of copying and re-serializing
   * every row. Resolve reads the summaries back after the workers are gone (run.ts says why).
   */
  | { ok: true; bytes: number; finalLine: string; spillLines: Record<SpilledTableName, string>; summaryLine: string; extractedText: string | null }
  | { ok: false; bytes: number; stage: string; reason: string; detail: string };
