/**
 * The bounded parser: renewed once it has met its limit of distinct token texts, and giving
 * the same tokens, tags and lemmas after renewal as before and as a fresh parser does.
 */
import { describe, expect, it } from "vitest";
import { BoundedParser } from "../../pipeline/segment/parser.js";

// names, numbers, a contraction, a URL and a long unknown word: what wink adds to its lexicon
const REFERENCE =
  "Iraqi forces didn't retake Qaraqosh on 3 March; 1,250 Zarghawiyyanistanis fled to https://example.org/report-2017 " +
  "said Col. Abdulwahab al-Saadi, who'd counted 37 dead.";

/** A text of `n` words nobody has met, all different from any other call's. */
let made = 0;
function unknownWords(n: number): string {
  return Array.from({ length: n }, () => `Qz${(made++).toString(36)}x`).join(" ") + ".";
}

describe("BoundedParser", () => {
  it("is renewed once the distinct token texts it met reach its limit, not before", () => {
    const parser = new BoundedParser(300);
    parser.parse(unknownWords(100));
    parser.parse(unknownWords(100));
    expect(parser.generation).toBe(1);
    // the same words again add nothing
    parser.parse("Qz0x Qz1x Qz2x.");
    expect(parser.generation).toBe(1);
    parser.parse(unknownWords(100));
    expect(parser.generation).toBe(2);
    parser.parse(unknownWords(250));
    expect(parser.generation).toBe(2);
  });

  it("counts long token texts (kept as hashes, not text) once each too", () => {
    const parser = new BoundedParser(50);
    const long = (from: number) => Array.from({ length: 30 }, (_, i) => `Zarghawiyyanistani${from + i}`).join(" ");
    parser.parse(long(0));
    parser.parse(long(0));
    expect(parser.generation).toBe(1);
    parser.parse(long(10));
    expect(parser.generation).toBe(1);
    parser.parse(long(20));
    expect(parser.generation).toBe(2);
  });

  it("can be renewed again and again (the model's loader once broke the 19th parser of a thread)", () => {
    const parser = new BoundedParser(10);
    for (let i = 0; i < 24; i++) parser.parse(unknownWords(10));
    expect(parser.generation).toBe(25);
    expect(parser.parse(REFERENCE)).toEqual(new BoundedParser().parse(REFERENCE));
  });

  it("gives the same tokens, tags and lemmas after renewal as before, and as a fresh parser", () => {
    const fresh = new BoundedParser().parse(REFERENCE);
    const parser = new BoundedParser(1_000);
    const before = parser.parse(REFERENCE);
    while (parser.generation < 3) parser.parse(unknownWords(400));
    expect(parser.parse(REFERENCE)).toEqual(before);
    expect(before).toEqual(fresh);
    expect(before.values).toContain("Zarghawiyyanistanis");
    expect(before.values).toContain("n't");
    expect(before.pos.length).toBe(before.values.length);
    expect(before.lemmas.length).toBe(before.values.length);
  });
});
