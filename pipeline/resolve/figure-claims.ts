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
import { addToList, dayNumber, IntColumn, Interner, NO_DAY, NumberColumn } from "./compact.js";
import type { EntityView } from "./event-clusters.js";

export type Period = { start: string | null; end: string | null };
export type ClaimOptions = {
  /** same place or one inside the other (default: the same id) */
  related?: PlaceRelation;
  /** the interval of a figure's time expression, by date_id; figures without one fit any period */
  periodOf?: (dateId: string) => Period | null;
};

/** Figures a week apart may still count the same group ("about 300 fighters remain"). */
const MAX_GAP_DAYS = 7;

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
    category: new IntColumn(),
    unit: new IntColumn(),
    group: new IntColumn(),
    actor: new IntColumn(),
    place: new IntColumn(),
    attributed: new IntColumn(),
    from: new IntColumn(),
    to: new IntColumn(),
    value: new NumberColumn(),
    low: new NumberColumn(),
    high: new NumberColumn(),
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
    c.low.push(f.low);
    c.high.push(f.high);
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
    const compatible = (a: number, b: number): boolean => {
      const ga = c.group.get(a);
      const gb = c.group.get(b);
      if (ga >= 0 && gb >= 0 && ga !== gb) return false;
      const x = actor[a]!;
      const y = actor[b]!;
      if (x >= 0 && y >= 0 && x !== y) return false;
      const la = place[a]!;
      const lb = place[b]!;
      if (la >= 0 && lb >= 0) {
        if (!view.related(la, lb)) return false;
      } else if (!(x >= 0 && x === y)) {
        return false; // a figure with no place only joins through a shared, named actor
      }
      const pa = c.from.get(a) !== NO_DAY;
      const pb = c.from.get(b) !== NO_DAY;
      if (pa && pb && (c.from.get(a) - c.to.get(b) > MAX_GAP_DAYS || c.from.get(b) - c.to.get(a) > MAX_GAP_DAYS)) return false;
      return true;
    };
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareText(category(a), category(b)) || compareText(id(a), id(b)));
    // complete linkage, greedily in id order: a figure joins the first group it fits with every member
    // of, so a figure with no place cannot bridge "Old City" fighters and "Raqqa" fighters.
    // Groups are looked up among those of the same category and unit only (compatible() needs
    // both), and among those only where their first member could take the figure (KindGroups).
    const relatedPlaces = view.relatedPlaces ?? relatedAmong(place, view);
    const groups: number[][] = [];
    const byKind = new Map<string, KindGroups>();
    for (const it of order) {
      const kindKey = `${c.category.get(it)}\u0000${c.unit.get(it)}`;
      let kind = byKind.get(kindKey);
      if (!kind) byKind.set(kindKey, (kind = new KindGroups()));
      const home = kind.candidates(it, actor, place, relatedPlaces).find((g) => kind.groups[g]!.every((m) => compatible(m, it)));
      if (home !== undefined) kind.groups[home]!.push(it);
      else groups.push(kind.add(it, actor, place));
    }
    const claims = groups
      .filter((g) => new Set(g.map((i) => c.source.get(i))).size >= 2)
      .map((g) => {
        const ids = new Map(g.map((i) => [i, id(i)]));
        const members = [...g].sort((a, b) => compareText(ids.get(a)!, ids.get(b)!));
        const first = (of: Int32Array) => idOf(members.map((i) => of[i]!).find((e) => e >= 0) ?? -1);
        return { members, firstId: ids.get(members[0]!)!, category: category(members[0]!), actor: first(actor), place: first(place) };
      });
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
        for (const i of g.members) {
          const attributed = c.attributed.get(i);
          yield {
            claim_id,
            figure_id: id(i),
            source_id: sourceId(c.source.get(i)),
            category: g.category,
            actor_id: idOf(actor[i]!) ?? g.actor,
            location_id: idOf(place[i]!) ?? g.place,
            value: c.value.get(i),
            low: c.low.get(i),
            high: c.high.get(i),
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

/**
 * The groups of one category and unit, indexed by their first member. A figure joins a group
 * only if it fits every member, the first included, and compatible() lets two figures meet
 * only through related places (when both have one) or else through the same named actor. So
 * the groups worth trying are those whose first member's place is related to the figure's,
 * or that share its actor where a place is missing: trying every group of the kind instead
 * made claims quadratic in the corpus (5.2 of resolve's 5.9 s on the 100 MB bench corpus).
 * Candidates come back in the order the groups were made, as the full scan tried them.
 */
class KindGroups {
  readonly groups: number[][] = [];
  /** group numbers by their first member's place */
  private readonly byPlace = new Map<number, number[]>();
  /** group numbers by their first member's actor, where it has no place */
  private readonly byActorNoPlace = new Map<number, number[]>();
  /** group numbers by their first member's actor */
  private readonly byActor = new Map<number, number[]>();

  candidates(it: number, actor: Int32Array, place: Int32Array, relatedPlaces: (place: number) => readonly number[]): readonly number[] {
    const x = actor[it]!;
    const p = place[it]!;
    if (p < 0) return x >= 0 ? (this.byActor.get(x) ?? []) : [];
    const out: number[] = [];
    for (const q of relatedPlaces(p)) for (const g of this.byPlace.get(q) ?? []) out.push(g);
    if (x >= 0) for (const g of this.byActorNoPlace.get(x) ?? []) out.push(g);
    // each group is in one list, by its first member: no duplicates to remove
    return out.sort((a, b) => a - b);
  }

  /** Opens a group with `it` as its first member; returns the group. */
  add(it: number, actor: Int32Array, place: Int32Array): number[] {
    const g = this.groups.push([it]) - 1;
    const x = actor[it]!;
    const p = place[it]!;
    if (p >= 0) addToList(this.byPlace, p, g);
    else if (x >= 0) addToList(this.byActorNoPlace, x, g);
    if (x >= 0) addToList(this.byActor, x, g);
    return this.groups[g]!;
  }
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
