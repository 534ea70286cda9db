/**
 * segment: paragraphs, sentences and tokens.
 *
 * Sentences come from the rule-based splitter (sentence-split.ts) run on each paragraph, so
 * no sentence crosses a paragraph break or takes in a boilerplate line. Tokens come from ONE
 * wink-nlp parse per document of the clean paragraphs joined by blank lines; each token is
 * located in the source by searching its text forward from the previous token, so offsets
 * are exact even where wink splits contractions ("did" + "n't").
 */
import type { Doc, Sentence, Stage, Token } from "../doc.js";
import { paragraphsOf } from "./paragraphs.js";
import { BoundedParser } from "./parser.js";
import { splitSentences } from "./sentence-split.js";

export { splitSentences } from "./sentence-split.js";
export type { SentenceSpan, SplitOptions } from "./sentence-split.js";

// Only POS tagging (lemmas come with it): wink's own sentence boundaries are not used (the
// rule-based splitter gives them), and no stage reads its entity types, negation or
// sentiment.
// POS tags do not depend on those steps (checked token for token on the bench corpus), and
// leaving them out saves about a quarter of the parse. One parser per thread, renewed before
// its lexicon grows without bound (parser.ts).
const parser = new BoundedParser();
const PARAGRAPH_JOIN = "\n\n";
const SEARCH_AHEAD = 64;
const NON_SPACE_RE = /\S/u;
/** The spaces skipped between tokens: 9-13, 32, 0xa0, 0x2028, 0x2029, 0x202f, 0x3000 (tested per character, so no Set). */
function isGap(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000));
}

/**
 * A token as the parse gives it: a class rather than an object literal. V8 tracks the objects a
 * literal makes and, seeing that tokens outlive the young generation, allocates that literal
 * straight in the old generation ("allocation-site pretenuring"), where every store into a fresh
 * token pays for the write barrier: measured on the 10 MB bench corpus, the literal cost ~0.5 s
 * of CPU, the class ~0.1 s. Objects made by `new` are not tracked that way, so tokens are
 * allocated young like everything else. Same fields, same order.
 */
class ParsedToken implements Token {
  // `declare`: the fields are set by the constructor alone (no class-field definitions first)
  declare start: number;
  declare end: number;
  declare text: string;
  declare lower: string;
  declare pos: string;
  declare lemma: string;
  declare sentence: number;
  constructor(start: number, end: number, text: string, lower: string, pos: string, lemma: string, sentence: number) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.lower = lower;
    this.pos = pos;
    this.lemma = lemma;
    this.sentence = sentence;
  }
}

function sentencesOf(doc: Doc, paragraphs: ReturnType<typeof paragraphsOf>): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    const u16Start = doc.index.toUtf16(p.start);
    const text = doc.text.slice(u16Start, doc.index.toUtf16(p.end));
    for (const s of splitSentences(text)) {
      const n = out.length;
      out.push({
        start: doc.index.toCodePoint(u16Start + s.start),
        end: doc.index.toCodePoint(u16Start + s.end),
        id: `${doc.sourceId}-s${n + 1}`,
        paragraph: p.index,
        index: n,
        text: text.slice(s.start, s.end),
      });
    }
  }
  return out;
}

function tokensOf(doc: Doc, paragraphs: ReturnType<typeof paragraphsOf>, sentences: Sentence[]): Token[] {
  if (paragraphs.length === 0) return [];
  const pieces: string[] = [];
  const joinedStart: number[] = [];
  const sourceStart: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    const u16 = doc.index.toUtf16(p.start);
    const text = doc.text.slice(u16, doc.index.toUtf16(p.end));
    joinedStart.push(at);
    sourceStart.push(u16);
    pieces.push(text);
    at += text.length + PARAGRAPH_JOIN.length;
  }
  const joined = pieces.join(PARAGRAPH_JOIN);
  const { values, pos, lemmas } = parser.parse(joined);

  const out: Token[] = [];
  let cursor = 0;
  let p = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // (a token that opens with a visible ASCII character is no space; others ask the regex)
    const c0 = value.charCodeAt(0);
    if (!(c0 > 32 && c0 < 127) && !NON_SPACE_RE.test(value)) continue;
    let found = cursor;
    while (found < joined.length && isGap(joined.charCodeAt(found))) found++;
    if (!joined.startsWith(value, found)) {
      // look only a little ahead: a token whose text wink normalised would otherwise send
      // indexOf to the end of the document, once per such token
      const near = joined.slice(cursor, cursor + SEARCH_AHEAD + value.length).indexOf(value);
      if (near < 0) continue; // no exact span to give for this token
      found = cursor + near;
    }
    cursor = found + value.length;
    while (p + 1 < joinedStart.length && joinedStart[p + 1]! <= found) p++;
    const u16 = sourceStart[p]! + (found - joinedStart[p]!);
    const start = doc.index.toCodePoint(u16);
    const end = doc.index.toCodePoint(u16 + value.length);
    while (s + 1 < sentences.length && sentences[s]!.end <= start) s++;
    out.push(new ParsedToken(start, end, value, value.toLowerCase(), pos[i]!, lemmas[i]!, s));
  }
  return out;
}

export const segment: Stage = {
  name: "segment",
  requires: ["lines"],
  assigns: ["paragraphs", "sentences", "tokens"],
  run(doc) {
    const paragraphs = paragraphsOf(doc.lines);
    const sentences = sentencesOf(doc, paragraphs);
    const tokens = tokensOf(doc, paragraphs, sentences);
    return { ...doc, paragraphs, sentences, tokens };
  },
};
