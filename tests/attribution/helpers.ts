/** Build a segmented Doc and hand-made entity mentions for attribution and events tests. */
import { attribution } from "../../pipeline/attribution/index.js";
import { createDoc } from "../../pipeline/create-doc.js";
import type { Doc, DocEntity, EntityType, Mention } from "../../pipeline/doc.js";
import { segment } from "../../pipeline/segment/index.js";
import { bodyLines } from "../helpers/body-lines.js";

/** One body line per "\n"-separated paragraph, segmented by the real segment stage. */
export function segmented(text: string, sourceId = "t"): Doc {
  const base = createDoc({ sourceId, path: `${sourceId}.txt`, text });
  return segment.run({ ...base, lines: bodyLines(base, text) }, { options: {} });
}

export type MentionSpec = { text: string; type: EntityType; subtype?: string | null; key?: string; occurrence?: number; roles?: string[] };

/** Add mentions (found by their text, n-th occurrence) and one entity per key. */
export function withMentions(doc: Doc, specs: MentionSpec[]): Doc {
  const mentions: Mention[] = [];
  const entities = new Map<string, DocEntity>();
  for (const spec of specs) {
    let at = -1;
    for (let k = 0; k < (spec.occurrence ?? 1); k++) at = doc.text.indexOf(spec.text, at + 1);
    if (at < 0) throw new Error(`mention not found: ${spec.text}`);
    const span = doc.index.span(at, at + spec.text.length);
    const sentence = doc.sentences.find((s) => s.start <= span.start && span.end <= s.end);
    if (!sentence) throw new Error(`mention outside sentences: ${spec.text}`);
    const key = spec.key ?? `${spec.type}:${spec.text.toLowerCase()}`;
    mentions.push({ ...span, id: `${doc.sourceId}-m${mentions.length + 1}`, sentenceId: sentence.id, text: spec.text, type: spec.type, subtype: spec.subtype ?? null, entityKey: key });
    if (!entities.has(key))
      entities.set(key, { key, type: spec.type, subtype: spec.subtype ?? null, name: spec.text, aliases: [spec.text], lexiconId: null, roles: spec.roles ?? [], affiliations: [] });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { ...doc, mentions, entities: [...entities.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}

/** The code-point span of the n-th occurrence of `needle`. */
export function spanOf(doc: Doc, needle: string, occurrence = 1): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k < occurrence; k++) at = doc.text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return doc.index.span(at, at + needle.length);
}

/** The attribution stage on a segmented text with hand-given mentions. */
export function runAttribution(text: string, mentions: MentionSpec[] = []): Doc {
  return attribution.run(withMentions(segmented(text), mentions), { options: {} });
}

/** The text of a code-point span. */
export function sliceOf(d: Doc, s: { start: number; end: number }): string {
  return d.index.slice(s.start, s.end);
}
