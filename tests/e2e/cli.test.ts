/**
 * The CLI's promises on hand-made inputs: offsets in code points after emoji,
 * a manifest's values winning, bad inputs becoming rejects rows with exit 3,
 * usage errors exiting 2, and the previous dataset surviving a failed run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDirs } from "../helpers/temp-dirs.js";
import { readCsv, runCli } from "./helpers.js";

const tempDir = tempDirs();

const ARTICLE = `😀🇮🇶 Fighting in Mosul

🙂 Iraqi forces captured the Grand al-Nuri Mosque on Wednesday, the Joint Operations Command said. About 300 ISIS fighters remained in the Old City, according to the Associated Press.

At least 35 civilians were killed in air strikes on Thursday. 🔥 Between 15,000 and 20,000 people are trapped.
`;

function corpus(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir("cli-in-");
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

describe("conflict-dataset CLI", () => {
  it("counts offsets in code points when emoji stand before the spans", () => {
    const input = corpus({ "emoji.txt": ARTICLE });
    const out = join(tempDir("cli-out-"), "out");
    const r = runCli(["--input", input, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const cps = [...ARTICLE];
    let spans = 0;
    for (const table of ["sentences", "mentions", "figures", "dates", "events"]) {
      for (const row of readCsv(join(out, "csv", `${table}.csv`))) {
        expect(cps.slice(Number(row.char_start), Number(row.char_end)).join(""), `${table} ${row.text}`).toBe(row.text);
        spans++;
      }
    }
    expect(readCsv(join(out, "csv", "figures.csv")).length).toBeGreaterThan(0);
    expect(readCsv(join(out, "csv", "mentions.csv")).length).toBeGreaterThan(0);
    expect(spans).toBeGreaterThan(10);
  });

  it("lets manifest values win, with basis manifest", () => {
    const input = corpus({ "a/story.txt": ARTICLE });
    // outside the input folder, in a temporary folder of its own
    const manifest = join(tempDir("cli-manifest-"), `manifest-${Date.now()}.csv`);
    writeFileSync(manifest, "path,outlet,published_date,title\na/story.txt,Example Wire,2017-06-29,Given title\nmissing.txt,X,2017-01-01,\n");
    const out = join(tempDir("cli-out-"), "out");
    const r = runCli(["--input", input, "--out", out, "--manifest", manifest]);
    expect(r.status).toBe(3); // the unknown path is a rejects row
    const [src] = readCsv(join(out, "csv", "sources.csv"));
    expect(src).toMatchObject({ source_id: "story", path: "a/story.txt", outlet: "Example Wire", title: "Given title", published_date: "2017-06-29", published_date_basis: "manifest" });
    const dates = readCsv(join(out, "csv", "dates.csv"));
    expect(dates.find((d) => d.text!.includes("Wednesday"))?.value).toBe("2017-06-28");
    expect(readCsv(join(out, "csv", "rejects.csv")).map((x) => x.reason)).toEqual(["unknown path"]);
  });

  it("turns bad inputs into rejects rows, goes on, and exits 3 with a one-line summary", () => {
    const input = corpus({
      "good.txt": ARTICLE,
      "empty.txt": "",
      "blank.txt": "  \n\n ",
      "image.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
      "sub/good.txt": ARTICLE,
    });
    const out = join(tempDir("cli-out-"), "out");
    const r = runCli(["--input", input, "--out", out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/4 input\(s\) rejected/);
    const rejects = readCsv(join(out, "csv", "rejects.csv"));
    expect(rejects.map((x) => [x.path, x.reason])).toEqual([
      ["blank.txt", "no text"],
      ["empty.txt", "empty file"],
      ["image.txt", "binary file"],
      ["sub/good.txt", "duplicate source_id"],
    ]);
    expect(readCsv(join(out, "csv", "sources.csv")).map((s) => s.path)).toEqual(["good.txt"]);
  });

  it("exits 2 on usage errors and leaves the previous dataset in place", () => {
    const input = corpus({ "good.txt": ARTICLE });
    const out = join(tempDir("cli-out-"), "out");
    expect(runCli(["--input", input, "--out", out]).status).toBe(0);
    const before = readFileSync(join(out, "csv", "sources.csv"));
    expect(runCli(["--bogus"]).status).toBe(2);
    expect(runCli(["--input", join(input, "nope"), "--out", out]).status).toBe(2);
    expect(readFileSync(join(out, "csv", "sources.csv")).equals(before)).toBe(true);
    expect(runCli(["--help"]).stdout).toMatch(/--manifest FILE/);
    expect(existsSync(join(out, "datapackage.json"))).toBe(true);
  });
});
