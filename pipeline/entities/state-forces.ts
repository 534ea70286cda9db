/**
 * "government forces", "regime troops" name a state's army without naming the
 * state. When the text around says which state — a country named earlier in the
 * same sentence ("in Syria's Aleppo province as government forces advance"), or
 * only one country named in the two sentences before — the mention is tied to that
 * state's forces: the document's own entity for them when there is one ("Syrian
 * military", "Sudanese Armed Forces"), else "<Demonym> Security Forces", the name
 * the phrase table gives "<Demonym> forces". Otherwise it stays generic.
 */
import { nameKey, type Linked } from "./link.js";
import { countryDemonym, demonymCountry, genericForces } from "./lexicons.js";

const genericNames = new Set(genericForces.map((g) => g.name.toLowerCase()));
/** how many sentences back a lone country still says whose forces these are */
const WINDOW = 2;

/** The country a mention stands for or belongs to: "Syria", "Syrian military", "Government of Iraq". */
function countryOf(l: Linked): string | null {
  if (l.type === "LOCATION") return l.subtype === "country" ? l.name : null;
  if (l.type !== "ORG" || genericNames.has(l.name.toLowerCase())) return null;
  const of = /^Government of (.+)$/.exec(l.name);
  if (of) return of[1]!;
  const space = l.name.indexOf(" ");
  return space > 0 && l.subtype === "military" ? (demonymCountry.get(l.name.slice(0, space).toLowerCase()) ?? null) : null;
}

/** Linked mentions (in text order) with generic state forces tied to their state where the text says which. */
export function localizeStateForces(linked: readonly Linked[]): Linked[] {
  if (!linked.some((l) => l.type === "ORG" && genericNames.has(l.name.toLowerCase()))) return [...linked];
  // the document's own name for each state's military: the first military ORG of that country
  const military = new Map<string, Linked>();
  for (const l of linked) {
    const c = l.type === "ORG" && l.subtype === "military" ? countryOf(l) : null;
    if (c !== null && !military.has(c)) military.set(c, l);
  }
  const evidence: Array<{ country: string; sentence: number }> = [];
  return linked.map((l) => {
    const own = countryOf(l);
    if (own !== null) evidence.push({ country: own, sentence: l.sentence });
    if (l.type !== "ORG" || !genericNames.has(l.name.toLowerCase())) return l;
    const country = stateOf(evidence, l.sentence);
    if (country === null) return l;
    const known = military.get(country);
    if (known) return { ...l, name: known.name, key: known.key, lexiconId: known.lexiconId, subtype: known.subtype };
    const name = `${countryDemonym.get(country) ?? country} Security Forces`;
    return { ...l, name, key: `ORG:${nameKey(name)}` };
  });
}

/** The nearest country earlier in the sentence, else the only one in the sentences just before, else null. */
function stateOf(evidence: ReadonlyArray<{ country: string; sentence: number }>, sentence: number): string | null {
  const last = evidence[evidence.length - 1];
  if (last && last.sentence === sentence) return last.country;
  const recent = new Set<string>();
  for (let k = evidence.length - 1; k >= 0 && evidence[k]!.sentence >= sentence - WINDOW; k--) recent.add(evidence[k]!.country);
  return recent.size === 1 ? [...recent][0]! : null;
}
