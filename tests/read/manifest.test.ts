import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../pipeline/read/manifest.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

describe("readManifest", () => {
  it("reads rows keyed by path or source_id and reports bad ones", () => {
    const dir = tempDir("manifest-");
    const file = join(dir, "m.csv");
    writeFileSync(
      file,
      "\uFEFFpath,source_id,outlet,published_date,title\n" +
        "a/x.txt,,Reuters,2017-06-29,Headline\n" +
        ",y,,2017-13-01,\n" +
        "a/x.txt,,AP,,\n" +
        ",,,,\n",
    );
    const m = readManifest(file);
    expect(m.byPath.get("a/x.txt")).toEqual({ url: null, outlet: "Reuters", title: "Headline", author: null, published_date: "2017-06-29" });
    expect(m.bySourceId.get("y")?.published_date).toBeNull();
    expect(m.problems.map((p) => p.reason)).toEqual(["bad manifest date", "duplicate manifest row", "manifest row without key"]);
  });
});
