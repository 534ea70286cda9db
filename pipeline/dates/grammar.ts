/**
 * The vocabulary of time expressions, loaded from the lexicons beside this file, and the
 * regex fragments the extraction rules are built from. Fragments are plain strings so a
 * rule reads like the phrase it matches; every rule compiles once, at module load.
 */
import { z } from "zod";
import { loadLexicon } from "../lexicon.js";

const calendarEntry = z.object({
  word: z.string().min(1),
  kind: z.enum(["month", "weekday"]),
  value: z.number().int().min(1).max(12),
  abbreviation: z.boolean(),
});
const numberEntry = z.object({ word: z.string().min(1), kind: z.string(), value: z.number() });
const cueEntry = z.object({ word: z.string().min(1), kind: z.enum(["approximator", "future", "event"]) });

const calendar = loadLexicon(import.meta.url, "../lexicons/calendar-words.json", calendarEntry, (e) => e.word);
// the shared number words; a date needs only cardinals and ordinals from one to thirty
// (compounds like "twenty-first" are composed below), never denominators like "quarter"
const numbers = loadLexicon(import.meta.url, "../lexicons/number-words.json", numberEntry, (e) => e.word.toLowerCase())
  .filter((n) => ["unit", "teen", "tens", "ordinal"].includes(n.kind) && n.value >= 1 && n.value <= 30)
  .map((n) => ({ word: n.word, value: n.value, ordinal: n.kind === "ordinal" }));
const cues = loadLexicon(import.meta.url, "time-cues.json", cueEntry, (e) => e.word);

const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
const alt = (words: string[]) => [...words].sort(byLength).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")).join("|");

const monthValue = new Map<string, number>();
const weekdayValue = new Map<string, number>();
const abbreviations = new Set<string>();
for (const e of calendar) {
  (e.kind === "month" ? monthValue : weekdayValue).set(e.word, e.value);
  if (e.abbreviation) abbreviations.add(e.word);
}
const fullMonths = calendar.filter((e) => e.kind === "month" && !e.abbreviation).map((e) => e.word);
const abbrMonths = calendar.filter((e) => e.kind === "month" && e.abbreviation).map((e) => e.word);
const weekdays = calendar.filter((e) => e.kind === "weekday").map((e) => e.word);

/** Day-of-month words: "first", "twenty-first", "twenty one", "thirty". */
const dayWords = new Map<string, { value: number; ordinal: boolean }>();
const units = numbers.filter((n) => n.value < 10);
for (const n of numbers) if (n.value <= 31) dayWords.set(n.word, { value: n.value, ordinal: n.ordinal });
for (const tens of numbers.filter((n) => !n.ordinal && (n.value === 20 || n.value === 30))) {
  for (const u of units) {
    if (tens.value + u.value > 31) continue;
    for (const sep of ["-", " "]) dayWords.set(`${tens.word}${sep}${u.word}`, { value: tens.value + u.value, ordinal: u.ordinal });
  }
}
const wordClasses = new Map<string, string>([
  ...numbers.map((n) => [n.word, "#dayword"] as const),
  ...calendar.map((e) => [e.word, e.kind === "month" ? "#month" : "#weekday"] as const),
]);
/** Every single word that has a class (hyphenated and spaced day words are two words to a word scan). */
export const CLASS_WORDS: readonly string[] = [...wordClasses.keys()].filter((w) => /^[a-z]+$/.test(w));
const cardinalWords = new Map(numbers.filter((n) => !n.ordinal).map((n) => [n.word, n.value] as const));

export const MONTH_FULL = `(?:${alt(fullMonths)})`;
/** A month name, full or abbreviated (an abbreviation may carry a period: "Sept."). */
export const MONTH = `(?:${alt(fullMonths)}|(?:${alt(abbrMonths)})\\.?)`;
export const WEEKDAY = `(?:${alt(weekdays)})`;
/** A numeric day of the month, with an optional ordinal suffix. */
export const DAY_NUM = `(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d)`;
export const DAY_WORD = `(?:${alt([...dayWords.keys()])})`;
export const DAY = `(?:${DAY_NUM}|${DAY_WORD})`;
export const YEAR = `(?:1[5-9]\\d\\d|20\\d\\d)(?![\\d,.]\\d)`;
/** How many units: digits, a number word, "a"/"an". */
export const COUNT = `(?:\\d{1,3}|an?|${alt([...cardinalWords.keys()])}(?:[-\\s](?:${alt(units.filter((u) => !u.ordinal).map((u) => u.word))}))?)`;
export const APPROX = `(?:${alt(cues.filter((c) => c.kind === "approximator").map((c) => c.word))})`;
export const FUTURE_CUES: readonly string[] = cues.filter((c) => c.kind === "future").map((c) => c.word.toLowerCase());
/** Nouns of events a bare year may name the time of: "its full-scale 2022 invasion", "the 2014 elections". */
export const EVENT_NOUNS: ReadonlySet<string> = new Set(cues.filter((c) => c.kind === "event").map((c) => c.word.toLowerCase()));

export function monthOf(word: string): number | null {
  return monthValue.get(word.toLowerCase().replace(/\.$/, "")) ?? null;
}

export function weekdayOf(word: string): number | null {
  return weekdayValue.get(word.toLowerCase().replace(/\.$/, "")) ?? null;
}

export function isAbbreviation(word: string): boolean {
  return abbreviations.has(word.toLowerCase().replace(/\.$/, ""));
}

/** 1..31 from "21", "21st", "twenty-first", "twenty one"; null otherwise. */
export function dayOf(text: string): number | null {
  const t = text.toLowerCase().replace(/\s+/g, " ");
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(t);
  if (digits) return Number(digits[1]);
  return dayWords.get(t)?.value ?? null;
}

/** "#month", "#weekday" or "#dayword" for a lower-case word of those kinds, else null. */
export function wordClass(lowerWord: string): string | null {
  return wordClasses.get(lowerWord) ?? null;
}

/** A count of units from digits or words; "a"/"an" is one. */
export function countOf(text: string): number | null {
  const t = text.toLowerCase().replace(/[-\s]+/g, " ").trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (t === "a" || t === "an") return 1;
  let total = 0;
  for (const part of t.split(" ")) {
    const v = cardinalWords.get(part);
    if (v === undefined) return null;
    total += v;
  }
  return total;
}
