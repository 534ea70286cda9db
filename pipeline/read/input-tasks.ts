/**
 * The run's documents as the workers' tasks: one per input file, less the files whose
 * source_id an earlier file already has (each of those is a rejects row).
 *
 * The main thread keeps the task list for the whole run, while the workers are at their
 * peak, so a task is made when it is asked for, from the packed file list (InputFiles) and
 * the file's number: an object per task made up front, with a map of the ids seen, took
 * ~370 bytes of heap a file (42 MB for a 500 MB corpus of 113,287 files), and phase 1's
 * peak RSS grew with the number of files. Now a task costs 4 bytes until it is asked for.
 */
import { basename, extname } from "node:path";
import type { ManifestEntry } from "../doc.js";
import type { DocumentTask } from "../document-task.js";
import type { InputFiles } from "./list-inputs.js";
import type { Manifest } from "./manifest.js";

/** A document's source_id: its file name without the extension. */
export function sourceIdOf(relPath: string): string {
  return basename(relPath, extname(relPath));
}

/**
 * The manifest row for a file: by its path, else by its source_id. `used` collects the
 * keys that matched, so the rows that match no file can be reported.
 */
export function manifestEntry(m: Manifest | null, relPath: string, sourceId: string, used?: Set<string>): ManifestEntry | null {
  if (!m) return null;
  const byPath = m.byPath.get(relPath);
  if (byPath) {
    used?.add(`path:${relPath}`);
    return byPath;
  }
  const byId = m.bySourceId.get(sourceId);
  if (byId) used?.add(`id:${sourceId}`);
  return byId ?? null;
}

export class InputTasks {
  constructor(
    private readonly files: InputFiles,
    /** the file number of each task */
    private readonly fileOf: Uint32Array,
    private readonly manifest: Manifest | null,
    private readonly maxBytes: number,
  ) {}

  get length(): number {
    return this.fileOf.length;
  }

  /** Task i, made anew on each call (the same task each time). */
  at(i: number): DocumentTask {
    const file = this.fileOf[i]!;
    const relPath = this.files.relPath(file);
    const sourceId = sourceIdOf(relPath);
    return { absPath: this.files.absPath(file), relPath, sourceId, manifest: manifestEntry(this.manifest, relPath, sourceId), maxBytes: this.maxBytes };
  }
}

export type DuplicateId = { relPath: string; sourceId: string; firstRelPath: string };

/**
 * The tasks of a run, with the files left out because their source_id is taken (in file
 * order: the first file keeps the id) and the manifest keys some file matched.
 */
export function inputTasks(files: InputFiles, manifest: Manifest | null, maxBytes: number): { tasks: InputTasks; duplicates: DuplicateId[]; usedManifest: Set<string> } {
  // the first file of each id: needed only here, so it is garbage once the tasks are made
  const firstOfId = new Map<string, number>();
  const fileOf: number[] = [];
  const duplicates: DuplicateId[] = [];
  const usedManifest = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const relPath = files.relPath(i);
    const sourceId = sourceIdOf(relPath);
    const first = firstOfId.get(sourceId);
    if (first !== undefined) {
      duplicates.push({ relPath, sourceId, firstRelPath: files.relPath(first) });
      continue;
    }
    firstOfId.set(sourceId, i);
    manifestEntry(manifest, relPath, sourceId, usedManifest);
    fileOf.push(i);
  }
  return { tasks: new InputTasks(files, Uint32Array.from(fileOf), manifest, maxBytes), duplicates, usedManifest };
}
