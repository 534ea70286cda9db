/**
 * Cross-source event clusters: events from different sources that report the same happening
 * (same ACLED type and sub-type, compatible actors, the same or a related place, dates within
 * a few days of each other); a cluster needs reports from at least two sources. Expected
 * events never join: they have not happened. Cluster ids "c1", "c2", ... in order of first
 * date, then type, place and lowest event id.
 *
 * EventClusterer keeps only the events that can cluster, as fixed-size records by type and
 * sub-type (on disk when given a folder: partitions.ts), while documents stream past, and
 * clusters them a kind at a time; clusterEvents() is the same over rows, for tests and small
 * runs.
 */
import type { EventClusterRow, EventRow } from "../../schemas/tables.js";
import { compareText } from "../doc.js";
import { FNV_OFFSET, fnvOn } from "../fnv.js";
import { dayNumber, Interner, Postings } from "./compact.js";
import { PartitionedRecords, type RecordBlock } from "./partitions.js";
import { listedIds, type ItemIds } from "./ids.js";

/** Reports of one happening may disagree by a day or two ("on Wednesday" / "on Thursday"). */
const MAX_GAP_DAYS = 3;
/** Only day- and week-precise reports are placed in time finely enough to be matched. */
const FINE_PRECISION = new Set(["day", "week"]);

/** Are two place ids the same place or one inside the other? Equality unless the caller knows more. */
export type PlaceRelation = (a: string, b: string) => boolean;

const sameId: PlaceRelation = (a, b) => a === b;

type NamedEntity = { entity_id: string; name: string; type: string };

/** Each entity's name and type by its number: resolve's EntityTable, or rows through entityNames(). */
export type EntityNames = { readonly length: number; name(e: number): string; type(e: number): string };

export function entityNames(rows: readonly Omit<NamedEntity, "entity_id">[]): EntityNames {
  return { length: rows.length, name: (e) => rows[e]!.name, type: (e) => rows[e]!.type };
}

/**
 * A relation from entity names: two LOCATION entities are related when one's name contains the
 * other's as whole words ("Old City of Mosul" / "Mosul", "Aleppo province" / "Aleppo").
 */
