// Constraints and indexes derived from schema/model.json, applied idempotently.
import type { Driver } from 'neo4j-driver';
import { model } from '../../schema/model.ts';

function ident(s: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) throw new Error(`bad identifier in schema/model.json: ${s}`);
  return s;
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
  }
  for (const ft of model.fulltext) {
    const labels = ft.labels.map(ident).join('|');
    const props = ft.properties.map((p) => `n.${ident(p)}`).join(', ');
    out.push(
      `CREATE FULLTEXT INDEX ${ident(ft.name)} IF NOT EXISTS FOR (n:${labels}) ON EACH [${props}] ` +
        `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${ident(ft.analyzer)}', \`fulltext.eventually_consistent\`: false } }`,
    );
  }
  return out;
}

/** Applies every constraint and index, then waits until they are online. */
export async function migrate(driver: Driver, database?: string): Promise<number> {
  const statements = schemaStatements();
  const session = driver.session({ database });
  try {
    for (const statement of statements) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return statements.length;
}
