// The exports over the bundled samples: the OCDS release package and compiled releases validate against
// the OCDS 1.1.5 schemas and carry the samples' awards, and ingested into an empty database give back the
// same awards; the BODS export validates against BODS 0.4 and, ingested, gives back the same holdings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import type { ProjectFilter } from '../../src/graph/exports.ts';
import { GraphReader } from '../../src/graph/reader.ts';
import { exportBods, exportFtm, exportOcds } from '../../src/standards/export.ts';
import { ftmProblems, type Entity } from '../support/ftm-model.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { HIKVISION } from '../support/sample-graph.ts';
import { bodsErrors, releaseErrors, releasePackageErrors, skipUnlessStandardSchemas } from '../support/standards.ts';

// The samples' HTML notices and ownership sources (the PDF adds parsing time and nothing the exports need).
const SAMPLES = ['moyu-ppp-tender.html', 'moyu-ppp-award.html', 'pishan-ppp-award.html', 'ownership'].map((f) => path.join(repoRoot, 'samples', f));

async function load(driver: Driver, inputs: string[]): Promise<void> {
  const summary = await ingest({ inputs, driver, database: testConfig.neo4j.database, home: null, concurrency: 1 });
  assert.equal(summary.failed, 0, JSON.stringify(summary.documents.filter((d) => d.status === 'failed')));
}

const HOLDINGS = `MATCH (o)-[r:OWNS]->(t:Company)
  RETURN o.name AS owner, labels(o)[0] AS label, o.uscc AS ownerUscc, t.name AS owned, t.uscc AS ownedUscc, r.share AS share, r.shareMin AS min, r.shareMax AS max, r.asOf AS asOf
  ORDER BY owner, owned, share`;


/** Awards as the graph holds them: what an OCDS round trip must give back. */
const AWARDS = `MATCH (p:Project)-[:HAS_AWARD]->(a:Award)
  OPTIONAL MATCH (a)-[w:AWARDED_TO]->(c:Company)
  WITH p, a, c, w ORDER BY c.name
  RETURN p.name AS project, p.code AS code, p.budget AS budget, a.lot AS lot, a.status AS status, a.amount AS amount, a.amountFen AS amountFen,
         a.currency AS currency, a.date AS date, a.dateKind AS dateKind, collect([c.name, c.uscc, w.role]) AS suppliers
  ORDER BY project, lot`;

const NO_FILTER: ProjectFilter = { regionCode: null, from: null, to: null, supplierIds: null };
const OPTS = { prefix: 'ocds-bdgrph', archiveBase: 'http://localhost:4000', now: '2026-12-04T00:00:00Z', publisher: 'bidgraph' };

function bidgraph(...args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bidgraph.js'), ...args], { cwd: repoRoot, env: process.env, encoding: 'utf8', timeout: 120_000 });
}

