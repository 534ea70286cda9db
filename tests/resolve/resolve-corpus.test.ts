/** The resolve stage's glue: entity keys become corpus-wide ids, and the same happening in two sources forms a cluster. */
import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { runStages } from "../../pipeline/index.js";
import { clusterable } from "../../pipeline/resolve/event-clusters.js";
import { clusterOfEvent } from "../../pipeline/resolve/from-spills.js";
import { CorpusResolver } from "../../pipeline/resolve/index.js";
import { docRows, resolveSummary } from "../../pipeline/rows.js";

function run(sourceId: string, text: string, published: string) {
  const doc = runStages(
    createDoc({ sourceId, path: `${sourceId}.txt`, text, manifest: { url: null, outlet: null, title: null, author: null, published_date: published } }),
    { options: {} },
  );
  const rows = docRows(doc);
  return { rows, summary: resolveSummary(doc, rows) };
}

describe("resolveCorpus", () => {
  const a = run("a", "😀 Iraqi forces captured the Grand al-Nuri Mosque in Mosul from ISIS on Wednesday.\n", "2017-06-30");
  const b = run("b", "Iraqi forces on Thursday captured the Grand al-Nuri Mosque in Mosul from Daesh.\n", "2017-06-30");
  // documents are added one by one, as the runner does; only their summaries are kept
  const resolver = new CorpusResolver();
  const records = { a: resolver.addDocument("a", a.summary), b: resolver.addDocument("b", b.summary) };
  const resolved = resolver.resolve([records.a, records.b]);
  // (made as they are read: read once)
  const entityRows = [...resolved.entities];
  // addDocument gave the record of each of a summary's entities, in its order
  const idOf = (sourceId: "a" | "b", key: string) => {
    const position = { a, b }[sourceId].summary.entities.findIndex((e) => e.key === key);
    return resolved.entityIds[records[sourceId][position]!]!;
  };

  it("gives aliases in different sources one entity_id", () => {
    const idsA = a.rows.mentions.map((m) => idOf("a", m.entity_id));
    const idsB = b.rows.mentions.map((m) => idOf("b", m.entity_id));
    const group = (rows: typeof a.rows.mentions, ids: string[], text: string) => ids[rows.findIndex((m) => m.text === text)];
    expect(group(a.rows.mentions, idsA, "ISIS")).toBeDefined();
    expect(group(a.rows.mentions, idsA, "ISIS")).toBe(group(b.rows.mentions, idsB, "Daesh"));
    expect(group(a.rows.mentions, idsA, "Mosul")).toBe(group(b.rows.mentions, idsB, "Mosul"));
    for (const id of [...idsA, ...idsB]) expect(entityRows.some((e) => e.entity_id === id)).toBe(true);
  });

  it("clusters the two reports of the capture, noting that their days disagree", () => {
    expect(resolved.clusters).toHaveLength(1);
    expect(resolved.clusters[0]).toMatchObject({ reports: 2, sources: 2, date_disagreement: true, first_date: "2017-06-28", last_date: "2017-06-29" });
    // the k-th clusterable event, counted across documents in the order they were added
    const candidates = [...a.rows.events, ...b.rows.events].filter(clusterable);
    const clusterOf = clusterOfEvent({ clusterOf: resolved.clusterOf, clusterIds: resolved.clusters.map((c) => c.cluster_id) });
    const clustered = candidates.filter((_, k) => clusterOf(k) === "c1");
    expect(clustered.map((e) => e.source_id).sort()).toEqual(["a", "b"]);
    expect(candidates.filter((_, k) => clusterOf(k) === null)).toHaveLength(candidates.length - 2);
  });

  it("resolves once: it lets go of the entity records and event columns as it goes", () => {
    expect(() => resolver.resolve([records.a, records.b])).toThrow(/runs once/);
    expect(() => resolver.addDocument("c", a.summary)).toThrow(/added after resolve/);
  });
});
