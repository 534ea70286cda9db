/**
 * What a figure counts, read off the wink-nlp tokens after the amount: the noun phrase as
 * written ("ISIL fighters", "towns and villages", "old mosques and buildings"), skipping
 * the "of" of "thousands of civilians" and "half of the population".
 */
import type { Token } from "../doc.js";

export type Counted = { text: string; start: number; end: number; head: string; tokens: Token[] };

const SKIP_DETERMINERS = new Set(["the", "its", "their", "these", "those", "his", "her", "our", "a", "an", "all", "this", "that"]);
/** "a few more blocks": comparison words before the noun are not part of what is counted */
const SKIP_LEADING = new Set(["more", "other", "additional", "further", "extra", "fewer", "less", "odd"]);
const MODIFIER = new Set(["ADJ", "NOUN", "PROPN"]);
const NOUNISH = new Set(["NOUN", "PROPN"]);

function isNoun(t: Token | undefined): boolean {
  return t !== undefined && NOUNISH.has(t.pos);
}

/** The tagger reads some rare plurals as adjectives ("noncombatants/ADJ are trapped"); a plural-looking word before a verb is a noun. */
function isHead(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (isNoun(t)) return true;
  if (!t || t.pos !== "ADJ") return false;
  const next = tokens[j + 1];
  // "one civilian/ADJ was killed", "the dead/ADJ were": an adjective right before the verb is the head
  if (next !== undefined && (next.pos === "AUX" || next.pos === "VERB")) return true;
  return /[a-z]{3}[^su]s$/u.test(t.text) && (next === undefined || next.pos === "ADP" || next.pos === "PUNCT");
}

/** Participles used as modifiers ("armed men", "wounded soldiers") count when a noun follows. */
function isModifier(tokens: readonly Token[], k: number, first: boolean): boolean {
  const t = tokens[k]!;
  if (MODIFIER.has(t.pos)) return true;
  // only in first position: after a noun a participle is the verb ("families fled Highway 4")
  if (first && t.pos === "VERB" && /(?:ed|ing)$/u.test(t.text)) return isNoun(tokens[k + 1]) || tokens[k + 1]?.pos === "ADJ";
  // hyphen-glued names inside the phrase: "F-16 jets", "T-72 tanks", "Su-25s"
  const next = tokens[k + 1];
  if (t.text === "-" && k > 0 && !first) return next !== undefined && next.start === t.end && tokens[k - 1]!.end === t.start;
  if (t.pos === "NUM" && !first && tokens[k - 1]?.text === "-" && tokens[k - 1]!.end === t.start) return true;
  return false;
}

const IRREGULAR_PLURALS = new Set(["people", "children", "men", "women", "police", "personnel", "troops", "cattle"]);

function isPluralNoun(t: Token): boolean {
  return t.pos === "NOUN" && (IRREGULAR_PLURALS.has(t.lower) || /[^su]s$/u.test(t.text));
}

/** "17 dead and 43 injured": a casualty word right after the amount is what it counts. */
export function casualtyWordAfter(
  text: (s: number, e: number) => string,
  tokens: readonly Token[],
  from: number,
  isCasualty: (word: string) => boolean,
): Counted | null {
  const t = tokens.find((x) => x.start >= from);
  if (!t || (t.pos !== "ADJ" && t.pos !== "VERB") || !isCasualty(t.text)) return null;
  return { text: text(t.start, t.end), start: t.start, end: t.end, head: t.text, tokens: [t] };
}

