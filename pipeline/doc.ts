/**
 * The document object every stage reads and extends (spaCy's Doc, vfile's file).
 *
 * - `text` is the source exactly as decoded (BOM removed, nothing else changed).
 *   It is never rewritten: cleaning marks lines, it does not delete them.
 * - Every span is `{ start, end }` in CODE POINTS, half-open, into `text`.
 *   Convert JS (UTF-16) indices with `doc.index` (see offsets.ts), never by hand.
 * - Annotations that point at entities use a document-local `entityKey`; the
 *   resolve stage maps keys to corpus-wide `entity_id`s.
 * - Stages are pure functions `(doc, ctx) => doc` returning a new object with the
 *   fields they assign; they leave `messages` instead of throwing for soft problems
 *   and throw `StageError` for fatal ones (the runner turns it into a rejects row).
 */
import type { CodePointIndex } from "./offsets.js";

export type Span = { start: number; end: number };

export type DatePrecision = "day" | "week" | "month" | "year" | "decade";
export type PublishedDateBasis = "manifest" | "header" | "caption" | "text" | "none";

/** Metadata a manifest row may carry for one source; its values win over the text. */
export type ManifestEntry = {
  url: string | null;
  outlet: string | null;
  title: string | null;
  author: string | null;
  published_date: string | null;
};

export type SourceMeta = {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedDate: string | null; // ISO YYYY-MM-DD (first day of the period when precision is month/year)
  publishedDatePrecision: "day" | "month" | "year" | null;
  publishedDateBasis: PublishedDateBasis;
};

/** One physical line of the text (split on \n, \r\n or \r). */
export type Line = Span & {
  line: number; // 1-based
  text: string;
  /** null for article text; else a reason from clean/boilerplate-reasons.json */
  boilerplate: string | null;
  /** the article's own headline/dek: kept as text, reported as sources.title */
  role: "title" | "dek" | "body" | "blank" | "boilerplate";
};

export type Paragraph = Span & { index: number };

export type Sentence = Span & {
  id: string; // <source_id>-s<n>
  paragraph: number; // 0-based paragraph index in the source
  index: number; // 0-based sentence index in the source
  text: string;
};

/** A token from the one wink-nlp parse per document. */
export type Token = Span & {
  text: string;
  /** `text` lower-cased, computed once in segment (stages look words up by it) */
  lower: string;
  pos: string; // Universal POS tag
  lemma: string;
  sentence: number; // index into doc.sentences
};

export type EntityType = "PERSON" | "ORG" | "LOCATION";

/** A real-world entity as seen inside one document (all its mentions share `key`). */
export type DocEntity = {
  key: string; // document-local, e.g. "ORG:islamic state"
  type: EntityType;
  subtype: string | null;
  name: string; // best name in this document (longest / most frequent form)
  aliases: string[]; // every surface form seen, sorted
  lexiconId: string | null; // id in the curated alias lexicon, when matched (e.g. "islamic_state")
  roles: string[]; // titles/roles seen before a person's name ("spokesman", "Brig. Gen.")
  affiliations: string[]; // entity keys of organizations a person is tied to in the text
};

export type Mention = Span & {
  id: string; // <source_id>-m<n>
  sentenceId: string;
  text: string;
  type: EntityType;
  subtype: string | null;
  entityKey: string;
};

/** Who says what a sentence (or clause) asserts. Read by figures and events. */
export type Attribution = Span & {
  sentenceId: string;
  cue: string; // "said", "according to", "told", "estimated", "reported"
  cueSpan: Span;
  sourceKey: string | null; // entity key of the speaker/organization, when resolved
  sourceText: string; // the speaker as written ("a spokesman for the Joint Operation Command")
  /** true when the speaker is a party to the fighting (army, group, its spokesman) */
  party: boolean;
};

export type TimeExpression = Span & {
  id: string; // <source_id>-d<n>
  sentenceId: string;
  text: string;
  value: string; // TIMEX3-style: 2017-07-09, 2017-W27, 2016-10, 2014, 201; "" when unknown
  startDate: string | null;
  endDate: string | null;
  precision: DatePrecision | null;
  anchor: "absolute" | "published_date" | "previous_date" | "none";
};

export type Qualifier = "exact" | "approx" | "at_least" | "more_than" | "at_most" | "less_than" | "range" | "vague";

export type Figure = Span & {
  id: string; // <source_id>-f<n>
  sentenceId: string;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: string;
  counted: string | null;
  category: string;
  actorKey: string | null;
  locationKey: string | null;
  dateId: string | null;
  attributedToKey: string | null;
};

export type Certainty = "reported" | "claimed" | "expected";

