import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { dates } from "../../pipeline/dates/index.js";
import type { Doc, SourceMeta, TimeExpression } from "../../pipeline/doc.js";
import { segment } from "../../pipeline/segment/index.js";
import { bodyLines } from "../helpers/body-lines.js";

/** Every paragraph is a body line (clean is not under test); "#" lines are boilerplate. */
function run(text: string, published: string | null, precision: SourceMeta["publishedDatePrecision"] = "day"): TimeExpression[] {
  const base = createDoc({ sourceId: "t", path: "t.txt", text });
  const lines = bodyLines(base, text);
  const doc: Doc = {
    ...base,
    lines,
    meta: { ...base.meta, publishedDate: published, publishedDatePrecision: published === null ? null : precision, publishedDateBasis: published === null ? "none" : "manifest" },
  };
  return dates.run(segment.run(doc, { options: {} }), { options: {} }).dates;
}

const pick = (ds: TimeExpression[]) => ds.map((d) => [d.text, d.value, d.startDate, d.endDate, d.precision, d.anchor]);
const cp = (s: string) => [...s].length;

describe("dates: detection and spans", () => {
  it("keeps modifiers, drops the leading preposition, counts code points", () => {
    const text = "😀 Late on Thursday and early on Friday, troops advanced; on Sunday they stopped.";
    const ds = run(text, "2017-07-08");
    expect(ds.map((d) => d.text)).toEqual(["Late on Thursday", "early on Friday", "Sunday"]);
    const first = ds[0]!;
    expect(first.start).toBe(2); // the emoji is one code point
    expect([...text].slice(first.start, first.end).join("")).toBe("Late on Thursday");
    expect(ds.map((d) => d.id)).toEqual(["t-d1", "t-d2", "t-d3"]);
    expect(first.sentenceId).toBe("t-s1");
  });

  it("does not read durations or ordinal-free numbers as dates", () => {
    const ds = run("😀 The eight-month battle went on for four years, and for the past eight months 2000 fighters held 1,500 meters.", "2017-07-08");
    expect(ds).toEqual([]);
  });

  it("never extracts from boilerplate lines", () => {
    const ds = run("# Posted June 29, 2017\n😀 Fighting resumed on Sunday.", "2017-07-03");
    expect(ds.map((d) => d.text)).toEqual(["Sunday"]);
  });

  it("finds vague futures as expressions with an empty value", () => {
    const ds = run("😀 Victory could come in days rather than weeks, or in the next few days, or in the near future.", "2017-06-29");
    expect(pick(ds)).toEqual([
      ["days rather than weeks", "", null, null, null, "none"],
      ["the next few days", "", null, null, null, "none"],
      ["the near future", "", null, null, null, "none"],
    ]);
  });
});

describe("dates: resolution against the publication date", () => {
  it("resolves weekdays to the most recent one, the publication day included", () => {
    // 2017-06-29 is a Thursday
    const ds = run("😀 Iraq declared victory on Thursday after seizing the mosque on Wednesday.", "2017-06-29");
    expect(pick(ds)).toEqual([
      ["Thursday", "2017-06-29", "2017-06-29", "2017-06-29", "day", "published_date"],
      ["Wednesday", "2017-06-28", "2017-06-28", "2017-06-28", "day", "published_date"],
    ]);
  });

  it("looks forward in the future tense", () => {
    // 2017-06-28 is a Wednesday
    const past = run("😀 The ministers met on Friday.", "2017-06-28");
    const future = run("😀 The ministers will meet on Friday.", "2017-06-28");
    expect(past[0]!.value).toBe("2017-06-23");
    expect(future[0]!.value).toBe("2017-06-30");
  });

  it("resolves weeks to ISO weeks", () => {
    expect(pick(run("😀 ISIL blew up the mosque last week.", "2017-06-30"))).toEqual([
      ["last week", "2017-W25", "2017-06-19", "2017-06-25", "week", "published_date"],
    ]);
    expect(pick(run("😀 Earlier this week, the military said so.", "2017-07-08"))).toEqual([
      ["Earlier this week", "2017-W27", "2017-07-03", "2017-07-09", "week", "published_date"],
    ]);
  });

  it("resolves months, years ago and decades", () => {
    const ds = run("😀 Forces launched the battle in October, almost three years ago ISIS rose, as in the 1990s, and back in 2014.", "2017-06-29");
    expect(pick(ds)).toEqual([
      ["October", "2016-10", "2016-10-01", "2016-10-31", "month", "published_date"],
      ["almost three years ago", "2014", "2014-01-01", "2014-12-31", "year", "published_date"],
      ["the 1990s", "199", "1990-01-01", "1999-12-31", "decade", "absolute"],
      ["2014", "2014", "2014-01-01", "2014-12-31", "year", "absolute"],
    ]);
  });

  it("gives a bare month day the anchor's year, looking back", () => {
    expect(run("😀 The SDF broke into Raqqa on June 6.", "2017-06-30")[0]!.value).toBe("2017-06-06");
    expect(run("😀 The SDF broke into Raqqa on July 6.", "2017-06-30")[0]!.value).toBe("2016-07-06");
  });

  it("lets the anchor's precision bound the result", () => {
    const ds = run("😀 Troops entered on Sunday, as fighting that began last month went on.", "2017-06-01", "month");
    expect(pick(ds)).toEqual([
      ["Sunday", "", null, null, null, "none"],
      ["last month", "2017-05", "2017-05-01", "2017-05-31", "month", "published_date"],
    ]);
  });
});

