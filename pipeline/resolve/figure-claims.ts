/**
 * Cross-source figure claims: figures from different sources about the same quantity (same
 * category and unit, compatible counted group, actor and place, overlapping periods) grouped
 * so the spread between sources is one query away. Claim ids "k1", "k2", ... in order of
 * category, actor, place and lowest figure id.
 *
 * FigureClaimer keeps only the figures that state an amount, as typed-array columns, while
 * documents stream past; groupFigureClaims() is the same over rows, for tests and small runs.
 */
import { z } from "zod";
import type { FigureClaimRow, FigureRow } from "../../schemas/tables.js";
import { loadLexicon, word } from "../lexicon.js";
import type { PlaceRelation } from "./event-clusters.js";
import { compareText } from "../doc.js";
import { CodeColumn, dayNumber, IntColumn, Interner, NO_DAY, NumberColumn, SparsePairColumn } from "./compact.js";
import { FigureGroups, type FigureFacts } from "./claim-groups.js";
import type { EntityView } from "./event-clusters.js";

export type Period = { start: string | null; end: string | null };
export type ClaimOptions = {
  /** same place or one inside the other (default: the same id) */
  related?: PlaceRelation;
  /** the interval of a figure's time expression, by date_id; figures without one fit any period */
  periodOf?: (dateId: string) => Period | null;
};

const GROUP_OF: Map<string, number> = (() => {
  const m = new Map<string, number>();
  loadLexicon(import.meta.url, "counted-heads.json", z.array(word).min(1)).forEach((group, i) => {
    for (const w of group) m.set(w.toLowerCase(), i);
  });
  return m;
})();

function singular(w: string): string {
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.endsWith("men")) return `${w.slice(0, -3)}man`;
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** The counted group: a head-noun group id, the head itself, or null when nothing is counted. */
export function countedGroup(counted: string | null): string | null {
  if (counted === null) return null;
  const words = counted.toLowerCase().match(/\p{L}+/gu);
  const head = words ? singular(words[words.length - 1]!) : null;
  if (head === null) return null;
  const g = GROUP_OF.get(head);
  return g === undefined ? `w:${head}` : `g:${g}`;
}

/** A period as whole days, or null when it has no start. */
export function periodDays(p: Period | null): [number, number] | null {
  if (!p || p.start === null) return null;
  const from = dayNumber(p.start);
  return [from, p.end === null ? from : dayNumber(p.end)];
}

/** The fields grouping reads of a figure row. */
export type ClaimInput = Pick<
  FigureRow,
  "figure_id" | "source_id" | "category" | "unit" | "counted" | "actor_id" | "location_id" | "date_id" | "value" | "low" | "high" | "attributed_to"
>;

/** Does this figure state an amount? Only those can be compared with other sources'. */
export function claimable(f: Pick<FigureRow, "value" | "low" | "high">): boolean {
  return f.value !== null || f.low !== null || f.high !== null;
}

export class FigureClaimer {
  private readonly categories = new Interner();
  private readonly units = new Interner();
  private readonly groups = new Interner();
  private readonly col = {
    source: new IntColumn(),
    local: new IntColumn(),
    category: new CodeColumn(),
    unit: new CodeColumn(),
    group: new IntColumn(),
    actor: new IntColumn(),
    place: new IntColumn(),
    attributed: new IntColumn(),
    from: new IntColumn(),
    to: new IntColumn(),
    value: new NumberColumn(),
    /** low and high */
    bounds: new SparsePairColumn(),
  };

  get size(): number {
    return this.col.source.length;
  }

  /**
   * Adds one figure that states an amount (see claimable()). `source` numbers the source,
   * `local` is any number the caller's figureId() understands, `period` the days its time
   * expression covers, and actor, place and attributed are entity references (-1 for none).
   */
  add(
    source: number,
    local: number,
    f: Pick<FigureRow, "category" | "unit" | "counted" | "value" | "low" | "high">,
    period: [number, number] | null,
    refs: { actor: number; place: number; attributed: number },
  ): void {
    const c = this.col;
    c.source.push(source);
    c.local.push(local);
    c.category.push(this.categories.id(f.category));
    c.unit.push(this.units.id(f.unit));
    c.group.push(this.groups.id(countedGroup(f.counted)));
    c.actor.push(refs.actor);
    c.place.push(refs.place);
    c.attributed.push(refs.attributed);
    c.from.push(period ? period[0] : NO_DAY);
    c.to.push(period ? period[1] : NO_DAY);
    c.value.push(f.value);
    c.bounds.push(f.low, f.high);
  }

