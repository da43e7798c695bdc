// Runs the named, parameterised read queries of src/graph/ in read transactions with a timeout,
// and counts round trips so a request's cost in queries can be observed (tests, benchmarks).
import neo4j, { type Driver } from 'neo4j-driver';

/** One question asked of the graph: a name, its Cypher, and the shape of a result row. */
export interface NamedQuery<P extends object, R> {
  name: string;
  cypher: string;
  /** Phantom fields: they only carry the parameter and row types. */
  readonly _params?: P;
  readonly _row?: R;
}

export function namedQuery<P extends object, R>(name: string, cypher: string): NamedQuery<P, R> {
  return { name, cypher: cypher.trim() };
}

/** The query ran longer than the read timeout and the server stopped it. */
export class GraphTimeoutError extends Error {
  constructor(readonly queryName: string, readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`query ${queryName} ran longer than ${timeoutMs} ms`, options);
    this.name = 'GraphTimeoutError';
  }
}

export interface QueryLogEntry {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

export interface GraphReaderOptions {
  database?: string;
  /** Server-side transaction timeout for every read, in milliseconds. */
  timeoutMs: number;
  /** Called once per query sent to the server. */
  onQuery?: (entry: QueryLogEntry) => void;
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

export function isTimeout(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return TIMEOUT_CODES.has(code);
}

/** Reads the graph: one session and one read transaction per query, never a write. */
export class GraphReader {
  constructor(
    private readonly driver: Driver,
    private readonly opts: GraphReaderOptions,
  ) {}

  async run<P extends object, R>(query: NamedQuery<P, R>, params: P): Promise<R[]> {
    this.opts.onQuery?.({ name: query.name, cypher: query.cypher, params: params as Record<string, unknown> });
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(query.cypher, params as Record<string, unknown>), {
        timeout: this.opts.timeoutMs,
        metadata: { app: 'bidgraph-api', query: query.name },
      });
      return result.records.map((r) => r.toObject() as R);
    } catch (err) {
      if (isTimeout(err)) throw new GraphTimeoutError(query.name, this.opts.timeoutMs, { cause: err });
      throw err;
    } finally {
      await session.close();
    }
  }
}
