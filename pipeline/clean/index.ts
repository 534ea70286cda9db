/**
 * clean: split the text into lines with offsets, mark boilerplate lines with a reason
 * (never deleting text), tell the headline and dek apart, and read the source metadata
 * (title, outlet, author, publication date). A manifest entry's values win over the text.
 */
import type { Doc, Line, Stage } from "../doc.js";
import { layout } from "./layout.js";
import { shapeOf, splitLines } from "./lines.js";
import { findAuthor, findOutlet, findTitle } from "./metadata.js";
import { publishedDate } from "./published-date.js";

export { splitLines } from "./lines.js";

export const clean: Stage = {
  name: "clean",
  requires: [],
  assigns: ["lines", "meta"],
  run(doc) {
    const raw = splitLines(doc);
    const shapes = raw.map((l) => shapeOf(l.text));
    const lay = layout(shapes);
    // field by field in Line's order (a spread per line is V8's slow path)
    const lines: Line[] = raw.map((l, i) => ({ start: l.start, end: l.end, line: l.line, text: l.text, boilerplate: lay.reasons[i]!, role: lay.roles[i]! }));
    const messages = [...doc.messages];
    const date = publishedDate(
      lines.map((l) => ({ text: l.text, reason: l.boilerplate, role: l.role })),
      messages,
    );
    const m = doc.manifest;
    const meta = {
      ...doc.meta,
      title: m?.title ?? findTitle(shapes, lay),
      outlet: m?.outlet ?? findOutlet(shapes, lay),
      author: m?.author ?? findAuthor(shapes, lay),
      url: m?.url ?? doc.meta.url,
      ...(m?.published_date
        ? { publishedDate: m.published_date, publishedDatePrecision: "day" as const, publishedDateBasis: "manifest" as const }
        : date),
    };
    return { ...doc, lines, meta, messages };
  },
};
