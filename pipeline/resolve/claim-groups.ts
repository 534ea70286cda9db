/**
 * Figure groups for figure-claims: when two figures of one category and unit may count the
 * same quantity (compatible()), and the groups built from them by complete linkage, where a
 * figure joins a group of its kind only if it is compatible with every member.
 *
 * A place that recurs across a large corpus gathers thousands of groups. So a group is looked
 * up only where it could take the figure (by its first member's place or actor), the lists are
 * merged as they are read rather than gathered and sorted, and a group answers fits() from a
 * few values it keeps about its members instead of comparing the figure with each one: on a
 * 500 MB generated corpus, resolve() went from 26.3 to 5–7 s with the same claims.
 */
import { addToList, IntColumn, NO_DAY } from "./compact.js";

/** Figures a week apart may still count the same group ("about 300 fighters remain"). */
export const MAX_GAP_DAYS = 7;

/** What grouping reads of the figures, by figure number. Entities are numbers, -1 for none. */
export type FigureFacts = {
  actor: Int32Array;
  place: Int32Array;
  /** the counted group (countedGroup()'s, interned), -1 for none */
  group: Int32Array;
  /** the days of the figure's time expression, NO_DAY when it has none */
  from: Int32Array;
  to: Int32Array;
  /** same place or one inside the other; symmetric */
  related(a: number, b: number): boolean;
};

/**
 * May figures a and b count the same quantity? Their counted groups and actors must not
 * differ where both are known; their places must be related, or, when one has no place,
 * they must share a named actor; their periods, where both have one, must be no more than
 * a week apart. (FigureGroups only compares figures of one category and unit.) Symmetric.
 * This is the definition: FigureGroups.fits() gives the answer for a whole group without
 * calling it, and tests/resolve/claim-groups.test.ts checks one against the other.
 */
export function compatible(f: FigureFacts, a: number, b: number): boolean {
  const ga = f.group[a]!;
  const gb = f.group[b]!;
  if (ga >= 0 && gb >= 0 && ga !== gb) return false;
  const x = f.actor[a]!;
  const y = f.actor[b]!;
  if (x >= 0 && y >= 0 && x !== y) return false;
  const la = f.place[a]!;
  const lb = f.place[b]!;
  if (la >= 0 && lb >= 0) {
    if (!f.related(la, lb)) return false;
  } else if (!(x >= 0 && x === y)) {
    return false; // a figure with no place only joins through a shared, named actor
  }
  if (f.from[a]! !== NO_DAY && f.from[b]! !== NO_DAY && (f.from[a]! - f.to[b]! > MAX_GAP_DAYS || f.from[b]! - f.to[a]! > MAX_GAP_DAYS)) return false;
  return true;
}

/** In the actor columns below: no member yet, and members that disagree or have none. */
const NONE = -2;
const MIXED = -1;

/** Where the groups of one kind (category and unit) are looked up: lists of group numbers, each in the order groups were made. */
type KindIndex = {
  /** by their first member's place */
  byPlace: Map<number, number[]>;
  /** by their first member's actor, where it has no place */
  byActorNoPlace: Map<number, number[]>;
  /** by their first member's actor */
  byActor: Map<number, number[]>;
};

/**
 * The groups of every kind, numbered in the order they were made. What a group keeps is a few
 * integers in columns, and its members a chain through `next`: a group's own arrays, grown a
 * member at a time, left 130 MB of garbage and 58 MB of live heap behind on a 500 MB corpus.
 */
export class FigureGroups {
  /** each figure's next fellow member, -1 for the last */
  private readonly next: Int32Array;
  /** the member that joined last: the chain runs from the newest member to the first */
  private readonly newest = new IntColumn();
  /**
   * Compatible members cannot name two actors or two counted groups, so each is one value
   * (-1 while none names one).
   */
  private readonly actorOf = new IntColumn();
  private readonly countedOf = new IntColumn();
  /** the actor every member names (MIXED if one names none or they differ) */
  private readonly everyActor = new IntColumn();
  /** the actor every member without a place names (NONE when all have places) */
  private readonly placelessActor = new IntColumn();
  /** the first member's place, or the first place a member names; -1 for none yet */
  private readonly place = new IntColumn();
  /** the other places members name, each once, for the few groups that have them */
  private readonly otherPlaces = new Map<number, number[]>();
  /** the latest start and earliest end among members with a period; NO_DAY while none has one */
  private readonly latestFrom = new IntColumn();
  private readonly earliestTo = new IntColumn();
  private readonly kinds: KindIndex[] = [];

  constructor(private readonly figures: FigureFacts) {
    this.next = new Int32Array(figures.actor.length).fill(-1);
  }

  get count(): number {
    return this.newest.length;
  }

  /** The members of group g, newest first. */
  members(g: number): number[] {
    const out: number[] = [];
    for (let m = this.newest.get(g); m >= 0; m = this.next[m]!) out.push(m);
    return out;
  }

