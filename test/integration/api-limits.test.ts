// The API's safety: depth and cost limits, read timeouts, error masking, public mode, and no
// mutations without a token. The graph is ingested from documents: one award notice of the API case (a
// Xinjiang buyer, the company the queries start from) and an ownership CSV of a dense lattice.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import neo4j, { type Driver } from 'neo4j-driver';
import { namedQueries, warmUp } from '../../src/graph/warmup.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { errorCodes, graphql, testApi } from '../support/api-fixtures.ts';
import { CASE_DIR, companyIdOf, ingestDocuments } from '../support/api-case.ts';

let driver: Driver;
let home: string;
/** The company the queries start from: the winner of the case's SPV award notice. */
const ONE_NAME = '示例墨玉智慧城市运营有限公司';
let ONE: string;
let TARGET: string;

/**
 * A dense ownership lattice as a shareholding CSV: 9 layers of 6 companies, each holding 10% of every
 * company in the layer below, above one target. 6^9 ≈ 10 million paths: no read finishes in a fraction
 * of a second. Written at run time into the test's folder: 330 rows of one pattern say less as a file.
 */
function latticeCsv(): string {
  const layers = 9;
  const width = 6;
  const name = (layer: number, i: number) => `示例层${layer}号${i}有限公司`;
  const rows = ['owner,owned,share'];
  for (let layer = 0; layer < layers; layer++) {
    for (let i = 0; i < width; i++) {
      if (layer === 0) rows.push(`${name(0, i)},示例目标有限公司,10%`);
      else for (let j = 0; j < width; j++) rows.push(`${name(layer, i)},${name(layer - 1, j)},10%`);
    }
  }
  return `${rows.join('\n')}\n`;
}

const companyId = (name: string) => companyIdOf(driver, name);

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-limits-'));
  const documents = path.join(home, 'documents');
  fs.mkdirSync(documents);
  fs.writeFileSync(path.join(documents, 'lattice-holdings.csv'), latticeCsv());
  fs.copyFileSync(path.join(CASE_DIR, 'notices', 'spv-award.html'), path.join(documents, 'spv-award.html'));
  await ingestDocuments(driver, home, [documents]);
  ONE = await companyId(ONE_NAME);
  TARGET = await companyId('示例目标有限公司');
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('the query layer', () => {
  it('plans and runs every named query (warm-up), each with a unique name', async () => {
    const names = namedQueries().map((q) => q.name);
    assert.equal(new Set(names).size, names.length);
    const warm = await warmUp(driver);
    assert.equal(warm.queries, names.length);
    assert.ok(names.includes('ultimateOwnersOf') && names.includes('awardTotalOfRegion') && names.includes('searchNames'));
  });
});

describe('query depth and cost', () => {
  const api = () => testApi({ driver, logging: false });

  it('refuses a query nested deeper than 12 levels with QUERY_TOO_DEEP, before touching the database', async () => {
    const deep = `{ company(id: "${ONE}") { holdings { owned { holdings { owned { holdings { owned { holdings { owned { holdings { owned { holdings { owned { id } } } } } } } } } } } } } }`;
    const res = await graphql(api(), deep);
    assert.deepEqual(errorCodes(res), ['QUERY_TOO_DEEP']);
    assert.equal(res.body.errors?.[0].message, 'Query is nested 14 levels deep; the limit is 12. Split it into several queries.');
    assert.equal(res.body.data, undefined);
  });

  it('counts depth through fragments, but not in introspection', async () => {
    const viaFragment = `query { company(id: "${ONE}") { ...H } }
      fragment H on Company { holdings { owned { holdings { owned { holdings { owned { holdings { owned { holdings { owned { holdings { owned { id } } } } } } } } } } } } }`;
    assert.deepEqual(errorCodes(await graphql(api(), viaFragment)), ['QUERY_TOO_DEEP']);
    const introspection = await graphql(api(), '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } }');
    assert.equal(introspection.body.errors, undefined);
  });

  it('refuses a query whose estimated cost is over the limit with QUERY_TOO_COSTLY, counting variables', async () => {
    const q = `query($n: Int!) { region(code: "650000") { awards(first: $n) { nodes { suppliers { company {
      groupAwards(first: $n) { nodes { suppliers { company { ultimateOwners { effectiveShare } } } } } } } } } } }`;
    const res = await graphql(api(), q, { n: 200 });
    assert.deepEqual(errorCodes(res), ['QUERY_TOO_COSTLY']);
    assert.match(res.body.errors?.[0].message ?? '', /^Query is estimated to cost \d+; the limit is 25000\. Ask for smaller pages/);
    assert.ok((res.body.errors?.[0].extensions?.cost as number) > 25000);
    const small = await graphql(api(), q, { n: 2 });
    assert.equal(small.body.errors, undefined);
  });

  it('counts aliases: the same heavy field asked for many times costs many times', async () => {
    const fields = Array.from({ length: 60 }, (_, i) => `o${i}: ultimateOwners { effectiveShare }`).join(' ');
    const res = await graphql(testApi({ driver, logging: false, limits: { maxCost: 1000 } }), `{ company(id: "${ONE}") { ${fields} } }`);
    assert.deepEqual(errorCodes(res), ['QUERY_TOO_COSTLY']);
  });
});

