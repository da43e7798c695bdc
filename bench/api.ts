// `npm run bench:api`: the GraphQL API over a generated graph of a million awards, on its own Neo4j.
//
// 1. A Neo4j home of its own (BIDGRAPH_BENCH_HOME, default <tmp>/bidgraph-bench-api) on free ports.
//    The first run generates the graph (bench/gen-graph.ts), imports it with neo4j-admin, applies
//    the schema and refreshes the award rollups; later runs with the same size reuse it (--fresh
//    rebuilds).
// 2. The API as a child process (`bidgraph serve`), as users run it.
// 3. Per question, at a fixed request rate (open loop, latency from the scheduled send time):
//    p50 and p95 over HTTP, and the same Cypher statements with the same parameters run directly
//    through the driver (recorded from the API itself), and the ratio of the two. Beside them, the
//    same statements sent to a server that runs them with no GraphQL (bench/support/cypher-over-http.ts):
//    the floor of any HTTP API over Neo4j. The three share one open-loop schedule, `rate` requests per
//    second of each, in a shuffled order each round. Then GraphQL and Cypher again with the yoga server
//    called in process (GraphQL without the HTTP hop), and GraphQL alone on replayed rows.
// 4. A load test: N concurrent clients for S seconds on loopback over a mix of the questions;
//    errors counted, the API process's RSS sampled every second.
//
// 5. With --hostile, instead of 3 and 4: the hostile queries of bench/support/hostile.ts alone (refusal
//    times), then the load test twice, its ordinary clients alone and beside --hostile-clients of
//    the --clients sending hostile queries, each a distinct text: the ordinary p95 of the two, their
//    ratio, every error that is not the expected refusal, and the RSS trend.
//
// Options: --awards 1000000 --rate 10 --seconds 20 --clients 50 --load-seconds 60 --fresh --keep
//          --hostile --hostile-clients 10
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver, ManagedTransaction, QueryResult, SessionConfig } from 'neo4j-driver';
import { loadConfig, repoRoot, type Config } from '../src/config.ts';
import { connect, createDriver } from '../src/db/driver.ts';
import { freePort, start, stop } from '../src/db/local-server.ts';
import { migrate } from '../src/db/migrate.ts';
import { createApi } from '../src/api/server.ts';
import { refreshAwardRollups, rollupsFresh } from '../src/graph/rollups.ts';
import { warmUp } from '../src/graph/warmup.ts';
import type { QueryLogEntry } from '../src/graph/reader.ts';
import { generateGraphCsv, importGraph, type Landmarks } from './gen-graph.ts';
import { encodeStatements, runStatements } from './support/cypher-over-http.ts';
import { random, shuffled } from './support/random.ts';
import { percentile } from './support/stats.ts';
import { HOSTILE, type HostileKind } from './support/hostile.ts';

const { values: opts } = parseArgs({
  options: {
    awards: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '50' },
    'load-seconds': { type: 'string', default: '60' },
    fresh: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    hostile: { type: 'boolean', default: false },
    'hostile-clients': { type: 'string', default: '10' },
  },
});
// As `bidgraph serve` does (see there): the raw driver calls must not pay for source-mapped stack traces either.
process.setSourceMapsEnabled(false);
const AWARDS = Number(opts.awards);
const RATE = Number(opts.rate);
const SECONDS = Number(opts.seconds);
const CLIENTS = Number(opts.clients);
const LOAD_SECONDS = Number(opts['load-seconds']);
const HOSTILE_CLIENTS = Number(opts['hostile-clients']);
const PASSWORD = 'bidgraph-bench-pw';

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

// ---------------------------------------------------------------------------------------------
// The database

interface Prepared {
  cfg: Config;
  marks: Landmarks;
}

