// Award rollups give the same figures as the live computation, are used only while their
// fingerprint matches the data, and never hide a change.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';
import { refreshAwardRollups, rollupsFresh } from '../../src/graph/rollups.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { caseDocuments, caseFixture, graphql, testApi, writeFixture } from '../support/api-fixtures.ts';

let driver: Driver;
let api: ReturnType<typeof createApi>;

const FIGURES = `{
  xj: region(code: "650000") {
    total: totalAwarded { amount }
    own: totalAwarded(includeSubregions: false) { amount }
    top: topSuppliers { company { id } total { amount } awards }
    top2: topSuppliers(first: 2) { company { id } }
    topOwn: topSuppliers(includeSubregions: false) { company { id } }
  }
  hotan: region(code: "653200") { totalAwarded { amount } topSuppliers(first: 3) { company { id } total { amount } awards } }
  moyu: region(code: "653222") { own: totalAwarded(includeSubregions: false) { amount } topOwn: topSuppliers(includeSubregions: false) { company { id } total { amount } awards } }
  zj: region(code: "330000") { totalAwarded { amount } }
  hik: company(id: "c:hikvision") { totalAwarded { amount } inXj: totalAwarded(regionCode: "650000") { amount } }
  telecom: company(id: "c:telecom") { totalAwarded { amount } }
  police: company(id: "c:moyu-police") { totalAwarded { amount } }
  cetc: company(id: "c:cetc") { thirty: groupTotalAwarded(minShare: 30) { amount } majority: groupTotalAwarded { amount } }
  sasac: company(id: "c:sasac") { groupTotalAwarded(minShare: 30) { amount } }
  hikGroup: company(id: "c:hikvision") { groupTotalAwarded { amount } }
}`;

async function figures(): Promise<Record<string, any>> {
  const res = await graphql(api, FIGURES);
  assert.equal(res.body.errors, undefined, res.text);
  return res.body.data as Record<string, any>;
}

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  const sha = (t: string) => createHash('sha256').update(t).digest('hex');
  await writeFixture(driver, caseFixture({ tender: sha(caseDocuments.tender.text), award: sha(caseDocuments.award.text), shareholders: sha(caseDocuments.shareholders.text) }));
  // Consortia of two and of three companies of the CETC group: group totals must count each once.
  await writeFixture(driver, {
    projects: [
      { id: 'j:shared', name: '示例联合体项目', status: 'awarded', region: '653223' },
      { id: 'j:triple', name: '示例三方联合体项目', status: 'awarded', region: '653223' },
    ],
    awards: [
      { id: 'a:j:shared:-', project: 'j:shared', status: 'active', amount: 500.25, date: '2020-02-02', suppliers: [{ company: 'c:hikvision', role: 'lead' }, { company: 'c:spv', role: 'member' }] },
      {
        id: 'a:j:triple:-', project: 'j:triple', status: 'active', amount: 300, date: '2020-03-03',
        suppliers: [{ company: 'c:hikvision', role: 'lead' }, { company: 'c:spv', role: 'member' }, { company: 'c:cetc52', role: 'member' }],
      },
    ],
  });
  api = testApi({ driver, logging: false });
});

after(() => driver.close());

describe('award rollups', () => {
  it('give exactly the live figures', async () => {
    const live = await figures();
    assert.deepEqual(live.xj.total, { amount: 1744000900.37 });
    // Hikvision 1,055,000,100.12, the SPV 2,000,000, the 52nd institute 1,000,000.50, and the two consortia once each (500.25 + 300).
    assert.deepEqual(live.cetc.thirty, { amount: 1058000900.87 });
    const took = await refreshAwardRollups(driver);
    assert.deepEqual(Object.keys(took), ['regionTotalsWithSubregions', 'regionTotalsOwn', 'companyTotals', 'coWinnersCleared', 'coWinners', 'rollupState']);
    const pairs = await driver.executeQuery('MATCH (x)-[co:CO_WINNER]->(y) RETURN x.id AS x, y.id AS y, co.awards AS awards ORDER BY x, y');
    assert.deepEqual(pairs.records.map((r) => [r.get('x'), r.get('y'), [...r.get('awards')].sort()]), [
      ['c:cetc52', 'c:hikvision', ['a:j:triple:-']],
      ['c:cetc52', 'c:spv', ['a:j:triple:-']],
      ['c:hikvision', 'c:spv', ['a:j:shared:-', 'a:j:triple:-']],
      // Hikvision and the telecom firm won a lot together but have no owner in common: no group holds both.
    ]);
    assert.deepEqual(await figures(), live);
  });

  it('are what the API reads while their fingerprint matches', async () => {
    const live = await figures();
    await driver.executeQuery("MATCH (r:Region {code: '650000'}) SET r.rollupAwardFen = 12345");
    await driver.executeQuery("MATCH (c:Company {id: 'c:telecom'}) SET c.rollupAwardFen = 678");
    const read = await figures();
    assert.deepEqual(read.xj.total, { amount: 123.45 });
    assert.deepEqual(read.telecom.totalAwarded, { amount: 6.78 });
    // Arguments the rollups do not cover are computed live.
    assert.deepEqual(read.hik.inXj, live.hik.inXj);
    await refreshAwardRollups(driver);
    assert.deepEqual(await figures(), live);
  });

  it('are ignored once a writer marks them stale', async () => {
    const live = await figures();
    await driver.executeQuery("MATCH (r:Region {code: '650000'}) SET r.rollupAwardFen = 12345");
    await driver.executeQuery("MATCH (s:RollupState {name: 'awards'}) SET s.stale = true");
    assert.deepEqual(await figures(), live);
    await refreshAwardRollups(driver);
  });

  it('are ignored when they have an older shape than this code reads', async () => {
    const live = await figures();
    await driver.executeQuery("MATCH (r:Region {code: '650000'}) SET r.rollupAwardFen = 12345");
    await driver.executeQuery("MATCH (s:RollupState {name: 'awards'}) SET s.version = s.version - 1");
    assert.equal(await rollupsFresh(driver), false);
    assert.deepEqual(await figures(), live);
    await refreshAwardRollups(driver);
    assert.equal(await rollupsFresh(driver), true);
  });

  it('are ignored as soon as awards are added, until the next refresh', async () => {
    const before = await figures();
    await driver.executeQuery("MATCH (r:Region {code: '650000'}) SET r.rollupAwardFen = 12345");
    await writeFixture(driver, {
      projects: [{ id: 'j:new', name: '示例新项目', status: 'awarded', region: '653222' }],
      awards: [{ id: 'a:j:new:-', project: 'j:new', status: 'active', amount: 1000, date: '2024-01-01', suppliers: [{ company: 'c:dahua', role: 'sole' }] }],
    });
    const after = await figures();
    assert.deepEqual(after.xj.total, { amount: before.xj.total.amount + 1000 });
    assert.deepEqual(after.moyu.own, { amount: before.moyu.own.amount + 1000 });
    assert.deepEqual(after.xj.top.find((s: any) => s.company.id === 'c:dahua'), { company: { id: 'c:dahua' }, total: { amount: 687001000 }, awards: 2 });
    await refreshAwardRollups(driver);
    assert.deepEqual(await figures(), after);
  });
});
