/**
 * Cross-source figure claims: figures from different sources about the same quantity (same
 * category and unit, compatible counted group, actor and place, overlapping periods) grouped
 * so the spread between sources is one query away. Claim ids "k1", "k2", ... in order of
 * category, actor, place and lowest figure id.
 *
 * FigureClaimer keeps only the figures that state an amount, as fixed-size records by
 * category (on disk when given a folder: partitions.ts), while documents stream past, and
 * groups them a category at a time; groupFigureClaims() is the same over rows, for tests
 * and small runs.
 */
import { z } from "zod";
import type { FigureClaimRow, FigureRow } from "../../schemas/tables.js";
import { loadLexicon, word } from "../lexicon.js";
import type { PlaceRelation } from "./event-clusters.js";
import { compareText } from "../doc.js";
import { dayNumber, Interner, NO_DAY } from "./compact.js";
import { PartitionedRecords, type RecordBlock } from "./partitions.js";
import { FigureGroups, type FigureFacts } from "./claim-groups.js";
import { listedIds, type ItemIds } from "./ids.js";
import { entitiesOf, type EntityView } from "./event-clusters.js";

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

/**
 * A claimable figure as FigureClaimer keeps it until claims are made: 16 slots of 4 bytes
 * (partitions.ts), its three amounts first as doubles (NaN for none: no figure is NaN).
 */
const SLOTS = 16;
const AMOUNT = { value: 0, low: 1, high: 2 } as const;
const SLOT = { source: 6, local: 7, unit: 8, group: 9, actor: 10, place: 11, attributed: 12, from: 13, to: 14 } as const;

export class FigureClaimer {
  private readonly categories = new Interner();
  private readonly units = new Interner();
  private readonly groups = new Interner();
  /** the figures, a partition per category: claims compare figures of one category only */
  private readonly figures: PartitionedRecords;
  private count = 0;

  /** `spillDir`: a folder where the figures wait on disk until claims are made (none: in memory). */
  constructor(spillDir: string | null = null) {
    this.figures = new PartitionedRecords(SLOTS, spillDir, "figures");
  }

  get size(): number {
    return this.count;
  }

  /**
   * Adds one figure that states an amount (see claimable()). `source` numbers the source,
   * `local` is any number the caller's ids understand, `period` the days its time
   * expression covers, and actor, place and attributed are entity references (-1 for none).
   */
  add(
    source: number,
    local: number,
    f: Pick<FigureRow, "category" | "unit" | "counted" | "value" | "low" | "high">,
    period: [number, number] | null,
    refs: { actor: number; place: number; attributed: number },
  ): void {
    const category = this.categories.id(f.category);
    const { block, at } = this.figures.append(category);
    const { ints, nums } = block;
    nums[at / 2 + AMOUNT.value] = f.value ?? Number.NaN;
    nums[at / 2 + AMOUNT.low] = f.low ?? Number.NaN;
    nums[at / 2 + AMOUNT.high] = f.high ?? Number.NaN;
    ints[at + SLOT.source] = source;
    ints[at + SLOT.local] = local;
    ints[at + SLOT.unit] = this.units.id(f.unit);
    ints[at + SLOT.group] = this.groups.id(countedGroup(f.counted));
    ints[at + SLOT.actor] = refs.actor;
    ints[at + SLOT.place] = refs.place;
    ints[at + SLOT.attributed] = refs.attributed;
    ints[at + SLOT.from] = period ? period[0] : NO_DAY;
    ints[at + SLOT.to] = period ? period[1] : NO_DAY;
    this.count++;
  }

  /**
   * Groups the figures into claims and returns their rows to be read once, in order, made as
   * they are read, a category at a time: on a 500 MB corpus the rows (425,405 of them) held
   * all together were ~70 MB of phase 2's peak, and validation copied them again. Claims are
   * ordered by category first, so taking the categories in order gives the same rows as
   * grouping every figure at once.
   */
  claims(view: EntityView, ids: ItemIds, sourceId: (source: number) => string): Iterable<FigureClaimRow> {
    const names = this.categories.values;
    const order = this.figures.partitions.sort((a, b) => compareText(names[a]!, names[b]!));
    let k = 0;
    const nextClaimId = () => `k${++k}`;
    const categoryClaims = (category: number) => this.claimsOf(names[category]!, this.figures.take(category), { view, ids, sourceId, nextClaimId });
    function* rows(): Generator<FigureClaimRow> {
      for (const category of order) yield* categoryClaims(category);
    }
    return rows();
  }

