/**
 * events: ACLED-coded event mentions, one per clause that reports one. Cues come from
 * triggers.json; actors, place, date, fatalities and attribution from the annotations of
 * the earlier stages; certainty from modality and hedging cues. Negated mentions ("did not
 * capture") are dropped here, expected ones kept and flagged.
 */
import type { Doc, EventMention, Mention, Sentence, Span, Stage, TimeExpression, Token } from "../doc.js";
import { attributionForSpan, timeExpressionForSpan, timeExpressionInSentence } from "../link.js";
import { actorKind, findActors, findLocation, isModifier, type SentenceView } from "./actors.js";
import { judgeCertainty } from "./certainty.js";
import { chunkSentence, type Chunk } from "./clauses.js";
import { ACTOR_KIND, isTerritory } from "./lexicons.js";
import { sentenceHits, type Hit } from "./triggers.js";

const GOVERNMENT_REGAINS = "Government regains territory";
const NON_STATE_OVERTAKES = "Non-state actor overtakes territory";
/** Share of capitalized words that marks a headline ("Iraqi Prime Minister Declares End of ISIS Caliphate"). */
const TITLE_CASE_SHARE = 0.6;
/** Code points between a reporting verb and a time expression that dates the report, not the event ("said on Friday"). */
const REPORTING_DATE_GAP = 4;
/** Sentences back that a subject pronoun may find its organization in. */
const PRONOUN_REACH = 2;

