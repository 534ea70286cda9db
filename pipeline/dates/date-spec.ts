/**
 * What an extraction rule understood a time expression to mean, before any anchor is
 * applied. Resolution (resolve-dates.ts) turns a spec plus an anchor into a period.
 */

/** -1 last/previous, 0 this, 1 next; null when the phrase does not say. */
export type Shift = -1 | 0 | 1 | null;

export type Season = "SP" | "SU" | "FA" | "WI";

export type OffsetUnit = "day" | "week" | "weekend" | "month" | "year" | "decade";

export type DateSpec =
  /** a calendar day; `year` null when the text leaves it to the anchor ("June 6") */
  | { kind: "date"; year: number | null; month: number; day: number }
  /** a month; `shift` for "last July" / "next July" */
  | { kind: "month"; year: number | null; month: number; shift: Shift }
  | { kind: "year"; year: number }
  /** the year divided by ten: 199 for "the 1990s" */
  | { kind: "decade"; decade: number }
  /** "on Sunday", "last Sunday" (shift), "Sunday of next week" (weekShift) */
  | { kind: "weekday"; weekday: number; shift: Shift; weekShift: Shift }
  /** "the 27th", "Thursday the 21st", "20th of next month" */
  | { kind: "dayOfMonth"; day: number; weekday: number | null; monthShift: Shift }
  /** "the first Friday of July", "the second Monday of next month" */
  | { kind: "nthWeekday"; n: number; weekday: number; month: number | null; monthShift: Shift }
  /**
   * A count of units from an anchor: "yesterday" (day -1), "last week" (week -1),
   * "three years ago" (year -3). `deictic` counts from the publication date; otherwise
   * ("the next month", "two days later") from the date the paragraph last narrated.
   */
  | { kind: "offset"; unit: OffsetUnit; n: number; deictic: boolean }
  /** "last summer", "the winter of 2016": TIMEX3 season codes SP, SU, FA, WI (meteorological, northern) */
  | { kind: "season"; season: Season; year: number | null; shift: Shift }
  /** "over the weekend": the last one in the past tense, the coming one in the future */
  | { kind: "weekend" }
  /** a real time expression whose value cannot be known ("in the next few days") */
  | { kind: "vague" };

/** A time expression found in one sentence; `start`/`end` are UTF-16 offsets into the sentence text. */
export type Candidate = { start: number; end: number; spec: DateSpec; rule: string };
