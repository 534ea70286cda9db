/**
 * make bench's corpus generator: the same bytes for the same arguments, and made-up names
 * only where asked for, as capitalized words the seeds never use.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeCorpus, sentencesFrom } from "../../bench/make-corpus.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();
const SEEDS = join(import.meta.dirname, "..", "..", "seeds");

function textOf(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\u0000");
}

const capitalized = (text: string) => new Set(text.match(/\b[A-Z][a-z]{3,}\b/g) ?? []);

describe("makeCorpus", () => {
  it("writes the same bytes for the same arguments", () => {
    const a = tempDir("corpus-a-");
    const b = tempDir("corpus-b-");
    expect(makeCorpus(a, SEEDS, 0.05)).toBe(makeCorpus(b, SEEDS, 0.05));
    expect(textOf(a)).toBe(textOf(b));
  });

  it("makes up names only when asked, as words the seeds never use", () => {
    const seedWords = capitalized(sentencesFrom(SEEDS).join(" "));
    const plain = tempDir("corpus-plain-");
    const named = tempDir("corpus-named-");
    makeCorpus(plain, SEEDS, 0.1);
    makeCorpus(named, SEEDS, 0.1, 42, 0.5);
    const unseen = (text: string) => [...capitalized(text)].filter((w) => !seedWords.has(w));
    const plainUnseen = unseen(textOf(plain));
    const namedUnseen = unseen(textOf(named));
    // the plain corpus varies only places, groups, weekdays and months from short lists
    expect(plainUnseen.length).toBeLessThan(30);
    expect(namedUnseen.length).toBeGreaterThan(500);
    expect(namedUnseen.length).toBeGreaterThan(20 * plainUnseen.length);
  });
});
