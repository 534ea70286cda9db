/**
 * Cutting a sentence into clause-sized chunks, on its tokens. One chunk reports at most one
 * event, and the chunk is the event's span. Cuts fall at clause punctuation, at subordinators
 * ("as government forces advance", "after an attack on ..."), and at "and"/"but" when a verb
 * follows ("... reach the Tigris and have planted the flag"), which is where news sentences
 * chain their events.
 */
import type { Token } from "../doc.js";

export type Chunk = { from: number; to: number }; // [from, to) token indices in the sentence

const BREAK_PUNCT = new Set([",", ";", ":", "—", "–", "(", ")", "//"]);
/** Words that open a new clause. "until" and "to" are left out: "chasing ISIS until we kill them" is one event. */
const SUBORDINATORS = new Set(["as", "after", "while", "whilst", "when", "where", "which", "who", "whose", "though", "although", "because", "since", "before", "once", "if", "whereas", "but", "however"]);
const VERBAL = new Set(["VERB", "AUX"]);
const NOUN_PHRASE = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN"]);
/** How far after "and" a new clause's auxiliary may come ("and several air strikes were"). */
const NEW_SUBJECT_REACH = 5;

function hasFiniteVerb(toks: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const x = toks[j]!;
    if (x.pos === "AUX" || (x.pos === "VERB" && !/ing$/iu.test(x.text))) return true;
  }
  return false;
}

function hasNoun(toks: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (toks[j]!.pos === "NOUN" || toks[j]!.pos === "PROPN") return true;
  return false;
}

function opensClause(toks: readonly Token[], from: number, i: number): boolean {
  const t = toks[i]!;
  const w = t.lower;
  // "have since captured": after an auxiliary the word is an adverb
  if (SUBORDINATORS.has(w) && toks[i - 1]?.pos === "AUX") return false;
  if (SUBORDINATORS.has(w) && (t.pos === "SCONJ" || t.pos === "ADP" || t.pos === "CCONJ" || t.pos === "ADV" || t.pos === "PRON" || t.pos === "DET")) return true;
  if (w === "that" && t.pos === "SCONJ") return true;
  if (w === "and" || w === "or") {
    const next = toks[i + 1];
    const after = toks[i + 2];
    // a verb right after "and", or after one adverb ("and have symbolically planted", "and de-facto reached")
    const adverbial = next !== undefined && (next.pos === "ADV" || (next.pos === "ADJ" && next.text.includes("-")));
    if (next !== undefined && (VERBAL.has(next.pos) || (adverbial && after !== undefined && VERBAL.has(after.pos)))) return true;
    // "... could be heard and several air strikes were carried out": a new subject and its verb,
    // after a clause that has its own verb ("the loss of Raqqa and Mosul would be" is one subject)
    // (a bare gerund is no finite verb: "Fighting between the army and the RSF has killed" is one clause)
    if (!hasFiniteVerb(toks, from, i)) return false;
    for (let j = i + 1; j < Math.min(toks.length, i + 1 + NEW_SUBJECT_REACH); j++) {
      const t = toks[j]!;
      if (t.pos === "AUX") return j > i + 1 && hasNoun(toks, i + 1, j);
      if (!NOUN_PHRASE.has(t.pos)) return false;
    }
  }
  return false;
}

export function chunkSentence(toks: readonly Token[]): Chunk[] {
  const chunks: Chunk[] = [];
  let from = 0;
  const close = (to: number) => {
    // trim punctuation at both ends so spans start and end on words
    let a = from;
    let b = to;
    while (a < b && ((toks[a]!.pos === "PUNCT" && !/^[“"‘']$/u.test(toks[a]!.text)) || toks[a]!.pos === "SYM")) a++;
    while (b > a && toks[b - 1]!.pos === "PUNCT" && !/^[”"’']$/u.test(toks[b - 1]!.text)) b--;
    if (b > a) chunks.push({ from: a, to: b });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (BREAK_PUNCT.has(t.text)) {
      close(i);
      from = i + 1;
    } else if (i > from && opensClause(toks, from, i)) {
      close(i);
      from = i;
    }
  }
  close(toks.length);
  return chunks;
}
