/**
 * Scraped pages in the manner of other outlets (Reuters, AP, AFP/Xinhua, Al Jazeera, BBC
 * live pages) about other wars: every line's expected boilerplate reason or role, and the
 * source metadata a careful coder would read off the page. An emoji opens each page so a
 * UTF-16 offset slip shows in the spans.
 */
import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { clean } from "../../pipeline/clean/index.js";
import type { Doc } from "../../pipeline/doc.js";

const run = (text: string): Doc => clean.run(createDoc({ sourceId: "t", path: "t.txt", text }), { options: {} });

/** Each non-blank line as "reason-or-role | text". */
const labels = (doc: Doc) => doc.lines.filter((l) => l.role !== "blank").map((l) => `${l.boilerplate ?? l.role} | ${l.text.trim()}`);
const cp = (doc: Doc, s: { start: number; end: number }) => [...doc.text].slice(s.start, s.end).join("");

describe("clean: a Reuters page on Ukraine", () => {
  const page = [
    "😀 Skip to main content",
    "World",
    "Ukraine says Russian drone attack on Odesa kills four",
    "By Olena Harmash and Tom Balmforth",
    "March 12, 2024 10:41 AM GMT",
    "Updated 3 hours ago",
    "KYIV, March 12 (Reuters) - Russian drones struck the southern port city of Odesa overnight, killing four people, regional governor Oleh Kiper said on Tuesday.",
    "(Photo by Oleksandr Gimanov/AFP via Getty Images)",
    "FILE PHOTO: Firefighters work at the site of a drone strike in Odesa, Ukraine, March 2, 2024. REUTERS/Nina Liashonok/File Photo",
    "AFP via Getty Images",
    "Ukraine's air force said it shot down 14 of 17 drones launched by Russia.",
    "Reporting by Olena Harmash; Editing by Mark Heinrich",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Share on Facebook Share on Twitter",
    "Sign up for our daily briefing",
    "Advertisement - Scroll to continue",
    "5 min read",
  ].join("\n");
  const doc = run(page);

  it("labels every line", () => {
    expect(labels(doc)).toEqual([
      "navigation | 😀 Skip to main content",
      "navigation | World",
      "title | Ukraine says Russian drone attack on Odesa kills four",
      "byline | By Olena Harmash and Tom Balmforth",
      "dateline_meta | March 12, 2024 10:41 AM GMT",
      "dateline_meta | Updated 3 hours ago",
      "body | KYIV, March 12 (Reuters) - Russian drones struck the southern port city of Odesa overnight, killing four people, regional governor Oleh Kiper said on Tuesday.",
      "photo_credit | (Photo by Oleksandr Gimanov/AFP via Getty Images)",
      "photo_credit | FILE PHOTO: Firefighters work at the site of a drone strike in Odesa, Ukraine, March 2, 2024. REUTERS/Nina Liashonok/File Photo",
      "photo_credit | AFP via Getty Images",
      "body | Ukraine's air force said it shot down 14 of 17 drones launched by Russia.",
      "wire_credit | Reporting by Olena Harmash; Editing by Mark Heinrich",
      "disclaimer | Our Standards: The Thomson Reuters Trust Principles.",
      "share_widget | Share on Facebook Share on Twitter",
      "newsletter | Sign up for our daily briefing",
      "advertisement | Advertisement - Scroll to continue",
      "navigation | 5 min read",
    ]);
  });

  it("reads the authors and the header date; a relative time stamp is not the outlet", () => {
    expect(doc.meta.author).toBe("Olena Harmash and Tom Balmforth");
    expect(doc.meta.publishedDate).toBe("2024-03-12");
    expect(doc.meta.publishedDateBasis).toBe("header");
    expect(doc.meta.outlet).toBeNull();
  });

  it("keeps line spans in code points", () => {
    const body = doc.lines.find((l) => l.text.startsWith("KYIV"))!;
    expect(cp(doc, body)).toBe(body.text);
  });
});

