/** CODEBOOK.md for people, generated from the same zod tables as datapackage.json. */
import { TABLES } from "./tables.js";

const PARQUET_TYPE = { string: "UTF8", integer: "INT64", number: "DOUBLE", date: "DATE", boolean: "BOOLEAN" } as const;

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function buildCodebook(): string {
  const out: string[] = [
    "# Codebook",
    "",
    "Generated from the zod schemas in `schemas/tables.ts` by `make dataset`; do not edit by hand.",
    "",
    "Every table is written as `csv/<table>.csv` (UTF-8 with BOM, header, RFC 4180, empty cell for null,",
    "text cells starting with = + - @ tab or CR prefixed with `'`) and `parquet/<table>.parquet` (same rows, same order, exact text).",
    "Offsets `char_start`/`char_end` count Unicode code points into the source's decoded text, end exclusive.",
    "",
    "## Tables",
    "",
    ...TABLES.map((t) => `- [\`${t.name}\`](#${t.name.replace(/_/g, "_")}): ${t.description}`),
    "",
  ];
  for (const t of TABLES) {
    out.push(`## ${t.name}`, "", t.description, "");
    out.push(`Primary key: ${t.primaryKey.map((k) => `\`${k}\``).join(", ")}`);
    for (const f of t.foreignKeys) {
      out.push(`Foreign key: ${f.fields.map((k) => `\`${k}\``).join(", ")} → \`${f.resource}\`.${f.referenceFields.map((k) => `\`${k}\``).join(", ")}`);
    }
    out.push("", "| column | type | Parquet | required | meaning |", "|---|---|---|---|---|");
    for (const c of t.columns) {
      const values = c.values ? ` One of: ${c.values.map((v) => `\`${v}\``).join(", ")}.` : "";
      const example = c.example ? ` Example: \`${c.example}\`.` : "";
      out.push(`| \`${c.name}\` | ${c.kind} | ${PARQUET_TYPE[c.kind]}${c.nullable ? " (OPTIONAL)" : ""} | ${c.nullable ? "no" : "yes"} | ${cell(c.description + values + example)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
