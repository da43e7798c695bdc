// A killed ingest, run again, ends in exactly the graph a clean run makes: every node and
// relationship with all its properties, compared as a canonical dump.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { writeCorpus } from '../../bench/gen-corpus.ts';
import { rollupsFresh } from '../../src/graph/rollups.ts';
import { dumpGraph as dump } from '../support/graph-dump.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

const NOTICES = 1200;
const CLI = path.join(repoRoot, 'bin/bidgraph.js');

async function documents(driver: Driver): Promise<number> {
  const res = await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n', {}, { database: testConfig.neo4j.database });
  return Number(res.records[0].get('n'));
}

describe('an ingest killed halfway', () => {
  let driver: Driver;
  let work: string;
  let corpus: { dir: string; manifest: string };
  const args = () => ['ingest', '--quiet', '--batch-size', '10', '--concurrency', '2', '--manifest', corpus.manifest, corpus.dir];

  before(async () => {
    driver = await testDriver();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-kill-'));
    corpus = writeCorpus(path.join(work, 'corpus'), { notices: NOTICES, seed: 7 });
  });

  after(async () => {
    await driver.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('ends, once run again, in the same graph as a clean run', async () => {
    await resetDatabase(driver);
    const clean = spawnSync(process.execPath, [CLI, ...args()], { encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(await documents(driver), NOTICES);
    assert.equal(await rollupsFresh(driver, testConfig.neo4j.database), true, 'the ingest command refreshes the award rollups');
    const cleanDump = await dump(driver);

    await resetDatabase(driver);
    const child = spawn(process.execPath, [CLI, ...args()], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it once some batches are in, long before the end.
    let loaded = 0;
    for (let i = 0; i < 2400 && loaded < 40; i++) {
      await new Promise((r) => setTimeout(r, 50));
      loaded = await documents(driver);
    }
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    // A commit the server received just before the kill may still land: let it settle.
    await new Promise((r) => setTimeout(r, 1000));
    const atKill = await documents(driver);
    assert.ok(atKill >= 40 && atKill < NOTICES, `killed halfway (${atKill} of ${NOTICES} documents in)`);

    const rerun = spawnSync(process.execPath, [CLI, ...args().filter((a) => a !== '--quiet')], { encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stdout, new RegExp(`^documents: ${NOTICES - atKill} ok, ${atKill} unchanged, 0 failed \\(of ${NOTICES}\\)$`, 'm'));
    assert.equal(await rollupsFresh(driver, testConfig.neo4j.database), true);
    const rerunDump = await dump(driver);
    assert.equal(rerunDump.length, cleanDump.length);
    assert.deepEqual(rerunDump, cleanDump);
  });
});
