/**
 * Rows as arrays of cells in their table's column order: how the rows that wait for
 * resolve (mentions, figures, events) travel from a worker to the spill file and back.
 *
 * As keyed objects those rows were JSON about 7× the size of the article they came
 * from (a mention's 15 column names repeated on every row), so a 100 MB corpus
 * wrote, re-read and re-parsed ~720 MB of spill; as arrays it is about half that.
 *
 * Packing must not change what validation sees: the tables are strict (a row with a
 * column the schema does not know is rejected) and a cell left undefined fails where
 * null may pass, neither of which an array in JSON can say. So a table's rows are
 * packed only when every row has exactly the table's columns, none undefined;
 * otherwise they travel as objects, as before, and validation judges them the same.
 */
import type { Column } from "../../schemas/table.js";

export type PackedRows = { cells: unknown[][] } | { rows: Record<string, unknown>[] };

export function packRows(columns: readonly Column[], rows: readonly object[]): PackedRows {
  const cells: unknown[][] = [];
  for (const row of rows as readonly Record<string, unknown>[]) {
    if (!hasExactly(row, columns)) return { rows: rows as Record<string, unknown>[] };
    cells.push(columns.map((c) => row[c.name]));
  }
  return { cells };
}

export function unpackRows(columns: readonly Column[], packed: PackedRows): Record<string, unknown>[] {
  if ("rows" in packed) return packed.rows;
  const names = columns.map((c) => c.name);
  return packed.cells.map((values) => objectOf(names, values));
}

/** The object whose key k-th in `keys` has the k-th of `values`: a packed row or record made whole again. */
export function objectOf<K extends PropertyKey>(keys: readonly K[], values: readonly unknown[]): Record<K, unknown> {
  const o = {} as Record<K, unknown>;
  for (let i = 0; i < keys.length; i++) o[keys[i]!] = values[i];
  return o;
}

/** The row's own keys are the columns, each defined. */
function hasExactly(row: Record<string, unknown>, columns: readonly Column[]): boolean {
  let keys = 0;
  for (const k in row) {
    if (!Object.hasOwn(row, k)) continue;
    keys++;
  }
  if (keys !== columns.length) return false;
  for (const c of columns) if (row[c.name] === undefined) return false;
  return true;
}
