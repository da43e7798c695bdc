// Lists and totals of awards: won by a company, by a company's group, or made in a region.
// Every list has the same order (date descending, undated last, then id) and keyset cursors.
import neo4j, { type Integer } from 'neo4j-driver';
import { namedQuery, type GraphReader, type NamedQuery } from './reader.ts';
import { AFTER_CURSOR, AWARD_ORDER, COUNTS_IN_TOTAL, MAX_OWNERSHIP_DEPTH, PATH_BOUNDS, PERCENT, SIMPLE_PATH } from './fragments.ts';
import { project, type AwardRow, type CompanyRow } from './rows.ts';
import type { AwardSortKey } from './cursor.ts';
import { ROLLUP_STATE, ROLLUPS_FRESH } from './rollups.ts';

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
  /** When the total may come from the rollups (src/graph/rollups.ts), given the arguments. */
  rollupWhen: string;
  /** Cypher binding `rollupFen` from the rollups; it runs for every row, guarded by `fast`. */
  rollupTotal: string;
  /** For scopes that can hold a large share of all awards: paging through the Award(date) index. */
  dense?: DensePaging;
}

/**
 * Paging a big list by walking the Award(date) index from the newest and keeping the awards that
 * belong: it stops after about first ÷ share rows instead of sorting tens of thousands. Undated
 * awards, last in the order, come from the scope's own list. The choice of path only changes the
 * speed, never the rows: both give the same rows in the same order.
 */
