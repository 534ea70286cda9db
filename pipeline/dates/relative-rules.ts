/**
 * Extraction rules for relative and vague expressions: "yesterday", "last week", "earlier
 * this week", "the next month", "three years ago", "in the next few days", "in days rather
 * than weeks". A counted span alone ("for four years", "eight-month") is a duration, which
 * the figures stage reports; it becomes a time expression only with a direction word
 * ("ago", "later", "from now").
 */
import type { DateSpec, OffsetUnit } from "./date-spec.js";
import { APPROX, COUNT, countOf } from "./grammar.js";
import { rule, shiftOf, wordBefore, type Rule } from "./rule.js";

const g = (m: RegExpExecArray, name: string): string | undefined => m.groups?.[name];

function unitOf(word: string): OffsetUnit | null {
  const w = word.toLowerCase().replace(/s$/, "");
  if (w === "day" || w === "week" || w === "weekend" || w === "month" || w === "year" || w === "decade") return w;
  if (w === "centurie" || w === "century") return null;
  return null;
}

const VAGUE: DateSpec = { kind: "vague" };

/** A vague amount of time units: "days", "a week", "a few weeks", "mere days". */
const UNITS_PHRASE = `(?:(?:a|one|a\\s+few|few|several|a\\s+couple\\s+of|mere|just|only)\\s+)?(?:days?|weeks?|months?|years?|hours?)`;
const PART_OF_DAY = `(?:\\s+(?:morning|afternoon|evening|night))?`;

