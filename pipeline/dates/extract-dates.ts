/**
 * Find the time expressions of a run of sentences: every rule proposes matches, then the
 * longest wins where they overlap ("Late on Thursday" over "Thursday", "almost three
 * years ago" over "three years"), ties going to the earlier match and then to rule order.
 *
 * Speed: a rule's regex only scans where it can match. Every match holds a word of each
 * of the rule's `when` groups, spans at most two sentences (a wrong split: "Oct. 2") and
 * reaches no further than REACH characters from its first group's word. So a rule runs
 * only around those words, in sentences that (with their neighbours) hold a word of every
 * group. One word scan per run decides that for all rules at once.
 */
import { calendarRules } from "./calendar-rules.js";
import type { Candidate } from "./date-spec.js";
import { CLASS_WORDS, wordClass } from "./grammar.js";
import { relativeRules } from "./relative-rules.js";

const RULES = [...calendarRules, ...relativeRules];

/**
 * Rules match "on Sunday", "in October", "back in 2014" because the preposition decides
 * whether a bare name is a time; the span leaves it out, as TIMEX3 annotations do.
 */
const LEADING_PREPOSITION = /^(?:back\s+in|on|in|for|over|during|at)\s+(?=\S)/i;

/** For each `when` word or class: the rules that name it, as [rule index, group bit] pairs. */
const TRIGGERS = new Map<string, number[]>();
/** The bits a rule's groups add up to: the rule may match where all of them are present. */
const FULL = RULES.map((r) => (1 << r.when.length) - 1);
RULES.forEach((r, ri) =>
  r.when.forEach((group, gi) => {
    for (const w of group) {
      const list = TRIGGERS.get(w) ?? [];
      list.push(ri, 1 << gi);
      TRIGGERS.set(w, list);
    }
  }),
);
/**
 * The words the scan looks for: every `when` word and every word with a class, as whole
 * words ([A-Za-z]+ runs), and digit runs. One regex pass finds them; other words cost nothing.
 */
const SCANNED = [...new Set([...[...TRIGGERS.keys()].filter((w) => /^[a-z]+$/.test(w)), ...CLASS_WORDS])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const WORD = new RegExp(`[0-9]+|(?<![A-Za-z])(?:${SCANNED.join("|")})(?![A-Za-z])`, "gi");

/** What one word scan of a run tells the rules. */
type Scan = {
  /** which `when` groups of each rule each sentence holds: `masks[s * RULES.length + r]` */
  masks: Uint8Array;
  /** per rule, where words of its first group are, as [start, end] pairs in text order (no list: none) */
  hits: (number[] | undefined)[];
};

function mark(scan: Scan, at: number, key: string, start: number, end: number): void {
  const t = TRIGGERS.get(key);
  if (t === undefined) return;
  for (let k = 0; k < t.length; k += 2) {
    const r = t[k]!;
    const bit = t[k + 1]!;
    scan.masks[at + r]! |= bit;
    if (bit === 1) (scan.hits[r] ??= []).push(start, end);
  }
}

/**
 * One pass over the `when` words of the text. Digits count as "#digit", four of them from
 * 1000 to 2099 also as "#year", digits with a separator and more digits after them
 * ("22/04") as "#numsep", digits ending in 0 before an "s" ("1990s", "'90s") as "#decade".
 */
function scanWords(text: string, starts: readonly number[]): Scan {
  const n = RULES.length;
  const scan: Scan = { masks: new Uint8Array(starts.length * n), hits: new Array<number[] | undefined>(n) };
  let s = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    while (s + 1 < starts.length && m.index >= starts[s + 1]!) s++;
    const w = m[0];
    const at = s * n;
    const start = m.index;
    const end = start + w.length;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      mark(scan, at, "#digit", start, end);
      if (w.length === 4 && (c === 49 || (c === 50 && w.charCodeAt(1) === 48))) mark(scan, at, "#year", start, end);
      // "22/04", "2017-07-09", "13.5.2015": digits, a separator, digits
      const sep = text.charCodeAt(end);
      const next = text.charCodeAt(end + 1);
      if ((sep === 47 || sep === 46 || sep === 45) && next >= 48 && next <= 57) mark(scan, at, "#numsep", start, end);
      // "1990s", "1990's", "the '90s": digits ending in 0 with an "s" after them
      const s1 = sep | 0x20;
      if (w.charCodeAt(w.length - 1) === 48 && (s1 === 115 || ((sep === 39 || sep === 0x2019) && (next | 0x20) === 115))) mark(scan, at, "#decade", start, end);
      continue;
    }
    const lower = w.toLowerCase();
    mark(scan, at, lower, start, end);
    const cls = wordClass(lower);
    if (cls !== null) mark(scan, at, cls, start, end);
  }
  return scan;
}

