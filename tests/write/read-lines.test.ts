import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLinesSync, writeLinesSync } from "../../pipeline/write/read-lines.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

describe("readLinesSync", () => {
  it("returns every line, across chunk boundaries and multi-byte characters", () => {
    const long = "😀".repeat(700_000); // 2.8 MB: spans three 1 MiB chunks, emoji split across them
    const file = join(tempDir("lines-"), "x.jsonl");
    writeFileSync(file, `a\n${long}\n\nb😀\nlast`);
    expect([...readLinesSync(file)]).toEqual(["a", long, "", "b😀", "last"]);
  });
  it("keeps a leading byte-order mark and replaces invalid bytes, as StringDecoder did", () => {
    const file = join(tempDir("lines-"), "z.jsonl");
    // BOM, "é" split by the line's own bytes, a lone continuation byte, a truncated 3-byte sequence at the end
    writeFileSync(file, Buffer.concat([Buffer.from("\uFEFFa\n"), Buffer.from("é\n"), Buffer.from([0x62, 0x80, 0x0a]), Buffer.from([0x63, 0xe2, 0x82])]));
    expect([...readLinesSync(file)]).toEqual(["\uFEFFa", "é", "b\uFFFD", "c\uFFFD"]);
  });
  it("does not invent a last empty line after a final newline", () => {
    const file = join(tempDir("lines-"), "y.jsonl");
    writeFileSync(file, "one\ntwo\n");
    expect([...readLinesSync(file)]).toEqual(["one", "two"]);
  });
});

describe("writeLinesSync", () => {
  it("writes every line with its break, however many fill a write, and reads back the same", () => {
    const dir = tempDir("lines-");
    // 30,000 lines of 20 characters: ~600 KB, many 64 KB writes and a last partial one
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${String(i).padStart(6, "0")} é😀`);
    const file = join(dir, "w.jsonl");
    writeLinesSync(file, lines);
    expect(readFileSync(file, "utf8")).toBe(lines.map((l) => `${l}\n`).join(""));
    expect([...readLinesSync(file)]).toEqual(lines);
    // none: an empty file
    writeLinesSync(join(dir, "none.jsonl"), []);
    expect(readFileSync(join(dir, "none.jsonl"), "utf8")).toBe("");
  });
});
