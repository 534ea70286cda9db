/**
 * Bytes → text, as read: a BOM is removed and says the encoding (UTF-8, UTF-16LE,
 * UTF-16BE); otherwise strict UTF-8, and text that is not valid UTF-8 is decoded
 * as Windows-1252 (what scraped Western text in another encoding almost always
 * is) and `sources.encoding` says so. Binary files are refused with the reason.
 * Nothing else in the text is changed, so offsets refer to exactly this text.
 */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string; detail: string };

const SIGNATURES: Array<[string, number[]]> = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip archive", [0x1f, 0x8b]],
  ["ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
  ["WebP/RIFF file", [0x52, 0x49, 0x46, 0x46]],
];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty file", detail: "0 bytes" };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3), "utf-8");
  if (startsWith(bytes, [0xff, 0xfe])) return textOf(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return textOf(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  for (const [name, sig] of SIGNATURES) {
    if (startsWith(bytes, sig)) return { ok: false, reason: "binary file", detail: `starts with the signature of a ${name}` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, reason: "binary file", detail: `NUL byte at offset ${nul}: not a text file (UTF-16 text needs a byte-order mark)` };
  }
  return utf8(bytes, "utf-8");
}

function utf8(bytes: Uint8Array, encoding: string): Decoded {
  try {
    return textOf(new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding);
  } catch {
    return textOf(decodeWindows1252(bytes), "windows-1252");
  }
}

function textOf(text: string, encoding: string): Decoded {
  if (text.trim() === "") return { ok: false, reason: "no text", detail: `only whitespace (${text.length} characters)` };
  // control characters other than tab/newlines in quantity mean a binary file in disguise
  let controls = 0;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (controls > 0 && controls / Math.min(text.length, 65536) > 0.01) {
    return { ok: false, reason: "binary file", detail: `${controls} control characters in the first 64k characters` };
  }
  return { ok: true, text, encoding };
}

/**
 * Windows-1252 by the WHATWG table. Node's own TextDecoder("windows-1252") maps
 * 0x80–0x9F to C1 controls (latin1), which turns curly quotes into invisible
 * characters, so the 32 bytes that differ from latin1 are mapped here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}
