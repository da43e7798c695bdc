import fs from 'node:fs';
import os from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../../src/config.ts';
import { ensureDatabase } from '../../src/db/ensure.ts';
import { UserError } from '../../src/errors.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { describeHolder, WriterLease } from '../../src/db/writer-lease.ts';
import type { IngestProgress, IngestSummary, ManifestEntry } from '../../ingest/pipeline.ts';
import { ingest, readManifest } from '../../ingest/pipeline.ts';
import { say, warn } from '../output.ts';
import type { BudgetFlags } from './parse-budget.ts';
import { addBudgetOptions, budgetOf } from './parse-budget.ts';

interface IngestFlags extends BudgetFlags {
  manifest?: string;
  report?: string;
  concurrency?: number;
  batchSize?: number;
  quiet?: boolean;
  rollups?: boolean;
  waitForLease?: number | true;
  reextract?: boolean;
  notices?: string[];
  originals?: string;
}

function waitSeconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds ≥ 0');
  return n;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** A bar on a terminal; otherwise a plain line every few seconds (logs stay readable). */
export function progressReporter(quiet: boolean, command = 'ingest'): { update: (p: IngestProgress) => void; stop: () => void } {
  if (quiet) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${command} [{bar}] {percentage}% | {value}/{total} | ok {ok} unchanged {unchanged} failed {failed} | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
    });
    let started = false;
    return {
      update: (p) => {
        const payload = { ok: p.ok, unchanged: p.unchanged, failed: p.failed };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else {
          bar.setTotal(p.total);
          bar.update(p.done, payload);
        }
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let last = 0;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < 5000 && p.done < p.total) return;
      last = now;
      warn(`${command}: ${p.done}/${p.total} documents (ok ${p.ok}, unchanged ${p.unchanged}, failed ${p.failed})`);
    },
    stop: () => {},
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export function summaryLines(s: IngestSummary, reportFile?: string): string[] {
  const written = s.ok;
  const rate = s.elapsedMs > 0 ? (written / (s.elapsedMs / 1000)).toFixed(0) : '0';
  const warned = s.documents.filter((d) => d.status === 'ok' && d.warnings.length > 0).length;
  const warnings = warned === 0 ? [] : [`warnings: ${warned} document(s) loaded with warnings; ${reportFile ? `listed in ${reportFile}` : '--report <file> lists them'}`];
  const reextracted = s.reextracted === 0 ? [] : [`re-extracted: ${s.reextracted} document(s) read by another extractor version, from the archive; ${s.reextractedChanged} changed`];
  const missing = s.reextractMissing === 0 ? [] : [`not re-extracted: ${s.reextractMissing} document(s) of another extractor version have no archived original`];
  return [
    `documents: ${s.ok} ok, ${s.unchanged} unchanged, ${s.failed} failed (of ${s.total})`,
    ...reextracted,
    ...missing,
    ...warnings,
    `graph: ${s.counters.nodesCreated} nodes and ${s.counters.relationshipsCreated} relationships created, ` +
      `${s.counters.propertiesSet} properties set` +
      (s.counters.relationshipsDeleted ? `, ${s.counters.relationshipsDeleted} relationships replaced` : '') +
      (s.regionsLoaded ? ` (${s.regionsLoaded} regions loaded first)` : ''),
    ...(s.matching && s.matching.entries > 0
      ? [`lists: ${s.listsLoaded ?? 0} file(s) loaded; ${s.matching.entries} entries, ${s.matching.links} linked to companies on evidence, ` +
          `${s.matching.candidates} match candidate(s) to review, ${s.matching.listedCompanies} compan${s.matching.listedCompanies === 1 ? 'y' : 'ies'} listed`]
      : []),
    `time: ${seconds(s.elapsedMs)} (${rate} documents/s written); parse ${seconds(s.parseMs)} over ${s.concurrency} workers, ` +
      `write ${seconds(s.writeMs)}, check ${seconds(s.checkMs)}`,
  ];
}