interface DensePaging {
  /** Estimated awards in scope (a degree, or a rollup count: a stale one only costs speed). */
  size: string;
  /** When the arguments allow the walk at all. */
  when: string;
  /** `a` belongs to the scope (and passes the filters other than dates). */
  member: string;
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
  rollupWhen: '$regionCode IS NULL AND $from IS NULL AND $to IS NULL',
  rollupTotal: 'WITH *, CASE WHEN fast THEN c.rollupAwardFen END AS rollupFen',
  dense: {
    size: 'COUNT { (c)<-[:AWARDED_TO]-() }',
    when: '$regionCode IS NULL',
    member: 'EXISTS { (a)-[:AWARDED_TO]->(c) }',
  },
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

/**
 * Awards won by any member of a company's group; an award two members share counts once. The
 * members are found once per company (the head binds them), whichever path uses them.
 */
const groupScope: AwardScope = {
  name: 'Group',
  head: `MATCH (c:Company {id: key})
     CALL (c) { ${GROUP_MEMBERS} RETURN collect(s) AS members }`,
  parent: 'c, members',
  awards: `UNWIND members AS s
     MATCH (s)<-[:AWARDED_TO]-(a:Award) RETURN DISTINCT a`,
  filter: IN_REGION_FILTER,
  rollupWhen: '$regionCode IS NULL',
  // The members' totals, less what two or more members share (counted once, not k times).
  // An award won by k members appears on the CO_WINNER links between them; it counts k - 1 times too often.
  rollupTotal: `CALL (members, fast) {
       WITH members, fast WHERE fast
       UNWIND members AS m
       MATCH (m)-[co:CO_WINNER]->(o:Company) WHERE o IN members
       UNWIND co.awards AS shared
       UNWIND [m, o] AS winner
       WITH shared, count(DISTINCT winner) AS k
       MATCH (a:Award {id: shared})
       RETURN sum((k - 1) * a.amountFen) AS overlap
     }
     WITH *, CASE WHEN fast THEN reduce(t = 0, m IN members | t + m.rollupAwardFen) - overlap END AS rollupFen`,
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
  rollupWhen: 'true',
  rollupTotal: 'WITH *, CASE WHEN NOT fast THEN null WHEN $includeSubregions THEN r.rollupAwardFen ELSE r.rollupAwardFenOwn END AS rollupFen',
  dense: {
    size: 'coalesce(CASE WHEN $includeSubregions THEN r.rollupAwards ELSE r.rollupAwardsOwn END, 0)',
    when: 'true',
    member: 'EXISTS { MATCH (a)<-[:HAS_AWARD]-(:Project)-[:IN_REGION]->(sub:Region)-[:PART_OF*0..2]->(r) WHERE $includeSubregions OR sub = r }',
  },
};

/** The date range a scope's filters allow ($from/$to exist only where the scope takes them). */
function dateRange(scope: AwardScope): { from: string; to: string; undated: string } {
  const dated = scope.filter.includes('$from');
  return {
    from: dated ? "coalesce($from, '0')" : "'0'",
    to: dated ? "coalesce($to, '9999-12-31')" : "'9999-12-31'",
    undated: dated ? '$from IS NULL AND $to IS NULL' : 'true',
  };
}

/** One page per parent: `$limit` rows after the cursor, in the award order. */
function pageQuery<P extends object>(scope: AwardScope) {
  const sparse = `
       CALL (${scope.parent}) { ${scope.awards} }
       WITH a WHERE ${scope.filter} AND ${AFTER_CURSOR('a')}
       ORDER BY ${AWARD_ORDER('a')}
       LIMIT $limit
       RETURN collect(a) AS rows`;
  if (!scope.dense) {
    return namedQuery<P & PageParams, { key: string; awards: AwardRow[] }>(
      `awardsOf${scope.name}`,
      `UNWIND $ids AS key
       ${scope.head}
       CALL (${scope.parent}) { ${sparse} }
       RETURN key, [a IN rows | ${project.award('a')}] AS awards`,
    );
  }
  const d = scope.dense;
  const range = dateRange(scope);
  return namedQuery<P & PageParams, { key: string; awards: AwardRow[] }>(
    `awardsOf${scope.name}`,
    `WITH COUNT { (:Award) } AS allAwards
     UNWIND $ids AS key
     ${scope.head}
     WITH key, ${scope.parent}, ${d.when} AND ${d.size} * 200 >= allAwards AS dense
     CALL (${scope.parent}, dense) {
       WITH ${scope.parent}, dense WHERE NOT dense
       ${sparse}
     }
     OPTIONAL CALL (${scope.parent}, dense) {
       WITH ${scope.parent}, dense WHERE dense
       CALL (${scope.parent}) {
         MATCH (a:Award) USING INDEX a:Award(date)
         WHERE a.date >= ${range.from} AND a.date <= ${range.to} AND ($afterDate IS NULL OR a.date <= $afterDate)
         WITH a ORDER BY a.date DESC
         WHERE ${d.member} AND ($afterDate IS NULL OR a.date < $afterDate OR a.id > $afterId)
         WITH a ORDER BY a.date DESC, a.id ASC
         LIMIT $limit
         RETURN collect(a) AS dated
       }
       CALL (${scope.parent}, dated) {
         WITH ${scope.parent}, dated WHERE size(dated) < $limit AND ${range.undated}
         CALL (${scope.parent}) { ${scope.awards} }
         WITH a WHERE coalesce(a.date, '') = '' AND ${scope.filter} AND ($afterDate IS NULL OR $afterDate <> '' OR a.id > $afterId)
         WITH a ORDER BY a.id
         LIMIT $limit
         RETURN collect(a) AS undated
       }
       RETURN (dated + undated)[..$limit] AS denseRows
     }
     RETURN key, [a IN CASE WHEN dense THEN denseRows ELSE rows END | ${project.award('a')}] AS awards`,
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

/**
 * Totals in fen: from the rollups when they are fresh and the arguments allow it, else summed
 * live over the awards. Both paths sit in the one statement; the unused one does no work.
 */
function totalQuery<P extends object>(scope: AwardScope) {
  return namedQuery<P & { ids: string[] }, { key: string; fen: number }>(
    `awardTotalOf${scope.name}`,
    `${ROLLUP_STATE}
     WITH ${ROLLUPS_FRESH} AND ${scope.rollupWhen} AS fast
     UNWIND $ids AS key
     ${scope.head}
     CALL (${scope.parent}, fast) {
       WITH ${scope.parent}, fast WHERE NOT fast
       CALL (${scope.parent}) { ${scope.awards} }
       WITH a WHERE ${scope.filter} AND ${COUNTS_IN_TOTAL('a')}
       RETURN sum(a.amountFen) AS liveFen
     }
     ${scope.rollupTotal}
     RETURN key, CASE WHEN fast THEN rollupFen ELSE liveFen END AS fen`,
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

/**
 * A company's awards, one page. A big supplier (≥ 0.5% of all awards: the lists readers open most)
 * walks the date index; others, and any region filter, sort their own list.
 */
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

/**
 * The companies that won the most (by value) in each region; consortium awards count in full for
 * each member. From the rollups' ranking when fresh, else ranked live.
 */
export const topSuppliersInRegions = namedQuery<{ ids: string[]; includeSubregions: boolean; limit: Integer }, SupplierTotalRow>(
  'topSuppliersInRegions',
  `${ROLLUP_STATE}
   WITH ${ROLLUPS_FRESH} AS fast
   UNWIND $ids AS key
   MATCH (r:Region {code: key})
   CALL (r, fast) {
     WITH r, fast WHERE NOT fast
     CALL (r) { ${regionScope.awards} }
     WITH a WHERE a.status = 'active'
     MATCH (a)-[:AWARDED_TO]->(c:Company)
     WITH DISTINCT c, a
     WITH c, sum(CASE WHEN ${COUNTS_IN_TOTAL('a')} THEN a.amountFen ELSE 0 END) AS fen, count(a) AS awards
     ORDER BY fen DESC, awards DESC, c.id
     LIMIT $limit
     RETURN c, fen, awards
     UNION
     WITH r, fast WHERE fast
     WITH CASE WHEN $includeSubregions THEN [r.rollupTopIds, r.rollupTopFen, r.rollupTopAwards]
               ELSE [r.rollupTopIdsOwn, r.rollupTopFenOwn, r.rollupTopAwardsOwn] END AS top
     UNWIND range(0, size(top[0]) - 1)[..$limit] AS i
     MATCH (c:Company {id: top[0][i]})
     RETURN c, top[1][i] AS fen, top[2][i] AS awards
   }
   RETURN key, ${project.company('c')} AS company, fen, awards
   ORDER BY key, fen DESC, awards DESC, company.id`,
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