  /**
   * Groups the figures into claims at once and returns their rows to be read once, in order,
   * made as they are read: on a 500 MB corpus the rows (425,405 of them) held all together
   * were ~70 MB of phase 2's peak, and validation copied them again.
   */
  claims(view: EntityView, figureId: (source: number, local: number) => string, sourceId: (source: number) => string): Iterable<FigureClaimRow> {
    const c = this.col;
    const n = this.size;
    const entity = (col: IntColumn) => Int32Array.from({ length: n }, (_, i) => (col.get(i) < 0 ? -1 : view.entityOf(col.get(i))));
    const actor = entity(c.actor);
    const place = entity(c.place);
    const idOf = (e: number) => (e < 0 ? null : view.entityId(e));
    const id = (i: number) => figureId(c.source.get(i), c.local.get(i));
    const category = (i: number) => this.categories.value(c.category.get(i))!;
    // typed, not a JavaScript array: half the memory, at resolve's peak
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => compareText(category(a), category(b)) || compareText(id(a), id(b)));
    // complete linkage, greedily in id order: a figure joins the first group it fits with every member
    // of, so a figure with no place cannot bridge "Old City" fighters and "Raqqa" fighters.
    // Groups are looked up among those of the same category and unit only (compatible() needs
    // both), and among those only where their first member could take the figure (FigureGroups).
    const relatedPlaces = view.relatedPlaces ?? relatedAmong(place, view);
    const figures: FigureFacts = { actor, place, group: c.group, from: c.from, to: c.to, related: view.related };
    const groups = new FigureGroups(figures);
    const kinds = new Map<string, number>();
    for (const it of order) {
      const kindKey = `${c.category.get(it)}\u0000${c.unit.get(it)}`;
      let kind = kinds.get(kindKey);
      if (kind === undefined) kinds.set(kindKey, (kind = kinds.size));
      const home = groups.firstFit(kind, it, relatedPlaces);
      if (home !== undefined) groups.join(home, it);
      else groups.add(kind, it);
    }
    // a claim keeps its group's number, not its members: they are listed again as its rows are made
    const byId = (members: readonly number[]) => {
      const ids = new Map(members.map((i) => [i, id(i)]));
      return [...ids.keys()].sort((a, b) => compareText(ids.get(a)!, ids.get(b)!));
    };
    const claims: { group: number; firstId: string; category: string; actor: string | null; place: string | null }[] = [];
    for (let g = 0; g < groups.count; g++) {
      const all = groups.members(g);
      if (all.length < 2 || new Set(all.map((i) => c.source.get(i))).size < 2) continue;
      const members = byId(all);
      const first = (of: Int32Array) => idOf(members.map((i) => of[i]!).find((e) => e >= 0) ?? -1);
      claims.push({ group: g, firstId: id(members[0]!), category: category(members[0]!), actor: first(actor), place: first(place) });
    }
    claims.sort(
      (a, b) =>
        compareText(a.category, b.category) ||
        compareText(a.actor ?? "", b.actor ?? "") ||
        compareText(a.place ?? "", b.place ?? "") ||
        compareText(a.firstId, b.firstId),
    );
    function* rows(): Generator<FigureClaimRow> {
      for (let k = 0; k < claims.length; k++) {
        const g = claims[k]!;
        const claim_id = `k${k + 1}`;
        for (const i of byId(groups.members(g.group))) {
          const attributed = c.attributed.get(i);
          yield {
            claim_id,
            figure_id: id(i),
            source_id: sourceId(c.source.get(i)),
            category: g.category,
            actor_id: idOf(actor[i]!) ?? g.actor,
            location_id: idOf(place[i]!) ?? g.place,
            value: c.value.get(i),
            low: c.bounds.first(i),
            high: c.bounds.second(i),
            attributed_to: attributed < 0 ? null : view.entityId(view.entityOf(attributed)),
          };
        }
      }
    }
    return rows();
  }
}

/** Claims over figure rows whose entity ids are already corpus-wide. */
export function groupFigureClaims(rows: readonly ClaimInput[], options: ClaimOptions = {}): FigureClaimRow[] {
  const related = options.related ?? ((a: string, b: string) => a === b);
  const claimer = new FigureClaimer();
  const entities = new Interner();
  const sources = new Interner();
  const figureIds: string[] = [];
  for (const row of rows) {
    if (!claimable(row)) continue;
    const period = row.date_id && options.periodOf ? periodDays(options.periodOf(row.date_id)) : null;
    const refs = { actor: entities.id(row.actor_id), place: entities.id(row.location_id), attributed: entities.id(row.attributed_to) };
    claimer.add(sources.id(row.source_id), figureIds.push(row.figure_id) - 1, row, period, refs);
  }
  const view: EntityView = { entityOf: (ref) => ref, entityId: (e) => entities.value(e)!, related: (a, b) => related(entities.value(a)!, entities.value(b)!) };
  return [...claimer.claims(view, (_source, local) => figureIds[local]!, (s) => sources.value(s)!)];
}

/** Related places by trying every place the figures name (for views that cannot list them; fine for small inputs). */
function relatedAmong(place: Int32Array, view: EntityView): (p: number) => readonly number[] {
  const places = [...new Set(place)].filter((q) => q >= 0);
  const memo = new Map<number, number[]>();
  return (p) => {
    let r = memo.get(p);
    if (!r) memo.set(p, (r = places.filter((q) => view.related(q, p))));
    return r;
  };
}
