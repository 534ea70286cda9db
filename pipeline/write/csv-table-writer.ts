/**
 * Streams one table to CSV: UTF-8 with BOM, header row, RFC 4180 quoting by
 * csv-stringify, \n line ends. Rows are appended in batches, so memory does not
 * grow with the table.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import type { Column } from "../../schemas/table.js";
import { csvCell } from "./cells.js";

export class CsvTableWriter {
  private readonly fd: number;

  constructor(
    path: string,
    private readonly columns: readonly Column[],
  ) {
    this.fd = openSync(path, "w");
    writeSync(this.fd, "\uFEFF" + this.format([columns.map((c) => c.name)]));
  }

  write(rows: readonly Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    writeSync(this.fd, this.format(rows.map((r) => this.columns.map((c) => csvCell(r[c.name], c.kind)))));
  }

  close(): void {
    closeSync(this.fd);
  }

  private format(records: string[][]): string {
    return stringify(records, { record_delimiter: "\n" });
  }
}
