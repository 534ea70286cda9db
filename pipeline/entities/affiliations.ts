/**
 * Which organization a person is tied to in the text: "Joint Operation Command
 * spokesman Brigadier General Yahya Rasool" (the organization, then only titles),
 * "Rami Abdel Rahman, head of the Syrian Observatory", "Abdulghani Al Assadi of the
 * elite Counter-Terrorism Service", "Yahia Rasoul, Iraqi Joint Operations Command
 * Spokesman" (an appositive). The resolve step compares people across documents
 * by these ties.
 */
import type { Doc } from "../doc.js";
import { titles } from "./lexicons.js";
import type { Linked } from "./link.js";

const titleWords = new Set(titles.flatMap((t) => t.form.toLowerCase().replace(/\./g, "").split(/\s+/)));

/** Between an organization and the person after it: only titles ("spokesman Brigadier General"). */
function onlyTitles(gap: string): boolean {
  const words = gap
    .toLowerCase()
    .replace(/['’]s\b/g, " ")
    .replace(/\./g, "")
    .split(/[\s,]+/)
    .filter((w) => w !== "");
  return words.length > 0 && words.length <= 5 && words.every((w) => titleWords.has(w) || w === "the");
}

/** Between a person and the organization after it: an appositive or "of/for the". */
const AFTER_PERSON = /^\s*(?:,\s*(?:(?:the|a|an)\s+)?)?(?:(?:[\p{L}.-]+\s+){0,4}?(?:of|for|at|from|with|in)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+)?)?$/u;

export function affiliationsOf(doc: Doc, linked: readonly Linked[], find: (k: string) => string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const bySentence = new Map<number, Linked[]>();
  for (const l of linked) {
    const list = bySentence.get(l.sentence) ?? [];
    list.push(l);
    bySentence.set(l.sentence, list);
  }
  for (const list of bySentence.values()) {
    for (const p of list) {
      if (p.type !== "PERSON") continue;
      for (const o of list) {
        if (o.type !== "ORG") continue;
        const tied =
          (o.end <= p.start && onlyTitles(doc.index.slice(o.end, p.start))) ||
          (o.start >= p.end && o.start - p.end <= 60 && AFTER_PERSON.test(doc.index.slice(p.end, o.start)));
        if (!tied) continue;
        const key = find(p.key);
        const set = out.get(key) ?? new Set<string>();
        set.add(o.key);
        out.set(key, set);
      }
    }
  }
  return out;
}
