// Constraints and indexes derived from schema/model.json, applied idempotently; then the data
// migrations that bring a graph written by an earlier model to this one.
import type { Driver, Session } from 'neo4j-driver';
import { model, type FulltextModel } from '../../schema/model.ts';

function ident(s: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) throw new Error(`bad identifier in schema/model.json: ${s}`);
  return s;
}

function fulltextStatement(ft: FulltextModel): string {
  const labels = ft.labels.map(ident).join('|');
  const props = ft.properties.map((p) => `n.${ident(p)}`).join(', ');
  return (
    `CREATE FULLTEXT INDEX ${ident(ft.name)} IF NOT EXISTS FOR (n:${labels}) ON EACH [${props}] ` +
    `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${ident(ft.analyzer)}', \`fulltext.eventually_consistent\`: ${ft.eventuallyConsistent === true} } }`
  );
}

/** The schema statements, in order; each is safe to run again. */
export function schemaStatements(): string[] {
  const out: string[] = [];
  for (const [label, node] of Object.entries(model.nodes)) {
    for (const prop of node.unique) {
      out.push(`CREATE CONSTRAINT ${ident(`${label}_${prop}_unique`)} IF NOT EXISTS FOR (n:${ident(label)}) REQUIRE n.${ident(prop)} IS UNIQUE`);
    }
    for (const prop of node.indexed) {
      out.push(`CREATE INDEX ${ident(`${label}_${prop}`)} IF NOT EXISTS FOR (n:${ident(label)}) ON (n.${ident(prop)})`);
    }
    for (const prop of node.textIndexed ?? []) {
      out.push(`CREATE TEXT INDEX ${ident(`${label}_${prop}_text`)} IF NOT EXISTS FOR (n:${ident(label)}) ON (n.${ident(prop)})`);
    }
  }
  for (const ft of model.fulltext) out.push(fulltextStatement(ft));
  for (const name of model.retired?.constraints ?? []) out.push(`DROP CONSTRAINT ${ident(name)} IF EXISTS`);
  for (const name of model.retired?.indexes ?? []) out.push(`DROP INDEX ${ident(name)} IF EXISTS`);
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * Full-text indexes whose labels, properties or configuration differ from the model: `IF NOT
 * EXISTS` would keep them as they are, so they are dropped and built again.
 */
async function outdatedFulltext(session: Session): Promise<string[]> {
  const res = await session.run('SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options RETURN name, labelsOrTypes, properties, options.indexConfig AS config');
  const out: string[] = [];
  for (const r of res.records) {
    const want = model.fulltext.find((ft) => ft.name === r.get('name'));
    if (!want) continue;
    const config = r.get('config') as Record<string, unknown>;
    const same =
      sameSet(r.get('labelsOrTypes'), want.labels) &&
      sameSet(r.get('properties'), want.properties) &&
      config['fulltext.analyzer'] === want.analyzer &&
      Boolean(config['fulltext.eventually_consistent']) === (want.eventuallyConsistent === true);
    if (!same) out.push(want.name);
  }
  return out;
}

/**
 * Money as integer fen (loader version 3 stored yuan floats in Project.budget, Award.amount and
 * HAS_CANDIDATE.bidAmount, and Award.amountFen as a float): each yuan value becomes its fen, rounded
 * (a stored yuan was fen / 100, so rounding gives the fen back exactly), the yuan property goes, and
 * the amendedAt stamps follow the renamed field. A graph already in fen matches nothing: safe to run
 * again. In batches, so a large graph needs no large transaction.
 */
export const MONEY_IN_FEN: readonly string[] = [
  `MATCH (p:Project) WHERE p.budget IS NOT NULL OR p.amendedAt CONTAINS '"budget":'
   CALL (p) {
     SET p.budgetFen = CASE WHEN p.budget IS NULL THEN p.budgetFen ELSE toInteger(round(p.budget * 100)) END,
         p.amendedAt = replace(p.amendedAt, '"budget":', '"budgetFen":')
     REMOVE p.budget
   } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (a:Award) WHERE a.amount IS NOT NULL OR a.amendedAt CONTAINS '"amount":' OR valueType(a.amountFen) STARTS WITH 'FLOAT'
   CALL (a) {
     SET a.amountFen = CASE
           WHEN a.amountFen IS NOT NULL THEN toInteger(round(a.amountFen))
           WHEN a.amount IS NOT NULL THEN toInteger(round(a.amount * 100))
         END,
         a.amendedAt = replace(a.amendedAt, '"amount":', '"amountFen":')
     REMOVE a.amount
   } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH ()-[h:HAS_CANDIDATE]->() WHERE h.bidAmount IS NOT NULL
   CALL (h) {
     SET h.bidAmountFen = toInteger(round(h.bidAmount * 100))
     REMOVE h.bidAmount
   } IN TRANSACTIONS OF 10000 ROWS`,
];

/** Applies every constraint and index and the data migrations, then waits until the indexes are online. */
export async function migrate(driver: Driver, database?: string): Promise<number> {
  const statements = schemaStatements();
  const session = driver.session({ database });
  try {
    for (const name of await outdatedFulltext(session)) await session.run(`DROP INDEX ${ident(name)}`);
    for (const statement of statements) await session.run(statement);
    for (const statement of MONEY_IN_FEN) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return statements.length;
}

/**
 * Waits until eventually consistent full-text indexes hold every committed write, so a search right
 * after an ingest finds what it loaded.
 */
export async function awaitSearchIndexes(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', {}, { database });
}
