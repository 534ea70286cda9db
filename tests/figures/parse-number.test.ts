import { describe, expect, it } from "vitest";
import { extractNumbers, scanNumbers } from "../../pipeline/figures/parse-number.js";

const values = (s: string) => extractNumbers(s).map((m) => [m.text, m.value]);

describe("number grammar", () => {
  it("reads digits with separators, decimals and magnitudes", () => {
    expect(values("15,000 and 2.5 and 1 234 567")).toEqual([["15,000", 15000], ["2.5", 2.5], ["1 234 567", 1234567]]);
    expect(values("1.5m, $1bn, 2.3 million, 10k")).toEqual([["1.5m", 1.5e6], ["1bn", 1e9], ["2.3 million", 2.3e6], ["10k", 1e4]]);
  });

  it("reads number words and compounds", () => {
    expect(values("twenty-three fighters")).toEqual([["twenty-three", 23]]);
    expect(values("one million people, a dozen troops, a hundred homes, a billion")).toEqual([
      ["one million", 1e6],
      ["a dozen", 12],
      ["a hundred", 100],
      ["a billion", 1e9],
    ]);
    expect(values("two hundred and two thousand")).toEqual([["two hundred and two thousand", 202000]]);
  });

  it("reads fractions and keeps grammatical limits", () => {
    expect(values("two thirds")).toEqual([["two thirds", 2 / 3]]);
    expect(values("one and a half")).toEqual([["one and a half", 1.5]]);
    expect(values("three-nought-four")).toEqual([["three", 3], ["nought", 0], ["four", 4]]);
  });

  it("does not read ordinals or glued units as numbers, but the scanner keeps the glue for units", () => {
    expect(values("the May 4th and a first class seat")).toEqual([]);
    expect(values("29km")).toEqual([]);
    expect(scanNumbers("29km")[0]).toMatchObject({ value: 29, suffix: "km" });
  });

  it("gives UTF-16 offsets into the text it was given", () => {
    const s = "😀 killed 35";
    const m = extractNumbers(s)[0]!;
    expect(s.slice(m.start, m.end)).toBe("35");
    expect(m.start).toBe(10);
  });
});
