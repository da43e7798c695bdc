// Keeps today's restrictions computed ahead of the requests. The fixpoint over the whole ownership
// graph takes seconds on a large graph; without this, the first request of each day and the first
// after every ingest would wait for it (and could hit the read timeout). Each tick costs one count
// query while nothing changed (RestrictionCache keys its results by date and a data stamp).
import type { Driver } from 'neo4j-driver';
import { GraphReader } from '../graph/reader.ts';
import type { RestrictionCache } from '../graph/restrictions.ts';

export const today = (): string => new Date().toISOString().slice(0, 10);

export interface RestrictionsAheadOptions {
  database?: string;
  /** How often to look whether the date or the data changed. Default one minute. */
  everyMs?: number;
  /** Time allowed to the fixpoint's queries; longer than a request's, since nobody waits on it. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RestrictionsAhead {
  /** Settles when the first computation has ended (done or failed). */
  first: Promise<void>;
  stop(): void;
}

/** Starts computing today's restrictions now, and again whenever the day or the graph changes. */
export function keepTodaysRestrictions(cache: RestrictionCache, driver: Driver, opts: RestrictionsAheadOptions = {}): RestrictionsAhead {
  const reader = new GraphReader(driver, { database: opts.database, timeoutMs: opts.timeoutMs ?? 120_000 });
  let running = false;
  let lastFailure = '';
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await cache.at(reader, today());
      lastFailure = '';
    } catch (err) {
      // The database may be down or restarting: the gate tells the requests; say it here once.
      const message = (err as Error).message.split('\n')[0];
      if (message !== lastFailure) opts.log?.(`Computing today's restrictions ahead failed (requests will compute them): ${message}`);
      lastFailure = message;
    } finally {
      running = false;
    }
  };
  const first = tick();
  const timer = setInterval(() => void tick(), opts.everyMs ?? 60_000);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
