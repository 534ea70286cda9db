/**
 * Cross-source figure claims: figures from different sources about the same quantity (same
 * category and unit, compatible counted group, actor and place, overlapping periods) grouped
 * so the spread between sources is one query away. Pure function over resolved rows; claim
 * ids "k1", "k2", ... in order of category, actor, place and lowest figure id.
 */
import { z } from "zod";
import type { FigureClaimRow, FigureRow } from "../../schemas/tables.js";
import { loadLexicon, word } from "../lexicon.js";
import type { PlaceRelation } from "./event-clusters.js";
import { compareText } from "../doc.js";

export type Period = { start: string | null; end: string | null };
export type ClaimOptions = {
  /** same place or one inside the other (default: the same id) */
  related?: PlaceRelation;
  /** the interval of a figure's time expression, by date_id; figures without one fit any period */
  periodOf?: (dateId: string) => Period | null;
};

/** Figures a week apart may still count the same group ("about 300 fighters remain"). */
const MAX_GAP_DAYS = 7;
const DAY_MS = 86_400_000;

const GROUP_OF: Map<string, number> = (() => {
  const m = new Map<string, number>();
  loadLexicon(import.meta.url, "counted-heads.json", z.array(word).min(1)).forEach((group, i) => {
    for (const w of group) m.set(w.toLowerCase(), i);
  });
  return m;
})();

function singular(w: string): string {
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.endsWith("men")) return `${w.slice(0, -3)}man`;
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** The counted group: a head-noun group id, the head itself, or null when nothing is counted. */
function countedGroup(counted: string | null): string | null {
  if (counted === null) return null;
  const words = counted.toLowerCase().match(/\p{L}+/gu);
  const head = words ? singular(words[words.length - 1]!) : null;
  if (head === null) return null;
  const g = GROUP_OF.get(head);
  return g === undefined ? `w:${head}` : `g:${g}`;
}

function days(p: Period | null): [number, number] | null {
  if (!p || p.start === null) return null;
  const from = Math.floor(Date.parse(`${p.start}T00:00:00Z`) / DAY_MS);
  const to = p.end === null ? from : Math.floor(Date.parse(`${p.end}T00:00:00Z`) / DAY_MS);
  return [from, to];
}

/** The fields grouping reads: the runner keeps only these in memory for a large corpus. */
export type ClaimInput = Pick<
  FigureRow,
  "figure_id" | "source_id" | "category" | "unit" | "counted" | "actor_id" | "location_id" | "date_id" | "value" | "low" | "high" | "attributed_to"
>;

type Item = { row: ClaimInput; group: string | null; period: [number, number] | null };

function compatible(a: Item, b: Item, related: PlaceRelation): boolean {
  if (a.row.unit !== b.row.unit) return false;
  if (a.group !== null && b.group !== null && a.group !== b.group) return false;
  const x = a.row.actor_id;
  const y = b.row.actor_id;
  if (x !== null && y !== null && x !== y) return false;
  const la = a.row.location_id;
  const lb = b.row.location_id;
  if (la !== null && lb !== null) {
    if (!related(la, lb)) return false;
  } else if (!(x !== null && x === y)) {
    return false; // a figure with no place only joins through a shared, named actor
  }
  if (a.period && b.period && (a.period[0] - b.period[1] > MAX_GAP_DAYS || b.period[0] - a.period[1] > MAX_GAP_DAYS)) return false;
  return true;
}

export function groupFigureClaims(rows: readonly ClaimInput[], options: ClaimOptions = {}): FigureClaimRow[] {
  const related = options.related ?? ((a: string, b: string) => a === b);
  const items: Item[] = rows
    .filter((r) => r.value !== null || r.low !== null || r.high !== null)
    .map((row) => ({ row, group: countedGroup(row.counted), period: row.date_id && options.periodOf ? days(options.periodOf(row.date_id)) : null }))
    .sort((a, b) => compareText(a.row.category, b.row.category) || compareText(a.row.figure_id, b.row.figure_id));
  // complete linkage, greedily in id order: a figure joins the first group it fits with every member
  // of, so a figure with no place cannot bridge "Old City" fighters and "Raqqa" fighters
  // groups are looked up among those of the same category and unit only (compatible()
  // requires both), so a large corpus does not compare every figure with every group
  const groups: Item[][] = [];
  const byKind = new Map<string, Item[][]>();
  for (const it of items) {
    const kind = `${it.row.category}\u0000${it.row.unit}`;
    const candidates = byKind.get(kind) ?? [];
    const home = candidates.find((g) => g.every((m) => compatible(m, it, related)));
    if (home) home.push(it);
    else {
      const g = [it];
      groups.push(g);
      candidates.push(g);
      byKind.set(kind, candidates);
    }
  }
  const claims = groups
    .filter((g) => new Set(g.map((it) => it.row.source_id)).size >= 2)
    .map((g) => [...g].sort((a, b) => compareText(a.row.figure_id, b.row.figure_id)));
  const first = (g: Item[], pick: (r: ClaimInput) => string | null) => g.map((it) => pick(it.row)).find((v) => v !== null) ?? "";
  claims.sort(
    (a, b) =>
      compareText(a[0]!.row.category, b[0]!.row.category) ||
      compareText(first(a, (r) => r.actor_id), first(b, (r) => r.actor_id)) ||
      compareText(first(a, (r) => r.location_id), first(b, (r) => r.location_id)) ||
      compareText(a[0]!.row.figure_id, b[0]!.row.figure_id),
  );
  const out: FigureClaimRow[] = [];
  claims.forEach((g, n) => {
    const claim_id = `k${n + 1}`;
    const actor = first(g, (r) => r.actor_id) || null;
    const place = first(g, (r) => r.location_id) || null;
    for (const { row } of g) {
      out.push({
        claim_id,
        figure_id: row.figure_id,
        source_id: row.source_id,
        category: row.category,
        actor_id: row.actor_id ?? actor,
        location_id: row.location_id ?? place,
        value: row.value,
        low: row.low,
        high: row.high,
        attributed_to: row.attributed_to,
      });
    }
  });
  return out;
}
