/**
 * resolve: the cross-document stage. Entities from every document merge into
 * corpus-wide entities; events reporting the same happening form clusters;
 * figures about the same quantity form claims. It sees compact summaries, never
 * whole documents, so memory grows with entities and events, not with text.
 */
import type { EntityRow, EventClusterRow, EventRow, FigureClaimRow, FigureRow } from "../../schemas/tables.js";

/** The part of an event row that resolve reads, with entity keys still document-local. */
export type EventSummary = ClusterInput;
/** The part of a figure row that resolve reads, with entity keys still document-local. */
export type FigureSummary = ClaimInput;

/** Keep only what resolve reads: a corpus holds hundreds of thousands of these. */
export function eventSummary(e: EventRow): EventSummary {
  const { event_id, source_id, event_type, sub_event_type, actor1_id, location_id, event_date, event_date_end, date_precision, certainty } = e;
  return { event_id, source_id, event_type, sub_event_type, actor1_id, location_id, event_date, event_date_end, date_precision, certainty };
}

export function figureSummary(f: FigureRow): FigureSummary {
  const { figure_id, source_id, category, unit, counted, actor_id, location_id, date_id, value, low, high, attributed_to } = f;
  return { figure_id, source_id, category, unit, counted, actor_id, location_id, date_id, value, low, high, attributed_to };
}
import type { EntitySummary } from "../rows.js";
import { resolveEntities } from "./entities.js";
import { clusterEvents, placeRelationFromNames, type ClusterInput } from "./event-clusters.js";
import { groupFigureClaims, type ClaimInput, type Period } from "./figure-claims.js";

export type Resolved = {
  entities: EntityRow[];
  idOf(sourceId: string, entityKey: string): string;
  clusters: EventClusterRow[];
  clusterOf: Map<string, string>;
  claims: FigureClaimRow[];
};

/**
 * `events` and `figures` still carry document-local entity keys; they are resolved here
 * first. `periods` gives the interval of each time expression a figure points to.
 */
export function resolveCorpus(
  summaries: readonly EntitySummary[],
  events: readonly EventSummary[],
  figures: readonly FigureSummary[],
  periods: ReadonlyMap<string, Period> = new Map(),
): Resolved {
  const ents = resolveEntities(summaries);
  const id = (sourceId: string, key: string | null) => (key === null ? null : ents.idOf(sourceId, key));
  const resolvedEvents = events.map((e) => ({ ...e, actor1_id: id(e.source_id, e.actor1_id), location_id: id(e.source_id, e.location_id) }));
  const resolvedFigures = figures.map((f) => ({
    ...f,
    actor_id: id(f.source_id, f.actor_id),
    location_id: id(f.source_id, f.location_id),
    attributed_to: id(f.source_id, f.attributed_to),
  }));
  // one report says "Mosul", another "the Old City of Mosul": a place inside another is related
  const related = placeRelationFromNames(ents.entities);
  const { clusters, clusterOf } = clusterEvents(resolvedEvents, related);
  const claims = groupFigureClaims(resolvedFigures, { related, periodOf: (id) => periods.get(id) ?? null });
  return { entities: ents.entities, idOf: ents.idOf, clusters, clusterOf, claims };
}
