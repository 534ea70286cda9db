/**
 * The entity records resolve keeps while documents stream past: document entities that
 * resolution cannot tell apart, stored once with their counts summed (entities.ts says which
 * are shared), in columns.
 *
 * A corpus that names many people and places has a record for nearly every document entity
 * (440,671 records for 413,828 entities in 100 MB of the bench's made-up names). As objects
 * of 13 fields, each with its own one-word alias list and its document key, they took ~290
 * bytes of heap a record (127 MB there), the largest part of resolve's peak. In columns a
 * record is a few integers and the pointers to its name and lists; an alias list that is
 * just the name, the common case, is not kept at all (ALIASES_ARE_NAME), and the document
 * key is kept as its rank among its document's keys, which orders records the same way.
 */
import { compareText, type DocEntity, type EntityType } from "../doc.js";
import { FNV_OFFSET, FNV_PRIME, fnvOn } from "../fnv.js";
import { IntColumn, Interner, Postings } from "./compact.js";

/** A document entity and how often the document mentions it: what resolution needs of a document. */
export type CountedEntity = DocEntity & { mentions: number };

/** The fields two document entities must share to be stored as one record. */
export type Signed = {
  type: EntityType;
  subtype: string | null;
  name: string;
  aliases: readonly string[];
  lexiconId: string | null;
  roles: readonly string[];
  /** per affiliation: the record of that organization in the same document, or a text unique to the document when it is not one of its entities */
  affiliations: readonly (number | string)[];
};

/** One empty list for every record without roles or affiliations (most of them, in a corpus of many names). */
const NONE: readonly never[] = Object.freeze([]);
/** Stands for an alias list that is exactly [name]. */
const ALIASES_ARE_NAME: readonly never[] = Object.freeze([]);

/** A 32-bit hash of a signature's fields (FNV-1a; fnv.ts), a different value mixed in before each kind of field. Only a look-up key: sameSignature decides. */
export function signatureHash(e: Signed): number {
  /** one more FNV-1a step, over a small number that says which kind of field follows */
  const tag = (h: number, kind: number) => Math.imul(h ^ kind, FNV_PRIME);
  let h = fnvOn(FNV_OFFSET, e.type);
  h = fnvOn(tag(h, 1), e.subtype ?? "\u0000");
  h = fnvOn(tag(h, 1), e.name);
  for (const a of e.aliases) h = fnvOn(tag(h, 2), a);
  h = fnvOn(tag(h, 1), e.lexiconId ?? "\u0000");
  for (const r of e.roles) h = fnvOn(tag(h, 3), r);
  for (const a of e.affiliations) h = typeof a === "number" ? tag(tag(h, 4), a) : fnvOn(tag(h, 5), a);
  return h;
}