describe("clean: an Al Jazeera page on Sudan", () => {
  const page = [
    "😀 Sudan's RSF kills dozens in attack on village, activists say",
    "Published On 12 Mar 202412 Mar 2024",
    "KHARTOUM, Sudan — Paramilitary fighters killed at least 40 people in an attack on a village in Sudan's Gezira state, a local activist group said on Monday.",
    "The Rapid Support Forces (RSF) stormed the village of Wad al-Noura on Sunday, according to the Wad Madani Resistance Committee.",
    "Advertisement",
    "The RSF did not immediately respond to a request for comment.",
    "Source: Al Jazeera and news agencies",
  ].join("\n");
  const doc = run(page);

  it("reads a date printed twice without a space as a header date", () => {
    expect(labels(doc).slice(0, 3)).toEqual([
      "title | 😀 Sudan's RSF kills dozens in attack on village, activists say",
      "dateline_meta | Published On 12 Mar 202412 Mar 2024",
      "body | KHARTOUM, Sudan — Paramilitary fighters killed at least 40 people in an attack on a village in Sudan's Gezira state, a local activist group said on Monday.",
    ]);
    expect(doc.meta.publishedDate).toBe("2024-03-12");
  });

  it("takes the outlet from its 'and news agencies' signature", () => {
    expect(reason(doc, "Advertisement")).toBe("advertisement");
    expect(reason(doc, "Source: Al Jazeera")).toBe("wire_credit");
    expect(doc.meta.outlet).toBe("Al Jazeera");
  });
});

function reason(doc: Doc, start: string): string | null | undefined {
  return doc.lines.find((l) => l.text.trim().startsWith(start))?.boilerplate;
}

describe("clean: numeric header dates decided by the article", () => {
  const page = (header: string, lead: string) =>
    [
      "😀 Israeli strike kills 12 in Gaza refugee camp, health officials say",
      "By Nidal al-Mughrabi, Reuters",
      header,
      lead,
      "The Israeli military said it was looking into the report.",
      "We use cookies to improve your experience. By continuing you accept our cookie policy.",
      "Related stories",
      "Gaza ceasefire talks stall in Cairo",
      "© 2024 Reuters. All rights reserved.",
    ].join("\n");

  it("a dateline's month and day decide the order (day-first here)", () => {
    const doc = run(page("Published: 12/03/2024", "GAZA, March 12 (Reuters) - An Israeli air strike on a house in the Nuseirat refugee camp killed 12 people, Palestinian health officials said."));
    expect(doc.meta.publishedDate).toBe("2024-03-12");
    expect(doc.meta.author).toBe("Nidal al-Mughrabi");
    expect(reason(doc, "By Nidal")).toBe("byline");
    expect(reason(doc, "We use cookies")).toBe("cookie_notice");
    expect(reason(doc, "Related stories")).toBe("related_link");
    expect(reason(doc, "Gaza ceasefire")).toBe("teaser");
    expect(reason(doc, "©")).toBe("copyright");
  });

  it("the lead's weekday decides when it fits one reading only (11 March 2024 was a Monday)", () => {
    const doc = run(page("Published: 11/03/2024", "GAZA CITY (Reuters) - An Israeli air strike killed 12 people on Monday, Palestinian health officials said."));
    expect(doc.meta.publishedDate).toBe("2024-03-11");
  });

  it("no evidence, no date: 12/03/2024 and 3 December 2024 were both Tuesdays", () => {
    const doc = run(page("Published: 12/03/2024", "GAZA CITY (Reuters) - An Israeli air strike killed 12 people on Tuesday, Palestinian health officials said."));
    expect(doc.meta.publishedDate).toBeNull();
    expect(doc.messages.some((m) => m.rule === "date-ambiguous-day-month")).toBe(true);
  });
});

describe("clean: datelines alone on their line open the body", () => {
  const page = [
    "😀 Somali forces retake town from al-Shabaab",
    "MOGADISHU, Somalia (AP) —",
    "Somali forces recaptured a town in central Somalia from al-Shabaab militants on Thursday, an official said.",
    "The militants withdrew before dawn, residents said.",
  ].join("\n");
  const doc = run(page);

  it("the dateline line is body, not a dek, a headline or navigation", () => {
    expect(labels(doc)).toEqual([
      "title | 😀 Somali forces retake town from al-Shabaab",
      "body | MOGADISHU, Somalia (AP) —",
      "body | Somali forces recaptured a town in central Somalia from al-Shabaab militants on Thursday, an official said.",
      "body | The militants withdrew before dawn, residents said.",
    ]);
  });
});

