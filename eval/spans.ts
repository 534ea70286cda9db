/**
 * Gold annotations carry quotes, not offsets: locate them in the source text (in
 * code points, like the pipeline's offsets) and match predictions to gold items by
 * span overlap, one to one, largest overlap first (ties: earlier spans first), so
 * that one long prediction cannot match two gold items.
 */
export type Span = { start: number; end: number };

/** Code-point offsets of the n-th (1-based) appearance of `quote` in `text`, or null. */
export function locate(text: string, quote: string, occurrence = 1): Span | null {
  let from = 0;
  let at = -1;
  for (let k = 0; k < occurrence; k++) {
    at = text.indexOf(quote, from);
    if (at < 0) return null;
    from = at + 1;
  }
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...quote].length };
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** One-to-one matching by overlap; returns pairs [goldIndex, predIndex]. */
export function matchByOverlap(gold: readonly Span[], pred: readonly Span[]): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      const o = overlap(g, p);
      if (o > 0) candidates.push([o, i, j]);
    }),
  );
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, i, j] of candidates) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    pairs.push([i, j]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

export type Prf = { gold: number; pred: number; matched: number; precision: number; recall: number; f1: number };

export function prf(gold: number, pred: number, matched: number): Prf {
  const precision = pred === 0 ? (gold === 0 ? 1 : 0) : matched / pred;
  const recall = gold === 0 ? 1 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, pred, matched, precision, recall, f1 };
}

export type Accuracy = { correct: number; total: number; rate: number };
export const accuracy = (correct: number, total: number): Accuracy => ({ correct, total, rate: total === 0 ? 1 : correct / total });

/**
 * B-cubed precision/recall over items that have both a gold cluster and a
 * predicted cluster (Bagga & Baldwin 1998).
 */
export function bcubed(items: ReadonlyArray<{ gold: string; pred: string }>): { precision: number; recall: number; f1: number } {
  if (items.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const byGold = new Map<string, number>();
  const byPred = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (const it of items) {
    byGold.set(it.gold, (byGold.get(it.gold) ?? 0) + 1);
    byPred.set(it.pred, (byPred.get(it.pred) ?? 0) + 1);
    const k = `${it.gold}\u0000${it.pred}`;
    byBoth.set(k, (byBoth.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const it of items) {
    const both = byBoth.get(`${it.gold}\u0000${it.pred}`)!;
    p += both / byPred.get(it.pred)!;
    r += both / byGold.get(it.gold)!;
  }
  const precision = p / items.length;
  const recall = r / items.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
