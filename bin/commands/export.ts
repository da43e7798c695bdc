// `bidgraph export ocds|bods|ftm`: the graph in the field's data standards, to a file or stdout.
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { nameKey } from '../../src/domain/names.ts';
import { normalizeUscc } from '../../src/domain/uscc.ts';
import { UserError } from '../../src/errors.ts';
import { loadCompaniesByNameKeys, loadCompaniesByUscc } from '../../src/graph/companies.ts';
import type { ProjectFilter } from '../../src/graph/exports.ts';
import { GraphReader } from '../../src/graph/reader.ts';
import type { ExportCount, Sink } from '../../src/standards/export.ts';
import { exportBods, exportFtm, exportOcds } from '../../src/standards/export.ts';
import { warn } from '../output.ts';

/** Generous: an export page is a few hundred projects with their awards and documents. */
const EXPORT_TIMEOUT_MS = 120_000;

function isoDay(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return v;
}

function regionCode(v: string): string {
  if (!/^\d{6}$/.test(v)) throw new InvalidArgumentError('expected a six-digit GB/T 2260 code, e.g. 653200');
  return v;
}

function ocidPrefix(v: string): string {
  if (!/^ocds-[0-9a-z]{6}$/.test(v)) throw new InvalidArgumentError('expected an ocid prefix such as ocds-abc123 ("ocds-" and six letters or digits)');
  return v;
}

/** A sink that honours the stream's backpressure. */
function streamSink(out: Writable): Sink {
  return async (chunk) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
}

/** Runs an export against the configured database, writing to --out or stdout, with a summary on stderr. */
async function runExport(what: string, outFile: string | undefined, body: (reader: GraphReader, sink: Sink) => Promise<ExportCount>): Promise<void> {
  const cfg = loadConfig();
  const driver = await ensureDatabase(cfg, warn);
  const out: Writable = outFile ? fs.createWriteStream(outFile) : process.stdout;
  try {
    const reader = new GraphReader(driver, { database: cfg.neo4j.database, timeoutMs: EXPORT_TIMEOUT_MS });
    const { written } = await body(reader, streamSink(out));
    if (outFile) {
      out.end();
      await once(out, 'finish');
    }
    warn(`export ${what}: ${written} written${outFile ? ` to ${outFile}` : ''}.`);
  } finally {
    await driver.close();
  }
}

async function supplierIds(reader: GraphReader, supplier: string): Promise<string[]> {
  const uscc = normalizeUscc(supplier);
  const key = nameKey(supplier);
  const found = uscc ? [...(await loadCompaniesByUscc(reader, [uscc])).values()] : ((await loadCompaniesByNameKeys(reader, [key])).get(key) ?? []);
  if (found.length === 0) throw new UserError(`no company named "${supplier}" (or with that 统一社会信用代码) in the graph; check the spelling`);
  return found.map((c) => c.id);
}

function archiveUrl(flag: string | undefined): string {
  const base = flag ?? `http://localhost:${loadConfig().apiPort}`;
  if (!URL.canParse(base)) throw new UserError(`--archive-url "${base}" is not a URL`);
  return base;
}

async function projectFilter(reader: GraphReader, flags: { region?: string; from?: string; to?: string; supplier?: string }): Promise<ProjectFilter> {
  return {
    regionCode: flags.region ?? null,
    from: flags.from ?? null,
    to: flags.to ?? null,
    supplierIds: flags.supplier ? await supplierIds(reader, flags.supplier) : null,
  };
}

interface OcdsFlags {
  jsonl?: boolean;
  prefix: string;
  region?: string;
  from?: string;
  to?: string;
  supplier?: string;
  out?: string;
  archiveUrl?: string;
}

/** The project filters OCDS and FtM exports share. */
function withProjectFilters(cmd: Command): Command {
  return cmd
    .option('--region <code>', 'only projects in this region or its subregions (GB/T 2260 code)', regionCode)
    .option('--from <date>', 'only projects with a notice published on or after this date', isoDay)
    .option('--to <date>', 'only projects with a notice published on or before this date', isoDay)
    .option('--supplier <name|uscc>', 'only projects with an award to this company');
}

export function registerExport(program: Command): void {
  const exp = program.command('export').description('write the graph in the data standards: OCDS, BODS, FollowTheMoney');

  withProjectFilters(
    exp
      .command('ocds')
      .description('projects as an OCDS 1.1 release package (or JSON Lines of compiled releases with --jsonl), one ocid per project')
      .option('--jsonl', 'one compiled release per line instead of a release package')
      .option('--prefix <prefix>', 'ocid prefix (register yours with the Open Contracting Partnership)', ocidPrefix, 'ocds-bdgrph'),
  )
    .option('--archive-url <url>', 'base URL of the bidgraph API the document links point at (default http://localhost:$PORT)')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (flags: OcdsFlags) => {
      const archiveBase = archiveUrl(flags.archiveUrl);
      await runExport('ocds', flags.out, async (reader, sink) => {
        const filter = await projectFilter(reader, flags);
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        return exportOcds(reader, filter, { prefix: flags.prefix, archiveBase, jsonl: Boolean(flags.jsonl), now, publisher: 'bidgraph' }, sink, (n) =>
          warn(`export ocds: ${n} projects…`),
        );
      });
    });

  exp
    .command('bods')
    .description('ownership as BODS 0.4 statements (entities, persons, direct shareholdings); statement ids are stable across runs')
    .option('--jsonl', 'one statement per line instead of one JSON array')
    .option('--archive-url <url>', 'base URL of the bidgraph API that sources point at (default http://localhost:$PORT)')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (flags: { jsonl?: boolean; archiveUrl?: string; out?: string }) => {
      const archiveBase = archiveUrl(flags.archiveUrl);
      await runExport('bods', flags.out, (reader, sink) =>
        exportBods(reader, { jsonl: Boolean(flags.jsonl), today: new Date().toISOString().slice(0, 10), publisher: 'bidgraph', archiveBase }, sink),
      );
    });

  withProjectFilters(
    exp
      .command('ftm')
      .description('FollowTheMoney entities as JSON Lines (Company, PublicBody, Person, Ownership, Contract, ContractAward), for Aleph and OpenSanctions tools'),
  )
    .option('--no-ownership', 'leave out persons and Ownership (they are not filtered by the project filters)')
    .option('--archive-url <url>', 'base URL of the bidgraph API that sourceUrl points at (default http://localhost:$PORT)')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (flags: OcdsFlags & { ownership: boolean }) => {
      const archiveBase = archiveUrl(flags.archiveUrl);
      await runExport('ftm', flags.out, async (reader, sink) =>
        exportFtm(reader, await projectFilter(reader, flags), { archiveBase, publisher: 'bidgraph', ownership: flags.ownership }, sink),
      );
    });
}
