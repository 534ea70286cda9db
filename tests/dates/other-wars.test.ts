/**
 * Wire-copy passages from other wars (Ukraine, Gaza, Sudan, Myanmar), in the styles of
 * AP, Reuters and AFP, with the time expressions a careful coder would mark and resolve
 * against a publication date set by hand (as a manifest would). Regression fixtures for
 * the generalization pass: each case once failed or is easy to break.
 */
import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { clean } from "../../pipeline/clean/index.js";
import { dates } from "../../pipeline/dates/index.js";
import { tokensOfSentence, type DatePrecision, type TimeExpression } from "../../pipeline/doc.js";
import { runStages } from "../../pipeline/index.js";
import { segment } from "../../pipeline/segment/index.js";

function run(text: string, published: string | null, precision: "day" | "month" | "year" = "day"): TimeExpression[] {
  const doc = runStages(createDoc({ sourceId: "w", path: "w.txt", text }), { options: {} }, [clean, segment]);
  const meta = { ...doc.meta, publishedDate: published, publishedDatePrecision: published === null ? null : precision, publishedDateBasis: published === null ? ("none" as const) : ("manifest" as const) };
  return dates.run({ ...doc, meta }, { options: {} }).dates;
}

type Row = [text: string, value: string, start: string | null, end: string | null, precision: DatePrecision | null];
const rows = (ds: TimeExpression[]): Row[] => ds.map((d) => [d.text, d.value, d.startDate, d.endDate, d.precision]);
const at = (text: string, d: TimeExpression) => [...text].slice(d.start, d.end).join("");

const UKRAINE = `😀 KYIV, Ukraine (AP) — Russian missiles and drones struck the Kharkiv region on Tuesday night, killing at least 27 people, regional officials said on Wednesday.

The attack came hours after Ukraine's foreign minister called for more air defence. Late Saturday, three drones hit an energy facility. Russia launched its full-scale 2022 invasion on Feb. 24, and Monday's attack was the deadliest since October 7.

Overnight, air defences shot down 40 of 52 drones. About 40 per cent of the grid has been damaged this year.`;

const GAZA = `😀 GAZA (Reuters) - More than 34,000 Palestinians have been killed since October 7, according to the health ministry. The war began on 7 October 2023. Some 1.7 million people have fled, the United Nations said earlier this month.

Donors pledged $2.3 billion in mid-March. A truce collapsed at the end of February. Israeli forces killed 14 militants in the past 24 hours, the army said.`;

const SUDAN = `😀 KHARTOUM (AFP) - The Rapid Support Forces killed at least 40 villagers over the weekend, a monitoring group said on Monday. The death toll rose to 1,200 last month.

Fighting since April 2023 has displaced 8.6 million people. A year ago, the army held the city. Two weeks ago, drones struck a market.

The previous day, fighters detained 37 men. Hours later, the group seized a base.`;

const MYANMAR = `😀 (AP) — A military airstrike on a village in Sagaing region killed 17 people early this morning, residents said. On the same day, resistance fighters attacked an army post.

The military seized power in a February 2021 coup, and the country has been at war since 2021. The junta said it will hold elections next year. Last month, two more towns fell.`;

describe("dates from other wars, against a day-precision publication date", () => {
  it("Ukraine (AP style): weekday nights, abbreviated months, a year before an event noun, overnight", () => {
    // published Wednesday 2024-05-15
    const ds = run(UKRAINE, "2024-05-15");
    expect(rows(ds)).toEqual([
      ["Tuesday night", "2024-05-14", "2024-05-14", "2024-05-14", "day"],
      ["Wednesday", "2024-05-15", "2024-05-15", "2024-05-15", "day"],
      ["hours after", "", null, null, null],
      ["Late Saturday", "2024-05-11", "2024-05-11", "2024-05-11", "day"],
      ["2022", "2022", "2022-01-01", "2022-12-31", "year"],
      ["Feb. 24", "2024-02-24", "2024-02-24", "2024-02-24", "day"],
      ["Monday", "2024-05-13", "2024-05-13", "2024-05-13", "day"],
      ["October 7", "2023-10-07", "2023-10-07", "2023-10-07", "day"],
      ["Overnight", "2024-05-15", "2024-05-15", "2024-05-15", "day"],
      ["this year", "2024", "2024-01-01", "2024-12-31", "year"],
    ]);
    expect(at(UKRAINE, ds[0]!)).toBe("Tuesday night");
    expect(ds[0]!.anchor).toBe("published_date");
    expect(ds[4]!.anchor).toBe("absolute");
  });

  it("Gaza (Reuters style): day-month-year, mid-month, the end of a month, the past 24 hours", () => {
    const ds = run(GAZA, "2024-04-20");
    expect(rows(ds)).toEqual([
      ["October 7", "2023-10-07", "2023-10-07", "2023-10-07", "day"],
      ["7 October 2023", "2023-10-07", "2023-10-07", "2023-10-07", "day"],
      ["earlier this month", "2024-04", "2024-04-01", "2024-04-30", "month"],
      ["mid-March", "2024-03", "2024-03-01", "2024-03-31", "month"],
      ["the end of February", "2024-02", "2024-02-01", "2024-02-29", "month"],
      ["the past 24 hours", "", null, null, null],
    ]);
  });

  it("Sudan (AFP style): the weekend, last month, ago, and anaphors with nothing to count from", () => {
    // published Tuesday 2024-06-11
    const ds = run(SUDAN, "2024-06-11");
    expect(rows(ds)).toEqual([
      ["the weekend", "2024-W23-WE", "2024-06-08", "2024-06-09", "week"],
      ["Monday", "2024-06-10", "2024-06-10", "2024-06-10", "day"],
      ["last month", "2024-05", "2024-05-01", "2024-05-31", "month"],
      ["April 2023", "2023-04", "2023-04-01", "2023-04-30", "month"],
      ["A year ago", "2023", "2023-01-01", "2023-12-31", "year"],
      ["Two weeks ago", "2024-W22", "2024-05-27", "2024-06-02", "week"],
      // a new paragraph narrates no date yet: "the previous day" stays empty rather than guessed
      ["The previous day", "", null, null, null],
      ["Hours later", "", null, null, null],
    ]);
  });

  it("Myanmar (AP style): this morning, the same day, a month-year before a noun, future tense", () => {
    const ds = run(MYANMAR, "2024-03-06");
    expect(rows(ds)).toEqual([
      ["early this morning", "2024-03-06", "2024-03-06", "2024-03-06", "day"],
      ["the same day", "2024-03-06", "2024-03-06", "2024-03-06", "day"],
      ["February 2021", "2021-02", "2021-02-01", "2021-02-28", "month"],
      ["2021", "2021", "2021-01-01", "2021-12-31", "year"],
      ["next year", "2025", "2025-01-01", "2025-12-31", "year"],
      ["Last month", "2024-02", "2024-02-01", "2024-02-29", "month"],
    ]);
    expect(ds[1]!.anchor).toBe("previous_date");
  });
});

