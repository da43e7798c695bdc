import type { Command } from 'commander';
import { loadConfig } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { listen } from '../../src/api/server.ts';
import { warmUp } from '../../src/graph/warmup.ts';
import { say, warn } from '../output.ts';

export async function serve(port: number, log = warn): Promise<void> {
  const cfg = loadConfig();
  const driver = await ensureDatabase(cfg, log);
  const warm = await warmUp(driver, cfg.neo4j.database);
  log(`Planned ${warm.queries} queries in ${(warm.millis / 1000).toFixed(1)}s.`);
  const server = await listen(
    { driver, database: cfg.neo4j.database, home: cfg.home, publicMode: cfg.publicMode, apiToken: cfg.apiToken },
    port,
  );
  say(`GraphQL: http://localhost:${port}/graphql${cfg.publicMode ? ' (public mode: no GraphiQL, no introspection)' : ''}`);
  if (cfg.apiToken) say('Mutations enabled for requests with the API token.');
  if (!cfg.neo4j.external) say(`Neo4j Browser: http://127.0.0.1:${cfg.local.httpPort}/browser/`);
  const close = () => {
    server.close();
    void driver.close();
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
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