  /**
   * The first group of `kind`, in the order groups were made, that fits figure `it`; undefined
   * when none does. A group fits only if its first member is compatible, so only groups whose
   * first member's place is related to the figure's, or that share its actor where a place is
   * missing, are tried (trying every group of the kind made claims quadratic in the corpus).
   * Their lists are merged as they are read: most figures find their group among the first
   * few, and gathering and sorting every candidate first (121 million entries on a 500 MB
   * generated corpus, for 19 million tried) cost more than the trying.
   */
  firstFit(kind: number, it: number, relatedPlaces: (place: number) => readonly number[]): number | undefined {
    const index = this.kinds[kind];
    if (!index) return undefined;
    const x = this.figures.actor[it]!;
    const p = this.figures.place[it]!;
    if (p < 0) return x >= 0 ? this.firstIn(index.byActor.get(x), it) : undefined;
    const lists: (readonly number[])[] = [];
    for (const q of relatedPlaces(p)) {
      const list = index.byPlace.get(q);
      if (list) lists.push(list);
    }
    const noPlace = x >= 0 ? index.byActorNoPlace.get(x) : undefined;
    if (noPlace) lists.push(noPlace);
    if (lists.length === 1) return this.firstIn(lists[0], it);
    // each group is in one list, by its first member, and each list is in the order groups were made
    const at = new Array<number>(lists.length).fill(0);
    for (;;) {
      let best = -1;
      for (let k = 0; k < lists.length; k++) {
        if (at[k]! < lists[k]!.length && (best < 0 || lists[k]![at[k]!]! < lists[best]![at[best]!]!)) best = k;
      }
      if (best < 0) return undefined;
      const g = lists[best]![at[best]!++]!;
      if (this.fits(g, it)) return g;
    }
  }

  /** The first group of `list` that fits figure `it`. */
  private firstIn(list: readonly number[] | undefined, it: number): number | undefined {
    if (list) for (const g of list) if (this.fits(g, it)) return g;
    return undefined;
  }

  /** Is figure `it` compatible with every member of group g? The same answer, from what the group keeps. */
  fits(g: number, it: number): boolean {
    const f = this.figures;
    const x = f.actor[it]!;
    const actor = this.actorOf.get(g);
    if (x >= 0 && actor >= 0 && actor !== x) return false;
    const counted = f.group[it]!;
    if (counted >= 0 && this.countedOf.get(g) >= 0 && this.countedOf.get(g) !== counted) return false;
    const from = f.from[it]!;
    const latest = this.latestFrom.get(g);
    if (from !== NO_DAY && latest !== NO_DAY) {
      if (latest - f.to[it]! > MAX_GAP_DAYS || from - this.earliestTo.get(g) > MAX_GAP_DAYS) return false;
    }
    const p = f.place[it]!;
    // without a place, every member must name the figure's actor
    if (p < 0) return x >= 0 && this.everyActor.get(g) === x;
    // with one, members with places must be related to it, those without must name its actor
    const placeless = this.placelessActor.get(g);
    if (placeless !== NONE && !(x >= 0 && placeless === x)) return false;
    const q = this.place.get(g);
    if (q < 0) return true;
    if (!f.related(q, p)) return false;
    // a loop, not every() with an arrow: a function that makes a closure allocates its context on
    // every call, and this one is called ~19 million times on a 500 MB corpus (650 MB of garbage)
    const others = this.otherPlaces.get(g);
    if (others) for (const o of others) if (!f.related(o, p)) return false;
    return true;
  }

  /** Opens a group of `kind` (a small number the caller gives each category and unit) with `it` as its first member; returns the group. */
  add(kind: number, it: number): number {
    const g = this.newest.push(it);
    this.actorOf.push(-1);
    this.countedOf.push(-1);
    this.everyActor.push(NONE);
    this.placelessActor.push(NONE);
    this.place.push(-1);
    this.latestFrom.push(NO_DAY);
    this.earliestTo.push(NO_DAY);
    this.note(g, it);
    while (this.kinds.length <= kind) this.kinds.push({ byPlace: new Map(), byActorNoPlace: new Map(), byActor: new Map() });
    const index = this.kinds[kind]!;
    const x = this.figures.actor[it]!;
    const p = this.figures.place[it]!;
    if (p >= 0) addToList(index.byPlace, p, g);
    else if (x >= 0) addToList(index.byActorNoPlace, x, g);
    if (x >= 0) addToList(index.byActor, x, g);
    return g;
  }

  /** Adds figure `it` to group g (the caller has checked that it fits). */
  join(g: number, it: number): void {
    this.next[it] = this.newest.get(g);
    this.newest.set(g, it);
    this.note(g, it);
  }

  /** Updates what group g keeps for its new member `it`. */
  private note(g: number, it: number): void {
    const f = this.figures;
    const x = f.actor[it]!;
    if (x >= 0) this.actorOf.set(g, x);
    if (f.group[it]! >= 0) this.countedOf.set(g, f.group[it]!);
    this.everyActor.set(g, agree(this.everyActor.get(g), x));
    const p = f.place[it]!;
    if (p < 0) this.placelessActor.set(g, agree(this.placelessActor.get(g), x));
    else if (this.place.get(g) < 0) this.place.set(g, p);
    else if (this.place.get(g) !== p) {
      const others = this.otherPlaces.get(g);
      if (!others) this.otherPlaces.set(g, [p]);
      else if (!others.includes(p)) others.push(p);
    }
    const from = f.from[it]!;
    if (from === NO_DAY) return;
    const to = f.to[it]!;
    const first = this.latestFrom.get(g) === NO_DAY;
    this.latestFrom.set(g, first ? from : Math.max(this.latestFrom.get(g), from));
    this.earliestTo.set(g, first ? to : Math.min(this.earliestTo.get(g), to));
  }
}

/** The actor all of a set of members name, after one more naming `actor` (-1 for none). */
function agree(sofar: number, actor: number): number {
  if (actor < 0) return MIXED;
  return sofar === NONE || sofar === actor ? actor : MIXED;
}
