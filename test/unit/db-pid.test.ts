// A stale pid file (left by a crash, its pid since reused by another process) makes `db stop`
// signal nothing and `db start` go on to start the server instead of waiting on that process.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig, repoRoot } from '../../src/config.ts';
import { isOurNeo4j, pidFileState, start, status, stop } from '../../src/db/local-server.ts';

describe('a stale pid file', () => {
  let home: string;
  let bystander: ReturnType<typeof spawn>;
  const env = () => ({ ...process.env, BIDGRAPH_HOME: home, NEO4J_BOLT_PORT: '1', NEO4J_HTTP_PORT: '2' });
  const cfg = () => loadConfig(env()).local;
  const pidFile = () => path.join(cfg().home, 'run', 'bidgraph-neo4j.pid');

  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-pid-'));
    // An unrelated process that must survive: it stands for whatever got the old pid.
    bystander = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    fs.mkdirSync(path.dirname(pidFile()), { recursive: true });
  });

  after(() => {
    bystander.kill('SIGKILL');
    fs.rmSync(home, { recursive: true, force: true });
  });

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('is not taken for our Neo4j', () => {
    fs.writeFileSync(pidFile(), String(bystander.pid));
    assert.equal(isOurNeo4j(bystander.pid!, cfg()), false);
    assert.deepEqual(pidFileState(cfg()), { state: 'stale', pid: bystander.pid });
    assert.equal(status(cfg()).running, false);
  });

  it('makes `db stop` remove the pid file and signal nothing', async () => {
    fs.writeFileSync(pidFile(), String(bystander.pid));
    assert.equal(await stop(cfg()), false);
    assert.equal(fs.existsSync(pidFile()), false);
    assert.ok(alive(bystander.pid!), 'the unrelated process still runs');

    fs.writeFileSync(pidFile(), String(bystander.pid));
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin/bidgraph.js'), 'db', 'stop'], { env: env(), encoding: 'utf8', timeout: 60_000 });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(cli.stdout, `Neo4j was not running: the pid file named process ${bystander.pid}, which is not this home's Neo4j (left by a crash?); removed the pid file, signalled nothing.\n`);
    assert.ok(alive(bystander.pid!), 'the unrelated process still runs');
  });

  it('makes `db start` go on with starting (here: failing at once for want of Java) instead of waiting on that process', async () => {
    fs.writeFileSync(pidFile(), String(bystander.pid));
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = '/nonexistent-jdk';
    try {
      await assert.rejects(start(cfg(), () => {}, 600_000), /Java not found \(\/nonexistent-jdk\/bin\/java\)/);
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
    assert.ok(alive(bystander.pid!));
  });
});
