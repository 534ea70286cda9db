/**
 * make eval: score output/ against gold/ and print precision, recall and F1 per
 * table plus attribute accuracies. `--json` prints the report as JSON instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { readGold } from "./gold.js";
import { score, type Predicted, type Row } from "./score.js";
import type { Accuracy, Prf } from "./spans.js";

const { values } = parseArgs({
  options: {
    gold: { type: "string", default: "gold" },
    output: { type: "string", default: "output" },
    input: { type: "string", default: "seeds" },
    json: { type: "boolean", default: false },
  },
});

const readTable = (name: string): Row[] =>
  parse(readFileSync(join(values.output!, "csv", `${name}.csv`), "utf8").replace(/^\uFEFF/, ""), { columns: true }) as Row[];

const pred = Object.fromEntries(
  (["sources", "boilerplate", "figures", "dates", "mentions", "events"] as const).map((t) => [t, readTable(t)]),
) as Predicted;
const gold = readGold(values.gold!);
const texts = new Map<string, string>();
for (const g of gold) {
  const src = pred.sources.find((r) => r.source_id === g.source_id);
  if (!src) throw new Error(`output has no source ${g.source_id}: run make dataset first`);
  texts.set(g.source_id, readFileSync(join(values.input!, src.path!), "utf8").replace(/^\uFEFF/, ""));
}
const report = score(gold, texts, pred);

if (values.json) {
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
} else {
  const f = (x: number) => x.toFixed(3);
  const p = (name: string, r: Prf) =>
    `${name.padEnd(12)} P ${f(r.precision)}  R ${f(r.recall)}  F1 ${f(r.f1)}   (gold ${r.gold}, predicted ${r.pred}, matched ${r.matched})`;
  const a = (name: string, r: Accuracy) => `    ${name.padEnd(16)} ${f(r.rate)}  (${r.correct}/${r.total})`;
  const lines = [
    `Evaluation of ${values.output} against ${values.gold} (${gold.length} documents; spans match by overlap, one to one)`,
    "",
    "sources",
    a("title", report.sources.title),
    a("outlet", report.sources.outlet),
    a("published_date", report.sources.published_date),
    p("boilerplate", report.boilerplate),
    p("figures", report.figures),
    a("numbers exact", report.figures.numbers),
    a("qualifier", report.figures.qualifier),
    a("unit", report.figures.unit),
    a("category", report.figures.category),
    a("counted", report.figures.counted),
    p("dates", report.dates),
    a("value", report.dates.value),
    a("start/end", report.dates.start_end),
    a("precision", report.dates.date_precision),
    p("mentions", report.mentions),
    a("entity type", report.mentions.type),
    `    ${"alias B-cubed".padEnd(16)} P ${f(report.mentions.bcubed.precision)}  R ${f(report.mentions.bcubed.recall)}  F1 ${f(report.mentions.bcubed.f1)}`,
    p("events", report.events),
    a("event_type", report.events.event_type),
    a("sub_event_type", report.events.sub_event_type),
    a("certainty", report.events.certainty),
    a("event_date", report.events.event_date),
    a("actor1", report.events.actor1),
    a("location", report.events.location),
  ];
  if (report.unlocated.length) lines.push("", `gold quotes not found in the text (${report.unlocated.length}):`, ...report.unlocated.map((u) => `  ${u}`));
  process.stdout.write(lines.join("\n") + "\n");
}