describe('read timeouts', () => {
  it('stops a read that runs past the timeout and says TIMEOUT, without the Cypher', async () => {
    const api = testApi({ driver, timeoutMs: 300, logging: false });
    const res = await graphql(api, `{ company(id: "${TARGET}") { ultimateOwners { effectiveShare } } }`);
    assert.deepEqual(errorCodes(res), ['TIMEOUT']);
    assert.equal(res.body.errors?.[0].message, 'The query took longer than 300 ms and was stopped; ask for less (smaller pages, fewer nested lists).');
    assert.deepEqual(res.body.errors?.[0].path, ['company', 'ultimateOwners']);
    assert.doesNotMatch(res.text, /MATCH|OWNS|Neo4j|neo4j|at .*\.ts/);
  });
});

describe('error masking', () => {
  it('hides the driver error of an unreachable database behind DATABASE_UNAVAILABLE', async () => {
    const unreachable = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'whatever1'), { maxTransactionRetryTime: 0, connectionTimeout: 1000 });
    try {
      const res = await graphql(testApi({ driver: unreachable, logging: false }), `{ company(id: "${ONE}") { name } }`);
      assert.deepEqual(res.body.errors?.map((e) => [e.message, e.extensions?.code]), [['The database is unavailable; try again in a few seconds.', 'DATABASE_UNAVAILABLE']]);
      assert.doesNotMatch(res.text, /127\.0\.0\.1|ECONNREFUSED|MATCH|stack|at /);
    } finally {
      await unreachable.close();
    }
  });

  it('hides a broken invariant in the data the same way', async () => {
    await driver.executeQuery("MERGE (:Award {id: 'a:orphan', status: 'active'})");
    const res = await graphql(testApi({ driver, logging: false }), '{ award(id: "a:orphan") { id project { id } } }');
    assert.deepEqual(res.body.errors?.map((e) => [e.message, e.extensions?.code, e.path]), [['Unexpected error.', 'INTERNAL_SERVER_ERROR', ['award', 'project']]]);
    assert.doesNotMatch(res.text, /orphan has no project/);
    assert.equal(res.body.data?.award, null);
  });

  it('keeps GraphQL syntax and validation errors readable', async () => {
    const res = await graphql(testApi({ driver, logging: false }), `{ company(id: "${ONE}") { nope } }`);
    assert.deepEqual(errorCodes(res), ['GRAPHQL_VALIDATION_FAILED']);
    assert.equal(res.body.errors?.[0].message, 'Cannot query field "nope" on type "Company". Did you mean "name"?');
  });
});

describe('public mode', () => {
  it('serves GraphiQL and answers introspection by default', async () => {
    const api = testApi({ driver, logging: false });
    const page = await api.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /GraphiQL/);
    const res = await graphql(api, '{ __schema { queryType { name } } }');
    assert.deepEqual(res.body.data, { __schema: { queryType: { name: 'Query' } } });
  });

  it('switches both off with publicMode, and still answers queries', async () => {
    const api = testApi({ driver, publicMode: true, logging: false });
    const page = await api.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    assert.doesNotMatch(page.headers.get('content-type') ?? '', /text\/html/);
    assert.doesNotMatch(await page.text(), /GraphiQL/);
    const res = await graphql(api, '{ __schema { queryType { name } } }');
    assert.deepEqual(errorCodes(res), ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    assert.match(res.body.errors?.[0].message ?? '', /GraphQL introspection has been disabled/);
    const typeQuery = await graphql(api, '{ __type(name: "Company") { name } }');
    assert.deepEqual(errorCodes(typeQuery), ['GRAPHQL_VALIDATION_FAILED']);
    // Nor does a typo reveal the names of fields.
    const typo = await graphql(api, `{ company(id: "${ONE}") { nme } }`);
    assert.equal(typo.body.errors?.[0].message, 'Cannot query field "nme" on type "Company".');
    const ok = await graphql(api, `{ company(id: "${ONE}") { name } }`);
    assert.deepEqual(ok.body, { data: { company: { name: ONE_NAME } } });
  });
});

describe('mutations without a token', () => {
  it('has no Mutation type at all', async () => {
    const api = testApi({ driver, logging: false });
    const intro = await graphql(api, '{ __schema { mutationType { name } } }');
    assert.deepEqual(intro.body.data, { __schema: { mutationType: null } });
    const res = await graphql(api, 'mutation { addAlias(companyId: "${ONE}", name: "示例别名有限公司", source: "test") { id } }', undefined, {
      authorization: 'Bearer anything',
    });
    assert.deepEqual(errorCodes(res), ['READ_ONLY']);
    assert.equal(res.body.errors?.[0].message, 'This API is read-only: mutations exist only when the server is given an API token (BIDGRAPH_API_TOKEN).');
  });
});
