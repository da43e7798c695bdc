import type { Command } from 'commander';
import { loadConfig } from '../../src/config.ts';
import { serve } from './serve.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('the main job: make sure Neo4j is up and migrated, ingest the bundled samples once, serve GraphQL')
    .action(async () => {
      await serve(loadConfig().apiPort);
    });
}
