// The local Neo4j Community server: jars from Maven Central, a home under BIDGRAPH_HOME, started detached.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { LocalServerConfig, Neo4jConfig } from '../config.ts';
import { repoRoot } from '../config.ts';
import { UserError } from '../errors.ts';
import { createDriver, explainConnectionError } from './driver.ts';

const POM = path.join(repoRoot, 'neo4j', 'pom.xml');
const CONF_TEMPLATE = path.join(repoRoot, 'neo4j', 'neo4j.conf.template');
const MIN_JAVA = 17;

export interface ServerStatus {
  running: boolean;
  pid: number | null;
  boltUri: string;
  browserUrl: string;
}

type Log = (line: string) => void;

function paths(cfg: LocalServerConfig) {
  return {
    conf: path.join(cfg.home, 'conf'),
    logs: path.join(cfg.home, 'logs'),
    run: path.join(cfg.home, 'run'),
    pidFile: path.join(cfg.home, 'run', 'bidgraph-neo4j.pid'),
    consoleLog: path.join(cfg.home, 'logs', 'console.log'),
    classpath: path.join(cfg.home, 'classpath.txt'),
    initialized: path.join(cfg.home, 'data', '.bidgraph-initialized'),
  };
}

export function boltUri(cfg: LocalServerConfig): string {
  return `bolt://127.0.0.1:${cfg.boltPort}`;
}

export function browserUrl(cfg: LocalServerConfig): string {
  return `http://127.0.0.1:${cfg.httpPort}/browser/`;
}

