/** The attribution stage's word lists (JSON beside this file), loaded once at module load. */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { compareText } from "../doc.js";

export type CueKind = "verb" | "weak" | "prep";
export type CueEntry = { form: string; cue: string; kind: CueKind; passive?: boolean | undefined };

const cueEntry = z.object({ form: word, cue: word, kind: z.enum(["verb", "weak", "prep"]), passive: z.boolean().optional() });

export const CUES: CueEntry[] = loadLexicon(import.meta.url, "cues.json", cueEntry, (e) => e.form.toLowerCase());

/** Cue forms indexed by their first word, longest form first, so "quoted as" wins over a shorter form. */
export const CUES_BY_FIRST_WORD: Map<string, { words: string[]; entry: CueEntry }[]> = (() => {
  const m = new Map<string, { words: string[]; entry: CueEntry }[]>();
  for (const entry of CUES) {
    const words = entry.form.toLowerCase().split(/\s+/u);
    const list = m.get(words[0]!) ?? [];
    list.push({ words, entry });
    m.set(words[0]!, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length || compareText(a.entry.form, b.entry.form));
  return m;
})();

function wordSetRegex(entries: string[]): RegExp {
  const alts = [...entries].sort((a, b) => b.length - a.length || compareText(a, b)).map((e) => e.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s+/gu, "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "iu");
}

export const PARTY_WORDS = wordSetRegex(loadLexicon(import.meta.url, "party-words.json", word));
export const NEUTRAL_WORDS = wordSetRegex(loadLexicon(import.meta.url, "neutral-words.json", word));
export const MEDIA_NOUNS = new Set(loadLexicon(import.meta.url, "media-nouns.json", word).map((w) => w.toLowerCase()));
export const PARTY_SUBTYPES = new Set(loadLexicon(import.meta.url, "party-subtypes.json", word));
export const NEUTRAL_SUBTYPES = new Set(loadLexicon(import.meta.url, "neutral-subtypes.json", word));
export const GROUP_NOUNS = new Set(loadLexicon(import.meta.url, "group-nouns.json", word).map((w) => w.toLowerCase()));
