/**
 * Streams one table to CSV: UTF-8 with BOM, header row, RFC 4180 quoting, \n line
 * ends. Each row is encoded into a fixed 128 KiB buffer that goes to the file when
 * full, so memory does not grow with the table and small batches do not cost a
 * system call each.
 *
 * The quoting is our own few lines (cells.ts `csvField`) rather than csv-stringify,
 * which cost more per batch than the rest of the CSV writing together;
 * tests/write/csv-table-writer.test.ts checks ours against csv-stringify told to
 * quote the same fields (a comma, a double quote, LF or CR).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Column } from "../../schemas/table.js";
import { csvField, csvFieldOf } from "./cells.js";

const BUFFER_BYTES = 1 << 17;
/** a UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair: 4 for 2 units) */
const MAX_UTF8_PER_UNIT = 3;

export class CsvTableWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  constructor(
    path: string,
    private readonly columns: readonly Column[],
  ) {
    this.fd = openSync(path, "w");
    this.append("\uFEFF" + columns.map((c) => csvField(c.name)).join(",") + "\n");
  }

  write(rows: readonly Record<string, unknown>[]): void {
    const columns = this.columns;
    for (const row of rows) {
      let line = csvFieldOf(row[columns[0]!.name], columns[0]!.kind);
      for (let i = 1; i < columns.length; i++) line += "," + csvFieldOf(row[columns[i]!.name], columns[i]!.kind);
      this.append(line + "\n");
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private append(text: string): void {
    const worstCase = text.length * MAX_UTF8_PER_UNIT;
    if (this.used + worstCase > BUFFER_BYTES) this.flush();
    // a row longer than the whole buffer (a huge cell) goes straight to the file
    if (worstCase > BUFFER_BYTES) writeSync(this.fd, text);
    else this.used += this.buffer.write(text, this.used, "utf8");
  }

  private flush(): void {
    if (this.used === 0) return;
    writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }
}
