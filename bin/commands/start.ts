import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, repoRoot } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { WriterBusyError, WriterLease } from '../../src/db/writer-lease.ts';
import { listInputs } from '../../ingest/inputs.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { summaryLines } from './ingest.ts';
import { serve } from './serve.ts';
import { say, warn } from '../output.ts';

/** The bundled documents; the folder's README describes them and is not one of them. */
export function sampleFiles(): string[] {
  return listInputs([path.join(repoRoot, 'samples')]).files.filter((f) => !f.endsWith('.md'));
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('the main job: make sure Neo4j is up and migrated, ingest the bundled samples (once: unchanged documents are skipped), serve GraphQL')
    .option('--no-samples', 'do not ingest the bundled samples')
    .action(async (opts: { samples: boolean }) => {
      const cfg = loadConfig();
      if (opts.samples) {
        const driver = await ensureDatabase(cfg, warn);
        let lease: WriterLease | null = null;
        try {
          lease = await WriterLease.acquire(driver, { database: cfg.neo4j.database, command: 'bidgraph start (samples)' });
          const summary = await ingest({ inputs: sampleFiles(), driver, database: cfg.neo4j.database, home: cfg.home, lease });
          for (const d of summary.documents) if (d.status === 'failed') warn(`failed: ${d.path}: ${d.reason}`);
          say(`Samples: ${summaryLines(summary)[0]}`);
        } catch (err) {
          // Another ingest is writing: serve what the graph holds; the samples can come next time.
          if (!(err instanceof WriterBusyError)) throw err;
          warn(`Samples not ingested now: ${err.message}`);
        } finally {
          await lease?.release().catch(() => {});
          await driver.close();
        }
      }
      await serve(cfg.apiPort);
    });
}
