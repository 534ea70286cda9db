/**
 * The one place that converts between JavaScript's UTF-16 string indices and
 * Unicode code points. Every span the pipeline emits counts code points, so that
 * `text[char_start:char_end]` in Python or `substr()` in R gives the span back.
 *
 * Stages run regexes and libraries on the JS string (UTF-16 indices) and convert
 * through a CodePointIndex built once per document. For texts without astral
 * characters (the common case) both scales coincide and conversion is the identity.
 */
export class CodePointIndex {
  readonly text: string;
  /** utf16 offsets of each astral (surrogate-pair) character, ascending */
  private readonly astral: number[];

  constructor(text: string) {
    this.text = text;
    const astral: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(i);
          i++;
        }
      }
    }
    this.astral = astral;
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.text.length - this.astral.length;
  }

  /** Number of astral characters that start strictly before utf16 offset `u`. */
  private astralBefore(u: number): number {
    const a = this.astral;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** UTF-16 index → code-point index. */
  toCodePoint(u: number): number {
    if (this.astral.length === 0) return u;
    return u - this.astralBefore(u);
  }

  /** Code-point index → UTF-16 index. */
  toUtf16(cp: number): number {
    const a = this.astral;
    if (a.length === 0) return cp;
    // the k-th astral char (0-based) sits at code point a[k] - k
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** Code-point span [start, end) from a UTF-16 span. */
  span(u16Start: number, u16End: number): { start: number; end: number } {
    return { start: this.toCodePoint(u16Start), end: this.toCodePoint(u16End) };
  }

  /** The text of a code-point span. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
