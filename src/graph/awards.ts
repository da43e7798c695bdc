// Lists and totals of awards: won by a company, by a company's group, or made in a region.
// Every list has the same order (date descending, undated last, then id) and keyset cursors.
import neo4j, { type Integer } from 'neo4j-driver';
import { namedQuery, type GraphReader, type NamedQuery } from './reader.ts';
import { AFTER_CURSOR, AWARD_ORDER, COUNTS_IN_TOTAL, MAX_OWNERSHIP_DEPTH, PATH_BOUNDS, PERCENT, SIMPLE_PATH } from './fragments.ts';
import { project, type AwardRow, type CompanyRow } from './rows.ts';
import type { AwardSortKey } from './cursor.ts';

/**
 * Where a list of awards comes from. Each scope is the head of a query (binding `key` and the
 * parent) plus a subquery body yielding DISTINCT awards `a`, and the filters its arguments allow.
 */
interface AwardScope {
  name: string;
  head: string;
  parent: string;
  awards: string;
  filter: string;
}

const IN_REGION_FILTER = `($regionCode IS NULL OR EXISTS {
      MATCH (a)<-[:HAS_AWARD]-(:Project)-[:IN_REGION]->(:Region)-[:PART_OF*0..2]->(:Region {code: $regionCode}) })`;

/** Awards a company won, alone or in a consortium. */
const companyScope: AwardScope = {
  name: 'Company',
  head: 'MATCH (c:Company {id: key})',
  parent: 'c',
  awards: 'MATCH (c)<-[:AWARDED_TO]-(a:Award) RETURN DISTINCT a',
  filter: `($from IS NULL OR a.date >= $from) AND ($to IS NULL OR a.date <= $to) AND ${IN_REGION_FILTER}`,
};

/** The company and every company it holds at least $minShare percent of in effect (certain lower bound). */
const GROUP_MEMBERS = `
     CALL (c) {
       RETURN c AS s
       UNION
       MATCH p = (c)-[:OWNS*1..${MAX_OWNERSHIP_DEPTH}]->(s:Company)
       WHERE ${SIMPLE_PATH('p')}
       WITH s, sum(${PATH_BOUNDS('p')}[0]) AS lo
       WHERE ${PERCENT('lo')} >= $minShare
       RETURN s
     }`;

/** Awards won by any member of a company's group; an award two members share counts once. */
const groupScope: AwardScope = {
  name: 'Group',
  head: 'MATCH (c:Company {id: key})',
  parent: 'c',
  awards: `${GROUP_MEMBERS}
     MATCH (s)<-[:AWARDED_TO]-(a:Award) RETURN DISTINCT a`,
  filter: IN_REGION_FILTER,
};

/** Awards of projects in a region, and with $includeSubregions in its prefectures and counties. */
const regionScope: AwardScope = {
  name: 'Region',
  head: 'MATCH (r:Region {code: key})',
  parent: 'r',
  awards: `MATCH (r)<-[:PART_OF*0..2]-(sub:Region)
     WHERE $includeSubregions OR sub = r
     MATCH (sub)<-[:IN_REGION]-(:Project)-[:HAS_AWARD]->(a:Award)
     RETURN DISTINCT a`,
  filter: 'true',
};

function pageQuery<P extends object>(scope: AwardScope) {
  return namedQuery<P & PageParams, { key: string; awards: AwardRow[] }>(
    `awardsOf${scope.name}`,
    `UNWIND $ids AS key
     ${scope.head}
     CALL (${scope.parent}) {
       CALL (${scope.parent}) { ${scope.awards} }
       WITH a WHERE ${scope.filter} AND ${AFTER_CURSOR('a')}
       ORDER BY ${AWARD_ORDER('a')}
       LIMIT $limit
       RETURN collect(${project.award('a')}) AS awards
     }
     RETURN key, awards`,
  );
}

function countQuery<P extends object>(scope: AwardScope) {
  return namedQuery<P & { ids: string[] }, { key: string; count: number }>(
    `awardCountOf${scope.name}`,
    `UNWIND $ids AS key
     ${scope.head}
     CALL (${scope.parent}) {
       CALL (${scope.parent}) { ${scope.awards} }
       WITH a WHERE ${scope.filter}
       RETURN count(a) AS count
     }
     RETURN key, count`,
  );
}

function totalQuery<P extends object>(scope: AwardScope) {
  return namedQuery<P & { ids: string[] }, { key: string; fen: number }>(
    `awardTotalOf${scope.name}`,
    `UNWIND $ids AS key
     ${scope.head}
     CALL (${scope.parent}) {
       CALL (${scope.parent}) { ${scope.awards} }
       WITH a WHERE ${scope.filter} AND ${COUNTS_IN_TOTAL('a')}
       RETURN sum(a.amountFen) AS fen
     }
     RETURN key, fen`,
  );
}

