/**
 * The Microsoft Recognizers-Text English date specs (testsuites/recognizers_text, MIT),
 * run through segment + dates exactly as an article would be, with each entry's
 * reference_datetime as the publication date.
 *
 * Conventions that differ from upstream, applied to both sides:
 * - spans: ours leave out a leading preposition (TIMEX3 style: "Friday", not "on Friday");
 *   upstream does the same except in "on Friday next week", which we count as a miss;
 * - values: an entry passes when the period we resolve contains the upstream Past or
 *   Future resolution (we resolve "a month ago" to the month, upstream to the day);
 *   where upstream gives 0001-01-01 (an impossible date, "Feb 30") we must give "".
 * The clean stage is bypassed (a one-line chatbot utterance is not an article): the
 * input is one body line.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import { dates } from "../../pipeline/dates/index.js";
import type { Doc, TimeExpression } from "../../pipeline/doc.js";
import { segment } from "../../pipeline/segment/index.js";

type Resolution = { Timex: string; FutureResolution: { date: string }; PastResolution: { date: string } };
type Entry = {
  id: string;
  input: string;
  reference_datetime: string | null;
  results: { text: string; start: number; end: number; resolution?: Resolution }[];
};

function load(name: string): Entry[] {
  const path = new URL(`../../testsuites/recognizers_text/${name}`, import.meta.url);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Entry);
}

function run(e: Entry): TimeExpression[] {
  const ref = e.reference_datetime?.slice(0, 10) ?? null;
  const base = createDoc({ sourceId: e.id, path: `${e.id}.txt`, text: e.input });
  const doc: Doc = {
    ...base,
    meta: { ...base.meta, publishedDate: ref, publishedDatePrecision: ref === null ? null : "day", publishedDateBasis: ref === null ? "none" : "manifest" },
    lines: [{ start: 0, end: base.index.length, line: 1, text: e.input, boilerplate: null, role: "body" }],
  };
  return dates.run(segment.run(doc, { options: {} }), { options: {} }).dates;
}

/** Upstream offsets are UTF-16 = code points here (the specs are ASCII). */
function spansMatch(e: Entry, got: TimeExpression[]): boolean {
  const want = e.results.map((r) => `${r.start}-${r.end}`).join(",");
  return got.map((d) => `${d.start}-${d.end}`).join(",") === want;
}

function valuesMatch(e: Entry, got: TimeExpression[]): boolean {
  if (got.length !== e.results.length) return false;
  return e.results.every((r) => {
    const d = got.find((x) => x.start === r.start && x.end === r.end);
    if (d === undefined || r.resolution === undefined) return false;
    const future = r.resolution.FutureResolution.date;
    const past = r.resolution.PastResolution.date;
    if (future === "0001-01-01") return d.value === "";
    const contains = (x: string) => d.startDate !== null && d.endDate !== null && d.startDate <= x && x <= d.endDate;
    return contains(past) || contains(future);
  });
}

describe("Recognizers-Text English dates", () => {
  it("date_extractor: spans", () => {
    const entries = load("date_extractor.jsonl");
    const failed = entries.filter((e) => !spansMatch(e, run(e)));
    const rate = 1 - failed.length / entries.length;
    console.log(`recognizers date_extractor: ${entries.length - failed.length}/${entries.length} = ${(rate * 100).toFixed(1)}%`);
    console.log(`  failed: ${failed.map((e) => JSON.stringify(e.input)).join(", ")}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it("date_parser: spans and values against reference_datetime", () => {
    const entries = load("date_parser.jsonl");
    const failed = entries.filter((e) => !valuesMatch(e, run(e)));
    const rate = 1 - failed.length / entries.length;
    console.log(`recognizers date_parser: ${entries.length - failed.length}/${entries.length} = ${(rate * 100).toFixed(1)}%`);
    console.log(`  failed: ${failed.map((e) => JSON.stringify(e.input)).join(", ")}`);
    expect(rate).toBeGreaterThanOrEqual(0.89);
  });

  it("never resolves without a reference date", () => {
    const entries = load("date_parser.jsonl").filter((e) => e.results.some((r) => r.resolution?.Timex.startsWith("XXXX")));
    for (const e of entries) {
      for (const d of run({ ...e, reference_datetime: null })) {
        expect(d.value, `${e.id} ${d.text}`).toBe("");
      }
    }
  });
});
