/**
 * Finding the speaker phrase around a reporting cue, on the tokens of one sentence.
 * Token ranges are [from, to) indices into the sentence's token array.
 *
 * Shapes handled (the common ones in wire copy):
 *   "X said ..."                 speaker before the cue, content after
 *   "..., X said." / "...," X said    speaker before the cue, content before
 *   "..., said X, head of Y."    inverted: speaker after the cue
 *   "... according to X."        speaker after the cue
 *   "X, a spokesman for Y, said" apposition kept in the speaker phrase
 */
import type { Token } from "../doc.js";

export type Range = { from: number; to: number };

const NP_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM", "PART"]);
/** Prepositions that may sit inside a speaker phrase ("a spokesman for the Command", "head of the Observatory"). */
const NP_INNER_ADP = new Set(["of", "for", "at", "in", "on", "from", "with", "against", "to"]);
/** Words between a speaker and its verb ("X also said", "X has declared", "X later told"). */
const SKIP_BEFORE_CUE = new Set(["also", "has", "have", "had", "been", "was", "later", "earlier", "previously", "then", "further", "once", "again"]);
/** Words before a comma that make a clause even without a verb tag; "Earlier this week, X said" has fewer. */
const MIN_CLAUSE_WORDS = 6;
const QUOTE = /^["“”‘’'«»]$/u;
const INNER_PUNCT = /^(?:\.|-|–|'s|’s|'|’)$/u;

export function isQuote(t: Token | undefined): boolean {
  return t !== undefined && QUOTE.test(t.text);
}

const CAPITALIZED = /^\p{Lu}/u;

/** Noun-phrase material; capitalized words count whatever their tag ("the Associated Press" tags Associated as a verb). */
function isNpToken(t: Token): boolean {
  return NP_POS.has(t.pos) || t.pos === "DET" || INNER_PUNCT.test(t.text) || (t.pos !== "PRON" && CAPITALIZED.test(t.text));
}

/** The second half of a hyphenated compound ("US-led", "Iranian-backed"), tagged as a verb by the parser. */
function isCompoundTail(toks: readonly Token[], i: number): boolean {
  return toks[i - 1]?.text === "-" && toks[i - 1]!.end === toks[i]!.start;
}

/** Index of the first token of the noun phrase that ends at `end - 1`, or `end` when there is none. */
function npBackward(toks: readonly Token[], end: number): number {
  let i = end - 1;
  let start = end;
  while (i >= 0) {
    const t = toks[i]!;
    if (t.pos === "DET") {
      start = i;
      // "a spokesman for the Command": a determiner after an inner preposition is not the left edge
      const adp = toks[i - 1];
      const head = toks[i - 2];
      if (adp && head && NP_INNER_ADP.has(adp.lower) && (head.pos === "NOUN" || head.pos === "PROPN")) {
        i -= 2;
        continue;
      }
      break;
    }
    if ((isNpToken(t) || isCompoundTail(toks, i)) && !(t.pos === "PUNCT" && start === end)) {
      start = i;
      i--;
      continue;
    }
    if (NP_INNER_ADP.has(t.lower) && start < end) {
      const head = toks[i - 1];
      if (head && (head.pos === "NOUN" || head.pos === "PROPN")) {
        i--;
        continue;
      }
    }
    break;
  }
  // never start on trailing punctuation
  while (start < end && toks[start]!.pos === "PUNCT") start++;
  return start;
}

/** Index one past the noun phrase starting at `from` (stops at commas, verbs and sentence end). */
function npForward(toks: readonly Token[], from: number): number {
  let i = from;
  let end = from;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.text === "," || t.text === ";" || QUOTE.test(t.text)) break;
    if (t.pos === "PUNCT" && t.text === "." && i === toks.length - 1) break;
    if (isNpToken(t) || isCompoundTail(toks, i)) {
      i++;
      end = i;
      continue;
    }
    if (NP_INNER_ADP.has(t.lower) && end > from) {
      const next = toks[i + 1];
      if (next && (isNpToken(next) || next.pos === "DET")) {
        i++;
        continue;
      }
    }
    break;
  }
  while (end > from && toks[end - 1]!.pos === "PUNCT") end--;
  return end;
}

/** The speaker before a cue at token `cue`; null when the tokens there are not a noun phrase or pronoun. */
export function speakerBefore(toks: readonly Token[], cue: number): Range | null {
  let end = cue;
  while (end > 0 && SKIP_BEFORE_CUE.has(toks[end - 1]!.lower)) end--;
  const prev = toks[end - 1];
  if (!prev) return null;
  if (prev.pos === "PRON") return { from: end - 1, to: end };
  if (prev.text === ",") {
    // apposition: "Brig. Gen. Yahia Rasoul, Iraqi Joint Operations Command Spokesman, said"
    const appStart = npBackward(toks, end - 1);
    if (appStart >= end - 1 || toks[appStart - 1]?.text !== ",") return null;
    const nameStart = npBackward(toks, appStart - 1);
    if (nameStart >= appStart - 1) return null;
    const hasName = toks.slice(nameStart, appStart - 1).some((t) => t.pos === "PROPN");
    return hasName ? { from: nameStart, to: end - 1 } : null;
  }
  const from = npBackward(toks, end);
  return from < end ? { from, to: end } : null;
}

/** The speaker after a cue ending at token `after` ("according to X", "said X, head of Y"). */
export function speakerAfter(toks: readonly Token[], after: number): Range | null {
  const to = npForward(toks, after);
  if (to <= after) return null;
  // apposition running to the end of the sentence: "..., said Rami Abdel Rahman, head of the Observatory."
  if (toks[to]?.text === ",") {
    const appTo = npForward(toks, to + 1);
    const rest = toks.slice(appTo).every((t) => t.pos === "PUNCT");
    if (appTo > to + 1 && rest) return { from: after, to: appTo };
  }
  return { from: after, to };
}

/**
 * Does the speaker phrase stand after the content: after a comma or closing quote, with a
 * clause (a verb or a quote) before it? "Nevertheless, Dillon added that ..." is not.
 */
export function followsContent(toks: readonly Token[], speaker: Range): boolean {
  const left = toks[speaker.from - 1];
  if (left === undefined || !(left.text === "," || isQuote(left))) return false;
  const before = toks.slice(0, speaker.from);
  // the parser sometimes tags a clause's verb as an adjective ("forces (ISF) liberated the city"), so a long stretch counts too
  const words = before.filter((t) => t.pos !== "PUNCT").length;
  return words >= MIN_CLAUSE_WORDS || before.some((t) => t.pos === "VERB" || t.pos === "AUX" || isQuote(t));
}
