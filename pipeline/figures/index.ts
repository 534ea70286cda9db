/**
 * figures: every quantity the article asserts (DATASET.md `figures`), with bounds,
 * qualifier, unit, what is counted, its category, and the group, place, time and source
 * it is tied to. Reads only article sentences (never boilerplate); numbers inside time
 * expressions belong to the dates stage and are skipped.
 */
import type { Doc, Figure, Mention, Sentence, Stage, TimeExpression, Token } from "../doc.js";
import { bySpan } from "../doc.js";
import { attributionForSpan, timeExpressionForSpan } from "../link.js";
import { categoryOf, countsPeople, isCasualtyWord, isPersonNoun, PERSON_CATEGORIES } from "./category.js";
import { casualtyWordAfter, type Counted, countedAfter } from "./counted.js";
import { extractQuantities, type Quantity } from "./extract-quantities.js";
import { looksLikeYear, notAFigure } from "./not-a-figure.js";

type Span = { start: number; end: number };

/** "for the past eight months", "for four years": the duration phrase includes its preposition */
const DURATION_LEAD = /(?:^|[^A-Za-z])((?:for|during|throughout)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|first\s+|next\s+)?)$/iu;
const CLAUSE_GAP = /[;:—–()]/u;
/** "Highway 4", "Resolution 2254", "Brigade 5": a capitalized word (not the sentence's first) right before a bare number */
const NAMED_NUMBER = /(?:[^.!?\s]\s+[A-Z][a-z]+\.?|\b(?:No|Nos|Nr|no|nos)\.|#)\s*$/u;

function tokensBySentence(doc: Doc): Token[][] {
  const out: Token[][] = doc.sentences.map(() => []);
  for (const t of doc.tokens) out[t.sentence]?.push(t);
  return out;
}

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

function figuresOfSentence(
  doc: Doc,
  s: Sentence,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  dates: readonly TimeExpression[],
): Omit<Figure, "id">[] {
  const out: Omit<Figure, "id">[] = [];
  const u0 = doc.index.toUtf16(s.start);
  const cp = (u: number): number => doc.index.toCodePoint(u0 + u);
  const slice = (a: number, b: number): string => doc.index.slice(a, b);
  // names and models ("F-16") are dropped first, so they do not cut the counted phrase short
  const quantities = extractQuantities(s.text).filter((q) => !notAFigure(s.text, q));
  quantities.forEach((q, k) => {
    const amount = { start: cp(q.amount.start), end: cp(q.amount.end) };
    if (q.kind !== "duration" && dates.some((d) => overlaps(d, amount))) return;
    const next = quantities.slice(k + 1).find((n) => n.start >= q.end);
    const f = describe(doc, s, q, tokens, mentions, { cp, slice, limit: next ? cp(next.start) : Infinity });
    if (f) out.push(f);
  });
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

function describe(
  doc: Doc,
  s: Sentence,
  q: Quantity,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  at: { cp: (u: number) => number; slice: (a: number, b: number) => string; limit: number },
): Omit<Figure, "id"> | null {
  const { cp, slice } = at;
  let start = cp(q.start);
  const end = cp(q.end);
  const countable = q.kind === "count" || q.kind === "share" || q.kind === "percent";
  // "thousands of civilians", "half of the population", "61 of the drones": what is counted follows the "of"
  const many = q.form === "vague" || (q.value ?? q.high ?? q.low ?? 0) > 1;
  const counted = countable
    ? (countedAfter(slice, tokens, end, true, at.limit, many) ?? (q.kind === "count" ? casualtyWordAfter(slice, tokens, end, isCasualtyWord) : null))
    : null;
  if (q.kind === "share" && !/^\s+of\b/u.test(s.text.slice(q.end))) return null; // "the first half", "a third time"
  if (q.kind === "count" && q.value !== null && looksLikeYear(s.text, q) && !isPersonNoun(counted?.head ?? null)) return null;
  if (q.kind === "duration" && q.compound === null) {
    const lead = DURATION_LEAD.exec(s.text.slice(Math.max(0, q.start - 40), q.start));
    if (lead && q.qualifier === "exact") start = cp(q.start - lead[1]!.length);
  }
  const span = { start, end: Math.max(end, counted?.end ?? end) };
  const head = counted?.head ?? null;
  const thing = counted !== null && counted.tokens[counted.tokens.length - 1]!.pos === "NOUN" && !countsPeople(head);
  const strong = /^-strong\b/iu.test(s.text.slice(q.end, q.end + 8)); // "a 1,500-strong force" counts fighters
  const { category, byVerb } = strong ? { category: "fighters", byVerb: false } : categoryOf(q, head, thing, tokens, span);
  const direct = counted !== null && !/\bof\b/u.test(slice(end, counted.start));
  if (!asserted(s.text, q, counted, direct, category, byVerb)) return null;
  const unit =
    q.unit ?? (q.kind === "share" ? "share" : q.kind === "ratio" ? "ratio" : PERSON_CATEGORIES.has(category) || isPersonNoun(counted?.head ?? null) ? "person" : "item");
  // "50 cents" is 0.5 USD: money is reported in ISO 4217 units
  const minor = q.currency?.minorOf;
  const money = (v: number | null): number | null => (v === null || !minor ? v : v / 100);
  return {
    ...span,
    sentenceId: s.id,
    text: slice(span.start, span.end),
    value: money(q.value),
    low: money(q.low),
    high: money(q.high),
    qualifier: q.qualifier,
    unit: minor ?? unit,
    counted: counted?.text ?? null,
    category,
    actorKey: countable ? actorOf(mentions, { start: cp(q.amount.start), end: cp(q.amount.end) }, counted) : null,
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
    const tokens = tokensBySentence(doc);
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
      found.push(...figuresOfSentence(doc, s, tokens[i] ?? [], mentions.get(s.id) ?? [], dates.get(s.id) ?? []));
    });
    found.sort((a, b) => bySpan(a, b) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const out: Figure[] = found.map((f, i) => ({ id: `${doc.sourceId}-f${i + 1}`, ...f }));
    return { ...doc, figures: out };
  },
};
