/**
 * resolve: the cross-document stage. Entities from every document merge into
 * corpus-wide entities; events reporting the same happening form clusters;
 * figures about the same quantity form claims.
 *
 * Documents are added one by one as they are processed (addDocument) and only a
 * compact summary of each is kept: entity records shared across documents, and the few
 * fields of clusterable events and claimable figures as records on disk, a file per event
 * kind (type and sub-type) and per figure category (given a folder), read back one at a
 * time once entities are resolved. So memory grows with distinct entities, with the events
 * of one kind and the figures of one category, and by 4 bytes a clusterable event (its
 * cluster, kept for writing the events), never with text.
 */
import type { EntityRow, EventClusterRow, FigureClaimRow } from "../../schemas/tables.js";
import { EntityStore, type CountedEntity } from "./entities.js";
import { EventClusterer, placesByName, type EntityView } from "./event-clusters.js";
import { FigureClaimer } from "./figure-claims.js";
import { documentIds } from "./ids.js";

/**
 * What resolution needs of one document, made where the document is processed. Entity
 * references are the document's own entity keys; `n` is the number in an event's or
 * figure's id ("<source_id>-e<n>", "<source_id>-f<n>").
 */
export type ResolveSummary = {
  entities: CountedEntity[];
  /** the events that can join a cluster (clusterable()), in row order */
  events: {
    n: number;
    event_type: string;
    sub_event_type: string;
    actor1_id: string | null;
    location_id: string | null;
    event_date: string;
    event_date_end: string | null;
  }[];
  /** the figures that state an amount (claimable()); `period` is the days of their time expression */
  figures: {
    n: number;
    category: string;
    unit: string;
    counted: string | null;
    value: number | null;
    low: number | null;
    high: number | null;
    actor_id: string | null;
    location_id: string | null;
    attributed_to: string | null;
    period: [number, number] | null;
  }[];
};

export type Resolved = {
  /** made as they are read */
  entities: Iterable<EntityRow>;
  /** the entity_id of each entity record, by record number (addDocument gave each of a document's entities one) */
  entityIds: string[];
  clusters: EventClusterRow[];
  /** the index in `clusters` of the k-th clusterable event added (counting from 0 across documents), or -1 (from-spills.ts clusterOfEvent gives its cluster_id) */
  clusterOf: Int32Array;
  /** read once, in order: made as they are read (FigureClaimer.claims says why) */
  claims: Iterable<FigureClaimRow>;
};

export class CorpusResolver {
  // resolve() lets go of each part once it is done with it (null after), so what the entity
  // records held is free before events are clustered and claims grouped
  private entities: EntityStore | null = new EntityStore();
  private events: EventClusterer | null;
  private readonly figures: FigureClaimer;
  private readonly sourceIds: string[] = [];

  /** `spillDir`: a folder for what waits on disk until resolve() needs it (events and figures); without one, it waits in memory. */
  constructor(options: { spillDir?: string | null } = {}) {
    this.events = new EventClusterer(options.spillDir ?? null);
    this.figures = new FigureClaimer(options.spillDir ?? null);
  }

  /**
   * Adds one document; returns the entity record of each of its summary's entities, in the
   * summary's order (entityIds maps a record to its id once resolved).
   */
  addDocument(sourceId: string, summary: ResolveSummary): number[] {
    if (!this.entities || !this.events) throw new Error("resolve: a document added after resolve()");
    const source = this.sourceIds.push(sourceId) - 1;
    const recordOf = this.entities.addDocument(sourceId, summary.entities);
    const ref = (key: string | null): number => {
      if (key === null) return -1;
      const rec = recordOf.get(key);
      if (rec === undefined) throw new Error(`resolve: no entity "${key}" in source "${sourceId}"`);
      return rec;
    };
    for (const e of summary.events) this.events.add(source, e.n, e, ref(e.actor1_id), ref(e.location_id));
    for (const f of summary.figures) {
      this.figures.add(source, f.n, f, f.period, { actor: ref(f.actor_id), place: ref(f.location_id), attributed: ref(f.attributed_to) });
    }
    return summary.entities.map((e) => recordOf.get(e.key)!);
  }

  /**
   * Resolves the corpus. `documents` gives again what addDocument returned for each document
   * (any order): the entity records of its entities, from which entities count their sources.
   */
  resolve(documents: Iterable<readonly number[]>): Resolved {
    if (!this.entities || !this.events) throw new Error("resolve: resolve() runs once");
    const { entities, entityOfRecord } = this.entities.resolve(documents);
    this.entities = null;
    // one report says "Mosul", another "the Old City of Mosul": a place inside another is related
    const places = placesByName(entities);
    const view: EntityView = {
      entityOf: (record) => entityOfRecord[record]!,
      entityId: (e) => entities.id(e),
      related: (a, b) => a === b || places.related(a, b),
      relatedPlaces: places.relatedTo,
    };
    // closures over the source ids alone, not `this`: the claims are read after resolve() returns,
    // and the rest of the resolver (entity records, the events' interners) can go by then
    const sourceIds = this.sourceIds;
    const { clusters, clusterOf } = this.events.cluster(view, documentIds(sourceIds, "e"));
    this.events = null;
    const claims = this.figures.claims(view, documentIds(sourceIds, "f"), (s) => sourceIds[s]!);
    return {
      entities: entities.rows(),
      entityIds: Array.from(entityOfRecord, (e) => entities.id(e)),
      clusters,
      clusterOf,
      claims,
    };
  }
}

/** The number n of an id "<source_id>-<letter><n>", checked: resolve rebuilds ids from it. */
export function idNumber(id: string, sourceId: string, letter: string): number {
  const n = Number(id.slice(sourceId.length + 2));
  if (!Number.isInteger(n) || `${sourceId}-${letter}${n}` !== id) throw new Error(`resolve: id "${id}" is not "${sourceId}-${letter}<n>"`);
  return n;
}
