import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Config } from '../../src/config.ts';
import { loadConfig } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { WriterLease } from '../../src/db/writer-lease.ts';
import { UserError } from '../../src/errors.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { importCommandLine } from '../../ingest/bulk/admin.ts';
import { adminImport, factsHeld, importLocally, planImport } from '../../ingest/bulk/run.ts';
import { readManifest } from '../../ingest/pipeline.ts';
import { say, warn } from '../output.ts';
import type { BudgetFlags } from './parse-budget.ts';
import { addBudgetOptions, budgetOf } from './parse-budget.ts';
import { progressReporter, seconds, summaryLines } from './ingest.ts';

interface BulkFlags extends BudgetFlags {
  notices?: string[];
  originals?: string;
  manifest?: string;
  database?: string;
  force?: boolean;
  csvOnly?: string;
  keepCsv?: boolean;
  heap: string;
  concurrency?: number;
  batchSize?: number;
  rollups?: boolean;
  quiet?: boolean;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** Refuses to replace a database that holds facts, unless told to; and never while an ingest writes. */
async function checkTarget(cfg: Config, database: string, force: boolean): Promise<void> {
  const driver = await ensureDatabase({ ...cfg, neo4j: { ...cfg.neo4j, database } }, warn);
  try {
    const lease = await WriterLease.acquire(driver, { database, command: 'bidgraph bulk-import (checking the database)' });
    await lease.release();
    const held = await factsHeld(driver, database);
    if (held > 0 && !force) {
      throw new UserError(
        `the database ${database} is not empty (${held} nodes besides the gazetteer): bulk-import builds a database from nothing and would replace them. ` +
          'Add documents to it with `bidgraph ingest`, or give --force to replace it.',
      );
    }
    if (held > 0) warn(`--force: the ${held} nodes of database ${database} will be replaced.`);
  } finally {
    await driver.close();
  }
}

function csvFolder(cfg: Config, flags: BulkFlags): string {
  if (flags.csvOnly) return path.resolve(flags.csvOnly);
  return path.join(cfg.home, 'bulk-import', new Date().toISOString().replace(/[:.]/g, '-'));
}

export function registerBulkImport(program: Command): void {
  const cmd = program
    .command('bulk-import')
    .description('first load of many notices: build an EMPTY database with neo4j-admin import from documents (read as ingest reads them) or Notice JSON Lines; `ingest` adds to it afterwards')
    .argument('[paths...]', 'files or directories (walked recursively), as for ingest')
    .option('--notices <file...>', 'JSON Lines of Notices written by `bidgraph extract --json`')
    .option('--originals <dir>', 'where the originals of those notices are, when their recorded paths do not resolve')
    .option('--manifest <file>', 'JSON Lines of {path, url, retrievedAt}: source URLs for the documents')
    .option('--database <name>', 'the database to build (default: NEO4J_DATABASE, else neo4j)')
    .option('--force', 'replace the database even when it is not empty (everything in it is lost)')
    .option('--csv-only <dir>', 'write the CSV files and the neo4j-admin command to DIR and stop (for a server on another machine, as NEO4J_URI names)')
    .option('--keep-csv', 'keep the CSV files after a local import (under BIDGRAPH_HOME/bulk-import/)')
    .option('--heap <size>', 'JVM heap of neo4j-admin', '2g')
    .option('--concurrency <n>', 'parse workers (default: the number of cores)', positiveInt)
    .option('--batch-size <n>', 'documents planned together (default 200)', positiveInt)
    .option('--no-rollups', 'do not refresh the award rollups afterwards')
    .option('-q, --quiet', 'no progress and no summary; failures are still reported')
    .addHelpText(
      'after',
      '\nThe local server is stopped for the import and started again; a database that holds anything but the gazetteer is refused unless --force.' +
        '\nWith NEO4J_URI (a server this machine cannot stop), give --csv-only DIR and run the written command where the database lives.',
    );
  addBudgetOptions(cmd).action(async (paths: string[], flags: BulkFlags) => {
    if (paths.length === 0 && !flags.notices?.length) throw new UserError('nothing to import: give files or directories, or --notices FILE.jsonl');
    const cfg = loadConfig();
    const database = flags.database ?? cfg.neo4j.database ?? 'neo4j';
    if (cfg.neo4j.external && !flags.csvOnly) {
      throw new UserError(`NEO4J_URI names ${cfg.neo4j.uri}, a server bulk-import cannot stop to run neo4j-admin: give --csv-only DIR, copy DIR there and run the command it holds.`);
    }
    if (flags.csvOnly && fs.existsSync(flags.csvOnly) && fs.readdirSync(flags.csvOnly).length > 0) {
      throw new UserError(`--csv-only ${flags.csvOnly}: the folder is not empty; give a new or empty one`);
    }
    if (!flags.csvOnly) await checkTarget(cfg, database, Boolean(flags.force));
    const manifest = flags.manifest ? await readManifest(flags.manifest) : undefined;
    for (const p of manifest?.problems ?? []) warn(`bidgraph bulk-import: ${flags.manifest} line ${p.line}: ${p.reason}; line ignored`);

    const dir = csvFolder(cfg, flags);
    const progress = progressReporter(Boolean(flags.quiet), 'bulk-import');
    const planned = await planImport({
      inputs: paths,
      dir,
      home: cfg.home,
      manifest: manifest?.entries,
      concurrency: flags.concurrency,
      batchSize: flags.batchSize,
      budget: budgetOf(flags, cfg),
      notices: flags.notices,
      originals: flags.originals,
      onProgress: progress.update,
    }).finally(() => progress.stop());
    const spec = adminImport(planned.files, dir, database);
    const lines = summaryLines(planned.summary);
    const rows = (fs: typeof planned.files.nodes) => fs.reduce((n, f) => n + f.rows, 0);
    const csvLine = `csv: ${rows(planned.files.nodes)} nodes and ${rows(planned.files.relationships)} relationships written in ${seconds(planned.csvMs)} to ${dir}`;
    for (const d of planned.summary.documents) if (d.status === 'failed') warn(`failed: ${d.path}: ${d.reason}`);

    if (flags.csvOnly) {
      const script = path.join(dir, 'import-command.sh');
      fs.writeFileSync(script, `#!/bin/sh\n# Run where the database lives, with the server stopped; then start it and run \`bidgraph db migrate\`${planned.lists.length ? ' and `bidgraph ingest` of the restriction lists and name-link files' : ''}.\n${importCommandLine(spec)}\n`, { mode: 0o755 });
      if (!flags.quiet) for (const line of [...lines, csvLine]) say(line);
      say(`Not imported: NEO4J_URI or --csv-only. The neo4j-admin command is in ${script}; run it where the database lives (paths as written, or edit them), then \`bidgraph db migrate\`.`);
      if (planned.lists.length) say(`${planned.lists.length} restriction-list or name-link file(s) are not in the CSV files: load them with \`bidgraph ingest\` after the import.`);
      if (planned.summary.failed > 0) process.exitCode = 2;
      return;
    }

    if (!flags.quiet) warn(`Stopping Neo4j for neo4j-admin import of database ${database}…`);
    const done = await importLocally(cfg, planned, spec, flags.heap, warn);
    try {
      if (planned.summary.ok > 0 && flags.rollups !== false) {
        if (!flags.quiet) warn('Refreshing the award rollups (region and company totals)…');
        await refreshAwardRollups(done.driver, database);
      }
    } finally {
      await done.driver.close();
    }
    if (!flags.keepCsv) fs.rmSync(dir, { recursive: true, force: true });
    if (!flags.quiet) {
      for (const line of [...lines, csvLine]) say(line);
      say(`import: neo4j-admin ${seconds(done.importMs)}; schema, lists and matching ${seconds(done.finishMs)}; ${done.importer.join('; ')}`);
      if (done.listsLoaded) say(`lists: ${done.listsLoaded} file(s) loaded after the import`);
    }
    if (planned.summary.failed > 0) process.exitCode = 2;
  });
}