export function placeRelationFromNames(entities: readonly NamedEntity[]): PlaceRelation {
  const at = new Map(entities.map((e, i) => [e.entity_id, i]));
  const { related } = placesByName(entityNames(entities));
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
 * of by trying every place, once per entity. A name inside this one is a run of this name's
 * words, looked up whole; a name around this one holds every word of this one, so it is
 * among the names holding its rarest word. (Taking the names that start with any of its words
 * and those that hold its first word made it quadratic in names sharing a common word: on a
 * corpus of 414,000 made-up names relatedTo was 22% of resolve's time, and resolve alone took
 * 22.8–23.1 s against 16.3–16.5 s.)
 */
export function placesByName(entities: EntityNames): { related(a: number, b: number): boolean; relatedTo(entity: number): readonly number[] } {
  // LOCATION names as compared: lower case, words between single spaces, a space at each end
  const names = Array.from({ length: entities.length }, (_, e) =>
    entities.type(e) === "LOCATION" ? ` ${entities.name(e).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} ` : null,
  );
  const nested = (a: string, b: string) => a.includes(b) || b.includes(a);
  const wordsOf = (name: string) => name.trim().split(" ").filter((w) => w !== "");
  // Words and names are looked up by a 32-bit hash (fnv.ts), each with the one place holding it
  // or a list of them: every candidate they give is checked against the names themselves
  // (nested), so a hash shared by two words only adds candidates that check drops. As a list
  // under each word's and each name's text, these indexes took 69 MB for 775,024 entities of
  // made-up names, the largest part of resolve's peak.
  const byWord = new Postings();
  const byName = new Postings();
  const wordless: number[] = [];
  names.forEach((name, i) => {
    if (name === null) return;
    const words = wordsOf(name);
    if (words.length === 0) wordless.push(i);
    else byName.add(fnvOn(FNV_OFFSET, name), i);
    for (const w of new Set(words)) byWord.add(fnvOn(FNV_OFFSET, w), i);
  });
  /** The names holding every word of `words`: those holding the one fewest names hold. */
  const around = (words: readonly string[]): readonly number[] =>
    words.map((w) => byWord.get(fnvOn(FNV_OFFSET, w))).reduce((fewest, holders) => (holders.length < fewest.length ? holders : fewest));
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
        const candidates = new Set(words.length === 0 ? wordless : around(words));
        // every run of words, looked up as a name
        for (let i = 0; i < words.length; i++) {
          for (let j = i + 1; j <= words.length; j++) for (const c of byName.get(fnvOn(FNV_OFFSET, ` ${words.slice(i, j).join(" ")} `))) candidates.add(c);
        }
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

/** The entity of each of n items' references (`refAt(i)`, -1 for none), as the view resolves them. */
export function entitiesOf(view: EntityView, n: number, refAt: (i: number) => number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => {
    const ref = refAt(i);
    return ref < 0 ? -1 : view.entityOf(ref);
  });
}

/** The most frequent entity, the smallest id on ties; null when none. */
function mode(entities: readonly number[], view: EntityView): string | null {
  const counts = new Map<string, number>();
  for (const e of entities) if (e >= 0) counts.set(view.entityId(e), (counts.get(view.entityId(e)) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of [...counts].sort((p, q) => compareText(p[0], q[0]))) if (n > bestN) [best, bestN] = [v, n];
  return best;
}

/**
 * A clusterable event as EventClusterer keeps it until it clusters: 8 slots of 4 bytes
 * (partitions.ts), in a partition per (event type, sub-event type).
 */
const SLOTS = 8;
const SLOT = { number: 0, source: 1, local: 2, actor: 3, place: 4, date: 5, from: 6, to: 7 } as const;

export class EventClusterer {
  private readonly types = new Interner();
  private readonly subTypes = new Interner();
  private readonly dates = new Interner();
  /** "type\0sub-type" → partition number; and each partition's type and sub-type */
  private readonly kinds = new Interner();
  private readonly kindOf: { type: number; subType: number }[] = [];
  /**
   * The events, a partition per (type, sub-type): only events of one kind can cluster, so
   * they are clustered a kind at a time, from disk when given a folder. As columns in memory
   * (~36 bytes an event, ~1M clusterable events on the 1 GB bench corpus) they were held
   * through the whole entity pass and clustered all at once.
   */
  private readonly events: PartitionedRecords;
  private count = 0;

  /** `spillDir`: a folder where the events wait on disk until they are clustered (none: in memory). */
  constructor(spillDir: string | null = null) {
    this.events = new PartitionedRecords(SLOTS, spillDir, "events");
  }

  get size(): number {
    return this.count;
  }

  /**
   * Adds one clusterable event (see clusterable()); returns its number, in order of adding.
   * `source` numbers the source, `local` is any number the caller's eventId() understands,
   * `actor` and `place` are entity references (-1 for none).
   */
  add(source: number, local: number, e: Pick<EventRow, "event_type" | "sub_event_type" | "event_date" | "event_date_end">, actor: number, place: number): number {
    const type = this.types.id(e.event_type);
    const subType = this.subTypes.id(e.sub_event_type);
    const kind = this.kinds.id(`${type}\u0000${subType}`);
    if (kind === this.kindOf.length) this.kindOf.push({ type, subType });
    const { block, at } = this.events.append(kind);
    const ints = block.ints;
    const from = dayNumber(e.event_date!);
    ints[at + SLOT.number] = this.count;
    ints[at + SLOT.source] = source;
    ints[at + SLOT.local] = local;
    ints[at + SLOT.actor] = actor;
    ints[at + SLOT.place] = place;
    ints[at + SLOT.date] = this.dates.id(e.event_date);
    ints[at + SLOT.from] = from;
    ints[at + SLOT.to] = e.event_date_end ? dayNumber(e.event_date_end) : from;
    return this.count++;
  }

  /** Clusters, and for every added event its cluster's position in `clusters` (-1 for none). Runs once: the events are let go as they are read. */
  cluster(view: EntityView, ids: ItemIds): { clusters: EventClusterRow[]; clusterOf: Int32Array } {
    // each kind's kept groups become drafts at once, as event numbers; the events themselves go with their kind
    const drafts: { members: Int32Array; first: { source: number; local: number }; row: EventClusterRow }[] = [];
    for (const kind of this.events.partitions) {
      const { type, subType } = this.kindOf[kind]!;
      for (const draft of this.clusterKind(this.events.take(kind), view, ids)) {
        draft.row.event_type = this.types.value(type)!;
        draft.row.sub_event_type = this.subTypes.value(subType)!;
        drafts.push(draft);
      }
    }
    drafts.sort(
      (a, b) =>
        compareText(a.row.first_date ?? "", b.row.first_date ?? "") ||
        compareText(a.row.event_type, b.row.event_type) ||
        compareText(a.row.sub_event_type, b.row.sub_event_type) ||
        compareText(a.row.location_id ?? "", b.row.location_id ?? "") ||
        ids.compare(a.first.source, a.first.local, b.first.source, b.first.local),
    );
    const clusterOf = new Int32Array(this.count).fill(-1);
    const clusters = drafts.map((d, k) => {
      for (const m of d.members) clusterOf[m] = k;
      d.row.cluster_id = `c${k + 1}`;
      return d.row;
    });
    return { clusters, clusterOf };
  }

  /** The clusters of one kind's events (event_type and sub_event_type left for the caller), members as event numbers. */
  private clusterKind(block: RecordBlock, view: EntityView, ids: ItemIds): { members: Int32Array; first: { source: number; local: number }; row: EventClusterRow }[] {
    const n = block.count;
    const ints = block.ints;
    const get = (i: number, slot: number): number => ints[i * SLOTS + slot]!;
    const actor = entitiesOf(view, n, (i) => get(i, SLOT.actor));
    const place = entitiesOf(view, n, (i) => get(i, SLOT.place));
    const from = (i: number) => get(i, SLOT.from);
    const to = (i: number) => get(i, SLOT.to);
    const source = (i: number) => get(i, SLOT.source);
    const byId = (a: number, b: number) => ids.compare(source(a), get(a, SLOT.local), source(b), get(b, SLOT.local));
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => from(a) - from(b) || byId(a, b));
    const compatible = (a: number, b: number): boolean => {
      if (from(a) - to(b) > MAX_GAP_DAYS || from(b) - to(a) > MAX_GAP_DAYS) return false;
      const la = place[a]!;
      const lb = place[b]!;
      if (la < 0 || lb < 0 || !view.related(la, lb)) return false;
      return actor[a]! < 0 || actor[b]! < 0 || actor[a] === actor[b];
    };
    const sources = (g: readonly number[]) => new Set(g.map(source)).size;
    // complete linkage, greedily in date order: a report joins the first open group it fits with every
    // member of, so reports cannot chain across weeks or across places through a vague middle report.
    // A group that can take no more reports is kept only if two sources report it.
    // (plain loops, not some() and find(): a closure per open group per report made 1.6 GB of
    // garbage on the 500 MB summaries, where a few days of one event type hold many open groups)
    const kept: number[][] = [];
    const open: number[][] = [];
    const reaches = (g: readonly number[], d: number): boolean => {
      for (const m of g) if (from(d) - to(m) <= MAX_GAP_DAYS) return true;
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
        if (reaches(g, d)) open[stillOpen++] = g;
        else if (sources(g) >= 2) kept.push(g);
      }
      open.length = stillOpen;
      let home: number[] | undefined;
      for (let k = 0; k < open.length && !home; k++) if (fitsAll(open[k]!, d)) home = open[k];
      if (home) home.push(d);
      else open.push([d]);
    }
    for (const g of open) if (sources(g) >= 2) kept.push(g);

    // a kept group is sorted in place and becomes its row at once (types, and cluster_id once the
    // rows are ordered, set by the caller), its first member standing for its first id
    return kept.map((g) => {
      const members = g.sort(byId);
      const days = [...new Set(members.map((i) => this.dates.value(get(i, SLOT.date))!))].sort();
      const row: EventClusterRow = {
        cluster_id: "",
        event_type: "",
        sub_event_type: "",
        location_id: mode(members.map((i) => place[i]!), view),
        actor1_id: mode(members.map((i) => actor[i]!), view),
        first_date: days[0] ?? null,
        last_date: days[days.length - 1] ?? null,
        reports: members.length,
        sources: sources(members),
        date_disagreement: days.length > 1,
      };
      return { members: Int32Array.from(members, (i) => get(i, SLOT.number)), first: { source: source(members[0]!), local: get(members[0]!, SLOT.local) }, row };
    });
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
