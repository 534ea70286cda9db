import { describe, expect, it } from "vitest";
import { splitSentences } from "../../pipeline/segment/index.js";

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe("splitSentences", () => {
  it("handles news abbreviations and ranks", () => {
    expect(split("Maj. Gen. Smith and Lt. Col. Jones met Sen. Brown. They spoke for an hour.")).toEqual([
      "Maj. Gen. Smith and Lt. Col. Jones met Sen. Brown.",
      "They spoke for an hour.",
    ]);
  });

  it("ends a sentence after U.S. when a sentence starter follows", () => {
    expect(split("The troops came from the U.S. They arrived on Monday.")).toEqual(["The troops came from the U.S.", "They arrived on Monday."]);
    expect(split("The U.S. Army said so.")).toEqual(["The U.S. Army said so."]);
  });

  it("closes quotes inside and outside the mark", () => {
    expect(split("“We will win.” He left. She said “no”. Then she went.")).toEqual(["“We will win.”", "He left.", "She said “no”.", "Then she went."]);
    expect(split("“Is it over?” asked one resident.")).toEqual(["“Is it over?” asked one resident."]);
  });

  it("splits run-in lists and bullets", () => {
    expect(split("1. Secure the bridge 2. Clear the market 3. Hold the line")).toEqual([
      "1. Secure the bridge",
      "2. Clear the market",
      "3. Hold the line",
    ]);
    expect(split("• Ten killed • Five injured")).toEqual(["• Ten killed", "• Five injured"]);
  });

  it("keeps prose numbers and decimals", () => {
    expect(split("It cost $2.5bn in 2017. 300 people were displaced.")).toEqual(["It cost $2.5bn in 2017.", "300 people were displaced."]);
    expect(split("as in 1. above and 2. above, nothing changed.")).toEqual(["as in 1. above and 2. above, nothing changed."]);
  });

  it("offsets are UTF-16 indices into the input (astral characters count twice)", () => {
    const t = "😀 First one. 😀 Second one.";
    expect(splitSentences(t)).toEqual([
      { start: 0, end: 13 },
      { start: 14, end: 28 },
    ]);
  });
});
