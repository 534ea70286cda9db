/**
 * Rule-based sentence boundaries in the manner of pragmatic_segmenter's Golden Rules:
 * every run of . ! ? … is a candidate, and a candidate ends a sentence unless the word
 * before it is an abbreviation, a title or an initial, the next word is lower case, the
 * period sits inside a number, an e-mail or a web address, or it marks a list item.
 *
 * Pure function of a string; offsets are UTF-16 indices into that string (the segment
 * stage converts them to code points). Sentences never include surrounding whitespace.
 */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { listMarkers } from "./list-markers.js";

const abbreviations = loadLexicon(
  import.meta.url,
  "abbreviations.json",
  z.object({ abbr: word, kind: z.enum(["title", "number", "general"]) }),
  (e) => e.abbr,
);
const ABBR = new Map(abbreviations.map((e) => [e.abbr, e.kind]));
const STARTERS = new Set(loadLexicon(import.meta.url, "sentence-starters.json", word));
const TITLES = new Set(abbreviations.filter((e) => e.kind === "title").map((e) => e.abbr));
// "at 10 a.m. Tuesday", "at 6 a.m. ET": a day, a month or a time zone named after a time
// belongs to the same sentence
const TIME_ZONES = new Set(loadLexicon(import.meta.url, "time-zones.json", word));
// month names (with their abbreviations) and spelled-out weekdays
const CALENDAR = new Set(
  loadLexicon(import.meta.url, "../lexicons/calendar-words.json", z.object({ word, kind: z.string(), value: z.number(), abbreviation: z.boolean() }), (e) => e.word)
    .filter((e) => e.kind === "month" || !e.abbreviation)
    .map((e) => e.word),
);

export type SentenceSpan = { start: number; end: number };
export type SplitOptions = {
  /** "break": a newline ends a sentence unless it is an errant break (" \n" before a lower-case word);
   *  "space": newlines inside a paragraph are errant line breaks (text from PDFs). */
  newlines?: "break" | "space";
};

