/**
 * events: ACLED-coded event mentions, one per clause that reports one. Cues come from
 * triggers.json; actors, place, date, fatalities and attribution from the annotations of
 * the earlier stages; certainty from modality and hedging cues. Negated mentions ("did not
 * capture") are dropped here, expected ones kept and flagged.
 */
import type { Doc, DocEntity, EventMention, Mention, Sentence, Span, Stage, TimeExpression, Token } from "../doc.js";
import { attributionForSpan, timeExpressionForSpan, timeExpressionInSentence } from "../link.js";
import { actorKind, findActors, findLocation, isModifier, type SentenceView } from "./actors.js";
import { judgeCertainty, sentenceCues } from "./certainty.js";
import { chunkSentence, type Chunk } from "./clauses.js";
import { ACTOR_KIND, isTerritory } from "./lexicons.js";
import { sentenceHits, type Hit } from "./triggers.js";

const BATTLES = "Battles";
const GOVERNMENT_REGAINS = "Government regains territory";
const NON_STATE_OVERTAKES = "Non-state actor overtakes territory";
/** Share of capitalized words that marks a headline ("Iraqi Prime Minister Declares End of ISIS Caliphate"). */
const TITLE_CASE_SHARE = 0.6;
/** Code points between a reporting verb and a time expression that dates the report, not the event ("said on Friday"). */
const REPORTING_DATE_GAP = 4;
/** Sentences back that a subject pronoun may find its organization in. */
const PRONOUN_REACH = 2;
/** Sentences back that an event without a place of its own may take one from. */
const PLACE_REACH = 3;

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

type Kind = "state" | "non_state" | null;
/** Actor kinds by entity key, built once per document's entity list. */
const kindCache = new WeakMap<readonly DocEntity[], Map<string, Kind>>();

function subtypeKind(doc: Doc, key: string | null): Kind {
  if (key === null) return null;
  let kinds = kindCache.get(doc.entities);
  if (!kinds) {
    kinds = new Map(doc.entities.map((e) => [e.key, actorKind(e, null, ACTOR_KIND)]));
    kindCache.set(doc.entities, kinds);
  }
  return kinds.get(key) ?? null;
}

function code(doc: Doc, hit: Hit, actor1Key: string | null, actor2Key: string | null): Coded {
  const override = hit.objectClass ? hit.entry.objects?.[hit.objectClass] : undefined;
  if (override) return { eventType: override[0], subEventType: override[1] };
  if (!isTerritory(hit.entry)) return { eventType: hit.entry.event, subEventType: hit.entry.sub };
  // an unknown taker is coded as a state force: news of "the capture of X" mostly reports government gains;
  // a state that loses ground ("the fall of the capital to the rebels") means a non-state gain
  const kind = subtypeKind(doc, actor1Key);
  const nonState = kind === "non_state" || (kind === null && hit.entry.loser === true && subtypeKind(doc, actor2Key) === "state");
  return { eventType: hit.entry.event, subEventType: nonState ? NON_STATE_OVERTAKES : GOVERNMENT_REGAINS };
}

/**
 * A battle whose clause names no attacker ("the eight-month battle for Mosul", "the fall of
 * Mosul") takes the attacker of the document's latest battle, if that is not the side acted on.
 */
function carriedActor(doc: Doc, battleActors: readonly string[], actor2Key: string | null, territory: boolean): string | null {
  for (let k = battleActors.length - 1; k >= 0; k--) {
    const key = battleActors[k]!;
    if (key === actor2Key) continue;
    // ground taken by an unnamed side is coded as a state gain, so only a state force is carried to it
    if (territory && subtypeKind(doc, key) !== "state") continue;
    return key;
  }
  return null;
}

