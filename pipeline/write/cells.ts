/**
 * How one cell is spelled in CSV (the contract's conventions): empty for null,
 * true/false for booleans, plain decimal numbers, and a leading apostrophe for
 * text that a spreadsheet would otherwise run as a formula (OWASP's CSV-injection
 * advice). Only text columns are escaped: -3 in a number column stays a number.
 */
import type { ColumnKind } from "../../schemas/columns.js";

const FORMULA_START = /^[=+\-@\t\r]/;

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

/** Decimal notation without exponent or thousands separators (1e21 → 1000000000000000000000). */
function numberText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, "");
}
