/**
 * Who the speaker is (an entity key) and whether they are a party to the fighting.
 * The speaker phrase names them directly ("Rasool", "a spokesman for the Joint Operation
 * Command"), or refers back ("the agency", "the source", "he") to something named earlier.
 */
import type { Attribution, Doc, DocEntity, Mention, Span } from "../doc.js";
import { GROUP_NOUNS, MEDIA_NOUNS, NEUTRAL_SUBTYPES, NEUTRAL_WORDS, PARTY_SUBTYPES, PARTY_WORDS } from "./lexicons.js";
import { compareText } from "../doc.js";

export type Source = { key: string | null; party: boolean };

/** How many sentences back a definite description or pronoun may find its antecedent. */
const LOOKBACK_SENTENCES = 3;
const PERSONAL_PRONOUN = /^(?:he|she)$/iu;
/** "it said" after a wire report refers to that outlet or body. */
const IMPERSONAL_PRONOUN = /^it$/iu;
const DEFINITE = /^(?:the|this|that)\s+(.+)$/iu;
const UPPER_START_RE = /^\p{Lu}/u;

export type Lookup = {
  entityByKey: Map<string, DocEntity>;
  mentions: readonly Mention[]; // sorted by span
  sentenceIndex: Map<string, number>;
};

export function buildLookup(doc: Doc): Lookup {
  return {
    entityByKey: new Map(doc.entities.map((e) => [e.key, e])),
    mentions: [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.id, b.id)),
    sentenceIndex: new Map(doc.sentences.map((s) => [s.id, s.index])),
  };
}

