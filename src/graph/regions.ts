// Questions about regions: the GB/T 2260 tree (PART_OF) around a code.
import { namedQuery, type GraphReader } from './reader.ts';
import { groupBy, project, type RegionRow } from './rows.ts';

export const regionsByCode = namedQuery<{ ids: string[] }, { key: string; region: RegionRow }>(
  'regionsByCode',
  `UNWIND $ids AS key
   MATCH (r:Region {code: key})
   RETURN key, ${project.region('r')} AS region`,
);

export const parentsOfRegions = namedQuery<{ ids: string[] }, { key: string; region: RegionRow }>(
  'parentsOfRegions',
  `UNWIND $ids AS key
   MATCH (:Region {code: key})-[:PART_OF]->(p:Region)
   RETURN key, ${project.region('p')} AS region
   ORDER BY key, p.code`,
);

export const childrenOfRegions = namedQuery<{ ids: string[] }, { key: string; region: RegionRow }>(
  'childrenOfRegions',
  `UNWIND $ids AS key
   MATCH (c:Region)-[:PART_OF]->(:Region {code: key})
   RETURN key, ${project.region('c')} AS region
   ORDER BY key, c.code`,
);

/** Each region's ancestors and itself, from the province down. */
export const pathsOfRegions = namedQuery<{ ids: string[] }, { key: string; region: RegionRow }>(
  'pathsOfRegions',
  `UNWIND $ids AS key
   MATCH p = (:Region {code: key})-[:PART_OF*0..3]->(a:Region)
   RETURN key, ${project.region('a')} AS region
   ORDER BY key, length(p) DESC`,
);

export async function loadRegions(reader: GraphReader, ids: readonly string[]): Promise<Map<string, RegionRow>> {
  const rows = await reader.run(regionsByCode, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.region]));
}

export async function loadParents(reader: GraphReader, ids: readonly string[]): Promise<Map<string, RegionRow[]>> {
  return groupBy(ids, await reader.run(parentsOfRegions, { ids: [...ids] }), (r) => r.region);
}

export async function loadChildren(reader: GraphReader, ids: readonly string[]): Promise<Map<string, RegionRow[]>> {
  return groupBy(ids, await reader.run(childrenOfRegions, { ids: [...ids] }), (r) => r.region);
}

export async function loadRegionPaths(reader: GraphReader, ids: readonly string[]): Promise<Map<string, RegionRow[]>> {
  return groupBy(ids, await reader.run(pathsOfRegions, { ids: [...ids] }), (r) => r.region);
}
