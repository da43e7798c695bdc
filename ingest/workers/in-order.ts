// Parses files on the worker pool, each within its budget, and hands the outcomes back in input
// order (so `bidgraph extract` prints its JSON Lines in the order of its arguments).
import type { ParseOutcome, ParseMode } from './parse.ts';
import type { ParseBudget } from './pool.ts';
import { ParsePool } from './pool.ts';

export interface InOrderOptions {
  concurrency: number;
  budget?: ParseBudget;
  mode?: ParseMode;
}

export async function parseInOrder(files: readonly string[], opts: InOrderOptions, onOutcome: (file: string, outcome: ParseOutcome) => void): Promise<void> {
  if (files.length === 0) return;
  const outcomes = new Map<number, ParseOutcome>();
  let next = 0;
  await new Promise<void>((resolve) => {
    const pool = new ParsePool(Math.max(1, Math.min(opts.concurrency, files.length)), { mode: opts.mode ?? 'notice', budget: opts.budget }, (reply) => {
      outcomes.set(reply.seq, reply.outcome);
      while (outcomes.has(next)) {
        onOutcome(files[next], outcomes.get(next)!);
        outcomes.delete(next);
        next++;
      }
      if (next === files.length) void pool.close().then(resolve);
    });
    files.forEach((path, seq) => pool.submit({ seq, path, bytes: null, sha256: null }));
  });
}
