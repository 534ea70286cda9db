import { describe, expect, it } from "vitest";
import { clusterEvents, placeRelationFromNames } from "../../pipeline/resolve/event-clusters.js";
import type { EventRow } from "../../schemas/tables.js";

let n = 0;
function ev(source: string, date: string | null, over: Partial<EventRow> = {}): EventRow {
  n++;
  return {
    event_id: `${source}-e${n}`,
    source_id: source,
    sentence_id: `${source}-s1`,
    char_start: 0,
    char_end: 10,
    text: "😀 captured the mosque",
    event_type: "Battles",
    sub_event_type: "Government regains territory",
    trigger: "captured",
    actor1_id: "isf",
    actor2_id: "is",
    location_id: "nuri_mosque",
    date_id: null,
    event_date: date,
    event_date_end: date,
    date_precision: date ? "day" : null,
    fatalities: null,
    attributed_to: null,
    cluster_id: null,
    certainty: "reported",
    ...over,
  };
}

describe("clusterEvents", () => {
  it("joins reports from two sources a day apart and flags the disagreement", () => {
    const a = ev("001", "2017-06-28");
    const b = ev("003", "2017-06-29");
    const { clusters, clusterOf } = clusterEvents([b, a]);
    expect(clusters).toEqual([
      {
        cluster_id: "c1",
        event_type: "Battles",
        sub_event_type: "Government regains territory",
        location_id: "nuri_mosque",
        actor1_id: "isf",
        first_date: "2017-06-28",
        last_date: "2017-06-29",
        reports: 2,
        sources: 2,
        date_disagreement: true,
      },
    ]);
    expect(clusterOf.get(a.event_id)).toBe("c1");
    expect(clusterOf.get(b.event_id)).toBe("c1");
  });

  it("keeps apart single-source groups, expected events, other types, far dates and other actors", () => {
    const rows = [
      ev("001", "2017-06-28"),
      ev("001", "2017-06-28"), // same source only
      ev("002", "2017-06-28", { certainty: "expected" }),
      ev("003", "2017-06-28", { sub_event_type: "Armed clash" }),
      ev("004", "2017-07-20"),
      ev("005", "2017-06-28", { actor1_id: "sdf" }),
      ev("006", null),
    ];
    expect(clusterEvents(rows).clusters).toEqual([]);
  });

  it("does not chain reports across weeks through a middle report", () => {
    const rows = [ev("a", "2017-06-01"), ev("b", "2017-06-04"), ev("c", "2017-06-07")];
    const { clusters } = clusterEvents(rows);
    expect(clusters.map((c) => [c.first_date, c.last_date, c.sources])).toEqual([["2017-06-01", "2017-06-04", 2]]);
  });

  it("matches a place inside another through entity names, with ids in date order", () => {
    const related = placeRelationFromNames([
      { entity_id: "old_city", name: "Old City of Mosul", type: "LOCATION" },
      { entity_id: "mosul", name: "Mosul", type: "LOCATION" },
      { entity_id: "raqqa", name: "Raqqa", type: "LOCATION" },
    ]);
    const rows = [
      ev("x", "2017-07-08", { location_id: "old_city" }),
      ev("y", "2017-07-09", { location_id: "mosul" }),
      ev("x", "2017-06-06", { location_id: "raqqa", actor1_id: "sdf" }),
      ev("y", "2017-06-06", { location_id: "raqqa", actor1_id: null }),
    ];
    const { clusters } = clusterEvents(rows, related);
    expect(clusters.map((c) => [c.cluster_id, c.location_id, c.first_date, c.date_disagreement])).toEqual([
      ["c1", "raqqa", "2017-06-06", false],
      ["c2", "mosul", "2017-07-08", true],
    ]);
    expect(clusterEvents(rows).clusters).toHaveLength(1); // without the relation only Raqqa matches
  });
});
