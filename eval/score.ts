/**
 * Scores predicted tables against the gold annotations: precision, recall and F1
 * per table by span overlap (one to one), and attribute accuracies over matched
 * pairs. Pure: the caller reads the files.
 */
import type { GoldDoc } from "./gold.js";
import { accuracy, bcubed, locate, matchByOverlap, prf, type Accuracy, type Prf, type Span } from "./spans.js";

export type Row = Record<string, string>;
export type Predicted = Record<"sources" | "boilerplate" | "figures" | "dates" | "mentions" | "events", Row[]>;

export type Report = {
  sources: { title: Accuracy; outlet: Accuracy; published_date: Accuracy };
  boilerplate: Prf;
  figures: Prf & { numbers: Accuracy; qualifier: Accuracy; unit: Accuracy; category: Accuracy; counted: Accuracy };
  dates: Prf & { value: Accuracy; start_end: Accuracy; date_precision: Accuracy };
  mentions: Prf & { type: Accuracy; bcubed: { precision: number; recall: number; f1: number } };
  events: Prf & { event_type: Accuracy; sub_event_type: Accuracy; certainty: Accuracy; event_date: Accuracy; actor1: Accuracy; location: Accuracy };
  unlocated: string[];
};

const spanOf = (r: Row): Span => ({ start: Number(r.char_start), end: Number(r.char_end) });
const nullable = (s: string | undefined) => (s === undefined || s === "" ? null : s);
const numOrNull = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim().toLowerCase();

class Tally {
  gold = 0;
  pred = 0;
  matched = 0;
  add(g: number, p: number, m: number) {
    this.gold += g;
    this.pred += p;
    this.matched += m;
  }
  prf(): Prf {
    return prf(this.gold, this.pred, this.matched);
  }
}
class Acc {
  correct = 0;
  total = 0;
  add(ok: boolean) {
    this.total++;
    if (ok) this.correct++;
  }
  get(): Accuracy {
    return accuracy(this.correct, this.total);
  }
}

