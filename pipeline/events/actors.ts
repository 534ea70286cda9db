/**
 * Who did it, to whom, and where: actor1/actor2 from the ORG and PERSON mentions around the
 * cue, the place from LOCATION mentions. Positional rules, in the spirit of ACLED coding:
 * the subject before the verb acts; "by X" acts in a passive or a nominalization; objects,
 * "from X", "against X", "over X" receive; a subject pronoun ("it seized the city") takes the
 * nearest organization named before it.
 */
import type { DocEntity, Mention, Span, Token } from "../doc.js";
import type { Hit } from "./triggers.js";

export type Actors = { actor1: Mention | null; actor2: Mention | null };

/** Prepositions whose object is not the acting subject ("backed by the coalition", "the city of Mosul"). */
const NON_SUBJECT_PREP = new Set(["by", "of", "for", "from", "against", "over", "to", "on", "in", "at", "into", "towards", "toward", "through", "thru"]);
const NOMINATIVE = new Set(["it", "they"]);
const POSSESSIVE = new Set(["its", "their"]);
/** "it appears that", "it is likely": an expletive "it" stands for nothing. */
const EXPLETIVE_NEXT = new Set(["is", "was", "'s", "’s", "appears", "appeared", "seems", "seemed", "looks", "looked"]);

/**
 * A pronoun that can stand for the acting organization: "it"/"they" (not expletive), or
 * "its"/"their" opening the clause ("Its fighters have since captured ...").
 */
function subjectPronoun(toks: readonly Token[], i: number, chunkFrom: number): boolean {
  const t = toks[i]!;
  const w = t.lower;
  if (t.pos !== "PRON" && t.pos !== "DET") return false;
  if (NOMINATIVE.has(w)) return !EXPLETIVE_NEXT.has(toks[i + 1]?.lower ?? "");
  return POSSESSIVE.has(w) && i === chunkFrom;
}

export type SentenceView = {
  toks: readonly Token[];
  actors: readonly Mention[]; // ORG and PERSON mentions of the sentence, by start
  earlierActors: readonly (readonly Mention[])[]; // ORG and PERSON mentions of the previous few sentences, one list per sentence
  speakers: ReadonlySet<string>; // entity keys of the sentence's attributed speakers
};

