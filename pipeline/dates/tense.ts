/**
 * Which way a bare "on Sunday" or "in October" points: the tense of the verb nearest to
 * the expression. News narrates in the past, so the default is the past; the future only
 * when that verb's group carries a future marker ("will", "'ll", "going to", "set to").
 * Reads the segment stage's tokens; no second parse.
 */
import type { Span, Token } from "../doc.js";
import { FUTURE_CUES } from "./grammar.js";
import type { Direction } from "./resolve-dates.js";

const GROUP_POS = new Set(["AUX", "VERB", "PART", "ADV"]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const FUTURE = new RegExp(`(?:^| )(?:${FUTURE_CUES.map((c) => escape(c).replace(/ /g, " ")).join("|")})(?= |$)`);

/** `tokens` are the sentence's tokens, in order. */
export function directionAt(tokens: readonly Token[], span: Span): Direction {
  let best = -1;
  let bestDistance = Infinity;
  tokens.forEach((t, i) => {
    if (t.start >= span.start && t.end <= span.end) return;
    if (t.pos !== "VERB" && t.pos !== "AUX") return;
    const distance = t.end <= span.start ? span.start - t.end : t.start - span.end;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  if (best < 0) return "past";
  // the verb group: auxiliaries, particles and adverbs around the verb ("will not be", "is set to")
  let from = best;
  let to = best;
  while (from > 0 && best - from < 4 && GROUP_POS.has(tokens[from - 1]!.pos) && tokens[from - 1]!.end <= span.start === tokens[best]!.end <= span.start) from--;
  while (to + 1 < tokens.length && to - best < 2 && GROUP_POS.has(tokens[to + 1]!.pos) && tokens[to + 1]!.start < span.start === tokens[best]!.start < span.start) to++;
  const group = tokens.slice(from, to + 1).map((t) => t.lower).join(" ");
  return FUTURE.test(group) ? "future" : "past";
}
