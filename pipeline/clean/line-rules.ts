/**
 * Rules that judge one line on its own: widget and call-to-action wording, photo
 * credits ("Name / Agency", "AFP via Getty Images"), wire credits, header meta lines (dates,
 * times, "3 hours ago", "Posted on by"), reading-time and player labels, bylines and stray
 * fragments. Positional rules (head, tail, repeats) are in layout.ts.
 */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { findDates } from "./date-forms.js";
import type { LineShape } from "./lines.js";

const REASONS = new Set(loadLexicon(import.meta.url, "boilerplate-reasons.json", word));

const phrases = loadLexicon(
  import.meta.url,
  "widget-phrases.json",
  z.object({ phrase: word, match: z.enum(["line", "prefix", "contains"]), reason: word }),
  (e) => `${e.match}:${e.phrase.toLowerCase()}`,
).map((e) => {
  if (!REASONS.has(e.reason)) throw new Error(`widget-phrases.json: unknown reason ${e.reason} (see boilerplate-reasons.json)`);
  return { ...e, phrase: e.phrase.toLowerCase() };
});

const AGENCIES = new Set(loadLexicon(import.meta.url, "news-agencies.json", word).map((a) => a.toLowerCase()));

/** A news or photo agency's name ("Reuters", "AFP"): a credit, never the outlet of the page. */
export function isNewsAgency(name: string): boolean {
  return AGENCIES.has(name.toLowerCase());
}

/** A `contains` phrase only counts in a short line: a long paragraph may quote "click here". */
const CONTAINS_MAX_WORDS = 40;
const PREFIX_MAX_WORDS = 12;
const TRAILING_PUNCT_CHAR_RE = /^[\s.!?:;,…]$/u;

/**
 * `s.replace(/[\s.!?:;,…]+$/u, "")`, walking back from the end: the regex would be tried at
 * every space of a long paragraph before failing, and every line passes here.
 */
