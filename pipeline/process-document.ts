/**
 * One input file → its rows, or the reason it was refused. Pure with respect to the
 * run: it reads one file and returns data, so it can run on the main thread or in a
 * worker (pipeline/workers.ts) with the same result.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { extractHtmlText } from "./clean/html.js";
import { createDoc } from "./create-doc.js";
import { StageError, type Ctx, type ManifestEntry } from "./doc.js";
import { stages } from "./index.js";
import { decodeBytes } from "./read/decode.js";
import { errorText } from "./read/list-inputs.js";
import type { ResolveSummary } from "./resolve/index.js";
import { docRows, resolveSummary } from "./rows.js";

export type DocumentTask = { absPath: string; relPath: string; sourceId: string; manifest: ManifestEntry | null; maxBytes: number };

/**
 * Default size limit for one article. A news article is 2–50 KB; a file of tens of
 * megabytes is a dump of many articles or not an article at all, and one parse
 * of it would hold the whole run. It is refused with the reason, never truncated.
 */
export const DEFAULT_MAX_BYTES = 8_000_000;

export type DocumentResult =
  /**
   * `rowsJson` is the document's DocRows as JSON: made here, in the worker, so the runner only
   * appends it to its spill file instead of copying and re-serializing every row.
   */
  | { ok: true; bytes: number; rowsJson: string; summary: ResolveSummary; extractedText: string | null }
  | { ok: false; bytes: number; stage: string; reason: string; detail: string };

const ctx: Ctx = { options: {} };

export function processDocument(task: DocumentTask): DocumentResult {
  let raw: Buffer;
  try {
    const size = statSync(task.absPath).size;
    if (size > task.maxBytes) {
      return { ok: false, bytes: 0, stage: "read", reason: "file too large", detail: `${size} bytes is more than the ${task.maxBytes}-byte limit for one article (--max-mb); split it into articles` };
    }
    raw = readFileSync(task.absPath);
  } catch (e) {
    return { ok: false, bytes: 0, stage: "read", reason: "unreadable file", detail: errorText(e) };
  }
  const bytes = raw.length;
  const decoded = decodeBytes(raw);
  if (!decoded.ok) return { ok: false, bytes, stage: "decode", reason: decoded.reason, detail: decoded.detail };
  let text = decoded.text;
  let extractedText: string | null = null;
  if (/\.html?$/i.test(task.relPath)) {
    text = extractHtmlText(text);
    if (text.trim() === "") return { ok: false, bytes, stage: "read", reason: "no article text", detail: "the HTML extractor found no readable content" };
    extractedText = text;
  }
  const sha256 = createHash("sha256").update(raw).digest("hex");
  let doc = createDoc({ sourceId: task.sourceId, path: task.relPath, text, sha256, encoding: decoded.encoding, manifest: task.manifest });
  for (const stage of stages) {
    try {
      doc = stage.run(doc, ctx);
    } catch (e) {
      if (e instanceof StageError) return { ok: false, bytes, stage: e.stage, reason: e.reason, detail: e.detail };
      return { ok: false, bytes, stage: stage.name, reason: "stage failed", detail: e instanceof Error ? e.message : String(e) };
    }
  }
  const rows = docRows(doc);
  return { ok: true, bytes, rowsJson: JSON.stringify(rows), summary: resolveSummary(doc, rows), extractedText };
}
