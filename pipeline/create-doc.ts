/** Build the empty Doc every stage starts from. */
import type { Doc, ManifestEntry } from "./doc.js";
import { CodePointIndex } from "./offsets.js";

export function createDoc(args: {
  sourceId: string;
  path: string;
  text: string;
  sha256?: string;
  encoding?: string;
  manifest?: ManifestEntry | null;
}): Doc {
  return {
    sourceId: args.sourceId,
    path: args.path,
    sha256: args.sha256 ?? "",
    encoding: args.encoding ?? "utf-8",
    text: args.text,
    index: new CodePointIndex(args.text),
    manifest: args.manifest ?? null,
    meta: {
      title: null,
      outlet: null,
      author: null,
      url: null,
      publishedDate: null,
      publishedDatePrecision: null,
      publishedDateBasis: "none",
    },
    lines: [],
    paragraphs: [],
    sentences: [],
    tokens: [],
    entities: [],
    mentions: [],
    attributions: [],
    dates: [],
    figures: [],
    events: [],
    messages: [],
  };
}
