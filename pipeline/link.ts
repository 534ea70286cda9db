/**
 * Shared look-ups that tie an annotation (a figure, an event) to the other
 * annotations of its clause: its time expression and who says so. Stages share
 * these through this module instead of importing each other's internals.
 */
import type { Attribution, Doc, Span, TimeExpression } from "./doc.js";

/** Characters that end a clause inside a sentence: a time expression past one belongs to another clause. */
const CLAUSE_BREAK = /[;:—–]|,\s+(?:and|but|while|whereas|although|though|as|after|before|when|which|who)\b/u;

/**
 * Dates and attributions grouped by sentence, built once per document (keyed by the
 * array itself, which stages never mutate): callers ask once per figure or event, and
 * scanning the whole document each time is quadratic on long texts.
 */
const bySentenceCache = new WeakMap<object, Map<string, unknown[]>>();

function bySentence<T extends { sentenceId: string }>(items: readonly T[]): Map<string, T[]> {
  let m = bySentenceCache.get(items) as Map<string, T[]> | undefined;
  if (!m) {
    m = new Map();
    for (const it of items) {
      const list = m.get(it.sentenceId);
      if (list) list.push(it);
      else m.set(it.sentenceId, [it]);
    }
    bySentenceCache.set(items, m as Map<string, unknown[]>);
  }
  return m;
}

function gapText(doc: Doc, a: Span, b: Span): string {
  const [left, right] = a.end <= b.start ? [a, b] : [b, a];
  if (left.end >= right.start) return "";
  return doc.index.slice(left.end, right.start);
}

/**
 * The time expression of the clause around `span`: the nearest expression in the same
 * sentence that is not separated from the span by a clause break; failing that, none.
 * Callers that want a sentence-level fallback use `timeExpressionInSentence`.
 */
export function timeExpressionForSpan(doc: Doc, span: Span, sentenceId: string): TimeExpression | null {
  let best: TimeExpression | null = null;
  let bestDistance = Infinity;
  for (const d of bySentence(doc.dates).get(sentenceId) ?? []) {
    const overlaps = d.start < span.end && span.start < d.end;
    const distance = overlaps ? 0 : d.start >= span.end ? d.start - span.end : span.start - d.end;
    if (!overlaps && CLAUSE_BREAK.test(gapText(doc, span, d))) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== null && d.start < best.start)) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

/** The first time expression with a value in the sentence, if any (the sentence-level fallback). */
export function timeExpressionInSentence(doc: Doc, sentenceId: string): TimeExpression | null {
  for (const d of bySentence(doc.dates).get(sentenceId) ?? []) if (d.value !== "") return d;
  return null;
}

/** The attribution covering `span` (same sentence, the attribution's span contains it), if any. */
export function attributionForSpan(doc: Doc, span: Span, sentenceId: string): Attribution | null {
  let best: Attribution | null = null;
  for (const a of bySentence(doc.attributions).get(sentenceId) ?? []) {
    if (a.start <= span.start && span.end <= a.end) {
      // the innermost (shortest) covering attribution wins: "X said Y told AFP"
      if (best === null || a.end - a.start < best.end - best.start) best = a;
    }
  }
  return best;
}
