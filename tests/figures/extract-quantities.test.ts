import { describe, expect, it } from "vitest";
import { extractQuantities } from "../../pipeline/figures/extract-quantities.js";

const one = (s: string) => {
  const qs = extractQuantities(s);
  expect(qs).toHaveLength(1);
  return qs[0]!;
};

describe("quantities: qualifiers and ranges", () => {
  it("applies bounds as DATASET.md says", () => {
    expect(one("😀 nearly one million people")).toMatchObject({ value: 1e6, low: null, high: 1e6, qualifier: "approx", text: "nearly one million" });
    expect(one("😀 about 100 fighters")).toMatchObject({ value: 100, low: null, high: null, qualifier: "approx" });
    expect(one("😀 at least 35 members")).toMatchObject({ value: null, low: 35, high: null, qualifier: "at_least" });
    expect(one("😀 as many as 2,500 fighters")).toMatchObject({ value: null, low: null, high: 2500, qualifier: "at_most" });
    expect(one("😀 more than $1bn")).toMatchObject({ value: null, low: 1e9, qualifier: "more_than", unit: "USD" });
    expect(one("😀 less than a square mile")).toMatchObject({ value: null, high: 1, qualifier: "less_than", unit: "square_mile" });
    expect(one("😀 no more than 40 soldiers")).toMatchObject({ high: 40, qualifier: "at_most" });
  });

  it("joins ranges", () => {
    expect(one("😀 between 15,000 and 20,000 noncombatants")).toMatchObject({ value: null, low: 15000, high: 20000, qualifier: "range", text: "between 15,000 and 20,000" });
    expect(one("😀 200 to 300 fighters")).toMatchObject({ low: 200, high: 300, qualifier: "range" });
    expect(one("😀 200-300 fighters")).toMatchObject({ low: 200, high: 300, qualifier: "range" });
    expect(one("😀 5 to 10 km")).toMatchObject({ low: 5000, high: 10000, unit: "meter" });
  });

  it("reads ratios, shares and percents", () => {
    expect(one("😀 a ratio of almost ten to one")).toMatchObject({ value: 10, high: 10, qualifier: "approx", kind: "ratio" });
    expect(one("😀 half of the population")).toMatchObject({ value: 0.5, kind: "share" });
    expect(one("😀 20 per cent of voters")).toMatchObject({ value: 20, unit: "percent" });
  });

  it("reads vague amounts without inventing a value", () => {
    for (const s of ["tens of thousands of people", "scores of mosques", "dozens of", "several strikes", "a few more blocks", "a handful of"]) {
      expect(one(`😀 ${s}`)).toMatchObject({ value: null, low: null, high: null, qualifier: "vague" });
    }
  });

  it("reads currencies, units, durations and ages", () => {
    expect(one("😀 £2bn")).toMatchObject({ value: 2e9, unit: "GBP" });
    expect(one("😀 5,000 dinars")).toMatchObject({ value: 5000, unit: "IQD" });
    expect(one("😀 €3 million")).toMatchObject({ value: 3e6, unit: "EUR" });
    expect(one("😀 the eight-month battle")).toMatchObject({ value: 8, unit: "month", compound: "duration" });
    expect(one("😀 the 850-year-old mosque")).toMatchObject({ value: 850, unit: "year", compound: "age" });
    expect(one("😀 1,500 meters")).toMatchObject({ value: 1500, unit: "meter", kind: "distance" });
  });

  it("reads approximators and bounds written after the amount", () => {
    expect(one("😀 a dozen or so fighters")).toMatchObject({ value: 12, qualifier: "approx", text: "a dozen or so" });
    expect(one("😀 40-odd soldiers")).toMatchObject({ value: 40, qualifier: "approx" });
    expect(one("😀 100 or more people")).toMatchObject({ value: null, low: 100, qualifier: "at_least" });
  });
});