function tokenIndexAt(toks: readonly Token[], cp: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (toks[mid]!.end <= cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo;
}

/** The preposition governing a mention, skipping determiners and modifiers ("by the US-led coalition"). */
function governingWord(toks: readonly Token[], m: Span): string | null {
  for (let j = tokenIndexAt(toks, m.start) - 1; j >= 0; j--) {
    const t = toks[j]!;
    if (t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || t.text === "-" || t.pos === "PUNCT" && t.text !== ",") continue;
    return t.pos === "ADP" || t.pos === "SCONJ" ? t.lower : null;
  }
  return null;
}

/**
 * The organization a subject pronoun stands for: the nearest one named earlier in the same
 * sentence, else the first (the subject, as a rule) of the nearest earlier sentence naming one.
 */
function pronounAntecedent(view: SentenceView, before: number): Mention | null {
  const here = view.actors.filter((m) => m.type === "ORG" && m.end <= before);
  if (here.length > 0) return here[here.length - 1]!;
  for (let k = view.earlierActors.length - 1; k >= 0; k--) {
    const first = view.earlierActors[k]!.find((m) => m.type === "ORG");
    if (first) return first;
  }
  return null;
}

export function findActors(view: SentenceView, hit: Hit): Actors {
  const { toks, actors } = view;
  const cueStart = toks[hit.from]!.start;
  const cueEnd = toks[hit.to - 1]!.end;
  const chunkStart = toks[hit.chunk.from]!.start;
  const chunkEnd = toks[hit.chunk.to - 1]!.end;
  const after = actors.filter((m) => m.start >= cueEnd && m.end <= chunkEnd);
  const byAgent = after.find((m) => governingWord(toks, m) === "by") ?? null;
  // the speaker of a report is not an actor of what they report ("Dillon said that victory was imminent")
  const beforeInSentence = actors.filter((m) => m.end <= cueStart && !(view.speakers.has(m.entityKey) && m.start < chunkStart));
  const subjectCandidates = beforeInSentence.filter((m) => !NON_SUBJECT_PREP.has(governingWord(toks, m) ?? ""));
  const inChunkBefore = subjectCandidates.filter((m) => m.start >= chunkStart);

  let actor1: Mention | null;
  let actor2: Mention | null = null;
  const between = after.filter((m) => governingWord(toks, m) === "between");
  if (between.length > 0) {
    // "clashes between the army and the RSF": both sides follow the cue
    const others = after.filter((m) => m.start > between[0]!.end && m.entityKey !== between[0]!.entityKey);
    return { actor1: between[0]!, actor2: others[0] ?? null };
  }
  if (hit.entry.agentAfter) {
    actor1 = after[0] ?? null;
  } else if (hit.passive || byAgent) {
    actor1 = byAgent;
    actor2 = hit.passive ? (inChunkBefore[inChunkBefore.length - 1] ?? subjectCandidates[subjectCandidates.length - 1] ?? null) : null;
  } else {
    // the chunk's first subject-like mention: "Units from Federal Police and Quick reaction Forces recaptured"
    actor1 = inChunkBefore[0] ?? null;
    if (!actor1) {
      // the nearer of the sentence's last subject-like mention and its last subject pronoun
      let pronoun: Token | undefined;
      for (let i = hit.from - 1; i >= 0 && !pronoun; i--) if (subjectPronoun(toks, i, hit.chunk.from)) pronoun = toks[i];
      const named = subjectCandidates[subjectCandidates.length - 1] ?? null;
      actor1 = pronoun && (!named || pronoun.start > named.start) ? pronounAntecedent(view, pronoun.start) : named;
    }
  }
  if (!actor2) actor2 = after.find((m) => m !== byAgent && m.entityKey !== actor1?.entityKey) ?? null;
  if (actor2 && actor1 && actor2.entityKey === actor1.entityKey) actor2 = null;
  // "ISIS facing final defeat", "the fall of Mosul to X": the one found before a loss noun is the loser
  if (hit.entry.loser && !hit.entry.agentAfter) return { actor1: byAgent, actor2: byAgent === actor1 ? actor2 : actor1 };
  return { actor1, actor2 };
}

/** A country named as the clause's subject, before the cue and governed by no preposition ("Russia launched ..."). */
export function countrySubject(toks: readonly Token[], places: readonly Mention[], hit: Hit): Mention | null {
  const from = toks[hit.chunk.from]!.start;
  const cue = toks[hit.from]!.start;
  for (const m of places) {
    if (m.subtype !== "country" || m.start < from || m.end > cue) continue;
    // "if Israel launches", "as Russia pressed": a subordinator is no preposition
    if (!NON_SUBJECT_PREP.has(governingWord(toks, m) ?? "")) return m;
  }
  return null;
}

/**
 * A place name used as a modifier is no place of the event: "US-led coalition", "Iraqi and US
 * officials", "Iraq Prime Minister" (a country name followed by a hyphen or a noun).
 */
export function isModifier(toks: readonly Token[], m: Mention): boolean {
  const i = tokenIndexAt(toks, m.end);
  const next = toks[i];
  if (!next || next.start < m.end) return false;
  if (next.text === "-" && next.start === m.end) return true;
  return m.subtype === "country" && (next.pos === "NOUN" || next.pos === "PROPN");
}

/** The place: a LOCATION in the chunk (after the cue first), else the sentence's nearest, else the most recent of the last few sentences. */
export function findLocation(places: readonly Mention[], earlierPlaces: readonly Mention[], chunk: Span, cue: Span, textBetween: (a: Span, b: Span) => string): Mention | null {
  const inChunk = places.filter((m) => m.start >= chunk.start && m.end <= chunk.end);
  // "Mosul’s Old City": the possessed place is the more precise one
  const afterCue = inChunk.find((m, k) => m.start >= cue.end && !(inChunk[k + 1] && /^\s*['’]s\s*$/u.test(textBetween(m, inChunk[k + 1]!))));
  if (afterCue) return afterCue;
  if (inChunk.length > 0) return inChunk[inChunk.length - 1]!;
  let best: Mention | null = null;
  let bestDistance = Infinity;
  for (const m of places) {
    const d = m.end <= cue.start ? cue.start - m.end : m.start - cue.end;
    if (d < bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best ?? earlierPlaces[earlierPlaces.length - 1] ?? null;
}

/** "state" / "non_state" for an actor, from its entity subtype. */
export function actorKind(entity: DocEntity | undefined, mention: Mention | null, kinds: ReadonlyMap<string, "state" | "non_state">): "state" | "non_state" | null {
  const subtype = mention?.subtype ?? entity?.subtype ?? null;
  return subtype ? (kinds.get(subtype) ?? null) : null;
}
