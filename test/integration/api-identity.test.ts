// One set of identity rules (src/domain/identity.ts) for ingest and the API: the API finds a company
// by a name variant exactly when ingest would merge a notice naming that variant into it, and an
// alias a reviewer adds through the API is one ingest then merges under.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import type { Notice } from '../../ingest/extract/notice.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { createApi } from '../../src/api/server.ts';
import { graphql, testApi } from '../support/api-fixtures.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { award, notice, supplier } from '../support/notices.ts';

const TOKEN = 'test-token-identity';
const HIKVISION = '杭州海康威视数字技术股份有限公司';
const CETC = '中国电子科技集团有限公司';

let driver: Driver;
let api: ReturnType<typeof createApi>;
let work: string;
let seq = 0;

/** A notice of a project of its own whose one winner is named `winner`. */
function awardTo(winner: string): Notice {
  seq++;
  return notice(`identity-${seq}`, {
    project: { name: `示例监控项目${seq}`, code: `ID-2017-${seq}`, method: '公开招标', contractModel: [] },
    awards: [award([supplier(winner)])],
  });
}

/** Ingests the notices through the pipeline (as `ingest --notices` does); returns each one's winner id. */
async function ingestWinners(...notices: Notice[]): Promise<string[]> {
  const file = path.join(work, `batch-${seq}.jsonl`);
  fs.writeFileSync(file, notices.map((n) => JSON.stringify(n)).join('\n') + '\n');
  const s = await ingest({ inputs: [], notices: [file], driver, database: testConfig.neo4j.database, home: null, concurrency: 1, reextract: 'off', matchListings: false });
  assert.equal(s.failed, 0, JSON.stringify(s));
  const ids: string[] = [];
  for (const n of notices) {
    const res = await driver.executeQuery(
      'MATCH (:Document {sha256: $sha})<-[:PUBLISHED_IN]-(:Project)-[:HAS_AWARD]->(:Award)-[:AWARDED_TO]->(c:Company) RETURN c.id AS id',
      { sha: n.source.sha256 },
      { database: testConfig.neo4j.database },
    );
    assert.equal(res.records.length, 1, `one winner for ${n.source.path}`);
    ids.push(res.records[0].get('id') as string);
  }
  return ids;
}

async function companyCount(): Promise<number> {
  const res = await driver.executeQuery('MATCH (c:Company) RETURN count(c) AS n', {}, { database: testConfig.neo4j.database });
  return Number(res.records[0].get('n'));
}

async function lookUp(name: string): Promise<string | null> {
  const res = await graphql(api, 'query($name: String!) { company(name: $name) { id } }', { name });
  assert.equal(res.body.errors, undefined, res.text);
  return (res.body.data?.company as { id: string } | null)?.id ?? null;
}

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-identity-'));
  api = testApi({ driver, apiToken: TOKEN, logging: false });
});

after(async () => {
  await driver.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const addAlias = (id: string, name: string) =>
  graphql(
    api,
    'mutation($id: ID!, $name: String!) { addAlias(companyId: $id, name: $name, source: "registry extract") { id names } }',
    { id, name },
    { authorization: `Bearer ${TOKEN}` },
  );

describe('one set of identity rules for ingest and the API', () => {
  let hikvision: string;
  let cetc: string;

  it('an alias in a rename group is recorded with the whole group: the API then finds the current name, where ingest merges it', async () => {
    [cetc] = await ingestWinners(awardTo('中国电科'));
    const res = await addAlias(cetc, '中国电子科技集团公司');
    assert.equal(res.body.errors, undefined, res.text);
    assert.deepEqual((res.body.data?.addAlias as { names: string[] }).names, ['中国电科', '中国电子科技集团公司', CETC]);
    assert.equal(await lookUp(CETC), cetc);
    const before = await companyCount();
    const [merged] = await ingestWinners(awardTo(CETC));
    assert.equal(merged, cetc);
    assert.equal(await companyCount(), before);
  });

  it('an alias in another spelling: a notice naming it is merged into that company', async () => {
    const [id] = await ingestWinners(awardTo('示例视频技术有限公司'));
    const res = await addAlias(id, '示例視頻科技有限公司');
    assert.equal(res.body.errors, undefined, res.text);
    assert.deepEqual((res.body.data?.addAlias as { names: string[] }).names, ['示例视频技术有限公司', '示例视频科技有限公司', '示例視頻科技有限公司']);
    assert.equal(await lookUp('示例视频科技有限公司'), id);
    const before = await companyCount();
    const [merged] = await ingestWinners(awardTo('示例 视频科技 有限公司'));
    assert.equal(merged, id);
    assert.equal(await companyCount(), before);
  });

  it('loads a company for the name variants below', async () => {
    [hikvision] = await ingestWinners(awardTo(HIKVISION));
  });

  const variants: [string, () => string][] = [
    ['杭州海康威視數字技術股份有限公司', () => hikvision], // traditional script
    ['杭州 海康威视 数字技术股份有限公司', () => hikvision], // spaced
    ['杭州海康威视数字技术股份有限公司（联合体牵头人）', () => hikvision], // a role note
    ['中国电子科技集团公司', () => cetc], // the name before the 2017 rename
  ];

  for (const [variant, expected] of variants) {
    it(`${variant}: the lookup and the merge give the same company`, async () => {
      const found = await lookUp(variant);
      assert.equal(found, expected());
      const before = await companyCount();
      const [merged] = await ingestWinners(awardTo(variant));
      assert.equal(merged, found, 'ingest merged the variant where the API found it');
      assert.equal(await companyCount(), before, 'no new company');
    });
  }

  it('a different name is found by neither: the API says null and ingest makes a company of its own', async () => {
    const other = '杭州海康威视科技有限公司';
    assert.equal(await lookUp(other), null);
    const before = await companyCount();
    const [id] = await ingestWinners(awardTo(other));
    assert.notEqual(id, hikvision);
    assert.equal(await companyCount(), before + 1);
    assert.equal(await lookUp(other), id, 'and once loaded, the API finds it');
  });
});
