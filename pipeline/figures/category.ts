/**
 * What a figure is about (DATASET.md `category`), from the cue words around it
 * (category-cues.json): the verb of its clause ("killed thousands of civilians",
 * "35 members were killed", "half of the population is still displaced") and the head
 * of what it counts ("2,500 militants" → fighters). Measures take their category from
 * their unit (money → cost, meters → distance, "850-year-old" → age).
 */
import { z } from "zod";
import type { Token } from "../doc.js";
import { loadLexicon, word } from "../lexicon.js";
import type { Quantity } from "./extract-quantities.js";

const cueEntry = z.object({ word, category: word, role: z.enum(["clause", "head"]) });
const cues = loadLexicon(import.meta.url, "category-cues.json", cueEntry, (e) => `${e.role}:${e.word.toLowerCase()}`);
const CLAUSE = new Map(cues.filter((c) => c.role === "clause").map((c) => [c.word.toLowerCase(), c.category]));
const HEAD = new Map(cues.filter((c) => c.role === "head").map((c) => [c.word.toLowerCase(), c.category]));
const PERSONS = new Set(loadLexicon(import.meta.url, "person-nouns.json", word).map((w) => w.toLowerCase()));
const SUBSETS = loadLexicon(import.meta.url, "subset-cues.json", word);
/** "killing 27 people, including 11 children": the phrase that makes a figure part of the one before it */
export const SUBSET_LEAD = new RegExp(`(?:^|[^A-Za-z])(?:${[...SUBSETS].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /gu, "\\s+")).join("|")})\\s*[,:]?\\s*$`, "iu");
/** Plural demonyms name people: "Yemenis", "Afghans", "Sudanese" ("-ians" is in isPersonNoun already). */
const DEMONYM = /^\p{Lu}\p{Ll}{2,}(?:is|ans|ese)$/u;

/** Categories whose counted things are people. */
export const PERSON_CATEGORIES = new Set(["killed", "injured", "displaced", "trapped", "fighters", "detained"]);
/** What happened to the counted outranks who they are: "35 ISIS members were killed" is killed. */
const OUTRANKS_HEAD = new Set(["killed", "injured", "detained"]);

const DASH = new Set(["—", "–"]);
const CLAUSE_BREAK = new Set([";", ":", "—", "–", "(", ")", ".", "?", "!", "“", "”", "\""]);
/** words that may sit between a verb and its object amount: "killed at least", "displaced nearly" */
const NEAR_LIMIT = 3;
const BEFORE_LIMIT = 8;
const AFTER_LIMIT = 10;

function cueOf(t: Token, money: boolean): string | undefined {
  const c = CLAUSE.get(t.lower) ?? CLAUSE.get(t.lemma.toLowerCase());
  if (c === "cost" && !money) return undefined;
  return c;
}

export function headCategory(head: string | null): string | undefined {
  if (head === null) return undefined;
  const h = head.toLowerCase();
  return HEAD.get(h) ?? HEAD.get(h.replace(/s$/u, ""));
}

/** Words that name casualties by themselves when they follow an amount ("17 dead", "43 injured", "12 missing"). */
export function isCasualtyWord(word: string): boolean {
  const c = CLAUSE.get(word.toLowerCase());
  return c === "killed" || c === "injured";
}

function ownCategory(head: string): string | undefined {
  const c = CLAUSE.get(head.toLowerCase());
  return c === "cost" ? undefined : c;
}

/** A participle among the counted phrase's modifiers that says what happened to people: "8.6 million displaced Yemenis", "12 wounded soldiers". */
export function modifierCategory(modifiers: readonly Token[]): string | undefined {
  for (const t of modifiers) {
    const c = ownCategory(t.text);
    if (c !== undefined && PERSON_CATEGORIES.has(c)) return c;
  }
  return undefined;
}

/** Does the counted noun name people (or what happens to people: "the dead", "hostages")? */
export function countsPeople(head: string | null): boolean {
  return head !== null && (isPersonNoun(head) || headCategory(head) !== undefined || ownCategory(head) !== undefined);
}

