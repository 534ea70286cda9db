/** Finding event cues in a sentence's tokens and choosing, per clause chunk, the one that reports its event. */
import type { Span, Token } from "../doc.js";
import type { Chunk } from "./clauses.js";
import { NEGATIONS, OBJECT_CLASS_OF, TRIGGERS_BY_STEM, stem, type TriggerEntry } from "./lexicons.js";

export type Hit = {
  entry: TriggerEntry;
  from: number; // token index of the first cue word
  to: number; // one past the last cue word
  chunk: Chunk;
  passive: boolean;
  negated: boolean;
  objectClass: string | null;
};

/** How many tokens after the cue (or before it, for a passive or a predicate adjective) name what it acts on. */
const OBJECT_WINDOW = 8;
const NEGATION_WINDOW = 6;
const BE = new Set(["be", "is", "are", "was", "were", "been", "being", "am", "get", "got", "gets"]);

function matchesWord(t: Token, w: string): boolean {
  const lw = w.toLowerCase();
  // the parser leaves a sentence-final period on some words ("closed in.")
  const text = t.text.toLowerCase().replace(/\.$/u, "");
  return text === lw || t.lemma.toLowerCase() === lw || stem(text) === stem(lw);
}

/** The token range of `entry` starting at token i, honouring its gap; null when it does not match. */
function matchEntry(toks: readonly Token[], i: number, limit: number, entry: TriggerEntry): number | null {
  const gap = entry.gap ?? 0;
  let at = i + 1;
  for (let k = 1; k < entry.words.length; k++) {
    let found = -1;
    for (let j = at; j < Math.min(limit, at + gap + 1); j++) {
      if (matchesWord(toks[j]!, entry.words[k]!)) {
        found = j;
        break;
      }
    }
    if (found < 0) return null;
    at = found + 1;
  }
  return at;
}

function isPassive(toks: readonly Token[], i: number, chunk: Chunk): boolean {
  // "are advancing" is progressive, not passive
  if (/ing$/iu.test(toks[i]!.text)) return false;
  for (let j = i - 1; j >= chunk.from; j--) {
    const t = toks[j]!;
    if (BE.has(t.text.toLowerCase())) return true;
    if (t.pos !== "ADV" && t.pos !== "PUNCT") return false;
  }
  return false;
}

function isNegated(toks: readonly Token[], i: number, chunk: Chunk): boolean {
  const lo = Math.max(chunk.from, i - NEGATION_WINDOW);
  for (let j = lo; j < i; j++) {
    for (const neg of NEGATIONS) if (neg.every((w, k) => toks[j + k]?.text.toLowerCase() === w && j + k < i)) return true;
  }
  return false;
}

function objectClassNear(toks: readonly Token[], from: number, to: number, chunk: Chunk, lookBack: boolean): string | null {
  for (let j = to; j < Math.min(chunk.to, to + OBJECT_WINDOW); j++) {
    const c = OBJECT_CLASS_OF.get(toks[j]!.text.toLowerCase());
    if (c) return c;
  }
  if (lookBack) {
    for (let j = from - 1; j >= chunk.from; j--) {
      const c = OBJECT_CLASS_OF.get(toks[j]!.text.toLowerCase());
      if (c) return c;
    }
  }
  return null;
}

export type CueContext = {
  cueSpans: readonly Span[];
  placeAfter: (chunk: Chunk, tokenIndex: number) => boolean;
  /** is the token part of a name ("Joint Operation Command")? */
  inName: (t: Token, tokenIndex: number) => boolean;
};

/** A word glued by hyphens to its neighbours ("V-for-victory", "self-declared") is not a cue on its own. */
function inCompound(toks: readonly Token[], i: number): boolean {
  const t = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  return (prev?.text === "-" && prev.end === t.start) || (next?.text === "-" && next.start === t.end);
}

/**
 * Every cue hit in `chunk`, skipping cues that are reporting verbs of an attribution
 * ("..., the military has declared.") and attributive adjectives ("a destroyed mosque").
 */
function chunkHits(toks: readonly Token[], chunk: Chunk, ctx: CueContext): Hit[] {
  const hits: Hit[] = [];
  for (let i = chunk.from; i < chunk.to; i++) {
    const t = toks[i]!;
    const byText = TRIGGERS_BY_STEM.get(stem(t.text));
    const byLemma = TRIGGERS_BY_STEM.get(stem(t.lemma));
    if (!byText && !byLemma) continue;
    const candidates = byText && byLemma && byText !== byLemma ? [...byText, ...byLemma] : (byText ?? byLemma)!;
    if (ctx.cueSpans.some((c) => c.start < t.end && t.start < c.end)) continue;
    if (t.pos === "ADJ" && toks[i + 1]?.pos === "NOUN" && candidates.every((c) => c.words.length === 1)) continue;
    if (inCompound(toks, i) || ctx.inName(t, i)) continue;
    for (const entry of candidates) {
      if (!matchesWord(t, entry.words[0]!)) continue;
      const to = matchEntry(toks, i, chunk.to, entry);
      if (to === null) continue;
      if (entry.place && !ctx.placeAfter(chunk, to)) continue;
      const passive = isPassive(toks, i, chunk);
      const objectClass = objectClassNear(toks, i, to, chunk, passive || t.pos === "ADJ");
      if (entry.requireObject && objectClass !== entry.requireObject) continue;
      hits.push({ entry, from: i, to, chunk, passive, negated: isNegated(toks, i, chunk), objectClass });
      i = to - 1;
      break;
    }
  }
  return hits;
}

/**
 * One hit per chunk: the first cue reports the event ("seized the city in a lightning offensive",
 * "fighting to retake Raqqa"), except that a weak cue (priority 0: "broke the lines") yields to
 * a later one ("broken thru the ISIS lines to reach the Tigris").
 */
export function sentenceHits(toks: readonly Token[], chunks: readonly Chunk[], ctx: CueContext): Hit[] {
  const out: Hit[] = [];
  for (const chunk of chunks) {
    const hits = chunkHits(toks, chunk, ctx);
    const best = hits.find((h) => (h.entry.priority ?? 0) > 0) ?? hits[0];
    if (best) out.push(best);
  }
  return out;
}