/** Capitalized words inside a sentence belong to names ("Joint Operation Command"), unless the sentence is a title-case headline. */
function nameTest(toks: readonly Token[], mentions: readonly Mention[]): (t: Token, i: number) => boolean {
  const words = toks.filter((t) => /^\p{L}/u.test(t.text));
  const capitalized = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  const titleCase = words.length > 0 && capitalized / words.length >= TITLE_CASE_SHARE;
  const firstWord = toks.findIndex((t) => /^\p{L}/u.test(t.text));
  return (t, i) =>
    mentions.some((m) => m.start < t.end && t.start < m.end) || (!titleCase && i > firstWord && /^\p{Lu}/u.test(t.text) && toks[i - 1]!.pos !== "PUNCT");
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

function sentenceEvents(
  doc: Doc,
  s: Sentence,
  toks: readonly Token[],
  view: SentenceView,
  places: readonly Mention[],
  earlierPlaces: readonly Mention[],
  battleActors: string[],
): Omit<EventMention, "id">[] {
  const chunks = chunkSentence(toks);
  const cueSpans = doc.attributions.filter((a) => a.sentenceId === s.id).map((a) => a.cueSpan);
  const placeAfter = (chunk: Chunk, tokenIndex: number) => {
    const from = toks[Math.min(tokenIndex, chunk.to - 1)]!.start;
    const to = toks[chunk.to - 1]!.end;
    return places.some((m) => m.start >= from && m.end <= to);
  };
  const sentenceMentions = [...view.actors, ...places];
  const hits = sentenceHits(toks, chunks, { cueSpans, placeAfter, inName: nameTest(toks, sentenceMentions) }).filter((h) => !h.negated);
  const cues = sentenceCues(s.text);
  const spans = hits.map((h) => ({ start: toks[h.chunk.from]!.start, end: toks[h.chunk.to - 1]!.end }));
  const out: Omit<EventMention, "id">[] = [];
  hits.forEach((hit, k) => {
    const span = spans[k]!;
    const triggerSpan = { start: toks[hit.from]!.start, end: toks[hit.to - 1]!.end };
    const attribution = attributionForSpan(doc, span, s.id);
    const clauseText = doc.index.slice(span.start, span.end);
    const certainty = judgeCertainty(clauseText, cues, doc.index.toUtf16(span.end) - doc.index.toUtf16(s.start), attribution);
    // an outcome noun ("victory", "defeat") is an event only as a forecast; otherwise it comments on one
    // (the verb, "ISIS was defeated", reports one)
    if (hit.entry.onlyExpected && toks[hit.from]!.pos === "NOUN" && certainty !== "expected") return;
    const { actor1, actor2 } = findActors(view, hit);
    const actor2Key = actor2?.entityKey ?? null;
    const actor1Key = actor1?.entityKey ?? (hit.entry.event === BATTLES ? carriedActor(doc, battleActors, actor2Key, isTerritory(hit.entry) && !hit.objectClass) : null);
    if (hit.entry.event === BATTLES && actor1?.entityKey) battleActors.push(actor1.entityKey);
    const location = findLocation(places, earlierPlaces, span, triggerSpan, (a, b) => doc.index.slice(a.end, b.start));
    const time = eventTime(doc, s, span, spans.filter((_, j) => j !== k), cueSpans);
    // an expected event has not happened: it keeps its time expression but gets no event date
    const dated = time !== null && certainty !== "expected";
    const killed = doc.figures.find((f) => f.sentenceId === s.id && f.category === "killed" && f.start >= span.start && f.end <= span.end);
    out.push({
      ...span,
      sentenceId: s.id,
      text: clauseText,
      ...code(doc, hit, actor1Key, actor2Key),
      trigger: doc.index.slice(triggerSpan.start, triggerSpan.end),
      triggerSpan,
      actor1Key,
      actor2Key,
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
    const attributionsBySentence = groupBySentence(doc.attributions, (a) => a.sentenceId);
    const datesBySentence = groupBySentence(doc.dates, (d) => d.sentenceId);
    const figuresBySentence = groupBySentence(doc.figures, (f) => f.sentenceId);
    const found: Omit<EventMention, "id">[] = [];
    const battleActors: string[] = []; // attackers of the battles found so far, in text order
    // the place of an event whose sentence names none: the most recent place of the last few sentences
    let earlierPlaces: Mention[][] = [];
    // a pronoun subject ("Its fighters have since captured ...") reaches back a few sentences, across paragraphs
    let earlierActors: Mention[][] = [];
    for (const s of doc.sentences) {
      const toks = tokensBySentence.get(s.index) ?? [];
      const sentenceMentions = mentionsBySentence.get(s.id) ?? [];
      const places = sentenceMentions.filter((m) => m.type === "LOCATION" && !isModifier(toks, m));
      const actors = sentenceMentions.filter((m) => m.type !== "LOCATION");
      // the sentence's own attributions, dates and figures: every look-up below is within one sentence
      const here: Doc = { ...doc, attributions: attributionsBySentence.get(s.id) ?? [], dates: datesBySentence.get(s.id) ?? [], figures: figuresBySentence.get(s.id) ?? [] };
      const speakers = new Set(here.attributions.filter((a) => a.sourceKey !== null).map((a) => a.sourceKey!));
      if (toks.length > 0) found.push(...sentenceEvents(here, s, toks, { toks, actors, earlierActors, speakers }, places, earlierPlaces.flat(), battleActors));
      earlierPlaces = [...earlierPlaces, places].slice(-PLACE_REACH);
      earlierActors = [...earlierActors, actors].slice(-PRONOUN_REACH);
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end || a.triggerSpan.start - b.triggerSpan.start);
    const list: EventMention[] = found.map((e, n) => ({ id: `${doc.sourceId}-e${n + 1}`, ...e }));
    return { ...doc, events: list };
  },
};
