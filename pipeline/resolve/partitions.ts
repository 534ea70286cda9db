/**
 * Fixed-size records of numbers, appended by partition and read back one partition at a
 * time: what lets the resolver keep a part of the corpus on disk until it works on it.
 *
 * Figure claims only ever compare figures of one category, so the figures wait here, one
 * partition per category, while entities are resolved and events clustered, and are then
 * grouped a category at a time. As columns in memory they were the resolver's largest
 * part (~50 bytes per claimable figure: 71 MB on a 1 GB corpus) for the whole of resolve.
 *
 * A record is `slots` 32-bit slots; a double takes two, from an even slot (so the same
 * bytes read as Int32Array and Float64Array). With a folder, each partition is a file in
 * it, written 64 KB at a time; without one (tests, small runs) the chunks stay in memory.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

/** The records of one partition: record r's slot s is ints[r * slots + s]; its double at even slot s is nums[(r * slots + s) / 2]. */
export type RecordBlock = { count: number; ints: Int32Array; nums: Float64Array };

const CHUNK_BYTES = 64 * 1024;

type Partition = { chunks: ArrayBuffer[]; current: RecordBlock; fd: number | null; path: string | null; count: number };

export class PartitionedRecords {
  private readonly parts = new Map<number, Partition>();
  private readonly perChunk: number;

  constructor(
    readonly slots: number,
    private readonly dir: string | null = null,
    private readonly name = "partition",
  ) {
    if (slots % 2 !== 0) throw new RangeError("PartitionedRecords: records take an even number of slots, so doubles stay aligned");
    this.perChunk = Math.floor(CHUNK_BYTES / (slots * 4));
  }

  /** The partitions that have records, in ascending order. */
  get partitions(): number[] {
    return [...this.parts.keys()].sort((a, b) => a - b);
  }

  /** Reserves the next record of `partition`; the caller fills block.ints / block.nums at slot `at`. */
  append(partition: number): { block: RecordBlock; at: number } {
    let p = this.parts.get(partition);
    if (!p) {
      const path = this.dir === null ? null : join(this.dir, `.${this.name}-${partition}.bin`);
      p = { chunks: [], current: emptyBlock(this.perChunk * this.slots), fd: path === null ? null : openSync(path, "w"), path, count: 0 };
      this.parts.set(partition, p);
    }
    if (p.current.count === this.perChunk) this.spill(p);
    p.count++;
    return { block: p.current, at: p.current.count++ * this.slots };
  }

  /** All the records of `partition` in the order they were appended, once: its file or chunks are let go. */
  take(partition: number): RecordBlock {
    const p = this.parts.get(partition);
    if (!p) return emptyBlock(0);
    this.parts.delete(partition);
    const bytes = p.count * this.slots * 4;
    const whole = new ArrayBuffer(bytes);
    const out = new Uint8Array(whole);
    let at = 0;
    if (p.fd !== null) {
      closeSync(p.fd);
      const fd = openSync(p.path!, "r");
      const onDisk = bytes - p.current.count * this.slots * 4;
      while (at < onDisk) {
        const n = readSync(fd, out, at, onDisk - at, at);
        if (n === 0) throw new Error(`resolve: ${p.path} is shorter than what was written to it`);
        at += n;
      }
      closeSync(fd);
      rmSync(p.path!);
    } else {
      for (const c of p.chunks) {
        out.set(new Uint8Array(c), at);
        at += c.byteLength;
      }
    }
    out.set(new Uint8Array(p.current.ints.buffer, 0, p.current.count * this.slots * 4), at);
    return { count: p.count, ints: new Int32Array(whole), nums: new Float64Array(whole) };
  }

  private spill(p: Partition): void {
    const used = p.current.count * this.slots * 4;
    if (p.fd !== null) {
      writeSync(p.fd, new Uint8Array(p.current.ints.buffer, 0, used));
      p.current.count = 0;
    } else {
      // (only a full chunk is spilled: it is kept whole)
      p.chunks.push(p.current.ints.buffer as ArrayBuffer);
      p.current = emptyBlock(this.perChunk * this.slots);
    }
  }
}

function emptyBlock(slots: number): RecordBlock {
  const buffer = new ArrayBuffer(slots * 4);
  return { count: 0, ints: new Int32Array(buffer), nums: new Float64Array(buffer) };
}
