// One writer at a time, enforced by the database: a lease on the single WriterLease node
// (schema/model.json). A writer takes it before writing, renews it with a heartbeat and in every
// write transaction, and gives it back at the end; a writer that dies stops renewing it, so it
// expires. Expiry uses the server's clock, so writers on several machines agree on it.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { UserError } from '../errors.ts';

const NAME = 'writer';

export interface LeaseHolder {
  host: string;
  pid: number;
  command: string;
  started: string;
  /** Server time (ms) until which the lease stands unless renewed. */
  expires: number;
}

export interface LeaseOptions {
  database?: string;
  /** What the holder runs, shown to the writers that wait for it. */
  command: string;
  /** How long to wait for a busy lease: 0 gives up at once, Infinity waits as long as it takes. */
  waitMs?: number;
  /** How long the lease stands without renewal. */
  ttlMs?: number;
  /** Called once when the lease is busy and we wait for it. */
  onWait?: (holder: LeaseHolder) => void;
}

export const DEFAULT_LEASE_TTL_MS = 30_000;
const POLL_MS = 1_000;

/** Says who holds the lease and since when. */
export function describeHolder(h: LeaseHolder, now: number = Date.now()): string {
  const left = Math.max(0, Math.round((h.expires - now) / 1000));
  return `${h.command} (pid ${h.pid} on ${h.host}, since ${h.started}; lease expires in ${left} s unless renewed)`;
}

export class WriterBusyError extends UserError {
  constructor(readonly holder: LeaseHolder, waitedMs: number) {
    super(
      `another writer holds the graph: ${describeHolder(holder)}. ` +
        (waitedMs > 0 ? `Gave up after waiting ${Math.round(waitedMs / 1000)} s. ` : '') +
        'Ingests run one at a time; wait for it with --wait-for-lease [SECONDS], or stop it (a stopped writer\'s lease expires by itself).',
    );
    this.name = 'WriterBusyError';
  }
}

export class LeaseLostError extends UserError {
  constructor() {
    super('the writer lease was lost (not renewed in time, and taken by another writer): stopped before writing more; run the ingest again');
    this.name = 'LeaseLostError';
  }
}

// -------------------------------------------------------------------------------- queries

/** Takes the lease node's write lock for the rest of the transaction (creating the node once). */
const CLAIM = `MERGE (l:WriterLease {name: $name}) SET l.claim = $token
  RETURN l.token AS token, l.host AS host, l.pid AS pid, l.command AS command, l.started AS started, l.expires AS expires, timestamp() AS now`;
const TAKE = `MATCH (l:WriterLease {name: $name})
  SET l.token = $token, l.host = $host, l.pid = $pid, l.command = $command, l.started = $started, l.expires = timestamp() + $ttl
  REMOVE l.claim`;
const UNCLAIM = `MATCH (l:WriterLease {name: $name}) REMOVE l.claim`;
const RENEW = `MATCH (l:WriterLease {name: $name}) WHERE l.token = $token
  SET l.expires = timestamp() + $ttl RETURN count(l) AS held`;
const RELEASE = `MATCH (l:WriterLease {name: $name}) WHERE l.token = $token
  REMOVE l.token, l.host, l.pid, l.command, l.started, l.expires, l.claim`;

interface LeaseRow {
  token: string | null;
  host: string | null;
  pid: number | null;
  command: string | null;
  started: string | null;
  expires: number | null;
  now: number;
}

function holderOf(r: LeaseRow): LeaseHolder {
  return { host: r.host ?? '?', pid: r.pid ?? 0, command: r.command ?? '?', started: r.started ?? '?', expires: r.expires ?? 0 };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lease held by `r` blocks us: it is someone else's, unexpired, and not left behind by a
 * process of this host that is gone (a killed ingest, run again at once, need not wait for expiry).
 */
function blocks(r: LeaseRow, token: string): boolean {
  if (!r.token || r.token === token) return false;
  if (r.expires === null || r.expires <= r.now) return false;
  if (r.host === os.hostname() && r.pid !== null && r.pid !== process.pid && !processAlive(r.pid)) return false;
  return true;
}

/**
 * Inside a write transaction: locks the lease node and says who else holds it, if anyone. The
 * lock is held until the transaction ends, so writers that check the lease take turns.
 */
export async function claimLease(tx: ManagedTransaction, token: string): Promise<LeaseHolder | null> {
  const res = await tx.run(CLAIM, { name: NAME, token });
  const raw = res.records[0].toObject();
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const row: LeaseRow = { ...(raw as LeaseRow), pid: num(raw.pid), expires: num(raw.expires), now: Number(raw.now) };
  await tx.run(UNCLAIM, { name: NAME });
  return blocks(row, token) ? holderOf(row) : null;
}

export class WriterLease {
  private timer: NodeJS.Timeout | null = null;
  private lost = false;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    readonly token: string,
    readonly holder: LeaseHolder,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease, waiting for it as the options say; throws WriterBusyError when it stays busy. */
  static async acquire(driver: Driver, opts: LeaseOptions): Promise<WriterLease> {
    const token = randomUUID();
    const ttl = opts.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    const waitMs = opts.waitMs ?? 0;
    const me = { host: os.hostname(), pid: process.pid, command: opts.command, started: new Date().toISOString() };
    const t0 = Date.now();
    let announced = false;
    for (;;) {
      const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.WRITE });
      let other: LeaseHolder | null;
      let expires = 0;
      try {
        ({ other, expires } = await session.executeWrite(async (tx) => {
          const other = await claimLease(tx, token);
          if (other) return { other, expires: 0 };
          await tx.run(TAKE, { name: NAME, token, ...me, pid: neo4j.int(me.pid), ttl: neo4j.int(ttl) });
          const r = await tx.run('MATCH (l:WriterLease {name: $name}) RETURN l.expires AS expires', { name: NAME });
          return { other: null, expires: Number(r.records[0].get('expires')) };
        }));
      } finally {
        await session.close();
      }
      if (!other) {
        const lease = new WriterLease(driver, opts.database, token, { ...me, expires }, ttl);
        lease.startHeartbeat();
        return lease;
      }
      const waited = Date.now() - t0;
      if (waited >= waitMs) throw new WriterBusyError(other, waitMs > 0 ? waited : 0);
      if (!announced) opts.onWait?.(other);
      announced = true;
      await new Promise((r) => setTimeout(r, Math.min(POLL_MS, waitMs - waited)));
    }
  }

  private startHeartbeat(): void {
    this.timer = setInterval(() => {
      this.renewWith((q, p) => this.driver.executeQuery(q, p, { database: this.database })).catch(() => {
        // A failed heartbeat is not fatal by itself: the next write transaction renews or stops.
      });
    }, Math.max(1000, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  private async renewWith(run: (query: string, params: Record<string, unknown>) => Promise<{ records: { get(k: string): unknown }[] }>): Promise<void> {
    const res = await run(RENEW, { name: NAME, token: this.token, ttl: neo4j.int(this.ttlMs) });
    if (Number(res.records[0]?.get('held') ?? 0) === 0) {
      this.lost = true;
      throw new LeaseLostError();
    }
  }

  /**
   * Run first in every write transaction of the holder: renews the lease and locks it until the
   * transaction ends, or throws LeaseLostError (the transaction then writes nothing).
   */
  async guard(tx: ManagedTransaction): Promise<void> {
    if (this.lost) throw new LeaseLostError();
    await this.renewWith((q, p) => tx.run(q, p));
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.driver.executeQuery(RELEASE, { name: NAME, token: this.token }, { database: this.database });
  }
}
