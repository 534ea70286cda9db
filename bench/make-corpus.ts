/**
 * A deterministic corpus of article-like text for `make bench`: real sentences
 * from the seed articles, recombined, with their numbers, names and dates varied
 * by a seeded generator. No network, no clock: the same size gives the same bytes.
 *
 * The seeds' words repeat, as a few outlets covering a few wars do. A corpus of many outlets
 * and wars names far more people and places, and what grows with the distinct words (the
 * parser's lexicon, the resolver's entities) only shows there: `madeUpNames` replaces that
 * share of capitalized words by names made of syllables (~800,000 possible), never in the seeds.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: a tiny seeded PRNG, so the corpus is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ["Mosul", "Raqqa", "Aleppo", "Kabul", "Mogadishu", "Sanaa", "Khartoum", "Donetsk", "Goma", "Tripoli", "Idlib", "Kirkuk"];
const GROUPS = ["ISIS", "ISIL", "the Taliban", "al-Shabaab", "the Houthis", "the RSF", "Wagner", "M23", "Hezbollah", "Boko Haram"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function sentencesFrom(seedDir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(seedDir).filter((x) => x.endsWith(".txt")).sort()) {
    for (const line of readFileSync(join(seedDir, f), "utf8").split(/\r?\n/)) {
      const t = line.trim();
      if (t.length > 60 && /[.!?”"]$/.test(t)) out.push(t);
    }
  }
  return out;
}

const SYLLABLES = ["ka", "zu", "mor", "tel", "rin", "ba", "qa", "dosh", "vel", "ny", "ix", "sar", "pe", "lom", "ur", "hal", "fen", "jo", "wat", "ki", "dra", "mu", "sel", "tor", "am", "bi", "gur", "ol", "pri", "ze"];

function madeUpName(r: () => number): string {
  let s = "";
  for (let n = 2 + Math.floor(r() * 3); n > 0; n--) s += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return s[0]!.toUpperCase() + s.slice(1);
}

function vary(s: string, r: () => number, madeUpNames: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  // (the generator is not called at all when no names are made up: the default corpus stays as it was)
  const named = madeUpNames > 0 ? s.replace(/\b[A-Z][a-z]{3,}\b/g, (w) => (r() < madeUpNames ? madeUpName(r) : w)) : s;
  return named
    .replace(/\b\d{1,3}(,\d{3})+|\b\d+\b/g, () => String(Math.floor(r() * 20000)).replace(/\B(?=(\d{3})+$)/g, ","))
    .replace(/\bMosul\b|\bRaqqa\b|\bAleppo\b/g, () => pick(PLACES))
    .replace(/\bISIS\b|\bISIL\b/g, () => pick(GROUPS))
    .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, () => pick(WEEKDAYS))
    .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g, () => pick(MONTHS));
}

/**
 * Write `megabytes` of articles (~4 KB each, 200 per folder) into `dir`; returns the file count.
 * `madeUpNames`: the share of capitalized words replaced by made-up names (0 by default).
 */
export function makeCorpus(dir: string, seedDir: string, megabytes: number, seed = 42, madeUpNames = 0): number {
  rmSync(dir, { recursive: true, force: true });
  const r = rng(seed);
  const pool = sentencesFrom(seedDir);
  const target = megabytes * 1_000_000;
  let written = 0;
  let n = 0;
  while (written < target) {
    const sub = join(dir, String(Math.floor(n / 200)).padStart(4, "0"));
    if (n % 200 === 0) mkdirSync(sub, { recursive: true });
    const year = 2010 + Math.floor(r() * 15);
    const paras: string[] = [`${vary(pool[Math.floor(r() * pool.length)]!, r, madeUpNames).slice(0, 70).replace(/[.,;:]+$/, "")}`];
    paras.push(`${MONTHS[Math.floor(r() * 12)]} ${1 + Math.floor(r() * 28)}, ${year}`);
    let size = 0;
    while (size < 4000) {
      const para = Array.from({ length: 1 + Math.floor(r() * 3) }, () => vary(pool[Math.floor(r() * pool.length)]!, r, madeUpNames)).join(" ");
      paras.push(para);
      size += para.length;
    }
    const text = paras.join("\n\n") + "\n";
    writeFileSync(join(sub, `bench_${String(n).padStart(6, "0")}.txt`), text);
    written += Buffer.byteLength(text);
    n++;
  }
  return n;
}

/** The files under `dir` (a generated corpus), in sorted order. */
export function filesUnder(dir: string, into: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) filesUnder(p, into);
    else into.push(p);
  }
  return into;
}
