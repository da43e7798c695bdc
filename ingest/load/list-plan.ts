// A list file → the ListEntry and NameLink rows to write. Pure: the current state of the entries it
// touches (and of those it could delist) comes in; nothing is ever removed. A newer copy updates an
// entry's facts; names, addresses and identifiers accumulate; an entry the newer copy lacks is
// delisted on that copy's date; an entry that comes back is relisted, with both events in `history`.
import { listNameKey, nameKey } from '../../src/domain/names.ts';
import type { ListEntryRecord, ListExtract } from '../lists/entry.ts';

export interface EntryState {
  id: string;
  feed: string;
  list: string | null;
  names: string[];
  nameKeys: string[];
  addresses: string[];
  identifiers: string[];
  usccs: string[];
  notes: string[];
  programmes: string[];
  history: string[];
  delistedOn: string | null;
  lastSeenOn: string | null;
  firstSeenOn: string | null;
}

export type EntryProps = Record<string, unknown> & { id: string };

export interface ListFilePlan {
  /** Full properties of every entry the file touches or delists. */
  entries: EntryProps[];
  /** Entries the file lists, with where (line, record). */
  sourced: { id: string; where: string }[];
  nameLinks: { id: string; props: Record<string, unknown>; where: string }[];
  delisted: string[];
  relisted: string[];
}

const union = (a: readonly string[] | null | undefined, b: readonly string[]): string[] => [...new Set([...(a ?? []), ...b])];
const event = (e: string, on: string, sha256: string) => JSON.stringify({ event: e, on, sha256 });

function fresh(r: ListEntryRecord): EntryState {
  return {
    id: r.id,
    feed: r.feed,
    list: null,
    names: [],
    nameKeys: [],
    addresses: [],
    identifiers: [],
    usccs: [],
    notes: [],
    programmes: [],
    history: [],
    delistedOn: null,
    lastSeenOn: null,
    firstSeenOn: null,
  };
}

/** The same entry's parts in one file (OFAC's side files can name an entity twice): merged. */
function mergedRecords(records: readonly ListEntryRecord[]): ListEntryRecord[] {
  const byId = new Map<string, ListEntryRecord>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (!seen) byId.set(r.id, { ...r, aliases: [...r.aliases], addresses: [...r.addresses], identifiers: [...r.identifiers], notes: [...r.notes] });
    else {
      seen.aliases.push(...r.aliases, ...(r.name && r.name !== seen.name ? [r.name] : []));
      seen.addresses.push(...r.addresses);
      seen.identifiers.push(...r.identifiers);
      seen.notes.push(...r.notes);
    }
  }
  return [...byId.values()];
}

export function planListFile(
  extract: ListExtract,
  file: { sha256: string; date: string },
  existing: ReadonlyMap<string, EntryState>,
): ListFilePlan {
  const plan: ListFilePlan = { entries: [], sourced: [], nameLinks: [], delisted: [], relisted: [] };
  const inFile = new Set<string>();
  for (const r of mergedRecords(extract.entries)) {
    inFile.add(r.id);
    const s = existing.get(r.id) ?? fresh(r);
    const names = [r.name, ...r.aliases].filter((n): n is string => Boolean(n));
    const identifiers = r.identifiers.map((i) => `${i.type} ${i.value}`);
    const props: EntryProps = {
      id: r.id,
      feed: r.feed,
      sourceId: r.sourceId,
      names: union(s.names, names),
      nameKeys: union(s.nameKeys, names.map(listNameKey).filter(Boolean)),
      addresses: union(s.addresses, r.addresses),
      identifiers: union(s.identifiers, identifiers),
      usccs: union(s.usccs, r.identifiers.filter((i) => i.type === 'USCC').map((i) => i.value)),
      notes: union(s.notes, r.list === null && r.remarks ? [...r.notes, `remarks continued: ${r.remarks}`] : r.notes),
      programmes: union(s.programmes, r.programmes),
      firstSeenOn: s.firstSeenOn ?? file.date,
    };
    // A side part (OFAC alt/add/comments) adds names and the like; the primary row says the rest.
    const isNewest = !s.lastSeenOn || s.lastSeenOn <= file.date;
    if (r.list !== null && isNewest) {
      Object.assign(props, {
        list: r.list,
        listTitle: r.listTitle,
        entityType: r.entityType,
        name: r.name,
        listedOn: r.listedOn,
        endedOn: r.endedOn,
        remarks: r.remarks,
        sha256: file.sha256,
        lastSeenOn: file.date,
      });
      const history = [...s.history];
      if (s.list === null || history.length === 0) history.push(event('listed', r.listedOn ?? file.date, file.sha256));
      if (s.delistedOn && s.delistedOn <= file.date) {
        history.push(event('relisted', file.date, file.sha256));
        props.delistedOn = null;
        props.delistedIn = null;
        plan.relisted.push(r.id);
      }
      props.history = history;
    }
    plan.entries.push(props);
    plan.sourced.push({ id: r.id, where: r.where });
  }
  // Delistings: entries of the lists this file publishes in full, seen before in an older copy, absent now.
  if (extract.covers) {
    for (const s of existing.values()) {
      if (inFile.has(s.id) || s.feed !== extract.covers.feed || !s.list || !extract.covers.lists.includes(s.list)) continue;
      if (s.delistedOn || (s.lastSeenOn && s.lastSeenOn >= file.date)) continue;
      plan.entries.push({ id: s.id, delistedOn: file.date, delistedIn: file.sha256, history: [...s.history, event('delisted', file.date, file.sha256)] });
      plan.delisted.push(s.id);
    }
  }
  for (const nl of extract.nameLinks) {
    plan.nameLinks.push({
      id: `nl:${file.sha256}:${nl.line}`,
      props: { name: nl.name, alias: nl.alias, nameKey: nameKey(nl.name), aliasKey: listNameKey(nl.alias), source: nl.source, sha256: file.sha256, line: nl.line },
      where: `line ${nl.line}`,
    });
  }
  return plan;
}
