/**
 * A document's ResolveSummary as one line of the summaries spill, and back.
 *
 * Each entity, event and figure travels as an array of its fields in a fixed order,
 * not as a keyed object: as objects the summaries were JSON 2.0× the size of the
 * corpus (76% of it entity objects, every key name repeated on every entity), written
 * by the workers and parsed again by resolve. The field lists below are the only
 * place the order is written down; a test round-trips every field.
 */
import type { CountedEntity } from "./entities.js";
import type { ResolveSummary } from "./index.js";
import { objectOf } from "../write/packed-rows.js";

type SummaryEvent = ResolveSummary["events"][number];
type SummaryFigure = ResolveSummary["figures"][number];

const ENTITY_FIELDS = ["key", "type", "subtype", "name", "aliases", "lexiconId", "roles", "affiliations", "mentions"] as const satisfies readonly (keyof CountedEntity)[];
const EVENT_FIELDS = ["n", "event_type", "sub_event_type", "actor1_id", "location_id", "event_date", "event_date_end"] as const satisfies readonly (keyof SummaryEvent)[];
const FIGURE_FIELDS = ["n", "category", "unit", "counted", "value", "low", "high", "actor_id", "location_id", "attributed_to", "period"] as const satisfies readonly (keyof SummaryFigure)[];

// Each list must name every field of its type: a field added to the type and not here would be lost.
type Missing<T, L extends readonly (keyof T)[]> = Exclude<keyof T, L[number]>;
const complete: [Missing<CountedEntity, typeof ENTITY_FIELDS>, Missing<SummaryEvent, typeof EVENT_FIELDS>, Missing<SummaryFigure, typeof FIGURE_FIELDS>] extends [never, never, never] ? true : false = true;
void complete;

function pack<T>(items: readonly T[], fields: readonly (keyof T)[]): unknown[][] {
  return items.map((item) => fields.map((f) => item[f]));
}

function unpack<T>(arrays: readonly unknown[][], fields: readonly (keyof T)[]): T[] {
  return arrays.map((values) => objectOf(fields, values) as T);
}

/** The spill line of one document: its source_id and its summary, packed. */
export function summaryLine(sourceId: string, summary: ResolveSummary): string {
  return JSON.stringify([sourceId, pack(summary.entities, ENTITY_FIELDS), pack(summary.events, EVENT_FIELDS), pack(summary.figures, FIGURE_FIELDS)]);
}

export function readSummaryLine(line: string): { sourceId: string; summary: ResolveSummary } {
  const [sourceId, entities, events, figures] = JSON.parse(line) as [string, unknown[][], unknown[][], unknown[][]];
  return {
    sourceId,
    summary: { entities: unpack(entities, ENTITY_FIELDS), events: unpack(events, EVENT_FIELDS), figures: unpack(figures, FIGURE_FIELDS) },
  };
}
