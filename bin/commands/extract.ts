import os from 'node:os';
import type { Command } from 'commander';
import { listInputs } from '../../ingest/inputs.ts';
import type { Notice } from '../../ingest/extract/notice.ts';
import { parseInOrder } from '../../ingest/workers/in-order.ts';
import { loadConfig } from '../../src/config.ts';
import { yuanFromFen } from '../../src/domain/amount.ts';
import { oneLine, say, warn } from '../output.ts';
import type { BudgetFlags } from './parse-budget.ts';
import { addBudgetOptions, budgetOf } from './parse-budget.ts';

function yuan(fen: number): string {
  return '¥' + yuanFromFen(fen).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** One readable line per notice, for people; --json is for programs. */
export function summarise(n: Notice): string {
  const winners = n.awards.flatMap((a) => a.suppliers.map((s) => s.name));
  const value = n.awards.map((a) => (a.value ? yuan(a.value.fen) : a.rate ? `${a.rate.kind}${a.rate.percent}%` : null)).filter(Boolean);
  const parts = [
    n.noticeType,
    n.publishedAt ?? 'no date',
    n.buyer?.name ?? 'no buyer',
    n.project.name ?? 'no project name',
    n.region ? `${n.region.name} ${n.region.code}` : 'no region',
  ];
  if (winners.length) parts.push(`winners: ${[...new Set(winners)].join(', ')}`);
  if (value.length) parts.push(`value: ${value.join(', ')}`);
  if (n.candidates.length) parts.push(`candidates: ${n.candidates.length}`);
  if (n.warnings.length) parts.push(`${n.warnings.length} warning(s): ${n.warnings.join('; ')}`);
  return `${oneLine(n.source.path)}\n  ${oneLine(parts.join(' | '))}`;
}

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('read notices and print what was extracted: one Notice per document as JSON Lines with --json')
    .option('--json', 'print one Notice JSON object per line on stdout')
    .option('--concurrency <n>', `parse workers (default: ${os.availableParallelism()}, the number of cores)`, (v) => Math.max(1, Math.floor(Number(v)) || 1))
    .argument('<paths...>', 'files or directories (walked recursively)')
    .addHelpText('after', '\nProblems go to stderr, one line each: "<file>: <reason>". Exit 0 when every document was read, 2 when some failed.');
  addBudgetOptions(cmd).action(async (paths: string[], opts: { json?: boolean; concurrency?: number } & BudgetFlags) => {
      const cfg = loadConfig();
      const { files, problems } = listInputs(paths);
      for (const p of problems) warn(`${p.path}: ${p.reason}`);
      let failed = problems.length;
      let ok = 0;
      const types = new Map<string, number>();
      await parseInOrder(files, { concurrency: opts.concurrency ?? os.availableParallelism(), budget: budgetOf(opts, cfg), mode: 'notice' }, (file, outcome) => {
        if (!outcome.ok) {
          failed++;
          warn(`${file}: ${outcome.reason}`);
          return;
        }
        if (outcome.parsed.kind !== 'notice') return;
        const notice = outcome.parsed.notice;
        ok++;
        types.set(notice.noticeType, (types.get(notice.noticeType) ?? 0) + 1);
        say(opts.json ? JSON.stringify(notice) : summarise(notice));
      });
      if (!opts.json) {
        const byType = [...types].map(([t, n]) => `${n} ${t}`).join(', ');
        say(`\n${ok} notice(s) extracted${byType ? ` (${byType})` : ''}, ${failed} failed.`);
      }
      if (failed) process.exitCode = 2;
    });
}
