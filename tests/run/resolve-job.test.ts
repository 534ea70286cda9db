/**
 * Phase 2's resolve (resolve/from-spills.ts) as the runner does it with workers: in a worker of
 * its own (the "resolve" table job). It must give what the same job gives on this thread: the
 * same corpus tables, byte for byte, the same row counts, and the same ids for the other tables
 * (entity ids by record, each clusterable event's cluster); the summaries come from a real run
 * (kept spills of 20 seed copies).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_TABLE_NAMES, clusterOfEvent } from "../../pipeline/resolve/from-spills.js";
import { runDataset } from "../../pipeline/run.js";
import { runTableJob } from "../../pipeline/workers/table-jobs.js";
import { writeTableInWorker } from "../../pipeline/workers/table-thread.js";
import { readCsv, ROOT } from "../e2e/helpers.js";
import { tempDirs } from "../helpers/temp-dirs.js";

describe("the resolve job", () => {
  const tempDir = tempDirs();
  const work = tempDir("resolve-job-");
  const folder = (name: string) => {
    const dir = join(work, name);
    mkdirSync(join(dir, "csv"), { recursive: true });
    mkdirSync(join(dir, "parquet"), { recursive: true });
    return dir;
  };

  it("writes the same corpus tables and gives the same ids in a worker as on this thread", async () => {
    const input = join(work, "in");
    mkdirSync(input);
    const seeds = readdirSync(join(ROOT, "seeds")).sort();
    for (let copy = 0; copy < 4; copy++) for (const s of seeds) copyFileSync(join(ROOT, "seeds", s), join(input, `c${copy}-${s}`));
    const kept = join(work, "kept");
    const run = await runDataset({ input, out: join(work, "out"), jobs: 1, spills: { keepIn: kept } });
    const summariesPath = join(kept, "summaries.jsonl");

    const here = folder("here");
    const onThisThread = runTableJob({ kind: "resolve", dir: here, summariesPath, recordsPath: join(here, "records.jsonl"), entityIdsPath: join(here, "entity-ids.jsonl") });
    const there = folder("there");
    const inWorker = await writeTableInWorker({ kind: "resolve", dir: there, summariesPath, recordsPath: join(there, "records.jsonl"), entityIdsPath: join(there, "entity-ids.jsonl") });

    // the run (resolve in a worker too) counted the same rows
    expect(onThisThread.counts).toEqual(Object.fromEntries(CORPUS_TABLE_NAMES.map((t) => [t, run.rows[t]])));
    expect(onThisThread.counts.entities).toBeGreaterThan(10);
    expect(onThisThread.counts.event_clusters).toBeGreaterThan(0);
    expect(inWorker.counts).toEqual(onThisThread.counts);
    expect(inWorker.problems).toEqual(onThisThread.problems);
    const a = onThisThread.resolved!;
    const b = inWorker.resolved!;
    expect(readFileSync(b.entityIdsPath, "utf8")).toBe(readFileSync(a.entityIdsPath, "utf8"));
    // a line per document, an id per entity of its summary, each an entity of the entities table
    const lines = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l) as unknown[]);
    const ids = lines(a.entityIdsPath);
    expect(ids.map((l) => l.length)).toEqual(lines(summariesPath).map((summary) => (summary[1] as unknown[]).length));
    const entityIds = new Set(readCsv(join(here, "csv", "entities.csv")).map((e) => e.entity_id));
    expect(ids.flat().every((id) => entityIds.has(id as string))).toBe(true);
    expect(b.clusterIds).toEqual(a.clusterIds);
    expect(b.clusterOf).toBeInstanceOf(Int32Array);
    expect(Array.from(b.clusterOf)).toEqual(Array.from(a.clusterOf));
    // twenty copies of the same articles: their events fall into clusters
    const ofEvent = clusterOfEvent(b);
    const clustered = Array.from(b.clusterOf, (_, k) => ofEvent(k)).filter((c) => c !== null);
    expect(clustered.length).toBeGreaterThan(0);
    expect(new Set(clustered)).toEqual(new Set(b.clusterIds));
    for (const t of CORPUS_TABLE_NAMES) {
      for (const f of [`csv/${t}.csv`, `parquet/${t}.parquet`]) {
        expect(readFileSync(join(there, f)).equals(readFileSync(join(here, f))), f).toBe(true);
        // and the run wrote the same file
        expect(readFileSync(join(work, "out", f)).equals(readFileSync(join(here, f))), `run: ${f}`).toBe(true);
      }
    }
    // the run's events carry those clusters: each cluster's reports are its events, of its kind
    const events = readCsv(join(work, "out", "csv", "events.csv"));
    const clusters = readCsv(join(work, "out", "csv", "event_clusters.csv"));
    expect(clusters.length).toBe(onThisThread.counts.event_clusters);
    for (const c of clusters) {
      const members = events.filter((e) => e.cluster_id === c.cluster_id);
      expect(members.length, c.cluster_id).toBe(Number(c.reports));
      for (const e of members) expect([e.event_type, e.sub_event_type], e.event_id).toEqual([c.event_type, c.sub_event_type]);
    }
    expect(events.filter((e) => e.cluster_id !== "").length).toBe(Array.from(a.clusterOf).filter((k) => k >= 0).length);
  }, 120_000);
});
