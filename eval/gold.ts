/** The gold annotation format (gold/README.md), validated with zod so a typo in a gold file fails loudly. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const num = z.number().nullable();
const quoted = { quote: z.string().min(1), occurrence: z.number().int().positive().optional() };

export const GoldDoc = z.object({
  source_id: z.string(),
  published_date: z.string().nullable(),
  published_date_precision: z.string().nullable().optional(),
  outlet: z.string().nullable(),
  title: z.string().nullable().optional(),
  boilerplate: z.array(z.string()),
  figures: z.array(
    z.object({ ...quoted, value: num, low: num, high: num, qualifier: z.string(), unit: z.string(), counted: z.string().nullable(), category: z.string() }),
  ),
  dates: z.array(
    z.object({ ...quoted, value: z.string(), start_date: z.string().nullable(), end_date: z.string().nullable(), precision: z.string().nullable() }),
  ),
  entities: z.array(z.object({ name: z.string(), type: z.string(), aliases: z.array(z.string()) })),
  events: z.array(
    z.object({
      ...quoted,
      event_type: z.string(),
      sub_event_type: z.string(),
      actor1: z.string().nullable(),
      actor2: z.string().nullable(),
      location: z.string().nullable(),
      event_date: z.string().nullable(),
      event_date_end: z.string().nullable().optional(),
      date_precision: z.string().nullable().optional(),
      certainty: z.string(),
    }),
  ),
});
export type GoldDoc = z.infer<typeof GoldDoc>;

export function readGold(dir: string): GoldDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const parsed = GoldDoc.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
      if (!parsed.success) throw new Error(`gold ${f}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return parsed.data;
    });
}