/** UTF-16 ranges [from, to) where rule `r` may match: sentences holding all its groups with a neighbour on each side, merged. */
function activeRanges(r: number, masks: Uint8Array, starts: readonly number[], length: number): number[] {
  const n = RULES.length;
  const count = starts.length;
  const full = FULL[r]!;
  const out: number[] = [];
  for (let s = 0; s < count; s++) {
    let bits = masks[s * n + r]!;
    if (s > 0) bits |= masks[(s - 1) * n + r]!;
    if (s + 1 < count) bits |= masks[(s + 1) * n + r]!;
    if (bits !== full) continue;
    const from = starts[Math.max(0, s - 1)]!;
    const to = s + 2 < count ? starts[s + 2]! : length;
    if (out.length > 0 && from <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, to);
    else out.push(from, to);
  }
  return out;
}

const NOWHERE: readonly number[] = [];

/** No time expression reaches further than this from a word of its rule's first group ("back in late ... of" is about 50). */
const REACH = 120;

/** Where rule `r` is scanned: around each word of its first group, inside the ranges where it may match, merged. */
function regionsOf(r: number, scan: Scan, starts: readonly number[], length: number): readonly number[] {
  const hits = scan.hits[r];
  if (hits === undefined) return NOWHERE;
  const ranges = activeRanges(r, scan.masks, starts, length);
  const out: number[] = [];
  let k = 0;
  for (let h = 0; h < hits.length && k < ranges.length; h += 2) {
    const hs = hits[h]!;
    while (k < ranges.length && ranges[k + 1]! <= hs) k += 2;
    if (k >= ranges.length || hs < ranges[k]!) continue;
    const from = Math.max(ranges[k]!, hs - REACH);
    const to = Math.min(ranges[k + 1]!, hits[h + 1]! + REACH);
    if (out.length > 0 && from <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, to);
    else out.push(from, to);
  }
  return out;
}

/** Lookaheads at a region's end read a few characters on (`\s*$` must not see a false end of text). */
const LOOKAHEAD = 8;

/**
 * `starts` are the UTF-16 offsets in `text` where its sentences begin (the first is 0);
 * without them the text is one sentence.
 */
export function extractTimeExpressions(text: string, starts: readonly number[] = [0]): Candidate[] {
  const found: (Candidate & { order: number })[] = [];
  const scan = scanWords(text, starts);
  RULES.forEach((r, order) => {
    const regions = regionsOf(order, scan, starts, text.length);
    for (let k = 0; k < regions.length; k += 2) {
      const from = regions[k]!;
      const to = regions[k + 1]!;
      const scanned = to + LOOKAHEAD >= text.length ? text : text.slice(0, to + LOOKAHEAD);
      r.re.lastIndex = from;
      for (let m = r.re.exec(scanned); m && m.index < to; m = r.re.exec(scanned)) {
        if (m[0].length === 0) {
          r.re.lastIndex++;
          continue;
        }
        const spec = r.build(m, text);
        if (spec === null) continue;
        const lead = LEADING_PREPOSITION.exec(m[0])?.[0].length ?? 0;
        found.push({ start: m.index + lead, end: m.index + trimmedLength(m[0]), spec, rule: r.name, order });
      }
    }
  });
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const kept: Candidate[] = [];
  for (const c of found) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push({ start: c.start, end: c.end, spec: c.spec, rule: c.rule });
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A trailing period ends the sentence, or the abbreviation, not the expression: "on Wednesday.", "on tues." */
function trimmedLength(match: string): number {
  return match.endsWith(".") ? match.length - 1 : match.length;
}
