/**
 * dates: every time expression of the clean sentences, with its TIMEX3-style value,
 * interval, precision and anchor (DATASET.md, `dates`).
 *
 * The anchor is the publication date from doc.meta (set by clean from the text or from a
 * --manifest row); without it, an absolute date earlier in the same paragraph; without
 * either, relative expressions keep an empty value. The clock is never read.
 */
import { sentenceAt, tokensOfSentence, type DatePrecision, type Doc, type Line, type Message, type Sentence, type SourceMeta, type Stage, type TimeExpression } from "../doc.js";
import { isValidDate, parseIsoDate, toDays } from "./calendar.js";
import { extractTimeExpressions } from "./extract-dates.js";
import { resolveSpec, type Anchor } from "./resolve-dates.js";
import { directionAt } from "./tense.js";

export { extractTimeExpressions } from "./extract-dates.js";
export { resolveSpec, type Anchor, type Direction } from "./resolve-dates.js";

/**
 * The publication date as an anchor, when the source has one. A manifest may give
 * "2017-07-10T08:00:00Z", "2017-07" or "2017": the anchor is only as precise as both
 * the string and the declared precision.
 */
export function publishedAnchor(meta: SourceMeta): Anchor | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(meta.publishedDate?.trim() ?? "");
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2] ?? 1), d: Number(m[3] ?? 1) };
  if (!isValidDate(ymd)) return null;
  const written: DatePrecision = m[3] !== undefined ? "day" : m[2] !== undefined ? "month" : "year";
  const declared = meta.publishedDatePrecision ?? "day";
  const precision = PRECISION_RANK[declared] > PRECISION_RANK[written] ? declared : written;
  return { days: toDays(ymd), precision, basis: "published_date" };
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3, decade: 4 };

/** Is each sentence inside a boilerplate line? One merge walk over sorted lines and sentences. */
function boilerplateFlags(lines: readonly Line[], starts: readonly number[]): boolean[] {
  let i = 0;
  return starts.map((cp) => {
    while (i < lines.length && lines[i]!.end <= cp) i++;
    const l = lines[i];
    return l !== undefined && l.start <= cp && l.boilerplate !== null;
  });
}

/** Runs of consecutive clean sentences of one paragraph: extraction reads across a wrong sentence split ("Oct. 2"). */
function paragraphRuns(doc: Doc): Sentence[][] {
  const boilerplate = boilerplateFlags(doc.lines, doc.sentences.map((s) => s.start));
  const runs: Sentence[][] = [];
  let run: Sentence[] = [];
  doc.sentences.forEach((s, si) => {
    const last = run[run.length - 1];
    if (boilerplate[si] || (last !== undefined && last.paragraph !== s.paragraph)) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (!boilerplate[si]) run.push(s);
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

export function findDates(doc: Doc): { dates: TimeExpression[]; messages: Message[] } {
  const published = publishedAnchor(doc.meta);
  const tokensOf = tokensOfSentence(doc.tokens, doc.sentences.length);
  const dates: TimeExpression[] = [];
  const messages: Message[] = [];
  for (const run of paragraphRuns(doc)) {
    let lastAbsolute: Anchor | null = null; // can stand in for a missing publication date
    let lastNarrated: Anchor | null = null; // what "the next month" counts from
    const u16Start = doc.index.toUtf16(run[0]!.start);
    const text = doc.text.slice(u16Start, doc.index.toUtf16(run[run.length - 1]!.end));
    const starts = run.map((s) => doc.index.toUtf16(s.start) - u16Start);
    for (const c of extractTimeExpressions(text, starts)) {
      const span = doc.index.span(u16Start + c.start, u16Start + c.end);
      const sentence = sentenceAt(run, span.start);
      // both ends inside clean sentences: whitespace between sentences may be crossed, nothing else
      if (sentence === null || sentenceAt(run, span.end - 1) === null) continue;
      const direction = directionAt(tokensOf(sentence.index), span);
      const r = resolveSpec(c.spec, { deictic: published ?? lastAbsolute, narrated: lastNarrated }, direction);
      const p = r.period;
      dates.push({
        start: span.start,
        end: span.end,
        id: `${doc.sourceId}-d${dates.length + 1}`,
        sentenceId: sentence.id,
        text: text.slice(c.start, c.end),
        value: p?.value ?? "",
        startDate: p?.startDate ?? null,
        endDate: p?.endDate ?? null,
        precision: p?.precision ?? null,
        anchor: r.anchor,
      });
      if (p === null && r.anchor === "absolute") {
        const excerpt = text.slice(c.start, c.end);
        messages.push({ stage: "dates", rule: "date-invalid", reason: `"${excerpt}" names no calendar day; its value is left empty`, span, fatal: false });
      }
      if (p !== null) {
        const narrated: Anchor = { days: toDays(parseIsoDate(p.startDate)!), precision: p.precision, basis: "previous_date" };
        lastNarrated = narrated;
        if (r.anchor === "absolute") lastAbsolute = narrated;
      }
    }
  }
  return { dates, messages };
}

export const dates: Stage = {
  name: "dates",
  requires: ["sentences", "tokens", "meta"],
  assigns: ["dates"],
  run(doc) {
    const found = findDates(doc);
    return { ...doc, dates: found.dates, messages: [...doc.messages, ...found.messages] };
  },
};