/** Index of the first mention starting at or after `cp` (binary search over the sorted mentions). */
function firstFrom(mentions: readonly Mention[], cp: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[mid]!.start < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mentionsIn(lookup: Lookup, span: Span): Mention[] {
  const out: Mention[] = [];
  for (let i = firstFrom(lookup.mentions, span.start); i < lookup.mentions.length && lookup.mentions[i]!.start < span.end; i++) {
    if (lookup.mentions[i]!.end <= span.end) out.push(lookup.mentions[i]!);
  }
  return out;
}

function subtypeOf(lookup: Lookup, m: Mention): string | null {
  return m.subtype ?? lookup.entityByKey.get(m.entityKey)?.subtype ?? null;
}

/** Party judgement from the phrase's words and the entities it names. Neutral evidence wins ("a UN official"). */
export function judgeParty(lookup: Lookup, phrase: string, named: readonly Mention[]): boolean {
  const orgs = named.filter((m) => m.type === "ORG");
  if (orgs.some((m) => NEUTRAL_SUBTYPES.has(subtypeOf(lookup, m) ?? ""))) return false;
  if (NEUTRAL_WORDS.test(phrase)) return false;
  if (orgs.some((m) => PARTY_SUBTYPES.has(subtypeOf(lookup, m) ?? ""))) return true;
  for (const m of named) {
    const e = lookup.entityByKey.get(m.entityKey);
    if (!e || e.type !== "PERSON") continue;
    const affiliated = e.affiliations.map((k) => lookup.entityByKey.get(k)?.subtype ?? "");
    if (affiliated.some((s) => NEUTRAL_SUBTYPES.has(s))) return false;
    if (affiliated.some((s) => PARTY_SUBTYPES.has(s))) return true;
    if (e.roles.some((r) => NEUTRAL_WORDS.test(r))) return false;
    if (e.roles.some((r) => PARTY_WORDS.test(r))) return true;
  }
  return PARTY_WORDS.test(phrase);
}

function headNoun(phrase: string): string {
  const words = phrase.toLowerCase().split(/\s+/u);
  return words[words.length - 1] ?? "";
}

/** The nearest earlier ORG mention whose subtype is a media/neutral one ("the agency" → Reuters). */
function earlierMedia(lookup: Lookup, before: number): Mention | null {
  for (let i = firstFrom(lookup.mentions, before) - 1; i >= 0; i--) {
    const m = lookup.mentions[i]!;
    if (m.type === "ORG" && NEUTRAL_SUBTYPES.has(subtypeOf(lookup, m) ?? "")) return m;
  }
  return null;
}

/** The nearest earlier ORG mention of a party to the fighting, within the look-back window ("the group said" → Hamas). */
function earlierParty(doc: Doc, lookup: Lookup, before: number, sentenceIndex: number): Mention | null {
  const from = doc.sentences[Math.max(0, sentenceIndex - LOOKBACK_SENTENCES)]?.start ?? 0;
  for (let i = firstFrom(lookup.mentions, before) - 1; i >= 0 && lookup.mentions[i]!.start >= from; i--) {
    const m = lookup.mentions[i]!;
    if (m.type === "ORG" && PARTY_SUBTYPES.has(subtypeOf(lookup, m) ?? "")) return m;
  }
  return null;
}

/** Earlier attributions within the look-back window, nearest first. */
function recentAttributions(lookup: Lookup, earlier: readonly Attribution[], sentenceIndex: number): Attribution[] {
  const minIndex = sentenceIndex - LOOKBACK_SENTENCES;
  const out: Attribution[] = [];
  for (let i = earlier.length - 1; i >= 0 && (lookup.sentenceIndex.get(earlier[i]!.sentenceId) ?? -1) >= minIndex; i--) out.push(earlier[i]!);
  return out;
}

/** "the source said": the indefinite phrase that introduced the same head noun a few sentences back. */
function antecedentPhrase(doc: Doc, sentenceIndex: number, head: string): string | null {
  const from = doc.sentences[Math.max(0, sentenceIndex - LOOKBACK_SENTENCES)];
  const sentence = doc.sentences[sentenceIndex];
  if (!from || !sentence) return null;
  const text = doc.index.slice(from.start, sentence.start);
  const escaped = head.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  const re = new RegExp(`\\b(?:an?|one)\\s+(?:[\\p{L}-]+\\s+){0,4}${escaped}\\b`, "giu");
  let last: string | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[0];
  return last;
}

/**
 * Resolve the speaker phrase `span` of an attribution in sentence `sentenceIndex`. A speaker
 * named again ("Rasool said" after "spokesman Brigadier General Yahya Rasool") keeps the
 * party judgement of the fuller earlier phrase.
 */
export function resolveSource(doc: Doc, lookup: Lookup, span: Span, sentenceIndex: number, earlier: readonly Attribution[]): Source {
  const direct = resolveDirect(doc, lookup, span, sentenceIndex, earlier);
  if (direct.party) return direct;
  const phrase = doc.index.slice(span.start, span.end).trim();
  const lastWord = phrase.split(/\s+/u).pop() ?? "";
  const byName = UPPER_START_RE.test(lastWord); // a surname, not a common noun like "officials"
  const same = earlier.find((a) => a.party && ((direct.key !== null && a.sourceKey === direct.key) || (byName && headNoun(a.sourceText) === lastWord.toLowerCase())));
  return same ? { key: direct.key ?? same.sourceKey, party: true } : direct;
}

function resolveDirect(doc: Doc, lookup: Lookup, span: Span, sentenceIndex: number, earlier: readonly Attribution[]): Source {
  const phrase = doc.index.slice(span.start, span.end).trim();
  const named = mentionsIn(lookup, span).filter((m) => m.type !== "LOCATION");
  const person = named.find((m) => m.type === "PERSON");
  const org = named.find((m) => m.type === "ORG");
  if (person || org) return { key: (person ?? org)!.entityKey, party: judgeParty(lookup, phrase, named) };

  if (PERSONAL_PRONOUN.test(phrase)) {
    const prior = recentAttributions(lookup, earlier, sentenceIndex).find((a) => a.sourceKey !== null && lookup.entityByKey.get(a.sourceKey)?.type === "PERSON");
    return prior ? { key: prior.sourceKey, party: prior.party } : { key: null, party: false };
  }
  if (IMPERSONAL_PRONOUN.test(phrase)) {
    const prior = recentAttributions(lookup, earlier, sentenceIndex).find((a) => a.sourceKey === null || lookup.entityByKey.get(a.sourceKey)?.type !== "PERSON");
    return prior ? { key: prior.sourceKey, party: prior.party } : { key: null, party: false };
  }
  const definite = DEFINITE.exec(phrase);
  if (definite) {
    const head = headNoun(definite[1]!);
    if (MEDIA_NOUNS.has(head) || MEDIA_NOUNS.has(definite[1]!.toLowerCase())) {
      const media = earlierMedia(lookup, span.start);
      if (media) return { key: media.entityKey, party: false };
      const prior = recentAttributions(lookup, earlier, sentenceIndex).find((a) => !a.party && a.sourceKey !== null);
      return { key: prior?.sourceKey ?? null, party: false };
    }
    const prior = recentAttributions(lookup, earlier, sentenceIndex).find((a) => headNoun(a.sourceText) === head);
    if (prior) return { key: prior.sourceKey, party: prior.party };
    // "the group said", "the group's armed wing said": the armed group named just before
    if (definite[1]!.toLowerCase().split(/[\s'’]+/u).some((w) => GROUP_NOUNS.has(w))) {
      const group = earlierParty(doc, lookup, span.start, sentenceIndex);
      if (group) return { key: group.entityKey, party: true };
    }
    const introduced = antecedentPhrase(doc, sentenceIndex, head);
    if (introduced) return { key: null, party: judgeParty(lookup, introduced, []) };
  }
  return { key: null, party: judgeParty(lookup, phrase, []) };
}
