/** The resolver's compact columns: growth past their first block, nulls, interning. */
import { describe, expect, it } from "vitest";
import { dayNumber, IntColumn, Interner, NumberColumn } from "../../pipeline/resolve/compact.js";

describe("compact columns", () => {
  it("keep every value across growth", () => {
    const ints = new IntColumn();
    const nums = new NumberColumn();
    for (let i = 0; i < 5000; i++) {
      ints.push(i * 7 - 3);
      nums.push(i % 3 === 0 ? null : i / 4);
    }
    expect(ints.length).toBe(5000);
    expect([ints.get(0), ints.get(1023), ints.get(1024), ints.get(4999)]).toEqual([-3, 7158, 7165, 34990]);
    expect([nums.get(0), nums.get(1), nums.get(4998), nums.get(4999)]).toEqual([null, 0.25, null, 1249.75]); // 4998 = 3 × 1666
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
