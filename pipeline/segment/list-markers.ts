/**
 * List items run together on one line ("1.) The first item 2.) The second item",
 * "a. here it is b. another", "• 9. Stop smoking • 10. Get some rest"): each item is a
 * sentence of its own, and the period of its marker is not a full stop.
 *
 * A marker counts only inside a run of consecutive values in the same style (1. 2. 3.,
 * a) b) c), ii. iii.), and the run must open at the start of the text, after a full stop
 * or after a bullet, so that "for 1. above … for 2. above" in running prose is left alone.
 */
export type ListMarker = {
  start: number; // where the item begins (bullet, "(" or the marker itself)
  punctStart: number; // the marker's own punctuation, never a sentence end
  punctEnd: number;
};

const BULLETS = "•⁃▪‣◦●";
const MARKER_RE = new RegExp(
  String.raw`(?<=^|\s|[${BULLETS}])([${BULLETS}]\s*)?(\()?(\d{1,2}|[a-zA-Z]|[ivxIVX]{2,4})(\.\)|\)|\.)(?=\s)`,
  "gu",
);
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(s: string): number | null {
  const t = s.toLowerCase();
  if (!/^[ivx]+$/u.test(t)) return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!;
    const nxt = i + 1 < t.length ? ROMAN[t[i + 1]!]! : 0;
    total += v < nxt ? -v : v;
  }
  return total;
}

type Candidate = ListMarker & { values: number[]; style: string; opens: boolean; bullet: boolean };

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Cheap necessary condition for MARKER_RE, so most paragraphs skip its look-behind at every
 * position: a "." or ")" before white space, after a label (one letter or digit, two digits,
 * two to four roman numerals; an optional "(" before it) that opens the text or follows white
 * space or a bullet.
 */
function mayHoldMarker(text: string): boolean {
  for (let i = 0; i < BULLETS.length; i++) if (text.includes(BULLETS[i]!)) return true;
  for (const m of text.matchAll(PUNCT_BEFORE_SPACE_RE)) {
    let j = m.index;
    if (text.charCodeAt(j) === 41 && text.charCodeAt(j - 1) === 46) j--; // ".)"
    let k = j;
    while (k > 0 && j - k <= 4 && isAsciiAlnum(text.charCodeAt(k - 1))) k--;
    const run = j - k;
    if (run < 1 || run > 4 || (run > 1 && !LABEL_RE.test(text.slice(k, j)))) continue;
    if (k > 0 && text.charCodeAt(k - 1) === 40) k--; // "("
    if (k === 0 || WS_BEFORE_RE.test(text[k - 1]!)) return true;
  }
  return false;
}
const PUNCT_BEFORE_SPACE_RE = /[.)](?=\s)/gu;
// the labels MARKER_RE allows longer than one character: two digits, two to four roman numerals
const LABEL_RE = /^(?:\d{2}|[ivxIVX]{2,4})$/u;
const WS_BEFORE_RE = /\s/u;
const SPACE_THEN_UPPER_RE = /^\s+\p{Lu}/u;

export function listMarkers(text: string): ListMarker[] {
  const cands: Candidate[] = [];
  if (!mayHoldMarker(text)) return [];
  for (const m of text.matchAll(MARKER_RE)) {
    const [, bullet, paren, label, punct] = m as unknown as [string, string | undefined, string | undefined, string, string];
    const values: number[] = [];
    let kind: string;
    if (/^\d+$/u.test(label)) {
      values.push(Number(label));
      kind = "num";
    } else if (label.length === 1) {
      values.push(label.toLowerCase().charCodeAt(0) - 96);
      const r = romanValue(label);
      if (r !== null) values.push(r);
      kind = label === label.toLowerCase() ? "lower" : "upper";
    } else {
      const r = romanValue(label);
      if (r === null) continue;
      values.push(r);
      kind = label === label.toLowerCase() ? "lower" : "upper";
    }
    const start = m.index;
    const head = text.slice(Math.max(0, start - 80), start);
    const before = head.trimEnd();
    const punctStart = start + m[0].length - punct.length;
    cands.push({
      start,
      punctStart,
      punctEnd: punctStart + punct.length,
      values,
      style: `${paren ? "(" : ""}${kind}${punct}`,
      opens: (before === "" && start - head.length === 0) || /[\r\n]\s*$/u.test(head) || /[.!?:;]["'”’)]*$/u.test(before) || bullet !== undefined || BULLETS.includes(before.at(-1) ?? ""),
      bullet: bullet !== undefined,
    });
  }
  // keep the markers that continue a run opened properly: value + 1 of the previous one in the same style
  const keep = new Set<Candidate>();
  const lastByStyle = new Map<string, Candidate>();
  for (const c of cands) {
    const prev = lastByStyle.get(c.style);
    const follows = prev !== undefined && prev.values.some((p) => c.values.includes(p + 1));
    if (follows && (keep.has(prev) || prev.opens)) {
      keep.add(prev);
      keep.add(c);
    }
    lastByStyle.set(c.style, c);
  }
  // a bullet starts an item even without a numbered run, and so does a marker opening a line
  // before a capitalised word ("1. This is a list item.")
  for (const c of cands) {
    const head = text.slice(Math.max(0, c.start - 80), c.start);
    const lineStart = (c.start === head.length && head.trim() === "") || /[\r\n]\s*$/u.test(head);
    if (c.bullet || (lineStart && SPACE_THEN_UPPER_RE.test(text.slice(c.punctEnd, c.punctEnd + 8)))) keep.add(c);
  }
  const bulletStarts = [...text.matchAll(new RegExp(`[${BULLETS}]`, "gu"))].map((b) => b.index);
  const out: ListMarker[] = [...keep].map(({ start, punctStart, punctEnd }) => ({ start, punctStart, punctEnd }));
  for (const b of bulletStarts) if (!out.some((o) => o.start === b)) out.push({ start: b, punctStart: b, punctEnd: b });
  return out.sort((a, b) => a.start - b.start || a.punctStart - b.punctStart);
}
