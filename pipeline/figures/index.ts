/**
 * figures: every quantity the article asserts (DATASET.md `figures`), with bounds,
 * qualifier, unit, what is counted, its category, and the group, place, time and source
 * it is tied to. Reads only article sentences (never boilerplate); numbers inside time
 * expressions belong to the dates stage and are skipped.
 */
import type { Doc, Figure, Mention, Sentence, Stage, TimeExpression, Token } from "../doc.js";
import { bySpan, tokensOfSentence } from "../doc.js";
import type { CodePointIndex } from "../offsets.js";
import { attributionForSpan, timeExpressionForSpan } from "../link.js";
import { categoryOf, countsPeople, isCasualtyWord, isPersonNoun, modifierCategory, PERSON_CATEGORIES, SUBSET_LEAD } from "./category.js";
import { casualtyWordAfter, type Counted, countedAfter } from "./counted.js";
import { extractQuantities, type Quantity } from "./extract-quantities.js";
import { looksLikeYear, notAFigure } from "./not-a-figure.js";

type Span = { start: number; end: number };

/** "for the past eight months", "for four years": the duration phrase includes its preposition */
const DURATION_LEAD = /(?:^|[^A-Za-z])((?:for|during|throughout)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|first\s+|next\s+)?)$/iu;
const CLAUSE_GAP = /[;:—–()]/u;
/** "Highway 4", "Resolution 2254", "Brigade 5": a capitalized word (not the sentence's first) right before a bare number */
const NAMED_NUMBER = /(?:[^.!?\s]\s+[A-Z][a-z]+\.?|\b(?:No|Nos|Nr|no|nos)\.|#)\s*$/u;
/** "40 of 52 drones", "12 of the 30 fighters": the first amount counts what the second one does */
const OF_AMOUNT = /^\s+of\s+(?:the\s+)?$/iu;
/** "one in five residents": a share written as two counts */
const ONE_IN = /^\S+\s+in\s+\S+$/u;
/** What a part ("including 11 children") takes from the whole it belongs to: what happened to them, not who they are. */
const INHERITED = new Set(["killed", "injured", "detained", "displaced", "trapped"]);

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The armed group (or other organization) whose people are counted: an ORG mention in or right before the counted phrase. */
function actorOf(mentions: readonly Mention[], amount: Span, counted: Counted | null): string | null {
  const span = { start: amount.start - 3, end: counted ? counted.end : amount.end };
  const m = mentions.find((x) => x.type === "ORG" && overlaps(x, span));
  return m ? m.entityKey : null;
}

/** The nearest LOCATION mention of the clause, outside the figure itself. */
function locationOf(doc: Doc, mentions: readonly Mention[], span: Span): string | null {
  let best: Mention | null = null;
  let bestDistance = Infinity;
  for (const m of mentions) {
    if (m.type !== "LOCATION" || overlaps(m, span)) continue;
    const gap = m.start >= span.end ? doc.index.slice(span.end, m.start) : doc.index.slice(m.end, span.start);
    if (CLAUSE_GAP.test(gap)) continue;
    const distance = m.start >= span.end ? m.start - span.end : span.start - m.end;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best ? best.entityKey : null;
}

/** Code points of a sentence's UTF-16 offsets (a class, not a closure per sentence: this runs for every sentence). */
class SentenceOffsets {
  constructor(
    private readonly index: CodePointIndex,
    private readonly u0: number,
  ) {}
  cp(u: number): number {
    return this.index.toCodePoint(this.u0 + u);
  }
}

type At = { pos: SentenceOffsets; slice: (a: number, b: number) => string; limit: number; borrow: { from: number; limit: number } | null };

/** The first quantity from `k` on that starts at or after `from`. */
function firstFrom(quantities: readonly Quantity[], k: number, from: number): number {
  while (k < quantities.length && quantities[k]!.start < from) k++;
  return k;
}

function figuresOfSentence(
  doc: Doc,
  s: Sentence,
  sentenceTokens: () => readonly Token[],
  mentions: readonly Mention[],
  dates: readonly TimeExpression[],
  slice: (a: number, b: number) => string,
): Omit<Figure, "id">[] {
  const out: Omit<Figure, "id">[] = [];
  const found = extractQuantities(s.text);
  if (found.length === 0) return out;
  const pos = new SentenceOffsets(doc.index, doc.index.toUtf16(s.start));
  const tokens = sentenceTokens();
  // names and models ("F-16") are dropped first, so they do not cut the counted phrase short
  const quantities = found.filter((q) => !notAFigure(s.text, q));
  let previous: Omit<Figure, "id"> | null = null;
  for (let k = 0; k < quantities.length; k++) {
    const q = quantities[k]!;
    const amount = { start: pos.cp(q.amount.start), end: pos.cp(q.amount.end) };
    if (q.kind !== "duration" && dates.some((d) => overlaps(d, amount))) continue;
    const n = firstFrom(quantities, k + 1, q.end);
    const next = quantities[n];
    const after = next === undefined ? undefined : quantities[firstFrom(quantities, n + 1, next.end)];
    const borrow = next !== undefined && q.kind === "count" && next.kind === "count" && OF_AMOUNT.test(s.text.slice(q.end, next.start))
      ? { from: pos.cp(next.end), limit: after ? pos.cp(after.start) : Infinity }
      : null;
    const f = describe(doc, s, q, tokens, mentions, { pos, slice, limit: next ? pos.cp(next.start) : Infinity, borrow });
    if (!f) continue;
    // "killing at least 27 people, including 11 children": the part was killed too
    if (previous !== null && INHERITED.has(previous.category) && (f.category === "count" || f.category === "fighters") && f.unit === "person" &&
      SUBSET_LEAD.test(s.text.slice(Math.max(0, q.start - 40), q.start))) {
      f.category = previous.category;
    }
    out.push(f);
    previous = f;
  }
  return out;
}

/**
 * Is the quantity a figure the text asserts, now that we know what it counts and its category?
 * Numbers inside names are not; a bare amount is only when its clause says what happened to people.
 */
function asserted(text: string, q: Quantity, counted: Counted | null, direct: boolean, category: string, byVerb: boolean): boolean {
  // "Article 5", "Resolution 2334", "Camp 7", "No. 10 Downing Street"
  if (q.kind === "count" && q.qualifier === "exact" && NAMED_NUMBER.test(text.slice(Math.max(0, q.amount.start - 20), q.amount.start))) return false;
  if (direct && counted !== null && counted.tokens.every((t) => t.pos === "PROPN") && !/s$/u.test(counted.head)) return false;
  if (q.kind === "count" && counted === null) {
    // "killing at least 12", "dozens were injured"
    const said = q.form === "vague" ? category !== "count" : byVerb && PERSON_CATEGORIES.has(category);
    if (!said || (q.form === "words" && q.value === 1)) return false;
  }
  // "one way or the other", "one of the most beautiful": a lone "one" needs a cue of its own
  return !(q.value === 1 && q.form === "words" && q.kind === "count" && q.qualifier === "exact" && category === "count");
}

function inMajorUnits(v: number | null, minor: string | undefined): number | null {
  return v === null || !minor ? v : v / 100;
}

function describe(
  doc: Doc,
  s: Sentence,
  q: Quantity,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  at: At,
): Omit<Figure, "id"> | null {
  const { pos, slice } = at;
  let start = pos.cp(q.start);
  const end = pos.cp(q.end);
  const countable = q.kind === "count" || q.kind === "share" || q.kind === "percent";
  // "thousands of civilians", "half of the population", "61 of the drones": what is counted follows the "of"
  const many = q.form === "vague" || (q.value ?? q.high ?? q.low ?? 0) > 1;
  // a percentage counts only what follows its "of" ("40 per cent of the grid", not "80 per cent need aid")
  const ofFollows = /^\s+of\b/u.test(s.text.slice(q.end, q.end + 8));
  const counted = !countable || (q.kind === "percent" && !ofFollows)
    ? null
    : at.borrow !== null
      ? countedAfter(slice, tokens, at.borrow.from, true, at.borrow.limit, many)
      : (countedAfter(slice, tokens, end, true, at.limit, many) ?? (q.kind === "count" ? casualtyWordAfter(slice, tokens, end, isCasualtyWord) : null));
  const oneIn = q.kind === "share" && ONE_IN.test(s.text.slice(q.amount.start, q.amount.end));
  if (q.kind === "share" && !oneIn && !ofFollows) return null; // "the first half", "a third time"
  if (q.kind === "count" && q.value !== null && looksLikeYear(s.text, q) && !isPersonNoun(counted?.head ?? null)) return null;
  if (q.kind === "duration" && q.compound === null) {
    const lead = DURATION_LEAD.exec(s.text.slice(Math.max(0, q.start - 40), q.start));
    if (lead && q.qualifier === "exact") start = pos.cp(q.start - lead[1]!.length);
  }
  const span = { start, end: at.borrow !== null ? end : Math.max(end, counted?.end ?? end) };
  const head = counted?.head ?? null;
  const thing = counted !== null && counted.tokens[counted.tokens.length - 1]!.pos === "NOUN" && !countsPeople(head);
  const strong = /^-strong\b/iu.test(s.text.slice(q.end, q.end + 8)); // "a 1,500-strong force" counts fighters
  const modifier = counted === null ? undefined : modifierCategory(counted.tokens.slice(0, -1));
  const { category, byVerb } = strong ? { category: "fighters", byVerb: false } : categoryOf(q, head, thing, tokens, span, modifier);
  const direct = counted !== null && !/\bof\b/u.test(slice(end, counted.start));
  if (!asserted(s.text, q, counted, direct, category, byVerb)) return null;
  const unit =
    q.unit ?? (q.kind === "share" ? "share" : q.kind === "ratio" ? "ratio" : PERSON_CATEGORIES.has(category) || isPersonNoun(counted?.head ?? null) ? "person" : "item");
  // "50 cents" is 0.5 USD: money is reported in ISO 4217 units
  const minor = q.currency?.minorOf;
  return {
    start: span.start,
    end: span.end,
    sentenceId: s.id,
    text: slice(span.start, span.end),
    value: inMajorUnits(q.value, minor),
    low: inMajorUnits(q.low, minor),
    high: inMajorUnits(q.high, minor),
    qualifier: q.qualifier,
    unit: minor ?? unit,
    counted: counted?.text ?? null,
    category,
    actorKey: countable ? actorOf(mentions, { start: pos.cp(q.amount.start), end: pos.cp(q.amount.end) }, counted) : null,
    locationKey: locationOf(doc, mentions, span),
    dateId: timeExpressionForSpan(doc, span, s.id)?.id ?? null,
    attributedToKey: attributionForSpan(doc, span, s.id)?.sourceKey ?? null,
  };
}

export const figures: Stage = {
  name: "figures",
  requires: ["sentences", "tokens", "mentions", "entities", "attributions", "dates"],
  assigns: ["figures"],
  run(doc) {
    const tokensOf = tokensOfSentence(doc.tokens, doc.sentences.length);
    const slice = doc.index.slice.bind(doc.index);
    const mentions = new Map<string, Mention[]>();
    for (const m of doc.mentions) {
      const list = mentions.get(m.sentenceId);
      if (list) list.push(m);
      else mentions.set(m.sentenceId, [m]);
    }
    const dates = new Map<string, TimeExpression[]>();
    for (const d of doc.dates) {
      const list = dates.get(d.sentenceId);
      if (list) list.push(d);
      else dates.set(d.sentenceId, [d]);
    }
    // sentences cover article text only; this walk (lines and sentences are both sorted) keeps it so
    const boilerplate = doc.lines.filter((l) => l.boilerplate !== null);
    let b = 0;
    const found: Omit<Figure, "id">[] = [];
    doc.sentences.forEach((s, i) => {
      while (b < boilerplate.length && boilerplate[b]!.end <= s.start) b++;
      const line = boilerplate[b];
      if (line && line.start <= s.start && s.start < line.end) return;
      found.push(...figuresOfSentence(doc, s, () => tokensOf(i), mentions.get(s.id) ?? [], dates.get(s.id) ?? [], slice));
    });
    found.sort((a, b) => bySpan(a, b) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const out: Figure[] = found.map((f, i) => ({ id: `${doc.sourceId}-f${i + 1}`, ...f }));
    return { ...doc, figures: out };
  },
};
