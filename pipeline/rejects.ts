/**
 * The rejects table: one row per input path that could not be (fully) processed.
 * The contract keys rejects by `path`, so several problems with the same path are
 * merged into one row whose detail lists them all, in the order they were found.
 */
import type { RejectRow } from "../schemas/tables.js";

export class Rejects {
  private readonly byPath = new Map<string, RejectRow>();

  add(path: string, stage: string, reason: string, detail: string): void {
    const prev = this.byPath.get(path);
    if (!prev) {
      this.byPath.set(path, { path, stage, reason, detail });
      return;
    }
    prev.detail = `${prev.detail} | ${stage}: ${reason}: ${detail}`;
  }

  get size(): number {
    return this.byPath.size;
  }

  rows(): RejectRow[] {
    return [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
