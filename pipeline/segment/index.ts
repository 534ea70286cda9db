/** segment: paragraphs, sentences and tokens from one wink-nlp parse (minimal first version). */
import winkNLP, { type ItemSentence, type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Doc, Paragraph, Sentence, Stage, Token } from "../doc.js";

const nlp = winkNLP(model);
const its = nlp.its;

export const segment: Stage = {
  name: "segment",
  requires: ["lines"],
  assigns: ["paragraphs", "sentences", "tokens"],
  run(doc) {
    const paragraphs: Paragraph[] = [];
    const sentences: Sentence[] = [];
    const tokens: Token[] = [];
    for (const line of doc.lines) {
      if (line.boilerplate !== null || line.role === "blank") continue;
      const pIndex = paragraphs.length;
      paragraphs.push({ start: line.start, end: line.end, index: pIndex });
      const u16Base = doc.index.toUtf16(line.start);
      const parsed = nlp.readDoc(line.text);
      let cursor = 0;
      parsed.sentences().each((s: ItemSentence) => {
        const sIndex = sentences.length;
        let sStart = -1;
        let sEnd = -1;
        s.tokens().each((t: ItemToken) => {
          const value = t.out(its.value) as string;
          const at = line.text.indexOf(value, cursor);
          if (at < 0) return;
          cursor = at + value.length;
          if (sStart < 0) sStart = at;
          sEnd = cursor;
          const span = doc.index.span(u16Base + at, u16Base + cursor);
          tokens.push({ ...span, text: value, pos: t.out(its.pos) as string, lemma: t.out(its.lemma) as string, sentence: sIndex });
        });
        if (sStart < 0) return;
        const span = doc.index.span(u16Base + sStart, u16Base + sEnd);
        sentences.push({ ...span, id: `${doc.sourceId}-s${sIndex + 1}`, paragraph: pIndex, index: sIndex, text: line.text.slice(sStart, sEnd) });
      });
    }
    return { ...doc, paragraphs, sentences, tokens };
  },
};