export function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Checks that Java 17 or newer is on hand; returns its major version. */
export function checkJava(): number {
  const java = javaBinary();
  const res = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (res.error) {
    throw new UserError(`Java not found (${java}): install Java 17 (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME.`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(res.stderr + res.stdout);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < MIN_JAVA) {
    throw new UserError(`Java ${major || '(unknown version)'} at ${java} is too old: Neo4j 5.26 needs Java 17 or newer; install openjdk-17-jre-headless or set JAVA_HOME.`);
  }
  return major;
}

function pomDigest(): string {
  return createHash('sha256').update(fs.readFileSync(POM)).digest('hex');
}

function cachedClasspath(file: string, digest: string): string | null {
  if (!fs.existsSync(file)) return null;
  const [head, cp] = fs.readFileSync(file, 'utf8').split('\n');
  if (head !== digest || !cp) return null;
  return cp.split(path.delimiter).every((jar) => fs.existsSync(jar)) ? cp : null;
}

/** Resolves the server's jars through Maven once; later calls read the cached classpath and fetch nothing. */
export function resolveClasspath(cfg: LocalServerConfig, log: Log = () => {}): string {
  const p = paths(cfg);
  const digest = pomDigest();
  const cached = cachedClasspath(p.classpath, digest);
  if (cached) return cached;
  log('Resolving Neo4j jars from Maven Central (first start only)…');
  fs.mkdirSync(cfg.home, { recursive: true });
  const out = path.join(cfg.home, 'classpath.raw');
  const res = spawnSync('mvn', ['-B', '-q', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${out}`], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.error) {
    throw new UserError('Maven not found: install Maven 3 (Debian: apt-get install maven); it fetches the Neo4j jars from Maven Central.');
  }
  if (res.status !== 0 || !fs.existsSync(out)) {
    const tail = (res.stdout + res.stderr).trim().split('\n').slice(-3).join(' | ');
    throw new UserError(`Maven could not fetch the Neo4j jars (exit ${res.status}): ${tail}. Check access to Maven Central and ~/.m2/settings.xml.`);
  }
  const cp = fs.readFileSync(out, 'utf8').trim();
  fs.writeFileSync(p.classpath, `${digest}\n${cp}\n`);
  fs.rmSync(out);
  return cp;
}

function writeConfig(cfg: LocalServerConfig): void {
  const p = paths(cfg);
  fs.mkdirSync(p.conf, { recursive: true });
  const values: Record<string, string> = {
    BOLT_PORT: String(cfg.boltPort),
    HTTP_PORT: String(cfg.httpPort),
    HOME: cfg.home,
    PAGECACHE: cfg.pageCache,
  };
  const text = fs.readFileSync(CONF_TEMPLATE, 'utf8').replace(/\$\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
  fs.writeFileSync(path.join(p.conf, 'neo4j.conf'), text);
}

/** The environment Neo4j's own tools run in: this home and its configuration. */
export function javaEnv(cfg: LocalServerConfig): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: cfg.home, NEO4J_CONF: paths(cfg).conf };
}

function setInitialPassword(cfg: LocalServerConfig, cp: string): void {
  const p = paths(cfg);
  if (fs.existsSync(p.initialized)) return;
  if (cfg.password.length < 8) {
    throw new UserError('NEO4J_PASSWORD must have at least 8 characters (a Neo4j rule).');
  }
  const res = spawnSync(javaBinary(), ['-cp', cp, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', cfg.password], {
    env: javaEnv(cfg),
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new UserError(`Could not set the initial Neo4j password: ${(res.stderr || res.stdout).trim().split('\n')[0]}`);
  }
  fs.mkdirSync(path.dirname(p.initialized), { recursive: true });
  fs.writeFileSync(p.initialized, new Date().toISOString() + '\n');
}

function readPid(cfg: LocalServerConfig): number | null {
  try {
    const pid = Number(fs.readFileSync(paths(cfg).pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number | null): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A dead child of a still-running parent lingers as a zombie.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, '127.0.0.1');
  });
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The command line of a process, or null when it cannot be read (gone, or no /proc and no ps). */
function commandLine(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 && ps.stdout.trim() ? ps.stdout.trim().split(/\s+/) : null;
  }
}

/** Whether the process is the Neo4j of this home: Java running CommunityEntryPoint with our --home-dir. */
export function isOurNeo4j(pid: number, cfg: LocalServerConfig): boolean {
  const args = commandLine(pid);
  if (!args) return false;
  return /java$/.test(path.basename(args[0] ?? '')) && args.includes('org.neo4j.server.CommunityEntryPoint') && args.includes(`--home-dir=${cfg.home}`);
}

/**
 * What the pid file says: no server ('none'), our Neo4j ('ours'), or a pid that is gone or now
 * belongs to another process ('stale': a pid file left by a crash, its pid since reused).
 */
export function pidFileState(cfg: LocalServerConfig): { state: 'none' | 'ours' | 'stale'; pid: number | null } {
  const pid = readPid(cfg);
  if (pid === null) return { state: 'none', pid: null };
  return { state: alive(pid) && isOurNeo4j(pid, cfg) ? 'ours' : 'stale', pid };
}

export function status(cfg: LocalServerConfig): ServerStatus {
  const { state, pid } = pidFileState(cfg);
  const running = state === 'ours';
  return { running, pid: running ? pid : null, boltUri: boltUri(cfg), browserUrl: browserUrl(cfg) };
}

function localNeo4j(cfg: LocalServerConfig): Neo4jConfig {
  return { uri: boltUri(cfg), user: 'neo4j', password: cfg.password, database: undefined, external: false };
}

function logTail(cfg: LocalServerConfig, lines = 5): string {
  try {
    const text = fs.readFileSync(paths(cfg).consoleLog, 'utf8').trim().split('\n');
    return text.filter((l) => /ERROR|Exception|Caused by/.test(l)).slice(-lines).join(' | ') || text.slice(-lines).join(' | ');
  } catch {
    return '(no log)';
  }
}

async function waitForBolt(cfg: LocalServerConfig, pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const neo = localNeo4j(cfg);
  while (Date.now() < deadline) {
    if (!alive(pid)) {
      throw new UserError(`Neo4j exited during start-up: ${logTail(cfg)} (full log: ${paths(cfg).consoleLog})`);
    }
    const driver = createDriver(neo);
    try {
      await driver.verifyConnectivity();
      return;
    } catch (err) {
      const explained = explainConnectionError(err, neo);
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('Neo.ClientError.Security')) throw explained;
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new UserError(`Neo4j did not answer on ${boltUri(cfg)} within ${timeoutMs / 1000}s; see ${paths(cfg).consoleLog}.`);
}

export interface StartResult extends ServerStatus {
  alreadyRunning: boolean;
  millis: number;
}

/** Starts the local server unless it already runs; resolves once Bolt answers. Idempotent. */
export async function start(cfg: LocalServerConfig, log: Log = () => {}, timeoutMs = 180_000): Promise<StartResult> {
  const t0 = Date.now();
  const current = status(cfg);
  if (current.running && current.pid) {
    await waitForBolt(cfg, current.pid, timeoutMs);
    return { ...current, alreadyRunning: true, millis: Date.now() - t0 };
  }
  checkJava();
  const cp = resolveClasspath(cfg, log);
  for (const [name, port] of [['NEO4J_BOLT_PORT', cfg.boltPort], ['NEO4J_HTTP_PORT', cfg.httpPort]] as const) {
    if (await portInUse(port)) {
      throw new UserError(`Port ${port} on 127.0.0.1 is already taken by another process; stop it or set ${name} to a free port.`);
    }
  }
  writeConfig(cfg);
  setInitialPassword(cfg, cp);
  const p = paths(cfg);
  for (const dir of [p.logs, p.run]) fs.mkdirSync(dir, { recursive: true });
  const out = fs.openSync(p.consoleLog, 'a');
  const child = spawn(
    javaBinary(),
    [
      `-Xms${cfg.heap}`,
      `-Xmx${cfg.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-Dfile.encoding=UTF-8',
      '-cp',
      cp,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${cfg.home}`,
      `--config-dir=${p.conf}`,
      '--console-mode',
    ],
    { detached: true, stdio: ['ignore', out, out], env: javaEnv(cfg) },
  );
  fs.closeSync(out);
  if (!child.pid) throw new UserError('Could not start Java for Neo4j.');
  fs.writeFileSync(p.pidFile, String(child.pid));
  child.unref();
  log(`Starting Neo4j (pid ${child.pid}), waiting for Bolt on ${boltUri(cfg)}…`);
  try {
    await waitForBolt(cfg, child.pid, timeoutMs);
  } catch (err) {
    if (alive(child.pid)) process.kill(child.pid, 'SIGKILL');
    throw err;
  }
  return { ...status(cfg), alreadyRunning: false, millis: Date.now() - t0 };
}

/**
 * Stops the local server if it runs; returns whether it was running. A pid file whose process is
 * not this home's Neo4j is removed without signalling anything.
 */
export async function stop(cfg: LocalServerConfig, timeoutMs = 60_000): Promise<boolean> {
  const { state, pid } = pidFileState(cfg);
  if (state !== 'ours' || !pid) {
    fs.rmSync(paths(cfg).pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid) && isOurNeo4j(pid, cfg)) process.kill(pid, 'SIGKILL');
  fs.rmSync(paths(cfg).pidFile, { force: true });
  return true;
}
