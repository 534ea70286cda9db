import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { clean } from "../../pipeline/clean/index.js";
import type { Doc, ManifestEntry } from "../../pipeline/doc.js";

const run = (text: string, manifest: ManifestEntry | null = null): Doc =>
  clean.run(createDoc({ sourceId: "t", path: "t.txt", text, manifest }), { options: {} });

const reasonOf = (doc: Doc, start: string) => doc.lines.find((l) => l.text.trimStart().startsWith(start))?.boilerplate;
const roleOf = (doc: Doc, start: string) => doc.lines.find((l) => l.text.trimStart().startsWith(start))?.role;

const ARTICLE = [
  "Your browser is not supported. Please upgrade your browser.",
  "",
  "😀 Rebels seize border town after week of clashes",
  "",
  "Government troops withdrew from the town on Tuesday, local officials said.",
  "Soldiers patrol a street in the town on March 14, 2023. John Smith / AFP - Getty Images",
  "",
  "Rebel fighters captured the border town of Example on Tuesday after a week of heavy clashes, residents said.",
  "",
  "Related: Aid convoys stuck at the border as fighting spreads",
  "",
  "The army said it had withdrawn to defensive positions south of the town to protect civilians.",
  "",
  "Soldiers patrol a street in the town on March 14, 2023. John Smith / AFP - Getty Images",
  "",
  "Aid convoys stuck at the border as fighting spreads",
  "",
  "At least 12 people were killed in the fighting, according to a local hospital.",
  "",
  "Reuters contributed to this report.",
  "",
  "Share this article",
  "Leave a Reply",
  "",
  "Drought threatens harvest in the north",
  "Election date set for next spring",
].join("\n");

describe("clean: boilerplate lines", () => {
  const doc = run(ARTICLE);

  it("gives each kind of site furniture its reason", () => {
    expect(reasonOf(doc, "Your browser")).toBe("browser_notice");
    expect(reasonOf(doc, "Related:")).toBe("related_link");
    expect(reasonOf(doc, "Reuters contributed")).toBe("wire_credit");
    expect(reasonOf(doc, "Share this")).toBe("share_widget");
    expect(reasonOf(doc, "Leave a Reply")).toBe("comment_widget");
  });

  it("marks both copies of a credited caption", () => {
    const caps = doc.lines.filter((l) => l.text.startsWith("Soldiers patrol"));
    expect(caps).toHaveLength(2);
    expect(caps.map((l) => l.boilerplate)).toEqual(["caption", "caption"]);
  });

  it("marks a line repeated inside a teaser line, and headlines after the body", () => {
    expect(reasonOf(doc, "Aid convoys stuck")).toBe("related_link");
    expect(reasonOf(doc, "Drought threatens")).toBe("teaser");
    expect(reasonOf(doc, "Election date")).toBe("teaser");
  });

  it("keeps the headline and dek as article text and reports the headline", () => {
    expect(roleOf(doc, "😀 Rebels seize")).toBe("title");
    expect(reasonOf(doc, "😀 Rebels seize")).toBeNull();
    expect(roleOf(doc, "Government troops withdrew")).toBe("dek");
    expect(doc.meta.title).toBe("😀 Rebels seize border town after week of clashes");
    expect(roleOf(doc, "Rebel fighters captured")).toBe("body");
  });

  it("gives lines code-point offsets into the text", () => {
    const title = doc.lines.find((l) => l.role === "title")!;
    expect(doc.index.slice(title.start, title.end)).toBe(title.text);
    const after = doc.lines[title.line]!; // the line after the title (0-based index = 1-based line)
    expect(after.start).toBe(title.end + 1);
    expect([...doc.text].slice(after.start, after.end).join("")).toBe(after.text);
  });

  it("does not take a wire agency as the outlet, and finds no date without evidence", () => {
    expect(doc.meta.outlet).toBeNull();
    // the caption date is a Tuesday (2023-03-14) and the body says "on Tuesday"
    expect(doc.meta.publishedDate).toBe("2023-03-14");
    expect(doc.meta.publishedDateBasis).toBe("caption");
  });

  it("all-caps headlines of other articles inside the body are boilerplate", () => {
    const d = run(
      [
        "😀 The siege of the city entered its third week on Monday, officials said.",
        "",
        "SIEGE OF EXAMPLE – MAY 2, 2022: ARMY PUSHES INTO SUBURBS",
        "",
        "Residents said food was running out and that water had been cut for days.",
      ].join("\n"),
    );
    expect(reasonOf(d, "SIEGE OF")).toBe("other_headline");
    expect(d.meta.title).toBeNull();
  });
});