async function prepare(): Promise<Prepared> {
  const home = path.resolve(process.env.BIDGRAPH_BENCH_HOME || path.join(os.tmpdir(), 'bidgraph-bench-api'));
  const env = {
    BIDGRAPH_HOME: home,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_PASSWORD: PASSWORD,
    BIDGRAPH_NEO4J_HEAP: process.env.BIDGRAPH_NEO4J_HEAP || '2g',
    BIDGRAPH_NEO4J_PAGECACHE: process.env.BIDGRAPH_NEO4J_PAGECACHE || '4g',
  };
  const cfg = loadConfig(env);
  const marker = path.join(home, 'graph.json');
  let marks: Landmarks | null = null;
  if (!opts.fresh && fs.existsSync(marker)) {
    const saved = JSON.parse(fs.readFileSync(marker, 'utf8')) as Landmarks;
    if (saved.awards === AWARDS) marks = saved;
  }
  if (marks) {
    log(`Reusing the graph in ${home} (${marks.awards} awards); --fresh rebuilds it.`);
    await stop(cfg.local);
    await start(cfg.local, log);
    const driver = await connect(cfg.neo4j);
    try {
      await migrate(driver);
      if (!(await rollupsFresh(driver))) {
        const t0 = Date.now();
        await refreshAwardRollups(driver);
        log(`Award rollups were stale or of an older shape: refreshed in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
      }
    } finally {
      await driver.close();
    }
    return { cfg, marks };
  }
  log(`Building a graph of ${AWARDS} awards in ${home}…`);
  await stop(cfg.local);
  fs.rmSync(home, { recursive: true, force: true });
  await start(cfg.local, log); // writes the configuration and sets the password
  await stop(cfg.local);
  const csv = path.join(home, 'csv');
  let t0 = Date.now();
  marks = generateGraphCsv(csv, { awards: AWARDS });
  log(`Generated ${marks.awards} awards, ${marks.projects} projects, ${marks.companies} companies, ${marks.holdings} holdings in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
  t0 = Date.now();
  importGraph(cfg.local, csv, log);
  log(`Imported in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
  fs.rmSync(csv, { recursive: true, force: true });
  await start(cfg.local, log);
  const driver = await connect(cfg.neo4j);
  try {
    t0 = Date.now();
    await migrate(driver);
    log(`Schema and indexes online in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
    t0 = Date.now();
    const took = await refreshAwardRollups(driver);
    log(`Award rollups refreshed in ${((Date.now() - t0) / 1000).toFixed(0)} s (${JSON.stringify(took)}).`);
  } finally {
    await driver.close();
  }
  fs.writeFileSync(marker, JSON.stringify(marks));
  return { cfg, marks };
}

// ---------------------------------------------------------------------------------------------
// The API process

interface ServerProcess {
  child: ChildProcess;
  url: string;
}

const startApi = (cfg: Config) => startServer(cfg, 'api', [path.join(repoRoot, 'bin', 'bidgraph.js'), 'serve'], 'GraphQL:', '/graphql');
const startCypherOverHttp = (cfg: Config) =>
  startServer(cfg, 'cypher-over-http', ['--import', 'tsx', path.join(repoRoot, 'bench', 'support', 'cypher-over-http.ts')], 'Cypher over HTTP:', '/');

/** A server of ours as a child process on a free port, talking to the bench's Neo4j; resolves once it prints `ready`. */
async function startServer(cfg: Config, name: string, args: string[], ready: string, route: string): Promise<ServerProcess> {
  const port = await freePort();
  // A bounded heap, as a deployment would set it: memory that is really retained would show as errors.
  const child = spawn(process.execPath, ['--max-old-space-size=256', ...args, '--port', String(port)], {
    cwd: repoRoot,
    env: {
      ...process.env,
      BIDGRAPH_HOME: cfg.home,
      NEO4J_BOLT_PORT: String(cfg.local.boltPort),
      NEO4J_HTTP_PORT: String(cfg.local.httpPort),
      NEO4J_PASSWORD: PASSWORD,
      BIDGRAPH_NEO4J_HEAP: cfg.local.heap,
      BIDGRAPH_NEO4J_PAGECACHE: cfg.local.pageCache,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (b: Buffer) => log(`${name}: ${b.toString().trim()}`));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 300 s`)), 300_000);
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening`)));
  });
  return { child, url: `http://127.0.0.1:${port}${route}` };
}

/** Asks a server process to stop, and kills it if it has not within five seconds. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

// ---------------------------------------------------------------------------------------------
// The questions

interface Request {
  query: string;
  variables: Record<string, unknown>;
}

interface Scenario {
  name: string;
  requests: Request[];
}

const Q = {
  awards: `query($id: ID!) { company(id: $id) { awards(first: 50) { nodes { id date value { amount currency } } pageInfo { hasNextPage endCursor } } } }`,
  regionTotal: `query($code: String!) { region(code: $code) { totalAwarded { amount currency } } }`,
  topSuppliers: `query($code: String!) { region(code: $code) { topSuppliers(first: 10) { company { id name } total { amount currency } awards } } }`,
  ultimateOwners: `query($id: ID!) { company(id: $id) { ultimateOwners {
    owner { ... on Company { id name } ... on Person { id name } } effectiveShare effectiveShareMin effectiveShareMax
    paths { ... on Company { id } ... on Person { id } } } } }`,
  groupTotal: `query($id: ID!, $minShare: Float) { company(id: $id) { groupTotalAwarded(minShare: $minShare) { amount currency } } }`,
};

function scenarios(marks: Landmarks, n: number): Scenario[] {
  const rnd = random(7);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
  const many = (make: () => Request): Request[] => Array.from({ length: n }, make);
  return [
    { name: 'company.awards (random supplier)', requests: many(() => ({ query: Q.awards, variables: { id: pick(marks.suppliers) } })) },
    { name: 'company.awards (top supplier)', requests: many(() => ({ query: Q.awards, variables: { id: marks.hikvision } })) },
    { name: 'region.totalAwarded (province)', requests: many(() => ({ query: Q.regionTotal, variables: { code: pick(marks.provinces) } })) },
    { name: 'region.topSuppliers (province)', requests: many(() => ({ query: Q.topSuppliers, variables: { code: pick(marks.provinces) } })) },
    { name: 'company.ultimateOwners', requests: many(() => ({ query: Q.ultimateOwners, variables: { id: pick(marks.owned) } })) },
    { name: 'company.groupTotalAwarded (holders)', requests: many(() => ({ query: Q.groupTotal, variables: { id: pick(marks.holders), minShare: 50 } })) },
    { name: 'company.groupTotalAwarded (CETC, 30%)', requests: many(() => ({ query: Q.groupTotal, variables: { id: marks.cetc, minShare: 30 } })) },
  ];
}

type Rows = Map<string, Record<string, unknown>[]>;
const statementKey = (cypher: string, params: unknown) => `${cypher}\u0000${JSON.stringify(params)}`;

interface Recording {
  /** The Cypher statements the API runs for each request, in order. */
  statements: QueryLogEntry[][];
  /** The rows Neo4j returned for each statement. */
  rows: Rows;
}

