// The graph, node for node and property for property, that the samples and the shared corpus give,
// compared with the one kept in test/golden-graph/. A refactoring of the loader, the model's derivations
// or the fixtures must leave it as it is; a change here is a change to what users get.
//
// The samples' graph is kept whole (samples.jsonl, one canonical line per node and relationship, the
// regions no document touches folded into one digest line); the
// shared corpus's as a digest per document plus the total (shared-corpus.json), so a failure names the
// documents whose facts changed. An extractor or loader improvement legitimately changes them: then
//   npm run golden:graph -- --update
// writes the files anew (review their diff, and say in the commit why the graph changed).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { defaultParseBudget } from '../../ingest/workers/pool.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import type { GraphDigest } from '../support/golden-graph.ts';
import { digestByDocument, digestDifferences, foldGazetteer, lineDifferences, portable } from '../support/golden-graph.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { sharedCorpus, sharedCorpusRoot, skipUnlessShared } from '../support/shared-corpus.ts';

const GOLDEN = path.join(repoRoot, 'test/golden-graph');
const SAMPLES_FILE = path.join(GOLDEN, 'samples.jsonl');
const SHARED_FILE = path.join(GOLDEN, 'shared-corpus.json');
const UPDATE = process.env.BIDGRAPH_GOLDEN_GRAPH === 'update';
const SHARED_PARTS = ['real', 'real-more'];

let driver: Driver;
let home: string;

/** An empty database, the inputs ingested as `bidgraph ingest` does (rollups refreshed), the dump made portable. */
async function graphOf(inputs: string[]): Promise<string[]> {
  await resetDatabase(driver);
  // The graph is compared, not the parse budget: on a loaded machine a big PDF can outrun the default
  // 60 s and fail, which would read as a changed graph.
  const budget = { ...defaultParseBudget, timeMs: 15 * 60_000 };
  const result = await ingest({ inputs, driver, database: testConfig.neo4j.database, home, concurrency: 2, batchSize: 50, budget });
  assert.ok(result.ok > 0, 'nothing was ingested');
  await refreshAwardRollups(driver, testConfig.neo4j.database);
  return portable(await dumpGraph(driver), { repo: repoRoot, shared: sharedCorpusRoot, home });
}

before(async () => {
  driver = await testDriver();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-golden-graph-'));
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('the graph the corpora give', () => {
  it('from the samples is the one kept in test/golden-graph/samples.jsonl', async () => {
    const actual = foldGazetteer(await graphOf([path.join(repoRoot, 'samples')]));
    if (UPDATE) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(SAMPLES_FILE, actual.join('\n') + '\n');
      return;
    }
    const expected = fs.readFileSync(SAMPLES_FILE, 'utf8').split('\n').filter(Boolean);
    const diff = lineDifferences(expected, actual);
    assert.deepEqual(diff, [], `the samples' graph differs (npm run golden:graph -- --update if that is intended):\n${diff.slice(0, 40).join('\n')}`);
    assert.equal(actual.length, expected.length);
  });

  it('from the shared corpus has the digests kept in test/golden-graph/shared-corpus.json', { skip: skipUnlessShared('real') }, async () => {
    const parts = SHARED_PARTS.map((p) => sharedCorpus(p)).filter((d): d is string => d !== null);
    const actual = digestByDocument(await graphOf(parts));
    if (UPDATE) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(SHARED_FILE, JSON.stringify({ parts: SHARED_PARTS, ...actual }, null, 2) + '\n');
      return;
    }
    const expected = JSON.parse(fs.readFileSync(SHARED_FILE, 'utf8')) as GraphDigest;
    const diff = digestDifferences(expected, actual);
    assert.deepEqual(diff, [], `the shared corpus's graph differs for these documents (npm run golden:graph -- --update if intended):\n${diff.join('\n')}`);
    assert.equal(actual.total, expected.total);
  });
});
