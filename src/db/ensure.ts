// Gets a migrated database for a command: the external server named by NEO4J_URI, or the local one.
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { connect, type DriverTuning } from './driver.ts';
import { start } from './local-server.ts';
import { migrate } from './migrate.ts';

export async function ensureDatabase(cfg: Config, log: (line: string) => void = () => {}, tuning?: DriverTuning): Promise<Driver> {
  if (!cfg.neo4j.external) {
    const started = await start(cfg.local, log);
    if (!started.alreadyRunning) log(`Neo4j is up at ${started.boltUri} (${(started.millis / 1000).toFixed(1)}s).`);
  }
  const driver = await connect(cfg.neo4j, tuning);
  try {
    await migrate(driver, cfg.neo4j.database);
  } catch (err) {
    await driver.close();
    throw err;
  }
  return driver;
}
