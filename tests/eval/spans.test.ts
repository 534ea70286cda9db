import { describe, expect, it } from "vitest";
import { bcubed, locate, matchByOverlap, prf } from "../../eval/spans.js";

describe("eval spans", () => {
  it("locates quotes in code points and honours occurrence", () => {
    const t = "😀 on Sunday and on Sunday";
    expect(locate(t, "on Sunday")).toEqual({ start: 2, end: 11 });
    expect(locate(t, "on Sunday", 2)).toEqual({ start: 16, end: 25 });
    expect(locate(t, "on Monday")).toBeNull();
  });
  it("matches one to one, largest overlap first", () => {
    const gold = [{ start: 0, end: 10 }, { start: 12, end: 20 }];
    const pred = [{ start: 0, end: 20 }, { start: 14, end: 18 }, { start: 30, end: 40 }];
    expect(matchByOverlap(gold, pred)).toEqual([[0, 0], [1, 1]]);
    const r = prf(2, 3, 2);
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBe(1);
  });
  it("computes B-cubed", () => {
    expect(bcubed([{ gold: "a", pred: "x" }, { gold: "a", pred: "x" }]).f1).toBe(1);
    const split = bcubed([{ gold: "a", pred: "x" }, { gold: "a", pred: "y" }]);
    expect(split.precision).toBe(1);
    expect(split.recall).toBe(0.5);
  });
});
