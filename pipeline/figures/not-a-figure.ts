/**
 * Numbers a text writes that are not quantities it asserts: parts of names and models
 * ("T-72", "F-16", "COVID-19"), years and times of day, ordinals ("3rd"), relative times
 * ("three years ago": a date, not a duration), addresses and scores. Each test reads the
 * sentence text around the quantity (UTF-16 offsets into `s`).
 */
import type { Quantity } from "./extract-quantities.js";

/** "T-72", "MiG-29", "A320", "COVID-19": a letter glued (or hyphen-glued) before the digits */
const NAME_BEFORE = /[A-Za-z](?:-|‐)?$/u;
/** "the 72-A", "9/11", "3:30": digits glued to a letter, slash or colon after */
const GLUED_AFTER = /^(?:[A-Za-z]|[/:]\d)/u;
const TIME_OF_DAY = /^\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|hrs\b|o['’]clock|h\d\d)(?![A-Za-z])/iu;
/** "three years ago", "two days later": a point in time, which the dates stage reads */
const RELATIVE_TIME = /^\s*(?:ago|later|earlier|after|before|before that|from now|since|hence|into)(?![A-Za-z])/iu;
const PERIOD_WORDS = /^(?:the\s+)?(?:next|last|past|coming|previous|first|final)\s+$/iu;
/** "the first half of 2023", "the latter half of the war": a part of a period or a sequence, not a share of anything counted */
const ORDINAL_PART = /(?:^|[^A-Za-z])(?:first|second|latter|former|final|last)\s+$/iu;

export function notAFigure(s: string, q: Quantity): boolean {
  const amountText = s.slice(q.amount.start, q.amount.end);
  if (q.form === "dotted" || q.form === "power") return true;
  if (q.form === "fraction" && amountText.includes("/")) return true; // "9/11", "24/7"
  // "for a fifth day", "a third time": an ordinal, not a fraction of a unit ("half a mile" is)
  if (q.form === "fraction" && q.kind !== "share" && q.kind !== "count" && !/\bhalf\b/iu.test(amountText)) return true;
  if (q.form !== "vague" && /^\d/u.test(amountText) && NAME_BEFORE.test(s.slice(Math.max(0, q.amount.start - 2), q.amount.start))) return true;
  // "a 50-50 chance", "won 3-2": a score or a code; real ranges ("200-300") arrive joined into one amount
  if (/\d[-–]$/u.test(s.slice(Math.max(0, q.amount.start - 2), q.amount.start)) || /^[-–]\d/u.test(s.slice(q.amount.end, q.amount.end + 2))) return true;
  const after = s.slice(q.end, q.end + 12);
  if (q.kind === "count" && GLUED_AFTER.test(after) && q.end === q.amount.end) return true;
  if (TIME_OF_DAY.test(after)) return true;
  if (q.kind === "duration" && q.compound === null && RELATIVE_TIME.test(after)) return true;
  // a vague stretch of time ("the next few days", "several weeks") asserts no amount
  if (q.kind === "duration" && q.form === "vague") return true;
  if (q.form === "vague" && q.kind === "count" && PERIOD_WORDS.test(s.slice(Math.max(0, q.start - 16), q.start))) return true;
  if (q.kind === "share" && ORDINAL_PART.test(s.slice(Math.max(0, q.start - 10), q.start))) return true;
  return false;
}

/** A bare four-digit number from 1800 to 2100 reads as a year unless people are counted. */
export function looksLikeYear(s: string, q: Quantity): boolean {
  const t = s.slice(q.amount.start, q.amount.end);
  return q.kind === "count" && /^\d{4}$/u.test(t) && Number(t) >= 1800 && Number(t) <= 2100 && q.qualifier === "exact";
}
