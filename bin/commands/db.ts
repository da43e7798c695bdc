import type { Command } from 'commander';
import { loadConfig } from '../../src/config.ts';
import { connect, serverVersion } from '../../src/db/driver.ts';
import { pidFileState, start, status, stop } from '../../src/db/local-server.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { say } from '../output.ts';

export function registerDb(program: Command): void {
  const db = program.command('db').description('manage the Neo4j database (the local server, or the one NEO4J_URI names)');

  db.command('start')
    .description('start the local Neo4j server unless it runs already; waits until Bolt answers')
    .action(async () => {
      const cfg = loadConfig();
      if (cfg.neo4j.external) {
        const driver = await connect(cfg.neo4j);
        const v = await serverVersion(driver, cfg.neo4j.database);
        await driver.close();
        say(`NEO4J_URI is set: using Neo4j ${v.version} at ${cfg.neo4j.uri}; no local server started.`);
        return;
      }
      const r = await start(cfg.local, say);
      say(r.alreadyRunning ? `Neo4j is already running (pid ${r.pid}).` : `Neo4j started (pid ${r.pid}) in ${(r.millis / 1000).toFixed(1)}s.`);
      say(`Bolt:    ${r.boltUri}`);
      say(`Browser: ${r.browserUrl}  (user neo4j, password from NEO4J_PASSWORD)`);
    });

  db.command('stop')
    .description('stop the local Neo4j server')
    .action(async () => {
      const cfg = loadConfig();
      const before = pidFileState(cfg.local);
      if (before.state === 'stale') {
        say(`Neo4j was not running: the pid file named process ${before.pid}, which is not this home's Neo4j (left by a crash?); removed the pid file, signalled nothing.`);
      }
      const stopped = await stop(cfg.local);
      if (before.state !== 'stale') say(stopped ? 'Neo4j stopped.' : 'Neo4j was not running.');
    });

  db.command('status')
    .description('say whether the local Neo4j server runs, and where')
    .action(async () => {
      const cfg = loadConfig();
      if (cfg.neo4j.external) {
        say(`External Neo4j at ${cfg.neo4j.uri} (NEO4J_URI); the local server is not used.`);
        return;
      }
      const s = status(cfg.local);
      say(s.running ? `running (pid ${s.pid})\nBolt:    ${s.boltUri}\nBrowser: ${s.browserUrl}` : `stopped (home ${cfg.local.home})`);
      if (!s.running) process.exitCode = 3;
    });

  db.command('migrate')
    .description('apply the constraints and indexes of schema/model.json (idempotent)')
    .action(async () => {
      const cfg = loadConfig();
      const driver = cfg.neo4j.external ? await connect(cfg.neo4j) : await ensureDatabase(cfg, say);
      try {
        const n = await migrate(driver, cfg.neo4j.database);
        say(`Schema applied: ${n} constraints and indexes.`);
      } finally {
        await driver.close();
      }
    });
}
