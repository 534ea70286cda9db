/**
 * Positional evidence: where the body starts and ends, the headline and dek above it,
 * masthead and navigation lines in the head, teaser headlines in the tail, all-caps
 * headlines of other articles inside the body, link lists under a "Related stories"
 * label, a site name above the headline, datelines opening the body, and lines repeated
 * elsewhere (a caption shown twice, a teaser headline that also sits inside a "Read Next:" line).
 */
import type { Line } from "../doc.js";
import { lineReason } from "./line-rules.js";
import type { LineShape } from "./lines.js";

export type Layout = {
  reasons: (string | null)[];
  roles: Line["role"][];
  title: number | null; // line index
  dek: number | null;
  masthead: number | null;
};

/** A body paragraph: ends like a sentence and is long enough to be more than a label. */
const PROSE_MIN_WORDS = 5;
/** The body starts at the first line this long that ends like a sentence. */
const BODY_START_MIN_WORDS = 8;
const TITLE_MIN_WORDS = 3;
const TITLE_MAX_WORDS = 30;
const DEK_MAX_WORDS = 45;
const NAV_MAX_WORDS = 4;
/** A repeated or contained line must be this long to count as the same text, not a common phrase. */
const REPEAT_MIN_WORDS = 3;

function nextNonBlank(shapes: LineShape[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < shapes.length; j += step) if (!shapes[j]!.blank) return j;
  return -1;
}

