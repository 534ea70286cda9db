import { describe, expect, it } from "vitest";
import { placeRelationFromNames } from "../../pipeline/resolve/event-clusters.js";
import { groupFigureClaims } from "../../pipeline/resolve/figure-claims.js";
import type { FigureRow } from "../../schemas/tables.js";

function fig(id: string, over: Partial<FigureRow> = {}): FigureRow {
  const source = id.split("-")[0]!;
  return {
    figure_id: id,
    source_id: source,
    sentence_id: `${source}-s1`,
    char_start: 0,
    char_end: 10,
    text: "😀 About 100 fighters",
    value: 100,
    low: null,
    high: null,
    qualifier: "approx",
    unit: "person",
    counted: "ISIL fighters",
    category: "fighters",
    actor_id: "is",
    location_id: "old_city",
    date_id: null,
    attributed_to: null,
    ...over,
  };
}

const related = placeRelationFromNames([
  { entity_id: "old_city", name: "Old City of Mosul", type: "LOCATION" },
  { entity_id: "mosul", name: "Mosul", type: "LOCATION" },
  { entity_id: "raqqa", name: "Raqqa", type: "LOCATION" },
]);

describe("groupFigureClaims", () => {
  it("groups the remaining-fighters figures of three sources into one claim", () => {
    const rows = [
      fig("000-f2"),
      fig("001-f5", { value: 300, counted: "ISIS fighter", attributed_to: "ap" }),
      fig("003-f1", { value: null, low: 200, high: 300, qualifier: "range", location_id: "mosul" }),
    ];
    const claims = groupFigureClaims(rows, { related });
    expect(claims.map((c) => [c.claim_id, c.figure_id, c.value, c.low, c.high])).toEqual([
      ["k1", "000-f2", 100, null, null],
      ["k1", "001-f5", 300, null, null],
      ["k1", "003-f1", null, 200, 300],
    ]);
    expect(claims[1]!.attributed_to).toBe("ap");
  });

  it("does not let a figure with no place bridge two places", () => {
    const rows = [
      fig("a-f1"),
      fig("b-f1", { location_id: null }),
      fig("c-f1", { location_id: "raqqa", value: 2500, counted: "militants" }),
      fig("d-f1", { location_id: "raqqa", value: 2000 }),
    ];
    const claims = groupFigureClaims(rows, { related });
    expect(claims.map((c) => [c.claim_id, c.figure_id])).toEqual([
      ["k1", "a-f1"],
      ["k1", "b-f1"],
      ["k2", "c-f1"],
      ["k2", "d-f1"],
    ]);
    expect(claims[1]!.location_id).toBe("old_city"); // the claim's place fills a figure's missing one
  });

  it("keeps apart other categories, counted groups, actors, periods and lone sources", () => {
    const periods = new Map([
      ["d1", { start: "2017-06-01", end: "2017-06-01" }],
      ["d2", { start: "2017-09-01", end: "2017-09-01" }],
    ]);
    const rows = [
      fig("a-f1", { date_id: "d1" }),
      fig("b-f1", { date_id: "d2" }),
      fig("c-f1", { category: "killed" }),
      fig("d-f1", { counted: "suicide bombers" }),
      fig("e-f1", { actor_id: "sdf" }),
      fig("a-f2", { location_id: "raqqa" }),
    ];
    expect(groupFigureClaims(rows, { related, periodOf: (id) => periods.get(id) ?? null })).toEqual([]);
  });
});