export type EventMention = Span & {
  id: string; // <source_id>-e<n>
  sentenceId: string;
  text: string;
  eventType: string;
  subEventType: string;
  trigger: string;
  triggerSpan: Span;
  actor1Key: string | null;
  actor2Key: string | null;
  locationKey: string | null;
  dateId: string | null;
  eventDate: string | null;
  eventDateEnd: string | null;
  datePrecision: DatePrecision | null;
  fatalities: number | null;
  attributedToKey: string | null;
  certainty: Certainty;
  negated: boolean; // "did not capture": kept out of the table by the events stage
};

/** A note a stage leaves about a document (vfile-message style). */
export type Message = {
  stage: string;
  rule: string; // short id, e.g. "date-ambiguous-day-month"
  reason: string;
  span: Span | null;
  fatal: boolean;
};

export type Doc = {
  sourceId: string;
  path: string; // relative to the input folder, "/" separators
  sha256: string;
  encoding: string; // "utf-8", "utf-16le", "utf-16be", "windows-1252"
  text: string;
  index: CodePointIndex;
  manifest: ManifestEntry | null;
  meta: SourceMeta;
  lines: Line[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  entities: DocEntity[];
  mentions: Mention[];
  attributions: Attribution[];
  dates: TimeExpression[];
  figures: Figure[];
  events: EventMention[];
  messages: Message[];
};

/** Keys a stage can require or assign; index.ts checks the order with them. */
export type DocKey = Exclude<keyof Doc, "sourceId" | "path" | "sha256" | "encoding" | "text" | "index" | "manifest" | "messages">;

export type Ctx = {
  /** no stage reads the clock or the environment; anything configurable comes here */
  readonly options: Readonly<Record<string, unknown>>;
};

export type Stage = {
  name: string;
  requires: DocKey[];
  assigns: DocKey[];
  run(doc: Doc, ctx: Ctx): Doc;
};

/** A fatal problem in one document: the runner writes a `rejects` row and goes on. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    readonly reason: string,
    readonly detail: string,
    readonly span: Span | null = null,
  ) {
    super(`${stage}: ${reason}: ${detail}`);
    this.name = "StageError";
  }
}

/**
 * Order strings by UTF-16 code units. Never `localeCompare`: its order follows the
 * machine's locale, and the same input must give byte-identical files everywhere.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort spans by (start, end) then a label, with full tie-breaks: never rely on insertion order. */
export function bySpan<T extends Span>(a: T, b: T): number {
  return a.start - b.start || a.end - b.end;
}

/** Sentence containing a code-point offset (sentences are sorted and disjoint). */
/**
 * The tokens of sentence `s` (an index into doc.sentences), sliced on demand: one pass finds
 * where each sentence's run of tokens starts, so a stage pays only for the sentences it reads.
 * Tokens come in text order; if they ever do not, they are grouped the slow way.
 */
export function tokensOfSentence(tokens: readonly Token[], count: number): (s: number) => Token[] {
  let ordered = true;
  for (let k = 1; k < tokens.length && ordered; k++) ordered = tokens[k - 1]!.sentence <= tokens[k]!.sentence;
  if (!ordered) {
    const grouped: Token[][] = Array.from({ length: count }, () => []);
    for (const t of tokens) grouped[t.sentence]?.push(t);
    return (s) => grouped[s] ?? [];
  }
  const first = new Int32Array(count + 1);
  let j = 0;
  for (let s = 0; s <= count; s++) {
    while (j < tokens.length && tokens[j]!.sentence < s) j++;
    first[s] = j;
  }
  return (s) => (s >= 0 && s < count ? tokens.slice(first[s]!, first[s + 1]!) : []);
}

/** Per-sentence token lists by document (keyed by its token array, which stages never mutate). */
const groupedTokens = new WeakMap<readonly Token[], readonly (readonly Token[])[]>();

/**
 * Every sentence's tokens, grouped once per document and shared by the stages that walk all
 * sentences (attribution, events): the lists are read-only. Sentences without tokens get [].
 */
export function tokensBySentence(doc: Pick<Doc, "tokens" | "sentences">): readonly (readonly Token[])[] {
  let grouped = groupedTokens.get(doc.tokens);
  if (grouped === undefined) {
    const lists: Token[][] = Array.from({ length: doc.sentences.length }, () => []);
    for (const t of doc.tokens) lists[t.sentence]?.push(t);
    grouped = lists;
    groupedTokens.set(doc.tokens, grouped);
  }
  return grouped;
}

export function sentenceAt(sentences: readonly Sentence[], cp: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = sentences[mid]!;
    if (cp < s.start) hi = mid - 1;
    else if (cp >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** Is the code-point offset inside a boilerplate line? Stages must not extract from those. */
export function inBoilerplate(doc: Pick<Doc, "lines">, cp: number): boolean {
  for (const l of doc.lines) if (cp >= l.start && cp < l.end) return l.boilerplate !== null;
  return false;
}
