// Issue case, end to end through `bidgraph ingest`: the ownership CSV and BODS file and the award notices of
// the bundled samples, then the API. The Hikvision reached through CETC's chain is the supplier of the awards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { ingestSamples } from '../support/sample-graph.ts';
import { graphql, testApi } from '../support/api-fixtures.ts';

const SASAC = '国务院国有资产监督管理委员会';

describe('ownership ingested from the samples, asked through the API', () => {
  let driver: Driver;
  let api: ReturnType<typeof testApi>;
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    await ingestSamples(driver);
    api = testApi({ driver });
  });
  after(() => driver.close());

  it("gives Hikvision a state share of 40.94 with SASAC among its ultimate owners", async () => {
    const res = await graphql(
      api,
      `{ company(uscc: "91330000733796106P") { id name stateShare
           ultimateOwners { owner { __typename ... on Company { name } ... on Person { name } } effectiveShare effectiveShareMin effectiveShareMax paths { ... on Company { name } } }
           owners { owner { ... on Company { name } } share asOf source { mediaType } } } }`,
    );
    assert.equal(res.body.errors, undefined, res.text);
    const c = res.body.data!.company;
    assert.equal(c.name, '杭州海康威视数字技术股份有限公司');
    assert.equal(c.stateShare, 40.94);
    const sasac = c.ultimateOwners.find((u: { owner: { name: string } }) => u.owner.name === SASAC);
    assert.ok(sasac, 'SASAC is an ultimate owner');
    assert.equal(sasac.effectiveShare, 40.94);
    assert.equal(sasac.paths.length, 3);
    assert.deepEqual(
      c.owners.map((o: { owner: { name: string }; share: number }) => [o.owner.name, o.share]).sort(),
      [['中国电子科技集团公司第五十二研究所', 1.96], ['中电海康集团有限公司', 36.35], ['中电科投资控股有限公司', 2.63]],
    );
    for (const o of c.owners) assert.equal(o.source.mediaType, 'text/csv');
  });

  it('reaches the same Company node as the winner of the Moyu and Pishan awards', async () => {
    const res = await driver.executeQuery(
      `MATCH (:Company {name: $sasac})-[:OWNS*1..10]->(h:Company {uscc: '91330000733796106P'})
       MATCH (a:Award)-[:AWARDED_TO]->(w:Company) WHERE w.name STARTS WITH '杭州海康威'
       RETURN collect(DISTINCT h.id) AS owned, collect(DISTINCT w.id) AS winners, count(DISTINCT a) AS awards`,
      { sasac: SASAC },
    );
    const r = res.records[0];
    assert.deepEqual(r.get('owned'), r.get('winners'));
    assert.equal(r.get('owned').length, 1);
    assert.equal(r.get('awards'), 2);
  });

  it("keeps the BODS range for Dahua's owner as a range, not a guessed figure", async () => {
    const res = await graphql(
      api,
      `{ company(uscc: "91330000727215176K") { stateShare ultimateOwners { owner { __typename ... on Person { name } } effectiveShare effectiveShareMin effectiveShareMax } } }`,
    );
    assert.equal(res.body.errors, undefined, res.text);
    const c = res.body.data!.company;
    assert.deepEqual(c.ultimateOwners, [
      { owner: { __typename: 'Person', name: '傅利泉' }, effectiveShare: null, effectiveShareMin: 25, effectiveShareMax: 50 },
    ]);
    // Ownership data exists and no path reaches a state body: 0, not null (null means no ownership data).
    assert.equal(c.stateShare, 0);
  });
});
