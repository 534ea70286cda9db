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

/**
 * `clause` is the event's chunk text; `before` the sentence text from its start to the end of
 * the chunk (governing verbs and hedges reach forward: "officials expect ISIS to carry out").
 */
export function judgeCertainty(clause: string, before: string, attribution: Attribution | null): Certainty {
  const clauseForModals = EXPECTED_NOT ? clause.replace(EXPECTED_NOT, " ") : clause;
  if (has(EXPECTED_IN_CLAUSE, clauseForModals) || has(EXPECTED_BEFORE, before)) return "expected";
  if (has(CLAIMED_BEFORE, before)) return "claimed";
  if (attribution?.party) return "claimed";
  return "reported";
}