function withoutTrailingPunct(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_PUNCT_CHAR_RE.test(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

const LETTER_START_RE = /^\p{L}/u;
const LETTER_RE = /\p{L}/u;

/** The reason a widget phrase gives the line, if any. */
function widgetReason(shape: LineShape): string | null {
  const line = withoutTrailingPunct(shape.lower);
  for (const p of phrases) {
    if (p.match === "line" && line === p.phrase) return p.reason;
    if (p.match === "prefix" && line.startsWith(p.phrase) && !LETTER_START_RE.test(line.slice(p.phrase.length))) {
      // "Related: …" is a label whatever follows; "More from the UN is expected." is a sentence
      const labelled = p.phrase.endsWith(":") || /^\s*:/u.test(line.slice(p.phrase.length));
      if (labelled || (shape.words <= PREFIX_MAX_WORDS && !shape.endsPeriod)) return p.reason;
    }
    if (p.match === "contains" && shape.words <= CONTAINS_MAX_WORDS && line.includes(p.phrase)) return p.reason;
  }
  return null;
}

// "…in Mosul, Iraq.Erik De Castro / Reuters", "Ahmad Al-Rubaye / AFP - Getty Images",
// "REUTERS/Khalid al-Mousily": a run of capitalised names, a slash, a run of capitalised names,
// at the very end of the line. Particles (al-, de, bin) may be lower case.
// the name particles entities reads too (pipeline/lexicons/name-particles.json)
const PARTICLES = loadLexicon(import.meta.url, "../lexicons/name-particles.json", word)
  .map((w) => w.toLowerCase())
  .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
  .join("|");
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.&-]*|(?:${PARTICLES})(?:-\p{Lu}[\p{L}'’-]*)?)`;
const NAMES = String.raw`\p{Lu}[\p{L}'’.&-]*(?:(?:\s+|\s*[-–]\s*)${NAME}){0,5}`;
const CREDIT_RE = new RegExp(String.raw`(?:^|\s|[.!?])${NAMES}\s*\/\s*${NAMES}\s*$`, "u");

const CONTRIBUTED_RE =
  /^.{2,80}?\s+contributed(?:\s+(?:reporting|to\s+this\s+(?:report|article|story)))*\.?$|^\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\s/iu;
// "Iraqi forces advance in Mosul [Reuters]", "… (AFP/Getty Images)": an agency credit in brackets ends the line
const BRACKET_CREDIT_RE = /[[(]\s*([^()[\]]{2,60}?)\s*[\])]\s*$/u;
const BULLET_RE = /^[*•·—–-]+\s*/u;

// "Photo: AFP", "File photo", "AP Photo", "Reuters Pictures": the agency without the word for a picture
const PICTURE_PREFIX_RE = /^(?:photo|file|picture)s?:?\s*/iu;
const PICTURE_SUFFIX_RE = /\s+(?:photos?|pictures?|images)$/iu;

/** The agency name a credit part names, lower-cased, without "Photo"/"Pictures" around it. */
function agencyOf(part: string): string {
  const bare = part.replace(PICTURE_PREFIX_RE, "").toLowerCase();
  return AGENCIES.has(bare) ? bare : bare.replace(PICTURE_SUFFIX_RE, "");
}

/** A bracketed credit naming a news or photo agency ends the line: the words before it describe a picture. */
function bracketCredit(shape: LineShape): boolean {
  const m = BRACKET_CREDIT_RE.exec(shape.norm);
  if (!m || m.index === 0) return false;
  return m[1]!.split(/\s*(?:\/|\bvia\b|,|;)\s*/u).some((part) => AGENCIES.has(agencyOf(part)));
}

const AGENCY_JOIN_RE = /\s*(?:\/|\bvia\b|,|;|\s[-–|]\s)\s*/u;

/** "AFP via Getty Images", "Reuters/Getty": agency names only, joined by a slash or "via": a photo credit. */
function isAgencyPhotoCredit(shape: LineShape): boolean {
  if (shape.words > 10) return false;
  const parts = withoutTrailingPunct(shape.norm.replace(BULLET_RE, "")).split(AGENCY_JOIN_RE);
  return parts.length > 1 && parts.every((p) => AGENCIES.has(agencyOf(p)));
}

/** A wire credit: "* Agence France-Presse", "Associated Press contributed.", "Reporting by …". */
function isWireCredit(shape: LineShape): boolean {
  if (shape.words > 16) return false;
  if (CONTRIBUTED_RE.test(shape.norm)) return true;
  const bare = withoutTrailingPunct(shape.norm.replace(BULLET_RE, "")).replace(/^with\s+/iu, "").toLowerCase();
  return AGENCIES.has(bare);
}

// Words that may stand beside a date in a header line ("date 2017-07-08 Posted on by X",
// "Published: 08 Jul 2017 14:05 GMT | Updated …").
const META_WORD_RE =
  /\b(?:date|dated|posted|published|first|updated|last|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|edt|est|et|pt|ct|pdt|pst|bst|cet|cest|local|time|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu;
// "14:05", and "14.05" as the Guardian writes it (dates were taken out of the line first)
const TIME_RE = /\b\d{1,2}[:.]\d{2}(?::\d{2})?\b/gu;
const META_PUNCT_RE = /[.|,•·:\-–—/()[\]]/gu;
const BY_TAIL_RE = /\bby\s+([\p{L}][\p{L}\p{N}_.'’-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,3})\s*$/iu;
const HEADER_CUE_RE = /\b(?:posted|published|updated|date)\b/iu;
// "By Nidal al-Mughrabi, Reuters", "By Jane Doe and John Smith | AP": names (particles such
// as al-, de, van may be lower case) and "and", then an optional agency or role after a comma or bar
const BYLINE_RE = new RegExp(String.raw`^[Bb][Yy]\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:${NAME}|and)){0,5})\s*(?:[,|].*)?$`, "u");
// "3 hours ago", "an hour ago", "just now": a relative time stamp of a page or a live-blog entry
const RELATIVE_TIME_RE =
  /\b(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?|mos?|months?)\s+ago\b|\bjust\s+now\b/giu;
// "5 min read", "3 minute read": the reading time a template prints beside the byline
const READ_TIME_RE = /^\d{1,3}\s*(?:-\s*)?(?:min|mins|minutes?)\s+read$/iu;
// "Listen · 5:32", "Watch 2:14": an audio or video player's label and running time
const MEDIA_LENGTH_RE = /^(?:listen|watch|play)\b\W{0,3}(?:\d{1,2}:)?\d{1,2}:\d{2}$/iu;

export type HeaderMeta = { author: string | null };

/** A line made only of a date, header words and an optional "by Name": returns the author, if named. */
export function headerMeta(shape: LineShape): HeaderMeta | null {
  if (shape.words > 14) return null;
  const dates = findDates(shape.norm);
  let rest = shape.norm;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.index) + " " + rest.slice(d.index + d.length);
  const by = BY_TAIL_RE.exec(rest);
  const author = by ? by[1]! : null;
  if (by) rest = rest.slice(0, by.index);
  const hadCue = HEADER_CUE_RE.test(rest);
  const relative = rest.replace(RELATIVE_TIME_RE, " ");
  const hadRelative = relative !== rest;
  const timed = relative.replace(TIME_RE, " ");
  // a time of day alone ("10:42 GMT") is a live-blog entry's stamp
  const hadTime = timed !== relative;
  rest = timed.replace(META_WORD_RE, " ").replace(META_PUNCT_RE, " ").trim();
  if (rest !== "") return null;
  return dates.length > 0 || hadCue || hadRelative || hadTime ? { author } : null;
}

/** "By Jane Doe" / "By Jane Doe, Reuters": the author's name. */
export function bylineAuthor(shape: LineShape): string | null {
  if (shape.words > 12) return null;
  const m = BYLINE_RE.exec(withoutTrailingAgency(shape.norm));
  return m ? m[1]! : null;
}

/** "By JANE DOE and JOHN ROE Associated Press": the agency a byline ends with, without a comma, taken off. */
function withoutTrailingAgency(line: string): string {
  const words = line.split(" ");
  for (let n = Math.min(4, words.length - 2); n >= 1; n--) {
    if (AGENCIES.has(words.slice(-n).join(" ").toLowerCase())) return words.slice(0, -n).join(" ");
  }
  return line;
}

/** "in ," — what is left of a template when its fields were empty. */
function isFragment(shape: LineShape): boolean {
  if (shape.words > 3 || /\d/u.test(shape.norm)) return false;
  return shape.letters < 4 || /(?:^|\s)[,;:]+(?:\s|$)/u.test(shape.norm);
}

/** The reason one line is boilerplate on its own evidence, or null. */
export function lineReason(shape: LineShape, inHead: boolean): string | null {
  if (shape.blank) return null;
  const widget = widgetReason(shape);
  if (widget) return widget;
  // (a credit has a slash: most lines are spared the long pattern)
  const credit = shape.norm.includes("/") ? CREDIT_RE.exec(shape.norm) : null;
  if (credit) {
    // text before the credit describes the picture: a caption; a bare credit is a photo credit
    const described = shape.norm.slice(0, credit.index).split(" ").filter((w) => LETTER_RE.test(w)).length >= 3;
    return described ? "caption" : "photo_credit";
  }
  if (bracketCredit(shape)) return "caption";
  if (isAgencyPhotoCredit(shape)) return "photo_credit";
  if (READ_TIME_RE.test(shape.norm) || MEDIA_LENGTH_RE.test(shape.norm)) return "navigation";
  if (isWireCredit(shape)) return "wire_credit";
  if (headerMeta(shape)) return "dateline_meta";
  if (inHead && bylineAuthor(shape)) return "byline";
  if (isFragment(shape)) return "fragment";
  return null;
}
