/** Finding event cues in a sentence's tokens and choosing, per clause chunk, the one that reports its event. */
import type { Span, Token } from "../doc.js";
import type { Chunk } from "./clauses.js";
import { ASKED_ONLY_CLASSES, NEGATIONS, OBJECT_CLASS_OF, REFERENCES, TRIGGER_PREFIXES, TRIGGERS_BY_STEM, prefixKey, stem, type TriggerEntry } from "./lexicons.js";

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
  const text = t.lower.endsWith(".") ? t.lower.slice(0, -1) : t.lower;
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
    if (BE.has(t.lower)) return true;
    if (t.pos !== "ADV" && t.pos !== "PUNCT") return false;
  }
  return false;
}

/** Negation and reference cues (token sequences) by their first word. */
const BLOCKERS_BY_FIRST: Map<string, string[][]> = (() => {
  const m = new Map<string, string[][]>();
  for (const cue of [...NEGATIONS, ...REFERENCES]) m.set(cue[0]!, [...(m.get(cue[0]!) ?? []), cue]);
  return m;
})();

/**
 * Negated ("did not capture"), or a reference back to an event reported elsewhere ("claimed
 * responsibility for the bombing"): a cue that ends before token i, within the window, inside the chunk.
 */
function isNegated(toks: readonly Token[], i: number, chunk: Chunk): boolean {
  for (let j = Math.max(chunk.from, i - NEGATION_WINDOW); j < i; j++) {
    const cues = BLOCKERS_BY_FIRST.get(toks[j]!.lower);
    if (cues && cues.some((cue) => j + cue.length <= i && cue.every((w, k) => toks[j + k]!.lower === w))) return true;
  }
  return false;
}

function objectClassNear(toks: readonly Token[], from: number, to: number, chunk: Chunk, lookBack: boolean, entry: TriggerEntry, inMention: CueContext["inMention"]): string | null {
  const classOf = (j: number): string | undefined => {
    const t = toks[j]!;
    const c = OBJECT_CLASS_OF.get(t.lower);
    // a word of a name is no object ("People's Defence Force"); some classes only answer cues that ask for them
    if (c === undefined || inMention(t)) return undefined;
    return ASKED_ONLY_CLASSES.has(c) && entry.requireObject !== c && !entry.objects?.[c] ? undefined : c;
  };
  for (let j = to; j < Math.min(chunk.to, to + OBJECT_WINDOW); j++) {
    const c = classOf(j);
    if (c) return c;
  }
  if (lookBack) {
    for (let j = from - 1; j >= chunk.from; j--) {
      const c = classOf(j);
      if (c) return c;
    }
  }
  return null;
}

/** Words between a cue and its object: "the battle for public opinion", "fighting against corruption". */
const OBJECT_LINK = new Set(["DET", "ADJ", "NUM"]);
const OBJECT_PREPS = new Set(["for", "against", "on", "over"]);

/** Is the cue's object an abstract topic ("fighting corruption")? Then the combat word is figurative. */
function topicObject(toks: readonly Token[], to: number, chunk: Chunk): boolean {
  for (let j = to; j < Math.min(chunk.to, to + OBJECT_WINDOW); j++) {
    const t = toks[j]!;
    if (OBJECT_LINK.has(t.pos) || (t.pos === "ADP" && OBJECT_PREPS.has(t.lower))) continue;
    return t.pos === "NOUN" && OBJECT_CLASS_OF.get(t.lower) === "topic";
  }
  return false;
}

export type CueContext = {
  cueSpans: readonly Span[];
  placeAfter: (chunk: Chunk, tokenIndex: number) => boolean;
  /** is the token part of a name ("Joint Operation Command")? */
  inName: (t: Token, tokenIndex: number) => boolean;
  /** is the token inside an entity mention ("People's Defence Force")? */
  inMention: (t: Token) => boolean;
};

/**
 * A word of the speaker's noun phrase before a reporting cue in the same chunk, with no verb
 * between ("witnesses and a local resistance group said", "battle commanders said").
 */