export function isPersonNoun(head: string | null): boolean {
  if (head === null) return false;
  const h = head.toLowerCase();
  return PERSONS.has(h) || HEAD.has(h) || /(?:ians|ists|ees)$/u.test(h) || DEMONYM.test(head);
}

/** The nearest clause cue before `start` and after `end` (token distances). */
function clauseCues(tokens: readonly Token[], start: number, end: number, money: boolean): { before: [string, number] | null; after: [string, number] | null } {
  let before: [string, number] | null = null;
  let after: [string, number] | null = null;
  const first = tokens.findIndex((t) => t.end > start);
  for (let k = (first < 0 ? tokens.length : first) - 1, d = 0; k >= 0 && d < BEFORE_LIMIT; k--, d++) {
    const t = tokens[k]!;
    // "were wounded and one civilian was killed": a verb across "and" belongs to the clause before
    if (CLAUSE_BREAK.has(t.text) || t.text === "," || t.pos === "CCONJ") break;
    const c = cueOf(t, money);
    if (c) {
      before = [c, d];
      break;
    }
  }
  const from = tokens.findIndex((t) => t.start >= end);
  for (let k = from, d = 0; k >= 0 && k < tokens.length && d < AFTER_LIMIT; k++, d++) {
    const t = tokens[k]!;
    if (DASH.has(t.text)) {
      // "About 1.9 million people — nearly 90% of the population — have been displaced": read past the aside
      const close = tokens.findIndex((x, i) => i > k && DASH.has(x.text));
      if (close < 0) break;
      k = close;
      continue;
    }
    if (CLAUSE_BREAK.has(t.text) || t.text === "," || t.pos === "NUM") break;
    const c = cueOf(t, money);
    if (c) {
      after = [c, d];
      break;
    }
  }
  return { before, after };
}

/** A head cue earlier in the sentence, for an amount that names no noun ("the fighters … no more than a few hundred"). */
function headBefore(tokens: readonly Token[], start: number): string | undefined {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.end > start) continue;
    const c = headCategory(t.text);
    if (c) return c;
  }
  return undefined;
}

function measure(category: string): { category: string; byVerb: boolean } {
  return { category, byVerb: false };
}

/**
 * `head` is the counted noun (null when the amount names none); `thing` says it is a
 * common noun that does not name people ("28 missiles were shot down" is a count).
 */
export function categoryOf(
  q: Quantity,
  head: string | null,
  thing: boolean,
  tokens: readonly Token[],
  span: { start: number; end: number },
  modifier?: string,
): { category: string; byVerb: boolean } {
  if (q.kind === "money") return measure("cost");
  if (q.kind === "distance") return measure("distance");
  if (q.kind === "area") return measure("area");
  if (q.kind === "duration") return measure(q.compound === "age" ? "age" : "duration");
  if (q.kind === "weight" || q.kind === "volume" || q.kind === "ratio") return measure("count");
  if (thing) return measure("count");
  const { before, after } = clauseCues(tokens, span.start, span.end, false);
  const verb = before && before[1] < NEAR_LIMIT ? before[0] : (after?.[0] ?? before?.[0]);
  // the counted noun may say it by itself: "240 hostages", "30 wounded", "1,000 refugees"
  const own = (head === null ? undefined : ownCategory(head)) ?? modifier;
  if (own && OUTRANKS_HEAD.has(own)) return { category: own, byVerb: false };
  if (verb && OUTRANKS_HEAD.has(verb)) return { category: verb, byVerb: true };
  const fighters = headCategory(head);
  if (fighters) return { category: fighters, byVerb: false };
  if (own) return { category: own, byVerb: false };
  if (verb) return { category: verb, byVerb: true };
  const earlier = head === null && q.form === "vague" ? headBefore(tokens, span.start) : undefined;
  return earlier ? { category: earlier, byVerb: false } : measure("count");
}
