/** Read a file line by line, synchronously, in 1 MiB chunks: memory stays flat whatever the file size. */
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

export function* readLinesSync(path: string): Generator<string> {
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const parts = (rest + decoder.write(buf.subarray(0, n))).split("\n");
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.end();
    if (rest !== "") yield rest;
  } finally {
    closeSync(fd);
  }
}
