import { describe, expect, it } from "vitest";
import type { DocKey } from "../../pipeline/doc.js";
import { stages } from "../../pipeline/index.js";

describe("pipeline/index.ts", () => {
  it("orders stages so that each one's requirements are assigned earlier", () => {
    const assigned = new Set<DocKey>();
    for (const s of stages) {
      for (const r of s.requires) expect(assigned.has(r), `${s.name} requires ${r}, which no earlier stage assigns`).toBe(true);
      for (const a of s.assigns) assigned.add(a);
    }
  });
  it("has the contract's stages in order", () => {
    expect(stages.map((s) => s.name)).toEqual(["clean", "segment", "entities", "attribution", "dates", "figures", "events"]);
  });
});
