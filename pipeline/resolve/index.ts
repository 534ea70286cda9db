/**
 * resolve: the cross-document stage. Entities from every document merge into
 * corpus-wide entities; events reporting the same happening form clusters;
 * figures about the same quantity form claims. It sees compact summaries, never
 * whole documents, so memory grows with entities and events, not with text.
 */
import type { EntityRow, EventClusterRow, EventRow, FigureClaimRow, FigureRow } from "../../schemas/tables.js";
import type { EntitySummary } from "../rows.js";
import { resolveEntities } from "./entities.js";
import { clusterEvents, placeRelationFromNames } from "./event-clusters.js";
import { groupFigureClaims, type Period } from "./figure-claims.js";

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
  events: readonly EventRow[],
  figures: readonly FigureRow[],
  periods: ReadonlyMap<string, Period> = new Map(),
): Resolved {
  const ents = resolveEntities(summaries);
  const id = (sourceId: string, key: string | null) => (key === null ? null : ents.idOf(sourceId, key));
  const resolvedEvents = events.map((e) => ({
    ...e,
    actor1_id: id(e.source_id, e.actor1_id),
    actor2_id: id(e.source_id, e.actor2_id),
    location_id: id(e.source_id, e.location_id),
    attributed_to: id(e.source_id, e.attributed_to),
  }));
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
