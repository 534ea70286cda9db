/**
 * Proleptic Gregorian calendar arithmetic on plain numbers (UTC day counts), and the
 * TIMEX3-style values of the periods the dates stage writes. Date.UTC is used only as
 * arithmetic: nothing here reads the clock.
 */
import type { DatePrecision } from "../doc.js";

export type Ymd = { y: number; m: number; d: number }; // m and d 1-based

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date (no validation: 2017-02-30 rolls over). */
export function toDays(ymd: Ymd): number {
  const t = new Date(0);
  t.setUTCFullYear(ymd.y, ymd.m - 1, ymd.d);
  return Math.round(t.getTime() / DAY_MS);
}

export function fromDays(days: number): Ymd {
  const t = new Date(days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isValidDate(ymd: Ymd): boolean {
  if (ymd.m < 1 || ymd.m > 12 || ymd.d < 1) return false;
  return ymd.d <= daysInMonth(ymd.y, ymd.m);
}

export function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4)
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isoDate(ymd: Ymd): string {
  return `${pad(ymd.y, 4)}-${pad(ymd.m)}-${pad(ymd.d)}`;
}

export function parseIsoDate(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(ymd) ? ymd : null;
}

/** A resolved period: its TIMEX3 value, first and last day, and precision. */
export type Period = { value: string; startDate: string; endDate: string; precision: DatePrecision };

export function dayPeriod(days: number): Period {
  const s = isoDate(fromDays(days));
  return { value: s, startDate: s, endDate: s, precision: "day" };
}

/** The ISO week (Monday–Sunday) containing `days`; its year is the year of its Thursday. */
export function weekPeriod(days: number): Period {
  const monday = days - (isoWeekday(days) - 1);
  const thursday = fromDays(monday + 3);
  const jan4 = toDays({ y: thursday.y, m: 1, d: 4 });
  const week1Monday = jan4 - (isoWeekday(jan4) - 1);
  const week = Math.floor((monday - week1Monday) / 7) + 1;
  return {
    value: `${pad(thursday.y, 4)}-W${pad(week)}`,
    startDate: isoDate(fromDays(monday)),
    endDate: isoDate(fromDays(monday + 6)),
    precision: "week",
  };
}

/** Saturday and Sunday of the ISO week containing `days`. */
export function weekendPeriod(days: number): Period {
  const week = weekPeriod(days);
  const monday = days - (isoWeekday(days) - 1);
  return { value: `${week.value}-WE`, startDate: isoDate(fromDays(monday + 5)), endDate: week.endDate, precision: "week" };
}

export function monthPeriod(y: number, m: number): Period {
  return {
    value: `${pad(y, 4)}-${pad(m)}`,
    startDate: isoDate({ y, m, d: 1 }),
    endDate: isoDate({ y, m, d: daysInMonth(y, m) }),
    precision: "month",
  };
}

export function yearPeriod(y: number): Period {
  return { value: pad(y, 4), startDate: `${pad(y, 4)}-01-01`, endDate: `${pad(y, 4)}-12-31`, precision: "year" };
}

/** `decade` is the year divided by ten: 199 for the 1990s. */
export function decadePeriod(decade: number): Period {
  return {
    value: pad(decade, 3),
    startDate: `${pad(decade * 10, 4)}-01-01`,
    endDate: `${pad(decade * 10 + 9, 4)}-12-31`,
    precision: "decade",
  };
}

/** Meteorological seasons (northern hemisphere, TIMEX3 codes); winter YYYY runs from December YYYY into the next year. */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export function seasonPeriod(y: number, season: "SP" | "SU" | "FA" | "WI"): Period {
  const first = SEASON_START[season]!;
  const last = addMonths(y, first, 2);
  // a season is three months: the closest precision the table has
  return {
    value: `${pad(y, 4)}-${season}`,
    startDate: isoDate({ y, m: first, d: 1 }),
    endDate: isoDate({ y: last.y, m: last.m, d: daysInMonth(last.y, last.m) }),
    precision: "month",
  };
}
