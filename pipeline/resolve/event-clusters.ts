/**
 * Cross-source event clusters: events from different sources that report the same happening
 * (same ACLED type and sub-type, compatible actors, the same or a related place, dates within
 * a few days of each other); a cluster needs reports from at least two sources. Expected events never join: they have not happened. Pure
 * function over resolved rows (entity ids already in place); cluster ids "c1", "c2", ... in
 * order of first date, then type, place and lowest event id.
 */
import type { EventClusterRow, EventRow } from "../../schemas/tables.js";
import { compareText } from "../doc.js";

/** Reports of one happening may disagree by a day or two ("on Wednesday" / "on Thursday"). */
const MAX_GAP_DAYS = 3;
const DAY_MS = 86_400_000;
/** Only day- and week-precise reports are placed in time finely enough to be matched. */
const FINE_PRECISION = new Set(["day", "week"]);

/** Are two place ids the same place or one inside the other? Equality unless the caller knows more. */
export type PlaceRelation = (a: string, b: string) => boolean;

const sameId: PlaceRelation = (a, b) => a === b;

/**
 * A relation from entity names: two LOCATION entities are related when one's name contains the
 * other's as whole words ("Old City of Mosul" / "Mosul", "Aleppo province" / "Aleppo").
 */
export function placeRelationFromNames(entities: readonly { entity_id: string; name: string; type: string }[]): PlaceRelation {
  const names = new Map<string, string>();
  for (const e of entities) if (e.type === "LOCATION") names.set(e.entity_id, ` ${e.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `);
  return (a, b) => {
    if (a === b) return true;
    const na = names.get(a);
    const nb = names.get(b);
    if (!na || !nb) return false;
    return na.includes(nb) || nb.includes(na);
  };
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The fields clustering reads: the runner keeps only these in memory for a large corpus. */
export type ClusterInput = Pick<
  EventRow,
  "event_id" | "source_id" | "event_type" | "sub_event_type" | "actor1_id" | "location_id" | "event_date" | "event_date_end" | "date_precision" | "certainty"
>;

type Dated = { row: ClusterInput; from: number; to: number };

function compatible(a: Dated, b: Dated, related: PlaceRelation): boolean {
  if (a.from - b.to > MAX_GAP_DAYS || b.from - a.to > MAX_GAP_DAYS) return false;
  const la = a.row.location_id;
  const lb = b.row.location_id;
  if (la === null || lb === null || !related(la, lb)) return false;
  const x = a.row.actor1_id;
  const y = b.row.actor1_id;
  return x === null || y === null || x === y;
}

/** The most frequent non-null value, the smallest on ties. */
function mode(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of [...counts].sort((p, q) => compareText(p[0], q[0]))) if (n > bestN) [best, bestN] = [v, n];
  return best;
}

export function clusterEvents(rows: readonly ClusterInput[], related: PlaceRelation = sameId): { clusters: EventClusterRow[]; clusterOf: Map<string, string> } {
  const dated: Dated[] = [];
  for (const row of rows) {
    if (row.certainty === "expected" || row.event_date === null || !FINE_PRECISION.has(row.date_precision ?? "")) continue;
    const from = dayNumber(row.event_date);
    dated.push({ row, from, to: row.event_date_end ? dayNumber(row.event_date_end) : from });
  }
  dated.sort((a, b) => compareText(a.row.event_type, b.row.event_type) || compareText(a.row.sub_event_type, b.row.sub_event_type) || a.from - b.from || compareText(a.row.event_id, b.row.event_id));
  // complete linkage, greedily in date order: a report joins the first open group it fits with every
  // member of, so reports cannot chain across weeks or across places through a vague middle report
  const groups: Dated[][] = [];
  let open: Dated[][] = [];
  for (const d of dated) {
    open = open.filter((g) => g[0]!.row.event_type === d.row.event_type && g[0]!.row.sub_event_type === d.row.sub_event_type && g.some((m) => d.from - m.to <= MAX_GAP_DAYS));
    const home = open.find((g) => g.every((m) => compatible(m, d, related)));
    if (home) home.push(d);
    else {
      const g = [d];
      groups.push(g);
      open.push(g);
    }
  }
  const kept = groups.filter((g) => new Set(g.map((d) => d.row.source_id)).size >= 2);
  const drafts = kept.map((g) => {
    const members = [...g].sort((a, b) => compareText(a.row.event_id, b.row.event_id));
    const days = [...new Set(members.map((d) => d.row.event_date!))].sort();
    return {
      members,
      row: {
        event_type: members[0]!.row.event_type,
        sub_event_type: members[0]!.row.sub_event_type,
        location_id: mode(members.map((d) => d.row.location_id)),
        actor1_id: mode(members.map((d) => d.row.actor1_id)),
        first_date: days[0] ?? null,
        last_date: days[days.length - 1] ?? null,
        reports: members.length,
        sources: new Set(members.map((d) => d.row.source_id)).size,
        date_disagreement: days.length > 1,
      },
    };
  });
  drafts.sort(
    (a, b) =>
      compareText((a.row.first_date ?? ""), b.row.first_date ?? "") ||
      compareText(a.row.event_type, b.row.event_type) ||
      compareText(a.row.sub_event_type, b.row.sub_event_type) ||
      compareText((a.row.location_id ?? ""), b.row.location_id ?? "") ||
      compareText(a.members[0]!.row.event_id, b.members[0]!.row.event_id),
  );
  const clusters: EventClusterRow[] = [];
  const clusterOf = new Map<string, string>();
  drafts.forEach((d, n) => {
    const cluster_id = `c${n + 1}`;
    clusters.push({ cluster_id, ...d.row });
    for (const m of d.members) clusterOf.set(m.row.event_id, cluster_id);
  });
  return { clusters, clusterOf };
}
