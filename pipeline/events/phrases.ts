/**
 * Matching a list of word phrases as whole words in a text, fast. The phrases become one
 * case-insensitive alternation; the test "no letter or digit just before" is made in code
 * rather than as a regex lookbehind, which V8 would try at every position of the text
 * before it could use the alternation's first letters to skip ahead. Same matches as
 * `(?<![\p{L}\p{N}])(?:...)(?![\p{L}\p{N}])`.
 */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
import { compareText } from "../doc.js";

function wordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // a low surrogate: the character before is astral, two units long
  const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

export class PhraseMatcher {
  private readonly re: RegExp;

  constructor(forms: readonly string[]) {
    const alts = [...forms]
      .sort((a, b) => b.length - a.length || compareText(a, b))
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s+/gu, "[^\\p{L}\\p{N}]+"));
    this.re = new RegExp(`(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  }

  /** Calls `found(start, end)` (UTF-16) for each match, left to right, without overlaps; stops when it returns false. */
  private each(text: string, found: (start: number, end: number) => boolean): void {
    const re = this.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (wordCharBefore(text, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (!found(m.index, m.index + m[0].length)) return;
    }
  }

  test(text: string): boolean {
    let hit = false;
    this.each(text, () => ((hit = true), false));
    return hit;
  }

  /** UTF-16 end offsets of the matches. */
  ends(text: string): number[] {
    const out: number[] = [];
    this.each(text, (_, end) => (out.push(end), true));
    return out;
  }

  /** The text with each match replaced by `by`. */
  replace(text: string, by: string): string {
    let out = "";
    let at = 0;
    this.each(text, (start, end) => {
      out += text.slice(at, start) + by;
      at = end;
      return true;
    });
    return at === 0 ? text : out + text.slice(at);
  }
}