/** Equal lists (numbers and texts compared as they are: record 1 is not the text "1"). */
function sameList(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class EntityRecords {
  private readonly types = new Interner();
  private readonly typeIds = new IntColumn();
  /** subtypes and lexicon ids repeat: each text once */
  private readonly labels = new Interner();
  private readonly subtypeIds = new IntColumn();
  private readonly lexiconIds = new IntColumn();
  private readonly names: string[] = [];
  /** what only the join rules read (null once they are done: doneJoining) */
  private lists: {
    /** ALIASES_ARE_NAME, or the list */
    aliases: (readonly string[])[];
    roles: (readonly string[])[];
    affiliations: (readonly (number | string)[])[];
  } | null = { aliases: [], roles: [], affiliations: [] };
  /** the smallest (source, key) among its document entities: its document, and the key's rank among that document's keys */
  private readonly firstDocs = new IntColumn();
  private readonly firstRanks = new IntColumn();
  private readonly mentionCounts = new IntColumn();
  /** Σ max(1, mentions) over its document entities: how strongly it votes for its type */
  private readonly typeWeights = new IntColumn();
  /** how many document entities it stands for */
  private readonly nodeCounts = new IntColumn();
  private readonly sourceIds: string[] = [];
  /**
   * Records that rules 1–2 join anyway, by a hash of everything resolution reads of them
   * (signatureHash): a record, or the records whose signatures share that hash. Each is
   * compared field by field before it is shared. As the JSON text of the fields, the
   * signatures were 64 MB of the 222 MB of heap that a corpus of 440,671 records held
   * once its summaries were read.
   */
  private readonly bySignature = new Postings();

  get length(): number {
    return this.names.length;
  }

  type(rec: number): EntityType {
    return this.types.values[this.typeIds.get(rec)] as EntityType;
  }
  subtype(rec: number): string | null {
    return this.labels.value(this.subtypeIds.get(rec));
  }
  name(rec: number): string {
    return this.names[rec]!;
  }
  aliases(rec: number): readonly string[] {
    const list = this.joinLists().aliases[rec]!;
    return list === ALIASES_ARE_NAME ? [this.names[rec]!] : list;
  }
  lexiconId(rec: number): string | null {
    return this.labels.value(this.lexiconIds.get(rec));
  }
  roles(rec: number): readonly string[] {
    return this.joinLists().roles[rec]!;
  }
  affiliations(rec: number): readonly (number | string)[] {
    return this.joinLists().affiliations[rec]!;
  }

  mentions(rec: number): number {
    return this.mentionCounts.get(rec);
  }
  typeWeight(rec: number): number {
    return this.typeWeights.get(rec);
  }
  nodes(rec: number): number {
    return this.nodeCounts.get(rec);
  }

  private joinLists(): NonNullable<EntityRecords["lists"]> {
    if (!this.lists) throw new Error("entity records: aliases, roles and affiliations were let go (doneJoining)");
    return this.lists;
  }

  /**
   * Orders records by their first document entity: by source_id, then key, the order of the
   * texts "<source_id>\0<key>" (no source_id holds a NUL) without making them. Within one
   * document the keys' ranks give the keys' order.
   */
  compareFirst(a: number, b: number): number {
    return this.compareNodes(this.firstDocs.get(a), this.firstRanks.get(a), this.firstDocs.get(b), this.firstRanks.get(b));
  }

  /** The order of two document entities, each as (document, rank of its key in the document). */
  private compareNodes(docA: number, rankA: number, docB: number, rankB: number): number {
    if (docA !== docB) {
      const bySource = compareText(this.sourceIds[docA]!, this.sourceIds[docB]!);
      if (bySource !== 0) return bySource;
    }
    return rankA - rankB;
  }

  /**
   * Adds one document's entities; returns the record of each entity key. `shareable` says
   * whether a new record may be shared by later documents (only records rules 1–2 join anyway).
   */
  addDocument(sourceId: string, entities: readonly CountedEntity[], shareable: (e: Signed) => boolean): Map<string, number> {
    const doc = this.sourceIds.push(sourceId) - 1;
    const recordOf = new Map<string, number>();
    const byKey = [...entities].sort((a, b) => compareText(a.key, b.key));
    // a person's record names the records of its affiliations, so those come first
    for (const withAffiliations of [false, true]) {
      for (let rank = 0; rank < byKey.length; rank++) {
        const e = byKey[rank]!;
        if (e.affiliations.length > 0 !== withAffiliations) continue;
        const affiliations = e.affiliations.length === 0 ? NONE : e.affiliations.map((a) => recordOf.get(a) ?? `${doc}\u0000${a}`);
        const signed: Signed = { type: e.type, subtype: e.subtype, name: e.name, aliases: e.aliases, lexiconId: e.lexiconId, roles: e.roles.length === 0 ? NONE : e.roles, affiliations };
        const hash = signatureHash(signed);
        // a signature found is one rules 1–2 join (its fields decide it), so whether a new one
        // may be shared is asked only of a signature not seen before
        let rec = this.findShared(hash, signed);
        if (rec === undefined) {
          rec = this.push(signed, doc, rank);
          if (shareable(signed)) this.bySignature.add(hash, rec);
        } else if (this.compareNodes(doc, rank, this.firstDocs.get(rec), this.firstRanks.get(rec)) < 0) {
          this.firstDocs.set(rec, doc);
          this.firstRanks.set(rec, rank);
        }
        this.mentionCounts.set(rec, this.mentionCounts.get(rec) + e.mentions);
        this.typeWeights.set(rec, this.typeWeights.get(rec) + Math.max(1, e.mentions));
        this.nodeCounts.set(rec, this.nodeCounts.get(rec) + 1);
        recordOf.set(e.key, rec);
      }
    }
    return recordOf;
  }

  /** No document is added after this: the look-up of shared records can go. */
  doneAdding(): void {
    this.bySignature.clear();
  }

  /**
   * The join rules are done: aliases, roles and affiliations, which only they read, can go
   * before records are grouped into entities (a pointer each, 20 MB for 830,000 records, and
   * the lists that are not shared).
   */
  doneJoining(): void {
    this.lists = null;
  }

  private push(e: Signed, doc: number, rank: number): number {
    const rec = this.names.push(e.name) - 1;
    this.typeIds.push(this.types.id(e.type));
    this.subtypeIds.push(this.labels.id(e.subtype ?? null));
    this.lexiconIds.push(this.labels.id(e.lexiconId ?? null));
    const lists = this.joinLists();
    lists.aliases.push(e.aliases.length === 1 && e.aliases[0] === e.name ? ALIASES_ARE_NAME : e.aliases);
    lists.roles.push(e.roles);
    lists.affiliations.push(e.affiliations);
    this.firstDocs.push(doc);
    this.firstRanks.push(rank);
    this.mentionCounts.push(0);
    this.typeWeights.push(0);
    this.nodeCounts.push(0);
    return rec;
  }

  /** Same signature: every field equal (a missing subtype or lexicon id is null). */
  private sameSignature(rec: number, e: Signed): boolean {
    return (
      this.type(rec) === e.type &&
      this.subtype(rec) === (e.subtype ?? null) &&
      this.names[rec] === e.name &&
      this.lexiconId(rec) === (e.lexiconId ?? null) &&
      sameList(this.aliases(rec), e.aliases) &&
      sameList(this.roles(rec), e.roles) &&
      sameList(this.affiliations(rec), e.affiliations)
    );
  }

  /** The shared record with exactly these fields, or undefined. */
  private findShared(hash: number, e: Signed): number | undefined {
    return this.bySignature.get(hash).find((rec) => this.sameSignature(rec, e));
  }
}
