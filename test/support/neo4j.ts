// For integration tests: a driver to the test server that test/run.ts started, and a way to wipe it.
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';

export const testConfig = loadConfig();

export async function testDriver(): Promise<Driver> {
  if (!process.env.BIDGRAPH_TEST) throw new Error('integration tests run through `npm test`, which starts their Neo4j');
  return connect(testConfig.neo4j);
}

/** Empties the database and applies the schema: each test file starts from nothing. */
export async function resetDatabase(driver: Driver): Promise<void> {
  const session = driver.session({ database: testConfig.neo4j.database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await migrate(driver, testConfig.neo4j.database);
}
