/**
 * events: ACLED-coded event mentions, one per clause that reports one. Cues come from
 * triggers.json; actors, place, date, fatalities and attribution from the annotations of
 * the earlier stages; certainty from modality and hedging cues. Negated mentions ("did not
 * capture") are dropped here, expected ones kept and flagged.
 */
import type { Attribution, Doc, DocEntity, EventMention, Figure, Mention, Sentence, Span, Stage, TimeExpression, Token } from "../doc.js";
import { attributionForSpan, timeExpressionForSpan, timeExpressionInSentence } from "../link.js";
import { actorKind, countrySubject, findActors, findLocation, isModifier, type SentenceView } from "./actors.js";
import { judgeCertainty, sentenceCues } from "./certainty.js";
import { chunkSentence, type Chunk } from "./clauses.js";
import { ACTOR_KIND, NON_ACTOR_SUBTYPES, PROTEST_SCENES, isTerritory } from "./lexicons.js";
import { cueCandidates, sentenceHits, type Candidates, type Hit } from "./triggers.js";
import { compareText, tokensBySentence } from "../doc.js";

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
/** The sentence's own attributions, dates and figures: the look-ups of one sentence stay within it. */
type Local = { attributions: readonly Attribution[]; dates: readonly TimeExpression[]; figures: readonly Figure[] };

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

/** The protest scene a sentence describes ("protesters clashed with police", "police fired tear gas"), if any. */
function protestScene(sentenceText: string): [string, string] | null {
  for (const scene of PROTEST_SCENES) {
    if (scene.phrases.test(sentenceText)) return scene.code;
  }
  return null;
}

function code(doc: Doc, s: Sentence, hit: Hit, actor1Key: string | null, actor2Key: string | null): Coded {
  const override = (hit.objectClass ? hit.entry.objects?.[hit.objectClass] : undefined) ?? (hit.entry.scene ? protestScene(s.text) : null);
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

const DEFINITE = new Set(["the", "this", "that", "these", "those", "its", "their", "his", "her", "our"]);
const SUBJECT_NP = new Set(["NOUN", "PROPN", "ADJ", "NUM", "DET", "VERB"]);

/**
 * Is the cue a verb whose subject is an indefinite noun phrase ("suspected jihadists killed",
 * "gunmen abducted", "around 2,500 militants are fighting")? Such a subject introduces a new
 * actor, so the last battle's attacker is not carried over to it; a definite one ("the
 * terrorist group also captured") refers back and may be.
 */
function indefiniteSubject(toks: readonly Token[], hit: Hit): boolean {
  if (hit.passive || toks[hit.from]!.pos !== "VERB") return false;
  let i = hit.from - 1;
  let aux = false;
  for (; i >= hit.chunk.from && (toks[i]!.pos === "ADV" || toks[i]!.pos === "AUX"); i--) aux ||= toks[i]!.pos === "AUX";
  // a bare participle ("of Iraqi troops entering the city") has no subject of its own
  if (!aux && /ing$/iu.test(toks[hit.from]!.text)) return false;
  let first = -1;
  let noun = false;
  for (; i >= hit.chunk.from && SUBJECT_NP.has(toks[i]!.pos); i--) {
    const t = toks[i]!;
    // a participle inside the phrase is attributive ("suspected jihadists"); a name makes it definite
    if (t.pos === "VERB" && !(/ed$/iu.test(t.text) && i + 1 < hit.from && toks[i + 1]!.pos !== "VERB")) break;
    if (t.pos === "PROPN") return false;
    first = i;
    if (t.pos === "NOUN") noun = true;
  }
  return noun && !DEFINITE.has(toks[first]!.lower);
}

const LETTER_FIRST = /^\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;

// ASCII first: most words are, and there \p{L} / \p{Lu} are A-Za-z / A-Z
function startsWithLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER_FIRST.test(w);
}
function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(w);
}

/** The lists joined into one (what `lists.flat()` gives, without its slow generic path). */
function concatAll<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const list of lists) for (const x of list) out.push(x);
  return out;
}

/**
 * Capitalized words inside a sentence belong to names ("Joint Operation Command"), unless the
 * sentence is a title-case headline. The headline test runs only when a cue word asks.
 */
function nameTest(toks: readonly Token[], inMention: (t: Token) => boolean): (t: Token, i: number) => boolean {
  let titleCase: boolean | null = null;
  let firstWord = -1;
  return (t, i) => {
    if (inMention(t)) return true;
    if (titleCase === null) {
      let words = 0;
      let capitalized = 0;
      for (let j = 0; j < toks.length; j++) {
        const w = toks[j]!.text;
        if (!startsWithLetter(w)) continue;
        if (firstWord < 0) firstWord = j;
        words++;
        if (startsUpper(w)) capitalized++;
      }
      titleCase = words > 0 && capitalized / words >= TITLE_CASE_SHARE;
    }
    return !titleCase && i > firstWord && startsUpper(t.text) && toks[i - 1]!.pos !== "PUNCT";
  };
}

