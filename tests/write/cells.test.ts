import { describe, expect, it } from "vitest";
import { csvCell } from "../../pipeline/write/cells.js";

describe("csvCell", () => {
  it("escapes text that a spreadsheet would run as a formula", () => {
    for (const s of ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"]) expect(csvCell(s, "string")).toBe(`'${s}`);
    expect(csvCell("plain", "string")).toBe("plain");
  });
  it("leaves negative numbers as numbers", () => {
    expect(csvCell(-3, "integer")).toBe("-3");
    expect(csvCell(-2.5, "number")).toBe("-2.5");
  });
  it("writes big and small numbers without exponent or separators", () => {
    expect(csvCell(1e9, "number")).toBe("1000000000");
    expect(csvCell(1e21, "number")).toBe("1000000000000000000000");
    expect(csvCell(0.5, "number")).toBe("0.5");
  });
  it("writes null as an empty cell and booleans as true/false", () => {
    expect(csvCell(null, "string")).toBe("");
    expect(csvCell(null, "date")).toBe("");
    expect(csvCell(true, "boolean")).toBe("true");
    expect(csvCell(false, "boolean")).toBe("false");
  });
});