export function layout(shapes: LineShape[]): Layout {
  const n = shapes.length;
  const reasons: (string | null)[] = new Array<string | null>(n).fill(null);

  // where the body starts, for rules that only apply in the head (bylines)
  let bodyStart = n;
  for (let i = 0; i < n; i++) {
    const s = shapes[i]!;
    if (s.endsSentence && s.words >= BODY_START_MIN_WORDS && lineReason(s, false) === null) {
      bodyStart = i;
      break;
    }
  }
  for (let i = 0; i < n; i++) reasons[i] = lineReason(shapes[i]!, i < bodyStart);

  markRepeats(shapes, reasons);
  markListsUnderLabels(shapes, reasons, bodyStart);

  // a headline may end with "?" or "!": the first substantive line, if short, is not body yet
  const firstLine = shapes.findIndex((s, i) => !s.blank && reasons[i] === null);
  const questionTitle = firstLine >= 0 && !shapes[firstLine]!.endsPeriod && shapes[firstLine]!.words <= TITLE_MAX_WORDS;
  const isProse = (i: number) =>
    reasons[i] === null && shapes[i]!.endsSentence && shapes[i]!.words >= PROSE_MIN_WORDS && !(questionTitle && i === firstLine);
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!isProse(i)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) first = last = n;

  // head: the headline is the first substantive line above the body that does not end
  // with a period; short unpunctuated lines beside header meta are the masthead, others navigation
  let title: number | null = null;
  let masthead: number | null = null;
  let siteName: number | null = null;
  for (let i = 0; i < first; i++) {
    const s = shapes[i]!;
    if (s.blank || reasons[i] !== null) continue;
    if (s.dateline) break; // the article's first paragraph opens with its dateline
    if (title === null && (masthead === null || masthead === siteName) && s.words >= TITLE_MIN_WORDS && s.words <= TITLE_MAX_WORDS && !s.endsPeriod) {
      if (masthead === null && isSiteName(shapes, reasons, i)) {
        masthead = siteName = i;
        reasons[i] = "masthead";
        continue;
      }
      title = i;
      continue;
    }
    if (s.endsSentence) break; // a sentence: the article's text has begun, the head is over
    if (title !== null && i === nextNonBlank(shapes, title, 1) && !s.endsPeriod && s.words <= DEK_MAX_WORDS) continue; // subtitle: a dek
    if (s.words <= NAV_MAX_WORDS && !s.endsSentence) {
      const besideMeta = [nextNonBlank(shapes, i, -1), nextNonBlank(shapes, i, 1)].some(
        (j) => j >= 0 && (reasons[j] === "dateline_meta" || reasons[j] === "byline"),
      );
      if (besideMeta && masthead === null) {
        masthead = i;
        reasons[i] = "masthead";
      } else reasons[i] = "navigation";
    }
  }

  // dek: the line under the headline, one sentence or a subtitle, set off from the body
  // by a caption or credit below it
  let dek: number | null = null;
  if (title !== null) {
    const j = nextNonBlank(shapes, title, 1);
    if (j >= 0 && reasons[j] === null && !shapes[j]!.dateline && shapes[j]!.words <= DEK_MAX_WORDS) {
      const below = nextNonBlank(shapes, j, 1);
      const sentences = (shapes[j]!.norm.match(/[.!?]["'”’)\]]*(?:\s|$)/gu) ?? []).length;
      if (j < first || (sentences <= 1 && below >= 0 && reasons[below] !== null)) dek = j;
    }
  }

  // inside the body: an all-caps line of several words is another article's headline
  for (let i = first + 1; i < last; i++) {
    const s = shapes[i]!;
    if (reasons[i] === null && !s.blank && !s.dateline && s.words >= 4 && s.letters >= 15 && s.upperShare >= 0.8 && !s.endsPeriod) {
      reasons[i] = "other_headline";
    }
  }

  // tail: after the last body paragraph, unpunctuated lines are other articles' headlines
  for (let i = last + 1; i < n; i++) {
    const s = shapes[i]!;
    if (reasons[i] === null && !s.blank && !s.endsSentence) reasons[i] = "teaser";
  }

  const roles: Line["role"][] = shapes.map((s, i) => {
    if (s.blank) return "blank";
    if (reasons[i] !== null) return "boilerplate";
    if (i === title) return "title";
    if (i === dek) return "dek";
    return "body";
  });
  return { reasons, roles, title, dek, masthead };
}

/**
 * "The Kyiv Independent" above "Ukraine war latest: Russia launches …": a short line of
 * capitalised words over a longer unpunctuated line is the site's name, and the line under it
 * the headline. A short headline in sentence case ("Ukraine war latest") is not taken.
 */
function isSiteName(shapes: LineShape[], reasons: (string | null)[], i: number): boolean {
  const s = shapes[i]!;
  if (s.words > SITE_NAME_MAX_WORDS || s.capWordShare < 1) return false;
  const j = nextNonBlank(shapes, i, 1);
  if (j < 0 || reasons[j] !== null) return false;
  const n = shapes[j]!;
  return !n.endsSentence && n.words >= s.words + 2 && n.words <= TITLE_MAX_WORDS && n.capWordShare < 1;
}
const SITE_NAME_MAX_WORDS = 4;

/** Link lists a label heads ("Related stories", "Most read") hold at most this many headlines. */
const LINK_LIST_MAX = 12;
const LIST_LABEL_REASONS = new Set(["related_link", "read_next"]);

/**
 * Inside the body, the unpunctuated headline lines under a "Related stories" or "Read more"
 * label are the list it announces, when a line of prose follows them. Never above the body,
 * where the line under a "Most read" box may be the article's own headline.
 */
function markListsUnderLabels(shapes: LineShape[], reasons: (string | null)[], bodyStart: number): void {
  for (let i = bodyStart; i < shapes.length; i++) {
    const label = reasons[i] ?? null;
    if (label === null || !LIST_LABEL_REASONS.has(label) || shapes[i]!.words > NAV_MAX_WORDS) continue;
    const items: number[] = [];
    let j = i + 1;
    for (; j < shapes.length && items.length < LINK_LIST_MAX; j++) {
      const s = shapes[j]!;
      if (s.blank) continue;
      if (reasons[j] !== null || s.endsSentence || s.words < TITLE_MIN_WORDS || s.words > TITLE_MAX_WORDS) break;
      items.push(j);
    }
    // only a list the article's prose resumes after; the tail's lists are teasers (see layout)
    const resumes = j < shapes.length && reasons[j] === null && shapes[j]!.endsSentence && shapes[j]!.words >= PROSE_MIN_WORDS;
    if (resumes) for (const k of items) reasons[k] = label;
  }
}

/**
 * A line that repeats a boilerplate line, or sits inside one ("Iraqi PM Declares …" under
 * "Read Next: Iraqi PM Declares …"), is boilerplate for the same reason; an unpunctuated
 * line shown twice is a repeated caption.
 */
function markRepeats(shapes: LineShape[], reasons: (string | null)[]): void {
  const groups = new Map<string, number[]>();
  shapes.forEach((s, i) => {
    if (s.blank || s.words < REPEAT_MIN_WORDS) return;
    const g = groups.get(s.lower);
    if (g) g.push(i);
    else groups.set(s.lower, [i]);
  });
  const flagged = shapes.map((_, i) => i).filter((i) => reasons[i] !== null);
  for (const members of groups.values()) {
    const known = members.find((i) => reasons[i] !== null);
    if (known !== undefined) {
      for (const i of members) reasons[i] ??= reasons[known]!;
      continue;
    }
    // only a headline-like line (no final period) is taken for the copy of a teaser
    const container = shapes[members[0]!]!.endsPeriod
      ? undefined
      : flagged.find((j) => shapes[j]!.lower.includes(shapes[members[0]!]!.lower) && !members.includes(j));
    if (container !== undefined) for (const i of members) reasons[i] = reasons[container]!;
    else if (members.length > 1 && !shapes[members[0]!]!.endsSentence) for (const i of members) reasons[i] = "repeated_line";
  }
}
