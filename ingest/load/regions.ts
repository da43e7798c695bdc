// The GB/T 2260 gazetteer as Region nodes, PART_OF their parents: loaded once per database.
import type { Driver } from 'neo4j-driver';
import * as Q from './cypher.ts';

export interface RegionEntry {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  status?: string;
}

const CHUNK = 5_000;

/** The gazetteer's Region rows as MERGE_REGIONS writes them (bulk-import writes the same). */
export function gazetteerRows(regions: readonly RegionEntry[]): Required<RegionEntry>[] {
  return regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parent: r.parent, status: r.status ?? 'current' }));
}

/**
 * Writes the gazetteer unless the database already holds at least as many regions. Returns how many
 * regions were written (0 when they were there already).
 */
export async function loadRegions(driver: Driver, regions: readonly RegionEntry[], database?: string): Promise<number> {
  const res = await driver.executeQuery(Q.COUNT_REGIONS, {}, { database, routing: 'READ' });
  const present = Number(res.records[0].get('n'));
  if (present >= regions.length) return 0;
  const rows = gazetteerRows(regions);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await driver.executeQuery(Q.MERGE_REGIONS, { rows: rows.slice(i, i + CHUNK) }, { database });
  }
  const links = rows.filter((r) => r.parent);
  for (let i = 0; i < links.length; i += CHUNK) {
    await driver.executeQuery(Q.MERGE_PART_OF, { rows: links.slice(i, i + CHUNK) }, { database });
  }
  return rows.length;
}