function inSpeakerPhrase(toks: readonly Token[], i: number, chunk: Chunk, cueSpans: readonly Span[]): boolean {
  for (let j = i + 1; j < chunk.to; j++) {
    const t = toks[j]!;
    if (cueSpans.some((c) => c.start <= t.start && t.end <= c.end)) return true;
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "PUNCT") return false;
  }
  return false;
}

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
function chunkHits(toks: readonly Token[], chunk: Chunk, cues: Candidates, ctx: CueContext): Hit[] {
  const hits: Hit[] = [];
  for (let i = chunk.from; i < chunk.to; i++) {
    const t = toks[i]!;
    const candidates = cues[i];
    if (!candidates) continue;
    if (ctx.cueSpans.some((c) => c.start < t.end && t.start < c.end)) continue;
    if (inSpeakerPhrase(toks, i, chunk, ctx.cueSpans)) continue;
    if (t.pos === "ADJ" && toks[i + 1]?.pos === "NOUN" && candidates.every((c) => c.words.length === 1)) continue;
    if (inCompound(toks, i) || ctx.inName(t, i)) continue;
    for (const entry of candidates) {
      if (!matchesWord(t, entry.words[0]!)) continue;
      const to = matchEntry(toks, i, chunk.to, entry);
      if (to === null) continue;
      if (entry.place && !ctx.placeAfter(chunk, to)) continue;
      if (topicObject(toks, to, chunk)) continue;
      const passive = isPassive(toks, i, chunk);
      const objectClass = objectClassNear(toks, i, to, chunk, passive || t.pos === "ADJ", entry, ctx.inMention);
      if (entry.requireObject && objectClass !== entry.requireObject) continue;
      hits.push({ entry, from: i, to, chunk, passive, negated: isNegated(toks, i, chunk), objectClass });
      i = to - 1;
      break;
    }
  }
  return hits;
}

export type Candidates = readonly (readonly TriggerEntry[] | undefined)[];

/** The trigger entries each token may start (by its text's or its lemma's stem); null when no token may start one. */
export function cueCandidates(toks: readonly Token[]): Candidates | null {
  let out: (readonly TriggerEntry[] | undefined)[] | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const byText = triggersStartedBy(t.text);
    // (most lemmas are the word itself: one look-up then answers both)
    const byLemma = t.lemma === t.text ? byText : triggersStartedBy(t.lemma);
    if (!byText && !byLemma) continue;
    out ??= new Array<readonly TriggerEntry[] | undefined>(toks.length);
    out[i] = byText && byLemma && byText !== byLemma ? [...byText, ...byLemma] : (byText ?? byLemma);
  }
  return out;
}

/** The trigger entries whose first word has the stem of `w`; the prefix test spares most words the stem look-up. */
function triggersStartedBy(w: string): readonly TriggerEntry[] | undefined {
  const k = prefixKey(w);
  if (!(k >= 0 ? TRIGGER_PREFIXES.keys.has(k) : TRIGGER_PREFIXES.short || w.length >= 3)) return undefined;
  return TRIGGERS_BY_STEM.get(stem(w));
}

/**
 * One hit per chunk: the first cue reports the event ("seized the city in a lightning offensive",
 * "fighting to retake Raqqa"), except that a weak cue (priority 0: "broke the lines") yields to
 * a later one ("broken thru the ISIS lines to reach the Tigris"), and a toll to a stronger cue
 * after it ("killed by shelling").
 */
export function sentenceHits(toks: readonly Token[], chunks: readonly Chunk[], cues: Candidates, ctx: CueContext): Hit[] {
  const out: Hit[] = [];
  for (const chunk of chunks) {
    const hits = chunkHits(toks, chunk, cues, ctx);
    let best = hits.find((h) => (h.entry.priority ?? 0) > 0) ?? hits[0];
    // a toll ("were killed") yields to the means named after it ("by Russian shelling", "in an air strike")
    if (best?.entry.consequence) best = hits.find((h) => h.from > best!.from && (h.entry.priority ?? 0) > (best!.entry.priority ?? 0)) ?? best;
    if (best) out.push(best);
  }
  return out;
}
