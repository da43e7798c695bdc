// What every restriction-list reader produces: list entries (one per listed party, or a part of one
// that a side file adds), name links, and warnings that name the file and the row.
import type { ReadDocument } from '../read/document.ts';
import type { UnitKinds } from './units.ts';

/** Where an entry came from: each feed numbers its entries its own way. */
export type Feed = 'csl' | 'ofac' | 'opensanctions';

export interface Identifier {
  /** USCC, ISIN, Equity Ticker, Registration Number… as the list names it (USCC for both OFAC spellings). */
  type: string;
  value: string;
  country?: string | null;
}

export interface ListEntryRecord {
  /** Stable id within bidgraph: <feed>:<the source's id> (ofac:30946, csl:<id>, opensanctions:<dataset>:<id>). */
  id: string;
  feed: Feed;
  sourceId: string;
  /**
   * us_bis_entity_list, us_ofac_sdn, us_ofac_ns_cmic, us_dhs_uflpa, opensanctions:<dataset>…; null
   * for a part that only adds names, addresses or remarks to an entry (OFAC's alt, add and comments files).
   */
  list: string | null;
  /** The list's own name for itself, when the file gives it (CSL `source`). */
  listTitle: string | null;
  programmes: string[];
  /** Entity, Individual, Vessel, Aircraft… as given. */
  entityType: string | null;
  /** The primary name; null for a side part. */
  name: string | null;
  aliases: string[];
  addresses: string[];
  identifiers: Identifier[];
  /** YYYY-MM-DD: when the party was listed, if the list says. */
  listedOn: string | null;
  /** YYYY-MM-DD: an end date the list itself states (CSL end_date, a Sanction's endDate). */
  endedOn: string | null;
  remarks: string | null;
  /** What the entry's name says beside the name (a parent, "and any successor…"): no percentage, kept as said. */
  notes: string[];
  /** line N / record N / entity <id>: where the entry is in its file. */
  where: string;
}

/** A row of a name-link CSV: a company's Chinese name and another name of it, with who says so. */
export interface NameLinkRecord {
  name: string;
  alias: string;
  source: string;
  line: number;
}

export interface ListExtract {
  /** The lists this file publishes in full: entries of the feed on these lists that it lacks are delisted. */
  covers: { feed: Feed; lists: string[] } | null;
  entries: ListEntryRecord[];
  nameLinks: NameLinkRecord[];
  /** `<path>: <where>: <reason>`, one per skipped or doubtful row. */
  warnings: string[];
}

/** A list file read piece by piece: `take` each unit in file order, then `finish`. */
export interface ListReading<U> {
  take(unit: U): void;
  finish(): ListExtract;
}

/**
 * One list format: `matches` looks at the start of the content only (so a file too large to hold
 * is recognised by its head); `reading` never throws on bad data. `units` says what it takes.
 */
export type ListSource = { [K in keyof UnitKinds]: ListSourceOf<K> }[keyof UnitKinds];

export interface ListSourceOf<K extends keyof UnitKinds> {
  name: string;
  mediaType: string;
  units: K;
  matches(doc: Pick<ReadDocument, 'html' | 'text'>): boolean;
  reading(path: string): ListReading<UnitKinds[K]>;
}

export function emptyEntry(feed: Feed, sourceId: string, where: string): ListEntryRecord {
  return {
    id: `${feed}:${sourceId}`,
    feed,
    sourceId,
    list: null,
    listTitle: null,
    programmes: [],
    entityType: null,
    name: null,
    aliases: [],
    addresses: [],
    identifiers: [],
    listedOn: null,
    endedOn: null,
    remarks: null,
    notes: [],
    where,
  };
}

/** Trimmed, inner whitespace collapsed; '' for nothing. */
export function clean(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : typeof raw === 'number' ? String(raw) : '';
}

/** Values without empties and repeats, order kept. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map(clean).filter(Boolean))];
}

/** `<path>: <where>: <reason>` collector. */
export function warner(path: string, warnings: string[]): (where: string, msg: string) => void {
  return (where, msg) => void warnings.push(`${path}: ${where}: ${msg}`);
}
