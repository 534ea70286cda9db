/**
 * Column builders. Each returns a zod schema that carries, in its metadata, the
 * column's logical kind (string, integer, number, date, boolean) and its
 * description. Everything else — TypeScript types, row validation, Parquet types,
 * datapackage.json and CODEBOOK.md — is derived from these, so a table's field
 * list is written exactly once (in tables.ts).
 */
import { z } from "zod";

export type ColumnKind = "string" | "integer" | "number" | "date" | "boolean";

export type ColumnMeta = {
  kind: ColumnKind;
  description: string;
  /** allowed values, for enumerated text columns */
  values?: readonly string[];
  /** an example value, shown in the codebook */
  example?: string;
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date in ISO form (rejects 2017-02-30). */
const isoDate = z
  .string()
  .regex(ISO_DATE, "expected an ISO date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

type Opts = { example?: string };

export const col = {
  text: (description: string, o: Opts = {}) => z.string().meta({ kind: "string", description, ...o } satisfies ColumnMeta),
  textOrNull: (description: string, o: Opts = {}) =>
    z.string().nullable().meta({ kind: "string", description, ...o } satisfies ColumnMeta),
  /** a text column whose values come from a fixed vocabulary */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
    z.enum(values).meta({ kind: "string", description, values } satisfies ColumnMeta),
  oneOfOrNull: <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
    z.enum(values).nullable().meta({ kind: "string", description, values } satisfies ColumnMeta),
  int: (description: string) => z.int().meta({ kind: "integer", description } satisfies ColumnMeta),
  count: (description: string) => z.int().nonnegative().meta({ kind: "integer", description } satisfies ColumnMeta),
  intOrNull: (description: string) => z.int().nullable().meta({ kind: "integer", description } satisfies ColumnMeta),
  numberOrNull: (description: string) =>
    z.number().refine(Number.isFinite, "not a finite number").nullable().meta({ kind: "number", description } satisfies ColumnMeta),
  bool: (description: string) => z.boolean().meta({ kind: "boolean", description } satisfies ColumnMeta),
  date: (description: string) => isoDate.meta({ kind: "date", description } satisfies ColumnMeta),
  dateOrNull: (description: string) => isoDate.nullable().meta({ kind: "date", description } satisfies ColumnMeta),
};

/** The metadata of a column schema built by `col`. */
export function columnMeta(schema: z.ZodType): ColumnMeta & { nullable: boolean } {
  const meta = schema.meta() as ColumnMeta | undefined;
  if (!meta || !meta.kind) throw new Error("column schema was not built with schemas/columns.ts `col`");
  return { ...meta, nullable: schema.safeParse(null).success };
}