describe('OCDS export of the samples', () => {
  let driver: Driver;
  let reader: GraphReader;
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    await load(driver, SAMPLES);
    reader = new GraphReader(driver, { database: testConfig.neo4j.database, timeoutMs: 60_000 });
  });
  after(() => driver.close());

  async function exported(filter = NO_FILTER, jsonl = false): Promise<string> {
    let text = '';
    await exportOcds(reader, filter, { ...OPTS, jsonl }, (c) => void (text += c));
    return text;
  }

  it('writes a valid release package with one release per project and the samples’ winners', { skip: skipUnlessStandardSchemas }, async () => {
    const pkg = JSON.parse(await exported());
    assert.deepEqual(releasePackageErrors(pkg), []);
    const projects = await driver.executeQuery('MATCH (p:Project) RETURN count(p) AS n');
    assert.equal(pkg.releases.length, projects.records[0].get('n'));
    assert.equal(new Set(pkg.releases.map((r: { ocid: string }) => r.ocid)).size, pkg.releases.length);
    const won = pkg.releases.flatMap((r: any) => (r.awards ?? []).filter((a: any) => a.status === 'active').flatMap((a: any) => a.suppliers.map((s: any) => s.name)));
    assert.equal(won.filter((n: string) => n === HIKVISION).length, 2, 'Hikvision wins Moyu and Pishan');
    const hik = pkg.releases.flatMap((r: any) => r.parties).find((p: any) => p.name === HIKVISION);
    assert.deepEqual(hik.identifier, { scheme: 'CN-USCI', id: '91330000733796106P', legalName: HIKVISION });
    for (const r of pkg.releases) {
      for (const d of r.tender.documents ?? []) if (!d.id.endsWith('-source')) assert.match(d.url, /^http:\/\/localhost:4000\/documents\/[0-9a-f]{64}$/);
    }
  });

  it('writes valid compiled releases as JSON Lines, and filters by region', { skip: skipUnlessStandardSchemas }, async () => {
    const lines = (await exported({ ...NO_FILTER, regionCode: '653200' }, true)).trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 2, 'Moyu and Pishan are in 和田地区');
    for (const r of lines) {
      assert.deepEqual(r.tag, ['compiled']);
      assert.deepEqual(releaseErrors(r), []);
    }
  });

  it('the command filters by supplier USCC and by dates, and says what it wrote', () => {
    const res = bidgraph('export', 'ocds', '--jsonl', '--supplier', '91330000733796106P');
    assert.equal(res.status, 0, res.stderr);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 2);
    assert.match(res.stderr, /export ocds: 2 written/);
    const bad = bidgraph('export', 'ocds', '--supplier', '不存在的公司');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /no company named "不存在的公司"/);
  });

  it('filters by dates: none after 2100', async () => {
    assert.deepEqual(JSON.parse(await exported({ ...NO_FILTER, from: '2100-01-01' })).releases, []);
  });

  it('FtM: every entity fits the model, one ContractAward per winner of an active lot', async () => {
    let text = '';
    await exportFtm(reader, NO_FILTER, { archiveBase: 'http://localhost:4000', publisher: 'bidgraph', ownership: true }, (c) => void (text += c));
    const entities = text.trim().split('\n').map((l) => JSON.parse(l) as Entity);
    assert.deepEqual(ftmProblems(entities), []);
    const winners = await driver.executeQuery("MATCH (a:Award {status: 'active'})-[:AWARDED_TO]->(:Company) RETURN count(*) AS n");
    assert.equal(entities.filter((e) => e.schema === 'ContractAward').length, winners.records[0].get('n'));
    assert.equal(entities.filter((e) => e.schema === 'Ownership').length, 11);
    assert.ok(entities.some((e) => e.schema === 'Person' && (e.properties.name as string[])[0] === '傅利泉'));
  });

  it('BODS: valid statements, the same ids twice, and the same holdings after an ingest into an empty database', async () => {
    const bods = async () => {
      let text = '';
      await exportBods(reader, { jsonl: false, today: '2026-12-04', publisher: 'bidgraph', archiveBase: 'http://localhost:4000' }, (c) => void (text += c));
      return text;
    };
    const text = await bods();
    const statements = JSON.parse(text);
    // The schema check needs the official schemas (see test/support/standards.ts); the round trip does not.
    if (skipUnlessStandardSchemas === false) assert.deepEqual(bodsErrors(statements), []);
    assert.equal(await bods(), text, 'a second run writes the same statements');
    const before = (await driver.executeQuery(HOLDINGS)).records.map((r) => r.toObject());
    assert.equal(before.length, 11, 'the two ownership CSVs (7 + 3 rows) and the BODS range');
    assert.equal(statements.filter((s: { recordType: string }) => s.recordType === 'relationship').length, before.length);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-bods-'));
    const file = path.join(dir, 'export.bods.json');
    fs.writeFileSync(file, text);
    await resetDatabase(driver);
    await load(driver, [file]);
    const after = (await driver.executeQuery(HOLDINGS)).records.map((r) => r.toObject());
    assert.deepEqual(after, before);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('OCDS round trip: the export, ingested into an empty database, gives the same awards, suppliers and amounts, each citing the file', async () => {
    await resetDatabase(driver);
    await load(driver, SAMPLES);
    const before = (await driver.executeQuery(AWARDS)).records.map((r) => r.toObject());
    assert.ok(before.some((a) => a.status === 'active' && a.suppliers.some((s: unknown[]) => s[0] === HIKVISION)), 'the samples have Hikvision winning');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-ocds-'));
    for (const jsonl of [false, true]) {
      const file = path.join(dir, jsonl ? 'export.ocds.jsonl' : 'export.ocds.json');
      fs.writeFileSync(file, await exported(NO_FILTER, jsonl));
      await resetDatabase(driver);
      await load(driver, [file]);
      const after = (await driver.executeQuery(AWARDS)).records.map((r) => r.toObject());
      assert.deepEqual(after, before, jsonl ? 'compiled releases' : 'release package');
      const cited = await driver.executeQuery(
        `MATCH (a:Award)-[s:SUPPORTED_BY]->(d:Document) WITH d, count(a) AS awards, collect(s.fields) AS fields
         RETURN d.noticeType AS type, d.sha256 AS sha, awards, size([f IN fields WHERE any(x IN f WHERE x =~ 'awards\\[\\d+\\]\\.status')]) AS withStatus`,
      );
      assert.equal(cited.records.length, 1, 'every award points at the one OCDS file');
      assert.equal(cited.records[0].get('type'), 'ocds');
      assert.equal(cited.records[0].get('awards'), before.length);
      assert.equal(cited.records[0].get('withStatus'), before.length, 'each award cites its status in the file');
      const winners = await driver.executeQuery('MATCH (:Award)-[w:AWARDED_TO]->(:Company) RETURN collect(DISTINCT w.sha256) AS shas, count(*) AS n, count(w.snippet) AS snippets');
      assert.equal(winners.records[0].get('snippets'), winners.records[0].get('n'), 'every winner has its snippet');
      assert.deepEqual(winners.records[0].get('shas'), [cited.records[0].get('sha')]);
      const again = await ingest({ inputs: [file], driver, database: testConfig.neo4j.database, home: null, concurrency: 1 });
      assert.equal(again.unchanged, 1, 're-ingesting changes nothing');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('FtM export of the samples with their restriction lists', () => {
  let driver: Driver;
  let reader: GraphReader;
  let entities: Entity[];
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    await load(driver, [...SAMPLES, path.join(repoRoot, 'samples', 'lists')]);
    reader = new GraphReader(driver, { database: testConfig.neo4j.database, timeoutMs: 60_000 });
    let text = '';
    await exportFtm(reader, NO_FILTER, { archiveBase: 'http://localhost:4000', publisher: 'bidgraph', ownership: true }, (c) => void (text += c));
    entities = text.trim().split('\n').map((l) => JSON.parse(l) as Entity);
  });
  after(() => driver.close());

  it('gives a Sanction per listing of an exported company, fitting the model, each after its entity', async () => {
    assert.deepEqual(ftmProblems(entities), []);
    const sanctions = entities.filter((e) => e.schema === 'Sanction');
    const listed = await driver.executeQuery('MATCH (e:ListEntry)-[:LISTS]->(c:Company) WHERE e.list IS NOT NULL RETURN count(*) AS n');
    assert.equal(sanctions.length, listed.records[0].get('n'));
    const p = (e: Entity, k: string) => (e.properties[k] as string[] | undefined) ?? [];
    const nameOf = new Map(entities.map((e) => [e.id, p(e, 'name')[0]]));
    assert.deepEqual(
      sanctions.map((s) => [nameOf.get(p(s, 'entity')[0]), p(s, 'program')[0], p(s, 'programId'), p(s, 'recordId'), p(s, 'startDate'), p(s, 'status'), p(s, 'description')[0]]),
      [
        [HIKVISION, 'Entity List (EL) - Bureau of Industry and Security', [], ['csl:sample-el-hikvision'], ['2019-10-09'], ['listed'],
          'linked to the company by name-link: name "Hangzhou Hikvision Digital Technology Co. Ltd." is "Hangzhou Hikvision Digital Technology Co., Ltd.", given as the name of 杭州海康威视数字技术股份有限公司 by Hikvision annual report (English edition) (name-link file line 2)'],
        [HIKVISION, 'us_ofac_ns_cmic', ['CMIC-EO13959'], ['ofac:30946'], ['2021-06-03'], ['listed'], 'linked to the company by uscc: USCC 91330000733796106P in the entry and on the company'],
        ['浙江大华技术股份有限公司', 'Entity List (EL) - Bureau of Industry and Security', [], ['csl:sample-el-dahua'], ['2019-10-09'], ['listed'],
          'linked to the company by name-link: name "Zhejiang Dahua Technology Co. Ltd." is "Zhejiang Dahua Technology Co., Ltd.", given as the name of 浙江大华技术股份有限公司 by Dahua annual report (English edition) (name-link file line 3)'],
      ],
    );
    for (const s of sanctions) {
      assert.match(p(s, 'sourceUrl')[0], /^http:\/\/localhost:4000\/documents\/[0-9a-f]{64}$/);
      assert.ok(entities.findIndex((e) => e.id === p(s, 'entity')[0]) < entities.indexOf(s), 'the entity comes before its Sanction');
    }
  });

  it('refuses the export ingested again, with its reason, and loads no list entry from it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-ftm-'));
    const file = path.join(dir, 'export.ftm.jsonl');
    fs.writeFileSync(file, entities.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const count = async () => (await driver.executeQuery('MATCH (n) WHERE n:ListEntry OR n:Company OR n:Document RETURN count(n) AS n')).records[0].get('n');
    const before = await count();
    const summary = await ingest({ inputs: [file], driver, database: testConfig.neo4j.database, home: null, concurrency: 1 });
    assert.equal(summary.failed, 1);
    assert.deepEqual(
      summary.documents.map((d) => [d.path, d.status, d.reason]),
      [[file, 'failed', 'FollowTheMoney entities without datasets, target or caption: not a restriction list (OpenSanctions files mark their datasets and listed targets). It looks like an FtM export of a graph such as `bidgraph export ftm` writes; bidgraph reads FtM only as a list, so it is not loaded. Ingest the notices, ownership files or OCDS/BODS exports instead.']],
    );
    assert.equal(await count(), before);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
