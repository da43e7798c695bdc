// List files over the text reader's old 20 MB cap go through `ingest` whole: every entry loaded,
// the bad lines named, the original archived under the sha256 of its bytes, and a second run
// recognises the file as unchanged without reading it again.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { ingest, type IngestSummary } from '../../ingest/pipeline.ts';
import { defaultReadOptions } from '../../ingest/read/reader.ts';
import { archivePath } from '../../src/archive.ts';
import { bigCslJson, bigFtm, removeTempDirs, tempDir, type BigList } from '../support/big-lists.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

const OVER_CAP = defaultReadOptions.maxTextBytes + 2 * 1024 * 1024;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('list files over the old text cap', () => {
  let driver: Driver;
  let home: string;
  let ftm: BigList;
  let csl: BigList;
  let first: IngestSummary;
  const run = () => ingest({ inputs: [ftm.file, csl.file], driver, database: testConfig.neo4j.database, home, concurrency: 1 });

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    const dir = await tempDir();
    home = await tempDir();
    ftm = await bigFtm(dir, 2500, OVER_CAP);
    csl = await bigCslJson(dir, 2500, OVER_CAP);
    first = await run();
  });
  after(async () => {
    await driver.close();
    removeTempDirs();
  });

  it('loads both completely and names the bad lines', async () => {
    for (const f of [ftm.file, csl.file]) assert.ok(fs.statSync(f).size > defaultReadOptions.maxTextBytes);
    assert.deepEqual(first.documents.map((d) => [d.path, d.status]), [[ftm.file, 'ok'], [csl.file, 'ok']]);
    assert.equal(first.listsLoaded, 2);
    assert.deepEqual(first.documents[0].warnings, ftm.bad.map((l) => `${ftm.file}: line ${l}: not JSON; skipped`));
    assert.deepEqual(first.documents[1].warnings, csl.bad.map((i) => `${csl.file}: results[${i}]: not JSON; skipped`));
    const counts = await driver.executeQuery(
      `MATCH (e:ListEntry)-[:SOURCED_FROM]->(d:Document) RETURN d.sha256 AS sha256, e.list AS list, count(e) AS n ORDER BY list`,
      {},
      { database: testConfig.neo4j.database },
    );
    assert.deepEqual(
      counts.records.map((r) => [r.get('sha256'), r.get('list'), Number(r.get('n'))]),
      [
        [first.documents[0].sha256, 'opensanctions:us_ofac_sdn', 2500],
        [first.documents[1].sha256, 'us_bis_entity_list', 2498],
      ],
    );
  });

  it('archives each original under the sha256 of its bytes', async () => {
    for (const [i, f] of [ftm.file, csl.file].entries()) {
      const sha256 = await sha256Of(f);
      assert.equal(first.documents[i].sha256, sha256);
      assert.equal(await sha256Of(archivePath(home, sha256)), sha256);
    }
  });

  it('a second run finds both unchanged', async () => {
    const again = await run();
    assert.deepEqual(again.documents.map((d) => d.status), ['unchanged', 'unchanged']);
  });
});
