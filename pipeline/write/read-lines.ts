/** Read a file line by line, synchronously, in 1 MiB chunks: memory stays flat whatever the file size. */
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

export function* readLinesSync(path: string): Generator<string> {
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder("utf8");
  // pieces of a line longer than one chunk: joined once, when its end arrives
  // (re-splitting a growing remainder would be quadratic on a 50 MB line)
  let pending: string[] = [];
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const chunk = decoder.write(buf.subarray(0, n));
      let from = 0;
      for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
        pending.push(chunk.slice(from, nl));
        yield pending.join("");
        pending = [];
        from = nl + 1;
      }
      if (from < chunk.length) pending.push(chunk.slice(from));
    }
    pending.push(decoder.end());
    const last = pending.join("");
    if (last !== "") yield last;
  } finally {
    closeSync(fd);
  }
}
