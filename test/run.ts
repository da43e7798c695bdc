// `npm test`: type-check, then run every test file; integration tests get their own Neo4j on free ports
// in a fresh home, torn down at the end. With NEO4J_URI set, that server is used instead (and wiped!).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, repoRoot } from '../src/config.ts';
import { freePort, start, stop } from '../src/db/local-server.ts';
import { sharedCorpusRoot } from './support/shared-corpus.ts';

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

const args = process.argv.slice(2);
const selected = args.length ? args.map((a) => path.resolve(a)) : findTests(path.join(repoRoot, 'test'));
const needsNeo4j = selected.some((f) => f.includes(`${path.sep}integration${path.sep}`) || f.includes(`${path.sep}e2e${path.sep}`));

if (!args.length) {
  const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', repoRoot], { stdio: 'inherit', cwd: repoRoot });
  if (tsc.status !== 0) {
    console.error('Type check failed.');
    process.exit(1);
  }
}

const env: NodeJS.ProcessEnv = { ...process.env, BIDGRAPH_TEST: '1' };
if (!fs.existsSync(sharedCorpusRoot)) {
  console.error(`Shared corpus absent (${sharedCorpusRoot}; set BIDGRAPH_SHARED_CORPUS): the tests that read it are skipped, each marked SKIP with that reason.`);
}
let localHome: string | null = null;
if (needsNeo4j && !process.env.NEO4J_URI) {
  localHome = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-test-'));
  Object.assign(env, {
    BIDGRAPH_HOME: localHome,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_PASSWORD: 'bidgraph-test-pw',
    BIDGRAPH_NEO4J_HEAP: '1g',
    BIDGRAPH_NEO4J_PAGECACHE: '1g',
  });
  const cfg = loadConfig(env);
  const started = await start(cfg.local, (l) => console.error(l));
  console.error(`Test Neo4j up at ${started.boltUri} in ${(started.millis / 1000).toFixed(1)}s (home ${localHome}).`);
}

let status = 1;
try {
  // One file at a time: integration tests share the one database a Community server has.
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...selected], {
    stdio: 'inherit',
    env,
    cwd: repoRoot,
  });
  status = res.status ?? 1;
} finally {
  if (localHome) {
    await stop(loadConfig(env).local);
    if (status === 0) fs.rmSync(localHome, { recursive: true, force: true });
    else console.error(`Test Neo4j home kept for inspection: ${localHome}`);
  }
}
process.exit(status);