/** Answers `requests` with an in-process API over the real driver, recording what it asks Neo4j and what Neo4j answers. */
async function record(driver: Driver, requests: Request[]): Promise<Recording> {
  const rows: Rows = new Map();
  const recordingDriver = {
    session: (config: SessionConfig) => {
      const session = driver.session(config);
      return {
        executeRead: <T>(work: (tx: ManagedTransaction) => Promise<T>, txConfig?: Parameters<ReturnType<Driver['session']>['executeRead']>[1]) =>
          session.executeRead(async (tx) => {
            const result = (await work(tx)) as unknown as QueryResult;
            rows.set(statementKey(result.summary.query.text, result.summary.query.parameters), result.records.map((r) => r.toObject()));
            return result as unknown as T;
          }, txConfig),
        close: () => session.close(),
      };
    },
  } as unknown as Driver;
  let current: QueryLogEntry[] = [];
  const api = createApi({ driver: recordingDriver, logging: false, onQuery: (entry) => current.push(entry) });
  const statements: QueryLogEntry[][] = [];
  for (const r of requests) {
    current = [];
    const errors = await errorsInProcess(api, r);
    if (errors) throw new Error(`recording ${JSON.stringify(r.variables)}: ${JSON.stringify(errors)}`);
    statements.push(current);
  }
  return { statements, rows };
}

