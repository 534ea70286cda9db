import { describe, expect, it } from "vitest";
import { CodePointIndex } from "../../pipeline/offsets.js";

describe("CodePointIndex", () => {
  const text = "😀 ISIS 🇮🇶 took Mosul";
  const idx = new CodePointIndex(text);

  it("counts code points, not UTF-16 units", () => {
    expect(idx.length).toBe([...text].length);
    expect(idx.length).toBeLessThan(text.length);
  });

  it("round-trips every boundary between the two scales", () => {
    const cps = [...text];
    let u = 0;
    for (let cp = 0; cp <= cps.length; cp++) {
      expect(idx.toUtf16(cp)).toBe(u);
      expect(idx.toCodePoint(u)).toBe(cp);
      u += cp < cps.length ? cps[cp]!.length : 0;
    }
  });

  it("slices by code points like Python's text[a:b]", () => {
    const u = text.indexOf("Mosul");
    const span = idx.span(u, u + 5);
    expect(span.start).toBe([...text.slice(0, u)].length);
    expect(idx.slice(span.start, span.end)).toBe("Mosul");
    expect([...text].slice(span.start, span.end).join("")).toBe("Mosul");
  });

  it("is the identity for text without astral characters", () => {
    const plain = new CodePointIndex("plain text");
    expect(plain.toCodePoint(5)).toBe(5);
    expect(plain.toUtf16(5)).toBe(5);
  });
});
