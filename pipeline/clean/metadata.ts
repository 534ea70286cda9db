/**
 * Source metadata the text itself states: the headline, the publisher where the site
 * names itself (donation asks, disclaimers, copyright lines, a masthead line in the
 * header) and the author from a byline or "Posted on by" line. Wire agencies credited
 * in captions or at the end are contributors, not the outlet, so they are never taken.
 */
import { loadLexicon, word } from "../lexicon.js";
import { bylineAuthor, headerMeta, isNewsAgency } from "./line-rules.js";
import type { LineShape } from "./lines.js";
import type { Layout } from "./layout.js";

const OUTLET_CUES = loadLexicon(import.meta.url, "outlet-cues.json", word, (e) => e).map((p) => new RegExp(p, "iu"));
const TRIM_RE = /^[\s"'“”‘’]+|[\s"'“”‘’.,!?:;]+$/gu;
const WORD_LOWER_START_RE = /(^|[\s-])(\p{Ll})/gu;
const NAME_START_RE = /^\p{Lu}|^the\s/iu;

/** "South front" → "South Front": a masthead line is a name, written in title case. */
function titleCase(s: string): string {
  return s.replace(WORD_LOWER_START_RE, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

export function findOutlet(shapes: LineShape[], lay: Layout): string | null {
  for (let i = 0; i < shapes.length; i++) {
    if (lay.reasons[i] === null) continue;
    for (const re of OUTLET_CUES) {
      const m = re.exec(shapes[i]!.norm);
      const name = m?.[1]?.replace(TRIM_RE, "");
      if (name && NAME_START_RE.test(name) && !/^(?:us|me|the author|this site)$/iu.test(name) && !isNewsAgency(name)) {
        return name;
      }
    }
  }
  if (lay.masthead !== null) {
    // "BBC News, Kyiv": the part after a comma or bar is a place or a section
    const name = shapes[lay.masthead]!.norm.split(/\s*[,|]\s*/u)[0]!.replace(TRIM_RE, "");
    if (!isNewsAgency(name)) return titleCase(name);
  }
  return null;
}

export function findTitle(shapes: LineShape[], lay: Layout): string | null {
  return lay.title === null ? null : shapes[lay.title]!.norm;
}

export function findAuthor(shapes: LineShape[], lay: Layout): string | null {
  for (let i = 0; i < shapes.length; i++) {
    if (lay.reasons[i] === "dateline_meta") {
      const a = headerMeta(shapes[i]!)?.author;
      if (a) return a;
    }
    if (lay.reasons[i] === "byline") {
      const a = bylineAuthor(shapes[i]!);
      if (a) return a;
    }
  }
  return null;
}
