/**
 * Extraction rules for calendar expressions: written dates in words and digits, months,
 * years, decades, weekdays and days of the month. Each rule is one regex (compiled at
 * load) and a builder that reads its groups into a DateSpec or rejects the match.
 */
import type { DateSpec, Season } from "./date-spec.js";
import { rule, shiftOf, wordBefore, type Rule } from "./rule.js";
import { DAY, DAY_NUM, EVENT_NOUNS, MONTH, MONTH_FULL, WEEKDAY, YEAR, dayOf, isAbbreviation, monthOf, weekdayOf } from "./grammar.js";

const g = (m: RegExpExecArray, name: string): string | undefined => m.groups?.[name];

/** A few words after the match (bounded, so long paragraphs stay linear). */
const textAfter = (m: RegExpExecArray, text: string): string => text.slice(m.index + m[0].length, m.index + m[0].length + 40);

/** Two-digit years: 00–49 → 2000s, 50–99 → 1900s (the Recognizers convention). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

const POSSESSIVE_BEFORE_RE = /\p{L}['’]s\s+$/u;
const SPACE_THEN_CAPITALIZED_RE = /^\s+\p{Lu}\p{Ll}/u;

/** Prepositions after which a bare month or year is a time ("fled in October", "since 2014"). */
const TIME_PREPOSITIONS = new Set(["in", "since", "by", "until", "till", "through", "throughout", "during", "from", "before", "after", "of", "to", "and", "or", "between", "early", "late", "mid", "around", "circa"]);

/**
 * "may" and "march" are also a modal and a verb: lower-case, they count as months only
 * next to a numeric day or a year ("may 2", "4th of march").
 */
function ambiguousMonth(word: string, strong: boolean): boolean {
  return !strong && /^(?:may|march)$/.test(word);
}

/** After a day and month any four-digit year is a year ("5 December 1391"); alone, only 1500–2099 are. */
const FULL_YEAR = `(?:1\\d{3}|20\\d\\d)(?![\\d,.]\\d)`;
const SEASONS: Record<string, Season> = { spring: "SP", summer: "SU", autumn: "FA", fall: "FA", winter: "WI" };
const DAY_EDGE = `(?:(?:late|early|earlier|later)\\s+(?:on\\s+)?|on\\s+)?`;
const WD_PREFIX = `(?:(?<wd>${WEEKDAY})\\.?,?\\s+)?`;
const IN_MOD = `(?:(?:back\\s+)?in\\s+)?(?:(?:early|late|mid|the\\s+(?:end|beginning|middle|start)\\s+of)[\\s-]+)?`;

