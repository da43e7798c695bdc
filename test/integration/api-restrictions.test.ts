// The restriction fields against the real test Neo4j, on the bundled samples: Hikvision listed
// (Entity List through a cited name link, NS-CMIC by USCC), its project companies caught by the
// Entity List's affiliates rule while it is in force and not while it is suspended, the Moyu entry
// only a candidate until a reviewer confirms it, and the awards of restricted winners in 和田地区.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { errorCodes, graphql, testApi } from '../support/api-fixtures.ts';
import { keepTodaysRestrictions } from '../../src/api/restrictions-ahead.ts';
import { RestrictionCache } from '../../src/graph/restrictions.ts';
import { readRestrictionRules } from '../../src/restriction-rules-file.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { MARK_ROLLUPS_STALE } from '../../ingest/load/cypher.ts';

const TOKEN = 'restrictions-token-51c2';
const HIK = '杭州海康威视数字技术股份有限公司';
const MOYU = '墨玉海视电子科技有限公司';
const PISHAN = '皮山海视永安电子科技有限公司';
const IN_FORCE = '2025-10-15';
const SUSPENDED = '2026-01-15';

const RESTRICTIONS = `query($name: String!, $asOf: String) { company(name: $name) {
  restricted(asOf: $asOf)
  restrictions(asOf: $asOf) { status list rule aggregateShare { min max }
    holdings { owner { name } share }
    paths { owner { name } owned { name } share branch } entries { id } } } }`;