describe("dates from other wars: the anchor's precision bounds the answer", () => {
  it("a month-precision publication date never yields a day from a weekday or 'overnight'", () => {
    const ds = run(UKRAINE, "2024-05", "month");
    const byText = new Map(ds.map((d) => [d.text, d]));
    for (const t of ["Tuesday night", "Wednesday", "Late Saturday", "Monday", "Overnight"]) {
      expect(byText.get(t)?.value, t).toBe("");
      expect(byText.get(t)?.precision, t).toBeNull();
    }
    // what the text itself dates keeps its day; the month anchor still places the year
    expect(byText.get("Feb. 24")?.value).toBe("2024-02-24");
    expect(byText.get("this year")?.value).toBe("2024");
    expect(ds.every((d) => d.precision !== "day" || d.anchor === "absolute" || ["Feb. 24", "October 7"].includes(d.text))).toBe(true);
  });

  it("a month-precision anchor resolves months but not weeks or days", () => {
    const ds = run(SUDAN, "2024-06", "month");
    const v = Object.fromEntries(ds.map((d) => [d.text, d.value]));
    expect(v).toMatchObject({ "the weekend": "", Monday: "", "last month": "2024-05", "Two weeks ago": "", "A year ago": "2023" });
  });

  it("without any anchor, relative expressions stay empty and absolute ones resolve", () => {
    const ds = run(GAZA, null);
    expect(rows(ds).map((r) => [r[0], r[1]])).toEqual([
      ["October 7", ""],
      ["7 October 2023", "2023-10-07"],
      // counted from when the text was written, which is unknown: the narrated "7 October 2023" cannot stand in
      ["earlier this month", ""],
      ["mid-March", ""],
      ["the end of February", ""],
      ["the past 24 hours", ""],
    ]);
  });
});

describe("year before an event noun", () => {
  it("reads 'its 2022 invasion' and 'the 2014 elections' as years, not '2000 attacks'", () => {
    const ds = run("😀 Russia began its full-scale 2022 invasion after the 2014 elections. Militants carried out 2000 attacks.", "2024-01-10");
    expect(ds.map((d) => [d.text, d.value])).toEqual([
      ["2022", "2022"],
      ["2014", "2014"],
    ]);
  });
});

describe("tokensOfSentence (the per-sentence token lookup dates and figures share)", () => {
  const tok = (sentence: number, start: number) => ({ start, end: start + 1, text: "x", lower: "x", pos: "X", lemma: "x", sentence });
  it("slices each sentence's run of tokens, and nothing for a sentence without tokens", () => {
    const tokens = [tok(0, 2), tok(0, 3), tok(2, 9), tok(2, 10), tok(3, 12)];
    const of = tokensOfSentence(tokens, 4);
    expect([0, 1, 2, 3].map((s) => of(s).map((t) => t.start))).toEqual([[2, 3], [], [9, 10], [12]]);
    expect(of(7)).toEqual([]);
  });
  it("groups tokens that are not in sentence order the slow way, with the same answer", () => {
    const of = tokensOfSentence([tok(1, 5), tok(0, 2), tok(1, 6)], 2);
    expect([0, 1].map((s) => of(s).map((t) => t.start))).toEqual([[2], [5, 6]]);
  });
});