/** A driver that answers each statement with the recorded rows: what GraphQL itself costs, with no database in the way. */
function replayingDriver(rows: Rows): Driver {
  const tx = {
    run: async (cypher: string, params: unknown) => {
      const found = rows.get(statementKey(cypher, params));
      if (!found) throw new Error(`no recorded rows for ${cypher.slice(0, 60)}…`);
      return { records: found.map((row) => ({ toObject: () => row })) };
    },
  };
  return { session: () => ({ executeRead: async <T>(work: (t: typeof tx) => Promise<T>) => work(tx), close: async () => {} }) } as unknown as Driver;
}

function summarize(latencies: number[], errors: number, count: number): Latencies {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), errors, count };
}

/** The calls made one after the other, with no pause. */
async function backToBack(count: number, call: (i: number) => Promise<boolean>): Promise<Latencies> {
  const latencies: number[] = [];
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    if (!(await call(i))) errors++;
    latencies.push(performance.now() - t);
  }
  return summarize(latencies, errors, count);
}


// node:http with a keep-alive agent, not fetch: the client's own CPU competes with the API and Neo4j
// for the same two cores, and fetch costs several times more per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(url: string, method: string, payload?: Buffer): Promise<{ status: number; body: Buffer }> {
  const headers = payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {};
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function postGraphQL(url: string, r: Request): Promise<boolean> {
  const res = await send(url, 'POST', Buffer.from(JSON.stringify(r)));
  const body = JSON.parse(res.body.toString('utf8')) as { errors?: unknown[] };
  return res.status === 200 && !body.errors;
}

/** The API's errors for `r` asked in process, or null when it answered without any. */
async function errorsInProcess(api: ReturnType<typeof createApi>, r: Request): Promise<unknown[] | null> {
  const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) });
  const body = (await res.json()) as { errors?: unknown[] };
  return body.errors ?? (res.status === 200 ? null : [`HTTP ${res.status}`]);
}

async function fetchInProcess(api: ReturnType<typeof createApi>, r: Request): Promise<boolean> {
  return (await errorsInProcess(api, r)) === null;
}

/** The request's recorded statements, run by the Cypher-over-HTTP server. */
async function postCypher(url: string, statements: QueryLogEntry[]): Promise<boolean> {
  return (await send(url, 'POST', Buffer.from(encodeStatements(statements)))).status === 200;
}

interface Comparison {
  graphql: Latencies;
  cypher: Latencies;
}

interface Row {
  name: string;
  overHttp: Comparison;
  inProcess: Comparison;
  /** The same statements through the Cypher-over-HTTP server, in the over-HTTP schedule. */
  cypherOverHttp: Latencies;
  graphqlAlone: { backToBack: Latencies; atCadence: Latencies };
}

interface Column {
  name: string;
  value: (r: Row) => string;
}

/** `extras` add columns; `extraErrors` counts the errors of whatever those columns timed. */
function comparisonTable(rows: Row[], pick: (r: Row) => Comparison, extras: Column[] = [], extraErrors: (r: Row) => number = () => 0): string[] {
  const fmt = (x: number) => x.toFixed(1).padStart(7);
  const head = [`${'question'.padEnd(40)}`, 'GraphQL p50'.padStart(11), 'p95'.padStart(7), 'Cypher p50'.padStart(10), 'p95'.padStart(7), 'ratio p50'.padStart(9), 'p95'.padStart(6), 'extra p50'.padStart(9)];
  for (const c of extras) head.push(c.name.padStart(Math.max(8, c.name.length)));
  const lines = [[...head, 'errors'].join(' ')];
  for (const r of rows) {
    const { graphql, cypher } = pick(r);
    const cells = [r.name.padEnd(40), fmt(graphql.p50).padStart(11), fmt(graphql.p95), fmt(cypher.p50).padStart(10), fmt(cypher.p95)];
    cells.push((graphql.p50 / cypher.p50).toFixed(2).padStart(9), (graphql.p95 / cypher.p95).toFixed(2).padStart(6), fmt(graphql.p50 - cypher.p50).padStart(9));
    for (const c of extras) cells.push(c.value(r).padStart(Math.max(8, c.name.length)));
    cells.push(String(graphql.errors + cypher.errors + extraErrors(r)));
    lines.push(cells.join(' '));
  }
  lines.push('extra: GraphQL p50 minus Cypher p50, in ms.');
  return lines;
}

