/**
 * The dataset contract (../shared/DATASET.md) as zod schemas: the only definition
 * of every table. Row types are inferred from these; rows are validated against
 * them before they are written; datapackage.json and CODEBOOK.md are generated
 * from them. Column order here is the column order in every output file.
 */
import { z } from "zod";
import { col } from "./columns.js";
import { defineTable } from "./table.js";

const PRECISION = ["day", "week", "month", "year", "decade"] as const;
const ENTITY_TYPES = ["PERSON", "ORG", "LOCATION"] as const;
const QUALIFIERS = ["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"] as const;
const CERTAINTY = ["reported", "claimed", "expected"] as const;

const where = {
  source_id: col.text("source the row comes from (input file name without extension)"),
  sentence_id: col.text("sentence the span lies in"),
  char_start: col.count("start of the span, in Unicode code points from the start of the source's decoded text"),
  char_end: col.count("end of the span (exclusive), in code points; text[char_start:char_end] gives the span"),
};

export const sources = defineTable({
  name: "sources",
  description: "One row per input document.",
  primaryKey: ["source_id"],
  columns: {
    source_id: col.text("file name without extension", { example: "001_d41144c76e998c39" }),
    path: col.text("path relative to the input folder, with / separators"),
    sha256: col.text("SHA-256 of the raw bytes, hex"),
    encoding: col.text("how the bytes were decoded: utf-8, utf-16le, utf-16be or windows-1252"),
    url: col.textOrNull("address of the article, where a manifest gives it"),
    outlet: col.textOrNull("publisher, where the text or a manifest names it", { example: "The Duran" }),
    title: col.textOrNull("headline, where one can be told apart from the body"),
    author: col.textOrNull("byline"),
    published_date: col.dateOrNull("publication date (first day of the period when precision is month or year)"),
    published_date_precision: col.oneOfOrNull(["day", "month", "year"], "how much of published_date is known"),
    published_date_basis: col.oneOf(
      ["manifest", "header", "caption", "text", "none"],
      "how the date was found: manifest, a header line, a caption date confirmed by weekdays in the body, the text, or none",
    ),
    chars_raw: col.count("length of the decoded text in code points"),
    chars_clean: col.count("code points in lines kept as article text"),
    sentences: col.count("sentences in the clean text"),
    words: col.count("word tokens in the clean text"),
    boilerplate_lines: col.count("lines removed as boilerplate (listed in the boilerplate table)"),
  },
});

export const boilerplate = defineTable({
  name: "boilerplate",
  description: "Every line removed from a source as page furniture, so nothing is lost.",
  primaryKey: ["source_id", "line"],
  foreignKeys: [{ fields: ["source_id"], resource: "sources", referenceFields: ["source_id"] }],
  columns: {
    source_id: where.source_id,
    line: col.count("1-based line number in the source"),
    char_start: where.char_start,
    char_end: where.char_end,
    text: col.text("the line as it stands in the source"),
    reason: col.text("why it was removed: browser_notice, share_widget, comment_widget, related_link, read_next, photo_credit, caption, donation, disclaimer, navigation, dateline_meta, …"),
  },
});

export const sentences = defineTable({
  name: "sentences",
  description: "The clean text, segmented into sentences.",
  primaryKey: ["sentence_id"],
  foreignKeys: [{ fields: ["source_id"], resource: "sources", referenceFields: ["source_id"] }],
  columns: {
    sentence_id: col.text("<source_id>-s<n>"),
    source_id: where.source_id,
    paragraph: col.count("0-based paragraph number in the source"),
    index: col.count("0-based sentence number in the source"),
    char_start: where.char_start,
    char_end: where.char_end,
    text: col.text("the sentence"),
  },
});

export const entities = defineTable({
  name: "entities",
  description: "One row per distinct real-world entity in the corpus; aliases (ISIS, ISIL, Daesh) share one entity_id.",
  primaryKey: ["entity_id"],
  columns: {
    entity_id: col.text("corpus-wide id: a slug of the type and canonical name", { example: "org-islamic-state" }),
    name: col.text("canonical name (the longest or most frequent form)"),
    type: col.oneOf(ENTITY_TYPES, "PERSON, ORG or LOCATION"),
    subtype: col.textOrNull("armed_group, government, military, media, ngo, igo, country, city, district, facility, river, …"),
    mentions: col.count("number of mentions in the corpus"),
    sources: col.count("number of sources that mention it"),
  },
});

