/**
 * Rules that judge one line on its own: widget and call-to-action wording, photo
 * credits ("Name / Agency"), wire credits, header meta lines (dates, "Posted on by"),
 * bylines and stray fragments. Positional rules (head, tail, repeats) are in layout.ts.
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

/** A `contains` phrase only counts in a short line: a long paragraph may quote "click here". */
const CONTAINS_MAX_WORDS = 40;
const PREFIX_MAX_WORDS = 12;
const TRAILING_PUNCT_RE = /[\s.!?:;,…]+$/u;

/** The reason a widget phrase gives the line, if any. */
function widgetReason(shape: LineShape): string | null {
  const line = shape.lower.replace(TRAILING_PUNCT_RE, "");
  for (const p of phrases) {
    if (p.match === "line" && line === p.phrase) return p.reason;
    if (p.match === "prefix" && line.startsWith(p.phrase) && !/^\p{L}/u.test(line.slice(p.phrase.length))) {
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
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.&-]*|(?:al|el|de|da|du|van|von|bin|ibn|le|la)(?:-\p{Lu}[\p{L}'’-]*)?)`;
const NAMES = String.raw`\p{Lu}[\p{L}'’.&-]*(?:(?:\s+|\s*[-–]\s*)${NAME}){0,5}`;
const CREDIT_RE = new RegExp(String.raw`(?:^|\s|[.!?])${NAMES}\s*\/\s*${NAMES}\s*$`, "u");

const CONTRIBUTED_RE =
  /^.{2,80}?\s+contributed(?:\s+(?:reporting|to\s+this\s+(?:report|article|story)))*\.?$|^\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\s/iu;
// "Iraqi forces advance in Mosul [Reuters]", "… (AFP/Getty Images)": an agency credit in brackets ends the line
const BRACKET_CREDIT_RE = /[[(]\s*([^()[\]]{2,60}?)\s*[\])]\s*$/u;
const BULLET_RE = /^[*•·—–-]+\s*/u;

/** A bracketed credit naming a news or photo agency ends the line: the words before it describe a picture. */
function bracketCredit(shape: LineShape): boolean {
  const m = BRACKET_CREDIT_RE.exec(shape.norm);
  if (!m || m.index === 0) return false;
  return m[1]!.split(/\s*(?:\/|\bvia\b|,|;)\s*/u).some((part) => AGENCIES.has(part.replace(/^(?:photo|file|picture)s?:?\s*/iu, "").toLowerCase()));
}

/** A wire credit: "* Agence France-Presse", "Associated Press contributed.", "Reporting by …". */
function isWireCredit(shape: LineShape): boolean {
  if (shape.words > 16) return false;
  if (CONTRIBUTED_RE.test(shape.norm)) return true;
  const bare = shape.norm.replace(BULLET_RE, "").replace(TRAILING_PUNCT_RE, "").replace(/^with\s+/iu, "").toLowerCase();
  return AGENCIES.has(bare);
}

// Words that may stand beside a date in a header line ("date 2017-07-08 Posted on by X",
// "Published: 08 Jul 2017 14:05 GMT | Updated …").
const META_WORD_RE =
  /\b(?:date|dated|posted|published|updated|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|edt|est|et|pt|ct|pdt|pst|bst|cet|cest|local|time|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu;
const TIME_RE = /\b\d{1,2}:\d{2}(?::\d{2})?\b/gu;
const META_PUNCT_RE = /[|,•·:\-–—/()[\]]/gu;
const BY_TAIL_RE = /\bby\s+([\p{L}][\p{L}\p{N}_.'’-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,3})\s*$/iu;
const HEADER_CUE_RE = /\b(?:posted|published|updated|date)\b/iu;
const BYLINE_RE = /^[Bb][Yy]\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|al|de|van|von|bin|and)){0,4})\s*(?:[,|].*)?$/u;

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
  rest = rest.replace(META_WORD_RE, " ").replace(TIME_RE, " ").replace(META_PUNCT_RE, " ").trim();
  if (rest !== "") return null;
  return dates.length > 0 || hadCue ? { author } : null;
}

/** "By Jane Doe" / "By Jane Doe, Reuters": the author's name. */
export function bylineAuthor(shape: LineShape): string | null {
  if (shape.words > 10) return null;
  const m = BYLINE_RE.exec(shape.norm);
  return m ? m[1]! : null;
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
  const credit = CREDIT_RE.exec(shape.norm);
  if (credit) {
    // text before the credit describes the picture: a caption; a bare credit is a photo credit
    const described = shape.norm.slice(0, credit.index).split(" ").filter((w) => /\p{L}/u.test(w)).length >= 3;
    return described ? "caption" : "photo_credit";
  }
  if (bracketCredit(shape)) return "caption";
  if (isWireCredit(shape)) return "wire_credit";
  if (headerMeta(shape)) return "dateline_meta";
  if (inHead && bylineAuthor(shape)) return "byline";
  if (isFragment(shape)) return "fragment";
  return null;
}
