/**
 * How sure the report is: `expected` (predicted, planned, feared, conditional), `claimed`
 * (hedged, or said in the same sentence by a party to the fighting), else `reported`.
 * Expected wins over claimed: a spokesman's forecast is still only a forecast.
 */
import type { Attribution, Certainty } from "../doc.js";
import { CLAIMED_BEFORE, EXPECTED_BEFORE, EXPECTED_IN_CLAUSE, EXPECTED_NOT } from "./lexicons.js";
import type { PhraseMatcher } from "./phrases.js";

function has(phrases: PhraseMatcher | null, text: string): boolean {
  return phrases !== null && phrases.test(text);
}

/** Where the sentence-wide cues (governing verbs, hedges) end, found once per sentence. */
export type SentenceCues = { expectedEnds: number[]; claimedEnds: number[] };

function matchEnds(phrases: PhraseMatcher | null, text: string): number[] {
  return phrases === null ? [] : phrases.ends(text);
}

export function sentenceCues(sentenceText: string): SentenceCues {
  return { expectedEnds: matchEnds(EXPECTED_BEFORE, sentenceText), claimedEnds: matchEnds(CLAIMED_BEFORE, sentenceText) };
}

/**
 * `clause` is the event's chunk text; `upTo` the UTF-16 offset of the chunk's end in the sentence
 * text: governing verbs and hedges reach forward ("officials expect ISIS to carry out ...").
 */
export function judgeCertainty(clause: string, cues: SentenceCues, upTo: number, attribution: Attribution | null): Certainty {
  // the sentence-wide cue first: it needs no regex over the clause
  if (cues.expectedEnds.some((e) => e <= upTo)) return "expected";
  const clauseForModals = EXPECTED_NOT ? EXPECTED_NOT.replace(clause, " ") : clause;
  if (has(EXPECTED_IN_CLAUSE, clauseForModals)) return "expected";
  if (cues.claimedEnds.some((e) => e <= upTo)) return "claimed";
  if (attribution?.party) return "claimed";
  return "reported";
}
