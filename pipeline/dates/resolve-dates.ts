/**
 * Turn a DateSpec into a period against its anchor. Absolute specs need none. Deictic
 * ones ("on Sunday", "last week", "three years ago") count from the publication date, or,
 * without one, from an absolute date earlier in the paragraph; anaphoric ones ("the next
 * month", "two days later") from the date the paragraph last narrated. The anchor's
 * precision bounds the result: a month-precision anchor cannot place "on Sunday".
 */
import type { DatePrecision, TimeExpression } from "../doc.js";
import {
  addMonths, dayPeriod, daysInMonth, decadePeriod, fromDays, isValidDate, isoWeekday, monthPeriod, parseIsoDate, seasonPeriod, toDays,
  weekPeriod, weekendPeriod, yearPeriod, type Period,
} from "./calendar.js";
import type { DateSpec } from "./date-spec.js";

/** Past tense and reports look back from the anchor; future tense looks forward. */
export type Direction = "past" | "future";

export type Anchor = { days: number; precision: DatePrecision; basis: "published_date" | "previous_date" };

export type Resolution = { period: Period | null; anchor: TimeExpression["anchor"] };

const RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3, decade: 4 };

/** Does the anchor know enough to place something at `needed` precision? */
function knows(anchor: Anchor, needed: DatePrecision): boolean {
  return RANK[anchor.precision] <= RANK[needed];
}

const NONE: Resolution = { period: null, anchor: "none" };

export function resolveSpec(
  spec: DateSpec,
  anchors: { deictic: Anchor | null; narrated: Anchor | null },
  direction: Direction,
): Resolution {
  switch (spec.kind) {
    case "vague":
      return NONE;
    case "year":
      return { period: yearPeriod(spec.year), anchor: "absolute" };
    case "decade":
      return { period: decadePeriod(spec.decade), anchor: "absolute" };
    case "month":
      if (spec.year !== null) return { period: monthPeriod(spec.year, spec.month), anchor: "absolute" };
      break;
    case "season":
      if (spec.year !== null) return { period: seasonPeriod(spec.year, spec.season), anchor: "absolute" };
      break;
    case "date":
      if (spec.year !== null) {
        const ymd = { y: spec.year, m: spec.month, d: spec.day };
        return { period: isValidDate(ymd) ? dayPeriod(toDays(ymd)) : null, anchor: "absolute" };
      }
      break;
  }
  const anchor = spec.kind === "offset" && !spec.deictic ? anchors.narrated : anchors.deictic;
  if (anchor === null) return NONE;
  // "yesterday", "earlier this month", "two years ago" count from when the text was written: a date the
  // paragraph narrates cannot stand in for that ("on Sunday" or "in October" near it can)
  if (spec.kind === "offset" && spec.deictic && anchor.basis === "previous_date") return NONE;
  const period = anchor.basis === "previous_date" ? nearestPeriod(spec, anchor) : relativePeriod(spec, anchor, direction);
  return period === null ? NONE : { period, anchor: anchor.basis };
}

/**
 * From a narrated date the tense says nothing about direction (the whole story is in the
 * past), so "on Sunday" after "On June 5, 2015" is the Sunday nearest to it.
 */
function nearestPeriod(spec: DateSpec, a: Anchor): Period | null {
  const back = relativePeriod(spec, a, "past");
  const ahead = relativePeriod(spec, a, "future");
  if (back === null || ahead === null) return back ?? ahead;
  const distance = (p: Period) => Math.abs(toDays(parseIsoDate(p.startDate)!) - a.days);
  return distance(ahead) < distance(back) ? ahead : back;
}

