/** The events stage's word lists (JSON beside this file), loaded and indexed once at module load. */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { PhraseMatcher } from "./phrases.js";
import { compareText } from "../doc.js";

const TERRITORY = "territory";

const triggerEntry = z.object({
  words: z.array(word).min(1),
  event: word,
  sub: word,
  gap: z.number().int().min(0).optional(),
  priority: z.number().int().min(0).optional(),
  place: z.boolean().optional(),
  agentAfter: z.boolean().optional(),
  objects: z.record(z.string(), z.tuple([word, word])).optional(),
  requireObject: word.optional(),
  onlyExpected: z.boolean().optional(),
  loser: z.boolean().optional(),
  scene: z.boolean().optional(),
  consequence: z.boolean().optional(),
});
export type TriggerEntry = z.infer<typeof triggerEntry>;

/** Stems of the words seen so far: a news vocabulary is small, and every token is stemmed twice (text and lemma). */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Crude suffix stripping so "captured", "captures", "capturing" meet "capture" when the parser's lemma misses (it tags "liberated" as an adjective). */
export function stem(w: string): string {
  let s = STEM_CACHE.get(w);
  if (s !== undefined) return s;
  s = stemWord(w);
  if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
  STEM_CACHE.set(w, s);
  return s;
}

function stemWord(w: string): string {
  let s = w.toLowerCase();
  if (s.length > 4 && s.endsWith("s") && !s.endsWith("ss")) s = s.slice(0, s.endsWith("ies") ? -3 : -1) + (s.endsWith("ies") ? "y" : "");
  if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  if (s.length > 3 && s.endsWith("e")) s = s.slice(0, -1);
  return s;
}

export const TRIGGERS: TriggerEntry[] = loadLexicon(import.meta.url, "triggers.json", triggerEntry, (e) => e.words.join(" ").toLowerCase());
export const isTerritory = (e: TriggerEntry): boolean => e.sub === TERRITORY;

/** Trigger entries by the stem of their first word; longest and highest-priority first. */
export const TRIGGERS_BY_STEM: Map<string, TriggerEntry[]> = (() => {
  const m = new Map<string, TriggerEntry[]>();
  for (const e of TRIGGERS) {
    const k = stem(e.words[0]!);
    m.set(k, [...(m.get(k) ?? []), e]);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length || (b.priority ?? 0) - (a.priority ?? 0) || compareText(a.words.join(" "), b.words.join(" ")));
  return m;
})();

/**
 * A cheap first test for "may this word start a cue": the first three letters (ASCII, lower-cased,
 * packed in a number) of every trigger stem. A stem keeps the first three letters of its word,
 * except "-ies" → "-y" ("spies" → "spy"), so stems ending in "y" also enter with "i".
 */
const lower = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);
export function prefixKey(w: string): number {
  if (w.length < 3) return -1;
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(1);
  const c = w.charCodeAt(2);
  if (a > 127 || b > 127 || c > 127) return -1;
  return (lower(a) << 16) | (lower(b) << 8) | lower(c);
}
export const TRIGGER_PREFIXES: { keys: Set<number>; short: boolean } = (() => {
  const keys = new Set<number>();
  let short = false;
  for (const k of TRIGGERS_BY_STEM.keys()) {
    if (prefixKey(k) < 0) short = true;
    keys.add(prefixKey(k));
    if (k.endsWith("y")) keys.add(prefixKey(`${k.slice(0, -1)}i`));
  }
  return { keys, short };
})();

const objectClass = z.object({ class: word, words: z.array(word).min(1), askedOnly: z.boolean().optional() });
const OBJECT_CLASSES = loadLexicon(import.meta.url, "object-classes.json", objectClass, (e) => e.class);
/** word (lower case) → object class ("civilians", "combatants", "equipment", "agreement", ...) */
export const OBJECT_CLASS_OF: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of OBJECT_CLASSES) for (const w of c.words) m.set(w.toLowerCase(), c.class);
  return m;
})();
/** Classes looked for only by the cues that name them. */
export const ASKED_ONLY_CLASSES: ReadonlySet<string> = new Set(OBJECT_CLASSES.filter((c) => c.askedOnly).map((c) => c.class));

const certaintyCue = z.object({ form: word, certainty: z.enum(["expected", "claimed"]), scope: z.enum(["clause", "before", "not"]) });
const CERTAINTY = loadLexicon(import.meta.url, "certainty-cues.json", certaintyCue, (e) => `${e.scope}:${e.form.toLowerCase()}`);

function phraseMatcher(forms: string[]): PhraseMatcher | null {
  return forms.length === 0 ? null : new PhraseMatcher(forms);
}
const forms = (certainty: string, scope: string) => CERTAINTY.filter((c) => c.certainty === certainty && c.scope === scope).map((c) => c.form);
export const EXPECTED_IN_CLAUSE = phraseMatcher(forms("expected", "clause"));
export const EXPECTED_BEFORE = phraseMatcher(forms("expected", "before"));
export const EXPECTED_NOT = phraseMatcher(forms("expected", "not"));
export const CLAIMED_BEFORE = phraseMatcher(forms("claimed", "before"));

const actorSubtype = z.object({ subtype: word, kind: z.enum(["state", "non_state"]) });
export const ACTOR_KIND: Map<string, "state" | "non_state"> = new Map(
  loadLexicon(import.meta.url, "actor-subtypes.json", actorSubtype, (e) => e.subtype).map((e) => [e.subtype, e.kind]),
);

/** Phrases that refer back to an event instead of reporting one, as token sequences ("responsibility for"). */
export const REFERENCES: string[][] = loadLexicon(import.meta.url, "reference-cues.json", word).map((n) => n.toLowerCase().split(/\s+/u));

/** Negation cues as token sequences ("failed to" → ["failed", "to"]). */
export const NEGATIONS: string[][] = loadLexicon(import.meta.url, "negation-cues.json", word).map((n) => n.toLowerCase().split(/\s+/u));

const scene = z.object({ class: word, code: z.tuple([word, word]), forms: z.array(word).min(1) });
/** Protest scenes in order of precedence, each with the [event, sub-event] it codes and a regex over the sentence. */
export const PROTEST_SCENES: { code: [string, string]; phrases: PhraseMatcher }[] = loadLexicon(import.meta.url, "protest-scene.json", scene, (e) => e.class).map((e) => ({
  code: e.code,
  phrases: new PhraseMatcher(e.forms),
}));

/** Entity subtypes that never act in an event (news media report it). */
export const NON_ACTOR_SUBTYPES: ReadonlySet<string> = new Set(loadLexicon(import.meta.url, "non-actor-subtypes.json", word));