function groupBySentence<T>(items: readonly T[], key: (t: T) => number | string): Map<number | string, T[]> {
  const m = new Map<number | string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

type Coded = { eventType: string; subEventType: string };

function code(doc: Doc, hit: Hit, actor1: Mention | null): Coded {
  const override = hit.objectClass ? hit.entry.objects?.[hit.objectClass] : undefined;
  if (override) return { eventType: override[0], subEventType: override[1] };
  if (!isTerritory(hit.entry)) return { eventType: hit.entry.event, subEventType: hit.entry.sub };
  const entity = actor1 ? doc.entities.find((e) => e.key === actor1.entityKey) : undefined;
  // an unknown taker is coded as a state force: news of "the capture of X" mostly reports government gains
  const kind = actorKind(entity, actor1, ACTOR_KIND);
  return { eventType: hit.entry.event, subEventType: kind === "non_state" ? NON_STATE_OVERTAKES : GOVERNMENT_REGAINS };
}

/** Capitalized words inside a sentence belong to names ("Joint Operation Command"), unless the sentence is a title-case headline. */
function nameTest(toks: readonly Token[], mentions: readonly Mention[]): (t: Token, i: number) => boolean {
  const words = toks.filter((t) => /^\p{L}/u.test(t.text));
  const capitalized = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  const titleCase = words.length > 0 && capitalized / words.length >= TITLE_CASE_SHARE;
  return (t, i) => mentions.some((m) => m.start < t.end && t.start < m.end) || (!titleCase && i > 0 && /^\p{Lu}/u.test(t.text) && toks[i - 1]!.pos !== "PUNCT");
}

/** The time of an event: its clause's expression, else the sentence's, leaving out expressions that belong to another event's clause or date a report ("said on Friday"). */
function eventTime(doc: Doc, s: Sentence, span: Span, otherSpans: readonly Span[], cueSpans: readonly Span[]): TimeExpression | null {
  const usable = (d: TimeExpression) =>
    d.value !== "" &&
    !otherSpans.some((o) => d.start >= o.start && d.end <= o.end) &&
    !cueSpans.some((c) => d.start >= c.end && d.start - c.end <= REPORTING_DATE_GAP);
  const near = timeExpressionForSpan(doc, span, s.id);
  if (near && usable(near)) return near;
  return doc.dates.find((d) => d.sentenceId === s.id && usable(d)) ?? null;
}

function sentenceEvents(doc: Doc, s: Sentence, toks: readonly Token[], view: SentenceView, places: readonly Mention[], earlierPlaces: readonly Mention[]): Omit<EventMention, "id">[] {
  const chunks = chunkSentence(toks);
  const cueSpans = doc.attributions.filter((a) => a.sentenceId === s.id).map((a) => a.cueSpan);
  const placeAfter = (chunk: Chunk, tokenIndex: number) => {
    const from = toks[Math.min(tokenIndex, chunk.to - 1)]!.start;
    const to = toks[chunk.to - 1]!.end;
    return places.some((m) => m.start >= from && m.end <= to);
  };
  const sentenceMentions = [...view.actors, ...places];
  const hits = sentenceHits(toks, chunks, { cueSpans, placeAfter, inName: nameTest(toks, sentenceMentions) }).filter((h) => !h.negated);
  const spans = hits.map((h) => ({ start: toks[h.chunk.from]!.start, end: toks[h.chunk.to - 1]!.end }));
  const out: Omit<EventMention, "id">[] = [];
  hits.forEach((hit, k) => {
    const span = spans[k]!;
    const triggerSpan = { start: toks[hit.from]!.start, end: toks[hit.to - 1]!.end };
    const attribution = attributionForSpan(doc, span, s.id);
    const clauseText = doc.index.slice(span.start, span.end);
    const certainty = judgeCertainty(clauseText, doc.index.slice(s.start, span.end), attribution);
    // an outcome noun ("victory", "defeat") is an event only as a forecast; otherwise it comments on one
    if (hit.entry.onlyExpected && certainty !== "expected") return;
    const { actor1, actor2 } = findActors(view, hit);
    const location = findLocation(places, earlierPlaces, span, triggerSpan);
    const time = eventTime(doc, s, span, spans.filter((_, j) => j !== k), cueSpans);
    // an expected event has not happened: it keeps its time expression but gets no event date
    const dated = time !== null && certainty !== "expected";
    const killed = doc.figures.find((f) => f.sentenceId === s.id && f.category === "killed" && f.start >= span.start && f.end <= span.end);
    out.push({
      ...span,
      sentenceId: s.id,
      text: clauseText,
      ...code(doc, hit, actor1),
      trigger: doc.index.slice(triggerSpan.start, triggerSpan.end),
      triggerSpan,
      actor1Key: actor1?.entityKey ?? null,
      actor2Key: actor2?.entityKey ?? null,
      locationKey: location?.entityKey ?? null,
      dateId: time?.id ?? null,
      eventDate: dated ? time.startDate : null,
      eventDateEnd: dated ? time.endDate : null,
      datePrecision: dated ? time.precision : null,
      fatalities: killed ? Math.round(killed.value ?? killed.low ?? 0) || null : null,
      attributedToKey: attribution?.sourceKey ?? null,
      certainty,
      negated: false,
    });
  });
  return out;
}

export const events: Stage = {
  name: "events",
  requires: ["sentences", "tokens", "mentions", "entities", "attributions", "dates", "figures"],
  assigns: ["events"],
  run(doc) {
    const tokensBySentence = groupBySentence(doc.tokens, (t) => t.sentence);
    const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
    const mentionsBySentence = groupBySentence(mentions, (m) => m.sentenceId);
    const found: Omit<EventMention, "id">[] = [];
    let paragraph = -1;
    let earlierPlaces: Mention[] = [];
    // a pronoun subject ("Its fighters have since captured ...") reaches back a few sentences, across paragraphs
    let earlierActors: Mention[][] = [];
    for (const s of doc.sentences) {
      if (s.paragraph !== paragraph) {
        paragraph = s.paragraph;
        earlierPlaces = [];
      }
      const toks = tokensBySentence.get(s.index) ?? [];
      const sentenceMentions = mentionsBySentence.get(s.id) ?? [];
      const places = sentenceMentions.filter((m) => m.type === "LOCATION" && !isModifier(toks, m));
      const actors = sentenceMentions.filter((m) => m.type !== "LOCATION");
      if (toks.length > 0) found.push(...sentenceEvents(doc, s, toks, { toks, actors, earlierActors }, places, earlierPlaces));
      earlierPlaces = [...earlierPlaces, ...places];
      earlierActors = [...earlierActors, actors].slice(-PRONOUN_REACH);
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end || a.triggerSpan.start - b.triggerSpan.start);
    const list: EventMention[] = found.map((e, n) => ({ id: `${doc.sourceId}-e${n + 1}`, ...e }));
    return { ...doc, events: list };
  },
};
