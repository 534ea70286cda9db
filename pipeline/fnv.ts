/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units: a hash cheap enough to compute per
 * token. `fnvOn` continues a hash, so a key's hash can be built piece by piece as a scan
 * extends the key (entities/phrases.ts); start from FNV_OFFSET.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

export function fnvOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
