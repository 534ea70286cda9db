import { describe, expect, it } from "vitest";
import type { GoldDoc } from "../../eval/gold.js";
import { score, type Predicted } from "../../eval/score.js";

const TEXT = "😀 Menu\n\nRebels seized Kidal on Monday. About 300 fighters remain, the army said.\n";
const cp = (s: string) => {
  const i = [...TEXT].join("").indexOf(s);
  const start = [...TEXT.slice(0, i)].length;
  return { char_start: String(start), char_end: String(start + [...s].length) };
};

const gold: GoldDoc = {
  source_id: "a",
  published_date: "2024-03-12",
  outlet: null,
  title: null,
  boilerplate: ["😀 Menu"],
  figures: [{ quote: "About 300 fighters", value: 300, low: null, high: null, qualifier: "approx", unit: "person", counted: "fighters", category: "fighters" }],
  dates: [{ quote: "on Monday", value: "2024-03-11", start_date: "2024-03-11", end_date: "2024-03-11", precision: "day" }],
  entities: [{ name: "Kidal", type: "LOCATION", aliases: ["Kidal"] }],
  events: [{ quote: "Rebels seized Kidal on Monday", event_type: "Battles", sub_event_type: "Non-state actor overtakes territory", actor1: null, actor2: null, location: "Kidal", event_date: "2024-03-11", certainty: "reported" }],
};

function perfect(): Predicted {
  return {
    sources: [{ source_id: "a", path: "a.txt", title: "", outlet: "", published_date: "2024-03-12" }],
    boilerplate: [{ source_id: "a", ...cp("😀 Menu") }],
    figures: [{ source_id: "a", ...cp("About 300"), value: "300", low: "", high: "", qualifier: "approx", unit: "person", counted: "fighters", category: "fighters" }],
    dates: [{ source_id: "a", ...cp("Monday"), value: "2024-03-11", start_date: "2024-03-11", end_date: "2024-03-11", precision: "day" }],
    mentions: [{ source_id: "a", ...cp("Kidal"), type: "LOCATION", entity_id: "loc-kidal" }],
    events: [{ source_id: "a", ...cp("Rebels seized Kidal"), event_type: "Battles", sub_event_type: "Non-state actor overtakes territory", certainty: "reported", event_date: "2024-03-11", actor1_id: "", location_id: "loc-kidal" }],
  };
}

describe("score", () => {
  const texts = new Map([["a", TEXT]]);

  it("gives 1.0 everywhere for a prediction that matches the gold", () => {
    const r = score([gold], texts, perfect());
    for (const t of [r.boilerplate, r.figures, r.dates, r.mentions, r.events]) expect(t.f1).toBe(1);
    expect(r.figures.numbers.rate).toBe(1);
    expect(r.dates.value.rate).toBe(1);
    expect(r.events.location.rate).toBe(1);
    expect(r.sources.published_date.rate).toBe(1);
    expect(r.unlocated).toEqual([]);
  });

  it("counts a wrong value, a spurious row and a missed row against the right numbers", () => {
    const p = perfect();
    p.figures[0]!.value = "30";
    p.figures.push({ source_id: "a", ...cp("the army"), value: "1", low: "", high: "", qualifier: "exact", unit: "item", counted: "", category: "count" });
    p.dates = [];
    p.sources[0]!.published_date = "";
    const r = score([gold], texts, p);
    expect(r.figures.precision).toBe(0.5);
    expect(r.figures.recall).toBe(1);
    expect(r.figures.numbers.rate).toBe(0);
    expect(r.dates.recall).toBe(0);
    expect(r.sources.published_date.rate).toBe(0);
  });

  it("does not match spans that do not overlap, and reports gold quotes it cannot find", () => {
    const p = perfect();
    p.events[0] = { ...p.events[0]!, ...cp("the army said") };
    const r = score([{ ...gold, figures: [{ ...gold.figures[0]!, quote: "not in the text" }] }], texts, p);
    expect(r.events.matched).toBe(0);
    expect(r.unlocated).toEqual(["a figure: not in the text"]);
  });
});
