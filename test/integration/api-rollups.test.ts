// Award rollups give the same figures as the live computation, are used only while their
// fingerprint matches the data, and never hide a change. The graph is the API case's documents and two
// consortium award notices (test/fixtures/api-case/consortia/), ingested.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';
import { refreshAwardRollups, rollupsFresh } from '../../src/graph/rollups.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { graphql, testApi, writeFixture } from '../support/api-fixtures.ts';
import { CASE_DIR, awardOfProject, ingestCase, ingestDocuments } from '../support/api-case.ts';

let driver: Driver;
let home: string;
let api: ReturnType<typeof createApi>;
let C: Record<string, string>;
let FIGURES: string;
/** The consortium awards: of two companies of the CETC group, and of three. */
const consortium: Record<'two' | 'three', string> = { two: '', three: '' };

const figuresOf = (C: Record<string, string>) => `{
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
  hik: company(id: "${C.hikvision}") { totalAwarded { amount } inXj: totalAwarded(regionCode: "650000") { amount } }
  telecom: company(id: "${C.telecom}") { totalAwarded { amount } }
  police: company(id: "${C['moyu-police']}") { totalAwarded { amount } }
  cetc: company(id: "${C.cetc}") { thirty: groupTotalAwarded(minShare: 30) { amount } majority: groupTotalAwarded { amount } }
  sasac: company(id: "${C.sasac}") { groupTotalAwarded(minShare: 30) { amount } }
  hikGroup: company(id: "${C.hikvision}") { groupTotalAwarded { amount } }
}`;

async function figures(): Promise<Record<string, any>> {
  const res = await graphql(api, FIGURES);
  assert.equal(res.body.errors, undefined, res.text);
  return res.body.data as Record<string, any>;
}

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-rollups-'));
  ({ C } = await ingestCase(driver, home));
  // Consortia of two and of three companies of the CETC group: group totals must count each once.
  await ingestDocuments(driver, home, [path.join(CASE_DIR, 'consortia')]);
  consortium.two = await awardOfProject(driver, '示例皮山县雪亮工程建设项目');
  consortium.three = await awardOfProject(driver, '示例皮山县视频专网运维项目');
  FIGURES = figuresOf(C);
  api = testApi({ driver, home, logging: false });
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

/** Short names of the case's companies by id, for reading CO_WINNER pairs. */
const shortName = (id: string) => Object.entries(C).find(([, v]) => v === id)?.[0] ?? id;

describe('award rollups', () => {
  it('give exactly the live figures', async () => {
    const live = await figures();
    assert.deepEqual(live.xj.total, { amount: 1744000900.37 });
    // Hikvision 1,055,000,100.12, the SPV 2,000,000, the 52nd institute 1,000,000.50, and the two consortia once each (500.25 + 300).
    assert.deepEqual(live.cetc.thirty, { amount: 1058000900.87 });
    const took = await refreshAwardRollups(driver);
    assert.deepEqual(Object.keys(took), ['regionTotalsWithSubregions', 'regionTotalsOwn', 'companyTotals', 'coWinnersCleared', 'coWinners', 'rollupState']);
    const pairs = await driver.executeQuery('MATCH (x)-[co:CO_WINNER]->(y) RETURN x.id AS x, y.id AS y, co.awards AS awards');
    // Ingest's ids are digests: the pairs are read by the companies' short names, each pair in name order.
    const named = pairs.records.map((r) => [...[shortName(r.get('x')), shortName(r.get('y'))].sort(), [...r.get('awards')].sort()]);
    assert.deepEqual(named.sort((a, b) => String(a).localeCompare(String(b))), [
      ['cetc52', 'hikvision', [consortium.three]],
      ['cetc52', 'spv', [consortium.three]],
      ['hikvision', 'spv', [consortium.two, consortium.three].sort()],
      // Hikvision and the telecom firm won a lot together but have no owner in common: no group holds both.
    ]);
    assert.deepEqual(await figures(), live);
  });

  it('are what the API reads while their fingerprint matches', async () => {
    const live = await figures();
    await driver.executeQuery("MATCH (r:Region {code: '650000'}) SET r.rollupAwardFen = 12345");
    await driver.executeQuery('MATCH (c:Company {id: $id}) SET c.rollupAwardFen = 678', { id: C.telecom });
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
    // Written by hand, not ingested: ingest marks the rollups stale itself (the stale mark is checked above); this award comes
    // from a writer that does not, so only the fingerprint can notice it.
    await writeFixture(driver, {
      projects: [{ id: 'j:new', name: '示例新项目', status: 'awarded', region: '653222' }],
      awards: [{ id: 'a:j:new:-', project: 'j:new', status: 'active', amount: 1000, date: '2024-01-01', suppliers: [{ company: C.dahua, role: 'sole' }] }],
    });
    const after = await figures();
    assert.deepEqual(after.xj.total, { amount: before.xj.total.amount + 1000 });
    assert.deepEqual(after.moyu.own, { amount: before.moyu.own.amount + 1000 });
    assert.deepEqual(after.xj.top.find((s: any) => s.company.id === C.dahua), { company: { id: C.dahua }, total: { amount: 687001000 }, awards: 2 });
    await refreshAwardRollups(driver);
    assert.deepEqual(await figures(), after);
  });
});
