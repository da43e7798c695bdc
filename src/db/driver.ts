// One place that opens drivers and turns Neo4j's errors into sentences a user can act on.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.ts';
import { LOCAL_DEFAULT_PASSWORD } from '../config.ts';
import { UserError } from '../errors.ts';

/** How long the driver keeps trying an unreachable server before a transaction fails. */
export interface DriverTuning {
  connectionTimeoutMs: number;
  maxRetryMs: number;
}

const DEFAULT_TUNING: DriverTuning = { connectionTimeoutMs: 10_000, maxRetryMs: 30_000 };

/**
 * The API's: someone is waiting on each request, so a server that does not answer fails it within
 * seconds (DATABASE_UNAVAILABLE) instead of the driver's half minute of retries.
 */
export const API_DRIVER_TUNING: DriverTuning = { connectionTimeoutMs: 3_000, maxRetryMs: 2_000 };

export function createDriver(cfg: Neo4jConfig, tuning: DriverTuning = DEFAULT_TUNING): Driver {
  return neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    disableLosslessIntegers: true,
    connectionTimeout: tuning.connectionTimeoutMs,
    maxTransactionRetryTime: tuning.maxRetryMs,
    maxConnectionPoolSize: 50,
    userAgent: 'bidgraph',
  });
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);

/** The error says the server cannot be reached or is not serving (as opposed to a bad query). */
export function isUnavailable(err: unknown): boolean {
  const code = errorCode(err);
  if (UNAVAILABLE_CODES.has(code)) return true;
  const message = (err as Error)?.message ?? '';
  return /ECONNREFUSED|ECONNRESET|Connection acquisition timed out|Failed to connect to server|Could not perform discovery/i.test(message);
}

function errorCode(err: unknown): string {
  return (err as { code?: string })?.code ?? '';
}

/** Rewrites driver errors about reaching or logging in to the server; returns others unchanged. */
export function explainConnectionError(err: unknown, cfg: Neo4jConfig): unknown {
  const code = errorCode(err);
  const message = (err as Error)?.message ?? String(err);
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    const hint = cfg.external
      ? 'set NEO4J_USER and NEO4J_PASSWORD to that server\'s credentials'
      : `set NEO4J_PASSWORD to the password the local server was created with (default "${LOCAL_DEFAULT_PASSWORD}"), or use a fresh BIDGRAPH_HOME`;
    return new UserError(`Neo4j at ${cfg.uri} rejected user "${cfg.user}": wrong user name or password; ${hint}.`, { cause: err });
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new UserError(`Neo4j at ${cfg.uri} locked user "${cfg.user}" after too many wrong passwords; wait a few seconds and check NEO4J_PASSWORD.`, { cause: err });
  }
  if (code === 'ServiceUnavailable' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|Could not perform discovery|Failed to connect/i.test(message)) {
    const hint = cfg.external
      ? 'check NEO4J_URI and that the server is up and reachable'
      : 'start the local server with `bidgraph db start` (or point NEO4J_URI at your own Neo4j)';
    return new UserError(`Cannot reach Neo4j at ${cfg.uri}: ${firstLine(message)}; ${hint}.`, { cause: err });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new UserError(`Neo4j at ${cfg.uri} has no database "${cfg.database}"; check NEO4J_DATABASE.`, { cause: err });
  }
  return err;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

/** Opens a driver and proves it can log in, or throws a UserError. */
export async function connect(cfg: Neo4jConfig, tuning?: DriverTuning): Promise<Driver> {
  const driver = createDriver(cfg, tuning);
  try {
    await driver.verifyAuthentication({ database: cfg.database }).then((ok) => {
      if (!ok) throw Object.assign(new Error('authentication failed'), { code: 'Neo.ClientError.Security.Unauthorized' });
    });
    return driver;
  } catch (err) {
    await driver.close();
    throw explainConnectionError(err, cfg);
  }
}

export async function serverVersion(driver: Driver, database?: string): Promise<{ version: string; edition: string }> {
  const res = await driver.executeQuery(
    'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition',
    {},
    { database, routing: neo4j.routing.READ },
  );
  const rec = res.records[0];
  return { version: rec.get('version'), edition: rec.get('edition') };
}
