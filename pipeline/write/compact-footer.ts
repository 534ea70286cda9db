/**
 * A hyparquet-writer ParquetWriter whose row groups' descriptions are kept as the bytes the
 * footer will hold, not as objects, from the moment each group is written.
 *
 * A Parquet file ends with a footer describing every column chunk of every row group; the
 * writer keeps those descriptions as JavaScript objects until it writes the footer: ~930
 * bytes of heap per column chunk (measured, statistics included), so memory grew with the
 * table. On a 1 GB corpus events.parquet has 30,900 column chunks and mentions.parquet
 * 15,507: ~45 MB held to the end of the run. Thrift-encoded, a chunk's description is a
 * tenth of that, so each group is encoded as soon as it is written, with the writer's own
 * encoder, and the footer is put together from those bytes: the file is byte for byte
 * the one the writer makes (tests/write/compact-footer.test.ts compares them).
 *
 * A group is encoded at once unless one of its chunks has a page index, which the writer
 * only places when it finishes the file (a chunk of several pages, >1 MB here): such groups
 * keep their objects until the footer.
 */
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { writeBlooms } from "hyparquet-writer/src/bloom.js";
import { writeIndexes } from "hyparquet-writer/src/indexes.js";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";

type RowGroup = ParquetWriter["row_groups"][number];
type PageIndexes = ParquetWriter["pendingIndexes"][number];
type FileMetaData = Parameters<typeof writeMetadata>[1];

const PAR1 = 0x31524150;
const THRIFT_STRUCT = 12;

export class CompactFooterWriter extends ParquetWriter {
  /** every row group so far, in order: its footer bytes, or its description where it must wait */
  private readonly groups: (Uint8Array | RowGroup)[] = [];
  /** the footer with no row groups, which encodeGroup compares with (the same for every group) */
  private emptyFooter: Uint8Array | null = null;

  /** Writes one row group (synchronously: the file writer has no asynchronous flush). */
  writeGroup(options: Parameters<ParquetWriter["write"]>[0]): void {
    const groupsBefore = this.row_groups.length;
    const indexesBefore = this.pendingIndexes.length;
    if (this.write(options) !== undefined) throw new Error("CompactFooterWriter: the writer flushed asynchronously");
    const written = this.row_groups.splice(groupsBefore);
    // the chunks left their page indexes in order, one per column chunk
    const indexes = this.pendingIndexes.splice(indexesBefore);
    let at = 0;
    for (const group of written) {
      const own = indexes.slice(at, (at += group.columns.length));
      if (own.some(placedAtFinish)) {
        this.groups.push(group);
        this.pendingIndexes.push(...own);
      } else {
        // what these indexes would write at the end is nothing: they may go
        this.groups.push(this.encodeGroup(group));
      }
    }
  }

  override finish(): void {
    const writer = this.writer;
    writeIndexes(writer, this.pendingIndexes);
    writeBlooms(writer, this.pendingIndexes);
    const { head, emptyList, tail } = this.frame(this.num_rows);
    const start = writer.offset;
    writer.appendBytes(head);
    // the list header of the row groups: a struct list, its size in the byte or after it (an
    // empty list as the writer's encoder writes it, with no element type)
    const n = this.groups.length;
    if (n === 0) {
      writer.appendUint8(emptyList);
    } else if (n > 14) {
      writer.appendUint8((15 << 4) | THRIFT_STRUCT);
      writer.appendVarInt(n);
    } else {
      writer.appendUint8((n << 4) | THRIFT_STRUCT);
    }
    for (const g of this.groups) writer.appendBytes(g instanceof Uint8Array ? g : this.encodeGroup(g));
    writer.appendBytes(tail);
    writer.appendUint32(writer.offset - start);
    writer.appendUint32(PAR1);
    writer.finish();
  }

  /** A row group as the footer's row-group list holds it. */
  private encodeGroup(group: RowGroup): Uint8Array {
    const empty = (this.emptyFooter ??= this.encodeFooter(0n, []));
    const one = this.encodeFooter(0n, [group]);
    const at = firstDifference(empty, one);
    // empty = head + [empty list] + tail + length; one = head + [list of 1] + group + tail + length
    const tailLength = empty.length - 4 - (at + 1);
    return one.slice(at + 1, one.length - 4 - tailLength);
  }

  /** The footer's bytes before the row-group list's header, and after the list (its length excluded). */
  private frame(numRows: bigint): { head: Uint8Array; emptyList: number; tail: Uint8Array } {
    const empty = this.encodeFooter(numRows, []);
    const one = this.encodeFooter(numRows, [{ columns: [], total_byte_size: 0n, num_rows: 0n }]);
    const at = firstDifference(empty, one);
    return { head: empty.slice(0, at), emptyList: empty[at]!, tail: empty.slice(at + 1, empty.length - 4) };
  }

  /** The footer (thrift FileMetaData, then its length) for these row groups, as the writer encodes it. */
  private encodeFooter(numRows: bigint, rowGroups: RowGroup[]): Uint8Array {
    const out = new ByteWriter();
    // the fields the writer's own finish() gives (metadata_length is not written)
    const metadata = { version: 2, created_by: this.createdBy, schema: this.schema, num_rows: numRows, row_groups: rowGroups, key_value_metadata: this.kvMetadata };
    writeMetadata(out, metadata as FileMetaData, this.statisticsTruncateLength);
    return out.getBytes().slice();
  }
}

/** Does the writer place this chunk's page index, or bloom filter, only when it finishes the file? */
function placedAtFinish(p: PageIndexes): boolean {
  return (p.offsetIndex?.page_locations.length ?? 0) > 1 || (p.columnIndex?.min_values.length ?? 0) > 1 || p.bloomFilter !== undefined;
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
