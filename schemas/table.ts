/** A table of the dataset: its zod row schema plus the keys datapackage.json needs. */
import { z } from "zod";
import { columnMeta, type ColumnMeta } from "./columns.js";

export type ForeignKey = { fields: string[]; resource: string; referenceFields: string[] };

export type Column = ColumnMeta & { name: string; nullable: boolean };

export type Table<Shape extends z.ZodRawShape> = {
  name: string;
  description: string;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** strict: a row with an unknown column is invalid */
  schema: z.ZodObject<Shape>;
  columns: Column[];
};

export function defineTable<Shape extends z.ZodRawShape>(def: {
  name: string;
  description: string;
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
  columns: Shape;
}): Table<Shape> {
  const schema = z.strictObject(def.columns);
  const columns: Column[] = Object.entries(def.columns).map(([name, s]) => ({ name, ...columnMeta(s as z.ZodType) }));
  const names = new Set(columns.map((c) => c.name));
  for (const k of [...def.primaryKey, ...(def.foreignKeys ?? []).flatMap((f) => f.fields)]) {
    if (!names.has(k)) throw new Error(`table ${def.name}: key column ${k} is not a column`);
  }
  return { name: def.name, description: def.description, primaryKey: def.primaryKey, foreignKeys: def.foreignKeys ?? [], schema, columns };
}

/** Validate one row; the message names the table, the row's key and every failing column. */
export function validateRow<Shape extends z.ZodRawShape>(
  table: Table<Shape>,
  row: unknown,
): { ok: true; row: z.infer<z.ZodObject<Shape>> } | { ok: false; message: string } {
  const parsed = table.schema.safeParse(row);
  if (parsed.success) {
    const r = parsed.data as Record<string, unknown>;
    if (typeof r.char_start === "number" && typeof r.char_end === "number" && r.char_end < r.char_start) {
      return { ok: false, message: `${table.name} ${keyText(table, row)}: char_end ${r.char_end} < char_start ${r.char_start}` };
    }
    return { ok: true, row: parsed.data };
  }
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(row)"}: ${i.message}`).join("; ");
  return { ok: false, message: `${table.name} ${keyText(table, row)}: ${issues}` };
}

function keyText(table: Table<z.ZodRawShape>, row: unknown): string {
  const r = (row ?? {}) as Record<string, unknown>;
  return table.primaryKey.map((k) => `${k}=${String(r[k])}`).join(",");
}
