/**
 * Calendar dates as written in headers, captions and datelines: year first (2017-07-08,
 * 2017/07/08, ISO timestamps), month-name forms (June 29, 2017 / 29 June 2017, also two run
 * together as "12 Mar 202412 Mar 2024") and numeric forms (08.07.2017, 08-07-2017),
 * whose day/month order is left open for the caller to decide from evidence.
 */
import { z } from "zod";
import { loadLexicon } from "../lexicon.js";
import { compareText } from "../doc.js";

// the shared calendar lexicon; headers and captions spell weekdays out, so their
// abbreviations ("sat", "wed") are left out here, and weekdays are numbered as
// Date.getUTCDay() numbers them (Sunday 0) rather than ISO's Sunday 7
const calendar = loadLexicon(
  import.meta.url,
  "../lexicons/calendar-words.json",
  z.object({ word: z.string().min(1), kind: z.enum(["month", "weekday"]), value: z.number().int(), abbreviation: z.boolean() }),
  (e) => e.word,
);
const MONTHS = new Map(calendar.filter((e) => e.kind === "month").map((e) => [e.word, e.value]));
const WEEKDAYS = new Map(calendar.filter((e) => e.kind === "weekday" && !e.abbreviation).map((e) => [e.word, e.value % 7]));

const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length || compareText(a, b)).join("|");
const WEEKDAY_ALT = [...WEEKDAYS.keys()].join("|");

export type FoundDate = {
  kind: "iso" | "text" | "numeric";
  year: number;
  /** for numeric dates: the two leading numbers in written order; for others [month, day] */
  first: number;
  second: number;
  index: number;
  length: number;
};

// a year ends at a word boundary, or runs straight into the next date where a template prints
// two without a space ("Published On 12 Mar 202412 Mar 2024")
const YEAR_END = String.raw`(?:\b|(?=\d{1,2}\s+\p{L}))`;
const DATE_RE = new RegExp(
  [
    // year first (2024-03-12, 2024/03/12), optionally an ISO time after it (2024-03-12T10:41:00Z)
    String.raw`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`,
    String.raw`\b(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${YEAR_END}`,
    String.raw`(?:\b|(?<=\d{4}))(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_ALT})\.?,?\s+(\d{4})${YEAR_END}`,
    String.raw`\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b`,
  ].join("|"),
  "giu",
);
// a day and a month named without a year ("KYIV, March 12 (Reuters)", "on 12 March"); the month
// must be capitalised, so the verb "may" is not read as a month
const MONTH_DAY_RE = new RegExp(
  String.raw`\b(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[,:.]?\d)|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_ALT})\b`,
  "giu",
);
const WEEKDAY_RE = new RegExp(String.raw`\b(${WEEKDAY_ALT})\b`, "giu");

// every form has a four-digit year: a line without one is skipped before the long pattern runs
const YEAR_HINT_RE = /\d{4}/u;
const DIGIT_RE = /\d/u;

/** Every date with a year in `s`, in order of appearance. */
export function findDates(s: string): FoundDate[] {
  const out: FoundDate[] = [];
  if (!YEAR_HINT_RE.test(s)) return out;
  for (const m of s.matchAll(DATE_RE)) {
    const at = { index: m.index, length: m[0].length };
    if (m[1]) out.push({ kind: "iso", year: +m[1], first: +m[2]!, second: +m[3]!, ...at });
    else if (m[4]) out.push({ kind: "text", year: +m[6]!, first: MONTHS.get(m[4].toLowerCase())!, second: +m[5]!, ...at });
    else if (m[7]) out.push({ kind: "text", year: +m[9]!, first: MONTHS.get(m[8]!.toLowerCase())!, second: +m[7], ...at });
    else out.push({ kind: "numeric", year: +m[12]!, first: +m[10]!, second: +m[11]!, ...at });
  }
  return out.filter((d) => d.year >= 1900 && d.year <= 2100);
}

const UPPER_START_RE = /^\p{Lu}/u;

/** Month-day pairs ("3-12" for March 12) named in `s` with or without a year. */
export function monthDaysIn(s: string): Set<string> {
  const out = new Set<string>();
  if (!DIGIT_RE.test(s)) return out;
  for (const m of s.matchAll(MONTH_DAY_RE)) {
    const name = m[1] ?? m[4]!;
    if (!UPPER_START_RE.test(name)) continue;
    const day = +(m[2] ?? m[3]!);
    if (day >= 1 && day <= 31) out.add(`${MONTHS.get(name.toLowerCase())!}-${day}`);
  }
  return out;
}

/** Weekday numbers (0 = Sunday) named in `s`. */
export function weekdaysIn(s: string): Set<number> {
  const out = new Set<number>();
  for (const m of s.matchAll(WEEKDAY_RE)) out.add(WEEKDAYS.get(m[1]!.toLowerCase())!);
  return out;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The readings (month, day) a found date allows: one for ISO and text, up to two for numeric. */
export function readings(d: FoundDate): { month: number; day: number }[] {
  if (d.kind !== "numeric") return isValidDay(d.year, d.first, d.second) ? [{ month: d.first, day: d.second }] : [];
  const out: { month: number; day: number }[] = [];
  if (isValidDay(d.year, d.second, d.first)) out.push({ month: d.second, day: d.first }); // day-first
  if (d.first !== d.second && isValidDay(d.year, d.first, d.second)) out.push({ month: d.first, day: d.second }); // month-first
  return out;
}
