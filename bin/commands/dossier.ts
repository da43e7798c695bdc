// `bidgraph dossier <company>`: a cited, self-contained report on one company, written to a folder.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { buildDossier } from '../../src/dossier/model.ts';
import { findCompany, gatherDossier, isIsoDay, isRegionCode } from '../../src/dossier/gather.ts';
import { writeDossierFolder } from '../../src/dossier/folder.ts';
import { UserError } from '../../src/errors.ts';
import { GraphReader } from '../../src/graph/reader.ts';
import { computeFromGraph } from '../../src/graph/restrictions.ts';
import { readRestrictionRules } from '../../src/restriction-rules-file.ts';
import { say, warn } from '../output.ts';

/** Generous: a dossier reads every award of a large supplier in one query. */
const DOSSIER_TIMEOUT_MS = 120_000;
/** The browser the end-to-end tests use (scripts/install-browser.sh). */
const CHROMIUM = '/usr/bin/chromium';

function isoDay(v: string): string {
  if (!isIsoDay(v)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return v;
}

function regionCode(v: string): string {
  if (!isRegionCode(v)) throw new InvalidArgumentError('expected a six-digit GB/T 2260 code, e.g. 653200');
  return v;
}

interface DossierFlags {
  asOf?: string;
  region?: string;
  out: string;
  pdf: boolean;
}

export function registerDossier(program: Command): void {
  program
    .command('dossier')
    .description('a cited report on one company (who, owners, listings, awards, sources) as a folder that opens offline: index.html, the archived originals, dossier.pdf')
    .argument('<company>', 'company name (any spelling the graph knows), USCC (统一社会信用代码) or company id')
    .option('--as-of <date>', 'restrictions on this date, awards up to it (default today)', isoDay)
    .option('--region <code>', 'only awards in this region or its subregions (GB/T 2260 code)', regionCode)
    .option('--no-pdf', 'do not print dossier.pdf even when Chromium is installed')
    .requiredOption('-o, --out <dir>', 'folder to write (created if needed)')
    .action(async (query: string, flags: DossierFlags) => {
      const cfg = loadConfig();
      const driver = await ensureDatabase(cfg, warn);
      try {
        const t0 = Date.now();
        const reader = new GraphReader(driver, { database: cfg.neo4j.database, timeoutMs: DOSSIER_TIMEOUT_MS });
        const lookup = await findCompany(reader, query);
        if (!lookup.found) {
          if (lookup.candidates.length === 0) throw new UserError(`no company "${query}" in the graph (name, USCC or id); check the spelling`);
          const list = lookup.candidates.map((c) => `${c.name} (${c.uscc ?? c.id})`).join('; ');
          throw new UserError(`"${query}" names ${lookup.candidates.length} companies: ${list}; give the USCC or the id`);
        }
        const rules = readRestrictionRules();
        const asOf = flags.asOf ?? new Date().toISOString().slice(0, 10);
        warn(`dossier: reading ${lookup.found.name} from the graph…`);
        const facts = await gatherDossier(reader, lookup.found, {
          asOf,
          regionCode: flags.region ?? null,
          restrictionsAt: (day) => computeFromGraph(reader, rules, day),
        });
        const dossier = buildDossier(facts);
        warn(`dossier: ${dossier.awards.length} awards, ${dossier.ownership.links.length} shareholdings, ${dossier.citations.length} citations; writing ${flags.out}…`);
        const out = await writeDossierFolder(dossier, flags.out, { home: cfg.home, chromium: flags.pdf ? CHROMIUM : null });
        say(out.index);
        if (out.pdf) say(out.pdf);
        for (const sha of out.missing) warn(`dossier: the archive holds no original with sha256 ${sha}; its citations say so`);
        warn(
          `dossier: ${out.originals} originals copied${out.missing.length ? `, ${out.missing.length} missing` : ''}; ` +
            `${out.pdf ? 'PDF written' : `no PDF (${out.pdfSkipped})`}; ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
        );
      } finally {
        await driver.close();
      }
    });
}