describe('restriction fields on the samples', () => {
  let driver: Driver;
  let api: ReturnType<typeof testApi>;
  const q = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => graphql(api, query, variables, headers);

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    const summary = await ingest({ inputs: [path.join(repoRoot, 'samples')], driver, database: testConfig.neo4j.database, home: null, concurrency: 1 });
    assert.equal(summary.failed, 0, JSON.stringify(summary.documents.filter((d) => d.status === 'failed')));
    api = testApi({ driver, apiToken: TOKEN });
  });
  after(() => driver.close());

  it('lists Hikvision on the Entity List (cited name link) and NS-CMIC (USCC), each with its list file', async () => {
    const res = await q(`{ company(uscc: "91330000733796106P") { listings { list programme listedOn delistedOn entryName matchedBy evidence document { sha256 noticeType } viaParent { id } } } }`);
    assert.equal(res.body.errors, undefined, res.text);
    const listings = res.body.data!.company.listings;
    assert.deepEqual(listings.map((l: Record<string, unknown>) => [l.list, l.listedOn, l.matchedBy, l.entryName]), [
      ['us_bis_entity_list', '2019-10-09', 'name-link', 'Hangzhou Hikvision Digital Technology Co. Ltd.'],
      ['us_ofac_ns_cmic', '2021-06-03', 'uscc', 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.'],
    ]);
    assert.match(listings[0].evidence, /Hikvision annual report/);
    assert.equal(listings[1].programme, 'CMIC-EO13959');
    for (const l of listings) {
      assert.equal(l.document.noticeType, 'restriction-list');
      assert.match(l.document.sha256, /^[0-9a-f]{64}$/);
      assert.equal(l.delistedOn, null);
      assert.equal(l.viaParent, null);
    }
  });

  it('catches the project companies under the affiliates rule while it is in force, with the holdings that add up', async () => {
    const moyu = (await q(RESTRICTIONS, { name: MOYU, asOf: IN_FORCE })).body.data!.company;
    assert.equal(moyu.restricted, true);
    assert.deepEqual(moyu.restrictions.map((r: Record<string, unknown>) => [r.status, r.list, r.rule]), [['OWNED', 'us_bis_entity_list', 'BIS affiliates rule']]);
    assert.deepEqual(moyu.restrictions[0].aggregateShare, { min: 100, max: 100 });
    assert.deepEqual(moyu.restrictions[0].paths, [[{ owner: { name: HIK }, owned: { name: MOYU }, share: 100, branch: false }]]);
    const pishan = (await q(RESTRICTIONS, { name: PISHAN, asOf: IN_FORCE })).body.data!.company;
    const [r] = pishan.restrictions;
    assert.equal(r.status, 'OWNED');
    assert.deepEqual(r.aggregateShare, { min: 55, max: 55 });
    assert.deepEqual(r.holdings, [{ owner: { name: HIK }, share: 45 }, { owner: { name: MOYU }, share: 10 }]);
    assert.deepEqual(r.paths.map((p: { owner: { name: string }; owned: { name: string } }[]) => [p[0].owner.name, ...p.map((s) => s.owned.name)]), [[HIK, PISHAN], [HIK, MOYU, PISHAN]]);
  });

  it('does not catch them while the rule is suspended; Hikvision stays listed; NS-CMIC never reaches subsidiaries', async () => {
    for (const name of [MOYU, PISHAN]) {
      const c = (await q(RESTRICTIONS, { name, asOf: SUSPENDED })).body.data!.company;
      assert.deepEqual([c.restricted, c.restrictions], [false, []], name);
    }
    const hik = (await q(RESTRICTIONS, { name: HIK, asOf: SUSPENDED })).body.data!.company;
    assert.equal(hik.restricted, true);
    assert.deepEqual(hik.restrictions.map((r: Record<string, unknown>) => [r.status, r.list, r.rule]), [['LISTED', 'us_bis_entity_list', null], ['LISTED', 'us_ofac_ns_cmic', null]]);
    assert.deepEqual(hik.restrictions[1].entries, [{ id: 'ofac:30946' }]);
    const before = (await q(RESTRICTIONS, { name: HIK, asOf: '2019-10-08' })).body.data!.company;
    assert.deepEqual([before.restricted, before.restrictions], [false, []]);
  });

  it('offers the Moyu Haishi Entity List entry to the Moyu company as a pinyin candidate only', async () => {
    const res = await q(`{ company(name: "${MOYU}") { listings { list } matchCandidates { entry { id list name listedOn } score reasons } } }`);
    const c = res.body.data!.company;
    assert.deepEqual(c.listings, []);
    assert.deepEqual(c.matchCandidates.map((m: { entry: Record<string, unknown> }) => m.entry), [{ id: 'csl:sample-el-moyu-haishi', list: 'us_bis_entity_list', name: 'Moyu Haishi Electronic Technology Co.', listedOn: '2023-03-28' }]);
    assert.ok(c.matchCandidates[0].reasons.some((r: string) => r.includes('pinyin')));
  });

  it('gives the awards of restricted winners in 和田地区 with the reason, and their total', async () => {
    const res = await q(`{
      restrictedAwards(regionCode: "653200", asOf: "${IN_FORCE}") { totalCount nodes { value { amount } project { region { name } }
        restrictedSuppliers(asOf: "${IN_FORCE}") { company { name } restrictions { status list } } } }
      region(code: "653200") { restrictedTotalAwarded(asOf: "${IN_FORCE}") { amount currency } totalAwarded { amount } }
      cmic: restrictedAwards(regionCode: "653200", asOf: "${IN_FORCE}", lists: ["us_ofac_sdn"]) { totalCount } }`);
    assert.equal(res.body.errors, undefined, res.text);
    const d = res.body.data!;
    assert.equal(d.restrictedAwards.totalCount, 2);
    for (const a of d.restrictedAwards.nodes) {
      assert.deepEqual(a.restrictedSuppliers.map((s: { company: { name: string } }) => s.company.name), [HIK]);
      assert.deepEqual(a.restrictedSuppliers[0].restrictions, [{ status: 'LISTED', list: 'us_bis_entity_list' }, { status: 'LISTED', list: 'us_ofac_ns_cmic' }]);
    }
    const sum = d.restrictedAwards.nodes.reduce((s: number, a: { value: { amount: number } | null }) => s + (a.value?.amount ?? 0), 0);
    assert.equal(d.region.restrictedTotalAwarded.amount, sum);
    assert.equal(d.region.restrictedTotalAwarded.currency, 'CNY');
    assert.equal(d.cmic.totalCount, 0);
  });

  it('with fresh award rollups, places the restricted awards once and answers pages and counts as the live queries do; stale rollups go live again', async () => {
    const PAGES = `query($after: String, $lists: [String!]) { restrictedAwards(regionCode: "653200", asOf: "${IN_FORCE}", first: 1, after: $after, lists: $lists) {
      totalCount nodes { id date } pageInfo { hasNextPage endCursor } } }`;
    const walk = async (api2: ReturnType<typeof testApi>, lists: string[] | null) => {
      const seen: unknown[] = [];
      let after: string | null = null;
      for (;;) {
        const res = await graphql(api2, PAGES, { after, lists });
        assert.equal(res.body.errors, undefined, res.text);
        const page = res.body.data!.restrictedAwards;
        seen.push([page.totalCount, page.nodes]);
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor;
      }
    };
    const live = [await walk(api, null), await walk(api, ['us_ofac_sdn'])];
    assert.equal(live[0].length, 2);
    await refreshAwardRollups(driver, testConfig.neo4j.database);
    const asked: string[] = [];
    const placed = testApi({ driver, onQuery: (entry) => asked.push(entry.name) });
    assert.deepEqual([await walk(placed, null), await walk(placed, ['us_ofac_sdn'])], live);
    assert.equal(asked.filter((n) => n === 'placedAwardsOf').length, 2, asked.join(', '));
    assert.ok(!asked.includes('restrictedAwardsIn') && !asked.includes('restrictedAwardCountIn'), asked.join(', '));
    // A write to awards marks the rollups stale in its transaction: the placement is no longer trusted.
    await driver.executeQuery(MARK_ROLLUPS_STALE, {}, { database: testConfig.neo4j.database });
    asked.length = 0;
    assert.deepEqual(await walk(placed, null), live[0]);
    assert.ok(asked.includes('restrictedAwardsIn') && !asked.includes('placedAwardsOf'), asked.join(', '));
  });

  it("computes today's restrictions ahead, so a request about today runs no fixpoint; another day is computed when asked", async () => {
    const restrictionCache = new RestrictionCache(readRestrictionRules());
    const ahead = keepTodaysRestrictions(restrictionCache, driver, { database: testConfig.neo4j.database, everyMs: 3_600_000 });
    try {
      await ahead.first;
      const asked: string[] = [];
      const ready = testApi({ driver, restrictionCache, onQuery: (entry) => asked.push(entry.name) });
      const hik = await graphql(ready, `{ company(name: "${HIK}") { restricted } }`);
      assert.equal(hik.body.data!.company.restricted, true, hik.text);
      assert.ok(asked.includes('restrictionStamp') && !asked.includes('listingsForRestrictions'), asked.join(', '));
      asked.length = 0;
      await graphql(ready, `{ company(name: "${MOYU}") { restricted(asOf: "${IN_FORCE}") } }`);
      assert.ok(asked.includes('listingsForRestrictions'), asked.join(', '));
    } finally {
      ahead.stop();
    }
  });

  it('refuses a bad asOf, and confirmMatch without the token', async () => {
    const bad = errorCodes(await q(RESTRICTIONS, { name: HIK, asOf: '15/10/2025' }));
    assert.ok(bad.length > 0 && bad.every((c) => c === 'BAD_USER_INPUT'), JSON.stringify(bad));
    const confirm = `mutation { confirmMatch(entryId: "csl:sample-el-moyu-haishi", companyId: "x", source: "registry extract") { id } }`;
    assert.deepEqual(errorCodes(await q(confirm)), ['UNAUTHENTICATED']);
    const readOnly = testApi({ driver });
    assert.deepEqual(errorCodes(await graphql(readOnly, confirm)), ['READ_ONLY']);
  });

  it('turns a candidate into a listing only when a reviewer confirms it', async () => {
    const moyu = (await q(`{ company(name: "${MOYU}") { id } }`)).body.data!.company;
    const missing = await q(`mutation { confirmMatch(entryId: "csl:sample-el-hikvision", companyId: "${moyu.id}", source: "x") { id } }`, undefined, { authorization: `Bearer ${TOKEN}` });
    assert.deepEqual(errorCodes(missing), ['NOT_FOUND']);
    const res = await q(
      `mutation($c: ID!) { confirmMatch(entryId: "csl:sample-el-moyu-haishi", companyId: $c, source: "registry extract of 墨玉海视 (illustrative)") { name listings { list matchedBy evidence } matchCandidates { score } } }`,
      { c: moyu.id },
      { authorization: `Bearer ${TOKEN}` },
    );
    assert.equal(res.body.errors, undefined, res.text);
    const c = res.body.data!.confirmMatch;
    assert.deepEqual(c.listings.map((l: Record<string, unknown>) => [l.list, l.matchedBy]), [['us_bis_entity_list', 'reviewer']]);
    assert.match(c.listings[0].evidence, /registry extract/);
    assert.deepEqual(c.matchCandidates, []);
    const now = (await q(RESTRICTIONS, { name: MOYU, asOf: SUSPENDED })).body.data!.company;
    assert.deepEqual(now.restrictions.map((r: Record<string, unknown>) => [r.status, r.list]), [['LISTED', 'us_bis_entity_list']]);
  });
});
