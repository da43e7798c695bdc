import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { ingestSamples } from '../support/sample-graph.ts';

async function labelled(driver: Driver, label: 'State' | 'PublicBody'): Promise<string[]> {
  const res = await driver.executeQuery(`MATCH (c:Company) WHERE $label IN labels(c) RETURN c.name AS name ORDER BY name`, { label });
  return res.records.map((r) => r.get('name'));
}

describe('kind labels for Neo4j Browser', () => {
  let driver: Driver;
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    await ingestSamples(driver);
  });
  after(() => driver.close());

  it('labels state owners State and government units PublicBody, from Company.kind', async () => {
    assert.deepEqual(await labelled(driver, 'State'), ['国务院国有资产监督管理委员会']);
    const publicBodies = await labelled(driver, 'PublicBody');
    for (const name of ['墨玉县公安局', '皮山县公安局', '乌鲁木齐市公安局新市区分局']) assert.ok(publicBodies.includes(name), name);
    const mixed = await driver.executeQuery(
      "MATCH (c:Company) WHERE (c:State AND c.kind <> 'state') OR (c:PublicBody AND c.kind <> 'public') OR (c.kind = 'enterprise' AND (c:State OR c:PublicBody)) RETURN count(c) AS n",
    );
    assert.equal(mixed.records[0].get('n'), 0);
  });

  it('keeps them when the samples are ingested again', async () => {
    const before = await labelled(driver, 'PublicBody');
    await ingestSamples(driver);
    assert.deepEqual(await labelled(driver, 'PublicBody'), before);
    assert.deepEqual(await labelled(driver, 'State'), ['国务院国有资产监督管理委员会']);
  });
});
