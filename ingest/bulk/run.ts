// `bidgraph bulk-import`: a first load through neo4j-admin instead of row-by-row writes, in three steps.
//  1. plan: every document read and extracted as ingest reads it (or taken from Notice JSON Lines), planned
//     by ingest's planner against the graph built so far in memory (graph.ts), written as CSV (tables.ts);
//  2. import: the local server stopped, neo4j-admin builds the database from the CSV, the server started;
//  3. finish as ingest finishes: the schema, restriction lists and name links (through the ListLoader),
//     list matching; the caller refreshes the rollups.
// Nothing of the database is read while planning, so the graph is the one ingest builds from nothing.
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { stop } from '../../src/db/local-server.ts';
import { awaitSearchIndexes } from '../../src/db/migrate.ts';
import { allRegions } from '../../src/domain/region.ts';
import { addCounters, LOADER_VERSION } from '../load/loader.ts';
import type { ListLoadItem } from '../load/lists.ts';
import { ListLoader } from '../load/lists.ts';
import { matchListings, type MatchSummary } from '../load/listings.ts';
import type { IngestOptions, IngestSummary } from '../pipeline.ts';
import { ingest } from '../pipeline.ts';
import type { AdminImport } from './admin.ts';
import { runImport } from './admin.ts';
import { BulkGraph } from './graph.ts';
import { ARRAY_DELIMITER } from './table.ts';
import type { ImportFiles } from './tables.ts';
import { BulkTables } from './tables.ts';

export type PlanOptions = Omit<IngestOptions, 'driver' | 'sink' | 'reextract' | 'lease' | 'matchListings'> & {
  /** Where the CSV files go. */
  dir: string;
};

export interface PlannedImport {
  summary: IngestSummary;
  files: ImportFiles;
  /** Restriction lists and name-link files, loaded through the ListLoader after the import. */
  lists: ListLoadItem[];
  csvMs: number;
}

/** Step 1: every document through ingest's reading and planning into the in-memory graph, then its CSV files. */
export async function planImport(opts: PlanOptions): Promise<PlannedImport> {
  const tables = new BulkTables(opts.dir);
  const graph = new BulkGraph(tables, allRegions());
  const summary = await ingest({ ...opts, driver: null, sink: graph, reextract: 'off' });
  const t0 = performance.now();
  const files = tables.finish(graph);
  return { summary, files, lists: graph.listItems, csvMs: performance.now() - t0 };
}

/** The neo4j-admin import of planned files: lists of strings split on U+001F, snippets spanning lines, no bad entry tolerated. */
export function adminImport(files: ImportFiles, dir: string, database: string): AdminImport {
  const source = (f: ImportFiles['nodes'][number]): [string, string] => [f.name, `${f.header},${f.body}`];
  return {
    database,
    reportFile: path.join(dir, 'import.report'),
    options: [`--array-delimiter=U+${ARRAY_DELIMITER.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, '--multiline-fields=true', '--bad-tolerance=0'],
    nodes: files.nodes.filter((f) => f.rows > 0).map(source),
    relationships: files.relationships.filter((f) => f.rows > 0).map(source),
  };
}

/** What the database holds besides the gazetteer and bookkeeping: a bulk import replaces it all. */
export async function factsHeld(driver: Driver, database?: string): Promise<number> {
  const res = await driver.executeQuery(
    'MATCH (n) WHERE NOT n:Region AND NOT n:RollupState AND NOT n:WriterLease AND NOT n:RestrictionState RETURN count(n) AS n',
    {},
    { database, routing: 'READ' },
  );
  return Number(res.records[0].get('n'));
}

export interface ImportOutcome {
  driver: Driver;
  importer: string[];
  listsLoaded: number;
  matching: MatchSummary | null;
  importMs: number;
  finishMs: number;
}

/** Steps 2 and 3 on the local server: stop, import, start, then what ingest does after its writes. Returns an open driver. */
export async function importLocally(cfg: Config, planned: PlannedImport, spec: AdminImport, heap: string, log: (line: string) => void): Promise<ImportOutcome> {
  const t0 = performance.now();
  await stop(cfg.local);
  const importer = runImport(cfg.local, spec, heap, path.dirname(spec.reportFile), log);
  const t1 = performance.now();
  const driver = await ensureDatabase({ ...cfg, neo4j: { ...cfg.neo4j, database: spec.database } }, log);
  let listsLoaded = 0;
  let matching: MatchSummary | null = null;
  try {
    const lists = new ListLoader(driver, { database: spec.database, loaderVersion: LOADER_VERSION });
    for (const item of planned.lists) {
      const r = await lists.load(item);
      addCounters(planned.summary.counters, r.counters);
      if (r.outcome.status === 'ok') listsLoaded++;
      else {
        const report = planned.summary.documents.find((d) => d.sha256 === item.document.sha256);
        if (report) Object.assign(report, { status: 'failed', reason: r.outcome.reason });
        planned.summary.ok--;
        planned.summary.failed++;
      }
    }
    if (planned.summary.ok > 0) {
      await awaitSearchIndexes(driver, spec.database);
      matching = await matchListings(driver, spec.database);
    }
  } catch (err) {
    await driver.close();
    throw err;
  }
  return { driver, importer, listsLoaded, matching, importMs: t1 - t0, finishMs: performance.now() - t1 };
}