export const calendarRules: Rule[] = [
  rule("iso-date", [["#year"], ["#numsep"]], `${DAY_EDGE}${WD_PREFIX}(?<y>\\d{4})(?<s>[-/.])(?<m>0?[1-9]|1[0-2])\\k<s>(?<d>[12]\\d|3[01]|0?[1-9])(?!\\d)`, (m) => {
    return { kind: "date", year: Number(g(m, "y")), month: Number(g(m, "m")), day: Number(g(m, "d")) };
  }),
  rule("iso-date-month-name", [["#year"], ["#month"]], `${WD_PREFIX}(?<y>\\d{4})[-/](?<mon>${MONTH})[-/](?<d>[12]\\d|3[01]|0?[1-9])(?!\\d)`, (m) => {
    const month = monthOf(g(m, "mon")!);
    return month === null ? null : { kind: "date", year: Number(g(m, "y")), month, day: Number(g(m, "d")) };
  }),
  // 02/22/2016, 21/04/16, 13.5.2015, 08/12,2015: month first unless the first part can't be a month;
  // with dots the European day-first order
  rule("numeric-date", [["#numsep"]], `${DAY_EDGE}${WD_PREFIX}(?<![\\d/.,])(?<a>\\d{1,2})(?<s>[/.-])(?<b>\\d{1,2})(?:\\k<s>|,)(?<y>\\d{4}|\\d{2})(?![\\d/%]|[.,]\\d)`, (m) => {
    const a = Number(g(m, "a"));
    const b = Number(g(m, "b"));
    const dayFirst = a > 12 || (g(m, "s") === "." && b <= 12);
    const [month, day] = dayFirst ? [b, a] : [a, b];
    if (month > 12 || day > 31 || month < 1 || day < 1) return null;
    return { kind: "date", year: fullYear(g(m, "y")!), month, day };
  }),
  // 4/22, 22/04; with dots or dashes only after "on"/"in" or a weekday (4.22 is also a number)
  rule("numeric-day-month", [["#numsep"]], `${DAY_EDGE}${WD_PREFIX}(?<![\\d/.,]|\\d\\s)(?<a>\\d{1,2})(?<s>[/.-])(?<b>\\d{1,2})(?![\\d/%.-]|\\s*%|,\\d)`, (m, text) => {
    const a = Number(g(m, "a"));
    const b = Number(g(m, "b"));
    const sep = g(m, "s");
    const before = wordBefore(m, text);
    const led = g(m, "wd") !== undefined || /^on\s/i.test(m[0]) || before === "in" || before === "on";
    if (sep !== "/" && !led) return null;
    // "the 9/11 attacks", "24/7": a bare d/m needs a preposition or a verb of motion before it
    if (!led && !TIME_PREPOSITIONS.has(before) && before !== "back") return null;
    // fractions: 1/2, 3/4, 1/8 are not dates
    if (sep === "/" && a < b && [2, 3, 4, 8, 16].includes(b)) return null;
    const dayFirst = a > 12;
    const [month, day] = dayFirst ? [b, a] : [a, b];
    if (month > 12 || day > 31 || month < 1 || day < 1) return null;
    return { kind: "date", year: null, month, day };
  }),
  // June 29, 2017 · Monday January 12th, 2016 · Oct-2 · may the eleventh · january 12 of 2016
  rule("month-day", [["#month"], ["#digit", "#dayword"]], `${DAY_EDGE}${WD_PREFIX}(?<mon>${MONTH})\\.?(?:\\s*[-/]\\s*|\\s+|,\\s*)(?:the\\s+)?(?<d>${DAY})(?:(?:\\s*,\\s*|\\s+(?:of|in)\\s+|\\s+|\\s*[-/]\\s*)(?<y>${FULL_YEAR}))?`, (m, text) => {
    const word = g(m, "mon")!;
    const d = g(m, "d")!;
    const numeric = /^\d/.test(d) || /(?:st|nd|rd|th)$/i.test(d);
    if (ambiguousMonth(word, numeric || g(m, "y") !== undefined)) return null;
    // "they may 20 times": a lower-case modal before a count
    if (/^(?:may|march)$/.test(word) && g(m, "y") === undefined && /^\s+[a-z]+s\b/.test(textAfter(m, text))) return null;
    const month = monthOf(word);
    const day = dayOf(d);
    if (month === null || day === null) return null;
    const y = g(m, "y");
    return { kind: "date", year: y === undefined ? null : Number(y), month, day };
  }),
  // 29 June 2017 · 1st jan · 4th of march · wed, 22 of jan · 16. nov. 2016 · 26th june of 2020
  rule("day-month", [["#month"], ["#digit", "#dayword"]], `${DAY_EDGE}${WD_PREFIX}(?:the\\s+)?(?<d>${DAY})\\.?(?:\\s+of\\s+|\\s*[-/]\\s*|\\s+)(?<mon>${MONTH})(?:(?:\\s*,\\s*|\\s+(?:of|in)\\s+|\\s+|\\s*[-/]\\s*)(?<y>${FULL_YEAR}))?`, (m) => {
    const word = g(m, "mon")!;
    const d = g(m, "d")!;
    const strong = /^\d/.test(d) || /\bof\s/i.test(m[0]) || g(m, "y") !== undefined;
    if (ambiguousMonth(word, strong)) return null;
    const month = monthOf(word);
    const day = dayOf(d);
    if (month === null || day === null) return null;
    // a cardinal word before a month is a count more often than a day ("one March morning" aside)
    if (!/^\d/.test(d) && !/(?:st|nd|rd|th)$/i.test(d) && !/\bof\s/i.test(m[0])) return null;
    const y = g(m, "y");
    return { kind: "date", year: y === undefined ? null : Number(y), month, day };
  }),
  rule("month-year", [["#month"], ["#year"]], `${IN_MOD}(?<mon>${MONTH})\\.?(?:,?\\s+(?:of\\s+)?|[-/])(?<y>${YEAR})`, (m) => {
    const month = monthOf(g(m, "mon")!);
    return month === null ? null : { kind: "month", year: Number(g(m, "y")), month, shift: null };
  }),
  // in October · late last July · mid-June; a bare month name needs a preposition before it
  rule("month", [["#month"]], `${IN_MOD}(?:(?<rel>last|this|next|past|coming)\\s+)?(?<mon>${MONTH_FULL})`, (m, text) => {
    const word = g(m, "mon")!;
    const led = m[0].length > word.length || TIME_PREPOSITIONS.has(wordBefore(m, text));
    if (!led) return null;
    // "may"/"march" lower-case after "in" are still the modal/verb more often than not
    if (/^(?:may|march)$/.test(word) && !/^(?:in|since|until|by|early|late|mid|last|next|this)$/i.test(m[0].split(/[\s-]+/)[0]!) && !/^(?:in|since|until|by)$/.test(wordBefore(m, text))) return null;
    const month = monthOf(word);
    return month === null ? null : { kind: "month", year: null, month, shift: shiftOf(g(m, "rel")) };
  }),
  // last summer · the winter of 2016 · in the spring; "fall" only with a year or last/next ("the fall of Mosul")
  rule("season", [["spring", "summer", "autumn", "fall", "winter"]], `${IN_MOD}(?:(?<rel>last|this|next|past|coming)\\s+)?(?:the\\s+)?(?<season>spring|summer|autumn|fall|winter)(?:,?\\s+(?:of\\s+)?(?<y>${YEAR}))?`, (m, text) => {
    const word = g(m, "season")!.toLowerCase();
    const y = g(m, "y");
    const rel = g(m, "rel");
    const led = y !== undefined || rel !== undefined || /^(?:back|in|early|late|mid|the\s+(?:end|beginning|middle|start))\b/i.test(m[0]) || TIME_PREPOSITIONS.has(wordBefore(m, text));
    if (!led || (word === "fall" && y === undefined && rel === undefined)) return null;
    const season = SEASONS[word]!;
    return { kind: "season", season, year: y === undefined ? null : Number(y), shift: shiftOf(rel) };
  }),
  // in 2014 · back in 2014 · since 2014 · the summer of 2014; not "of 2000 fighters"
  rule("year", [["#year"]], `${IN_MOD}(?<y>${YEAR})(?!\\s*(?:%|percent|per\\s+cent))`, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "Iraq's 2003 invasion", the second year of "2014-2015"
    const after = textAfter(m, text);
    // "Iraq's 2003 invasion", "a 2014 report", the second year of "2014-2015", "(2014)", and a numeral
    // opening a sentence, which news style allows only for years
    const led = /^(?:back|in|early|late|mid|the)\b/i.test(m[0]) || TIME_PREPOSITIONS.has(wordBefore(m, text)) || /^(?:the|a|an)$/.test(wordBefore(m, text)) ||
      POSSESSIVE_BEFORE_RE.test(before) || /(?:1[5-9]|20)\d\d\s*[-–]\s*$/.test(before) || (/\($/.test(before) && after.startsWith(")")) ||
      m.index === 0 || /[.!?]["”’]?\s+$/.test(before);
    // "its full-scale 2022 invasion", "the 2014 elections": an event noun after the number makes it a year;
    // without a lead word only a singular one ("carried out 2000 attacks" counts attacks)
    const noun = /^\s+([a-z]+)\b/.exec(after)?.[1];
    if (noun !== undefined && EVENT_NOUNS.has(noun) && (led || !noun.endsWith("s"))) return { kind: "year", year: Number(g(m, "y")) };
    if (!led) return null;
    // "a 2000-pound bomb", "1500-meter": a compound adjective of a count
    if (/^[-–][a-z]/i.test(after)) return null;
    // a plural noun after the number makes it a count ("2000 fighters"); "was", "this", "its" are not plurals
    if (/^\s+(?:[a-z]{2,}[^siu\W]s|people|men|women|children|police|militia|personnel)\b/.test(after)) return null;
    if (/^\s*(?:-|–)\s*\d/.test(after) && !/^\s*[-–]\s*(?:1[5-9]|20)\d\d/.test(after)) return null;
    return { kind: "year", year: Number(g(m, "y")) };
  }),
  rule("decade", [["#decade"]], `${IN_MOD}(?:the\\s+)?(?:(?:early|mid|late)[\\s-]+)?(?<dec>(?:1[5-9]|20)\\d0)['’]?s`, (m) => {
    return { kind: "decade", decade: Number(g(m, "dec")) / 10 };
  }),
  rule("decade-short", [["#decade"]], `(?:in\\s+)?the\\s+(?:(?:early|mid|late)[\\s-]+)?['’](?<dd>\\d0)s`, (m) => {
    const dd = Number(g(m, "dd"));
    return { kind: "decade", decade: dd >= 50 ? 190 + dd / 10 : 200 + dd / 10 };
  }),
  // on Sunday · late on Thursday · last Sunday · Friday of next week · Sunday night
  rule("weekday", [["#weekday"]], `${DAY_EDGE}(?:(?<rel>this|last|next|past|coming|previous)\\s+)?(?<wd>${WEEKDAY})\\.?(?:\\s+(?:morning|afternoon|evening|night))?(?:\\s+(?:of\\s+)?(?<wrel>this|last|next)\\s+week)?`, (m, text) => {
    const word = g(m, "wd")!;
    if (isAbbreviation(word) && !/^(?:on|late|early|this|last|next)\s/i.test(m[0]) && wordBefore(m, text) !== "on") return null;
    // "The Sunday Times": a weekday inside a capitalized name
    if (wordBefore(m, text) === "the" && m[0] === word && SPACE_THEN_CAPITALIZED_RE.test(textAfter(m, text))) return null;
    const weekday = weekdayOf(word);
    return weekday === null ? null : { kind: "weekday", weekday, shift: shiftOf(g(m, "rel")), weekShift: shiftOf(g(m, "wrel")) };
  }),
  // next week on Friday · this week Friday
  rule("week-weekday", [["#weekday"], ["week"]], `(?<wrel>this|last|next)\\s+week\\s+(?:on\\s+)?(?<wd>${WEEKDAY})`, (m) => {
    const weekday = weekdayOf(g(m, "wd")!);
    return weekday === null ? null : { kind: "weekday", weekday, shift: null, weekShift: shiftOf(g(m, "wrel")) };
  }),
  // Thursday the 21st · friday the fifteen
  rule("weekday-day", [["#weekday"], ["#digit", "#dayword"]], `(?:on\\s+)?(?<wd>${WEEKDAY}),?\\s+the\\s+(?<d>${DAY})`, (m) => {
    const weekday = weekdayOf(g(m, "wd")!);
    const day = dayOf(g(m, "d")!);
    return weekday === null || day === null ? null : { kind: "dayOfMonth", day, weekday, monthShift: null };
  }),
  // the first Friday of July · the second Monday of next month · third Tuesday
  rule("nth-weekday", [["#weekday"], ["first", "second", "third", "fourth", "fifth", "last"]], `(?:the\\s+)?(?<ord>first|second|third|fourth|fifth|last)\\s+(?<wd>${WEEKDAY})(?:\\s+(?:of|in)\\s+(?:(?<mon>${MONTH_FULL})|(?:the\\s+)?(?<mrel>this|next|last|previous)\\s+month))?`, (m) => {
    const ord = g(m, "ord")!.toLowerCase();
    const hasMonth = g(m, "mon") !== undefined || g(m, "mrel") !== undefined;
    if (ord === "last" && !hasMonth) return null; // "last Sunday" is the weekday rule's
    const weekday = weekdayOf(g(m, "wd")!);
    if (weekday === null) return null;
    const n = ord === "last" ? -1 : ["first", "second", "third", "fourth", "fifth"].indexOf(ord) + 1;
    const mon = g(m, "mon");
    const month = mon === undefined ? null : monthOf(mon);
    return { kind: "nthWeekday", n, weekday, month, monthShift: mon === undefined ? (shiftOf(g(m, "mrel")) ?? 0) : null };
  }),
  // (on|for) the 27th · on 22nd · 20th of next month; a lone day only at the end of a clause
  rule("day-of-month", [["on", "for"], ["#digit", "#dayword"]], `(?:on|for)\\s+(?<the>the\\s+)?(?<d>${DAY})(?=\\s*(?:[.!?,;)]|$))`, (m) => {
    // the preposition leads the match (a literal start scans fast) and is left out of the span like any other
    const d = g(m, "d")!;
    const isNumeric = /^\d/.test(d);
    if (!isNumeric && g(m, "the") === undefined && !/(?:st|nd|rd|th|second|first|third)$/i.test(d)) return null;
    const day = dayOf(d);
    return day === null ? null : { kind: "dayOfMonth", day, weekday: null, monthShift: null };
  }),
  rule("day-of-relative-month", [["month"], ["this", "next", "last", "previous"], ["#digit", "#dayword"]], `(?:the\\s+)?(?<d>${DAY_NUM}|${DAY})\\s+of\\s+(?:the\\s+)?(?<mrel>this|next|last|previous)\\s+month`, (m) => {
    const day = dayOf(g(m, "d")!);
    return day === null ? null : { kind: "dayOfMonth", day, weekday: null, monthShift: shiftOf(g(m, "mrel")) ?? 0 };
  }),
];
