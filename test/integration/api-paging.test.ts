// Keyset paging over awards gives every award once, in the documented order (date descending,
// undated last, then id), whichever path the query takes: a big supplier's list walks the date
// index, a small one's is sorted, a region filter always sorts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { type AwardFixture, type GraphFixture, errorCodes, graphql, testApi, writeFixture } from '../support/api-fixtures.ts';

let driver: Driver;
let api: ReturnType<typeof createApi>;

const TOTAL = 6000;
/** Wins 300 of 6000 awards (5%): paged through the date index. */
const BIG = 'c:big';
/** Wins 25 (0.4%, under the 0.5% threshold): paged by sorting. */
const SMALL = 'c:small';

interface Expected {
  id: string;
  date: string | null;
  county: string;
}

const winners = new Map<string, Expected[]>([[BIG, []], [SMALL, []]]);
const everyAward: Expected[] = [];

function fixture(): GraphFixture {
  const counties = ['110101', '110102', '120101', '120102'];
  const f: Required<Pick<GraphFixture, 'regions' | 'companies' | 'projects' | 'awards'>> = {
    regions: [
      { code: '110000', name: '示例省11', level: 'province' },
      { code: '110100', name: '示例市1101', level: 'prefecture', parent: '110000' },
      { code: '110101', name: '示例县110101', level: 'county', parent: '110100' },
      { code: '110102', name: '示例县110102', level: 'county', parent: '110100' },
      { code: '120000', name: '示例省12', level: 'province' },
      { code: '120100', name: '示例市1201', level: 'prefecture', parent: '120000' },
      { code: '120101', name: '示例县120101', level: 'county', parent: '120100' },
      { code: '120102', name: '示例县120102', level: 'county', parent: '120100' },
    ],
    companies: [
      { id: BIG, name: '示例大供应商有限公司' },
      { id: SMALL, name: '示例小供应商有限公司' },
      { id: 'c:other', name: '示例其他供应商有限公司' },
    ],
    projects: [],
    awards: [],
  };
  for (let i = 0; i < TOTAL; i++) {
    const project = `j:${i}`;
    const county = counties[i % 4];
    // 40 distinct dates, so many awards share one; every 31st award is undated.
    const date = i % 31 === 0 ? undefined : `2020-0${1 + (i % 9)}-${String(10 + (i % 5)).padStart(2, '0')}`;
    const winner = i % 20 === 0 ? BIG : i % 240 === 1 ? SMALL : 'c:other';
    // Ids that do not sort like the insertion order.
    const id = `a:${project}:${(i * 7919) % 1000}`;
    f.projects.push({ id: project, name: `示例项目${i}`, region: county });
    const award: AwardFixture = { id, project, status: 'active', amount: 100 + i, date, suppliers: [{ company: winner, role: 'sole' }] };
    // A winner named twice on one award (lead and member rows merged by the loader would not do
    // this, but the data may): still one row in the list.
    if (winner === BIG && i % 100 === 0) award.suppliers?.push({ company: 'c:other', role: 'member' });
    f.awards.push(award);
    winners.get(winner)?.push({ id, date: date ?? null, county });
    everyAward.push({ id, date: date ?? null, county });
  }
  return f;
}

function order(list: Expected[]): string[] {
  return [...list]
    .sort((a, b) => {
      const da = a.date ?? '';
      const db = b.date ?? '';
      if (da !== db) return da < db ? 1 : -1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    })
    .map((a) => a.id);
}

async function pageAll(companyId: string, first: number, args = '', parent = `company(id: "${companyId}")`): Promise<{ ids: string[]; pages: number; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = -1;
  for (;;) {
    const res = await graphql(api, `query($after: String) { parent: ${parent} { awards(first: ${first}, after: $after${args}) {
      totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`, { after });
    assert.equal(res.body.errors, undefined, res.text);
    const page = res.body.data?.parent.awards;
    totalCount = page.totalCount;
    ids.push(...page.nodes.map((n: { id: string }) => n.id));
    pages++;
    assert.ok(page.nodes.length <= first);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
    assert.ok(pages < 500, 'paging does not end');
  }
  return { ids, pages, totalCount };
}

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  await writeFixture(driver, fixture());
  api = testApi({ driver, logging: false });
});

