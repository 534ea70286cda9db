/**
 * Paragraphs: runs of non-blank article lines. Blank lines and boilerplate lines end a run,
 * and so does a change of role, so the headline and the dek are paragraphs of their own
 * even when no blank line sets them off from the body.
 */
import type { Line, Paragraph } from "../doc.js";

export function paragraphsOf(lines: readonly Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let open: { start: number; end: number; role: Line["role"] } | null = null;
  const close = () => {
    if (open) out.push({ start: open.start, end: open.end, index: out.length });
    open = null;
  };
  for (const l of lines) {
    if (l.boilerplate !== null || l.role === "blank" || l.role === "boilerplate") {
      close();
      continue;
    }
    if (open && open.role !== l.role) close();
    if (open) open.end = l.end;
    else open = { start: l.start, end: l.end, role: l.role };
  }
  close();
  return out;
}
