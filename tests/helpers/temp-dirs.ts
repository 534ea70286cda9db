/**
 * Temporary folders that go away when the tests that made them are done, passed or failed.
 *
 *   const tempDir = tempDirs();          // at the top of a file or a describe block
 *   const dir = tempDir("cli-in-");      // anywhere in that scope: module body, beforeAll, a test
 *
 * `tempDirs()` registers one afterAll in the scope it is called in, which removes every
 * folder its `tempDir` made. A folder made in a test stays until the end of the scope, not
 * of the test, so one call covers folders made at collection time, in hooks and in tests
 * alike. Removal restores the owner's permissions on folders first (tests make unreadable
 * entries), never follows symlinks (tests make loops), and tries every folder before it
 * reports any it could not remove.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export function tempDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => removeAll(made.splice(0)));
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

function removeAll(dirs: string[]): void {
  const failed: unknown[] = [];
  for (const dir of dirs) {
    try {
      remove(dir);
    } catch (e) {
      failed.push(e);
    }
  }
  if (failed.length) throw new AggregateError(failed, `could not remove ${failed.length} temporary folder(s)`);
}

function remove(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // a folder without read, write or search permission stops rm: give them back, then retry
    restoreAccess(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

function restoreAccess(path: string): void {
  let isDir: boolean;
  try {
    isDir = lstatSync(path).isDirectory(); // lstat: a symlink is never followed, so loops end here
  } catch {
    return;
  }
  if (!isDir) return; // removing a file needs its folder's permissions, not its own
  try {
    chmodSync(path, 0o700);
    for (const name of readdirSync(path)) restoreAccess(join(path, name));
  } catch {
    // left for rmSync to report
  }
}
