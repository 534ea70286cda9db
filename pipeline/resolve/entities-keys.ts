/**
 * Keys under which document entities meet across the corpus: a normalized name
 * (case, diacritics, hyphens, apostrophes, plural endings and Arabic articles
 * folded), the same name without a leading demonym ("Iraqi Federal Police" →
 * "federal police"), a slug for entity_id, and a phonetic key for transliterated
 * personal names ("Yahya Rasool" / "Yahia Rasoul" → "y rsl").
 */
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";

const demonyms = new Set(
  loadLexicon(import.meta.url, "../lexicons/demonyms.json", z.object({ demonym: word, country: word.nullable() }), (e) =>
    e.demonym.toLowerCase(),
  ).map((d) => d.demonym.toLowerCase()),
);
/** names that say which side but not which state ("Government Forces"): never merged across documents by name */
const genericNames = new Set(
  loadLexicon(import.meta.url, "../lexicons/generic-forces.json", z.object({ phrase: word, name: word, subtype: word }), (e) =>
    e.phrase.toLowerCase(),
  ).map((g) => g.name.toLowerCase()),
);
export function isGenericName(name: string): boolean {
  return genericNames.has(name.toLowerCase());
}
const particles = new Set(loadLexicon(import.meta.url, "../lexicons/name-particles.json", word).map((w) => w.toLowerCase()));

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘'`]/g, "")
    .replace(/[^\p{L}\p{N}.]+/gu, " ")
    .trim();
}

/** Words of a name as compared: folded, no "the", no particles, plural -s dropped ("operations" = "operation"). */
export function nameWords(name: string): string[] {
  return fold(name)
    .split(" ")
    .filter((w) => w !== "" && w !== "the" && !particles.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

export function nameKey(name: string): string {
  return nameWords(name).join(" ");
}

/** The name key without a leading demonym, or null when the name has none (or nothing else). */
export function withoutDemonym(name: string): string | null {
  const words = fold(name).split(" ");
  if (words.length < 2 || !demonyms.has(words[0]!)) return null;
  return nameKey(words.slice(1).join(" "));
}

/** A consonant skeleton per word: first letter kept, then vowels, y, h, w dropped and doubles collapsed. */
export function phoneticKey(name: string): string {
  return nameWords(name)
    .map((w) => {
      const letters = w.replace(/[^a-z]/g, "");
      if (letters === "") return w;
      const rest = letters.slice(1).replace(/[aeiouyhw]/g, "").replace(/(.)\1+/g, "$1");
      return letters[0] + rest;
    })
    .join(" ");
}

/** "org-islamic-state": type and name, lower-case ASCII, hyphen-separated. */
export function entitySlug(type: string, name: string): string {
  const prefix = type === "LOCATION" ? "loc" : type.toLowerCase();
  const body = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${prefix}-${body === "" ? "unnamed" : body}`;
}