export const relativeRules: Rule[] = [
  rule("relative-day", [["today", "tonight", "yesterday", "tomorrow", "day", "night", "morning", "afternoon", "evening"]], `(?:(?:late|early|earlier|later)\\s+)?(?<w>today|tonight|yesterday|tomorrow|the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|next\\s+day|past\\s+day|last\\s+night|this\\s+(?:morning|afternoon|evening))${PART_OF_DAY}`, (m) => {
    const w = g(m, "w")!.toLowerCase().replace(/\s+/g, " ");
    const n: Record<string, number> = {
      today: 0, tonight: 0, yesterday: -1, tomorrow: 1, "the day before yesterday": -2, "the day after tomorrow": 2,
      "next day": 1, "past day": -1, "last night": -1,
    };
    return { kind: "offset", unit: "day", n: w.startsWith("this ") ? 0 : (n[w] ?? 0), deictic: true };
  }),
  // the next day · the following day · the same day: counted from the date the paragraph narrates
  rule("anaphoric-day", [["day"]], `(?:on\\s+)?the\\s+(?<w>next|following|previous|preceding|same)\\s+day`, (m) => {
    const w = g(m, "w")!.toLowerCase();
    return { kind: "offset", unit: "day", n: w === "same" ? 0 : w === "next" || w === "following" ? 1 : -1, deictic: false };
  }),
  // last week · earlier this week · next month · this year · this weekend
  rule("relative-unit", [["week", "weekend", "month", "year"]], `(?:(?:earlier|later|late|early|so\\s+far|the\\s+(?:end|beginning|start|middle)\\s+of)\\s+)?(?:(?<past>this\\s+past)|(?<rel>this|last|next|past|previous|coming|current))\\s+(?<unit>week|weekend|month|year)`, (m, text) => {
    const rel = g(m, "past") !== undefined ? -1 : shiftOf(g(m, "rel"));
    const unit = unitOf(g(m, "unit")!);
    if (rel === null || unit === null) return null;
    // "the last year" / "the past week" are spans of time, and "the next month" narrates: other rules
    if (wordBefore(m, text) === "the" && /^(?:last|next|past|previous|coming)\s/i.test(m[0])) return null;
    return { kind: "offset", unit, n: rel, deictic: true };
  }),
  // earlier in the week · later in the year · by the end of the month · at the start of the year: the anchor's own week, month or year
  rule("within-current-unit", [["week", "month", "year"]], `(?:(?:earlier|later|early|late)\\s+in|(?:the\\s+)?(?:end|start|beginning|middle)\\s+of)\\s+the\\s+(?<unit>week|month|year)`, (m) => {
    const unit = unitOf(g(m, "unit")!);
    return unit === null ? null : { kind: "offset", unit, n: 0, deictic: true };
  }),
  // the next month · the following year · the previous week · the same year
  rule("anaphoric-unit", [["week", "month", "year"]], `(?:in\\s+|during\\s+|over\\s+)?the\\s+(?<rel>next|following|previous|preceding|same|past|last|coming)\\s+(?<unit>week|month|year)`, (m) => {
    const rel = g(m, "rel")!.toLowerCase();
    const unit = unitOf(g(m, "unit")!)!;
    if (rel === "past" || rel === "last" || rel === "coming") return VAGUE;
    return { kind: "offset", unit, n: rel === "same" ? 0 : rel === "next" || rel === "following" ? 1 : -1, deictic: false };
  }),
  // three years ago · almost three years ago · two weeks from now · two days later · a year earlier
  rule("counted", [["ago", "now", "hence", "later", "after", "before", "earlier", "today", "tomorrow", "yesterday"], ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"]], `(?:(?:${APPROX})\\s+)?(?<n>${COUNT}|a\\s+few|few|several|a\\s+couple\\s+of|a\\s+couple|couple\\s+of)\\s+(?<unit>days?|weeks?|months?|years?|decades?)\\s+(?<dir>ago|from\\s+now|hence|later|after|before|earlier|from\\s+(?:today|tomorrow|yesterday))`, (m) => {
    const unit = unitOf(g(m, "unit")!);
    const n = countOf(g(m, "n")!);
    const dir = g(m, "dir")!.toLowerCase().replace(/\s+/g, " ");
    if (unit === null) return null;
    if (n === null) return VAGUE; // "a few days ago": a real time, not a knowable one
    if (dir === "ago") return { kind: "offset", unit, n: -n, deictic: true };
    if (dir === "from now" || dir === "hence") return { kind: "offset", unit, n, deictic: true };
    if (dir === "from today") return unit === "day" ? { kind: "offset", unit, n, deictic: true } : null;
    if (dir === "from tomorrow" || dir === "from yesterday") {
      return unit === "day" ? { kind: "offset", unit, n: n + (dir === "from tomorrow" ? 1 : -1), deictic: true } : null;
    }
    // "later"/"after"/"before"/"earlier" count from another event: only the narrated date can anchor them,
    // and "three years after it seized the city" names an event we don't date
    if (dir === "after" || dir === "before") return VAGUE;
    return { kind: "offset", unit, n: dir === "later" ? n : -n, deictic: false };
  }),
  // overnight · late overnight: the night that ends on the anchor's day, as wire copy uses it ("Overnight, drones hit Kyiv")
  rule("overnight", [["overnight"]], `(?:late\\s+)?overnight`, () => ({ kind: "offset", unit: "day", n: 0, deictic: true })),
  // hours later · minutes after · in the past 24 hours · within hours: real times, too fine or too loose for a calendar value
  rule("hours", [["hours", "minutes", "moments"]], `(?:(?:in|within|over|during|for)\\s+)?the\\s+(?:past|last|previous|next|coming|following|first)\\s+(?:(?:${COUNT}|few|several)\\s+)?hours|(?:(?:${COUNT}|a\\s+few|few|several|just|only|mere|within)\\s+)?(?:hours|minutes|moments)\\s+(?:later|earlier|after|before)|within\\s+(?:hours|minutes)`, () => VAGUE),
  rule("weekend", [["weekend"]], `(?:over|during|on|at)\\s+the\\s+weekend`, () => ({ kind: "weekend" })),
  // years ago · decades ago: a real time, not a knowable one
  rule("uncounted-ago", [["ago"]], `(?:many\\s+)?(?:days|weeks|months|years|decades)\\s+ago`, () => VAGUE),
  rule("near-future", [["future", "term"]], `(?:(?:in|for)\\s+)?the\\s+(?:near|foreseeable|immediate|distant|not\\s+too\\s+distant)\\s+(?:future|term)`, () => VAGUE),
  // in the next few days · the “next few days” · over the past several weeks
  rule("few-units", [["few", "several", "couple"]], `(?:(?:in|within|over)\\s+)?(?:the\\s+)?[“"‘']?(?:next|coming|past|last|following|previous)\\s+(?:few|several|couple\\s+of)\\s+(?:days|weeks|months|years)`, () => VAGUE),
  // in the coming days · in recent weeks · in the weeks ahead · in years past · in years to come
  rule("unit-horizon", [["coming", "recent", "ahead", "come", "past", "gone"]], `(?:in|within|over)\\s+(?:the\\s+)?(?:(?:coming|recent)\\s+(?:days|weeks|months|years)|(?:days|weeks|months|years)\\s+(?:ahead|to\\s+come|past|gone\\s+by))`, () => VAGUE),
  // within a few days · in a matter of weeks · within days
  rule("within-few-units", [["in", "within"], ["few", "several", "couple", "matter", "days", "weeks", "months"]], `(?:in|within)\\s+(?:(?:a\\s+)?(?:few|several|couple\\s+of)\\s+|a\\s+matter\\s+of\\s+)(?:days|weeks|months)|within\\s+(?:days|weeks|months)`, () => VAGUE),
  // in days rather than weeks · closer to days than a week or weeks · just days or at the most weeks away
  rule("unit-comparison", [["day", "days", "week", "weeks", "month", "months", "year", "years"], ["than", "or", "to", "not", "instead"]], `(?:(?:in|within|closer\\s+to|just|only|mere|a\\s+matter\\s+of)\\s+)?${UNITS_PHRASE}(?:\\s*,?\\s*(?:rather\\s+than|or|than|to|and\\s+not|not|instead\\s+of)\\s+(?:(?:at\\s+(?:the\\s+)?most|at\\s+least|even|perhaps|possibly|maybe)\\s+)?${UNITS_PHRASE})+(?:\\s+away)?`, (m) => {
    // "hours" alone are not a date; the phrase must name days or longer
    return /\b(?:days?|weeks?|months?|years?)\b/i.test(m[0]) ? VAGUE : null;
  }),
  rule("units-away", [["away"]], `(?:just|only|mere|a\\s+matter\\s+of|a\\s+few|few|several)\\s+(?:days|weeks|months)\\s+away`, () => VAGUE),
  // a ‘few days’ from victory
  rule("quoted-few-units", [["few", "several"]], `[“"‘']?(?:a\\s+)?(?:few|several)\\s+(?:days|weeks|months)[”"’']?(?=\\s+(?:from|away)\\b)`, () => VAGUE),
];