type PageParams = {
  ids: string[];
  afterDate: string | null;
  afterId: string | null;
  /** Cypher's LIMIT needs an integer; a JavaScript number travels as a float. */
  limit: Integer;
};

export type CompanyAwardFilter = {
  regionCode: string | null;
  from: string | null;
  to: string | null;
};

export type GroupAwardFilter = {
  minShare: number;
  regionCode: string | null;
};

export type RegionAwardFilter = {
  includeSubregions: boolean;
};

export const awardsOfCompanies = pageQuery<CompanyAwardFilter>(companyScope);
export const awardCountOfCompanies = countQuery<CompanyAwardFilter>(companyScope);
export const awardTotalOfCompanies = totalQuery<CompanyAwardFilter>(companyScope);
export const awardsOfGroups = pageQuery<GroupAwardFilter>(groupScope);
export const awardCountOfGroups = countQuery<GroupAwardFilter>(groupScope);
export const awardTotalOfGroups = totalQuery<GroupAwardFilter>(groupScope);
export const awardsInRegions = pageQuery<RegionAwardFilter>(regionScope);
export const awardCountInRegions = countQuery<RegionAwardFilter>(regionScope);
export const awardTotalInRegions = totalQuery<RegionAwardFilter>(regionScope);

export const awardsById = namedQuery<{ ids: string[] }, { key: string; award: AwardRow }>(
  'awardsById',
  `UNWIND $ids AS key
   MATCH (a:Award {id: key})
   RETURN key, ${project.award('a')} AS award`,
);

export async function loadAwardsById(reader: GraphReader, ids: readonly string[]): Promise<Map<string, AwardRow>> {
  const rows = await reader.run(awardsById, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.award]));
}

export interface SupplierTotalRow {
  key: string;
  company: CompanyRow;
  fen: number;
  awards: number;
}

/** The companies that won the most (by value) in each region; consortium awards count in full for each member. */
export const topSuppliersInRegions = namedQuery<{ ids: string[]; includeSubregions: boolean; limit: Integer }, SupplierTotalRow>(
  'topSuppliersInRegions',
  `UNWIND $ids AS key
   MATCH (r:Region {code: key})
   CALL (r) {
     CALL (r) { ${regionScope.awards} }
     WITH a WHERE a.status = 'active'
     MATCH (a)-[:AWARDED_TO]->(c:Company)
     WITH DISTINCT c, a
     WITH c, sum(CASE WHEN ${COUNTS_IN_TOTAL('a')} THEN a.amountFen ELSE 0 END) AS fen, count(a) AS awards
     ORDER BY fen DESC, awards DESC, c.id
     LIMIT $limit
     RETURN c, fen, awards
   }
   RETURN key, ${project.company('c')} AS company, fen, awards`,
);

export interface AwardPage {
  rows: AwardRow[];
  hasNextPage: boolean;
}

export type PageQuery<F extends object> = NamedQuery<F & PageParams, { key: string; awards: AwardRow[] }>;
export type CountQuery<F extends object> = NamedQuery<F & { ids: string[] }, { key: string; count: number }>;
export type TotalQuery<F extends object> = NamedQuery<F & { ids: string[] }, { key: string; fen: number }>;

/** One page of awards for each parent: `first` rows after the cursor, and whether more follow. */
export async function loadAwardPages<F extends object>(
  reader: GraphReader,
  query: PageQuery<F>,
  ids: readonly string[],
  filter: F,
  first: number,
  after: AwardSortKey | null,
): Promise<Map<string, AwardPage>> {
  const params = { ...filter, ids: [...ids], afterDate: after?.date ?? null, afterId: after?.id ?? null, limit: neo4j.int(first + 1) };
  const rows = await reader.run(query, params);
  const out = new Map<string, AwardPage>(ids.map((id) => [id, { rows: [], hasNextPage: false }]));
  for (const r of rows) out.set(r.key, { rows: r.awards.slice(0, first), hasNextPage: r.awards.length > first });
  return out;
}

export async function loadAwardCounts<F extends object>(reader: GraphReader, query: CountQuery<F>, ids: readonly string[], filter: F): Promise<Map<string, number>> {
  const rows = await reader.run(query, { ...filter, ids: [...ids] });
  const out = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const r of rows) out.set(r.key, r.count);
  return out;
}

/** Totals in fen; absent for a parent that does not exist. */
export async function loadAwardTotals<F extends object>(reader: GraphReader, query: TotalQuery<F>, ids: readonly string[], filter: F): Promise<Map<string, number>> {
  const rows = await reader.run(query, { ...filter, ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.fen]));
}

export async function loadTopSuppliers(
  reader: GraphReader,
  ids: readonly string[],
  includeSubregions: boolean,
  first: number,
): Promise<Map<string, SupplierTotalRow[]>> {
  const rows = await reader.run(topSuppliersInRegions, { ids: [...ids], includeSubregions, limit: neo4j.int(first) });
  const out = new Map<string, SupplierTotalRow[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.key)?.push(r);
  return out;
}