describe("clean: a live page on Myanmar", () => {
  const page = [
    "😀 Live: Myanmar junta air strikes hit Sagaing villages",
    "Last updated: 13 March 2024 - 14:05 GMT",
    "2 hours ago",
    "10:42 GMT",
    "Image source, Getty Images",
    "Image caption, Residents flee after an air strike in Sagaing region",
    "Myanmar's military carried out air strikes on two villages in the Sagaing region on Wednesday, killing at least nine civilians, residents said.",
    "Listen to this article",
    "The junta did not respond to requests for comment. A spokesman for the National Unity Government said the dead included three children.",
    "Related Topics",
    "More on this story",
    "Get the latest news delivered to your inbox",
    "Newsletter",
    "Follow live updates",
    "Thanks for reading! Subscribe for free to receive new posts.",
    "This article was originally published by The New Humanitarian.",
  ].join("\n");
  const doc = run(page);

  it("labels time stamps, captions and the tail's furniture", () => {
    expect(labels(doc)).toEqual([
      "title | 😀 Live: Myanmar junta air strikes hit Sagaing villages",
      "dateline_meta | Last updated: 13 March 2024 - 14:05 GMT",
      "dateline_meta | 2 hours ago",
      "dateline_meta | 10:42 GMT",
      "photo_credit | Image source, Getty Images",
      "caption | Image caption, Residents flee after an air strike in Sagaing region",
      "body | Myanmar's military carried out air strikes on two villages in the Sagaing region on Wednesday, killing at least nine civilians, residents said.",
      "navigation | Listen to this article",
      "body | The junta did not respond to requests for comment. A spokesman for the National Unity Government said the dead included three children.",
      "related_link | Related Topics",
      "related_link | More on this story",
      "newsletter | Get the latest news delivered to your inbox",
      "newsletter | Newsletter",
      "read_next | Follow live updates",
      "newsletter | Thanks for reading! Subscribe for free to receive new posts.",
      "disclaimer | This article was originally published by The New Humanitarian.",
    ]);
    expect(doc.meta.publishedDate).toBe("2024-03-13");
  });
});

describe("clean: an AP story republished with Guardian and BBC furniture", () => {
  const page = [
    "😀 Ukraine strikes Russian oil refinery with drones",
    "By JANE DOE and JOHN ROE Associated Press",
    "First published on Tue 12 Mar 2024 14.05 GMT",
    "Last modified on Tue 12 Mar 2024 16.30 GMT",
    "We value your privacy",
    "Accept all",
    "Manage preferences",
    "Ukrainian drones struck an oil refinery in Russia's Ryazan region on Tuesday, setting it on fire, the regional governor said.",
    "Firefighters work at the site of the refinery in Ryazan, Russia, Tuesday, March 12, 2024. (AP Photo/Evgeniy Maloletka)",
    "Palestinians inspect the rubble of a house in Rafah [Mohammed Salem/Reuters]",
    "Facebook",
    "Twitter",
    "Copy link",
    "Russia's defence ministry said it had downed 58 drones overnight. The refinery is one of the largest in the country.",
    "Follow our live coverage here",
    "Listen · 5:32",
    "The governor said no one was killed.",
    "Additional reporting by Guy Faulconbridge in Moscow",
  ].join("\n");
  const doc = run(page);

  it("labels consent buttons, one-per-line share items, captions and player labels", () => {
    expect(labels(doc)).toEqual([
      "title | 😀 Ukraine strikes Russian oil refinery with drones",
      "byline | By JANE DOE and JOHN ROE Associated Press",
      "dateline_meta | First published on Tue 12 Mar 2024 14.05 GMT",
      "dateline_meta | Last modified on Tue 12 Mar 2024 16.30 GMT",
      "cookie_notice | We value your privacy",
      "cookie_notice | Accept all",
      "cookie_notice | Manage preferences",
      "body | Ukrainian drones struck an oil refinery in Russia's Ryazan region on Tuesday, setting it on fire, the regional governor said.",
      "caption | Firefighters work at the site of the refinery in Ryazan, Russia, Tuesday, March 12, 2024. (AP Photo/Evgeniy Maloletka)",
      "caption | Palestinians inspect the rubble of a house in Rafah [Mohammed Salem/Reuters]",
      "share_widget | Facebook",
      "share_widget | Twitter",
      "share_widget | Copy link",
      "body | Russia's defence ministry said it had downed 58 drones overnight. The refinery is one of the largest in the country.",
      "read_next | Follow our live coverage here",
      "navigation | Listen · 5:32",
      "body | The governor said no one was killed.",
      "wire_credit | Additional reporting by Guy Faulconbridge in Moscow",
    ]);
  });

  it("reads the byline without the agency, the date with a dotted time, and no outlet from a banner", () => {
    expect(doc.meta.author).toBe("JANE DOE and JOHN ROE");
    expect(doc.meta.publishedDate).toBe("2024-03-12");
    expect(doc.meta.outlet).toBeNull();
  });
});

