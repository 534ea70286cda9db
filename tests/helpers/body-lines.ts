/**
 * Lines for a stage test that is not about cleaning: every line is body text, blank
 * lines separate paragraphs, and a line starting with "#" is boilerplate.
 */
import type { Doc, Line } from "../../pipeline/doc.js";

export function bodyLines(base: Pick<Doc, "index">, text: string): Line[] {
  const lines: Line[] = [];
  let u16 = 0;
  text.split("\n").forEach((raw, i) => {
    const span = base.index.span(u16, u16 + raw.length);
    const blank = raw.trim() === "";
    const boiler = raw.startsWith("#");
    lines.push({ ...span, line: i + 1, text: raw, boilerplate: boiler ? "navigation" : null, role: blank ? "blank" : boiler ? "boilerplate" : "body" });
    u16 += raw.length + 1;
  });
  return lines;
}
