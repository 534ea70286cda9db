import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareText } from "../../pipeline/doc.js";
import { dayNumber } from "../../pipeline/resolve/compact.js";
import { clusterEvents, EventClusterer, placeRelationFromNames, type EntityView } from "../../pipeline/resolve/event-clusters.js";
import { listedIds } from "../../pipeline/resolve/ids.js";
import type { EventRow } from "../../schemas/tables.js";
import { seededRandom } from "../helpers/random.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

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

/** A random clusterable event, as EventClusterer.add takes it, with its id and entity references. */
type Drawn = { id: string; source: number; type: string; sub: string; date: string; end: string | null; actor: number; place: number };

function drawEvents(seed: number, count: number): Drawn[] {
  const r = seededRandom(seed);
  const types = [["Battles", "Armed clash"], ["Battles", "Government regains territory"], ["Explosions/Remote violence", "Air/drone strike"], ["Violence against civilians", "Attack"]];
  const day = (d: number) => new Date(Date.UTC(2017, 5, 1 + d)).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const [type, sub] = types[r(types.length)]!;
    const d = r(40);
    const source = r(30);
    // ids whose order as text is not their order of adding ("s7-e10" before "s7-e9")
    return { id: `s${source}-e${r(200)}x${i}`, source, type: type!, sub: sub!, date: day(d), end: r(4) === 0 ? day(d + r(5)) : null, actor: r(5) - 1, place: r(7) - 1 };
  });
}

/** Places 0-1 and 2-3 are each one inside the other; every place is related to itself. */
const RELATED_PAIRS = new Set(["0 1", "1 0", "2 3", "3 2"]);
const related = (a: number, b: number) => a === b || RELATED_PAIRS.has(`${a} ${b}`);

/**
 * The clustering as written before events were kept by kind: every event in one order (type,
 * sub-type, first day, id), each joining the first open group of its kind it fits with every
 * member of; a group closes when the next event is of another kind or out of its reach, and is
 * kept with reports from two sources. Clusters as sorted member ids, in the rows' final order.
 */
function referenceClusters(events: readonly Drawn[]): { type: string; sub: string; members: string[]; first: string; location: number }[] {
  const from = (e: Drawn) => dayNumber(e.date);
  const to = (e: Drawn) => (e.end ? dayNumber(e.end) : from(e));
  const kind = (e: Drawn) => `${e.type}\u0000${e.sub}`;
  const order = [...events].sort((a, b) => compareText(a.type, b.type) || compareText(a.sub, b.sub) || from(a) - from(b) || compareText(a.id, b.id));
  const fits = (a: Drawn, b: Drawn) =>
    from(a) - to(b) <= 3 && from(b) - to(a) <= 3 && a.place >= 0 && b.place >= 0 && related(a.place, b.place) && (a.actor < 0 || b.actor < 0 || a.actor === b.actor);
  const twoSources = (g: Drawn[]) => new Set(g.map((e) => e.source)).size >= 2;
  const kept: Drawn[][] = [];
  let open: Drawn[][] = [];
  for (const d of order) {
    const still = open.filter((g) => kind(g[0]!) === kind(d) && g.some((m) => from(d) - to(m) <= 3));
    for (const g of open) if (!still.includes(g) && twoSources(g)) kept.push(g);
    open = still;
    const home = open.find((g) => g.every((m) => fits(m, d)));
    if (home) home.push(d);
    else open.push([d]);
  }
  kept.push(...open.filter(twoSources));
  const mode = (xs: number[]) => {
    const counts = new Map<number, number>();
    for (const x of xs) if (x >= 0) counts.set(x, (counts.get(x) ?? 0) + 1);
    return [...counts].sort((p, q) => q[1] - p[1] || compareText(String(p[0]), String(q[0])))[0]?.[0] ?? -1;
  };
  return kept
    .map((g) => {
      const members = g.map((e) => e.id).sort(compareText);
      return { type: g[0]!.type, sub: g[0]!.sub, members, first: [...g.map((e) => e.date)].sort()[0]!, location: mode(g.map((e) => e.place)) };
    })
    .sort((a, b) => compareText(a.first, b.first) || compareText(a.type, b.type) || compareText(a.sub, b.sub) || compareText(String(a.location), String(b.location)) || compareText(a.members[0]!, b.members[0]!));
}

describe("EventClusterer", () => {
  const view: EntityView = { entityOf: (ref) => ref, entityId: (e) => String(e), related };

  function clustered(events: readonly Drawn[], spillDir: string | null) {
    const clusterer = new EventClusterer(spillDir);
    for (const [i, e] of events.entries()) {
      expect(clusterer.add(e.source, i, { event_type: e.type, sub_event_type: e.sub, event_date: e.date, event_date_end: e.end }, e.actor, e.place)).toBe(i);
    }
    return clusterer.cluster(view, listedIds(events.map((e) => e.id)));
  }

  it("clusters a kind at a time as the whole corpus in one order did, from memory and from disk", () => {
    for (const seed of [1, 2, 3]) {
      const events = drawEvents(seed, 3_000);
      const expected = referenceClusters(events);
      expect(expected.length).toBeGreaterThan(50);
      const dir = tempDir("event-kinds-");
      for (const result of [clustered(events, null), clustered(events, dir)]) {
        const { clusters, clusterOf } = result;
        const membersOf = clusters.map((): string[] => []);
        clusterOf.forEach((k, i) => k >= 0 && membersOf[k]!.push(events[i]!.id));
        expect(clusters.map((c, k) => ({ type: c.event_type, sub: c.sub_event_type, members: membersOf[k]!.sort(compareText), first: c.first_date, location: c.location_id === null ? -1 : Number(c.location_id) }))).toEqual(expected);
        expect(clusters.map((c) => c.cluster_id)).toEqual(clusters.map((_, k) => `c${k + 1}`));
      }
      // the kinds' files are read once and removed
      expect(readdirSync(dir)).toEqual([]);
    }
  });
});