function writeReport(file: string, s: IngestSummary, manifestProblems: string[]): void {
  const { documents, ...totals } = s;
  const report = {
    summary: totals,
    failures: documents.filter((d) => d.status === 'failed').map((d) => ({ path: d.path, sha256: d.sha256, reason: d.reason })),
    warnings: [
      ...manifestProblems.map((w) => ({ path: null, sha256: null, warnings: [w] })),
      ...documents.filter((d) => d.warnings.length > 0).map((d) => ({ path: d.path, sha256: d.sha256, warnings: d.warnings })),
    ],
  };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('load notices (HTML, PDF, text, OCDS release/record packages and compiled releases), ownership sources (CSV, BODS, shareholder tables) and restriction lists (CSL, OFAC CSV, OpenSanctions, name links) into Neo4j')
    .argument('[paths...]', 'files or directories (walked recursively)')
    .option('--notices <file...>', 'JSON Lines of Notices written by `bidgraph extract --json` (here or on other machines), loaded without parsing')
    .option('--originals <dir>', 'where the originals of those notices are, when their recorded paths do not resolve (found by file name or sha256)')
    .option('--reextract', 're-read every archived document with this extractor, even those it read already')
    .option('--no-reextract', 'leave documents read by another extractor version as they are (by default their archived originals are read again)')
    .option('--manifest <file>', 'JSON Lines of {path, url, retrievedAt}: source URLs for the documents')
    .option('--report <file>', 'write every failure and warning, with its reason, as JSON')
    .option('--concurrency <n>', `parse workers (default: ${os.availableParallelism()}, the number of cores)`, positiveInt)
    .option('--batch-size <n>', 'documents per write transaction (default 200)', positiveInt)
    .option('--no-rollups', 'do not refresh the award rollups afterwards (totals are then computed live until `bidgraph serve` refreshes them)')
    .option('--wait-for-lease [seconds]', 'when another ingest is writing, wait for it (as long as it takes, or at most SECONDS) instead of stopping', waitSeconds)
    .option('-q, --quiet', 'no progress and no summary; failures are still reported')
    .addHelpText('after', '\nOne writer at a time: an ingest holds a lease in the database while it writes. Without --wait-for-lease, a second ingest stops at once and names the one that writes.');
  addBudgetOptions(cmd).action(async (paths: string[], flags: IngestFlags) => {
      if (paths.length === 0 && !flags.notices?.length) throw new UserError('nothing to ingest: give files or directories, or --notices FILE.jsonl');
      const cfg = loadConfig();
      let manifest: Map<string, ManifestEntry> | undefined;
      const manifestProblems: string[] = [];
      if (flags.manifest) {
        try {
          const m = await readManifest(flags.manifest);
          manifest = m.entries;
          for (const p of m.problems) manifestProblems.push(`${flags.manifest} line ${p.line}: ${p.reason}; line ignored`);
        } catch (err) {
          throw new UserError(`cannot read the manifest ${flags.manifest}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
      }
      for (const p of manifestProblems) warn(`bidgraph ingest: ${p}`);
      const driver = await ensureDatabase(cfg, flags.quiet ? () => {} : warn);
      const progress = progressReporter(Boolean(flags.quiet));
      let summary: IngestSummary;
      let lease: WriterLease | null = null;
      try {
        const wait = flags.waitForLease;
        lease = await WriterLease.acquire(driver, {
          database: cfg.neo4j.database,
          command: ['bidgraph ingest', ...paths].join(' ').slice(0, 500),
          waitMs: wait === undefined ? 0 : wait === true ? Infinity : wait * 1000,
          onWait: (h) => warn(`Waiting for the writer lease: ${describeHolder(h)}…`),
        });
        summary = await ingest({
          lease,
          inputs: paths,
          driver,
          database: cfg.neo4j.database,
          home: cfg.home,
          manifest,
          concurrency: flags.concurrency,
          batchSize: flags.batchSize,
          budget: budgetOf(flags, cfg),
          notices: flags.notices,
          originals: flags.originals,
          reextract: flags.reextract === true ? 'force' : flags.reextract === false ? 'off' : 'auto',
          onProgress: progress.update,
        });
        progress.stop();
        if (summary.ok > 0 && flags.rollups !== false) {
          const t0 = Date.now();
          if (!flags.quiet) warn('Refreshing the award rollups (region and company totals)…');
          await refreshAwardRollups(driver, cfg.neo4j.database);
          if (!flags.quiet) warn(`Award rollups refreshed in ${seconds(Date.now() - t0)}.`);
        }
      } finally {
        progress.stop();
        await lease?.release().catch(() => {});
        await driver.close();
      }
      for (const d of summary.documents) if (d.status === 'failed') warn(`failed: ${d.path}: ${d.reason}`);
      if (!flags.quiet) for (const line of summaryLines(summary, flags.report)) say(line);
      if (flags.report) writeReport(flags.report, summary, manifestProblems);
      if (summary.failed > 0) process.exitCode = 2;
    });
}