/** End index (exclusive) of a run of modifiers + nouns starting at k, with "and"/"or" coordination of nouns. */
function phraseEnd(tokens: readonly Token[], k: number, limit: number): number {
  let j = k;
  while (j < tokens.length && tokens[j]!.start < limit && isModifier(tokens, j, j === k)) {
    // a plural noun ends the phrase: "people face famine" (modifiers of a compound are singular: "air strikes")
    if (j > k && isNoun(tokens[j]) && isPluralNoun(tokens[j - 1]!)) break;
    j++;
    const conj = tokens[j];
    const next = tokens[j + 1];
    // "towns and villages", not "three people and wounding 12 others" (a gerund starts a new clause)
    const coordinated = next !== undefined && (isNoun(next) || next.pos === "ADJ") && !/[a-z]ing$/u.test(next.text);
    if (conj && next && next.start < limit && isNoun(tokens[j - 1]) && (conj.text === "and" || conj.text === "or") && coordinated) j++;
  }
  while (j > k && !isHead(tokens, j - 1)) j--;
  return j;
}

/**
 * The counted phrase starting at the first token at or after `from` (code points),
 * within `tokens` (one sentence's tokens). `afterOf` lets "of" and a determiner be skipped.
 */
export function countedAfter(
  text: (s: number, e: number) => string,
  tokens: readonly Token[],
  from: number,
  afterOf: boolean,
  limit: number = Infinity, // where the next amount starts: "a dozen soldiers and hundreds of families" is two figures
  many = false, // the amount is more than one, so a singular noun followed by a modifier is a verb ("18 million face acute hunger")
): Counted | null {
  let k = tokens.findIndex((t) => t.start >= from);
  if (k < 0) return null;
  if (afterOf && tokens[k]!.lower === "of") {
    k++;
    while (k < tokens.length && SKIP_DETERMINERS.has(tokens[k]!.lower)) k++;
  }
  // "a 1,500-strong force": the hyphenated "-strong" says how big, the noun after it is counted
  if (tokens[k]?.text === "-" && tokens[k + 1]?.lower === "strong") k += 2;
  while (k < tokens.length && SKIP_LEADING.has(tokens[k]!.lower) && tokens[k + 1] && MODIFIER.has(tokens[k + 1]!.pos)) k++;
  let end = phraseEnd(tokens, k, limit);
  // "half of the country's pre-war population": a possessive is part of what is counted
  const pos = tokens[end];
  if (end > k && pos && /^['’]s?$/u.test(pos.text) && pos.start === tokens[end - 1]!.end && tokens[end + 1]?.pos !== "NUM") {
    const more = phraseEnd(tokens, end + 1, limit);
    if (more > end + 1) end = more;
  }
  const lead = tokens[k];
  const after = tokens[k + 1];
  if (many && lead && lead.pos === "NOUN" && !isPluralNoun(lead) && after && ["ADJ", "DET", "ADV", "PRON"].includes(after.pos)) return null;
  if (end > k) {
    const first = tokens[k]!;
    const last = tokens[end - 1]!;
    return { text: text(first.start, last.end), start: first.start, end: last.end, head: last.text, tokens: tokens.slice(k, end) };
  }
  return borrowedHead(text, tokens, k);
}

/**
 * "two eastern and two western districts": the first amount's adjectives borrow the head
 * noun of the coordinated phrase, so it counts "eastern districts".
 */
function borrowedHead(text: (s: number, e: number) => string, tokens: readonly Token[], k: number): Counted | null {
  let j = k;
  while (j < tokens.length && tokens[j]!.pos === "ADJ") j++;
  if (j === k) return null;
  const conj = tokens[j];
  if (!conj || (conj.text !== "and" && conj.text !== "or") || tokens[j + 1]?.pos !== "NUM") return null;
  let h = j + 2;
  while (h < tokens.length && tokens[h]!.pos === "ADJ") h++;
  const end = phraseEnd(tokens, h, Infinity);
  if (end <= h) return null;
  const own = tokens.slice(k, j);
  const heads = tokens.slice(h, end);
  const ownText = text(own[0]!.start, own[own.length - 1]!.end);
  const headText = text(heads[0]!.start, heads[heads.length - 1]!.end);
  return { text: `${ownText} ${headText}`, start: own[0]!.start, end: own[own.length - 1]!.end, head: heads[heads.length - 1]!.text, tokens: [...own, ...heads] };
}
