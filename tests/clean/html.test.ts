import { describe, expect, it } from "vitest";
import { extractHtmlText } from "../../pipeline/clean/html.js";
import { clean } from "../../pipeline/clean/index.js";
import { createDoc } from "../../pipeline/create-doc.js";

const PAGE = `<!doctype html>
<html><head>
<title>Rebels seize border town | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-03-14T09:30:00Z">
<script>window.tracking = "should never appear";</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
  <h1>Rebels seize border town after week of clashes</h1>
  <p class="byline">By Jane Doe</p>
  <p>😀 Rebel fighters captured the border town on Tuesday after a week of heavy clashes, residents said.</p>
  <p>The army said it had withdrawn to defensive positions south of the town to protect <b>civilians</b>,
     and that reinforcements were on their way.</p>
  <figure><img src="a.jpg"><figcaption>Smoke rises over the town. John Smith / Reuters</figcaption></figure>
  <p>At least 12 people were killed in the fighting, according to a local hospital.</p>
</article>
<footer>© 2023 Example News. All rights reserved.</footer>
</body></html>`;

describe("extractHtmlText", () => {
  const text = extractHtmlText(PAGE);
  const blocks = text.trim().split("\n\n");

  it("puts the headline first and keeps paragraphs apart", () => {
    expect(blocks[0]).toBe("Rebels seize border town after week of clashes");
    expect(blocks).toContain("😀 Rebel fighters captured the border town on Tuesday after a week of heavy clashes, residents said.");
    // inline markup and source line breaks collapse into one line per paragraph
    expect(blocks).toContain(
      "The army said it had withdrawn to defensive positions south of the town to protect civilians, and that reinforcements were on their way.",
    );
  });

  it("drops scripts, styles and navigation", () => {
    expect(text).not.toContain("tracking");
    expect(text).not.toContain("color: red");
    expect(text).not.toMatch(/Home\s+World/);
  });

  it("keeps the page's byline and date as header lines, once", () => {
    expect(blocks.filter((b) => b === "By Jane Doe")).toHaveLength(1);
    expect(blocks).toContain("Published 2023-03-14");
  });

  it("feeds the same line cleaning as text files", () => {
    const doc = clean.run(createDoc({ sourceId: "p", path: "p.html", text }), { options: {} });
    const reason = (start: string) => doc.lines.find((l) => l.text.startsWith(start))?.boilerplate;
    expect(doc.meta.title).toBe("Rebels seize border town after week of clashes");
    expect(doc.meta.author).toBe("Jane Doe");
    expect(doc.meta.publishedDate).toBe("2023-03-14");
    expect(doc.meta.publishedDateBasis).toBe("header");
    expect(doc.meta.outlet).toBe("Example News");
    expect(reason("Smoke rises")).toBe("caption");
    expect(reason("😀 Rebel fighters")).toBeNull();
    const body = doc.lines.find((l) => l.text.startsWith("😀 Rebel"))!;
    expect(doc.index.slice(body.start, body.end)).toBe(body.text);
  });

  it("copes with a bare fragment", () => {
    const t = extractHtmlText("<p>😀 Shelling hit the market on Sunday, killing at least five people, medics said.</p>");
    expect(t).toContain("Shelling hit the market on Sunday");
  });
});
