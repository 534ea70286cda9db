import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputFiles, listInputs } from "../../pipeline/read/list-inputs.js";
import { inputTasks } from "../../pipeline/read/input-tasks.js";
import type { Manifest } from "../../pipeline/read/manifest.js";
import type { ManifestEntry } from "../../pipeline/doc.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs();

function folder(files: string[]): string {
  const root = tempDir("input-tasks-");
  for (const f of files) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    writeFileSync(join(root, f), "text");
  }
  return root;
}

describe("InputFiles", () => {
  it("gives back each packed path, relative and as opened", () => {
    const paths = ["a b/ünïcode 1.txt", "b.html", "c/d/e.txt", "x"];
    const files = InputFiles.of("/data/in", paths);
    expect(files.length).toBe(4);
    expect(Array.from({ length: 4 }, (_, i) => files.relPath(i))).toEqual(paths);
    expect(files.absPath(2)).toBe("/data/in/c/d/e.txt");
    expect(InputFiles.of("/r", []).length).toBe(0);
  });

  it("lists a folder in code-unit order of the relative paths, opening each file by the path the walk took", () => {
    const root = folder(["b/z.txt", "a-c/y.txt", "a/x.txt", "notes.md", "top.htm"]);
    const { files, problems } = listInputs(root);
    expect(problems).toEqual([]);
    const rel = Array.from({ length: files.length }, (_, i) => files.relPath(i));
    // "-" sorts before "/", so a-c/ comes before a/ in the relative paths' order
    expect(rel).toEqual(["a-c/y.txt", "a/x.txt", "b/z.txt", "top.htm"]);
    expect(files.absPath(1)).toBe(join(root, "a", "x.txt"));
  });
});

describe("inputTasks", () => {
  it("leaves out a file whose source_id an earlier file has, naming that file", () => {
    const files = InputFiles.of("/in", ["a/report.txt", "b/other.txt", "b/report.html", "c/report.txt"]);
    const { tasks, duplicates } = inputTasks(files, null, 1000);
    expect(Array.from({ length: tasks.length }, (_, i) => tasks.at(i).relPath)).toEqual(["a/report.txt", "b/other.txt"]);
    expect(duplicates).toEqual([
      { relPath: "b/report.html", sourceId: "report", firstRelPath: "a/report.txt" },
      { relPath: "c/report.txt", sourceId: "report", firstRelPath: "a/report.txt" },
    ]);
    expect(tasks.at(1)).toEqual({ absPath: "/in/b/other.txt", relPath: "b/other.txt", sourceId: "other", manifest: null, maxBytes: 1000 });
  });

  it("gives each task its manifest row, by path before source_id, and records which keys matched", () => {
    const entry = (url: string): ManifestEntry => ({ url, outlet: null, title: null, author: null, published_date: null });
    const byPath = entry("https://example.org/1");
    const byId = entry("https://example.org/2");
    const manifest: Manifest = { byPath: new Map([["one.txt", byPath]]), bySourceId: new Map([["two", byId], ["absent", byId]]), problems: [] };
    const { tasks, usedManifest } = inputTasks(InputFiles.of("/in", ["one.txt", "three.txt", "two.txt"]), manifest, 1);
    expect([tasks.at(0).manifest, tasks.at(1).manifest, tasks.at(2).manifest]).toEqual([byPath, null, byId]);
    expect([...usedManifest].sort()).toEqual(["id:two", "path:one.txt"]);
  });
});
