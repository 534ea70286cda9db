/**
 * Microsoft Recognizers-Text English specs (testsuites/recognizers_text, MIT) run over the
 * figures stage's number grammar. A case passes when the extractions match the expected
 * results one for one, in span (case-insensitive text, start) and value; currency cases also
 * match the currency (ISO 4217 code where the spec gives one, else the currency name).
 * Expected results with no value (a bare "dollar") are left out: an amount-less currency
 * name is not a quantity here. Floors sit at the rates reached, so a regression fails.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractQuantities } from "../../pipeline/figures/extract-quantities.js";
import { extractNumbers } from "../../pipeline/figures/parse-number.js";

type Result = { text: string; start: number; end: number; resolution: { value?: string | null; unit?: string; isoCurrency?: string } };
type Case = { input: string; results: Result[] };
type Got = { start: number; text: string; value: number | null; currency?: { name: string; iso: string | null } | null };

function load(name: string): Case[] {
  const path = new URL(`../../testsuites/recognizers_text/${name}.jsonl`, import.meta.url);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Case);
}

function sameValue(got: number | null, expected: string): boolean {
  const v = Number(expected.replace("%", ""));
  return got !== null && Math.abs(got - v) <= 1e-9 * Math.max(1, Math.abs(v));
}

function passRate(cases: Case[], extract: (input: string) => Got[], currency: boolean): number {
  let pass = 0;
  for (const c of cases) {
    const expected = c.results.filter((r) => r.resolution.value !== null && r.resolution.value !== undefined);
    const got = extract(c.input);
    const ok =
      got.length === expected.length &&
      expected.every((r, k) => {
        const g = got[k]!;
        const sameCurrency =
          !currency || (r.resolution.isoCurrency ? g.currency?.iso === r.resolution.isoCurrency : g.currency?.name === r.resolution.unit);
        return g.start === r.start && g.text.toLowerCase() === r.text.toLowerCase() && sameValue(g.value, r.resolution.value!) && sameCurrency;
      });
    if (ok) pass++;
  }
  return pass / cases.length;
}

/** Quantities of one kind, spanned as the amount with its sign or unit (no qualifier: the specs leave "about" out). */
function quantitiesOf(kind: "money" | "percent") {
  return (input: string): Got[] =>
    extractQuantities(input)
      .filter((q) => q.kind === kind)
      .map((q) => ({ start: q.measure.start, text: input.slice(q.measure.start, q.measure.end), value: q.value ?? q.low ?? q.high, currency: q.currency }));
}

describe("Recognizers-Text English number specs", () => {
  it("number_model", () => {
    const rate = passRate(load("number_model"), extractNumbers, false);
    console.log(`number_model: ${(rate * 100).toFixed(1)}% of cases pass`);
    expect(rate).toBeGreaterThanOrEqual(0.97);
  });

  it("percent_model", () => {
    const rate = passRate(load("percent_model"), quantitiesOf("percent"), false);
    console.log(`percent_model: ${(rate * 100).toFixed(1)}% of cases pass`);
    expect(rate).toBeGreaterThanOrEqual(1);
  });

  it("currency_model", () => {
    const rate = passRate(load("currency_model"), quantitiesOf("money"), true);
    console.log(`currency_model: ${(rate * 100).toFixed(1)}% of cases pass`);
    expect(rate).toBeGreaterThanOrEqual(0.97);
  });
});
