/**
 * attribution: who says what each sentence asserts. For every reporting cue ("said",
 * "according to", "told", ...) it records the reported span, the speaker as written, the
 * speaker's entity key and whether the speaker is a party to the fighting. Figures and
 * events read it through `attributionForSpan` (pipeline/link.ts).
 */
import type { Attribution, Doc, Sentence, Stage, Token } from "../doc.js";
import { tokensBySentence } from "../doc.js";
import { CUES_BY_FIRST_WORD, type CueEntry } from "./lexicons.js";
import { buildLookup, resolveSource, type Lookup } from "./source.js";
import { followsContent, isQuote, speakerAfter, speakerBefore, type Range } from "./speaker.js";

type CueHit = { entry: CueEntry; from: number; to: number }; // token range of the cue

/** A weak cue ("declared", "confirmed") reports speech only before "that", a quote or a colon. */
const PASSIVE_AUX = new Set(["be", "been", "being", "is", "are", "was", "were"]);
const WEAK_INTRODUCERS = new Set(["that", ":", "“", '"', "‘"]);

function findCues(toks: readonly Token[]): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const candidates = CUES_BY_FIRST_WORD.get(toks[i]!.lower);
    if (!candidates) continue;
    const found = candidates.find((c) => c.words.every((w, k) => toks[i + k]?.lower === w));
    if (!found) continue;
    hits.push({ entry: found.entry, from: i, to: i + found.words.length });
    i += found.words.length - 1;
  }
  return hits;
}

type Draft = { cue: CueHit; speaker: Range; trailing: boolean; spanFrom: number | "sentence"; spanTo: number | "sentence" | "next" };

/** Work out the speaker and the reported part for one cue; null when the cue does not report speech. */
function draft(toks: readonly Token[], cue: CueHit): Draft | null {
  const { entry } = cue;
  if (entry.kind === "prep") {
    const speaker = speakerAfter(toks, cue.to);
    if (!speaker) return null;
    const atStart = toks.slice(0, cue.from).every((t) => t.pos === "PUNCT");
    return { cue, speaker, trailing: !atStart, spanFrom: "sentence", spanTo: atStart ? "sentence" : speaker.to };
  }
  // "reports" as a noun ("More reports today speak of ...") is no cue
  if (toks[cue.from]!.pos !== "VERB" && toks[cue.from]!.pos !== "AUX") return null;
  const before = cue.from > 0 ? toks[cue.from - 1] : undefined;
  // a passive report ("had been reported to be trapped") names no speaker; it is a hedge, not an attribution
  if (!entry.passive && before && PASSIVE_AUX.has(before.lower)) return null;
  // inverted order after a quote or comma: "“...,” said Staff Lt Gen Abdulghani Al Assadi"; but
  // "Yahia Rasoul, Joint Operations Command Spokesman, said that ..." is an apposition before the cue
  const appositive = before?.text === "," ? speakerBefore(toks, cue.from) : null;
  if (entry.kind === "verb" && !appositive && (before?.text === "," || isQuote(before))) {
    const speaker = speakerAfter(toks, cue.to);
    if (!speaker) return null;
    return { cue, speaker, trailing: true, spanFrom: "sentence", spanTo: speaker.to >= toks.length - 1 ? "sentence" : speaker.to };
  }
  const speaker = appositive ?? speakerBefore(toks, cue.from);
  if (!speaker) return null;
  const trailing = followsContent(toks, speaker);
  if (entry.kind === "weak") {
    const next = toks[cue.to];
    const endsClause = next === undefined || next.text === "." || next.text === ",";
    if (!(trailing ? endsClause : next !== undefined && WEAK_INTRODUCERS.has(next.lower))) return null;
  }
  if (trailing) return { cue, speaker, trailing, spanFrom: "sentence", spanTo: cue.to };
  return { cue, speaker, trailing, spanFrom: speaker.from, spanTo: "next" };
}

/** Append the sentence's attributions to `acc` (which holds the earlier ones, for speakers referred back to). */
function sentenceAttributions(doc: Doc, lookup: Lookup, sentence: Sentence, toks: readonly Token[], acc: Attribution[]): void {
  const drafts = findCues(toks)
    .map((c) => draft(toks, c))
    .filter((d): d is Draft => d !== null);
  for (const d of drafts) {
    const from = d.spanFrom === "sentence" ? sentence.start : toks[d.spanFrom]!.start;
    let to: number;
    if (d.spanTo === "sentence") to = sentence.end;
    else if (d.spanTo === "next") {
      // a speaker-first report runs to the end of the sentence, or up to a later trailing speaker ("..., the AP also reported")
      const later = drafts.find((o) => o !== d && o.trailing && o.speaker.from > d.cue.to);
      to = later ? toks[later.speaker.from]!.start : sentence.end;
    } else to = toks[d.spanTo - 1]!.end;
    const speakerSpan = { start: toks[d.speaker.from]!.start, end: toks[d.speaker.to - 1]!.end };
    const source = resolveSource(doc, lookup, speakerSpan, sentence.index, acc);
    acc.push({
      start: from,
      end: Math.max(to, from),
      sentenceId: sentence.id,
      cue: d.cue.entry.cue,
      cueSpan: { start: toks[d.cue.from]!.start, end: toks[d.cue.to - 1]!.end },
      sourceKey: source.key,
      sourceText: doc.index.slice(speakerSpan.start, speakerSpan.end),
      party: source.party,
    });
  }
}

export const attribution: Stage = {
  name: "attribution",
  requires: ["sentences", "tokens", "mentions", "entities"],
  assigns: ["attributions"],
  run(doc) {
    const lookup = buildLookup(doc);
    const bySentence = tokensBySentence(doc);
    const attributions: Attribution[] = [];
    for (const s of doc.sentences) {
      const toks = bySentence[s.index]!;
      if (toks.length === 0) continue;
      sentenceAttributions(doc, lookup, s, toks, attributions);
    }
    attributions.sort((a, b) => a.start - b.start || a.end - b.end || a.cueSpan.start - b.cueSpan.start);
    return { ...doc, attributions };
  },
};