// a spaced ellipsis " . . ." (three or more) first, so its dots are not read one by one
const TERM_RE = /(?: \.){3,}|[.!?…．。]+/gu;
// closing quotes and brackets, and citation marks ("martyr.[1] The …") stay with the sentence
const CLOSERS_RE = /(?:["'”’»)\]]|\[\d{1,3}\])*/uy;
const OPENERS_RE = /^["'“‘«([]*/u;
const WS_RE = /\s/u;
const MULTI_PERIOD_RE = /^(?:\p{L}\.)+\p{L}$/u;
const TIME_ABBR_RE = /^(?:a\.m|p\.m)$/iu;
const NUMBER_BEFORE_RE = /\d\s*$/u;
const URLISH_RE = /@|:\/\/|^www\./iu;
/** Rules look this far (UTF-16 units) around a candidate, so a long paragraph stays linear. */
const WINDOW = 160;
/** Longest quotation (UTF-16 units) inside which stops are not sentence ends. */
const MAX_QUOTE = 600;
const DASH_BEFORE_RE = /\s(?:--|[—–-])[ \t]*$/u;

/** JavaScript's \s, by UTF-16 unit: what a regex would treat as white space. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
const TOKEN_OPENERS = new Set([..."([{\"'“‘«"].map((c) => c.charCodeAt(0)));

/** Start of the token that ends at `s` (back to a space or an opening bracket or quote), looking at most WINDOW back. */
function tokenStart(text: string, s: number): number {
  const lo = Math.max(0, s - WINDOW);
  let j = s;
  while (j > lo) {
    const c = text.charCodeAt(j - 1);
    if (isSpaceCode(c) || TOKEN_OPENERS.has(c)) break;
    j--;
  }
  return j;
}

/** The word before the spaces that precede `j` ("" when no space precedes it), not looking before `lo`. */
function wordBefore(text: string, lo: number, j: number): string {
  let k = j;
  if (k <= lo || !isSpaceCode(text.charCodeAt(k - 1))) return "";
  while (k > lo && isSpaceCode(text.charCodeAt(k - 1))) k--;
  const end = k;
  while (k > lo && !isSpaceCode(text.charCodeAt(k - 1))) k--;
  return text.slice(k, end);
}

const LOWER_RE = /\p{Ll}/u;
const UPPER_RE = /\p{Lu}/u;
const NUMERIC_RE = /\p{N}/u;
const SINGLE_UPPER_RE = /^\p{Lu}$/u;
const GLUED_SENTENCE_RE = /^\p{Lu}\p{Ll}+\b/u;
const GLUED_TOKEN_RE = /^(?:\p{Ll}{2,}|\p{Lu}\p{Ll}+|[\d,]+)$/u;
const GLUED_NEXT_RE = /^[\p{L}'’-]+\.?$/u;
const ELLIPSIS_THEN_UPPER_RE = /^(?: ?\.){3} \p{Lu}/u;
const ENDS_STOP_RE = /[.!?:]$/u;
const DASH_THEN_RE = /^(?:--|[–—])\s*(\S)/u;
const WORD_AT_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/uy;

// ASCII first: most characters tested are, and \p{Ll} / \p{Lu} of ASCII are a-z / A-Z
function isLower(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return k < 128 ? k >= 97 && k <= 122 : LOWER_RE.test(c);
}
function isUpper(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return k < 128 ? k >= 65 && k <= 90 : UPPER_RE.test(c);
}

/** "voila! -- you have cake": a dash after the stop continues the sentence. */
function dashBeforeLower(next: string): boolean {
  const m = DASH_THEN_RE.exec(next);
  return m !== null && isLower(m[1]);
}

/** Index of the last hyphen, dash or slash in `s`, or -1. */
function lastJoiner(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 47 || c === 0x2013 || c === 0x2014) return i;
  }
  return -1;
}

/** May a period after `token` (the text before it, back to whitespace) end a sentence before `next`? */
function periodEnds(before: string, token: string, next: string, prevWord: string): boolean {
  const opened = OPENERS_RE.exec(next)![0].length;
  const first = next[opened];
  if (first === undefined) return true;
  if (isLower(first) || dashBeforeLower(next)) return false;
  if (next.startsWith(".")) return false; // an ellipsis follows: "complex. . . .”"
  const lower = token.toLowerCase();
  // "Jan.–Mar. 2024", "Lt.-Gen. Ali": the abbreviation after a dash or slash decides
  const kind = ABBR.get(lower) ?? ABBR.get(lower.slice(lastJoiner(lower) + 1));
  if (NUMERIC_RE.test(first)) return kind !== "number" && kind !== "title";
  WORD_AT_RE.lastIndex = opened;
  const nextWord = WORD_AT_RE.exec(next)?.[0] ?? "";
  const tail = lower.slice(lower.lastIndexOf(".") + 1);
  if (kind === "title" || TITLES.has(tail) || (lower.includes(".") && lower.split(".").every((p) => TITLES.has(p)))) return false;
  // an initial: "Jonas E. Smith", "Q. What …" — but "you and I. Did …" ends a sentence
  if (SINGLE_UPPER_RE.test(token)) return prevWord !== "" && isLower(prevWord[0]) && !ENDS_STOP_RE.test(prevWord);
  // "at 6 P.M. Travelers …": a time followed by a capitalised word that is not a title
  if (TIME_ABBR_RE.test(token) && NUMBER_BEFORE_RE.test(before.slice(0, before.length - token.length))) {
    const w = nextWord.toLowerCase();
    return !TITLES.has(w) && !CALENDAR.has(w) && !TIME_ZONES.has(w);
  }
  if (kind !== undefined || MULTI_PERIOD_RE.test(token)) return STARTERS.has(nextWord);
  return true;
}

export function splitSentences(text: string, options: SplitOptions = {}): SentenceSpan[] {
  const ends = new Set<number>();
  const starts = new Set<number>();
  const newlines = options.newlines ?? "break";

  for (const m of text.matchAll(/\r\n|\n|\r/gu)) {
    const before = text[m.index - 1];
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + WINDOW);
    const next = rest.trimStart();
    const blankAfter = /^[ \t]*(?:\r\n|\n|\r)/u.test(rest);
    if (newlines === "space" && !blankAfter) continue;
    // "KYIV, Ukraine (AP) —" on a line of its own: a dateline runs on into the text below it
    if (!blankAfter && DASH_BEFORE_RE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    // " \n" before a lower-case word is a line wrapped in the middle of a sentence
    if (!blankAfter && before !== undefined && /[ \t]/u.test(before) && (isLower(next[0]) || next[0] === "(")) continue;
    ends.add(m.index);
  }

  const markers = listMarkers(text);
  const markerPunct = new Set<number>();
  for (const mk of markers) {
    starts.add(mk.start);
    for (let i = mk.punctStart; i < mk.punctEnd; i++) markerPunct.add(i);
  }

  const quotes = quotedSpans(text);
  let q = 0;
  for (const m of text.matchAll(TERM_RE)) {
    const s = m.index;
    const run = m[0];
    if (markerPunct.has(s) || markerPunct.has(s + run.length - 1)) continue;
    while (q < quotes.length && quotes[q]!.end <= s) q++;
    const inQuote = q < quotes.length && quotes[q]!.start < s;
    if (text[s - 1] === "[") continue; // "[...]" marks an omission inside a quotation
    let e = s + run.length;
    CLOSERS_RE.lastIndex = e;
    e += CLOSERS_RE.exec(text)![0].length;
    // a stop inside a quotation ends the sentence only where the quotation closes with it:
    // "“We are ready. We will win,” he said." is one sentence
    if (inQuote && e < quotes[q]!.end) continue;
    const after = text.slice(e, e + WINDOW);
    if (after.length === 0 || /^\s*$/u.test(after)) {
      ends.add(e);
      continue;
    }
    if (/[．。]/u.test(run)) {
      ends.add(e);
      continue;
    }
    const spaced = run.startsWith(" ");
    const dots = (run.match(/\./gu) ?? []).length + (run.includes("…") ? 3 : 0);
    if (!WS_RE.test(after[0]!)) {
      // "world.Today is …", "1,000.That is …": a missing space between two sentences
      if (run === "." && GLUED_SENTENCE_RE.test(after)) {
        const token = text.slice(tokenStart(text, s), s);
        const nextTok = after.split(/\s/u)[0]!;
        const ok = GLUED_TOKEN_RE.test(token) && !URLISH_RE.test(token + "." + nextTok) && GLUED_NEXT_RE.test(nextTok);
        if (ok && !ABBR.has(token.toLowerCase())) ends.add(e);
      }
      continue;
    }
    const next = after.trimStart();
    // "compounds. . . . The practice": the period ends the sentence, the ellipsis opens the next
    if (run === "." && ELLIPSIS_THEN_UPPER_RE.test(after)) {
      ends.add(e);
      continue;
    }
    const firstOfNext = next[OPENERS_RE.exec(next)![0].length];
    if (spaced) {
      // ". . ." marks an omission inside a sentence; ". . . ." is an omission and a full stop
      if (dots >= 4 && (isUpper(firstOfNext) || next.startsWith("."))) ends.add(e);
      continue;
    }
    if (/[!?]/u.test(run) || dots >= 2) {
      if (!isLower(firstOfNext) && !dashBeforeLower(next)) ends.add(e);
      continue;
    }
    const lo = Math.max(0, s - WINDOW);
    const before = text.slice(lo, s);
    const at = tokenStart(text, s);
    const token = text.slice(at, s);
    const prevWord = wordBefore(text, lo, at);
    if (periodEnds(before, token, next, prevWord)) ends.add(e);
  }

  return spansFrom(text, ends, starts);
}

/** Quotations that open and close within the text: curly pairs, and straight double quotes
 *  when they pair up evenly. Long spans are left out: a stray pair must not swallow a page. */
function quotedSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let open = -1;
  for (let i = text.indexOf("“"); i >= 0 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) open = i;
    else if (c === 0x201d && open >= 0) {
      if (i - open <= MAX_QUOTE) out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  const straight: number[] = [];
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) straight.push(i);
  if (straight.length % 2 === 0) {
    for (let k = 0; k < straight.length; k += 2) {
      if (straight[k + 1]! - straight[k]! <= MAX_QUOTE) out.push({ start: straight[k]!, end: straight[k + 1]! + 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Cut the text at the boundaries and trim each piece; empty pieces are dropped. */
function spansFrom(text: string, ends: Set<number>, starts: Set<number>): SentenceSpan[] {
  const cuts = [...new Set([...ends, ...starts])].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const out: SentenceSpan[] = [];
  let from = 0;
  for (const c of [...cuts, text.length]) {
    let a = from;
    let b = c;
    while (a < b && WS_RE.test(text[a]!)) a++;
    while (b > a && WS_RE.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
    from = c;
  }
  return out;
}
