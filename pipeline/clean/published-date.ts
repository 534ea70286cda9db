/**
 * The publication date, only where the article supports it:
 *  - header: a date in a header meta line above the body ("date 2017-07-08", "08.07.2017",
 *    "Published June 29, 2017");
 *  - caption: a full date in a caption or credit near the top, confirmed by a weekday word in the
 *    body that falls on that date ("on June 29, 2017" in the caption, "on Thursday" in the text);
 *  - text: a dateline opening the first body paragraph ("MOSUL, Iraq, July 8, 2017 —").
 * Numeric dates ("08.07.2017") are read day-first or month-first only when the same article
 * decides it (an ISO or month-name date, with or without a year as in a dateline "KYIV,
 * March 12 (Reuters)", that matches one reading; a numeric date whose first or second number
 * exceeds 12; or a weekday the lead names that falls on one reading only); otherwise they are
 * left out. A wrong date would poison
 * every relative date after it, so no evidence means no date.
 */
import type { Message, SourceMeta } from "../doc.js";
import { findDates, type FoundDate, iso, monthDaysIn, readings, weekdayOf, weekdaysIn } from "./date-forms.js";

export type DateLine = { text: string; reason: string | null; role: string };
export type PublishedDate = Pick<SourceMeta, "publishedDate" | "publishedDatePrecision" | "publishedDateBasis">;

/** Captions count as "near the top" within this many substantive lines of the start. */
const CAPTION_TOP_LINES = 12;
const DATELINE_RE = /^[\p{Lu}][\p{Lu}\p{L} .'’-]{1,40},(?:\s*[\p{L} .'’-]{1,30},)?\s*/u;

type DayMonthOrder = "day-first" | "month-first" | null;

/** Decide day/month order from the whole article: unambiguous numeric dates, or a numeric
 *  date that agrees with an ISO / month-name date under exactly one reading (a month-name
 *  date without a year, as in a dateline "KYIV, March 12 (Reuters)", counts too). */
function numericOrder(all: FoundDate[], monthDays: Set<string>): DayMonthOrder {
  const named = new Set(all.filter((d) => d.kind !== "numeric").map((d) => `${d.year}-${d.first}-${d.second}`));
  for (const md of monthDays) named.add(`*-${md}`);
  let dayFirst = 0;
  let monthFirst = 0;
  for (const d of all) {
    if (d.kind !== "numeric") continue;
    if (d.first > 12 && d.second <= 12) dayFirst++;
    else if (d.second > 12 && d.first <= 12) monthFirst++;
    else if (d.first !== d.second) {
      if (named.has(`${d.year}-${d.second}-${d.first}`) || named.has(`*-${d.second}-${d.first}`)) dayFirst++;
      if (named.has(`${d.year}-${d.first}-${d.second}`) || named.has(`*-${d.first}-${d.second}`)) monthFirst++;
    }
  }
  if (dayFirst > 0 && monthFirst === 0) return "day-first";
  if (monthFirst > 0 && dayFirst === 0) return "month-first";
  return null;
}

/** The one day a found date names, given the article's numeric order; null when undecided. */
function dayOf(d: FoundDate, order: DayMonthOrder): string | null {
  const r = readings(d);
  if (r.length === 0) return null;
  if (d.kind !== "numeric" || r.length === 1 || d.first === d.second) return iso(d.year, r[0]!.month, r[0]!.day);
  if (order === "day-first") return iso(d.year, d.second, d.first);
  if (order === "month-first") return iso(d.year, d.first, d.second);
  return null;
}

export function publishedDate(lines: DateLine[], messages: Message[]): PublishedDate {
  // (a loop rather than flatMap, whose generic path is slow: this runs on every line)
  const all: FoundDate[] = [];
  for (const l of lines) for (const d of findDates(l.text)) all.push(d);
  // day/month order only matters, and is only looked for, when a numeric date is written
  const monthDays = new Set<string>();
  if (all.some((d) => d.kind === "numeric")) for (const l of lines) for (const md of monthDaysIn(l.text)) monthDays.add(md);
  const order = numericOrder(all, monthDays);
  const none: PublishedDate = { publishedDate: null, publishedDatePrecision: null, publishedDateBasis: "none" };

  // header meta lines first: the site's own statement of when it published
  // only above the body: a date-only line further down is a comment's or a teaser's time stamp
  const bodyAt = lines.findIndex((l) => l.reason === null && l.role === "body");
  const head = bodyAt < 0 ? lines : lines.slice(0, bodyAt);
  // the lead's weekday ("... said on Tuesday") may fit one reading of an ambiguous header date only
  const lead = bodyAt < 0 ? undefined : lines[bodyAt];
  const leadWeekdays = lead ? weekdaysIn(lead.text) : new Set<number>();
  let ambiguous = false;
  for (const l of head) {
    if (l.reason !== "dateline_meta") continue;
    for (const d of findDates(l.text)) {
      const day = dayOf(d, order);
      if (day) return { publishedDate: day, publishedDatePrecision: "day", publishedDateBasis: "header" };
      const r = readings(d);
      const fits = r.filter((x) => leadWeekdays.has(weekdayOf(d.year, x.month, x.day)));
      if (r.length > 1 && fits.length === 1) {
        return { publishedDate: iso(d.year, fits[0]!.month, fits[0]!.day), publishedDatePrecision: "day", publishedDateBasis: "header" };
      }
      if (r.length > 1) ambiguous = true;
    }
  }
  if (ambiguous) {
    messages.push({
      stage: "clean",
      rule: "date-ambiguous-day-month",
      reason: "a numeric header date reads both day-first and month-first and nothing in the article decides",
      span: null,
      fatal: false,
    });
  }

  // a dateline opening the body: "MOSUL, Iraq, July 8, 2017 —"
  const firstBody = lines.find((l) => l.reason === null && (l.role === "body" || l.role === "dek"));
  if (firstBody) {
    const head = DATELINE_RE.exec(firstBody.text.trim());
    const rest = head ? firstBody.text.trim().slice(head[0].length) : "";
    const d = head ? findDates(rest)[0] : undefined;
    if (d && d.index === 0) {
      const day = dayOf(d, order);
      if (day) return { publishedDate: day, publishedDatePrecision: "day", publishedDateBasis: "text" };
    }
  }

  // a caption date near the top, confirmed by a weekday the body names (read only when needed)
  let bodyWeekdays: Set<number> | null = null;
  const weekdayNamed = (w: number) => {
    if (bodyWeekdays === null) {
      bodyWeekdays = new Set<number>();
      for (const l of lines) if (l.reason === null) for (const x of weekdaysIn(l.text)) bodyWeekdays.add(x);
    }
    return bodyWeekdays.has(w);
  };
  let seen = 0;
  for (const l of lines) {
    if (l.text.trim() === "") continue;
    if (++seen > CAPTION_TOP_LINES) break;
    if (l.reason !== "caption" && l.reason !== "photo_credit") continue;
    for (const d of findDates(l.text)) {
      const day = dayOf(d, order);
      if (!day) continue;
      const [y, m, dd] = day.split("-").map(Number) as [number, number, number];
      if (weekdayNamed(weekdayOf(y, m, dd))) return { publishedDate: day, publishedDatePrecision: "day", publishedDateBasis: "caption" };
    }
  }
  return none;
}
