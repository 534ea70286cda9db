import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { clean } from "../../pipeline/clean/index.js";
import { segment } from "../../pipeline/segment/index.js";
import { runStages } from "../../pipeline/index.js";
import type { Doc } from "../../pipeline/doc.js";

const run = (text: string): Doc => runStages(createDoc({ sourceId: "src", path: "src.txt", text }), { options: {} }, [clean, segment]);
const cp = (doc: Doc, s: { start: number; end: number }) => [...doc.text].slice(s.start, s.end).join("");

const TEXT = [
  "😀 Army retakes old city",
  "",
  "Mosul // Iraq will declare victory within days, Brig. Gen. Yahia Rasoul said on Friday. About 2.5 million people fled the U.S.-backed offensive.",
  "Soldiers advance on June 30, 2017. Jane Roe / AFP",
  "“We will win,” said Col. Ryan Dillon. Staff Lt Gen Abdulghani Al Assadi said the fight was nearly over.",
  "",
  "The U.S. Army said 300 fighters remained... Officials in the U.S. expect more fighting. Dr. J. R. Smith agreed.",
].join("\n");

describe("segment: sentences", () => {
  const doc = run(TEXT);
  const texts = doc.sentences.map((s) => s.text);

  it("splits on full stops but not after titles, initials, decimals or U.S.", () => {
    expect(texts).toEqual([
      "😀 Army retakes old city",
      "Mosul // Iraq will declare victory within days, Brig. Gen. Yahia Rasoul said on Friday.",
      "About 2.5 million people fled the U.S.-backed offensive.",
      "“We will win,” said Col. Ryan Dillon.",
      "Staff Lt Gen Abdulghani Al Assadi said the fight was nearly over.",
      "The U.S. Army said 300 fighters remained...",
      "Officials in the U.S. expect more fighting.",
      "Dr. J. R. Smith agreed.",
    ]);
  });

  it("gives code-point spans, ids, indexes and paragraphs", () => {
    for (const s of doc.sentences) expect(cp(doc, s)).toBe(s.text);
    expect(doc.sentences.map((s) => s.id)).toEqual(doc.sentences.map((_, i) => `src-s${i + 1}`));
    expect(doc.sentences.map((s) => s.index)).toEqual(doc.sentences.map((_, i) => i));
    // the caption line splits paragraph 1 from the quote lines: boilerplate belongs to no paragraph
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it("keeps boilerplate out of sentences and paragraphs", () => {
    const caption = doc.lines.find((l) => l.text.startsWith("Soldiers advance"))!;
    expect(caption.boilerplate).toBe("caption");
    for (const s of doc.sentences) expect(s.end <= caption.start || s.start >= caption.end).toBe(true);
    for (const p of doc.paragraphs) expect(p.end <= caption.start || p.start >= caption.end).toBe(true);
  });

  it("reads CRLF line ends: lines of one paragraph are separate sentences, spans stay exact", () => {
    const d = run("😀 Troops entered the town.\r\nThey met no resistance\r\n\r\nA curfew was declared on Monday.");
    expect(d.sentences.map((s) => s.text)).toEqual(["😀 Troops entered the town.", "They met no resistance", "A curfew was declared on Monday."]);
    expect(d.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    for (const s of d.sentences) expect(cp(d, s)).toBe(s.text);
  });

  it("makes the headline a paragraph of its own", () => {
    const d = run("😀 Army retakes old city\nThe army retook the old city on Monday, officials said.");
    expect(d.lines.map((l) => l.role)).toEqual(["title", "body"]);
    expect(d.sentences.map((s) => s.paragraph)).toEqual([0, 1]);
  });

  it("never crosses a paragraph break", () => {
    const d = run("😀 The first paragraph has no full stop\n\nthe second one starts in lower case.");
    expect(d.sentences.map((s) => s.text)).toEqual(["😀 The first paragraph has no full stop", "the second one starts in lower case."]);
    expect(d.paragraphs).toHaveLength(2);
  });
});

describe("segment: tokens", () => {
  const doc = run(TEXT);

  it("tokens carry code-point spans, UPOS tags, lemmas and their sentence", () => {
    for (const t of doc.tokens) expect(cp(doc, t)).toBe(t.text);
    const said = doc.tokens.find((t) => t.text === "said")!;
    expect(said.pos).toBe("VERB");
    expect(said.lemma).toBe("say");
    const fled = doc.tokens.find((t) => t.text === "fled")!;
    expect(fled.lemma).toBe("flee");
    expect(doc.sentences[fled.sentence]!.text).toContain("fled");
    for (const t of doc.tokens) {
      const s = doc.sentences[t.sentence]!;
      expect(t.start >= s.start && t.start < s.end).toBe(true);
    }
  });

  it("no token comes from a boilerplate line", () => {
    const caption = doc.lines.find((l) => l.boilerplate === "caption")!;
    expect(doc.tokens.some((t) => t.start >= caption.start && t.end <= caption.end)).toBe(false);
    expect(doc.tokens.some((t) => t.text === "AFP")).toBe(false);
  });

  it("tokens are sorted and disjoint", () => {
    for (let i = 1; i < doc.tokens.length; i++) expect(doc.tokens[i]!.start).toBeGreaterThanOrEqual(doc.tokens[i - 1]!.end);
  });

  it("an empty text gives nothing", () => {
    const d = run("");
    expect(d.sentences).toEqual([]);
    expect(d.tokens).toEqual([]);
  });
});
