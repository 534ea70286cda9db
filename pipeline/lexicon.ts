/**
 * Word lists live as JSON data beside the stage that reads them, each with a
 * `source` (where the list came from) and `entries`. They load through zod, which
 * rejects empty entries and duplicates and names the file, like retext-equality does.
 *
 * File shape: { "source": "...", "license"?: "...", "description"?: "...", "entries": [ ... ] }
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * Cached per file AND per entry schema: two stages may read one shared file with
 * different schemas, and zod drops the fields a schema does not name, so one
 * reader's parse must never be handed to another.
 */
const cache = new Map<string, WeakMap<z.ZodType, unknown[]>>();

/**
 * Load `<dir of callerUrl>/<file>` and validate each entry with `entry`.
 * `keyOf` gives the identity used for the duplicate check (default: the entry itself
 * when it is a string, lower-cased).
 */
export function loadLexicon<T>(
  callerUrl: string,
  file: string,
  entry: z.ZodType<T>,
  keyOf: (e: T) => string = (e) => (typeof e === "string" ? e.toLowerCase() : JSON.stringify(e)),
): T[] {
  const path = join(dirname(fileURLToPath(callerUrl)), file);
  const bySchema = cache.get(path) ?? new WeakMap<z.ZodType, unknown[]>();
  cache.set(path, bySchema);
  const hit = bySchema.get(entry);
  if (hit) return hit as T[];
  const raw = JSON.parse(readFileSync(path, "utf8")) as unknown;
  const shape = z.object({
    source: z.string().min(1),
    license: z.string().optional(),
    description: z.string().optional(),
    entries: z.array(entry),
  });
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`lexicon ${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const seen = new Map<string, number>();
  parsed.data.entries.forEach((e, i) => {
    const k = keyOf(e);
    if (k.trim() === "") throw new Error(`lexicon ${path}: entry ${i} is empty`);
    const prev = seen.get(k);
    if (prev !== undefined) throw new Error(`lexicon ${path}: entry ${i} duplicates entry ${prev} (${k})`);
    seen.set(k, i);
  });
  bySchema.set(entry, parsed.data.entries);
  return parsed.data.entries;
}

/** A non-empty, trimmed string entry. */
export const word = z
  .string()
  .min(1)
  .refine((s) => s === s.trim(), "entry has leading or trailing spaces");
