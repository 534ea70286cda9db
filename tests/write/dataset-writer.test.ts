import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Rejects } from "../../pipeline/rejects.js";
import { DatasetWriter } from "../../pipeline/write/dataset-writer.js";
import { figureClaims } from "../../schemas/tables.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

/** Claim rows, one in every 1,000 invalid (a number for a category), so rejects come from several batches. */
function* claimRows(n: number) {
  for (let i = 0; i < n; i++) {
    yield {
      claim_id: `k${1 + Math.floor(i / 3)}`,
      figure_id: `doc${i % 7}-f${i}`,
      source_id: `doc${i % 7}`,
      category: i % 1000 === 999 ? 7 : i % 2 ? "killed" : "injured",
      actor_id: i % 5 ? null : "e1",
      location_id: i % 3 ? "e2" : null,
      value: i,
      low: null,
      high: i % 4 ? null : i + 10,
      attributed_to: null,
    };
  }
}

function written(write: (w: DatasetWriter) => void) {
  const dir = tempDir("dataset-writer-");
  const rejects = new Rejects();
  const writer = new DatasetWriter(dir, rejects);
  write(writer);
  writer.close();
  return {
    csv: readFileSync(join(dir, "csv", "figure_claims.csv")),
    parquet: readFileSync(join(dir, "parquet", "figure_claims.parquet")),
    rejects: rejects.rows(),
    count: writer.counts.get("figure_claims")!,
  };
}

describe("DatasetWriter.writeAll", () => {
  it("writes rows read one by one in batches into the same files as one write of them all", () => {
    const n = 12_345; // more than two batches
    const all = written((w) => w.write(figureClaims, [...claimRows(n)], "(corpus)"));
    const batched = written((w) => w.writeAll(figureClaims, claimRows(n), "(corpus)"));
    // one rejects row for the path, listing the 12 invalid rows
    expect(all.rejects).toHaveLength(1);
    expect(all.rejects[0]!.detail.split(" | ")).toHaveLength(12);
    expect(all.count).toBe(n - 12);
    expect(batched.rejects).toEqual(all.rejects);
    expect(batched.count).toBe(all.count);
    expect(batched.csv.equals(all.csv)).toBe(true);
    expect(batched.parquet.equals(all.parquet)).toBe(true);
  });
});

describe("DatasetWriter.finish", () => {
  it("closes a table's files early, the same bytes as at close(), and refuses rows after", () => {
    const n = 6_001;
    const atClose = written((w) => w.writeAll(figureClaims, claimRows(n), "(corpus)"));
    const finished = written((w) => {
      w.writeAll(figureClaims, claimRows(n), "(corpus)");
      w.finish(figureClaims);
      w.finish(figureClaims); // twice is once
      expect(() => w.write(figureClaims, [], "(corpus)")).toThrow(/finished/);
    });
    expect(finished.csv.equals(atClose.csv)).toBe(true);
    expect(finished.parquet.equals(atClose.parquet)).toBe(true);
    expect(finished.count).toBe(atClose.count);
  });
});
