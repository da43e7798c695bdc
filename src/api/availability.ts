// Whether the database can take requests. When a request finds Neo4j unreachable, the gate closes:
// later requests are answered at once with DATABASE_UNAVAILABLE instead of each waiting on the
// driver, and a probe asks the server again every second. Once it answers, the gate plans every
// named query (src/graph/warmup.ts) before it opens again, so the first requests after a restart
// do not all pay for planning at once.
import neo4j, { type Driver } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { isUnavailable } from '../db/driver.ts';
import { warmUp } from '../graph/warmup.ts';

export type DatabaseState = 'up' | 'down' | 'warming';

export interface GateOptions {
  /** Time between probes while the database is down. Default 1 s. */
  probeMs?: number;
  /** While up, check the server this often even without failures (a restart between requests leaves plans cold). Off by default. */
  heartbeatMs?: number;
  /** Run before the gate opens again; default: plan every named query. */
  warm?: (driver: Driver, database: string | undefined) => Promise<unknown>;
  log?: (line: string) => void;
}

const PROBE_TIMEOUT_MS = 2_000;
/**
 * The warm-up after a restart is bounded: each query by a timeout, the whole by a deadline past which
 * the rest stay cold. A database that answers slowly is better served slowly than not at all.
 */
const WARM_QUERY_TIMEOUT_MS = 10_000;
const WARM_DEADLINE_MS = 30_000;

export class DatabaseGate {
  private current: DatabaseState = 'up';
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly opts: GateOptions = {},
  ) {
    if (opts.heartbeatMs) this.schedule(opts.heartbeatMs);
  }

  get state(): DatabaseState {
    return this.current;
  }

  /** DATABASE_UNAVAILABLE while the database is down or warming up; null when it takes requests. */
  refusal(): GraphQLError | null {
    if (this.current === 'up') return null;
    return unavailableError(this.current);
  }

  /** Called with every error a request met: one that says the server is unreachable closes the gate. */
  observe(err: unknown): boolean {
    if (!isUnavailable(err)) return false;
    this.down();
    return true;
  }

  /** Stops probing (the server is closing). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private down(): void {
    if (this.current === 'down') return;
    this.current = 'down';
    this.opts.log?.('Neo4j is unreachable: answering DATABASE_UNAVAILABLE until it is back.');
    this.schedule(this.opts.probeMs ?? 1_000);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.probe(), ms);
    this.timer.unref(); // never what keeps a process alive
  }

  private async ask(): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: PROBE_TIMEOUT_MS });
    } finally {
      await session.close();
    }
  }

  /**
   * Down: asks until the server answers, then warms up and opens. Up (heartbeat): a failure closes
   * the gate, so a restart between requests is noticed and warmed up for as well.
   */
  private async probe(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    try {
      await this.ask();
    } catch (err) {
      if (this.current !== 'up') {
        this.current = 'down';
        this.schedule(this.opts.probeMs ?? 1_000);
      } else if (isUnavailable(err)) {
        this.down();
      } else {
        this.schedule(this.opts.heartbeatMs ?? 1_000);
      }
      return;
    }
    if (this.current === 'up') return this.schedule(this.opts.heartbeatMs ?? 1_000);
    await this.warmAndOpen();
  }

  private async warmAndOpen(): Promise<void> {
    this.current = 'warming';
    const t0 = Date.now();
    try {
      const warm = this.opts.warm ?? ((d: Driver, db: string | undefined) => warmUp(d, db, { timeoutMs: WARM_QUERY_TIMEOUT_MS, deadlineMs: WARM_DEADLINE_MS }));
      await warm(this.driver, this.database);
    } catch (err) {
      if (isUnavailable(err)) {
        this.current = 'down';
        this.schedule(this.opts.probeMs ?? 1_000);
        return;
      }
      // A query that fails to plan or times out is for the requests to show; it does not keep the API shut.
      this.opts.log?.(`Warm-up after reconnecting failed: ${(err as Error).message.split('\n')[0]}`);
    }
    this.current = 'up';
    this.opts.log?.(`Neo4j is back: queries planned in ${((Date.now() - t0) / 1000).toFixed(1)}s; taking requests.`);
    if (this.opts.heartbeatMs) this.schedule(this.opts.heartbeatMs);
  }
}

export function unavailableError(state: DatabaseState): GraphQLError {
  const message =
    state === 'warming'
      ? 'The database is back and the API is preparing its queries; try again in a few seconds.'
      : 'The database is unavailable; try again in a few seconds.';
  return new GraphQLError(message, {
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '2' } } },
  });
}
