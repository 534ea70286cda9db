/**
 * Cross-source event clusters: events from different sources that report the same happening
 * (same ACLED type and sub-type, compatible actors, the same or a related place, dates within
 * a few days of each other); a cluster needs reports from at least two sources. Expected
 * events never join: they have not happened. Cluster ids "c1", "c2", ... in order of first
 * date, then type, place and lowest event id.
 *
 * EventClusterer keeps only the events that can cluster, as typed-array columns (a few bytes
 * each), while documents stream past; clusterEvents() is the same over rows, for tests and
 * small runs.
 */
import type { EventClusterRow, EventRow } from "../../schemas/tables.js";
import { compareText } from "../doc.js";
import { addToList, CodeColumn, dayNumber, IntColumn, Interner } from "./compact.js";
import { listedIds, type ItemIds } from "./ids.js";

/** Reports of one happening may disagree by a day or two ("on Wednesday" / "on Thursday"). */
const MAX_GAP_DAYS = 3;
/** Only day- and week-precise reports are placed in time finely enough to be matched. */
const FINE_PRECISION = new Set(["day", "week"]);

/** Are two place ids the same place or one inside the other? Equality unless the caller knows more. */
export type PlaceRelation = (a: string, b: string) => boolean;

const sameId: PlaceRelation = (a, b) => a === b;

type NamedEntity = { entity_id: string; name: string; type: string };

/**
 * A relation from entity names: two LOCATION entities are related when one's name contains the
 * other's as whole words ("Old City of Mosul" / "Mosul", "Aleppo province" / "Aleppo").
 */
export function placeRelationFromNames(entities: readonly NamedEntity[]): PlaceRelation {
  const at = new Map(entities.map((e, i) => [e.entity_id, i]));
  const { related } = placesByName(entities);
  return (a, b) => {
    if (a === b) return true;
    const i = at.get(a);
    const j = at.get(b);
    return i !== undefined && j !== undefined && related(i, j);
  };
}

/**
 * The same relation over positions in `entities`, and for each entity every entity related
 * to it, itself included, each once, in entity order: found through the names' words instead
 * of by trying every place (a name inside this one starts with one of this name's words; a
 * name around this one holds this name's first word), once per entity.
 */
export function placesByName(entities: readonly NamedEntity[]): { related(a: number, b: number): boolean; relatedTo(entity: number): readonly number[] } {
  // LOCATION names as compared: lower case, words between single spaces, a space at each end
  const names = entities.map((e) => (e.type === "LOCATION" ? ` ${e.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} ` : null));
  const nested = (a: string, b: string) => a.includes(b) || b.includes(a);
  const wordsOf = (name: string) => name.trim().split(" ").filter((w) => w !== "");
  const byWord = new Map<string, number[]>();
  const byFirstWord = new Map<string, number[]>();
  const wordless: number[] = [];
  names.forEach((name, i) => {
    if (name === null) return;
    const words = wordsOf(name);
    if (words.length === 0) wordless.push(i);
    else addToList(byFirstWord, words[0]!, i);
    for (const w of new Set(words)) addToList(byWord, w, i);
  });
  const memo = new Map<number, readonly number[]>();
  return {
    related: (a, b) => {
      const na = names[a];
      const nb = names[b];
      return na != null && nb != null && nested(na, nb);
    },
    relatedTo: (e) => {
      const known = memo.get(e);
      if (known) return known;
      const name = names[e];
      let out: number[];
      if (name == null) out = [e];
      else {
        const words = wordsOf(name);
        const candidates = new Set(words.length === 0 ? wordless : byWord.get(words[0]!));
        for (const w of words) for (const c of byFirstWord.get(w) ?? []) candidates.add(c);
        out = [...candidates].filter((c) => nested(names[c]!, name)).sort((a, b) => a - b);
      }
      memo.set(e, out);
      return out;
    },
  };
}

/** The fields clustering reads of an event row. */
export type ClusterInput = Pick<
  EventRow,
  "event_id" | "source_id" | "event_type" | "sub_event_type" | "actor1_id" | "location_id" | "event_date" | "event_date_end" | "date_precision" | "certainty"
>;

/** Can this event join a cluster at all? The runner asks again when it writes the rows, to find each event's cluster. */
export function clusterable(e: Pick<EventRow, "certainty" | "event_date" | "date_precision">): boolean {
  return e.certainty !== "expected" && e.event_date !== null && FINE_PRECISION.has(e.date_precision ?? "");
}

