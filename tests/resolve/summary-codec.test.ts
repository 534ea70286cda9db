import { describe, expect, it } from "vitest";
import type { ResolveSummary } from "../../pipeline/resolve/index.js";
import { readSummaryLine, summaryLine } from "../../pipeline/resolve/summary-codec.js";

// every field set, and set apart from its neighbours, so a swapped or dropped field shows
const summary: ResolveSummary = {
  entities: [
    { key: "ORG:army", type: "ORG", subtype: "military", name: "the Army", aliases: ["the Army", "army"], lexiconId: "army", roles: ["actor"], affiliations: ["ORG:state"], mentions: 3 },
    { key: "PERSON:ali", type: "PERSON", subtype: null, name: "Ali", aliases: [], lexiconId: null, roles: [], affiliations: [], mentions: 0 },
  ],
  events: [{ n: 4, event_type: "Battles", sub_event_type: "Armed clash", actor1_id: "ORG:army", location_id: null, event_date: "2024-03-01", event_date_end: "2024-03-02" }],
  figures: [
    { n: 7, category: "killed", unit: "people", counted: "civilians", value: 12, low: 10, high: 15, actor_id: null, location_id: "LOCATION:goma", attributed_to: "ORG:army", period: [19783, 19784] },
    { n: 8, category: "displaced", unit: "people", counted: null, value: null, low: 1000, high: null, actor_id: "ORG:army", location_id: null, attributed_to: null, period: null },
  ],
};

describe("summary codec", () => {
  it("gives back every field of every entity, event and figure, and the source_id", () => {
    const line = summaryLine("doc 1", summary);
    expect(line).not.toContain("\n");
    expect(readSummaryLine(line)).toEqual({ sourceId: "doc 1", summary });
  });

  it("writes no field names", () => {
    const line = summaryLine("d", summary);
    for (const name of ["lexiconId", "sub_event_type", "attributed_to"]) expect(line).not.toContain(name);
    expect(line.length).toBeLessThan(JSON.stringify(summary).length * 0.7);
  });

  it("keeps an empty document empty", () => {
    expect(readSummaryLine(summaryLine("e", { entities: [], events: [], figures: [] }))).toEqual({ sourceId: "e", summary: { entities: [], events: [], figures: [] } });
  });
});