function relativePeriod(spec: DateSpec, a: Anchor, direction: Direction): Period | null {
  const at = fromDays(a.days);
  const past = direction === "past";
  switch (spec.kind) {
    case "date": {
      if (!knows(a, "month")) return yearOnly(a) ? dayOrNull(at.y, spec.month, spec.day) : null;
      const later = a.precision === "day" ? toDays({ y: at.y, m: spec.month, d: spec.day }) > a.days : spec.month > at.m;
      const earlier = a.precision === "day" ? toDays({ y: at.y, m: spec.month, d: spec.day }) < a.days : spec.month < at.m;
      const y = past ? (later ? at.y - 1 : at.y) : earlier ? at.y + 1 : at.y;
      return dayOrNull(y, spec.month, spec.day);
    }
    case "month": {
      if (!knows(a, "month")) return null;
      let y = at.y;
      if (spec.shift === -1) y = spec.month < at.m ? at.y : at.y - 1;
      else if (spec.shift === 1) y = spec.month > at.m ? at.y : at.y + 1;
      else if (spec.shift === null) y = past ? (spec.month <= at.m ? at.y : at.y - 1) : spec.month >= at.m ? at.y : at.y + 1;
      return monthPeriod(y, spec.month);
    }
    case "weekday": {
      if (!knows(a, "day")) return null;
      const aw = isoWeekday(a.days);
      const monday = a.days - (aw - 1);
      const shift = spec.weekShift ?? (spec.shift === 0 ? 0 : null);
      if (shift !== null) return dayPeriod(monday + 7 * shift + spec.weekday - 1);
      if (spec.shift === -1) return dayPeriod(a.days - ((aw - spec.weekday + 7) % 7 || 7));
      if (spec.shift === 1) return dayPeriod(monday + 7 + spec.weekday - 1);
      return dayPeriod(past ? a.days - ((aw - spec.weekday + 7) % 7) : a.days + ((spec.weekday - aw + 7) % 7));
    }
    case "dayOfMonth": {
      if (!knows(a, spec.monthShift === null ? "day" : "month")) return null;
      if (spec.monthShift !== null) {
        const { y, m } = addMonths(at.y, at.m, spec.monthShift);
        return dayOrNull(y, m, spec.day);
      }
      if (spec.weekday !== null) return weekdayDayNear(at.y, at.m, spec.day, spec.weekday, past);
      const step = past ? (spec.day <= at.d ? 0 : -1) : spec.day >= at.d ? 0 : 1;
      const { y, m } = addMonths(at.y, at.m, step);
      return dayOrNull(y, m, spec.day);
    }
    case "nthWeekday": {
      if (!knows(a, "month")) return null;
      let { y, m } = { y: at.y, m: at.m };
      if (spec.month !== null) {
        m = spec.month;
        y = past ? (m <= at.m ? at.y : at.y - 1) : m >= at.m ? at.y : at.y + 1;
      } else ({ y, m } = addMonths(at.y, at.m, spec.monthShift ?? 0));
      return nthWeekdayOf(y, m, spec.n, spec.weekday);
    }
    case "season": {
      if (!knows(a, "month")) return null;
      const options = [at.y - 2, at.y - 1, at.y, at.y + 1].map((y) => seasonPeriod(y, spec.season));
      const startOf = (p: Period) => toDays(parseIsoDate(p.startDate)!);
      const endOf = (p: Period) => toDays(parseIsoDate(p.endDate)!);
      if (spec.shift === 0) return seasonPeriod(at.y, spec.season);
      if (spec.shift === -1) return options.filter((p) => endOf(p) < a.days).pop() ?? null;
      if (spec.shift === 1) return options.find((p) => startOf(p) > a.days) ?? null;
      return past ? (options.filter((p) => startOf(p) <= a.days).pop() ?? null) : (options.find((p) => endOf(p) >= a.days) ?? null);
    }
    case "weekend": {
      if (!knows(a, "day")) return null;
      return past && isoWeekday(a.days) < 6 ? weekendPeriod(a.days - 7) : weekendPeriod(a.days);
    }
    case "offset": {
      switch (spec.unit) {
        case "day":
          return knows(a, "day") ? dayPeriod(a.days + spec.n) : null;
        case "week":
          return knows(a, "week") ? weekPeriod(a.days + 7 * spec.n) : null;
        case "weekend":
          return knows(a, "week") ? weekendPeriod(a.days + 7 * spec.n) : null;
        case "month": {
          if (!knows(a, "month")) return null;
          const { y, m } = addMonths(at.y, at.m, spec.n);
          return monthPeriod(y, m);
        }
        case "year":
          return knows(a, "year") ? yearPeriod(at.y + spec.n) : null;
        case "decade":
          return knows(a, "year") ? yearPeriod(at.y + 10 * spec.n) : null;
      }
    }
  }
  return null;
}

function yearOnly(a: Anchor): boolean {
  return a.precision === "year";
}

function dayOrNull(y: number, m: number, d: number): Period | null {
  return isValidDate({ y, m, d }) ? dayPeriod(toDays({ y, m, d })) : null;
}

/** "Thursday the 21st": the nearest month (this one first, then back or forward by tense) where the 21st is a Thursday. */
function weekdayDayNear(y: number, m: number, day: number, weekday: number, past: boolean): Period | null {
  for (let k = 0; k < 24; k++) {
    const step = k === 0 ? 0 : past ? -k : k;
    const t = addMonths(y, m, step);
    if (day > daysInMonth(t.y, t.m)) continue;
    const days = toDays({ y: t.y, m: t.m, d: day });
    if (isoWeekday(days) === weekday) return dayPeriod(days);
  }
  return null;
}

/** The n-th (1-based; -1 = last) given weekday of a month, or null when the month has none. */
function nthWeekdayOf(y: number, m: number, n: number, weekday: number): Period | null {
  if (n === -1) {
    const last = toDays({ y, m, d: daysInMonth(y, m) });
    return dayPeriod(last - ((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = toDays({ y, m, d: 1 });
  const day = 1 + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1);
  return dayOrNull(y, m, day);
}