/** How entity references become ids at clustering time (the runner resolves entities only at the end). */
export type EntityView = {
  /** the entity a stored reference stands for (any integer id) */
  entityOf(ref: number): number;
  entityId(entity: number): string;
  /** same place or one inside the other */
  related(a: number, b: number): boolean;
  /** every entity `related` to this one, itself included, each once; without it, callers try the places they know */
  relatedPlaces?(entity: number): readonly number[];
};

/** The most frequent entity, the smallest id on ties; null when none. */
function mode(entities: readonly number[], view: EntityView): string | null {
  const counts = new Map<string, number>();
  for (const e of entities) if (e >= 0) counts.set(view.entityId(e), (counts.get(view.entityId(e)) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of [...counts].sort((p, q) => compareText(p[0], q[0]))) if (n > bestN) [best, bestN] = [v, n];
  return best;
}

/** Each distinct value's position in compareText order. */
function ranks(values: readonly string[]): Int32Array {
  const order = values.map((_, i) => i).sort((a, b) => compareText(values[a]!, values[b]!));
  const rank = new Int32Array(values.length);
  order.forEach((v, r) => (rank[v] = r));
  return rank;
}

export class EventClusterer {
  private readonly types = new Interner();
  private readonly subTypes = new Interner();
  private readonly dates = new Interner();
  private readonly col = {
    source: new IntColumn(),
    local: new IntColumn(),
    type: new CodeColumn(),
    subType: new CodeColumn(),
    actor: new IntColumn(),
    place: new IntColumn(),
    date: new IntColumn(),
    from: new IntColumn(),
    to: new IntColumn(),
  };

  get size(): number {
    return this.col.source.length;
  }

  /**
   * Adds one clusterable event (see clusterable()); returns its number, in order of adding.
   * `source` numbers the source, `local` is any number the caller's eventId() understands,
   * `actor` and `place` are entity references (-1 for none).
   */
  add(source: number, local: number, e: Pick<EventRow, "event_type" | "sub_event_type" | "event_date" | "event_date_end">, actor: number, place: number): number {
    const c = this.col;
    const from = dayNumber(e.event_date!);
    c.source.push(source);
    c.local.push(local);
    c.type.push(this.types.id(e.event_type));
    c.subType.push(this.subTypes.id(e.sub_event_type));
    c.actor.push(actor);
    c.place.push(place);
    c.date.push(this.dates.id(e.event_date));
    c.from.push(from);
    return c.to.push(e.event_date_end ? dayNumber(e.event_date_end) : from);
  }

  /** Clusters, and for every added event its cluster's position in `clusters` (-1 for none). */
  cluster(view: EntityView, ids: ItemIds): { clusters: EventClusterRow[]; clusterOf: Int32Array } {
    const c = this.col;
    const n = this.size;
    const actor = Int32Array.from({ length: n }, (_, i) => (c.actor.get(i) < 0 ? -1 : view.entityOf(c.actor.get(i))));
    const place = Int32Array.from({ length: n }, (_, i) => (c.place.get(i) < 0 ? -1 : view.entityOf(c.place.get(i))));
    const byId = (a: number, b: number) => ids.compare(c.source.get(a), c.local.get(a), c.source.get(b), c.local.get(b));
    const typeRank = ranks(this.types.values);
    const subRank = ranks(this.subTypes.values);
    const order = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        typeRank[c.type.get(a)]! - typeRank[c.type.get(b)]! ||
        subRank[c.subType.get(a)]! - subRank[c.subType.get(b)]! ||
        c.from.get(a) - c.from.get(b) ||
        byId(a, b),
    );
    const compatible = (a: number, b: number): boolean => {
      if (c.from.get(a) - c.to.get(b) > MAX_GAP_DAYS || c.from.get(b) - c.to.get(a) > MAX_GAP_DAYS) return false;
      const la = place[a]!;
      const lb = place[b]!;
      if (la < 0 || lb < 0 || !view.related(la, lb)) return false;
      return actor[a]! < 0 || actor[b]! < 0 || actor[a] === actor[b];
    };
    const sources = (g: readonly number[]) => new Set(g.map((i) => c.source.get(i))).size;
    // complete linkage, greedily in date order: a report joins the first open group it fits with every
    // member of, so reports cannot chain across weeks or across places through a vague middle report.
    // A group that can take no more reports is kept only if two sources report it.
    // (plain loops, not some() and find(): a closure per open group per report made 1.6 GB of
    // garbage on the 500 MB summaries, where a few days of one event type hold many open groups)
    const kept: number[][] = [];
    const open: number[][] = [];
    const reaches = (g: readonly number[], d: number): boolean => {
      for (const m of g) if (c.from.get(d) - c.to.get(m) <= MAX_GAP_DAYS) return true;
      return false;
    };
    const fitsAll = (g: readonly number[], d: number): boolean => {
      for (const m of g) if (!compatible(m, d)) return false;
      return true;
    };
    for (const d of order) {
      // the groups still open move to the front, in order; the array is reused, not remade per report
      let stillOpen = 0;
      for (let k = 0; k < open.length; k++) {
        const g = open[k]!;
        const same = c.type.get(g[0]!) === c.type.get(d) && c.subType.get(g[0]!) === c.subType.get(d);
        if (same && reaches(g, d)) open[stillOpen++] = g;
        else if (sources(g) >= 2) kept.push(g);
      }
      open.length = stillOpen;
      let home: number[] | undefined;
      for (let k = 0; k < open.length && !home; k++) if (fitsAll(open[k]!, d)) home = open[k];
      if (home) home.push(d);
      else open.push([d]);
    }
    for (const g of open) if (sources(g) >= 2) kept.push(g);

    // a kept group is sorted in place and becomes its row at once (cluster_id set once the rows
    // are ordered), its first member standing for its first id: no copy of each group, id
    // string or second object per cluster, all held at once at resolve's peak
    const drafts = kept.map((g) => {
      const members = g.sort(byId);
      const days = [...new Set(members.map((i) => this.dates.value(c.date.get(i))!))].sort();
      const row: EventClusterRow = {
        cluster_id: "",
        event_type: this.types.value(c.type.get(members[0]!))!,
        sub_event_type: this.subTypes.value(c.subType.get(members[0]!))!,
        location_id: mode(members.map((i) => place[i]!), view),
        actor1_id: mode(members.map((i) => actor[i]!), view),
        first_date: days[0] ?? null,
        last_date: days[days.length - 1] ?? null,
        reports: members.length,
        sources: sources(members),
        date_disagreement: days.length > 1,
      };
      return { members, row };
    });
    drafts.sort(
      (a, b) =>
        compareText(a.row.first_date ?? "", b.row.first_date ?? "") ||
        compareText(a.row.event_type, b.row.event_type) ||
        compareText(a.row.sub_event_type, b.row.sub_event_type) ||
        compareText(a.row.location_id ?? "", b.row.location_id ?? "") ||
        byId(a.members[0]!, b.members[0]!),
    );
    const clusterOf = new Int32Array(n).fill(-1);
    const clusters = drafts.map((d, k) => {
      for (const m of d.members) clusterOf[m] = k;
      d.row.cluster_id = `c${k + 1}`;
      return d.row;
    });
    return { clusters, clusterOf };
  }
}

/** Clusters over event rows whose entity ids are already corpus-wide; cluster_id by event_id. */
export function clusterEvents(rows: readonly ClusterInput[], related: PlaceRelation = sameId): { clusters: EventClusterRow[]; clusterOf: Map<string, string> } {
  const clusterer = new EventClusterer();
  const entities = new Interner();
  const sources = new Interner();
  const eventIds: string[] = [];
  for (const row of rows) {
    if (!clusterable(row)) continue;
    clusterer.add(sources.id(row.source_id), eventIds.push(row.event_id) - 1, row, entities.id(row.actor1_id), entities.id(row.location_id));
  }
  const view: EntityView = { entityOf: (ref) => ref, entityId: (e) => entities.value(e)!, related: (a, b) => related(entities.value(a)!, entities.value(b)!) };
  const { clusters, clusterOf } = clusterer.cluster(view, listedIds(eventIds));
  const byEvent = new Map<string, string>();
  clusterOf.forEach((k, i) => {
    if (k >= 0) byEvent.set(eventIds[i]!, clusters[k]!.cluster_id);
  });
  return { clusters, clusterOf: byEvent };
}
