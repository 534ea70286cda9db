/**
 * Every article below the input folder, recursively, in sorted order: *.txt, and
 * *.html / *.htm (which go through the HTML extractor). Symlinks are followed
 * once; a directory seen before (a symlink loop) is skipped with a rejects row.
 * Nothing unreadable is skipped silently: it becomes a rejects row.
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const ARTICLE_EXTENSIONS = /\.(txt|html?)$/i;

export type InputFile = { absPath: string; relPath: string };
export type ListProblem = { relPath: string; reason: string; detail: string };

export function listInputs(root: string): { files: InputFile[]; problems: ListProblem[] } {
  const files: InputFile[] = [];
  const problems: ListProblem[] = [];
  const seenDirs = new Set<string>();
  const rel = (p: string) => relative(root, p).split(sep).join("/") || ".";

  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      problems.push({ relPath: rel(dir), reason: "unreadable directory", detail: errorText(e) });
      return;
    }
    if (seenDirs.has(real)) {
      problems.push({ relPath: rel(dir), reason: "symlink loop", detail: `directory already visited as ${real}` });
      return;
    }
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      problems.push({ relPath: rel(dir), reason: "unreadable directory", detail: errorText(e) });
      return;
    }
    // code-unit order, not locale order: the same on every machine
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch (e) {
        if (ARTICLE_EXTENSIONS.test(name)) problems.push({ relPath: rel(p), reason: "unreadable file", detail: errorText(e) });
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && ARTICLE_EXTENSIONS.test(name)) files.push({ absPath: p, relPath: rel(p) });
    }
  };
  walk(root);
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, problems };
}

export function errorText(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && "message" in e) return `${String(e.code)}: ${String(e.message)}`;
  return String(e);
}
