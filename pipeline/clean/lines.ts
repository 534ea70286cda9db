/** Physical lines of a document with the shape features the boilerplate rules read. */
import type { Doc, Line } from "../doc.js";

/** Split on \n, \r\n or \r; every line starts as body (or blank) with no boilerplate reason. */
export function splitLines(doc: Pick<Doc, "text" | "index">): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let n = 1;
  const push = (s: number, e: number) => {
    const text = doc.text.slice(s, e);
    const span = doc.index.span(s, e);
    lines.push({ ...span, line: n++, text, boilerplate: null, role: text.trim() === "" ? "blank" : "body" });
  };
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  // a trailing line without a final newline is still a line; an empty text has none
  if (start < doc.text.length) push(start, doc.text.length);
  return lines;
}

export type LineShape = {
  /** whitespace collapsed (NBSP included), trimmed */
  norm: string;
  /** lower-cased `norm`, straight quotes, trailing punctuation kept */
  lower: string;
  words: number;
  letters: number;
  /** share of letters that are upper case (0..1) */
  upperShare: number;
  /** share of words (of 4+ letters) that start with a capital */
  capWordShare: number;
  /** ends like a sentence: . ! ? or an ellipsis, optionally followed by closing quotes/brackets */
  endsSentence: boolean;
  /** ends with a period (not ? or !), optionally inside closing quotes */
  endsPeriod: boolean;
  blank: boolean;
};

const SPACE_RE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu;
const LETTER_RE = /\p{L}/gu;
const UPPER_RE = /\p{Lu}/gu;
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const ENDS_SENTENCE_RE = /[.!?…]["'”’»)\]]*$/u;
const ENDS_PERIOD_RE = /[.…]["'”’»)\]]*$/u;

export function normalizeSpace(s: string): string {
  return s.replace(SPACE_RE, " ").trim();
}

export function shapeOf(text: string): LineShape {
  const norm = normalizeSpace(text);
  const words = norm.match(WORD_RE) ?? [];
  const letters = (norm.match(LETTER_RE) ?? []).length;
  const upper = (norm.match(UPPER_RE) ?? []).length;
  const long = words.filter((w) => w.length >= 4);
  const capped = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return {
    norm,
    lower: norm.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"'),
    words: words.length,
    letters,
    upperShare: letters === 0 ? 0 : upper / letters,
    capWordShare: long.length === 0 ? 0 : capped / long.length,
    endsSentence: ENDS_SENTENCE_RE.test(norm),
    endsPeriod: ENDS_PERIOD_RE.test(norm),
    blank: norm === "",
  };
}
