// With BIDGRAPH_API_TOKEN set: the addAlias mutation, only for requests that carry the token. The alias is
// one no rename table knows (中国电子科技集团公司 is CETC's known former name, a key ingest already records).
// The graph is the API case's documents, ingested; CETC and a holding company of the ownership CSV are two of its companies.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { errorCodes, graphql, testApi } from '../support/api-fixtures.ts';
import { ingestCase } from '../support/api-case.ts';

const TOKEN = 'test-token-8f3a1c';
let driver: Driver;
let home: string;
let api: ReturnType<typeof createApi>;
let cetc: string;
let other: string;
const auth = { authorization: `Bearer ${TOKEN}` };

const ADD = `mutation($id: ID!, $name: String!, $source: String!) {
  addAlias(companyId: $id, name: $name, source: $source) { id name names }
}`;

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-mutations-'));
  const { C } = await ingestCase(driver, home);
  cetc = C.cetc;
  other = C['cycle-root'];
  api = testApi({ driver, home, apiToken: TOKEN, logging: false });
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('addAlias', () => {
  it('is refused without the token, or with a wrong one, and changes nothing', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const res = await graphql(api, ADD, { id: cetc, name: '中国电科集团有限公司', source: 'https://example.org/rename' }, headers);
      assert.deepEqual(errorCodes(res), ['UNAUTHENTICATED'], JSON.stringify(headers));
      assert.equal(res.body.errors?.[0].message, 'Mutations need the header Authorization: Bearer <BIDGRAPH_API_TOKEN>.');
    }
    const stored = await driver.executeQuery("MATCH (c:Company {id: $cetc}) RETURN c.names AS names, c.aliasNotes AS notes", { cetc, other });
    // Ingest gives CETC its known former name as a second name form.
    assert.deepEqual(stored.records[0].get('names'), ['中国电子科技集团公司', '中国电子科技集团有限公司']);
    assert.equal(stored.records[0].get('notes'), null);
  });

  it('records the alias with its source, so that lookups and search find the company by it', async () => {
    const res = await graphql(api, ADD, { id: cetc, name: ' 中国电科集团有限公司 ', source: 'registry extract 2017-12' }, auth);
    assert.equal(res.body.errors, undefined, res.text);
    assert.deepEqual(res.body.data?.addAlias, { id: cetc, name: '中国电子科技集团有限公司', names: ['中国电子科技集团公司', '中国电子科技集团有限公司', '中国电科集团有限公司'] });
    const lookup = await graphql(api, '{ company(name: "中国电科集团有限公司") { id } }');
    assert.deepEqual(lookup.body.data, { company: { id: cetc } });
    const search = await graphql(api, '{ search(text: "中国电科集团有限公司", first: 1) { company { id } } }');
    assert.deepEqual(search.body.data, { search: [{ company: { id: cetc } }] });
    const stored = await driver.executeQuery("MATCH (c:Company {id: $cetc}) RETURN c.aliasNotes AS notes, c.nameKeys AS keys, c.searchText AS text", { cetc });
    const notes = (stored.records[0].get('notes') as string[]).map((n) => JSON.parse(n));
    assert.equal(notes.length, 1);
    assert.equal(notes[0].name, '中国电科集团有限公司');
    assert.equal(notes[0].source, 'registry extract 2017-12');
    assert.match(notes[0].at, /^\d{4}-\d{2}-\d{2}T/);
    // The identity keys ingest records for CETC (its known rename's among them), then the alias's.
    assert.deepEqual(stored.records[0].get('keys'), ['中国电子科技集团公司', '中国电子科技集团有限公司', '中国电科集团有限公司']);
    assert.equal(stored.records[0].get('text'), '中国电子科技集团公司 中国电子科技集团有限公司 中国电科集团有限公司');
  });

  it('is idempotent: the same alias again changes nothing', async () => {
    const res = await graphql(api, ADD, { id: cetc, name: '中国电科集团有限公司', source: 'again' }, auth);
    assert.deepEqual(res.body.data?.addAlias.names, ['中国电子科技集团公司', '中国电子科技集团有限公司', '中国电科集团有限公司']);
    const stored = await driver.executeQuery("MATCH (c:Company {id: $cetc}) RETURN size(c.aliasNotes) AS n", { cetc });
    assert.equal(stored.records[0].get('n'), 1);
  });

  it("refuses a name that is another company's, with CONFLICT: merging is not an alias", async () => {
    const res = await graphql(api, ADD, { id: other, name: '中国电科集团有限公司', source: 'a guess' }, auth);
    assert.deepEqual(errorCodes(res), ['CONFLICT']);
    assert.deepEqual(res.body.errors?.[0].extensions?.other, { id: cetc, name: '中国电子科技集团有限公司', uscc: null });
    const stored = await driver.executeQuery("MATCH (c:Company {id: $other}) RETURN c.names AS names, c.aliasNotes AS notes", { cetc, other });
    assert.deepEqual(stored.records[0].get('names'), ['示例循环控股有限公司']);
    assert.equal(stored.records[0].get('notes'), null);
  });

  it('says NOT_FOUND for an unknown company and BAD_USER_INPUT for an empty name or source', async () => {
    assert.deepEqual(errorCodes(await graphql(api, ADD, { id: 'c:none', name: '示例名称有限公司', source: 's' }, auth)), ['NOT_FOUND']);
    assert.deepEqual(errorCodes(await graphql(api, ADD, { id: cetc, name: '  ', source: 's' }, auth)), ['BAD_USER_INPUT']);
    assert.deepEqual(errorCodes(await graphql(api, ADD, { id: cetc, name: '示例名称有限公司', source: '' }, auth)), ['BAD_USER_INPUT']);
  });
});
