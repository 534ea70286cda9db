import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import type { Doc, Mention } from "../../pipeline/doc.js";
import { figures } from "../../pipeline/figures/index.js";
import { clean } from "../../pipeline/clean/index.js";
import { segment } from "../../pipeline/segment/index.js";
import { runStages } from "../../pipeline/index.js";

function parsed(text: string): Doc {
  return runStages(createDoc({ sourceId: "src", path: "src.txt", text }), { options: {} }, [clean, segment]);
}

/** A mention on the first occurrence of `surface`, with code-point offsets. */
function mention(doc: Doc, surface: string, type: Mention["type"], entityKey: string, n: number): Mention {
  const u = doc.text.indexOf(surface);
  const span = doc.index.span(u, u + surface.length);
  const s = doc.sentences.find((x) => x.start <= span.start && span.end <= x.end)!;
  return { ...span, id: `src-m${n}`, sentenceId: s.id, text: surface, type, subtype: null, entityKey };
}

const run = (doc: Doc) => figures.run(doc, { options: {} }).figures;

describe("figures stage", () => {
  it("finds figures with code-point spans, ids in text order, and what they count", () => {
    const doc = parsed("😀 At least 35 ISIS members were killed in Mosul, and about 300 ISIS fighters remain in the Old City.");
    const fs = run(doc);
    expect(fs.map((f) => f.id)).toEqual(["src-f1", "src-f2"]);
    const [a, b] = fs;
    expect(a).toMatchObject({ text: "At least 35 ISIS members", low: 35, value: null, qualifier: "at_least", unit: "person", counted: "ISIS members", category: "killed" });
    expect([...doc.text].slice(a!.start, a!.end).join("")).toBe("At least 35 ISIS members");
    expect(a!.start).toBe(2); // emoji + space: two code points (three UTF-16 units)
    expect(b).toMatchObject({ value: 300, qualifier: "approx", counted: "ISIS fighters", category: "fighters" });
  });

  it("ties figures to the group, place, time and source of their clause", () => {
    const base = parsed("😀 About 300 ISIS fighters remained in Raqqa on Sunday, according to the Associated Press.");
    const s = base.sentences[0]!;
    const u = base.text.indexOf("on Sunday");
    const dateSpan = base.index.span(u, u + "on Sunday".length);
    const doc: Doc = {
      ...base,
      mentions: [mention(base, "ISIS", "ORG", "ORG:isis", 1), mention(base, "Raqqa", "LOCATION", "LOCATION:raqqa", 2)],
      dates: [{ ...dateSpan, id: "src-d1", sentenceId: s.id, text: "on Sunday", value: "2017-07-09", startDate: null, endDate: null, precision: "day", anchor: "published_date" }],
      attributions: [{ start: s.start, end: s.end, sentenceId: s.id, cue: "according to", cueSpan: { start: 0, end: 0 }, sourceKey: "ORG:ap", sourceText: "the Associated Press", party: false }],
    };
    const [f] = run(doc);
    expect(f).toMatchObject({ actorKey: "ORG:isis", locationKey: "LOCATION:raqqa", dateId: "src-d1", attributedToKey: "ORG:ap" });
  });

  it("skips names, models, ordinals, years, times and numbers inside dates", () => {
    const base = parsed("😀 On June 29, 2017 a T-72 tank and two F-16 jets hit Iraq's second city at 10:30 in 2014, the 3rd time.");
    const u = base.text.indexOf("June 29, 2017");
    const dateSpan = base.index.span(u, u + "June 29, 2017".length);
    const s = base.sentences[0]!;
    const doc: Doc = {
      ...base,
      dates: [{ ...dateSpan, id: "src-d1", sentenceId: s.id, text: "June 29, 2017", value: "2017-06-29", startDate: null, endDate: null, precision: "day", anchor: "absolute" }],
    };
    expect(run(doc).map((f) => f.text)).toEqual(["two F-16 jets"]);
  });

  it("reads durations, ages, distances, money and vague amounts", () => {
    const doc = parsed(
      "😀 The eight-month battle for the 850-year-old mosque has displaced tens of thousands of people. Troops have fought for four years, 10 meters under the ground, and it will cost more than $1bn to rebuild.",
    );
    const got = run(doc).map((f) => [f.text, f.value ?? f.low, f.unit, f.category]);
    expect(got).toEqual([
      ["eight-month", 8, "month", "duration"],
      ["850-year-old", 850, "year", "age"],
      ["tens of thousands of people", null, "person", "displaced"],
      ["for four years", 4, "year", "duration"],
      ["10 meters", 10, "meter", "distance"],
      ["more than $1bn", 1e9, "USD", "cost"],
    ]);
  });

  it("never reads boilerplate lines and leaves a lone 'one' alone", () => {
    const doc = parsed("😀 Mosul is one of the most beautiful cities, with scores of old mosques and buildings.\n\nShare this: 12 comments");
    const boiler = { ...doc, lines: doc.lines.map((l) => (l.text.startsWith("Share") ? { ...l, boilerplate: "share_widget", role: "boilerplate" as const } : l)) };
    const fs = run({ ...boiler, sentences: doc.sentences });
    expect(fs.map((f) => f.text)).toEqual(["scores of old mosques and buildings"]);
    expect(fs[0]).toMatchObject({ qualifier: "vague", value: null, unit: "item", counted: "old mosques and buildings", category: "count" });
  });

  it("reads casualty words, names with numbers, and minor currency units", () => {
    const doc = parsed("😀 The attack on Camp 7 left 17 dead and 43 injured, and bread now costs 50 cents more under Resolution 2334.");
    const got = run(doc).map((f) => [f.text, f.value, f.unit, f.counted, f.category]);
    expect(got).toEqual([
      ["17 dead", 17, "person", "dead", "killed"],
      ["43 injured", 43, "person", "injured", "injured"],
      ["50 cents", 0.5, "USD", null, "cost"],
    ]);
  });

  it("reads shares with what they are shares of, through a possessive", () => {
    const doc = parsed("😀 The war has displaced half of the country's pre-war population, officials said.");
    expect(run(doc).map((f) => [f.text, f.value, f.unit, f.counted, f.category])).toEqual([
      ["half of the country's pre-war population", 0.5, "share", "country's pre-war population", "displaced"],
    ]);
  });
});
