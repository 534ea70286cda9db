/**
 * Records kept by partition, on disk or in memory, come back whole and in order; and figure
 * claims made from figures that waited on disk are the claims made from figures in memory.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EntityView } from "../../pipeline/resolve/event-clusters.js";
import { FigureClaimer } from "../../pipeline/resolve/figure-claims.js";
import { documentIds } from "../../pipeline/resolve/ids.js";
import { PartitionedRecords } from "../../pipeline/resolve/partitions.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();
const freshDir = () => tempDir("partitions-");

describe("PartitionedRecords", () => {
  for (const where of ["memory", "disk"] as const) {
    it(`gives back each partition's records in order, across many chunks (${where})`, () => {
      const dir = where === "disk" ? freshDir() : null;
      const store = new PartitionedRecords(4, dir, "t");
      // 5,000 records a partition: a chunk holds 4,096 of 16 bytes
      const want = new Map<number, [number, number][]>();
      for (let i = 0; i < 15_000; i++) {
        const partition = [7, 2, 40][i % 3]!;
        const { block, at } = store.append(partition);
        block.ints[at] = i;
        block.ints[at + 1] = 3 * i + 1;
        block.nums[at / 2 + 1] = i / 7;
        const list = want.get(partition) ?? [];
        list.push([i, i / 7]);
        want.set(partition, list);
      }
      expect(store.partitions).toEqual([2, 7, 40]);
      if (dir) expect(readdirSync(dir).sort()).toEqual([".t-2.bin", ".t-40.bin", ".t-7.bin"]);
      for (const partition of store.partitions) {
        const block = store.take(partition);
        const got: [number, number][] = [];
        for (let r = 0; r < block.count; r++) {
          expect(block.ints[r * 4 + 1]).toBe(3 * block.ints[r * 4]! + 1);
          got.push([block.ints[r * 4]!, block.nums[r * 2 + 1]!]);
        }
        expect(got).toEqual(want.get(partition));
        if (dir) expect(existsSync(join(dir, `.t-${partition}.bin`))).toBe(false);
      }
      expect(store.partitions).toEqual([]);
    });
  }

  it("refuses records whose doubles would not be aligned", () => {
    expect(() => new PartitionedRecords(5)).toThrow(/even/);
  });
});

describe("FigureClaimer with a spill folder", () => {
  it("makes the same claims as in memory", () => {
    const sourceIds = Array.from({ length: 60 }, (_, i) => `doc${i}`);
    // entity references are entities themselves; places 0-4 related only to themselves
    const view: EntityView = { entityOf: (r) => r, entityId: (e) => `ent${e}`, related: (a, b) => a === b };
    const fill = (claimer: FigureClaimer) => {
      let seed = 1;
      const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
      for (let i = 0; i < 6_000; i++) {
        const category = ["killed", "fighters", "displaced"][next(3)]!;
        const value = next(4) === 0 ? null : 10 * next(30);
        claimer.add(
          next(60),
          i + 1,
          { category, unit: "person", counted: next(2) ? "fighters" : null, value, low: value === null ? 5 : null, high: value === null ? 9 : null },
          next(3) === 0 ? null : [17000 + next(40), 17000 + next(40) + next(3)],
          { actor: next(4) - 1, place: next(6) - 1, attributed: next(5) - 1 },
        );
      }
      return [...claimer.claims(view, documentIds(sourceIds, "f"), (s) => sourceIds[s]!)];
    };
    const dir = freshDir();
    const inMemory = fill(new FigureClaimer());
    const onDisk = fill(new FigureClaimer(dir));
    expect(inMemory.length).toBeGreaterThan(100);
    expect(new Set(inMemory.map((r) => r.category)).size).toBe(3);
    expect(onDisk).toEqual(inMemory);
    expect(readdirSync(dir)).toEqual([]);
  });
});
