// Award rollups: totals per region and per company, and each region's top suppliers, computed
// after ingest so that a province's total over a million awards is a property read, not a scan.
//
// Correctness first: the rollups are derived data and may go stale. They carry a fingerprint (the
// counts of awards and of the relationships that place and attribute them, read from Neo4j's
// count store in O(1)); every query that uses them checks it in the same statement and computes
// the figure live when it does not match, or when a writer has set RollupState.stale. The
// fingerprint catches added or removed awards, winners and regions; a change in place (an amount
// corrected) does not alter it, so the loader must call refreshAwardRollups after every ingest
// run, or set RollupState.stale = true in the transaction that changes awards.
import neo4j, { type Driver } from 'neo4j-driver';
import { COUNTS_IN_TOTAL, MAX_OWNERSHIP_DEPTH } from './fragments.ts';

/** How many suppliers a region keeps ranked: the largest page topSuppliers may ask for. */
export const TOP_SUPPLIERS_KEPT = 200;

/** Bumped whenever what the rollups hold changes, so that rollups of an older shape are never read. */
export const ROLLUP_VERSION = 4;

/** The fingerprint of the award data, from the count store (each term is O(1)). */
export const AWARD_DATA_FINGERPRINT = `[COUNT { (:Award) }, COUNT { ()-[:AWARDED_TO]->() }, COUNT { ()-[:HAS_AWARD]->() },
  COUNT { ()-[:IN_REGION]->() }, COUNT { ()-[:PART_OF]->() }, COUNT { (:Region) }, COUNT { (:Company) }]`;

/**
 * A boolean Cypher expression: the rollups exist and match the data. It reads the RollupState
 * node, so a query using it starts with `OPTIONAL MATCH (rollup:RollupState {name: 'awards'})`.
 */
export const ROLLUPS_FRESH = `(rollup IS NOT NULL AND NOT coalesce(rollup.stale, false) AND rollup.version = ${ROLLUP_VERSION} AND rollup.fingerprint = ${AWARD_DATA_FINGERPRINT})`;

export const ROLLUP_STATE = `OPTIONAL MATCH (rollup:RollupState {name: 'awards'})`;

/** Awards won in a region and its subregions (the same scope as the live region queries). */
const REGION_AWARDS = (includeSubregions: boolean) => `
    MATCH (r)<-[:PART_OF*0..${includeSubregions ? 2 : 0}]-(sub:Region)
    MATCH (sub)<-[:IN_REGION]-(:Project)-[:HAS_AWARD]->(a:Award)
    WITH DISTINCT a WHERE a.status = 'active'`;

const TOP_SUPPLIERS = (includeSubregions: boolean, suffix: string) => `
MATCH (r:Region)
CALL (r) {
  CALL (r) {
    ${REGION_AWARDS(includeSubregions)}
    MATCH (a)-[:AWARDED_TO]->(c:Company)
    WITH DISTINCT c, a
    WITH c, sum(CASE WHEN ${COUNTS_IN_TOTAL('a')} THEN a.amountFen ELSE 0 END) AS fen, count(a) AS awards
    ORDER BY fen DESC, awards DESC, c.id
    LIMIT ${TOP_SUPPLIERS_KEPT}
    RETURN collect(c.id) AS ids, collect(fen) AS fens, collect(awards) AS counts
  }
  CALL (r) {
    ${REGION_AWARDS(includeSubregions)} AND ${COUNTS_IN_TOTAL('a')}
    RETURN sum(a.amountFen) AS total
  }
  CALL (r) {
    MATCH (r)<-[:PART_OF*0..${includeSubregions ? 2 : 0}]-(sub:Region)
    MATCH (sub)<-[:IN_REGION]-(:Project)-[:HAS_AWARD]->(a:Award)
    RETURN count(DISTINCT a) AS awards
  }
  SET r.rollupAwardFen${suffix} = total, r.rollupAwards${suffix} = awards,
      r.rollupTopIds${suffix} = ids, r.rollupTopFen${suffix} = fens, r.rollupTopAwards${suffix} = counts
} IN TRANSACTIONS OF 200 ROWS`;

