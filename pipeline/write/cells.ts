/**
 * How one cell is spelled in CSV (the contract's conventions): empty for null,
 * true/false for booleans, plain decimal numbers, and a leading apostrophe for
 * text that a spreadsheet would otherwise run as a formula (OWASP's CSV-injection
 * advice). Only text columns are escaped: -3 in a number column stays a number.
 */
import type { ColumnKind } from "../../schemas/columns.js";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A field needs quotes when it holds the delimiter, a quote or a line break, CR
 * included: Excel, pandas and R all end a row at a bare CR outside quotes.
 */
const NEEDS_QUOTES = /[",\n\r]/;

export function csvCell(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "boolean":
      return value ? "true" : "false";
    case "integer":
    case "number":
      return numberText(value as number);
    case "date":
      return String(value);
    case "string": {
      const s = String(value);
      return FORMULA_START.test(s) ? `'${s}` : s;
    }
  }
}

/** One cell's text as an RFC 4180 field: quoted, with its quotes doubled, only when it must be. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell as it goes into the file: csvCell's text, RFC 4180-quoted when it must
 * be. Only text can hold a comma, quote or line break: numbers, booleans and dates
 * (validated ISO) never do, so they skip the test.
 */
export function csvFieldOf(value: unknown, kind: ColumnKind): string {
  const text = csvCell(value, kind);
  return kind === "string" ? csvField(text) : text;
}

/** Decimal notation without exponent or thousands separators (1e21 → 1000000000000000000000). */
function numberText(n: number): string {
  const s = String(n);
  if (!s.includes("e")) return s; // String(number) writes an exponent with a lower-case e
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, "");
}
