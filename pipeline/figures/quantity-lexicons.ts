/**
 * The word lists the quantity reader uses (currencies, units, qualifiers, vague amounts),
 * loaded once and compiled to anchored regexes at module load.
 */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import type { Qualifier } from "../doc.js";

export type Currency = { name: string; iso: string | null; position: "prefix" | "suffix"; minorOf?: string | undefined };
export type UnitInfo = { unit: string; kind: "distance" | "area" | "duration" | "weight" | "volume"; factor: number };
export type Bound = "value" | "value_high" | "low" | "high";

const currencyEntry = z.object({
  surfaces: z.array(word).min(1),
  name: word,
  iso: z.string().regex(/^[A-Z]{3}$/u).nullable(),
  position: z.enum(["prefix", "suffix"]),
  minorOf: z.string().regex(/^[A-Z]{3}$/u).optional(),
});
const unitEntry = z.object({
  surfaces: z.array(word).min(1),
  unit: word,
  kind: z.enum(["distance", "area", "duration", "weight", "volume"]),
  factor: z.number().positive(),
});
const qualifierEntry = z.object({
  phrase: word,
  qualifier: z.enum(["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"]),
  bound: z.enum(["value", "value_high", "low", "high"]),
});

/** Regex source for a phrase: words are separated by any run of spaces; next to a sign the space is optional ("US $" = "US$"). */
const escape = (s: string): string =>
  s
    .replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")
    .replace(/([A-Za-z]) (?=[A-Za-z])/gu, "$1\\s+")
    .replace(/ /gu, "\\s*");
const longestFirst = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

function table<T>(pairs: Array<[string, T]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [k, v] of pairs) {
    const key = k.toLowerCase().replace(/\s+/gu, "");
    if (m.has(key)) throw new Error(`quantity lexicon: "${k}" is listed twice`);
    m.set(key, v);
  }
  return m;
}

/** Look a matched surface up, ignoring case and spacing ("hk $" = "HK$"). */
export const keyOf = (s: string): string => s.toLowerCase().replace(/\s+/gu, "");

const currencies = loadLexicon(import.meta.url, "currencies.json", currencyEntry, (e) => e.surfaces.join("|").toLowerCase());
export const CURRENCY = table(currencies.flatMap((c) => c.surfaces.map((s): [string, Currency] => [s, c])));
const surfacesOf = (position: "prefix" | "suffix"): string[] =>
  currencies.filter((c) => c.position === position).flatMap((c) => c.surfaces).sort(longestFirst);
const wordEnd = "(?![A-Za-z])";
/** a currency written before the amount, ending right before it ("$", "US$ ", "hk $ ") */
export const CURRENCY_BEFORE = new RegExp(`(?:^|[^A-Za-z])(${surfacesOf("prefix").map(escape).join("|")})\\s?$`, "iu");
/** a currency written after the amount ("million dinars", "-cent") */
export const CURRENCY_AFTER = new RegExp(`^(?:\\s|-)?(${surfacesOf("suffix").map(escape).join("|")})${wordEnd}`, "iu");

const units = loadLexicon(import.meta.url, "units.json", unitEntry, (e) => e.surfaces.join("|").toLowerCase());
export const UNIT = table(units.flatMap((u) => u.surfaces.map((s): [string, UnitInfo] => [s, u])));
const unitSurfaces = units.flatMap((u) => u.surfaces).sort(longestFirst);
/** a unit after the amount: "1,500 meters", "eight-month", "850-year-old", "5km" (glued: no space) */
export const UNIT_AFTER = new RegExp(`^(\\s|-)?(${unitSurfaces.map(escape).join("|")})(-old|-long|\\s+old)?${wordEnd}`, "iu");

