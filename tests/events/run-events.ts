/**
 * Runs attribution and events on a text whose mentions, dates and killed-figures are
 * given by hand, so the events tests exercise those two stages only.
 */
import { attribution } from "../../pipeline/attribution/index.js";
import type { Doc, EventMention, Figure, TimeExpression } from "../../pipeline/doc.js";
import { events } from "../../pipeline/events/index.js";
import { segmented, spanOf, withMentions, type MentionSpec } from "../attribution/helpers.js";

export type DateSpec = { text: string; value: string; precision?: TimeExpression["precision"]; occurrence?: number };

export function runEvents(text: string, mentions: MentionSpec[] = [], dateSpecs: DateSpec[] = [], killed: { text: string; value: number }[] = []): { doc: Doc; evs: EventMention[] } {
  let doc = withMentions(segmented(text), mentions);
  const sentenceOf = (start: number) => doc.sentences.find((s) => s.start <= start && start < s.end)!.id;
  const dates: TimeExpression[] = dateSpecs.map((d, i) => {
    const span = spanOf(doc, d.text, d.occurrence);
    return { ...span, id: `t-d${i + 1}`, sentenceId: sentenceOf(span.start), text: d.text, value: d.value, startDate: d.value, endDate: d.value, precision: d.precision ?? "day", anchor: "published_date" };
  });
  const figures: Figure[] = killed.map((f, i) => {
    const span = spanOf(doc, f.text);
    return { ...span, id: `t-f${i + 1}`, sentenceId: sentenceOf(span.start), text: f.text, value: f.value, low: null, high: null, qualifier: "exact", unit: "person", counted: null, category: "killed", actorKey: null, locationKey: null, dateId: null, attributedToKey: null };
  });
  doc = attribution.run({ ...doc, dates, figures }, { options: {} });
  const out = events.run(doc, { options: {} });
  return { doc: out, evs: out.events };
}
