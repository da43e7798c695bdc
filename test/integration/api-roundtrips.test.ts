// Nested lists are batched per request: the number of Neo4j round trips for awards → suppliers →
// ultimate owners does not grow with the number of awards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { type GraphFixture, countingDriver, graphql, testApi, writeFixture } from '../support/api-fixtures.ts';

let driver: Driver;

/** A county with `n` awards, each won by a consortium of two companies, each owned by a holding owned by a person. */
function county(province: string, n: number): GraphFixture {
  const prefecture = `${province.slice(0, 2)}0100`;
  const code = `${province.slice(0, 2)}0101`;
  const f: Required<Pick<GraphFixture, 'regions' | 'companies' | 'persons' | 'holdings' | 'projects' | 'awards'>> = {
    regions: [
      { code: province, name: `示例省${province}`, level: 'province' },
      { code: prefecture, name: `示例市${prefecture}`, level: 'prefecture', parent: province },
      { code, name: `示例县${code}`, level: 'county', parent: prefecture },
    ],
    companies: [],
    persons: [],
    holdings: [],
    projects: [],
    awards: [],
  };
  for (let i = 0; i < n; i++) {
    const project = `j:${province}:${i}`;
    f.projects.push({ id: project, name: `示例项目${province}第${i}号`, region: code });
    const suppliers = [0, 1].map((k) => `c:${province}:${i}:${k}`);
    for (const s of suppliers) {
      f.companies.push({ id: s, name: `示例供应商${s}有限公司` }, { id: `${s}:holding`, name: `示例控股${s}有限公司` });
      f.persons.push({ id: `p:${s}`, name: `示例自然人${s}` });
      f.holdings.push({ owner: `${s}:holding`, owned: s, share: 60 }, { owner: `p:${s}`, owned: `${s}:holding`, share: 50 }, { owner: `p:${s}`, owned: s, share: 10 });
    }
    f.awards.push({
      id: `a:${project}:-`,
      project,
      status: 'active',
      amount: 1000 + i,
      date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      suppliers: [
        { company: suppliers[0], role: 'lead' },
        { company: suppliers[1], role: 'member' },
      ],
    });
  }
  return f;
}

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
  await writeFixture(driver, county('650000', 5));
  await writeFixture(driver, county('330000', 50));
});

after(() => driver.close());

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
      // Every supplier's only ultimate owner is its person: 50% × 60% + 10% = 40%, over two paths.
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
    const fields = Array.from({ length: 10 }, (_, i) => `c${i}: company(id: "c:330000:${i}:0") { name stateShare holdings { share } }`).join(' ');
    const res = await graphql(api, `{ ${fields} again: company(id: "c:330000:0:0") { name stateShare } }`);
    assert.equal(res.body.errors, undefined, res.text);
    assert.equal(res.body.data?.c0.stateShare, 0);
    // companiesById, stateShareOf, holdingsOfParties: one each for eleven lookups.
    assert.equal(counting.queries(), 3);
  });
});