/** The time of an event: its clause's expression, else the sentence's, leaving out expressions that belong to another event's clause or date a report ("said on Friday"). */
function eventTime(doc: Doc, here: Local, s: Sentence, span: Span, otherSpans: readonly Span[], cueSpans: readonly Span[]): TimeExpression | null {
  const usable = (d: TimeExpression) =>
    d.value !== "" &&
    !otherSpans.some((o) => d.start >= o.start && d.end <= o.end) &&
    !cueSpans.some((c) => d.start >= c.end && d.start - c.end <= REPORTING_DATE_GAP);
  const near = timeExpressionForSpan(doc, span, s.id);
  if (near && usable(near)) return near;
  return here.dates.find((d) => d.sentenceId === s.id && usable(d)) ?? null;
}

/** The number killed inside a clause, from the figures stage. */
function fatalitiesIn(here: Local, s: Sentence, span: Span): number | null {
  const killed = here.figures.find((f) => f.sentenceId === s.id && f.category === "killed" && f.start >= span.start && f.end <= span.end);
  return killed ? Math.round(killed.value ?? killed.low ?? 0) || null : null;
}

/**
 * A participle clause that opens with a toll cue right after the previous event's clause
 * ("struck a building on Sunday, killing 12 people"): it reports what that event did.
 */
function tollOf(toks: readonly Token[], hit: Hit, previousChunkTo: number): boolean {
  if (!hit.entry.consequence || hit.from !== hit.chunk.from || !/ing$/iu.test(toks[hit.from]!.text)) return false;
  for (let i = previousChunkTo; i < hit.chunk.from; i++) if (toks[i]!.pos !== "PUNCT") return false;
  return true;
}

function sentenceEvents(
  doc: Doc,
  here: Local,
  s: Sentence,
  toks: readonly Token[],
  candidates: Candidates,
  view: SentenceView,
  places: readonly Mention[],
  earlierPlaces: readonly Mention[],
  battleActors: string[],
): EventMention[] {
  const chunks = chunkSentence(toks);
  const cueSpans = here.attributions.map((a) => a.cueSpan);
  const placeAfter = (chunk: Chunk, tokenIndex: number) => {
    const from = toks[Math.min(tokenIndex, chunk.to - 1)]!.start;
    const to = toks[chunk.to - 1]!.end;
    return places.some((m) => m.start >= from && m.end <= to);
  };
  const sentenceMentions = [...view.actors, ...places];
  const inMention = (t: Token) => sentenceMentions.some((m) => m.start < t.end && t.start < m.end);
  const hits = sentenceHits(toks, chunks, candidates, { cueSpans, placeAfter, inName: nameTest(toks, inMention), inMention }).filter((h) => !h.negated);
  if (hits.length === 0) return [];
  const cues = sentenceCues(s.text);
  const spans = hits.map((h) => ({ start: toks[h.chunk.from]!.start, end: toks[h.chunk.to - 1]!.end }));
  const out: EventMention[] = [];
  let last: { event: EventMention; hit: Hit } | null = null;
  hits.forEach((hit, k) => {
    const span = spans[k]!;
    if (last !== null && tollOf(toks, hit, last.hit.chunk.to)) {
      // "..., killing 12 people": the toll of the event before, which takes its fatalities,
      // and its victims ("attacked a school, killing five children" is an attack on civilians)
      if (last.event.fatalities === null) last.event.fatalities = fatalitiesIn(here, s, span);
      const victims = last.hit.objectClass === null && hit.objectClass !== null ? last.hit.entry.objects?.[hit.objectClass] : undefined;
      if (victims) [last.event.eventType, last.event.subEventType] = victims;
      return;
    }
    const triggerSpan = { start: toks[hit.from]!.start, end: toks[hit.to - 1]!.end };
    const attribution = attributionForSpan(doc, span, s.id);
    const clauseText = doc.index.slice(span.start, span.end);
    const certainty = judgeCertainty(clauseText, cues, doc.index.toUtf16(span.end) - doc.index.toUtf16(s.start), attribution);
    // an outcome noun ("victory", "defeat") is an event only as a forecast; otherwise it comments on one
    // (the verb, "ISIS was defeated", reports one)
    if (hit.entry.onlyExpected && toks[hit.from]!.pos === "NOUN" && certainty !== "expected") return;
    const found = findActors(view, hit);
    const actor2 = found.actor2;
    // "Russia launched 40 drones": a country as the subject stands for its state forces
    // (and beats an actor found only outside the clause: "Hamas threatened ..., if Israel launches an offensive")
    const country = hit.passive || hit.entry.loser ? null : countrySubject(toks, places, hit);
    const actor1 = country && (!found.actor1 || found.actor1.start < span.start) ? country : found.actor1;
    const actor2Key = actor2?.entityKey ?? null;
    const carries = hit.entry.event === BATTLES && !indefiniteSubject(toks, hit);
    const actor1Key = actor1?.entityKey ?? (carries ? carriedActor(doc, battleActors, actor2Key, isTerritory(hit.entry) && !hit.objectClass) : null);
    if (hit.entry.event === BATTLES && actor1?.entityKey) battleActors.push(actor1.entityKey);
    const location = findLocation(places, earlierPlaces, span, triggerSpan, (a, b) => doc.index.slice(a.end, b.start));
    const time = eventTime(doc, here, s, span, spans.filter((_, j) => j !== k), cueSpans);
    // an expected event has not happened: it keeps its time expression but gets no event date
    const dated = time !== null && certainty !== "expected";
    const coded = code(doc, s, hit, actor1Key, actor2Key);
    // one literal of the final shape (the id is set once events are in text order): no spreads on the hot path
    out.push({
      id: "",
      start: span.start,
      end: span.end,
      sentenceId: s.id,
      text: clauseText,
      eventType: coded.eventType,
      subEventType: coded.subEventType,
      trigger: doc.index.slice(triggerSpan.start, triggerSpan.end),
      triggerSpan,
      actor1Key,
      actor2Key,
      locationKey: location?.entityKey ?? null,
      dateId: time?.id ?? null,
      eventDate: dated ? time.startDate : null,
      eventDateEnd: dated ? time.endDate : null,
      datePrecision: dated ? time.precision : null,
      fatalities: fatalitiesIn(here, s, span),
      attributedToKey: attribution?.sourceKey ?? null,
      certainty,
      negated: false,
    });
    last = { event: out[out.length - 1]!, hit };
  });
  return out;
}

