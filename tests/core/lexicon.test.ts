import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadLexicon, word } from "../../pipeline/lexicon.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

function lexicon(entries: unknown[]): { caller: string; file: string } {
  const dir = tempDir("lexicon-");
  writeFileSync(join(dir, "list.json"), JSON.stringify({ source: "test", entries }));
  return { caller: pathToFileURL(join(dir, "stage.ts")).href, file: "list.json" };
}

describe("loadLexicon", () => {
  it("gives each reader of a shared file its own schema's view", () => {
    const { caller, file } = lexicon([{ word: "Iraqi", country: "Iraq" }]);
    const narrow = loadLexicon(caller, file, z.object({ word }));
    const wide = loadLexicon(caller, file, z.object({ word, country: word }));
    expect(narrow).toEqual([{ word: "Iraqi" }]);
    expect(wide).toEqual([{ word: "Iraqi", country: "Iraq" }]);
  });
  it("rejects duplicates and padded entries, naming the file", () => {
    const dup = lexicon(["al", "Al"]);
    expect(() => loadLexicon(dup.caller, dup.file, word)).toThrow(/list\.json: entry 1 duplicates entry 0/);
    const padded = lexicon([" al"]);
    expect(() => loadLexicon(padded.caller, padded.file, word)).toThrow(/list\.json.*leading or trailing spaces/);
  });
});
