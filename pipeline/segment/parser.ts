/**
 * The thread's wink-nlp parser, replaced by a fresh one before its lexicon can grow without bound.
 *
 * wink-nlp adds every token its model does not know (a name, a number, a misspelling, a URL) to
 * the lexicon of the instance, and keeps it for the life of the instance: a worker that parses a
 * whole corpus holds every such token the corpus has, and its look-ups slow as the lexicon
 * grows. Measured here: 3,000 documents of 400 made-up words each grew one parser's heap from 27
 * to 490 MB (a worker's old space is capped at 128 MB); the bench corpus, whose words repeat, grows
 * it by ~2 MB. So the parser counts the distinct token texts it has returned and, once they reach
 * `vocabularyLimit`, starts again from the model (reading it takes ~0.1–0.2 s). What wink returns
 * does not depend on what it met before (tests/segment/parser.test.ts compares a parser that has
 * been replaced with a fresh one), so neither does the output.
 *
 * Counting costs one Set look-up per token. A text of 13 or more UTF-16 units is counted by a
 * 32-bit hash of it (FNV-1a, fnv.ts), not kept: V8 makes such a substring a view of the whole text it came from,
 * and a Set holding one would hold its document. Two long texts with one hash count once, which
 * only lets a parser meet a few more words before it is replaced.
 */
import winkNLP, { type ItsFunction, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { FNV_OFFSET, fnvOn } from "../fnv.js";

/**
 * The model as wink-nlp reads it, each parser from the same parts. wink-eng-lite-web-model's
 * `metaCER()` (the custom-entity meta-model, which no stage uses) reassigns its JSON to
 * `JSON.stringify` of itself on every call, so each new parser read it escaped once more: the
 * 19th parser of a thread failed with "Invalid string length", the ones before it holding
 * ever larger strings. Every parser gets the result of the first call instead.
 */
// (wink's typings leave the model's loaders `unknown`: they are the model's internal detail)
const firstMetaCER = (model.metaCER as () => object)();
const stableModel: typeof model = Object.assign(Object.create(null) as typeof model, model, { metaCER: () => ({ ...firstMetaCER }) });

/**
 * Distinct token texts a parser may meet before it is replaced: its lexicon grows by ~190 bytes
 * a token. Measured on a 45 MB corpus whose capitalized words are half the time made-up names
 * (2 workers, peak RSS by the end of phase 1, MiB): 292–322 in three runs at 50,000, 267–294
 * in four at 20,000, 266 in one at 10,000; each new parser costs ~0.1–0.2 s.
 */
export const VOCABULARY_LIMIT = 20_000;
/** V8 copies a substring shorter than this (SlicedString::kMinLength); a longer one points into its parent. */
const COPIED_BELOW = 13;

export type ParsedTokens = { values: string[]; pos: string[]; lemmas: string[] };

export class BoundedParser {
  private nlp: WinkMethods | null;
  private readonly seen = new Set<string>();
  private readonly seenLong = new Set<number>();
  /** parsers made so far, the first included */
  generation = 1;

  constructor(private readonly vocabularyLimit = VOCABULARY_LIMIT) {
    this.nlp = BoundedParser.make();
  }

  /** Only POS tagging (lemmas come with it): segment/index.ts says why. */
  private static make(): WinkMethods {
    return winkNLP(stableModel, ["pos"]);
  }

  /** Each token's text, part of speech and lemma, in order. */
  parse(text: string): ParsedTokens {
    const nlp = this.nlp!;
    const its = nlp.its;
    // wink's typings declare its.lemma's third parameter as the model addons while ItsFunction
    // passes a cache in that place; at run time wink calls it with the addons (the lite model
    // ships its lemmatizer), so the helper is re-typed, not re-implemented.
    const lemmaOf = its.lemma as unknown as ItsFunction<string>;
    const all = nlp.readDoc(text).tokens();
    const parsed = { values: all.out(its.value) as string[], pos: all.out(its.pos) as string[], lemmas: all.out(lemmaOf) as string[] };
    for (const v of parsed.values) {
      if (v.length < COPIED_BELOW) this.seen.add(v);
      else this.seenLong.add(fnvOn(FNV_OFFSET, v));
    }
    // the next document gets the fresh parser, so the one just read is whole either way
    if (this.seen.size + this.seenLong.size >= this.vocabularyLimit) this.renew();
    return parsed;
  }

  private renew(): void {
    this.seen.clear();
    this.seenLong.clear();
    // the old parser is let go before the new one reads the model, so the two need not coexist
    this.nlp = null;
    this.nlp = BoundedParser.make();
    this.generation++;
  }
}
