/** The events stage's word lists (JSON beside this file), loaded and indexed once at module load. */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";

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
});
export type TriggerEntry = z.infer<typeof triggerEntry>;

/** Crude suffix stripping so "captured", "captures", "capturing" meet "capture" when the parser's lemma misses (it tags "liberated" as an adjective). */
export function stem(w: string): string {
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
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length || (b.priority ?? 0) - (a.priority ?? 0) || a.words.join(" ").localeCompare(b.words.join(" ")));
  return m;
})();

const objectClass = z.object({ class: word, words: z.array(word).min(1) });
/** word (lower case) → object class ("civilians", "combatants", "equipment", "agreement") */
export const OBJECT_CLASS_OF: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of loadLexicon(import.meta.url, "object-classes.json", objectClass, (e) => e.class)) for (const w of c.words) m.set(w.toLowerCase(), c.class);
  return m;
})();

const certaintyCue = z.object({ form: word, certainty: z.enum(["expected", "claimed"]), scope: z.enum(["clause", "before", "not"]) });
const CERTAINTY = loadLexicon(import.meta.url, "certainty-cues.json", certaintyCue, (e) => `${e.scope}:${e.form.toLowerCase()}`);

function phraseRegex(forms: string[]): RegExp | null {
  if (forms.length === 0) return null;
  const alts = [...forms]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s+/gu, "[^\\p{L}\\p{N}]+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}
const forms = (certainty: string, scope: string) => CERTAINTY.filter((c) => c.certainty === certainty && c.scope === scope).map((c) => c.form);
export const EXPECTED_IN_CLAUSE = phraseRegex(forms("expected", "clause"));
export const EXPECTED_BEFORE = phraseRegex(forms("expected", "before"));
export const EXPECTED_NOT = phraseRegex(forms("expected", "not"));
export const CLAIMED_BEFORE = phraseRegex(forms("claimed", "before"));

const actorSubtype = z.object({ subtype: word, kind: z.enum(["state", "non_state"]) });
export const ACTOR_KIND: Map<string, "state" | "non_state"> = new Map(
  loadLexicon(import.meta.url, "actor-subtypes.json", actorSubtype, (e) => e.subtype).map((e) => [e.subtype, e.kind]),
);

/** Negation cues as token sequences ("failed to" → ["failed", "to"]). */
export const NEGATIONS: string[][] = loadLexicon(import.meta.url, "negation-cues.json", word).map((n) => n.toLowerCase().split(/\s+/u));
