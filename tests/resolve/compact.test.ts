/** The resolver's compact columns: growth past their first block, 2-byte codes, interning. */
import { describe, expect, it } from "vitest";
import { dayNumber, IntColumn, Interner } from "../../pipeline/resolve/compact.js";

describe("compact columns", () => {
  it("keep every value across growth", () => {
    const ints = new IntColumn();
    // past two blocks
    const n = 140_000;
    for (let i = 0; i < n; i++) {
      expect(ints.push(i * 7 - 3)).toBe(i);
    }
    expect(ints.length).toBe(n);
    expect([ints.get(0), ints.get(65_535), ints.get(65_536), ints.get(n - 1)]).toEqual([-3, 458_742, 458_749, 979_990]);
    for (let i = 0; i < n; i += 997) expect(ints.get(i)).toBe(i * 7 - 3);
    // replacing a value touches that value only, in any block
    ints.set(65_536, -1);
    ints.set(n - 1, 42);
    expect([ints.get(65_535), ints.get(65_536), ints.get(65_537), ints.get(n - 1), ints.length]).toEqual([458_742, -1, 458_756, 42, n]);
  });

  it("number distinct strings once, with null as -1", () => {
    const names = new Interner();
    expect([names.id("Battles"), names.id("Riots"), names.id("Battles"), names.id(null), names.id("😀 Protests")]).toEqual([0, 1, 0, -1, 2]);
    expect([names.value(1), names.value(-1), names.value(2)]).toEqual(["Riots", null, "😀 Protests"]);
  });

  it("count days across month and leap-year ends", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
    expect(dayNumber("2023-03-01") - dayNumber("2023-02-28")).toBe(1);
  });
});
