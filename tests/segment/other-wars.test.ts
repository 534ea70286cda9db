/**
 * Wire copy in the manner of AP, Reuters, AFP and Xinhua about other wars (Ukraine, Sudan,
 * Gaza, Sahel, DRC, Yemen, Myanmar): the sentences a careful coder would cut. Datelines stay
 * with the first sentence, "(AP) —" is not a boundary, and neither are the periods of U.N.,
 * Lt. Col., Inf. Div. or "10 a.m. Tuesday". An emoji opens each text so a UTF-16 offset slip
 * shows in the spans.
 */
import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { clean } from "../../pipeline/clean/index.js";
import { segment } from "../../pipeline/segment/index.js";
import { runStages } from "../../pipeline/index.js";
import type { Doc } from "../../pipeline/doc.js";

const run = (text: string): Doc => runStages(createDoc({ sourceId: "w", path: "w.txt", text }), { options: {} }, [clean, segment]);
const cp = (doc: Doc, s: { start: number; end: number }) => [...doc.text].slice(s.start, s.end).join("");
const sentences = (text: string) => run(text).sentences.map((s) => s.text);

describe("segment: wire copy from other wars", () => {
  it("AP, Ukraine: the dateline and the (AP) credit stay in the first sentence", () => {
    expect(
      sentences(
        "😀 KYIV, Ukraine (AP) — Russian drones struck Odesa overnight, killing four people, officials said Tuesday. Lt. Col. Yuriy Ihnat, an air force spokesman, said 14 of 17 drones were downed. The U.N. human rights office condemned the attack. It said the U.N. had recorded more than 10,500 civilian deaths since February 2022.",
      ),
    ).toEqual([
      "😀 KYIV, Ukraine (AP) — Russian drones struck Odesa overnight, killing four people, officials said Tuesday.",
      "Lt. Col. Yuriy Ihnat, an air force spokesman, said 14 of 17 drones were downed.",
      "The U.N. human rights office condemned the attack.",
      "It said the U.N. had recorded more than 10,500 civilian deaths since February 2022.",
    ]);
  });

  it("Reuters, Gaza: 'GAZA CITY (Reuters) -', a quotation and a sentence ending with U.N.", () => {
    expect(
      sentences(
        '😀 GAZA CITY (Reuters) - An Israeli air strike on a house in the Nuseirat camp killed 12 people, health officials said. "We pulled children from the rubble," a rescuer said. The strike was condemned by the U.N. The Israeli military said it was checking the report.',
      ),
    ).toEqual([
      "😀 GAZA CITY (Reuters) - An Israeli air strike on a house in the Nuseirat camp killed 12 people, health officials said.",
      '"We pulled children from the rubble," a rescuer said.',
      "The strike was condemned by the U.N.",
      "The Israeli military said it was checking the report.",
    ]);
  });

  it("AP, Sahel: a dateline alone on its line runs on into the text; 'at 10 a.m. Tuesday' is one sentence", () => {
    const doc = run(
      [
        "😀 Militants kill 15 soldiers in Burkina Faso ambush",
        "",
        "OUAGADOUGOU, Burkina Faso (AP) —",
        "Suspected jihadi militants ambushed a convoy near Djibo at 10 a.m. Tuesday, killing 15 soldiers, security sources said. The army did not comment.",
      ].join("\n"),
    );
    expect(doc.sentences.map((s) => s.text)).toEqual([
      "😀 Militants kill 15 soldiers in Burkina Faso ambush",
      "OUAGADOUGOU, Burkina Faso (AP) —\nSuspected jihadi militants ambushed a convoy near Djibo at 10 a.m. Tuesday, killing 15 soldiers, security sources said.",
      "The army did not comment.",
    ]);
    // the dateline and its text are one paragraph
    expect(doc.sentences[1]!.paragraph).toBe(1);
    expect(cp(doc, doc.sentences[1]!)).toBe(doc.sentences[1]!.text);
  });

  it("AFP, DRC and Sudan: ranks, unit abbreviations and 'Jan.' before a number", () => {
    expect(
      sentences(
        "😀 GOMA, DR Congo (AFP) - M23 rebels, backed by Rwanda according to U.N. experts, took Goma on Jan. 27. Col. Gen. Ahmed Shami of the army's 22nd Inf. Div. said troops had regrouped. Maj. Gen. Sylvain Ekenge denied it.",
      ),
    ).toEqual([
      "😀 GOMA, DR Congo (AFP) - M23 rebels, backed by Rwanda according to U.N. experts, took Goma on Jan. 27.",
      "Col. Gen. Ahmed Shami of the army's 22nd Inf. Div. said troops had regrouped.",
      "Maj. Gen. Sylvain Ekenge denied it.",
    ]);
  });

  it("Xinhua, Yemen: a dateline with a full date and a double hyphen", () => {
    expect(
      sentences(
        "😀 SANAA, Yemen, March 14, 2024 (Xinhua) -- U.S.-led forces struck Houthi sites near Hodeidah on Thursday, the group's al-Masirah TV said. No casualties were reported. The U.S. Central Command confirmed the strikes.",
      ),
    ).toEqual([
      "😀 SANAA, Yemen, March 14, 2024 (Xinhua) -- U.S.-led forces struck Houthi sites near Hodeidah on Thursday, the group's al-Masirah TV said.",
      "No casualties were reported.",
      "The U.S. Central Command confirmed the strikes.",
    ]);
  });
});

describe("segment: times, date ranges and rank abbreviations in conflict reporting", () => {
  it("a time zone after 'a.m.' and a month range 'Jan.–Mar.' do not end the sentence", () => {
    expect(
      sentences(
        "😀 Air raid sirens sounded across Ukraine at 4 a.m. ET on Friday, officials said. ACLED recorded 1,200 incidents in Sudan in Jan.–Mar. 2024, it said. Lt.-Gen. Shams al-Din Kabbashi disputed the figure.",
      ),
    ).toEqual([
      "😀 Air raid sirens sounded across Ukraine at 4 a.m. ET on Friday, officials said.",
      "ACLED recorded 1,200 incidents in Sudan in Jan.–Mar. 2024, it said.",
      "Lt.-Gen. Shams al-Din Kabbashi disputed the figure.",
    ]);
  });
});

describe("segment: tokens of wire copy", () => {
  const doc = run("😀 YANGON, Myanmar (AP) — Myanmar's military bombed two villages in Sagaing on Wednesday, killing nine civilians.");

  it("every token's span is its text, in code points, with a part of speech and a lemma", () => {
    expect(doc.tokens.length).toBeGreaterThan(15);
    for (const t of doc.tokens) {
      expect(cp(doc, t)).toBe(t.text);
      expect(t.pos).toMatch(/^[A-Z]+$/u);
      expect(t.lemma).not.toBe("");
    }
    const killing = doc.tokens.find((t) => t.text === "killing")!;
    expect(killing.lemma).toBe("kill");
    expect(killing.pos).toBe("VERB");
    expect(doc.tokens.find((t) => t.text === "bombed")!.lemma).toBe("bomb");
    expect(doc.tokens.find((t) => t.text === "villages")!.pos).toBe("NOUN");
  });
});
