// Environment and defaults, read once and passed down.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const LOCAL_DEFAULT_PASSWORD = 'bidgraph-local';

export interface Neo4jConfig {
  /** Bolt URI of the server to use. */
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  /** True when NEO4J_URI points to a server bidgraph does not manage. */
  external: boolean;
}

export interface LocalServerConfig {
  /** Where the local server keeps its conf, data, logs and pid. */
  home: string;
  boltPort: number;
  httpPort: number;
  password: string;
  /** Extra JVM heap; the page cache is set in neo4j.conf. */
  heap: string;
  pageCache: string;
}

/** Each document's parse budget, in its worker (ingest/workers/pool.ts). */
export interface ParseLimits {
  timeoutSeconds: number;
  memoryMb: number;
}

export const defaultParseLimits: ParseLimits = { timeoutSeconds: 60, memoryMb: 512 };

export interface Config {
  home: string;
  neo4j: Neo4jConfig;
  local: LocalServerConfig;
  apiPort: number;
  apiToken: string | undefined;
  publicMode: boolean;
  /** Web origins allowed to read the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  parse: ParseLimits;
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name}=${raw} is not a port number (1-65535)`);
  }
  return n;
}

/** BIDGRAPH_CORS_ORIGINS: comma-separated origins (scheme://host[:port]); `*` is refused, list them. */
function corsOrigins(env: Env): string[] {
  const raw = env.BIDGRAPH_CORS_ORIGINS ?? '';
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      // reported below
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new Error(`BIDGRAPH_CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin such as https://notebook.example.org or http://localhost:8888 (no path, no trailing slash, no *)`);
    }
  }
  return origins;
}

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${raw} is not a positive number`);
  return n;
}

export function loadConfig(env: Env = process.env): Config {
  const home = path.resolve(env.BIDGRAPH_HOME || path.join(repoRoot, '.bidgraph'));
  const boltPort = port(env, 'NEO4J_BOLT_PORT', 7687);
  const httpPort = port(env, 'NEO4J_HTTP_PORT', 7474);
  const password = env.NEO4J_PASSWORD || LOCAL_DEFAULT_PASSWORD;
  const external = Boolean(env.NEO4J_URI);
  return {
    home,
    neo4j: {
      uri: env.NEO4J_URI || `bolt://127.0.0.1:${boltPort}`,
      user: env.NEO4J_USER || 'neo4j',
      password,
      database: env.NEO4J_DATABASE || undefined,
      external,
    },
    local: {
      home: path.join(home, 'neo4j'),
      boltPort,
      httpPort,
      password,
      heap: env.BIDGRAPH_NEO4J_HEAP || '2g',
      pageCache: env.BIDGRAPH_NEO4J_PAGECACHE || '2g',
    },
    apiPort: port(env, 'PORT', 4000),
    apiToken: env.BIDGRAPH_API_TOKEN || undefined,
    publicMode: env.BIDGRAPH_PUBLIC === '1' || env.BIDGRAPH_PUBLIC === 'true',
    corsOrigins: corsOrigins(env),
    parse: {
      timeoutSeconds: positive(env, 'BIDGRAPH_PARSE_TIMEOUT', defaultParseLimits.timeoutSeconds),
      memoryMb: positive(env, 'BIDGRAPH_PARSE_MEMORY', defaultParseLimits.memoryMb),
    },
  };
}
