// Writes one list file: its Document, its entries (planned by list-plan.ts against what the
// database holds) and its name links, in one transaction. Knows nothing of parsing.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import type { ListExtract } from '../lists/entry.ts';
import type { DocumentOutcome } from './loader.ts';
import { countersOf, emptyCounters, type Counters } from './loader.ts';
import { planListFile, type EntryState } from './list-plan.ts';
import { documentProps, type DocumentMeta } from './plan.ts';

export interface ListLoadItem {
  kind: 'list';
  document: DocumentMeta;
  /** The list format that read it (csl-json, ofac-csv…). */
  source: string;
  extract: ListExtract;
}

const READ_ENTRIES = `
MATCH (e:ListEntry)
WHERE e.id IN $ids OR (e.feed = $feed AND e.list IN $lists)
RETURN e {.id, .feed, .list, .names, .nameKeys, .addresses, .identifiers, .usccs, .notes, .programmes, .history, .delistedOn, .lastSeenOn, .firstSeenOn} AS e`;

const MERGE_LIST_DOCUMENT = `
MERGE (d:Document {sha256: $sha256})
SET d += $props`;

const MERGE_ENTRIES = `
UNWIND $rows AS row
MERGE (e:ListEntry {id: row.id})
SET e += row`;

const MERGE_ENTRY_SOURCES = `
MATCH (d:Document {sha256: $sha256})
UNWIND $rows AS row
MATCH (e:ListEntry {id: row.id})
MERGE (e)-[s:SOURCED_FROM]->(d)
SET s.where = row.where`;

const MERGE_NAME_LINKS = `
MATCH (d:Document {sha256: $sha256})
UNWIND $rows AS row
MERGE (n:NameLink {id: row.id})
SET n += row.props
MERGE (n)-[s:SOURCED_FROM]->(d)
SET s.where = row.where`;

/** Every change to listings bumps this, so cached restriction results are never read after it. */
export const BUMP_RESTRICTION_STATE = `
MERGE (s:RestrictionState {name: 'listings'})
SET s.version = coalesce(s.version, 0) + 1, s.updatedAt = toString(datetime())`;

function toState(e: Record<string, unknown>): EntryState {
  const arr = (k: string) => (Array.isArray(e[k]) ? (e[k] as string[]) : []);
  return {
    id: e.id as string,
    feed: e.feed as string,
    list: (e.list as string) ?? null,
    names: arr('names'),
    nameKeys: arr('nameKeys'),
    addresses: arr('addresses'),
    identifiers: arr('identifiers'),
    usccs: arr('usccs'),
    notes: arr('notes'),
    programmes: arr('programmes'),
    history: arr('history'),
    delistedOn: (e.delistedOn as string) ?? null,
    lastSeenOn: (e.lastSeenOn as string) ?? null,
    firstSeenOn: (e.firstSeenOn as string) ?? null,
  };
}

/** The date a copy of a list speaks for: when it was retrieved (manifest), else today. */
export function fileDate(d: DocumentMeta, today = new Date()): string {
  return (d.retrievedAt ?? today.toISOString()).slice(0, 10);
}

export class ListLoader {
  constructor(
    private readonly driver: Driver,
    private readonly opts: { database?: string; loaderVersion: string; guard?: (tx: ManagedTransaction) => Promise<void> },
  ) {}

  async load(item: ListLoadItem): Promise<{ outcome: DocumentOutcome; counters: Counters }> {
    const d = item.document;
    const date = fileDate(d);
    const session = this.driver.session({ database: this.opts.database });
    try {
      const counters = await session.executeWrite(async (tx) => {
        await this.opts.guard?.(tx);
        const read = await tx.run(READ_ENTRIES, {
          ids: item.extract.entries.map((e) => e.id),
          feed: item.extract.covers?.feed ?? '',
          lists: item.extract.covers?.lists ?? [],
        });
        const existing = new Map(read.records.map((r) => toState(r.get('e'))).map((s) => [s.id, s]));
        const plan = planListFile(item.extract, { sha256: d.sha256, date }, existing);
        const props = documentProps(d, this.opts.loaderVersion);
        const results = [
          await tx.run(MERGE_LIST_DOCUMENT, { sha256: d.sha256, props }),
          await tx.run(MERGE_ENTRIES, { rows: plan.entries }),
          await tx.run(MERGE_ENTRY_SOURCES, { sha256: d.sha256, rows: plan.sourced }),
          await tx.run(MERGE_NAME_LINKS, { sha256: d.sha256, rows: plan.nameLinks }),
          await tx.run(BUMP_RESTRICTION_STATE),
        ];
        return { counters: countersOf(results), plan };
      });
      const warnings: string[] = [];
      if (counters.plan.delisted.length) warnings.push(`${d.path}: ${counters.plan.delisted.length} entr${counters.plan.delisted.length === 1 ? 'y' : 'ies'} no longer listed, delisted on ${date}: ${counters.plan.delisted.join(', ')}`);
      if (counters.plan.relisted.length) warnings.push(`${d.path}: listed again on ${date}: ${counters.plan.relisted.join(', ')}`);
      return { outcome: { sha256: d.sha256, path: d.path, status: 'ok', warnings }, counters: counters.counters };
    } catch (err) {
      if (!(err instanceof Neo4jError && err.code.startsWith('Neo.ClientError.'))) throw err;
      return { outcome: { sha256: d.sha256, path: d.path, status: 'failed', reason: `could not be written to Neo4j (${err.code}: ${err.message.split('\n')[0]})`, warnings: [] }, counters: emptyCounters() };
    } finally {
      await session.close();
    }
  }
}
