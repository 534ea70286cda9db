import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../pipeline/read/decode.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeBytes", () => {
  it("strips a UTF-8 BOM and changes nothing else", () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("😀 a\r\nb")]));
    expect(r).toEqual({ ok: true, text: "😀 a\r\nb", encoding: "utf-8" });
  });
  it("decodes UTF-16 with a BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde]);
    expect(decodeBytes(le)).toEqual({ ok: true, text: "A😀", encoding: "utf-16le" });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x41]);
    expect(decodeBytes(be)).toEqual({ ok: true, text: "A", encoding: "utf-16be" });
  });
  it("falls back to Windows-1252 for invalid UTF-8 and says so", () => {
    const r = decodeBytes(new Uint8Array([0x93, 0x51, 0x94, 0x20, 0xe9]));
    expect(r).toEqual({ ok: true, text: "\u201cQ\u201d é", encoding: "windows-1252" });
  });
  it("refuses empty, whitespace-only and binary input with a reason", () => {
    expect(decodeBytes(new Uint8Array([]))).toMatchObject({ ok: false, reason: "empty file" });
    expect(decodeBytes(enc(" \n\t "))).toMatchObject({ ok: false, reason: "no text" });
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]))).toMatchObject({ ok: false, reason: "binary file" });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ ok: false, reason: "binary file" });
    expect(decodeBytes(enc("text\u0000more"))).toMatchObject({ ok: false, reason: "binary file" });
  });
});
