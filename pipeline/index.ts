/**
 * The ordered list of per-document stages, nothing else.
 *
 * Order matters: dates run before figures so that numbers inside dates are never
 * read as figures; attribution runs after entities so speakers resolve to entities;
 * events run last because they read actors, places, dates, figures and attributions.
 * The cross-document `resolve` stage, validation and writing run in the runner.
 */
import type { Ctx, Doc, Stage } from "./doc.js";
import { clean } from "./clean/index.js";
import { segment } from "./segment/index.js";
import { entities } from "./entities/index.js";
import { attribution } from "./attribution/index.js";
import { dates } from "./dates/index.js";
import { figures } from "./figures/index.js";
import { events } from "./events/index.js";

export const stages: Stage[] = [clean, segment, entities, attribution, dates, figures, events];

export function runStages(doc: Doc, ctx: Ctx, list: readonly Stage[] = stages): Doc {
  let d = doc;
  for (const s of list) d = s.run(d, ctx);
  return d;
}