interface Latencies {
  p50: number;
  p95: number;
  errors: number;
  count: number;
}

const scheduleRandom = random(5);

/**
 * Sends `count` calls of each kind, `rate` of each per second, open loop: each round sends every kind
 * once, in a shuffled order, so every kind sees the same machine (page cache, background load, idle
 * gaps) over the same seconds and none always follows the same other. Latency counts from the
 * scheduled time, not from when the call went out.
 */
async function interleaved(count: number, rate: number, kinds: ((i: number) => Promise<boolean>)[]): Promise<Latencies[]> {
  const order = Array.from({ length: count }, () => shuffled(kinds.map((_, k) => k), scheduleRandom)).flat();
  const t0 = performance.now() + 50;
  const latencies: number[][] = kinds.map(() => []);
  const errors = kinds.map(() => 0);
  const pending: Promise<void>[] = [];
  const fire = (k: number, i: number, due: number) =>
    kinds[k](i).then(
      (ok) => {
        if (!ok) errors[k]++;
        latencies[k].push(performance.now() - due);
      },
      () => {
        errors[k]++;
      },
    );
  for (let tick = 0; tick < order.length; tick++) {
    const due = t0 + (tick * 1000) / (rate * kinds.length);
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(fire(order[tick], Math.floor(tick / kinds.length), due));
  }
  await Promise.all(pending);
  return latencies.map((l, k) => summarize(l, errors[k], count));
}

// ---------------------------------------------------------------------------------------------
// The load test

interface LoadResult {
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  rss: { second: number; mib: number }[];
  hostile: HostileResult;
}

interface HostileResult {
  /** Refusals with the expected code, per kind. */
  refused: Record<string, number>;
  /** Latencies of the refusals, all kinds. */
  latencies: number[];
  /** Answers that were not the expected refusal (first few kept). */
  unexpected: number;
  samples: string[];
}

