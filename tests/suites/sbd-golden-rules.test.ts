/**
 * pragmatic_segmenter's English "Golden Rules" (52) and the rest of its English spec (129),
 * run through our sentence splitter. Expected sentences assume pragmatic_segmenter's default
 * whitespace cleaning, so both sides are compared with whitespace collapsed; cases upstream
 * runs with doc_type "pdf" are split with newlines read as errant line breaks.
 *
 * Failing rules are printed, never skipped. The floors below are the counts the splitter
 * reaches today: a regression fails the suite.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../pipeline/segment/index.js";

const GOLDEN_FLOOR = 51;
const EXTRA_FLOOR = 101;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const candidates = [join(repoRoot, "testsuites/sbd_golden_rules"), resolve(repoRoot, "../shared/testsuites/sbd_golden_rules")];
const suiteDir = candidates.find((d) => existsSync(join(d, "golden_rules_en.jsonl")));

type Case = { id: string; name: string; text: string; expected: string[]; doc_type?: string };

function load(file: string): Case[] {
  if (!suiteDir) throw new Error(`sbd_golden_rules suite not found; looked in: ${candidates.join(", ")}`);
  return readFileSync(join(suiteDir, file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Case);
}

const squash = (s: string) => s.replace(/\s+/gu, " ").trim();

function score(cases: Case[]): { pass: number; failures: string[] } {
  const failures: string[] = [];
  let pass = 0;
  for (const c of cases) {
    const got = splitSentences(c.text, { newlines: c.doc_type === "pdf" ? "space" : "break" }).map((s) => squash(c.text.slice(s.start, s.end)));
    const want = c.expected.map(squash).filter((s) => s !== "");
    if (JSON.stringify(got) === JSON.stringify(want)) pass++;
    else failures.push(`${c.id} ${c.name}\n    got:  ${JSON.stringify(got).slice(0, 300)}\n    want: ${JSON.stringify(want).slice(0, 300)}`);
  }
  return { pass, failures };
}

describe("sentence boundary suites (pragmatic_segmenter, English)", () => {
  it("finds the suite files", () => {
    expect(suiteDir, `looked in ${candidates.join(", ")}`).toBeDefined();
  });

  it(`Golden Rules: at least ${GOLDEN_FLOOR} of 52 pass`, () => {
    const cases = load("golden_rules_en.jsonl");
    expect(cases).toHaveLength(52);
    const { pass, failures } = score(cases);
    console.log(`Golden Rules: ${pass}/${cases.length} pass`);
    for (const f of failures) console.log(`  FAIL ${f}`);
    expect(pass).toBeGreaterThanOrEqual(GOLDEN_FLOOR);
  });

  it(`English spec extras: at least ${EXTRA_FLOOR} of 129 pass`, () => {
    const cases = load("english_spec_extra.jsonl");
    expect(cases.length).toBeGreaterThanOrEqual(129);
    const { pass, failures } = score(cases);
    console.log(`English spec extras: ${pass}/${cases.length} pass`);
    for (const f of failures) console.log(`  FAIL ${f.split("\n")[0]}`);
    expect(pass).toBeGreaterThanOrEqual(EXTRA_FLOOR);
  });
});
