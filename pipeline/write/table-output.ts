/**
 * One table's files, CSV and Parquet (same rows, same order), behind validation: each
 * row is checked against the table's zod schema first, and a row that fails becomes a
 * problem for the caller's reject sink instead of a row.
 */
import { join } from "node:path";
import type { z } from "zod";
import { validateRow, type Table } from "../../schemas/table.js";
import { CsvTableWriter } from "./csv-table-writer.js";
import { ParquetTableWriter } from "./parquet-table-writer.js";
export type AnyTable = Table<z.ZodRawShape>;

/** Where a row that fails validation goes: the runner's rejects, or a list a thread hands back. */
export type RejectSink = (path: string, stage: string, reason: string, detail: string) => void;

export class TableOutput {
  private readonly csv: CsvTableWriter;
  private readonly parquet: ParquetTableWriter;
  /** rows written so far */
  count = 0;

  /** `dir` holds the dataset: the files go to dir/csv/<table>.csv and dir/parquet/<table>.parquet */
  constructor(dir: string, readonly table: AnyTable) {
    this.csv = new CsvTableWriter(join(dir, "csv", `${table.name}.csv`), table.columns);
    this.parquet = new ParquetTableWriter(join(dir, "parquet", `${table.name}.parquet`), table.columns);
  }

  /** Validate and append rows; `path` names the input they came from, for the reject sink. */
  write(rows: readonly unknown[], path: string, reject: RejectSink): void {
    const valid: Record<string, unknown>[] = [];
    for (const row of rows) {
      const r = validateRow(this.table, row);
      if (r.ok) valid.push(r.row as Record<string, unknown>);
      else reject(path, "validate", `invalid ${this.table.name} row`, r.message);
    }
    this.csv.write(valid);
    this.parquet.write(valid);
    this.count += valid.length;
  }

  close(): void {
    this.csv.close();
    this.parquet.close();
  }
}
