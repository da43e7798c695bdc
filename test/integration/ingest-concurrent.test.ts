// Two ingests at once: the halves of one corpus (the samples and a generated corpus with shared
// companies), run together, end in the same graph as one sequential ingest: the second waits for
// the writer lease. A third, told not to wait, stops and names the holder, changing nothing.
// Running everything again changes nothing.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { writeCorpus } from '../../bench/gen-corpus.ts';
import { listInputs } from '../../ingest/inputs.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

const NOTICES = 300;
const CLI = path.join(repoRoot, 'bin/bidgraph.js');
const SAMPLES = path.join(repoRoot, 'samples');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; pid: number }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, pid: child.pid! })));
}

async function leaseHolder(driver: Driver): Promise<{ pid: number } | null> {
  const res = await driver.executeQuery('MATCH (l:WriterLease) WHERE l.token IS NOT NULL RETURN l.pid AS pid', {}, { database: testConfig.neo4j.database });
  return res.records.length ? { pid: Number(res.records[0].get('pid')) } : null;
}

describe('two ingests at once', () => {
  let driver: Driver;
  let work: string;
  let corpus: { dir: string; manifest: string };
  let files: string[];

  before(async () => {
    driver = await testDriver();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-concurrent-'));
    corpus = writeCorpus(path.join(work, 'corpus'), { notices: NOTICES, seed: 11 });
    files = fs
      .readdirSync(corpus.dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  });

  after(async () => {
    await driver.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('end in the graph one sequential ingest makes, and a re-run changes nothing', async () => {
    const common = ['ingest', '--batch-size', '20', '--concurrency', '2', '--manifest', corpus.manifest];
    await resetDatabase(driver);
    // Restriction lists are matched to companies at the end of each ingest, over the whole graph: they
    // go with the second half, which ends where the sequential ingest ends.
    const samples = listInputs([SAMPLES]).files;
    const lists = samples.filter((f) => f.includes(`${path.sep}lists${path.sep}`));
    const others = samples.filter((f) => !lists.includes(f));
    const sequential = await run([...common, ...samples, ...files]);
    assert.equal(sequential.code, 0, sequential.stderr);
    const expected = await dumpGraph(driver);
    assert.ok(expected.length > NOTICES * 3, `${expected.length} lines`);

    await resetDatabase(driver);
    const half = files.length / 2;
    const first = run([...common, ...others, ...files.slice(0, half)]);
    let holder: { pid: number } | null = null;
    for (let i = 0; i < 1200 && !holder; i++) {
      await new Promise((r) => setTimeout(r, 100));
      holder = await leaseHolder(driver);
    }
    assert.ok(holder, 'the first ingest took the lease');
    const second = run([...common, '--wait-for-lease', '600', ...files.slice(half), ...lists]);
    const refused = await run(['ingest', '--quiet', path.join(SAMPLES, 'pishan-ppp-award.html')]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`^bidgraph: another writer holds the graph: bidgraph ingest .*samples/.* \\(pid ${holder.pid} on ${os.hostname()}, since `));
    assert.match(refused.stderr, /wait for it with --wait-for-lease \[SECONDS\]/);

    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.match(b.stderr, /^Waiting for the writer lease: bidgraph ingest /m);
    const [na, nb] = [others.length + half, half + lists.length];
    assert.match(a.stdout, new RegExp(`^documents: ${na} ok, 0 unchanged, 0 failed \\(of ${na}\\)$`, 'm'));
    assert.match(b.stdout, new RegExp(`^documents: ${nb} ok, 0 unchanged, 0 failed \\(of ${nb}\\)$`, 'm'));
    const together = await dumpGraph(driver);
    assert.equal(together.length, expected.length);
    assert.deepEqual(together, expected);

    const again = await run([...common, ...samples, ...files]);
    assert.equal(again.code, 0, again.stderr);
    const all = samples.length + files.length;
    assert.match(again.stdout, new RegExp(`^documents: 0 ok, ${all} unchanged, 0 failed \\(of ${all}\\)$`, 'm'));
    assert.deepEqual(await dumpGraph(driver), expected);
  });
});
