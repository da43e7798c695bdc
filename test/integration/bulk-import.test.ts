// bulk-import builds the graph ingest builds: the same inputs through `ingest` on an empty database and
// through the bulk import (in-memory planning, neo4j-admin, the server restarted) give the same dump, node
// for node and property for property; and `ingest` of a new document on top of each gives the same graph again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { adminImport, factsHeld, importLocally, planImport } from '../../ingest/bulk/run.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { lineDifferences, portable } from '../support/golden-graph.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { sharedCorpus, sharedCorpusRoot, skipUnlessShared } from '../support/shared-corpus.ts';

const database = testConfig.neo4j.database ?? 'neo4j';
const SAMPLES = path.join(repoRoot, 'samples');
const NEW_NOTICE = path.join(repoRoot, 'test/fixtures/ingest/notices/02-award-traditional.html');

// The PDF sample can take minutes on a loaded machine: the same generous budget for both paths.
const budget = { timeMs: 600_000, memoryMb: 1024 };

let driver: Driver;
let home: string;

async function dump(): Promise<string[]> {
  await refreshAwardRollups(driver, database);
  return portable(await dumpGraph(driver), { repo: repoRoot, shared: sharedCorpusRoot, home });
}

async function ingested(inputs: string[]): Promise<string[]> {
  await resetDatabase(driver);
  const r = await ingest({ inputs, driver, database, home, concurrency: 2, batchSize: 50, budget });
  assert.equal(r.failed, 0, JSON.stringify(r.documents.filter((d) => d.status === 'failed')));
  return dump();
}

async function bulkImported(inputs: string[]): Promise<{ lines: string[]; ok: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-bulk-csv-'));
  const planned = await planImport({ inputs, dir, home, concurrency: 2, batchSize: 50, budget });
  assert.equal(planned.summary.failed, 0, JSON.stringify(planned.summary.documents.filter((d) => d.status === 'failed')));
  await driver.close();
  const done = await importLocally(testConfig, planned, adminImport(planned.files, dir, database), '1g', () => {});
  await done.driver.close();
  driver = await testDriver();
  fs.rmSync(dir, { recursive: true, force: true });
  return { lines: await dump(), ok: planned.summary.ok };
}

/** `ingest` of one new document on the graph there is; its report. */
async function ingestOnTop(file: string) {
  const r = await ingest({ inputs: [file], driver, database, home, concurrency: 1, budget });
  return { status: r.documents.map((d) => d.status), lines: await dump() };
}

function assertSame(expected: string[], actual: string[], what: string): void {
  const diff = lineDifferences(expected, actual);
  assert.deepEqual(diff, [], `${what}: bulk-import and ingest differ (- ingest only, + bulk-import only):\n${diff.slice(0, 40).join('\n')}`);
}

before(async () => {
  driver = await testDriver();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-bulk-home-'));
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('bulk-import', () => {
  it('builds from the samples the graph ingest builds, and ingest then adds a new document as on the ingested graph', async () => {
    const byIngest = await ingested([SAMPLES]);
    const ingestThen = await ingestOnTop(NEW_NOTICE);
    const bulk = await bulkImported([SAMPLES]);
    assert.equal(bulk.ok, 12);
    assertSame(byIngest, bulk.lines, 'the samples');
    assert.ok(bulk.lines.some((l) => l.includes('"labels":["Company","Listed"]')), 'lists were loaded and matched after the import');
    assert.ok(await factsHeld(driver, database) > 0);

    const bulkThen = await ingestOnTop(NEW_NOTICE);
    assert.deepEqual(bulkThen.status, ['ok']);
    assert.deepEqual(ingestThen.status, ['ok']);
    assertSame(ingestThen.lines, bulkThen.lines, 'the samples and a new notice ingested on top');
    const added = bulkThen.lines.filter((l) => !bulk.lines.includes(l));
    assert.ok(added.some((l) => l.includes('"labels":["Document"]') && l.includes('02-award-traditional.html')), 'the new notice is a Document');
  });

  it('builds from the shared corpus the graph ingest builds', { skip: skipUnlessShared('real') }, async () => {
    const parts = ['real', 'real-more'].map((p) => sharedCorpus(p)).filter((d): d is string => d !== null);
    const byIngest = await ingested(parts);
    const bulk = await bulkImported(parts);
    assertSame(byIngest, bulk.lines, 'the shared corpus');
    assert.equal(bulk.lines.length, byIngest.length);
  });
});