  /** The claim rows of one category's figures, their claims numbered by nextClaimId. */
  private *claimsOf(
    category: string,
    figures: RecordBlock,
    { view, ids, sourceId, nextClaimId }: { view: EntityView; ids: ItemIds; sourceId: (source: number) => string; nextClaimId: () => string },
  ): Generator<FigureClaimRow> {
    const { count: n, ints, nums } = figures;
    const slot = (s: number) => (i: number) => ints[i * SLOTS + s]!;
    const source = slot(SLOT.source);
    const local = slot(SLOT.local);
    const amount = (a: number) => (i: number) => {
      const v = nums[(i * SLOTS) / 2 + a]!;
      return Number.isNaN(v) ? null : v;
    };
    const entity = (s: number) => entitiesOf(view, n, slot(s));
    // (FigureGroups reads these three as columns)
    const column = (s: number) => Int32Array.from({ length: n }, (_, i) => ints[i * SLOTS + s]!);
    const unit = slot(SLOT.unit);
    const attributedRef = slot(SLOT.attributed);
    const actor = entity(SLOT.actor);
    const place = entity(SLOT.place);
    const idOf = (e: number) => (e < 0 ? null : view.entityId(e));
    const id = (i: number) => ids.id(source(i), local(i));
    const byId = (a: number, b: number) => ids.compare(source(a), local(a), source(b), local(b));
    // typed, not a JavaScript array: half the memory, at resolve's peak
    const order = Int32Array.from({ length: n }, (_, i) => i).sort(byId);
    // complete linkage, greedily in id order: a figure joins the first group it fits with every member
    // of, so a figure with no place cannot bridge "Old City" fighters and "Raqqa" fighters.
    // Groups are looked up among those of the same unit only (compatible() needs the same
    // category and unit), and among those only where their first member could take the
    // figure (FigureGroups).
    const relatedPlaces = view.relatedPlaces ?? relatedAmong(place, view);
    const facts: FigureFacts = { actor, place, group: column(SLOT.group), from: column(SLOT.from), to: column(SLOT.to), related: view.related };
    const groups = new FigureGroups(facts);
    const kinds = new Map<number, number>();
    for (const it of order) {
      let kind = kinds.get(unit(it));
      if (kind === undefined) kinds.set(unit(it), (kind = kinds.size));
      const home = groups.firstFit(kind, it, relatedPlaces);
      if (home !== undefined) groups.join(home, it);
      else groups.add(kind, it);
    }
    // a claim keeps its group's number, not its members: they are listed again as its rows are made
    const claims: { group: number; firstId: string; actor: string | null; place: string | null }[] = [];
    for (let g = 0; g < groups.count; g++) {
      const all = groups.members(g);
      if (all.length < 2 || new Set(all.map(source)).size < 2) continue;
      const members = all.sort(byId);
      const first = (of: Int32Array) => idOf(members.map((i) => of[i]!).find((e) => e >= 0) ?? -1);
      claims.push({ group: g, firstId: id(members[0]!), actor: first(actor), place: first(place) });
    }
    claims.sort((a, b) => compareText(a.actor ?? "", b.actor ?? "") || compareText(a.place ?? "", b.place ?? "") || compareText(a.firstId, b.firstId));
    const value = amount(AMOUNT.value);
    const low = amount(AMOUNT.low);
    const high = amount(AMOUNT.high);
    for (const g of claims) {
      const claim_id = nextClaimId();
      for (const i of groups.members(g.group).sort(byId)) {
        const attributed = attributedRef(i);
        yield {
          claim_id,
          figure_id: id(i),
          source_id: sourceId(source(i)),
          category,
          actor_id: idOf(actor[i]!) ?? g.actor,
          location_id: idOf(place[i]!) ?? g.place,
          value: value(i),
          low: low(i),
          high: high(i),
          attributed_to: attributed < 0 ? null : view.entityId(view.entityOf(attributed)),
        };
      }
    }
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
  return [...claimer.claims(view, listedIds(figureIds), (s) => sources.value(s)!)];
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
