/**
 * FigureGroups answers "is this figure compatible with every member of the group?" from a few
 * values per group, and looks only at some groups. Both must give exactly what comparing the
 * figure with every member of every group gives: checked here on random figures.
 */
import { describe, expect, it } from "vitest";
import { compatible, FigureGroups, type FigureFacts } from "../../pipeline/resolve/claim-groups.js";
import { NO_DAY } from "../../pipeline/resolve/compact.js";
import { seededRandom as random } from "../helpers/random.js";

// places 0..6: 1 and 2 lie inside 0 ("Mosul" ⊃ "Old City", "Mosul" ⊃ "Hamdaniya"), 5 and 6
// inside 1 (so a group can hold three places, and a fourth be related to two of them but not
// the third), 3 inside 4; related = one inside the other
const parent: Record<number, number> = { 1: 0, 2: 0, 5: 1, 6: 1, 3: 4 };
const within = (a: number, b: number): boolean => a === b || (parent[a] !== undefined && within(parent[a]!, b));
const related = (a: number, b: number) => within(a, b) || within(b, a);
const relatedPlaces = (p: number) => [0, 1, 2, 3, 4, 5, 6].filter((q) => related(q, p));

function randomFigures(rand: (n: number) => number, n: number): FigureFacts {
  const group = new Int32Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const actor = new Int32Array(n);
  const place = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    actor[i] = rand(4) - 1; // -1 (none), 0, 1, 2
    place[i] = rand(8) - 1; // -1 (none), 0..6
    group[i] = rand(3) - 1;
    const dated = rand(3) > 0;
    const start = rand(40);
    from[i] = dated ? start : NO_DAY;
    to[i] = dated ? start + (rand(4) === 0 ? rand(30) : 0) : NO_DAY;
  }
  return { actor, place, group, from, to, related };
}

describe("FigureGroups", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`finds the same groups as comparing every figure with every member (seed ${seed})`, () => {
      const rand = random(seed);
      const n = 600;
      const f = randomFigures(rand, n);
      const groups = new FigureGroups(f);
      // two kinds (category and unit), interleaved: a figure only ever joins a group of its own
      const kindOf = Array.from({ length: n }, () => rand(2));
      const groupKind: number[] = [];
      let joined = 0;
      for (let it = 0; it < n; it++) {
        const kind = kindOf[it]!;
        // brute force: every group, every member
        for (let g = 0; g < groups.count; g++) {
          expect(groups.fits(g, it), `figure ${it}, group ${g}`).toBe(groups.members(g).every((m) => compatible(f, m, it)));
        }
        let expected = -1;
        for (let g = 0; g < groups.count && expected < 0; g++) {
          if (groupKind[g] === kind && groups.members(g).every((m) => compatible(f, m, it))) expected = g;
        }
        const home = groups.firstFit(kind, it, relatedPlaces);
        expect(home ?? -1, `figure ${it}`).toBe(expected);
        if (home === undefined) {
          expect(groups.add(kind, it)).toBe(groupKind.push(kind) - 1);
        } else {
          groups.join(home, it);
          joined++;
        }
      }
      // the cases are not all trivial: figures join groups, and some groups grow large
      expect(joined).toBeGreaterThan(n / 4);
      const sizes = Array.from({ length: groups.count }, (_, g) => groups.members(g).length);
      expect(Math.max(...sizes)).toBeGreaterThan(5);
      // every figure is in exactly one group
      expect(Array.from({ length: groups.count }, (_, g) => groups.members(g)).flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    });
  }

  it("checks compatibility on each field", () => {
    // figure:        0      1      2      3       4              5
    // counted        0      1      0      0       0              0
    // actor          0      0      1      -1      0              -1
    // place          0      0      0      -1      3              1
    // period (days)  10     10     10     none    10             25..26
    const rows = [
      [0, 0, 0, 10, 10],
      [1, 0, 0, 10, 10],
      [0, 1, 0, 10, 10],
      [0, -1, -1, NO_DAY, NO_DAY],
      [0, 0, 3, 10, 10],
      [0, -1, 1, 25, 26],
    ];
    const column = (k: number) => Int32Array.from(rows, (r) => r[k]!);
    const [group, actor, place, from, to] = [column(0), column(1), column(2), column(3), column(4)];
    const f: FigureFacts = { actor, place, group, from, to, related };
    expect(compatible(f, 0, 1)).toBe(false); // counted groups differ
    expect(compatible(f, 0, 2)).toBe(false); // actors differ
    expect(compatible(f, 0, 3)).toBe(false); // no place and no shared actor
    expect(compatible(f, 0, 4)).toBe(false); // unrelated places
    expect(compatible(f, 0, 5)).toBe(false); // 15 days apart
    expect(compatible(f, 5, 0)).toBe(false); // symmetric
    const near: FigureFacts = { ...f, from: shifted(from, 5, 17), to: shifted(to, 5, 17) };
    expect(compatible(near, 0, 5)).toBe(true); // 7 days apart, Old City inside Mosul
  });
});

/** A copy of `col` with the value at `i` replaced. */
function shifted(col: Int32Array, i: number, v: number): Int32Array {
  const out = Int32Array.from(col);
  out[i] = v;
  return out;
}
