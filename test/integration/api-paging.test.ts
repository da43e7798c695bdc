// Keyset paging over awards gives every award once, in the documented order (date descending,
// undated last, then id), whichever path the query takes: a big supplier's list walks the date
// index, a small one's is sorted, a region filter always sorts. The graph is 6,000 award notices,
// written at run time and ingested through the pipeline.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { errorCodes, graphql, testApi } from '../support/api-fixtures.ts';
import { companyIdOf, ingestDocuments } from '../support/api-case.ts';
import { type GeneratedAward, writeAwardNotices } from '../support/generated-documents.ts';

let driver: Driver;
let api: ReturnType<typeof createApi>;
let home: string;

const TOTAL = 6000;
/** Wins 300 of 6000 awards (5%): paged through the date index. */
const BIG = '示例大供应商有限公司';
/** Wins 25 (0.4%, under the 0.5% threshold): paged by sorting. */
const SMALL = '示例小供应商有限公司';
const OTHER = '示例其他供应商有限公司';
/** Company ids by name, once ingested. */
const companyIds = new Map<string, string>();

interface Expected {
  /** The pipeline's award id, known once ingested. */
  id: string;
  project: string;
  date: string | null;
  county: string;
}

/** The four counties the projects are bought in, by their buyers' addresses. */
const COUNTIES = [
  { code: '110101', buyer: '北京市东城区示例采购中心', address: '北京市东城区' },
  { code: '110102', buyer: '北京市西城区示例采购中心', address: '北京市西城区' },
  { code: '120101', buyer: '天津市和平区示例采购中心', address: '天津市和平区' },
  { code: '120102', buyer: '天津市河东区示例采购中心', address: '天津市河东区' },
];

const winners = new Map<string, Expected[]>([[BIG, []], [SMALL, []]]);
const everyAward: Expected[] = [];

function notices(): GeneratedAward[] {
  const awards: GeneratedAward[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const project = `示例项目第${i}号`;
    const county = COUNTIES[i % 4];
    // 40 distinct dates, so many awards share one; every 31st notice has no date at all.
    const date = i % 31 === 0 ? undefined : `2020-0${1 + (i % 9)}-${String(10 + (i % 5)).padStart(2, '0')}`;
    const winner = i % 20 === 0 ? BIG : i % 240 === 1 ? SMALL : OTHER;
    // Some of the big supplier's awards are won in consortium: still one row in each list.
    const consortium = winner === BIG && i % 100 === 0;
    const award: GeneratedAward = {
      project,
      buyer: county.buyer,
      address: county.address,
      date,
      winners: consortium ? [{ name: BIG, role: 'lead' }, { name: OTHER, role: 'member' }] : [{ name: winner }],
      amountYuan: 100 + i,
    };
    awards.push(award);
    const expected = { id: '', project, date: date ?? null, county: county.code };
    winners.get(winner)?.push(expected);
    everyAward.push(expected);
  }
  return awards;
}

/** Fills in the pipeline's ids: each project's one award, and the suppliers'. */
async function learnIds(): Promise<void> {
  const awards = await driver.executeQuery('MATCH (p:Project)-[:HAS_AWARD]->(a:Award) RETURN p.name AS project, collect(a.id) AS ids');
  const byProject = new Map(awards.records.map((r) => [r.get('project') as string, r.get('ids') as string[]]));
  for (const a of everyAward) {
    const ids = byProject.get(a.project) ?? [];
    assert.equal(ids.length, 1, `one award for ${a.project}`);
    a.id = ids[0];
  }
  for (const name of [BIG, SMALL, OTHER]) companyIds.set(name, await companyIdOf(driver, name));
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

async function pageAll(company: string, first: number, args = '', parent = `company(id: "${companyIds.get(company)}")`): Promise<{ ids: string[]; pages: number; totalCount: number }> {
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
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-paging-'));
  await ingestDocuments(driver, home, [writeAwardNotices(path.join(home, 'notices'), notices())], new Map(), 2);
  await learnIds();
  api = testApi({ driver, logging: false });
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

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
    const res = await graphql(api, `{ company(id: "${companyIds.get(BIG)}") { awards(after: "${forged}") { totalCount } } }`);
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
