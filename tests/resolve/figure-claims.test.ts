import { describe, expect, it } from "vitest";
import { FNV_OFFSET, fnvOn } from "../../pipeline/fnv.js";
import { entityNames, placeRelationFromNames, placesByName } from "../../pipeline/resolve/event-clusters.js";
import { countedGroup, groupFigureClaims, periodDays, type Period } from "../../pipeline/resolve/figure-claims.js";
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

/** An entity as the place relation reads it. */
const place = (entity_id: string, name: string, type = "LOCATION") => ({ entity_id, name, type });

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

  it("finds, through its index of groups, the claims of trying every group in turn", () => {
    // a reference for the documented rule: complete linkage, greedily in id order, over every
    // group of the same category and unit; compared on 600 figures drawn from a seeded generator
    const places = [
      place("old_city", "Old City of Mosul"),
      place("mosul", "Mosul"),
      place("west_mosul", "west Mosul"),
      place("raqqa", "Raqqa"),
      place("raqqa_prov", "Raqqa province"),
      place("hama", "Hama"),
    ];
    const relation = placeRelationFromNames(places);
    const periods = new Map<string, Period>(["01", "02", "05", "12", "20"].map((d) => [`d${d}`, { start: `2017-06-${d}`, end: `2017-06-${d}` }]));
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length]!;
    const rows = Array.from({ length: 600 }, (_, i) =>
      fig(`${pick(["a", "b", "c", "d", "e"])}-f${String(i).padStart(3, "0")}`, {
        category: pick(["fighters", "killed"]),
        counted: pick(["ISIL fighters", "militants", "civilians", null]),
        actor_id: pick(["is", "sdf", null]),
        location_id: pick([...places.map((p) => p.entity_id), null]),
        date_id: pick([...periods.keys(), null]),
      }),
    );
    const periodOf = (id: string) => periods.get(id) ?? null;
    const fits = (a: FigureRow, b: FigureRow): boolean => {
      const ga = countedGroup(a.counted);
      const gb = countedGroup(b.counted);
      if (ga !== null && gb !== null && ga !== gb) return false;
      if (a.actor_id !== null && b.actor_id !== null && a.actor_id !== b.actor_id) return false;
      if (a.location_id !== null && b.location_id !== null) {
        if (!relation(a.location_id, b.location_id)) return false;
      } else if (a.actor_id === null || a.actor_id !== b.actor_id) return false;
      const pa = a.date_id ? periodDays(periodOf(a.date_id)) : null;
      const pb = b.date_id ? periodDays(periodOf(b.date_id)) : null;
      return !pa || !pb || (pa[0] - pb[1] <= 7 && pb[0] - pa[1] <= 7);
    };
    const sorted = [...rows].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : a.figure_id < b.figure_id ? -1 : 1));
    const groups: FigureRow[][] = [];
    for (const f of sorted) {
      const home = groups.find((g) => g[0]!.category === f.category && g[0]!.unit === f.unit && g.every((m) => fits(m, f)));
      if (home) home.push(f);
      else groups.push([f]);
    }
    const expected = groups.filter((g) => new Set(g.map((f) => f.source_id)).size >= 2).map((g) => g.map((f) => f.figure_id).sort());
    const claims = groupFigureClaims(rows, { related: relation, periodOf });
    const byClaim = new Map<string, string[]>();
    for (const c of claims) byClaim.set(c.claim_id, [...(byClaim.get(c.claim_id) ?? []), c.figure_id]);
    expect(expected.length).toBeGreaterThan(5);
    expect([...byClaim.values()].map((ids) => ids.join(" ")).sort()).toEqual(expected.map((ids) => ids.join(" ")).sort());
  });
});

describe("placesByName", () => {
  it("lists exactly the places the name relation relates, each once, in entity order", () => {
    const entities = [
      place("old_city", "Old City of Mosul"),
      place("mosul", "Mosul"),
      place("mosul2", "MOSUL"),
      place("city", "City"),
      place("of_mosul", "of Mosul"),
      place("mosul_dam", "Mosul Dam"),
      place("dash", "—"),
      place("dash2", "--"),
      place("mosul_org", "Mosul", "ORG"),
      // a word many names share, first or not: a name around another is found through its rarest word
      place("al", "Al"),
      place("al_qaim", "Al Qaim"),
      place("al_qaim_district", "Al-Qaim district"),
      place("north_al_qaim", "North Al Qaim"),
      place("al_anbar", "Al Anbar"),
      place("qaim_al", "Qaim Al"),
    ];
    const relation = placeRelationFromNames(entities);
    const places = placesByName(entityNames(entities));
    const relatedTo = (id: string) => places.relatedTo(entities.findIndex((e) => e.entity_id === id)).map((i) => entities[i]!.entity_id);
    for (const a of entities) {
      const expected = entities.filter((b) => a.entity_id === b.entity_id || relation(a.entity_id, b.entity_id)).map((b) => b.entity_id);
      expect(relatedTo(a.entity_id), a.entity_id).toEqual(expected);
    }
    expect(relatedTo("mosul")).toEqual(["old_city", "mosul", "mosul2", "of_mosul", "mosul_dam"]);
    expect(relatedTo("al_qaim")).toEqual(["al", "al_qaim", "al_qaim_district", "north_al_qaim"]);
    expect(relatedTo("al")).toEqual(["al", "al_qaim", "al_qaim_district", "north_al_qaim", "al_anbar", "qaim_al"]);
  });

  it("is not misled by two words, or two names, whose hashes are one", () => {
    // words found by trying until two share a 32-bit hash (placesByName looks words and names up by it)
    const collide = (text: (i: number) => string): [number, number] => {
      const seen = new Map<number, number>();
      for (let i = 0; ; i++) {
        const h = fnvOn(FNV_OFFSET, text(i));
        const other = seen.get(h);
        if (other !== undefined) return [other, i];
        seen.set(h, i);
      }
    };
    const [w1, w2] = collide((i) => `w${i}`);
    // a name is hashed with a space at each end
    const [n1, n2] = collide((i) => ` n${i} `);
    const entities = [
      place("w1", `W${w1}`),
      place("w2", `W${w2}`),
      place("w1_town", `W${w1} Town`),
      place("w2_town", `W${w2} Town`),
      place("n1", `N${n1}`),
      place("n2", `N${n2}`),
      place("n1_dam", `N${n1} Dam`),
    ];
    const relation = placeRelationFromNames(entities);
    const places = placesByName(entityNames(entities));
    for (const [i, a] of entities.entries()) {
      const expected = entities.flatMap((b, j) => (i === j || relation(a.entity_id, b.entity_id) ? [j] : []));
      expect(places.relatedTo(i), a.entity_id).toEqual(expected);
    }
    expect(places.relatedTo(0)).toEqual([0, 2]);
    expect(places.relatedTo(5)).toEqual([5]);
  });
});