describe("clean: date forms of page headers", () => {
  const dateOf = (header: string) =>
    run(["😀 Troops clash with militants near the border", header, "Troops clashed with militants near the border on Tuesday, the army said in a statement."].join("\n")).meta
      .publishedDate;

  it("reads ISO timestamps, year-first and month-name forms", () => {
    expect(dateOf("2024-03-12T10:41:00Z")).toBe("2024-03-12");
    expect(dateOf("Published 2024/03/12 10:41")).toBe("2024-03-12");
    expect(dateOf("Tuesday 12th March 2024")).toBe("2024-03-12");
    expect(dateOf("Mar. 12, 2024 at 10:41 a.m. ET")).toBe("2024-03-12");
  });

  it("reads a numeric date only when one reading is possible or the article decides", () => {
    expect(dateOf("Published: 25/03/2024")).toBe("2024-03-25");
    expect(dateOf("Updated 03-25-2024")).toBe("2024-03-25");
    // 5 March 2024 was a Tuesday, 3 May 2024 a Friday: the lead's "Tuesday" decides
    expect(dateOf("Published: 05/03/2024")).toBe("2024-03-05");
    expect(dateOf("Published: 03/05/2024")).toBe("2024-03-05");
  });
});

describe("clean: a related-stories list inside an AP story on Colombia", () => {
  const doc = run(
    [
      "😀 Colombia's ELN rebels free kidnapped soldiers",
      "BOGOTA, Colombia (AP) — Colombia's ELN rebel group freed six soldiers it had held for two weeks, the ombudsman's office said on Sunday.",
      "Related stories",
      "Colombia peace talks with ELN resume in Caracas",
      "",
      "Petro extends ceasefire with rebel groups",
      "The government and the ELN have been negotiating since late 2022.",
    ].join("\n"),
  );

  it("the headlines under the label are links, the prose after them is body", () => {
    expect(labels(doc)).toEqual([
      "title | 😀 Colombia's ELN rebels free kidnapped soldiers",
      "body | BOGOTA, Colombia (AP) — Colombia's ELN rebel group freed six soldiers it had held for two weeks, the ombudsman's office said on Sunday.",
      "related_link | Related stories",
      "related_link | Colombia peace talks with ELN resume in Caracas",
      "related_link | Petro extends ceasefire with rebel groups",
      "body | The government and the ELN have been negotiating since late 2022.",
    ]);
  });
});

describe("clean: a site name above the headline", () => {
  const page = (first: string) =>
    run(
      [
        first,
        "Ukraine war latest: Russia launches massive missile attack on energy grid",
        "by Martin Fornusek",
        "March 22, 2024 9:41 PM",
        "😀 Russia launched one of its largest attacks on Ukraine's energy infrastructure overnight, officials said on Friday.",
      ].join("\n"),
    );

  it("a short line of capitalised words over a longer headline is the masthead and names the outlet", () => {
    const doc = page("The Kyiv Independent");
    expect(labels(doc).slice(0, 2)).toEqual([
      "masthead | The Kyiv Independent",
      "title | Ukraine war latest: Russia launches massive missile attack on energy grid",
    ]);
    expect(doc.meta.outlet).toBe("The Kyiv Independent");
    expect(doc.meta.author).toBe("Martin Fornusek");
    expect(doc.meta.publishedDate).toBe("2024-03-22");
  });

  it("a short headline in sentence case stays the headline", () => {
    const doc = page("Ukraine war latest");
    expect(doc.meta.title).toBe("Ukraine war latest");
    expect(doc.meta.outlet).toBeNull();
  });
});
