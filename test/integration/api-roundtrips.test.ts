// Nested lists are batched per request: the number of Neo4j round trips for awards → suppliers →
// ultimate owners does not grow with the number of awards. The graph comes from award notices and a
// shareholder table written at run time and ingested through the pipeline.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { countingDriver, graphql, testApi } from '../support/api-fixtures.ts';
import { companyIdOf, ingestDocuments } from '../support/api-case.ts';
import { type GeneratedAward, type GeneratedHolding, holdingsCsv, writeAwardNotices } from '../support/generated-documents.ts';

let driver: Driver;
let home: string;

/** Where each province's awards are bought: the pipeline places a project by its buyer's address. */
const COUNTIES = {
  '650000': { buyer: '墨玉县公安局', address: '新疆维吾尔自治区和田地区墨玉县' },
  '330000': { buyer: '杭州市滨江区公安分局', address: '浙江省杭州市滨江区' },
} as const;

type Province = keyof typeof COUNTIES;

const supplierName = (province: Province, i: number, k: number) => `示例供应商${province}第${i}号${k === 0 ? '甲' : '乙'}有限公司`;

/**
 * `n` award notices in one county of the province, each won by a consortium of two companies; each
 * company is held 60% by a holding company and 10% by a root company that also holds half of the holding.
 */
function county(province: Province, n: number): { awards: GeneratedAward[]; holdings: GeneratedHolding[] } {
  const awards: GeneratedAward[] = [];
  const holdings: GeneratedHolding[] = [];
  for (let i = 0; i < n; i++) {
    const [lead, member] = [supplierName(province, i, 0), supplierName(province, i, 1)];
    for (const s of [lead, member]) {
      const holding = s.replace('示例供应商', '示例控股');
      const root = s.replace('示例供应商', '示例集团');
      holdings.push({ owner: holding, owned: s, share: 60 }, { owner: root, owned: holding, share: 50 }, { owner: root, owned: s, share: 10 });
    }
    awards.push({
      project: `示例项目${province}第${i}号`,
      ...COUNTIES[province],
      date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      winners: [
        { name: lead, role: 'lead' },
        { name: member, role: 'member' },
      ],
      amountYuan: 1000 + i,
    });
  }
  return { awards, holdings };
}

const companyId = (name: string) => companyIdOf(driver, name);

const NESTED = `query($code: String!) { region(code: $code) { awards(first: 50) { nodes {
  id value { amount }
  suppliers { role company { name ultimateOwners {
    owner { ... on Company { name } ... on Person { name } }
    effectiveShare
    paths { ... on Company { id } ... on Person { id } }
  } } }
} } } }`;

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-roundtrips-'));
  const documents = path.join(home, 'documents');
  const cases = [county('650000', 5), county('330000', 50)];
  writeAwardNotices(path.join(documents, 'notices'), cases.flatMap((c) => c.awards));
  fs.writeFileSync(path.join(documents, 'holdings.csv'), holdingsCsv(cases.flatMap((c) => c.holdings)));
  await ingestDocuments(driver, home, [documents]);
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('round trips per request', () => {
  it('stay at four for awards → suppliers → ultimate owners, for 5 awards and for 50', async () => {
    const counting = countingDriver(driver);
    const logged: string[] = [];
    const api = testApi({ driver: counting.driver, logging: false, onQuery: (q) => logged.push(q.name) });
    const perSize = new Map<number, number>();
    for (const [code, n] of [['650000', 5], ['330000', 50]] as const) {
      counting.reset();
      logged.length = 0;
      const res = await graphql(api, NESTED, { code });
      assert.equal(res.body.errors, undefined, res.text);
      const awards = res.body.data?.region.awards.nodes as any[];
      assert.equal(awards.length, n);
      // Every supplier's only ultimate owner is its root company: 50% × 60% + 10% = 40%, over two paths.
      for (const a of awards) {
        assert.equal(a.suppliers.length, 2);
        for (const s of a.suppliers) {
          assert.equal(s.company.ultimateOwners.length, 1);
          assert.equal(s.company.ultimateOwners[0].effectiveShare, 40);
          assert.equal(s.company.ultimateOwners[0].paths.length, 2);
        }
      }
      perSize.set(n, counting.queries());
      assert.deepEqual(logged, ['regionsByCode', 'awardsOfRegion', 'suppliersOfAwards', 'ultimateOwnersOf']);
    }
    assert.equal(perSize.get(5), 4);
    assert.equal(perSize.get(50), 4);
  });

  it('do not grow when lookups repeat in one request: each key is loaded once', async () => {
    const counting = countingDriver(driver);
    const api = testApi({ driver: counting.driver, logging: false });
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => companyId(supplierName('330000', i, 0))));
    const fields = ids.map((id, i) => `c${i}: company(id: "${id}") { name stateShare holdings { share } }`).join(' ');
    const res = await graphql(api, `{ ${fields} again: company(id: "${ids[0]}") { name stateShare } }`);
    assert.equal(res.body.errors, undefined, res.text);
    assert.equal(res.body.data?.c0.stateShare, 0);
    // companiesById, stateShareOf, holdingsOfParties: one each for eleven lookups.
    assert.equal(counting.queries(), 3);
  });
});