/** Sends one hostile query; true when the API refused it with the kind's code. */
async function postHostile(url: string, kind: HostileKind, n: number, into: HostileResult): Promise<void> {
  const t = performance.now();
  try {
    const res = await send(url, 'POST', Buffer.from(JSON.stringify(kind.make(n))));
    const body = JSON.parse(res.body.toString('utf8')) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    if (res.status < 500 && codes.length === 1 && codes[0] === kind.code && body.data === undefined) {
      into.refused[kind.name] = (into.refused[kind.name] ?? 0) + 1;
      into.latencies.push(performance.now() - t);
      return;
    }
    into.unexpected++;
    if (into.samples.length < 5) into.samples.push(`${kind.name}: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
  } catch (err) {
    into.unexpected++;
    if (into.samples.length < 5) into.samples.push(`${kind.name}: ${(err as Error).message}`);
  }
}

/**
 * `clients` ordinary clients over `mix` for `seconds`, and beside them `hostileClients` sending the
 * hostile kinds in turn. Latencies and errors are the ordinary clients'.
 */
async function loadTest(url: string, pid: number, mix: Request[], clients: number, seconds: number, hostileClients = 0): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let nextHostile = 0;
  const hostile: HostileResult = { refused: {}, latencies: [], unexpected: 0, samples: [] };
  const end = performance.now() + seconds * 1000;
  const rss: { second: number; mib: number }[] = [{ second: 0, mib: rssMiB(pid) }];
  const t0 = performance.now();
  const sampler = setInterval(() => rss.push({ second: Math.round((performance.now() - t0) / 1000), mib: rssMiB(pid) }), 1000);
  const client = async () => {
    while (performance.now() < end) {
      const r = mix[next++ % mix.length];
      const t = performance.now();
      try {
        if (!(await postGraphQL(url, r))) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  };
  const attacker = async () => {
    while (performance.now() < end) {
      const n = nextHostile++;
      await postHostile(url, HOSTILE[n % HOSTILE.length], n, hostile);
    }
  };
  await Promise.all([...Array.from({ length: clients }, client), ...Array.from({ length: hostileClients }, attacker)]);
  clearInterval(sampler);
  rss.push({ second: Math.round((performance.now() - t0) / 1000), mib: rssMiB(pid) });
  latencies.sort((a, b) => a - b);
  hostile.latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rss,
    hostile,
  };
}

/** Least-squares slope of RSS over time, in MiB per minute. */
function slope(points: { second: number; mib: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.second, 0) / n;
  const my = points.reduce((s, p) => s + p.mib, 0) / n;
  const num = points.reduce((s, p) => s + (p.second - mx) * (p.mib - my), 0);
  const den = points.reduce((s, p) => s + (p.second - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

// ---------------------------------------------------------------------------------------------

/** --hostile: refusal times alone, then the load without and with hostile clients beside it. */
async function hostileMain(cfg: Config, marks: Landmarks, api: ServerProcess, driver: Driver): Promise<void> {
  const pid = api.child.pid as number;
  await warmUp(driver);
  const out: string[] = [];
  out.push(`bidgraph API under hostile queries — ${marks.awards.toLocaleString('en')} awards, ${marks.companies.toLocaleString('en')} companies; ${os.cpus().length} CPUs`);
  out.push('');
  out.push('Each hostile query alone, 20 distinct texts each, one after another (ms from send to the whole answer):');
  out.push(`${'query'.padEnd(34)} ${'bytes'.padStart(8)} ${'code'.padEnd(24)} ${'p50'.padStart(7)} ${'max'.padStart(7)} ${'refused'.padStart(8)}`);
  let n = 1_000_000;
  for (const kind of HOSTILE) {
    const alone: HostileResult = { refused: {}, latencies: [], unexpected: 0, samples: [] };
    for (let i = 0; i < 20; i++) await postHostile(api.url, kind, n++, alone);
    alone.latencies.sort((a, b) => a - b);
    const bytes = Buffer.byteLength(JSON.stringify(kind.make(0)));
    out.push(
      `${kind.name.padEnd(34)} ${String(bytes).padStart(8)} ${kind.code.padEnd(24)} ${percentile(alone.latencies, 50).toFixed(1).padStart(7)} ` +
        `${(alone.latencies.at(-1) ?? NaN).toFixed(1).padStart(7)} ${`${alone.refused[kind.name] ?? 0}/20`.padStart(8)}`,
    );
    for (const sample of alone.samples) out.push(`  unexpected: ${sample}`);
  }
  const ordinaryClients = CLIENTS - HOSTILE_CLIENTS;
  const mix = shuffled(scenarios(marks, 200).flatMap((s) => s.requests), random(11));
  log(`Load: ${ordinaryClients} ordinary clients alone for ${LOAD_SECONDS} s…`);
  const alone = await loadTest(api.url, pid, mix, ordinaryClients, LOAD_SECONDS);
  log(`Load: ${ordinaryClients} ordinary clients and ${HOSTILE_CLIENTS} hostile ones for ${LOAD_SECONDS} s…`);
  const mixed = await loadTest(api.url, pid, mix, ordinaryClients, LOAD_SECONDS, HOSTILE_CLIENTS);
  out.push('');
  out.push(`Load: ${ordinaryClients} ordinary clients over the questions' mix, ${LOAD_SECONDS} s, alone and then with ${HOSTILE_CLIENTS} hostile clients beside them (${CLIENTS} in all).`);
  const line = (name: string, r: LoadResult) =>
    `${name.padEnd(20)} ${String(r.requests).padStart(8)} ${r.throughput.toFixed(0).padStart(6)}/s ${String(r.errors).padStart(7)} ` +
    `${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`;
  out.push(`${''.padEnd(20)} ${'requests'.padStart(8)} ${'rate'.padStart(8)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  out.push(line('ordinary alone', alone));
  out.push(line('ordinary + hostile', mixed));
  out.push(`ordinary p95 with hostile clients / without: ${(mixed.p95 / alone.p95).toFixed(2)} (p50 ${(mixed.p50 / alone.p50).toFixed(2)})`);
  const refused = Object.values(mixed.hostile.refused).reduce((a, b) => a + b, 0);
  out.push(
    `hostile requests: ${refused} refused with their expected code (${Object.entries(mixed.hostile.refused).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
      `refusal p50 ${percentile(mixed.hostile.latencies, 50).toFixed(1)} ms, p95 ${percentile(mixed.hostile.latencies, 95).toFixed(1)} ms; ` +
      `${mixed.hostile.unexpected} other answers`,
  );
  for (const sample of mixed.hostile.samples) out.push(`  unexpected: ${sample}`);
  for (const [name, r] of [['alone', alone], ['with hostile clients', mixed]] as const) {
    const values = r.rss.map((p) => p.mib);
    out.push(
      `API RSS ${name}: start ${values[0].toFixed(0)} MiB, max ${Math.max(...values).toFixed(0)}, end ${values.at(-1)?.toFixed(0)} MiB; ` +
        `trend after the first quarter ${slope(r.rss.filter((p) => p.second >= LOAD_SECONDS / 4)).toFixed(1)} MiB/min, ` +
        `over the second half ${slope(r.rss.filter((p) => p.second >= LOAD_SECONDS / 2)).toFixed(1)} MiB/min`,
    );
  }
  process.stdout.write(out.join('\n') + '\n');
  const file = path.join(cfg.home, `bench-api-hostile-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), awards: marks.awards, alone, mixed }, null, 2));
  log(`Results: ${file}`);
}

async function main(): Promise<void> {
  const { cfg, marks } = await prepare();
  if (opts.hostile) {
    const driver = createDriver(cfg.neo4j);
    let api: ServerProcess | undefined;
    try {
      api = await startApi(cfg);
      await hostileMain(cfg, marks, api, driver);
    } finally {
      if (api) await stopServer(api.child);
      await driver.close();
      if (!opts.keep) await stop(cfg.local);
    }
    return;
  }
  const driver = createDriver(cfg.neo4j);
  const api = await startApi(cfg);
  let floor: ServerProcess | undefined;
  const pid = api.child.pid as number;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    graph: marks && { awards: marks.awards, projects: marks.projects, companies: marks.companies, persons: marks.persons, holdings: marks.holdings },
    rate: RATE,
    seconds: SECONDS,
  };
  try {
    floor = await startCypherOverHttp(cfg);
    const floorUrl = floor.url;
    await warmUp(driver);
    const n = Math.round(RATE * SECONDS); // of each kind, per comparison
    const inProcess = createApi({ driver, logging: false, bodyCheckedUpstream: true }); // as `bidgraph serve` configures it
    const rows: Row[] = [];
    for (const s of scenarios(marks, n)) {
      const recorded = await record(driver, s.requests); // also warms the page cache for every run
      const load = os.loadavg()[0];
      const raw = (i: number) => runStatements(driver, recorded.statements[i]).then(() => true);
      const [graphql, cypher, cypherOverHttp] = await interleaved(n, RATE, [
        (i) => postGraphQL(api.url, s.requests[i]),
        raw,
        (i) => postCypher(floorUrl, recorded.statements[i]),
      ]);
      const [yogaOnly, cypherBeside] = await interleaved(n, RATE, [(i) => fetchInProcess(inProcess, s.requests[i]), raw]);
      const replayed = createApi({ driver: replayingDriver(recorded.rows), logging: false, bodyCheckedUpstream: true });
      const alone = (i: number) => fetchInProcess(replayed, s.requests[i]);
      const graphqlAlone = { backToBack: await backToBack(n, alone), atCadence: (await interleaved(Math.ceil(n / 4), RATE, [alone]))[0] };
      rows.push({ name: s.name, overHttp: { graphql, cypher }, inProcess: { graphql: yogaOnly, cypher: cypherBeside }, cypherOverHttp, graphqlAlone });
      log(
        `${s.name}: over HTTP p50 ${graphql.p50.toFixed(1)} ms against Cypher ${cypher.p50.toFixed(1)} ms and Cypher over HTTP ${cypherOverHttp.p50.toFixed(1)} ms; ` +
          `in process ${yogaOnly.p50.toFixed(1)} ms against ${cypherBeside.p50.toFixed(1)} ms (load ${load.toFixed(1)})`,
      );
    }
    results.questions = rows;

    const mix = shuffled(scenarios(marks, 200).flatMap((s) => s.requests), random(11));
    log(`Load test: ${CLIENTS} clients for ${LOAD_SECONDS} s…`);
    const loaded = await loadTest(api.url, pid, mix, CLIENTS, LOAD_SECONDS);
    // The heap and the compiled code grow to their working size first; flat means no growth after that.
    const trend = {
      afterFirstQuarter: slope(loaded.rss.filter((p) => p.second >= LOAD_SECONDS / 4)),
      overSecondHalf: slope(loaded.rss.filter((p) => p.second >= LOAD_SECONDS / 2)),
    };
    results.load = { ...loaded, rssSlopeMiBPerMinute: trend };

    const out: string[] = [];
    out.push(`bidgraph API benchmark — ${marks.awards.toLocaleString('en')} awards, ${marks.companies.toLocaleString('en')} companies, ${marks.holdings.toLocaleString('en')} holdings`);
    out.push(
      `${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${RATE} requests/s of each kind, ` +
        `the kinds taking turns in a shuffled order, ${SECONDS} s per comparison`,
    );
    out.push('');
    out.push('Over HTTP: `bidgraph serve` in its own process, as clients see it.');
    out.push(
      ...comparisonTable(rows, (r) => r.overHttp, [
        { name: 'Cypher/HTTP p50', value: (r) => r.cypherOverHttp.p50.toFixed(1) },
        { name: 'its ratio', value: (r) => (r.cypherOverHttp.p50 / r.overHttp.cypher.p50).toFixed(2) },
        { name: 'GraphQL / it', value: (r) => (r.overHttp.graphql.p50 / r.cypherOverHttp.p50).toFixed(2) },
      ], (r) => r.cypherOverHttp.errors),
    );
    out.push(
      'Cypher/HTTP: the same statements sent to a server that runs them with no GraphQL (the floor of any HTTP API over Neo4j), ' +
        'in the same schedule; its ratio to Cypher is what the HTTP hop and a second process cost, and GraphQL / it what GraphQL adds on top.',
    );
    out.push('');
    out.push('In process: the same yoga server (schema, plugins, limits, resolvers) called through its fetch API beside the driver: GraphQL without the HTTP hop.');
    out.push(...comparisonTable(rows, (r) => r.inProcess));
    out.push('');
    out.push('GraphQL alone: the same requests in process, the driver replaying the rows Neo4j gave, so no database and no network.');
    out.push(`${'question'.padEnd(40)} ${'back to back p50'.padStart(16)} ${'p95'.padStart(7)} ${`every ${(1000 / RATE).toFixed(0)} ms p50`.padStart(16)} ${'p95'.padStart(7)}`);
    const fmt = (x: number) => x.toFixed(2).padStart(7);
    for (const r of rows) {
      const { backToBack: hot, atCadence: idle } = r.graphqlAlone;
      out.push(`${r.name.padEnd(40)} ${fmt(hot.p50).padStart(16)} ${fmt(hot.p95)} ${fmt(idle.p50).padStart(16)} ${fmt(idle.p95)}`);
    }
    out.push('in ms; the second pair at the cadence of the GraphQL requests above, the process idle in between.');
    out.push('');
    const rssValues = loaded.rss.map((p) => p.mib);
    out.push(
      `load: ${CLIENTS} clients × ${LOAD_SECONDS} s: ${loaded.requests} requests (${loaded.throughput.toFixed(0)}/s), ${loaded.errors} errors, ` +
        `p50 ${loaded.p50.toFixed(1)} ms, p95 ${loaded.p95.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms`,
    );
    out.push(
      `API RSS: start ${rssValues[0].toFixed(0)} MiB, min ${Math.min(...rssValues).toFixed(0)}, max ${Math.max(...rssValues).toFixed(0)}, end ${rssValues.at(-1)?.toFixed(0)} MiB; ` +
        `trend after the first quarter ${trend.afterFirstQuarter.toFixed(1)} MiB/min, over the second half ${trend.overSecondHalf.toFixed(1)} MiB/min`,
    );
    process.stdout.write(out.join('\n') + '\n');
    const file = path.join(cfg.home, `bench-api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
    log(`Results: ${file}`);
  } finally {
    await stopServer(api.child);
    if (floor) await stopServer(floor.child);
    await driver.close();
    if (!opts.keep) await stop(cfg.local);
  }
}

await main();