describe("clean: source metadata", () => {
  it("reads a blog header: date, author, masthead outlet; numeric date decided by the ISO date", () => {
    const d = run(
      [
        " date 2019-03-04 Posted on by newsdesk",
        "",
        "north herald",
        "",
        "04.03.2019",
        "",
        "😀 On Monday, the militia said it had shelled positions near the airport for the second day in a row.",
      ].join("\n"),
    );
    expect(reasonOf(d, "date 2019")).toBe("dateline_meta");
    expect(reasonOf(d, "04.03.2019")).toBe("dateline_meta");
    expect(reasonOf(d, "north herald")).toBe("masthead");
    expect(d.meta.outlet).toBe("North Herald");
    expect(d.meta.author).toBe("newsdesk");
    expect(d.meta.publishedDate).toBe("2019-03-04");
    expect(d.meta.publishedDateBasis).toBe("header");
    expect(d.meta.title).toBeNull();
  });

  it("leaves an ambiguous numeric date empty and says why", () => {
    const d = run(["04.03.2019", "", "😀 The militia said it had shelled positions near the airport for a second day."].join("\n"));
    expect(d.meta.publishedDate).toBeNull();
    expect(d.meta.publishedDateBasis).toBe("none");
    expect(d.messages.map((m) => m.rule)).toContain("date-ambiguous-day-month");
  });

  it("reads an unambiguous numeric date", () => {
    const d = run(["25.03.2019", "", "😀 The militia said it had shelled positions near the airport for a second day."].join("\n"));
    expect(d.meta.publishedDate).toBe("2019-03-25");
  });

  it("does not trust a caption date that no weekday in the body confirms", () => {
    const d = run(
      [
        "😀 Army regains control of river crossing",
        "",
        "Troops cross a bridge on March 14, 2023. Jane Roe / Reuters",
        "",
        "The army regained control of the river crossing after two days of fighting, a spokesman said on Friday.",
      ].join("\n"),
    );
    expect(reasonOf(d, "Troops cross")).toBe("caption");
    expect(d.meta.publishedDate).toBeNull();
  });

  it("finds the outlet where the site names itself, not in wire credits", () => {
    const d = run(
      [
        "😀 Ceasefire collapses in the east",
        "",
        "The ceasefire collapsed on Sunday after both sides accused each other of violations, monitors said.",
        "",
        "* Agence France-Presse",
        "",
        "The views expressed here do not necessarily reflect those of Frontline Daily.",
        "Help us grow. Support Frontline Daily on Patreon!",
      ].join("\n"),
    );
    expect(reasonOf(d, "* Agence")).toBe("wire_credit");
    expect(reasonOf(d, "The views")).toBe("disclaimer");
    expect(reasonOf(d, "Help us")).toBe("donation");
    expect(d.meta.outlet).toBe("Frontline Daily");
    expect(d.meta.title).toBe("😀 Ceasefire collapses in the east");
  });

  it("lets the manifest win", () => {
    const d = run(" date 2019-03-04 Posted on by newsdesk\n\n😀 Fighting resumed near the airport on Monday, officials said.", {
      url: "https://example.org/a",
      outlet: "Example Wire",
      title: "Fighting resumes",
      author: "A. Writer",
      published_date: "2019-03-05",
    });
    expect(d.meta).toMatchObject({
      outlet: "Example Wire",
      title: "Fighting resumes",
      author: "A. Writer",
      url: "https://example.org/a",
      publishedDate: "2019-03-05",
      publishedDatePrecision: "day",
      publishedDateBasis: "manifest",
    });
  });

  it("leaves body sentences that only mention widget words", () => {
    const d = run(
      [
        "😀 Fighting spreads to the south",
        "",
        "The claim is not supported by evidence, a monitor said on Monday after the shelling stopped.",
        "",
        "The group said in its newsletter that 20 fighters had died in the clashes near the dam.",
        "",
        "More from the UN is expected later this week, diplomats said.",
        "",
        "The strikes do not necessarily mean a new offensive, analysts said.",
      ].join("\n"),
    );
    for (const l of d.lines) if (l.role !== "blank") expect(l.boilerplate, l.text).toBeNull();
  });

  it("reads a header line with a time and a weekday", () => {
    const d = run(["😀 Fighting spreads to the south", "Updated 5:30 PM ET, Sat July 8, 2017", "", "Fighting spread to the south of the country on Saturday, officials said."].join("\n"));
    const l = d.lines.find((x) => x.text.startsWith("Updated"))!;
    expect(l.boilerplate).toBe("dateline_meta");
    expect(d.meta.publishedDate).toBe("2017-07-08");
  });

  it("takes a question as the headline, and no comment time stamp as the date", () => {
    const d = run(
      [
        "😀 Is the siege of the city finally over?",
        "",
        "Residents said the shelling stopped on Monday for the first time in weeks, but few dared to leave.",
        "",
        "Aid agencies said they were ready to move in once the roads were cleared of mines.",
        "",
        "March 3, 2018",
        "Great article, thanks.",
      ].join("\n"),
    );
    expect(d.meta.title).toBe("😀 Is the siege of the city finally over?");
    expect(d.meta.publishedDate).toBeNull();
  });

  it("recognises wire-service furniture of other outlets", () => {
    const d = run(
      [
        "😀 Army pushes into western districts",
        "",
        "Iraqi forces advance through a damaged street [Reuters]",
        "",
        "The army pushed into the western districts of the city on Monday, a commander said.",
        "",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Source: Example TV and news agencies",
        "Tags: Iraq, Mosul",
      ].join("\n"),
    );
    expect(reasonOf(d, "Iraqi forces advance")).toBe("caption");
    expect(reasonOf(d, "(Reporting by")).toBe("wire_credit");
    expect(reasonOf(d, "Source:")).toBe("wire_credit");
    expect(reasonOf(d, "Tags:")).toBe("navigation");
    expect(reasonOf(d, "The army pushed")).toBeNull();
  });

  it("reads a broadcaster-style page: navigation, labelled captions, masthead with a place, related tail", () => {
    const d = run(
      [
        "Skip to main content",
        "Menu",
        "😀 War: missile strikes hit power plant",
        "By Jane Doe",
        "Example News, Kyiv",
        "Published 22 March 2024",
        "Share",
        "Image source, Example Agency",
        "Image caption, Firefighters work at the site of a strike",
        "Missiles and drones hit power plants across the country overnight, officials said.",
        "The attack left 700,000 people without power, the mayor said.",
        "Related topics",
        "More on this story",
        "The war in maps",
      ].join("\n"),
    );
    expect(d.lines.filter((l) => l.boilerplate === null).map((l) => l.role)).toEqual(["title", "body", "body"]);
    expect(reasonOf(d, "Image caption")).toBe("caption");
    expect(reasonOf(d, "The war in maps")).toBe("teaser");
    expect(d.meta).toMatchObject({ outlet: "Example News", author: "Jane Doe", publishedDate: "2024-03-22", publishedDateBasis: "header" });
  });

  it("reads a header date below the dek", () => {
    const d = run(
      [
        "😀 Strikes kill dozens in the south",
        "",
        "Health officials say at least 40 people were killed in overnight strikes.",
        "",
        "Published On 12 Feb 2024",
        "",
        "Air strikes killed at least 40 people in the city overnight, health officials said on Monday.",
      ].join("\n"),
    );
    expect(roleOf(d, "Health officials")).toBe("dek");
    expect(d.meta.publishedDate).toBe("2024-02-12");
  });

  it("marks a stray template fragment", () => {
    const d = run("in ,\n\n😀 Shelling hit the market on Sunday, killing at least five people, medics said.");
    expect(reasonOf(d, "in ,")).toBe("fragment");
  });

  it("never mutates its input", () => {
    const doc = createDoc({ sourceId: "t", path: "t.txt", text: ARTICLE });
    const before = JSON.stringify({ ...doc, index: null });
    clean.run(doc, { options: {} });
    expect(JSON.stringify({ ...doc, index: null })).toBe(before);
  });
});
