/** clean: split the text into lines with offsets and mark boilerplate lines (minimal first version). */
import type { Doc, Line, Stage } from "../doc.js";

export function splitLines(doc: Pick<Doc, "text" | "index">): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let n = 1;
  const push = (s: number, e: number) => {
    const text = doc.text.slice(s, e);
    const span = doc.index.span(s, e);
    lines.push({ ...span, line: n++, text, boilerplate: null, role: text.trim() === "" ? "blank" : "body" });
  };
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  if (start < doc.text.length) push(start, doc.text.length);
  return lines;
}

export const clean: Stage = {
  name: "clean",
  requires: [],
  assigns: ["lines", "meta"],
  run(doc) {
    return { ...doc, lines: splitLines(doc) };
  },
};
