/**
 * HTML input: readability-style main-content extraction to plain text, so an .html page
 * goes down the same path as a scraped .txt (line cleaning, then segmentation).
 *
 * DOM: linkedom 0.16. jsdom is correct but heavy (tens of ms to build a document, a large
 * dependency tree) and happy-dom targets browser emulation; linkedom builds a
 * standards-enough DOM in a few ms, which is what @mozilla/readability needs (it only
 * walks and rewrites the tree). The 0.16 line installs from the registry mirror, newer
 * ones pull a dependency it lacks.
 *
 * Output shape: the headline first, then the page's own byline, publication date and site
 * name (each on a line of its own, so the clean stage reads them as header lines and keeps
 * them in the boilerplate table), then one block (paragraph, heading, list item, caption)
 * per line, blocks separated by blank lines. The text is what offsets refer to; the runner
 * writes it to output/text/<source_id>.txt so they can be checked.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE",
  "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION",
  "SUMMARY", "TABLE", "TBODY", "TD", "TH", "THEAD", "TR", "UL",
]);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON", "SELECT", "TEXTAREA"]);

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

const SPACE_RE = /[ \t\r\n\f\u00a0]+/g;

/** Text of each block element, in document order; inline elements join into their block. */
function blocksOf(root: DomNode): string[] {
  const blocks: string[] = [];
  let current = "";
  const flush = () => {
    const t = current.replace(SPACE_RE, " ").trim();
    if (t !== "") blocks.push(t);
    current = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === "BR") {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

function isoDay(s: string | null | undefined): string | null {
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s.trim()) : null;
  return m ? m[1]! : null;
}

/** Plain text of the page's main content, headline first, blocks separated by blank lines. */
export function extractHtmlText(html: string): string {
  // linkedom builds no <body> for a bare fragment; give it a page to live in
  const page = /<html[\s>]|<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const h1 = document.querySelector("h1")?.textContent?.replace(SPACE_RE, " ").trim() ?? "";
  const article = new Readability(document as unknown as Document, { charThreshold: 0 }).parse();

  const head: string[] = [];
  const title = h1 || article?.title?.replace(SPACE_RE, " ").trim() || "";
  if (title) head.push(title);
  const byline = article?.byline?.replace(SPACE_RE, " ").trim();
  if (byline) head.push(/^by\s/i.test(byline) ? byline : `By ${byline}`);
  const published = isoDay(article?.publishedTime);
  if (published) head.push(`Published ${published}`);
  const site = article?.siteName?.replace(SPACE_RE, " ").trim();
  if (site) head.push(site);

  let body: string[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    body = blocksOf(content.body as unknown as DomNode);
  } else {
    body = blocksOf(document.body as unknown as DomNode);
  }
  // Readability may leave the headline and the byline in the content as well: keep one copy
  const seen = new Set([...head, byline ?? ""].map((h) => h.toLowerCase()));
  body = body.filter((b, i) => i > 3 || !seen.has(b.toLowerCase()));
  return [...head, ...body].join("\n\n") + "\n";
}