export const events: Stage = {
  name: "events",
  requires: ["sentences", "tokens", "mentions", "entities", "attributions", "dates", "figures"],
  assigns: ["events"],
  run(doc) {
    const sentenceTokens = tokensBySentence(doc);
    const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.id, b.id));
    const mentionsBySentence = groupBySentence(mentions, (m) => m.sentenceId);
    const subtypeOf = new Map(doc.entities.map((e) => [e.key, e.subtype]));
    // a news agency in a dateline ("KYIV (Reuters) -") or a credit reports the event; it never acts in it
    const nonActor = (m: Mention) => NON_ACTOR_SUBTYPES.has(m.subtype ?? subtypeOf.get(m.entityKey) ?? "");
    const attributionsBySentence = groupBySentence(doc.attributions, (a) => a.sentenceId);
    const datesBySentence = groupBySentence(doc.dates, (d) => d.sentenceId);
    const figuresBySentence = groupBySentence(doc.figures, (f) => f.sentenceId);
    const found: EventMention[] = [];
    const battleActors: string[] = []; // attackers of the battles found so far, in text order
    // the place of an event whose sentence names none: the most recent place of the last few sentences
    const earlierPlaces: Mention[][] = [];
    // a pronoun subject ("Its fighters have since captured ...") reaches back a few sentences, across paragraphs
    const earlierActors: Mention[][] = [];
    for (const s of doc.sentences) {
      const toks = sentenceTokens[s.index] ?? [];
      const sentenceMentions = mentionsBySentence.get(s.id) ?? [];
      const places = sentenceMentions.filter((m) => m.type === "LOCATION" && !isModifier(toks, m));
      const actors = sentenceMentions.filter((m) => m.type !== "LOCATION" && !nonActor(m));
      // most sentences have no word that may start a cue, and are skipped whole
      const cues = cueCandidates(toks);
      if (cues !== null) {
        // the sentence's own attributions, dates and figures: every look-up below is within one sentence
        const here: Local = { attributions: attributionsBySentence.get(s.id) ?? [], dates: datesBySentence.get(s.id) ?? [], figures: figuresBySentence.get(s.id) ?? [] };
        const speakers = new Set(here.attributions.filter((a) => a.sourceKey !== null).map((a) => a.sourceKey!));
        for (const e of sentenceEvents(doc, here, s, toks, cues, { toks, actors, earlierActors, speakers }, places, concatAll(earlierPlaces), battleActors)) found.push(e);
      }
      earlierPlaces.push(places);
      if (earlierPlaces.length > PLACE_REACH) earlierPlaces.shift();
      earlierActors.push(actors);
      if (earlierActors.length > PRONOUN_REACH) earlierActors.shift();
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end || a.triggerSpan.start - b.triggerSpan.start);
    found.forEach((e, n) => (e.id = `${doc.sourceId}-e${n + 1}`));
    return { ...doc, events: found };
  },
};
