// The per-document parse budget, shared by `extract` and `ingest`: flags over the environment.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Config } from '../../src/config.ts';
import { defaultParseLimits } from '../../src/config.ts';
import type { ParseBudget } from '../../ingest/workers/pool.ts';
import { MIN_PARSE_MEMORY_MB } from '../../ingest/workers/pool.ts';

export interface BudgetFlags {
  parseTimeout?: number;
  parseMemory?: number;
}

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds > 0');
  return n;
}

function megabytes(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < MIN_PARSE_MEMORY_MB) throw new InvalidArgumentError(`expected a whole number of MB ≥ ${MIN_PARSE_MEMORY_MB}`);
  return n;
}

export function addBudgetOptions(cmd: Command): Command {
  const d = defaultParseLimits;
  return cmd
    .option('--parse-timeout <seconds>', `time one document may take to read and extract; past it the document fails and the run goes on (env BIDGRAPH_PARSE_TIMEOUT, default ${d.timeoutSeconds})`, seconds)
    .option('--parse-memory <MB>', `heap a parse worker may use for one document (env BIDGRAPH_PARSE_MEMORY, default ${d.memoryMb})`, megabytes);
}

export function budgetOf(flags: BudgetFlags, cfg: Config): ParseBudget {
  return {
    timeMs: (flags.parseTimeout ?? cfg.parse.timeoutSeconds) * 1000,
    memoryMb: Math.max(MIN_PARSE_MEMORY_MB, Math.round(flags.parseMemory ?? cfg.parse.memoryMb)),
  };
}
