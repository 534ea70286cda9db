/**
 * Row ids as resolve makes and orders them, without making them to order them.
 *
 * Events and figures are sorted by id ("<source_id>-e<n>", "<source_id>-f<n>", in
 * compareText order) where clustering and claims need a fixed order. Building both ids
 * for every comparison made ~2.7 GB of strings per sort on the 500 MB summaries (a
 * sort compares each item ~20 times): `compare` gives the same order from the source
 * number and n alone, and a string is made only for the id that is written.
 */
import { compareText } from "../doc.js";

/** How the items of one kind are named and ordered: by (source number, n). */
export type ItemIds = {
  id(source: number, n: number): string;
  /** compareText(id(sa, na), id(sb, nb)) */
  compare(sa: number, na: number, sb: number, nb: number): number;
};

/** Ids "<source_id>-<letter><n>" of documents' rows (the runner's ids). */
export function documentIds(sourceIds: readonly string[], letter: string): ItemIds {
  const id = (s: number, n: number) => `${sourceIds[s]}-${letter}${n}`;
  return {
    id,
    compare(sa, na, sb, nb) {
      const a = sourceIds[sa]!;
      const b = sourceIds[sb]!;
      const plain = isPlainNumber(na) && isPlainNumber(nb);
      // the same source: the ids differ only in their numbers, compared as text ("e10" < "e2")
      if (a === b && plain) return compareDecimalText(na, nb);
      // neither source id starts the other: they differ at a character both have, before the suffix
      if (!a.startsWith(b) && !b.startsWith(a)) return compareText(a, b);
      // one source id starts the other ("a" and "a-2"): the suffix takes part, compare the ids
      return compareText(id(sa, na), id(sb, nb));
    },
  };
}

/** Ids from a list, item n named ids[n] (rows that carry their ids: tests, small runs). */
export function listedIds(ids: readonly string[]): ItemIds {
  return { id: (_s, n) => ids[n]!, compare: (_sa, na, _sb, nb) => compareText(ids[na]!, ids[nb]!) };
}

function isPlainNumber(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function digitCount(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** compareText(String(x), String(y)) for whole numbers ≥ 0, without the strings. */
export function compareDecimalText(x: number, y: number): number {
  if (x === y) return 0;
  const dx = digitCount(x);
  const dy = digitCount(y);
  if (dx === dy) return x < y ? -1 : 1;
  if (dx > dy) {
    // y's digits against as many leading digits of x; equal, y is a prefix of x and sorts first
    const lead = Math.floor(x / 10 ** (dx - dy));
    return lead < y ? -1 : 1;
  }
  const lead = Math.floor(y / 10 ** (dy - dx));
  return x > lead ? 1 : -1;
}