/** Gold mentions: every whole-word appearance of an alias outside boilerplate, longest alias first. */
function goldMentions(text: string, g: GoldDoc, boiler: Span[]): Array<Span & { entity: string; type: string }> {
  const cps = [...text];
  const aliases = g.entities
    .flatMap((e) => e.aliases.map((a) => ({ alias: a, entity: e.name, type: e.type })))
    .sort((a, b) => b.alias.length - a.alias.length || (a.alias < b.alias ? -1 : 1));
  const taken: Array<Span & { entity: string; type: string }> = [];
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (const a of aliases) {
    const ac = [...a.alias];
    for (let i = 0; i + ac.length <= cps.length; i++) {
      let ok = true;
      for (let k = 0; k < ac.length && ok; k++) ok = cps[i + k] === ac[k];
      if (!ok || isWord(cps[i - 1]) || isWord(cps[i + ac.length])) continue;
      const s = { start: i, end: i + ac.length };
      if (boiler.some((b) => b.start < s.end && s.start < b.end)) continue;
      if (taken.some((t) => t.start < s.end && s.start < t.end)) continue;
      taken.push({ ...s, entity: a.entity, type: a.type });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

export function score(gold: readonly GoldDoc[], texts: ReadonlyMap<string, string>, pred: Predicted): Report {
  const unlocated: string[] = [];
  const bySource = <K extends keyof Predicted>(k: K, sid: string) => pred[k].filter((r) => r.source_id === sid);
  const title = new Acc(), outlet = new Acc(), published = new Acc();
  const bp = new Tally(), fg = new Tally(), dt = new Tally(), mn = new Tally(), ev = new Tally();
  const fNum = new Acc(), fQual = new Acc(), fUnit = new Acc(), fCat = new Acc(), fCounted = new Acc();
  const dVal = new Acc(), dSE = new Acc(), dPrec = new Acc();
  const mType = new Acc();
  const eType = new Acc(), eSub = new Acc(), eCert = new Acc(), eDate = new Acc(), eActor = new Acc(), eLoc = new Acc();
  const clusterItems: Array<{ gold: string; pred: string }> = [];

  for (const g of gold) {
    const text = texts.get(g.source_id);
    if (text === undefined) throw new Error(`no source text for gold ${g.source_id}`);
    const find = (quote: string, occ = 1, what = "") => {
      const s = locate(text, quote, occ);
      if (!s) unlocated.push(`${g.source_id} ${what}: ${quote}`);
      return s;
    };
    /** Locate each gold item's quote, match this source's predicted rows by overlap, and tally detection. */
    const matchTable = <G extends { quote: string; occurrence?: number | undefined }>(items: readonly G[], table: "figures" | "dates" | "events", tally: Tally) => {
      const gold = items.flatMap((it) => {
        const s = find(it.quote, it.occurrence, table.slice(0, -1));
        return s ? [{ ...it, ...s }] : [];
      });
      const rows = bySource(table, g.source_id);
      const pairs = matchByOverlap(gold, rows.map(spanOf));
      tally.add(gold.length, rows.length, pairs.length);
      return pairs.map(([i, j]) => [gold[i]!, rows[j]!] as const);
    };

    const src = pred.sources.find((r) => r.source_id === g.source_id);
    title.add(norm(src?.title) === norm(g.title ?? null));
    outlet.add(norm(src?.outlet) === norm(g.outlet));
    published.add((nullable(src?.published_date) ?? null) === g.published_date);

    // boilerplate: the k-th listing of the same line is its k-th appearance
    const seen = new Map<string, number>();
    const goldBoiler = g.boilerplate.flatMap((line) => {
      const k = (seen.get(line) ?? 0) + 1;
      seen.set(line, k);
      const s = find(line, k, "boilerplate");
      return s ? [s] : [];
    });
    const predBoiler = bySource("boilerplate", g.source_id).map(spanOf);
    bp.add(goldBoiler.length, predBoiler.length, matchByOverlap(goldBoiler, predBoiler).length);

    // figures
    for (const [a, b] of matchTable(g.figures, "figures", fg)) {
      fCat.add(a.category === b.category);
      if (a.qualifier === "vague") continue;
      fNum.add(a.value === numOrNull(b.value) && a.low === numOrNull(b.low) && a.high === numOrNull(b.high));
      fQual.add(a.qualifier === b.qualifier);
      fUnit.add(a.unit === b.unit);
      fCounted.add(norm(a.counted) === norm(nullable(b.counted)));
    }

    // dates
    for (const [a, b] of matchTable(g.dates, "dates", dt)) {
      dVal.add(a.value === (b.value ?? ""));
      dSE.add(a.start_date === nullable(b.start_date) && a.end_date === nullable(b.end_date));
      dPrec.add(a.precision === nullable(b.precision));
    }

    // mentions and alias resolution
    const gm = goldMentions(text, g, goldBoiler);
    const pm = bySource("mentions", g.source_id);
    const mPairs = matchByOverlap(gm, pm.map(spanOf));
    mn.add(gm.length, pm.length, mPairs.length);
    const entityOfGold = new Map<string, Map<string, number>>(); // predicted entity_id → gold entity votes
    for (const [i, j] of mPairs) {
      mType.add(gm[i]!.type === pm[j]!.type);
      clusterItems.push({ gold: gm[i]!.entity, pred: pm[j]!.entity_id! });
      const votes = entityOfGold.get(pm[j]!.entity_id!) ?? new Map<string, number>();
      votes.set(gm[i]!.entity, (votes.get(gm[i]!.entity) ?? 0) + 1);
      entityOfGold.set(pm[j]!.entity_id!, votes);
    }
    const goldNameOf = (entityId: string | undefined) => {
      const votes = entityId ? entityOfGold.get(entityId) : undefined;
      if (!votes) return null;
      return [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    };

    // events
    for (const [a, b] of matchTable(g.events, "events", ev)) {
      eType.add(a.event_type === b.event_type);
      eSub.add(a.sub_event_type === b.sub_event_type);
      eCert.add(a.certainty === b.certainty);
      eDate.add(a.event_date === nullable(b.event_date));
      eActor.add(a.actor1 === goldNameOf(nullable(b.actor1_id) ?? undefined));
      eLoc.add(a.location === goldNameOf(nullable(b.location_id) ?? undefined));
    }
  }

  return {
    sources: { title: title.get(), outlet: outlet.get(), published_date: published.get() },
    boilerplate: bp.prf(),
    figures: { ...fg.prf(), numbers: fNum.get(), qualifier: fQual.get(), unit: fUnit.get(), category: fCat.get(), counted: fCounted.get() },
    dates: { ...dt.prf(), value: dVal.get(), start_end: dSE.get(), date_precision: dPrec.get() },
    mentions: { ...mn.prf(), type: mType.get(), bcubed: bcubed(clusterItems) },
    events: { ...ev.prf(), event_type: eType.get(), sub_event_type: eSub.get(), certainty: eCert.get(), event_date: eDate.get(), actor1: eActor.get(), location: eLoc.get() },
    unlocated,
  };
}