after(() => driver.close());

describe('paging through a company’s awards', () => {
  for (const [label, company, count] of [['a big supplier (date index)', BIG, 300], ['a small supplier (sorted)', SMALL, 25]] as const) {
    it(`gives each award of ${label} once, in order, over pages of 7, across the undated tail`, async () => {
      const expected = order(winners.get(company) ?? []);
      assert.equal(expected.length, count);
      assert.ok((winners.get(company) ?? []).some((a) => a.date === null), 'the case has undated awards');
      const { ids, totalCount } = await pageAll(company, 7);
      assert.equal(totalCount, count);
      assert.deepEqual(ids, expected);
    });
  }

  it('gives the same list in one page of 200 and over pages of 1', async () => {
    const expected = order(winners.get(SMALL) ?? []);
    assert.deepEqual((await pageAll(SMALL, 200)).ids, expected);
    assert.deepEqual((await pageAll(SMALL, 1)).ids, expected);
    const big = order(winners.get(BIG) ?? []);
    assert.deepEqual((await pageAll(BIG, 200)).ids, big);
  });

  it('filters by date range on both paths, leaving undated awards out', async () => {
    for (const company of [BIG, SMALL]) {
      const within = (winners.get(company) ?? []).filter((a) => a.date !== null && a.date >= '2020-03-01' && a.date <= '2020-06-30');
      const { ids, totalCount } = await pageAll(company, 9, ', from: "2020-03-01", to: "2020-06-30"');
      assert.deepEqual(ids, order(within), company);
      assert.equal(totalCount, within.length);
    }
  });

  it('filters by region (sorted path even for the big supplier)', async () => {
    const inProvince = (winners.get(BIG) ?? []).filter((a) => a.county.startsWith('12'));
    const { ids } = await pageAll(BIG, 11, ', regionCode: "120000"');
    assert.deepEqual(ids, order(inProvince));
    const inCounty = (winners.get(BIG) ?? []).filter((a) => a.county === '110102');
    assert.deepEqual((await pageAll(BIG, 50, ', regionCode: "110102"')).ids, order(inCounty));
  });

  it('refuses a cursor that was tampered with', async () => {
    const forged = Buffer.from(JSON.stringify([1, 2])).toString('base64url');
    const res = await graphql(api, `{ company(id: "${BIG}") { awards(after: "${forged}") { totalCount } } }`);
    assert.deepEqual(errorCodes(res), ['BAD_USER_INPUT']);
  });
});

describe('paging through a region’s awards', () => {
  const region = (code: string) => `region(code: "${code}")`;
  const cases = (): [string, string, Expected[]][] => [
    ['a province with its counties (half of all awards)', '', everyAward.filter((a) => a.county.startsWith('11'))],
    ['a county by itself (a quarter)', ', includeSubregions: false', everyAward.filter((a) => a.county === '110101')],
  ];

  it('gives the same pages sorted (no rollups yet) and through the date index (after a refresh)', async () => {
    const codes = ['110000', '110101'];
    const before = [];
    for (const [i, [label, args, expected]] of cases().entries()) {
      const { ids, totalCount } = await pageAll('', 97, args, region(codes[i]));
      assert.equal(totalCount, expected.length, label);
      assert.deepEqual(ids, order(expected), label);
      before.push(ids);
    }
    // The refresh records how many awards each region holds, which sends big regions down the index.
    await refreshAwardRollups(driver);
    const sizes = await driver.executeQuery("MATCH (r:Region) WHERE r.code IN ['110000', '110101'] RETURN r.code AS code, r.rollupAwards AS all, r.rollupAwardsOwn AS own ORDER BY code");
    assert.deepEqual(sizes.records.map((r) => [r.get('code'), r.get('all'), r.get('own')]), [['110000', 3000, 0], ['110101', 1500, 1500]]);
    for (const [i, [label, args]] of cases().entries()) {
      assert.deepEqual((await pageAll('', 97, args, region(codes[i]))).ids, before[i], label);
    }
    const empty = await pageAll('', 10, ', includeSubregions: false', region('110000'));
    assert.deepEqual(empty, { ids: [], pages: 1, totalCount: 0 });
  });
});
