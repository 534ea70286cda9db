import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLinesSync } from "../../pipeline/write/read-lines.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

describe("readLinesSync", () => {
  it("returns every line, across chunk boundaries and multi-byte characters", () => {
    const long = "😀".repeat(700_000); // 2.8 MB: spans three 1 MiB chunks, emoji split across them
    const file = join(tempDir("lines-"), "x.jsonl");
    writeFileSync(file, `a\n${long}\n\nb😀\nlast`);
    expect([...readLinesSync(file)]).toEqual(["a", long, "", "b😀", "last"]);
  });
  it("does not invent a last empty line after a final newline", () => {
    const file = join(tempDir("lines-"), "y.jsonl");
    writeFileSync(file, "one\ntwo\n");
    expect([...readLinesSync(file)]).toEqual(["one", "two"]);
  });
});
