/**
 * One processed Doc → its rows for every per-document table. Entity references
 * still hold document-local entity keys here; processDocument puts the entity's
 * position in the resolve summary in their place, and the runner swaps that for a
 * corpus-wide entity_id once resolve has seen every document.
 */
import type { Doc } from "./doc.js";
import { clusterable } from "./resolve/event-clusters.js";
import { claimable, periodDays } from "./resolve/figure-claims.js";
import { idNumber, type ResolveSummary } from "./resolve/index.js";
import type { BoilerplateRow, DateRow, EventRow, FigureRow, MentionRow, SentenceRow, SourceRow } from "../schemas/tables.js";

export type DocRows = {
  sourceId: string;
  path: string;
  source: SourceRow;
  boilerplate: BoilerplateRow[];
  sentences: SentenceRow[];
  /** entity_id holds the document-local entity key until resolved */
  mentions: MentionRow[];
  dates: DateRow[];
  /** actor_id, location_id, attributed_to hold entity keys until resolved */
  figures: FigureRow[];
  /** actor1_id, actor2_id, location_id, attributed_to hold entity keys until resolved */
  events: EventRow[];
};


const WORD = /[\p{L}\p{N}]/u;

/** Tokens holding a letter or digit; ASCII characters are judged by code, a token with any other asks WORD. */
function wordCount(tokens: Doc["tokens"]): number {
  let n = 0;
  for (const t of tokens) {
    const s = t.text;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        if (WORD.test(s)) n++;
        break;
      }
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        n++;
        break;
      }
    }
  }
  return n;
}

export function docRows(doc: Doc): DocRows {
  const sid = doc.sourceId;
  const boilerplateLines = doc.lines.filter((l) => l.boilerplate !== null);
  const chars_clean = doc.lines.reduce((n, l) => n + (l.boilerplate === null ? l.end - l.start : 0), 0);
  return {
    sourceId: sid,
    path: doc.path,
    source: {
      source_id: sid,
      path: doc.path,
      sha256: doc.sha256,
      encoding: doc.encoding,
      url: doc.meta.url,
      outlet: doc.meta.outlet,
      title: doc.meta.title,
      author: doc.meta.author,
      published_date: doc.meta.publishedDate,
      published_date_precision: doc.meta.publishedDatePrecision,
      published_date_basis: doc.meta.publishedDateBasis,
      chars_raw: doc.index.length,
      chars_clean,
      sentences: doc.sentences.length,
      words: wordCount(doc.tokens),
      boilerplate_lines: boilerplateLines.length,
    },
    boilerplate: boilerplateLines.map((l) => ({
      source_id: sid,
      line: l.line,
      char_start: l.start,
      char_end: l.end,
      text: l.text,
      reason: l.boilerplate as string,
    })),
    sentences: doc.sentences.map((s) => ({
      sentence_id: s.id,
      source_id: sid,
      paragraph: s.paragraph,
      index: s.index,
      char_start: s.start,
      char_end: s.end,
      text: s.text,
    })),
    mentions: doc.mentions.map((m) => ({
      mention_id: m.id,
      entity_id: m.entityKey,
      source_id: sid,
      sentence_id: m.sentenceId,
      char_start: m.start,
      char_end: m.end,
      text: m.text,
      type: m.type,
      subtype: m.subtype,
    })),
    dates: doc.dates.map((d) => ({
      date_id: d.id,
      source_id: sid,
      sentence_id: d.sentenceId,
      char_start: d.start,
      char_end: d.end,
      text: d.text,
      value: d.value,
      start_date: d.startDate,
      end_date: d.endDate,
      precision: d.precision,
      anchor: d.anchor,
    })),
    figures: doc.figures.map((f) => ({
      figure_id: f.id,
      source_id: sid,
      sentence_id: f.sentenceId,
      char_start: f.start,
      char_end: f.end,
      text: f.text,
      value: f.value,
      low: f.low,
      high: f.high,
      qualifier: f.qualifier,
      unit: f.unit,
      counted: f.counted,
      category: f.category,
      actor_id: f.actorKey,
      location_id: f.locationKey,
      date_id: f.dateId,
      attributed_to: f.attributedToKey,
    })),
    events: doc.events
      .filter((e) => !e.negated)
      .map((e) => ({
        event_id: e.id,
        source_id: sid,
        sentence_id: e.sentenceId,
        char_start: e.start,
        char_end: e.end,
        text: e.text,
        event_type: e.eventType,
        sub_event_type: e.subEventType,
        trigger: e.trigger,
        actor1_id: e.actor1Key,
        actor2_id: e.actor2Key,
        location_id: e.locationKey,
        date_id: e.dateId,
        event_date: e.eventDate,
        event_date_end: e.eventDateEnd,
        date_precision: e.datePrecision,
        fatalities: e.fatalities,
        attributed_to: e.attributedToKey,
        cluster_id: null,
        certainty: e.certainty,
      })),
  };
}

/** What cross-document resolution needs of a document: all the runner keeps of it in memory. */
export function resolveSummary(doc: Doc, rows: DocRows): ResolveSummary {
  const mentions = new Map<string, number>();
  for (const m of doc.mentions) mentions.set(m.entityKey, (mentions.get(m.entityKey) ?? 0) + 1);
  const periods = new Map(rows.dates.map((d) => [d.date_id, { start: d.start_date, end: d.end_date }]));
  const sid = doc.sourceId;
  return {
    // DocEntity's fields in its order, then the count: a literal, not a spread (V8's slow path)
    entities: doc.entities.map((e) => ({
      key: e.key,
      type: e.type,
      subtype: e.subtype,
      name: e.name,
      aliases: e.aliases,
      lexiconId: e.lexiconId,
      roles: e.roles,
      affiliations: e.affiliations,
      mentions: mentions.get(e.key) ?? 0,
    })),
    events: rows.events.filter(clusterable).map((e) => ({
      n: idNumber(e.event_id, sid, "e"),
      event_type: e.event_type,
      sub_event_type: e.sub_event_type,
      actor1_id: e.actor1_id,
      location_id: e.location_id,
      event_date: e.event_date!,
      event_date_end: e.event_date_end,
    })),
    figures: rows.figures.filter(claimable).map((f) => ({
      n: idNumber(f.figure_id, sid, "f"),
      category: f.category,
      unit: f.unit,
      counted: f.counted,
      value: f.value,
      low: f.low,
      high: f.high,
      actor_id: f.actor_id,
      location_id: f.location_id,
      attributed_to: f.attributed_to,
      period: f.date_id === null ? null : periodDays(periods.get(f.date_id) ?? null),
    })),
  };
}