describe("dates: no anchor, or a narrated one", () => {
  it("keeps relative values empty without any anchor, never today's date", () => {
    const ds = run("😀 News yesterday spoke of advances; today more reports came, as in October and in 2014.", null);
    expect(pick(ds)).toEqual([
      ["yesterday", "", null, null, null, "none"],
      ["today", "", null, null, null, "none"],
      ["October", "", null, null, null, "none"],
      ["2014", "2014", "2014-01-01", "2014-12-31", "year", "absolute"],
    ]);
  });

  it("narrates from an absolute date earlier in the same paragraph, not across paragraphs", () => {
    // 2015-06-05 is a Friday: the nearest Sunday is the 7th
    const text = "😀 On June 5, 2015, militants attacked. The next day they withdrew, and on Sunday they returned.\n\n😀 The next day nothing happened.";
    const ds = run(text, null);
    expect(pick(ds)).toEqual([
      ["June 5, 2015", "2015-06-05", "2015-06-05", "2015-06-05", "day", "absolute"],
      ["The next day", "2015-06-06", "2015-06-06", "2015-06-06", "day", "previous_date"],
      ["Sunday", "2015-06-07", "2015-06-07", "2015-06-07", "day", "previous_date"],
      ["The next day", "", null, null, null, "none"],
    ]);
    expect(ds[3]!.start).toBe(cp(text.slice(0, text.lastIndexOf("The next day"))));
  });
});

describe("dates: news forms beyond the seeds", () => {
  it("resolves seasons, weekends and parts of the current period", () => {
    // 2017-07-05 is a Wednesday
    const ds = run("😀 Over the weekend and last summer, and by the end of the year, in the winter of 2016, earlier in the week.", "2017-07-05");
    expect(pick(ds)).toEqual([
      ["the weekend", "2017-W26-WE", "2017-07-01", "2017-07-02", "week", "published_date"],
      ["last summer", "2016-SU", "2016-06-01", "2016-08-31", "month", "published_date"],
      ["the end of the year", "2017", "2017-01-01", "2017-12-31", "year", "published_date"],
      ["the winter of 2016", "2016-WI", "2016-12-01", "2017-02-28", "month", "absolute"],
      ["earlier in the week", "2017-W27", "2017-07-03", "2017-07-09", "week", "published_date"],
    ]);
  });

  it("reads years after a possessive and in ranges, but not counts", () => {
    const ds = run("😀 Iraq's 2003 invasion, the 2014-2015 campaign, and 2000 fighters in the 9/11 attacks.", "2017-07-05");
    expect(ds.map((d) => d.text)).toEqual(["2003", "2014", "2015"]);
  });

  it("reads written dates in their common layouts", () => {
    const ds = run("😀 On 29 June 2017, Dec. 31 , 1994, 2017-07-08, 08.07.2017, Sept. 11, 2001 and Monday, January 12th, 2016.", "2017-07-10");
    expect(ds.map((d) => [d.text, d.value])).toEqual([
      ["29 June 2017", "2017-06-29"],
      ["Dec. 31 , 1994", "1994-12-31"],
      ["2017-07-08", "2017-07-08"],
      ["08.07.2017", "2017-07-08"],
      ["Sept. 11, 2001", "2001-09-11"],
      ["Monday, January 12th, 2016", "2016-01-12"],
    ]);
  });
});

describe("dates: the publication date as written by a manifest", () => {
  it("accepts a timestamp, and bounds precision by what the string gives", () => {
    expect(run("😀 Troops attacked on Sunday.", "2017-07-10T08:00:00Z")[0]!.value).toBe("2017-07-09");
    expect(pick(run("😀 Troops attacked on Sunday and last month.", "2017-07"))).toEqual([
      ["Sunday", "", null, null, null, "none"],
      ["last month", "2017-06", "2017-06-01", "2017-06-30", "month", "published_date"],
    ]);
  });
});

describe("dates: impossible calendar days", () => {
  it("keeps the expression, leaves the value empty and says why", () => {
    const base = createDoc({ sourceId: "t", path: "t.txt", text: "😀 The deal was signed on February 30, 2017." });
    const text = base.text;
    const doc: Doc = {
      ...base,
      lines: [{ start: 0, end: base.index.length, line: 1, text, boilerplate: null, role: "body" }],
      meta: { ...base.meta, publishedDate: "2017-07-01", publishedDatePrecision: "day", publishedDateBasis: "manifest" },
    };
    const out = dates.run(segment.run(doc, { options: {} }), { options: {} });
    expect(pick(out.dates)).toEqual([["February 30, 2017", "", null, null, null, "absolute"]]);
    expect(out.messages.map((m) => [m.rule, m.span])).toEqual([["date-invalid", out.dates[0] && { start: out.dates[0].start, end: out.dates[0].end }]]);
    expect(doc.messages).toEqual([]); // the input is not mutated
  });
});