/** The refresh, statement by statement; each may be run again. */
export const REFRESH_STATEMENTS: { name: string; cypher: string }[] = [
  { name: 'regionTotalsWithSubregions', cypher: TOP_SUPPLIERS(true, '') },
  { name: 'regionTotalsOwn', cypher: TOP_SUPPLIERS(false, 'Own') },
  {
    name: 'companyTotals',
    cypher: `
MATCH (c:Company)
CALL (c) {
  CALL (c) {
    OPTIONAL MATCH (c)<-[:AWARDED_TO]-(a:Award)
    WITH DISTINCT a WHERE a IS NOT NULL AND ${COUNTS_IN_TOTAL('a')}
    RETURN sum(a.amountFen) AS fen
  }
  SET c.rollupAwardFen = fen
  REMOVE c.rollupSharedAwards
} IN TRANSACTIONS OF 5000 ROWS`,
  },
  {
    name: 'coWinnersCleared',
    cypher: `
MATCH ()-[co:CO_WINNER]->()
CALL (co) { DELETE co } IN TRANSACTIONS OF 10000 ROWS`,
  },
  {
    // Each pair of companies that won a counted award together, lower id first, with those awards:
    // group totals subtract what members share without scanning every member's awards. Only pairs
    // that can sit in one group are kept: two members of a group both have its head among their
    // owners-or-self (within the 10-edge bound), so a pair with no common company above is left out.
    name: 'coWinners',
    cypher: `
MATCH (a:Award)
WHERE ${COUNTS_IN_TOTAL('a')} AND COUNT { (a)-[:AWARDED_TO]->(:Company) } > 1
CALL (a) {
  MATCH (a)-[:AWARDED_TO]->(x:Company)
  WITH DISTINCT a, x
  WITH a, collect(x) AS winners
  UNWIND winners AS x
  UNWIND winners AS y
  WITH a, x, y WHERE x.id < y.id
  WITH a, x, y, [(x)<-[:OWNS*0..${MAX_OWNERSHIP_DEPTH}]-(h:Company) | h] AS above
  WHERE any(h IN [(y)<-[:OWNS*0..${MAX_OWNERSHIP_DEPTH}]-(h:Company) | h] WHERE h IN above)
  MERGE (x)-[co:CO_WINNER]->(y)
  SET co.awards = coalesce(co.awards, []) + a.id
} IN TRANSACTIONS OF 2000 ROWS`,
  },
  {
    name: 'rollupState',
    cypher: `
MERGE (rollup:RollupState {name: 'awards'})
SET rollup.fingerprint = ${AWARD_DATA_FINGERPRINT}, rollup.version = ${ROLLUP_VERSION}, rollup.refreshedAt = toString(datetime()), rollup.stale = false`,
  },
];

/**
 * Recomputes every award rollup. Run after ingest (the loader's duty), and by the benchmarks
 * after a bulk import. Returns the time each statement took.
 */
export async function refreshAwardRollups(driver: Driver, database?: string): Promise<Record<string, number>> {
  const took: Record<string, number> = {};
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    // Mark stale first: a refresh that dies half-way leaves the live path in charge.
    await session.run("MERGE (rollup:RollupState {name: 'awards'}) SET rollup.stale = true");
    for (const s of REFRESH_STATEMENTS) {
      const t0 = Date.now();
      await session.run(s.cypher);
      took[s.name] = Date.now() - t0;
    }
  } finally {
    await session.close();
  }
  return took;
}

/** Whether the rollups exist, have the current shape and match the data. */
export async function rollupsFresh(driver: Driver, database?: string): Promise<boolean> {
  const res = await driver.executeQuery(`${ROLLUP_STATE} RETURN ${ROLLUPS_FRESH} AS fresh`, {}, { database, routing: neo4j.routing.READ });
  return res.records[0]?.get('fresh') === true;
}
