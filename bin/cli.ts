// The command line. The only place that imports both ingest/ and src/, and the only place that exits.
import { Command } from 'commander';
import { UserError } from '../src/errors.ts';
import { registerDb } from './commands/db.ts';
import { registerDossier } from './commands/dossier.ts';
import { registerExport } from './commands/export.ts';
import { registerBulkImport } from './commands/bulk-import.ts';
import { registerExtract } from './commands/extract.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { warn } from './output.ts';

// `bidgraph extract --json … | head` closes the pipe early: that is success, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const program = new Command()
  .name('bidgraph')
  .description('Procurement awards and company ownership from Chinese notices, in Neo4j, with a GraphQL API.')
  .showHelpAfterError();

registerStart(program);
registerDb(program);
registerExtract(program);
registerIngest(program);
registerBulkImport(program);
registerServe(program);
registerExport(program);
registerDossier(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof UserError) {
    warn(`bidgraph: ${err.message}`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