const qualifiers = loadLexicon(import.meta.url, "qualifiers.json", qualifierEntry, (e) => e.phrase.toLowerCase());
export const QUALIFIER = table(qualifiers.map((q): [string, { qualifier: Qualifier; bound: Bound }] => [q.phrase, q]));
/** a qualifier ending right before the amount (or its currency sign) */
export const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^A-Za-z])(${qualifiers.map((q) => q.phrase).sort(longestFirst).map(escape).join("|")})\\s+$`,
  "iu",
);

const vague = loadLexicon(import.meta.url, "vague-amounts.json", word);
/** vague amounts, longest first, optionally with the "of" that joins them to what they count */
export const VAGUE = new RegExp(`(?<![A-Za-z])(${[...vague].sort(longestFirst).map(escape).join("|")})(?![A-Za-z])(\\s+of)?`, "giu");

/**
 * Can a text hold a quantity at all? Every quantity has a digit, a number word ("half"
 * too), a word of a vague amount, or (for "a mile") a word of a length or area unit; a
 * sentence with none of them is skipped before the number grammar tokenizes it.
 */
export function quantityTriggerWords(numberWords: readonly string[]): string[] {
  const runs = (s: string): string[] => s.toLowerCase().match(/[a-z]+/gu) ?? [];
  const longest = (s: string): string => runs(s).sort(longestFirst)[0] ?? "";
  const measures = units.filter((u) => u.kind === "distance" || u.kind === "area").flatMap((u) => u.surfaces);
  const words = [...numberWords, "half", "halves", ...vague.map(longest), ...measures.flatMap(runs)];
  // a surface with no letters could not be told by its words: then every text may hold one
  if (words.some((w) => w === "")) return [];
  return [...new Set(words)].sort(longestFirst);
}

/*
 * Cheap necessary conditions for the regexes anchored at the end of a window ("$"): V8 tries
 * those at every position of the window, so the figures stage first looks at the last word.
 */
const isSpaceChar = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);
const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/** The last token before `pos`, lower-case: a run of ASCII letters, or one other character. */
function lastToken(text: string, pos: number): string {
  let j = pos;
  if (j === 0) return "";
  if (!isAsciiLetter(text.charCodeAt(j - 1))) return text[j - 1]!.toLowerCase();
  let i = j - 1;
  while (i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) i--;
  return text.slice(i, j).toLowerCase();
}

const endTokenOf = (phrase: string): string => lastToken(phrase, phrase.length);
const QUALIFIER_ENDS = new Set(qualifiers.map((q) => endTokenOf(q.phrase)));
const PREFIX_CURRENCY_ENDS = new Set(surfacesOf("prefix").map((s) => s[s.length - 1]!.toLowerCase()));

/** Could QUALIFIER_BEFORE match the text just before `pos`? (a phrase, then spaces) */
export function mayEndWithQualifier(text: string, pos: number): boolean {
  let j = pos;
  while (j > 0 && isSpaceChar(text[j - 1])) j--;
  return j < pos && QUALIFIER_ENDS.has(lastToken(text, j));
}

/** Could CURRENCY_BEFORE match the text just before `pos`? (a sign, then at most one space) */
export function mayEndWithPrefixCurrency(text: string, pos: number): boolean {
  const c = isSpaceChar(text[pos - 1]) ? text[pos - 2] : text[pos - 1];
  return c !== undefined && PREFIX_CURRENCY_ENDS.has(c.toLowerCase());
}

/** Could PERCENT_BEFORE match the text just before `pos`? ("... per cent of ") */
export function mayEndWithPercentOf(text: string, pos: number): boolean {
  let j = pos;
  while (j > 0 && isSpaceChar(text[j - 1])) j--;
  return j < pos && lastToken(text, j) === "of";
}

const MEASURE_STARTS = new Set(units.filter((u) => u.kind === "distance" || u.kind === "area").flatMap((u) => u.surfaces).map((s) => (/^[A-Za-z]+/u.exec(s)?.[0] ?? "").toLowerCase()));

/** Could a length or area unit follow `pos` after one space ("a mile", "a square kilometre")? */
export function mayStartMeasure(text: string, pos: number): boolean {
  if (text[pos] !== " ") return false;
  if (MEASURE_STARTS.has("")) return true; // a surface that starts with no letter: no shortcut
  let j = pos + 1;
  while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
  return MEASURE_STARTS.has(text.slice(pos + 1, j).toLowerCase());
}

export const PERCENT_AFTER = /^\s?(%|per\s?cents?|percent(?:age)?s?)(?![A-Za-z])/iu;
export const PERCENT_BEFORE = /(?:^|[^A-Za-z])(per\s?cents?|percent(?:age)?s?)\s+of\s+$/iu;
