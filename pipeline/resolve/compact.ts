/**
 * Compact storage for what cross-document resolution keeps of a whole corpus.
 *
 * A 100 MB corpus has hundreds of thousands of events and figures: as JavaScript objects
 * they cost ~150 bytes each, as typed arrays a few bytes per field (the events and figures
 * themselves wait as fixed-size records: partitions.ts). Strings that repeat (types, units,
 * dates) are stored once and referred to by number.
 */

/**
 * A column grows a block at a time and never copies: a column that doubled held up to twice
 * what it stored, and every doubling left the old array behind for the allocator (on a
 * 500 MB corpus the resolver's columns held 120 MB of array buffers for ~70 MB of values).
 */
const BLOCK_BITS = 14;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;

/** An append-only column of 32-bit integers; values already pushed may be replaced. */
export class IntColumn {
  private readonly blocks: Int32Array[] = [];
  length = 0;

  push(v: number): number {
    if ((this.length & IN_BLOCK) === 0) this.blocks.push(new Int32Array(BLOCK));
    this.blocks[this.length >>> BLOCK_BITS]![this.length & IN_BLOCK] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.blocks[i >>> BLOCK_BITS]![i & IN_BLOCK]!;
  }

  /** Replaces the value at i (< length). */
  set(i: number, v: number): void {
    this.blocks[i >>> BLOCK_BITS]![i & IN_BLOCK] = v;
  }
}

/** Each distinct string once, numbered from 0 in order of first sight; null is -1. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(s: string | null): number {
    if (s === null) return -1;
    let n = this.ids.get(s);
    if (n === undefined) {
      n = this.values.length;
      this.ids.set(s, n);
      this.values.push(s);
    }
    return n;
  }

  value(n: number): string | null {
    return n < 0 ? null : this.values[n]!;
  }
}

/** Whole days since 1970-01-01 for an ISO date (the clustering and claims compare days). */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** "No day": a period or date that is unknown; below any real day number. */
export const NO_DAY = -0x7fffffff;

/** Appends `value` to the list under `key`, starting the list when there is none. */
export function addToList<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * Numbers under number keys (hashes): one number as it is, more as a list. Most keys have
 * one, and a list per key cost ~56 bytes more each (the place index, the shared entity records).
 */
export class Postings {
  private readonly byKey = new Map<number, number | number[]>();

  add(key: number, value: number): void {
    const found = this.byKey.get(key);
    if (found === undefined) this.byKey.set(key, value);
    else if (typeof found === "number") this.byKey.set(key, [found, value]);
    else found.push(value);
  }

  clear(): void {
    this.byKey.clear();
  }

  get(key: number): readonly number[] {
    const found = this.byKey.get(key);
    return found === undefined ? [] : typeof found === "number" ? [found] : found;
  }
}