export const mentions = defineTable({
  name: "mentions",
  description: "One row per mention of an entity in the text.",
  primaryKey: ["mention_id"],
  foreignKeys: [
    { fields: ["entity_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["source_id"], resource: "sources", referenceFields: ["source_id"] },
    { fields: ["sentence_id"], resource: "sentences", referenceFields: ["sentence_id"] },
  ],
  columns: {
    mention_id: col.text("<source_id>-m<n>"),
    entity_id: col.text("the entity mentioned"),
    source_id: where.source_id,
    sentence_id: where.sentence_id,
    char_start: where.char_start,
    char_end: where.char_end,
    text: col.text("the mention as written"),
    type: col.oneOf(ENTITY_TYPES, "PERSON, ORG or LOCATION"),
    subtype: col.textOrNull("entity subtype, where known"),
  },
});

export const dates = defineTable({
  name: "dates",
  description: "One row per time expression, normalized against its anchor.",
  primaryKey: ["date_id"],
  foreignKeys: [
    { fields: ["source_id"], resource: "sources", referenceFields: ["source_id"] },
    { fields: ["sentence_id"], resource: "sentences", referenceFields: ["sentence_id"] },
  ],
  columns: {
    date_id: col.text("<source_id>-d<n>"),
    source_id: where.source_id,
    sentence_id: where.sentence_id,
    char_start: where.char_start,
    char_end: where.char_end,
    text: col.text("the expression as written"),
    value: col.text("TIMEX3-style value: 2017-07-09, 2017-W27, 2016-10, 2014, 201 (a decade); empty when it cannot be known"),
    start_date: col.dateOrNull("first day of the interval the expression denotes"),
    end_date: col.dateOrNull("last day of the interval"),
    precision: col.oneOfOrNull(PRECISION, "day, week, month, year or decade"),
    anchor: col.oneOf(["absolute", "published_date", "previous_date", "none"], "what the value was resolved against"),
  },
});

export const figures = defineTable({
  name: "figures",
  description: "One row per quantity the text asserts, with bounds, qualifier, unit, what is counted and who says so.",
  primaryKey: ["figure_id"],
  foreignKeys: [
    { fields: ["source_id"], resource: "sources", referenceFields: ["source_id"] },
    { fields: ["sentence_id"], resource: "sentences", referenceFields: ["sentence_id"] },
    { fields: ["actor_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["location_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["date_id"], resource: "dates", referenceFields: ["date_id"] },
    { fields: ["attributed_to"], resource: "entities", referenceFields: ["entity_id"] },
  ],
  columns: {
    figure_id: col.text("<source_id>-f<n>"),
    source_id: where.source_id,
    sentence_id: where.sentence_id,
    char_start: where.char_start,
    char_end: where.char_end,
    text: col.text("the whole phrase", { example: "between 15,000 and 20,000 noncombatants" }),
    value: col.numberOrNull("best single value (100 for 'about 100'); empty for a range or a vague amount"),
    low: col.numberOrNull("lower bound ('at least 35' → 35)"),
    high: col.numberOrNull("upper bound ('less than a square mile' → 1)"),
    qualifier: col.oneOf(QUALIFIERS, "exact, approx, at_least, more_than, at_most, less_than, range or vague"),
    unit: col.text("person, an ISO 4217 code for money (USD), meter, square_mile, year, month, day, percent, share, ratio, item, …"),
    counted: col.textOrNull("the thing counted, as written"),
    category: col.text("killed, injured, displaced, trapped, fighters, detained, cost, distance, area, duration, age or count"),
    actor_id: col.textOrNull("entity whose people or things are counted"),
    location_id: col.textOrNull("entity where"),
    date_id: col.textOrNull("time expression the figure is tied to"),
    attributed_to: col.textOrNull("entity_id of who says so"),
  },
});

export const events = defineTable({
  name: "events",
  description: "One row per reported event, in ACLED's taxonomy.",
  primaryKey: ["event_id"],
  foreignKeys: [
    { fields: ["source_id"], resource: "sources", referenceFields: ["source_id"] },
    { fields: ["sentence_id"], resource: "sentences", referenceFields: ["sentence_id"] },
    { fields: ["actor1_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["actor2_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["location_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["date_id"], resource: "dates", referenceFields: ["date_id"] },
    { fields: ["attributed_to"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["cluster_id"], resource: "event_clusters", referenceFields: ["cluster_id"] },
  ],
  columns: {
    event_id: col.text("<source_id>-e<n>"),
    source_id: where.source_id,
    sentence_id: where.sentence_id,
    char_start: where.char_start,
    char_end: where.char_end,
    text: col.text("the clause that reports the event"),
    event_type: col.text("ACLED event type: Battles, Explosions/Remote violence, Violence against civilians, Strategic developments, Protests, Riots"),
    sub_event_type: col.text("ACLED sub-event type, e.g. Armed clash, Government regains territory, Air/drone strike"),
    trigger: col.text("the word(s) that report it (captured, liberated, blew up)"),
    actor1_id: col.textOrNull("entity that acts"),
    actor2_id: col.textOrNull("entity acted upon or fought"),
    location_id: col.textOrNull("entity where it happened"),
    date_id: col.textOrNull("the time expression that dates it"),
    event_date: col.dateOrNull("when it happened (first day of the interval), not when it was reported"),
    event_date_end: col.dateOrNull("last day of the interval"),
    date_precision: col.oneOfOrNull(PRECISION, "day, week, month or year"),
    fatalities: col.intOrNull("deaths the text ties to it"),
    attributed_to: col.textOrNull("entity_id of who says so"),
    cluster_id: col.textOrNull("event_clusters row when other sources report the same happening"),
    certainty: col.oneOf(CERTAINTY, "reported (stated, or cited to media/monitors), claimed (hedged, or a party's claim), expected (predicted, planned, feared, conditional: never counted as happened)"),
  },
});

export const eventClusters = defineTable({
  name: "event_clusters",
  description: "Events from different sources that report the same happening.",
  primaryKey: ["cluster_id"],
  foreignKeys: [
    { fields: ["location_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["actor1_id"], resource: "entities", referenceFields: ["entity_id"] },
  ],
  columns: {
    cluster_id: col.text("c<n>"),
    event_type: col.text("ACLED event type shared by the reports"),
    sub_event_type: col.text("ACLED sub-event type shared by the reports"),
    location_id: col.textOrNull("entity where"),
    actor1_id: col.textOrNull("entity that acts"),
    first_date: col.dateOrNull("earliest date any report gives"),
    last_date: col.dateOrNull("latest date any report gives"),
    reports: col.count("events in the cluster"),
    sources: col.count("distinct sources in the cluster"),
    date_disagreement: col.bool("true when the reports give different days"),
  },
});

export const figureClaims = defineTable({
  name: "figure_claims",
  description: "Figures from different sources about the same quantity, one row per figure.",
  primaryKey: ["claim_id", "figure_id"],
  foreignKeys: [
    { fields: ["figure_id"], resource: "figures", referenceFields: ["figure_id"] },
    { fields: ["source_id"], resource: "sources", referenceFields: ["source_id"] },
    { fields: ["actor_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["location_id"], resource: "entities", referenceFields: ["entity_id"] },
    { fields: ["attributed_to"], resource: "entities", referenceFields: ["entity_id"] },
  ],
  columns: {
    claim_id: col.text("k<n>"),
    figure_id: col.text("the figure"),
    source_id: where.source_id,
    category: col.text("figure category shared by the claim"),
    actor_id: col.textOrNull("entity counted"),
    location_id: col.textOrNull("entity where"),
    value: col.numberOrNull("the figure's value"),
    low: col.numberOrNull("the figure's lower bound"),
    high: col.numberOrNull("the figure's upper bound"),
    attributed_to: col.textOrNull("entity_id of who says so"),
  },
});

export const rejects = defineTable({
  name: "rejects",
  description: "Every input (or part of one) that could not be processed, and why; the run goes on.",
  primaryKey: ["path"],
  columns: {
    path: col.text("input path relative to the input folder (or the manifest file)"),
    stage: col.text("stage that rejected it: read, decode, manifest, clean, …, validate"),
    reason: col.text("short reason"),
    detail: col.text("what was found and what was expected"),
  },
});

/** Every table, in the order they are written and documented. */
export const TABLES = [
  sources,
  boilerplate,
  sentences,
  entities,
  mentions,
  dates,
  figures,
  events,
  eventClusters,
  figureClaims,
  rejects,
] as const;

export type SourceRow = z.infer<typeof sources.schema>;
export type BoilerplateRow = z.infer<typeof boilerplate.schema>;
export type SentenceRow = z.infer<typeof sentences.schema>;
export type EntityRow = z.infer<typeof entities.schema>;
export type MentionRow = z.infer<typeof mentions.schema>;
export type DateRow = z.infer<typeof dates.schema>;
export type FigureRow = z.infer<typeof figures.schema>;
export type EventRow = z.infer<typeof events.schema>;
export type EventClusterRow = z.infer<typeof eventClusters.schema>;
export type FigureClaimRow = z.infer<typeof figureClaims.schema>;
export type RejectRow = z.infer<typeof rejects.schema>;
