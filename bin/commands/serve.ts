import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { API_DRIVER_TUNING } from '../../src/db/driver.ts';
import { listen } from '../../src/api/server.ts';
import { refreshAwardRollups, rollupsFresh } from '../../src/graph/rollups.ts';
import { warmUp } from '../../src/graph/warmup.ts';
import { say, warn } from '../output.ts';
import { UserError } from '../../src/errors.ts';
import { RulesError } from '../../src/domain/restriction-rules.ts';
import { readRestrictionRules } from '../../src/restriction-rules-file.ts';

export async function serve(port: number, log = warn): Promise<void> {
  // tsx turns source maps on, and neo4j-driver captures a stack trace for every query it runs: with
  // source maps each capture is mapped, about 0.2 ms of CPU per query. The server's errors are
  // masked for clients anyway; its own log then shows transpiled positions.
  process.setSourceMapsEnabled(false);
  const cfg = loadConfig();
  let restrictionRules;
  try {
    restrictionRules = readRestrictionRules();
  } catch (err) {
    if (err instanceof RulesError) throw new UserError(`restriction rules: ${err.message}`);
    throw err;
  }
  const driver = await ensureDatabase(cfg, log, API_DRIVER_TUNING);
  const warm = await warmUp(driver, cfg.neo4j.database);
  log(`Planned ${warm.queries} queries in ${(warm.millis / 1000).toFixed(1)}s.`);
  const server = await listen(
    { driver, database: cfg.neo4j.database, home: cfg.home, publicMode: cfg.publicMode, apiToken: cfg.apiToken, corsOrigins: cfg.corsOrigins, restrictionRules },
    port,
  );
  say(`GraphQL: http://localhost:${port}/graphql${cfg.publicMode ? ' (public mode: no GraphiQL, no introspection)' : ''}`);
  if (cfg.apiToken) say('Mutations enabled for requests with the API token.');
  if (!cfg.neo4j.external) say(`Neo4j Browser: http://127.0.0.1:${cfg.local.httpPort}/browser/`);
  void refreshStaleRollups(driver, cfg.neo4j.database, log);
  const close = () => {
    server.close();
    void driver.close();
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

/**
 * Stale award rollups only slow totals down (queries then sum live), so the server answers at once
 * and refreshes them behind. A read-only database user cannot: that is said, not fatal.
 */
async function refreshStaleRollups(driver: Driver, database: string | undefined, log: (line: string) => void): Promise<void> {
  try {
    if (await rollupsFresh(driver, database)) return;
    log('Award rollups are missing or stale: refreshing them (totals are computed live until done)…');
    const t0 = Date.now();
    await refreshAwardRollups(driver, database);
    log(`Award rollups refreshed in ${((Date.now() - t0) / 1000).toFixed(1)}s.`);
  } catch (err) {
    log(`Award rollups not refreshed (${(err as Error).message.split('\n')[0]}); totals stay live, and slower on large graphs.`);
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the GraphQL API (GraphiQL at /graphql)')
    .option('-p, --port <port>', 'port to listen on (env PORT)', (v) => Number(v))
    .action(async (opts: { port?: number }) => {
      await serve(opts.port ?? loadConfig().apiPort);
    });
}
