/**
 * Find the time expressions of one sentence: every rule proposes matches, then the
 * longest wins where they overlap ("Late on Thursday" over "Thursday", "almost three
 * years ago" over "three years"), ties going to the earlier match and then to rule order.
 */
import { calendarRules } from "./calendar-rules.js";
import type { Candidate } from "./date-spec.js";
import { wordClass } from "./grammar.js";
import { relativeRules } from "./relative-rules.js";

const RULES = [...calendarRules, ...relativeRules];

/**
 * Rules match "on Sunday", "in October", "back in 2014" because the preposition decides
 * whether a bare name is a time; the span leaves it out, as TIMEX3 annotations do.
 */
const LEADING_PREPOSITION = /^(?:back\s+in|on|in|for|over|during|at)\s+(?=\S)/i;

const WORD = /[A-Za-z]+|[0-9]+/g;

/** The lower-cased words of the text, plus the classes the rules' `when` lists name. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (words.has(w)) continue;
    words.add(w);
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      words.add("#digit");
      if (w.length === 4 && (w.startsWith("1") || w.startsWith("20"))) words.add("#year");
    } else {
      const cls = wordClass(w);
      if (cls !== null) words.add(cls);
    }
  }
  return words;
}

export function extractTimeExpressions(text: string): Candidate[] {
  const found: (Candidate & { order: number })[] = [];
  const words = wordsOf(text);
  RULES.forEach((r, order) => {
    if (!r.when.every((group) => group.some((w) => words.has(w)))) return;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      const spec = r.build(m, text);
      if (spec === null) continue;
      const lead = LEADING_PREPOSITION.exec(m[0])?.[0].length ?? 0;
      found.push({ start: m.index + lead, end: m.index + trimmedLength(m[0]), spec, rule: r.name, order });
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
