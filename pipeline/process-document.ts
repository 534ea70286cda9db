/**
 * One input file → its rows, or the reason it was refused. Pure with respect to the
 * run: it reads one file and returns data, so it can run on the main thread or in a
 * worker (pipeline/workers/) with the same result.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { extractHtmlText } from "./clean/html.js";
import { createDoc } from "./create-doc.js";
import { StageError, type Ctx } from "./doc.js";
import { stages } from "./index.js";
import { decodeBytes } from "./read/decode.js";
import { errorText } from "./read/list-inputs.js";
import { docRows, resolveSummary } from "./rows.js";
import { summaryLine } from "./resolve/summary-codec.js";
import type { DocumentResult, DocumentTask } from "./document-task.js";
import { finalSpillLine } from "./write/final-tables.js";
import { packRows } from "./write/packed-rows.js";
import { entityPositions, SPILLED_TABLES, spillLine, type SpilledTableName } from "./write/spilled-tables.js";

export type { DocumentResult, DocumentTask } from "./document-task.js";

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
  const { path, source, boilerplate, sentences, dates } = rows;
  const summary = resolveSummary(doc, rows);
  // spilled rows name their entities by position in the summary (spilled-tables.ts says why)
  const positionOf = new Map(summary.entities.map((e, i) => [e.key, i]));
  const spillLines = Object.fromEntries(
    SPILLED_TABLES.map(({ name, table, keyColumns }) => {
      entityPositions(keyColumns, rows[name], positionOf);
      return [name, spillLine(path, packRows(table.columns, rows[name]))];
    }),
  ) as Record<SpilledTableName, string>;
  return { ok: true, bytes, finalLine: finalSpillLine({ path, source, boilerplate, sentences, dates }), spillLines, summaryLine: summaryLine(task.sourceId, summary), extractedText };
}
