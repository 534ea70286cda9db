/**
 * How sure the report is: `expected` (predicted, planned, feared, conditional), `claimed`
 * (hedged, or said in the same sentence by a party to the fighting), else `reported`.
 * Expected wins over claimed: a spokesman's forecast is still only a forecast.
 */
import type { Attribution, Certainty } from "../doc.js";
import { CLAIMED_BEFORE, EXPECTED_BEFORE, EXPECTED_IN_CLAUSE, EXPECTED_NOT } from "./lexicons.js";

function has(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}

/** Where the sentence-wide cues (governing verbs, hedges) end, found once per sentence. */
export type SentenceCues = { expectedEnds: number[]; claimedEnds: number[] };

function matchEnds(re: RegExp | null, text: string): number[] {
  if (!re) return [];
  const ends: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  return ends;
}

export function sentenceCues(sentenceText: string): SentenceCues {
  return { expectedEnds: matchEnds(EXPECTED_BEFORE, sentenceText), claimedEnds: matchEnds(CLAIMED_BEFORE, sentenceText) };
}

/**
 * `clause` is the event's chunk text; `upTo` the UTF-16 offset of the chunk's end in the sentence
 * text: governing verbs and hedges reach forward ("officials expect ISIS to carry out ...").
 */
export function judgeCertainty(clause: string, cues: SentenceCues, upTo: number, attribution: Attribution | null): Certainty {
  const clauseForModals = EXPECTED_NOT ? clause.replace(EXPECTED_NOT, " ") : clause;
  if (has(EXPECTED_IN_CLAUSE, clauseForModals) || cues.expectedEnds.some((e) => e <= upTo)) return "expected";
  if (cues.claimedEnds.some((e) => e <= upTo)) return "claimed";
  if (attribution?.party) return "claimed";
  return "reported";
}
