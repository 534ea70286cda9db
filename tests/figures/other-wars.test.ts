/**
 * Casualty, displacement, aid and force figures as wire copy from other wars writes them
 * (AP, Reuters, AFP styles), run through the real stages up to figures, with what a careful
 * coder would record. Regression fixtures for the generalization pass.
 */
import { describe, expect, it } from "vitest";
import { attribution } from "../../pipeline/attribution/index.js";
import { clean } from "../../pipeline/clean/index.js";
import { createDoc } from "../../pipeline/create-doc.js";
import { dates } from "../../pipeline/dates/index.js";
import type { Doc, Figure } from "../../pipeline/doc.js";
import { entities } from "../../pipeline/entities/index.js";
import { figures } from "../../pipeline/figures/index.js";
import { runStages } from "../../pipeline/index.js";
import { segment } from "../../pipeline/segment/index.js";

function run(text: string): { doc: Doc; fs: Figure[] } {
  const base = runStages(createDoc({ sourceId: "w", path: "w.txt", text }), { options: {} }, [clean, segment, entities, attribution]);
  const meta = { ...base.meta, publishedDate: "2024-05-15", publishedDatePrecision: "day" as const, publishedDateBasis: "manifest" as const };
  const doc = runStages({ ...base, meta }, { options: {} }, [dates, figures]);
  return { doc, fs: doc.figures };
}

const find = (fs: Figure[], text: string): Figure => {
  const f = fs.find((x) => x.text === text);
  if (!f) throw new Error(`no figure "${text}" in ${JSON.stringify(fs.map((x) => x.text))}`);
  return f;
};

describe("figures from other wars", () => {
  it("Ukraine: a toll with a part of it, a front, troops, drones, a percentage, one in five", () => {
    const text = `😀 KYIV (AP) — Russian missiles struck the Kharkiv region on Tuesday night, killing at least 27 people, including 11 children, officials said. Russia holds a 30-km front near Kupiansk, where some 12,000 troops are deployed. Late Saturday, three drones hit an energy facility. Air defences shot down 40 of 52 drones. About 40 per cent of the region's power grid has been damaged, and one in five residents have left.`;
    const { doc, fs } = run(text);
    const toll = find(fs, "at least 27 people");
    expect(toll).toMatchObject({ low: 27, value: null, qualifier: "at_least", unit: "person", counted: "people", category: "killed" });
    expect([...doc.text].slice(toll.start, toll.end).join("")).toBe("at least 27 people");
    // the part of a toll was killed too, not merely counted
    expect(find(fs, "11 children")).toMatchObject({ value: 11, unit: "person", counted: "children", category: "killed" });
    expect(find(fs, "30-km")).toMatchObject({ value: 30000, unit: "meter", category: "distance" });
    expect(find(fs, "some 12,000 troops")).toMatchObject({ value: 12000, qualifier: "approx", unit: "person", category: "fighters" });
    expect(find(fs, "three drones")).toMatchObject({ value: 3, unit: "item", category: "count" });
    // "40 of 52 drones": the first amount counts what the second does
    expect(find(fs, "40")).toMatchObject({ value: 40, counted: "drones", unit: "item" });
    expect(find(fs, "52 drones")).toMatchObject({ value: 52, counted: "drones" });
    expect(find(fs, "About 40 per cent of the region's power grid")).toMatchObject({ value: 40, qualifier: "approx", unit: "percent" });
    expect(find(fs, "one in five residents")).toMatchObject({ value: 0.2, unit: "share", counted: "residents" });
    expect(fs.some((f) => f.text === "five residents")).toBe(false);
  });

  it("Gaza: a ministry's toll, a toll with its children, wounding dozens, money, a ceasefire's length", () => {
    const text = `😀 GAZA (Reuters) - More than 34,000 Palestinians have been killed in Gaza, according to the health ministry. Israeli strikes overnight killed 18 people, including nine children, in Rafah, wounding dozens. Donors pledged $2.3 billion in aid. The 72-hour ceasefire collapsed.`;
    const { fs } = run(text);
    expect(find(fs, "More than 34,000 Palestinians")).toMatchObject({ low: 34000, qualifier: "more_than", unit: "person", counted: "Palestinians", category: "killed" });
    expect(find(fs, "18 people")).toMatchObject({ value: 18, category: "killed" });
    expect(find(fs, "nine children")).toMatchObject({ value: 9, category: "killed" });
    expect(find(fs, "dozens")).toMatchObject({ value: null, qualifier: "vague", category: "injured", unit: "person" });
    expect(find(fs, "$2.3 billion")).toMatchObject({ value: 2.3e9, unit: "USD", category: "cost" });
    expect(find(fs, "72-hour")).toMatchObject({ value: 72, unit: "hour", category: "duration" });
  });

  it("Sudan: a named monitor's toll is attributed to it; displacement; an age; an area", () => {
    const text = `😀 KHARTOUM (AFP) - The death toll rose to 1,200 in El Fasher last month, the Sudan Doctors Network said. Fighting has displaced 8.6 million people. Drones struck a market, killing a boy aged 14. The group seized a base over 100 km2 in size.`;
    const { doc, fs } = run(text);
    const toll = find(fs, "1,200");
    expect(toll).toMatchObject({ value: 1200, unit: "person", category: "killed" });
    const monitor = doc.entities.find((e) => e.name === "Sudan Doctors Network");
    expect(monitor).toBeDefined();
    expect(toll.attributedToKey).toBe(monitor!.key);
    expect(toll.dateId).not.toBeNull();
    expect(find(fs, "8.6 million people")).toMatchObject({ value: 8.6e6, unit: "person", category: "displaced" });
    expect(find(fs, "aged 14")).toMatchObject({ value: 14, unit: "year", category: "age" });
    expect(find(fs, "over 100 km2")).toMatchObject({ low: 100, qualifier: "more_than", unit: "square_kilometer", category: "area" });
  });

  it("Yemen: displaced demonyms, a percentage with no 'of', a group's own fighters vs. the people it kills", () => {
    const text = `😀 (Reuters) - Some 8.6 million displaced Yemenis rely on aid, and 80 per cent need assistance. Houthi forces killed 14 villagers. An attack killed 9 Houthi fighters and wounded 4, officials said. The United Nations is due to ask donors for $2.7 billion.`;
    const { fs } = run(text);
    expect(find(fs, "Some 8.6 million displaced Yemenis")).toMatchObject({ value: 8.6e6, unit: "person", category: "displaced" });
    // "80 per cent need assistance": the percentage counts nothing it names
    expect(find(fs, "80 per cent")).toMatchObject({ value: 80, unit: "percent", counted: null });
    // actor_id is whose people are counted (DATASET.md), not who killed them
    const villagers = find(fs, "14 villagers");
    expect(villagers).toMatchObject({ category: "killed", actorKey: null });
    const fighters = find(fs, "9 Houthi fighters");
    expect(fighters.category).toBe("killed");
    expect(fighters.actorKey).not.toBeNull();
    expect(find(fs, "4")).toMatchObject({ value: 4, category: "injured", unit: "person" });
  });

  it("Myanmar: ordinals of a period and 'the first half' are not figures; spaced ages are", () => {
    const text = `😀 In the first half of 2023, 1,500 people died in Sagaing. A girl, 12 years old, was among the wounded. Hundreds of thousands have fled since the coup.`;
    const { fs } = run(text);
    expect(fs.some((f) => f.text.startsWith("half"))).toBe(false);
    expect(find(fs, "1,500 people")).toMatchObject({ value: 1500, category: "killed" });
    expect(find(fs, "12 years old")).toMatchObject({ value: 12, unit: "year", category: "age" });
    expect(find(fs, "Hundreds of thousands")).toMatchObject({ qualifier: "vague", category: "displaced" });
  });
});
