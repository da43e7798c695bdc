// `bidgraph ingest` against the real Neo4j, with the real readers and extractor on small fixture
// documents (test/fixtures/ingest/): identities, projects, provenance, archive, manifest, re-runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { readArchived } from '../../src/archive.ts';
import { readDocument } from '../../ingest/read/index.ts';
import type { IngestSummary } from '../../ingest/pipeline.ts';
import { ingest, readManifest } from '../../ingest/pipeline.ts';
import { LOADER_VERSION, Loader } from '../../ingest/load/loader.ts';
import { allRegions } from '../../src/domain/region.ts';
import { refreshAwardRollups, rollupsFresh } from '../../src/graph/rollups.ts';
import { NOTICE_ITSELF, type Evidence } from '../../ingest/extract/notice.ts';
import { award, holding, holdingsItem, notice, noticeItem, party, shaOf, supplier } from '../support/notices.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

const FIXTURES = path.join(repoRoot, 'test/fixtures/ingest');
const NOTICES = path.join(FIXTURES, 'notices');
const BAD = path.join(FIXTURES, 'bad');
const HIKVISION = '杭州海康威视数字技术股份有限公司';
const HIKVISION_USCC = '91330000733796106P';

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function rows(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const res = await driver.executeQuery(query, params, { database: testConfig.neo4j.database });
  return res.records.map((r) => r.toObject());
}

async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const [n] = await rows(driver, 'MATCH (n) RETURN count(n) AS c');
  const [r] = await rows(driver, 'MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: Number(n.c), relationships: Number(r.c) };
}

interface SupportRow {
  subject: string;
  sha256: string;
  fields: string[];
  texts: string[];
  starts: number[];
  ends: number[];
}

/** Every SUPPORTED_BY (and the evidence kept on a Document without a project), sorted. */
async function supports(driver: Driver): Promise<SupportRow[]> {
  const found = await rows(
    driver,
    `MATCH (s)-[r:SUPPORTED_BY]->(d:Document)
     RETURN s.id AS subject, d.sha256 AS sha256, r.fields AS fields, r.texts AS texts, r.starts AS starts, r.ends AS ends
     UNION ALL
     MATCH (d:Document) WHERE d.evidenceFields IS NOT NULL
     RETURN null AS subject, d.sha256 AS sha256, d.evidenceFields AS fields, d.evidenceTexts AS texts, d.evidenceStarts AS starts, d.evidenceEnds AS ends`,
  );
  const plain = found.map((r) => ({
    ...(r as unknown as SupportRow),
    starts: (r.starts as unknown[]).map(Number),
    ends: (r.ends as unknown[]).map(Number),
  }));
  return plain.sort((a, b) => `${a.subject}|${a.sha256}`.localeCompare(`${b.subject}|${b.sha256}`));
}

/**
 * What is wrong with the stored evidence: arrays of unequal length, fields out of order or repeated,
 * or a text that is not the archived original's extracted text between its offsets.
 */
async function evidenceProblems(driver: Driver, home: string): Promise<string[]> {
  const problems: string[] = [];
  const texts = new Map<string, string>();
  for (const r of await supports(driver)) {
    const where = `${r.subject ?? 'document'} ← ${r.sha256.slice(0, 8)}`;
    const n = r.fields.length;
    if (n === 0 || r.texts.length !== n || r.starts.length !== n || r.ends.length !== n) problems.push(`${where}: arrays of lengths ${[r.fields, r.texts, r.starts, r.ends].map((a) => a.length)}`);
    for (let i = 1; i < n; i++) if (!(r.fields[i - 1] < r.fields[i])) problems.push(`${where}: ${r.fields[i - 1]} before ${r.fields[i]}`);
    if (!texts.has(r.sha256)) {
      const archived = await readArchived(home, r.sha256);
      texts.set(r.sha256, archived ? (await readDocument(archived.originalName ?? 'x', archived.bytes)).text : '');
    }
    const text = texts.get(r.sha256)!;
    r.fields.forEach((f, i) => {
      if (text.slice(r.starts[i], r.ends[i]) !== r.texts[i]) problems.push(`${where}: ${f} is not the text at ${r.starts[i]}–${r.ends[i]}`);
    });
  }
  return problems;
}

describe('bidgraph ingest on the fixture set', () => {
  let driver: Driver;
  let home: string;
  let manifestFile: string;
  let first: IngestSummary;

  const run = async () => {
    const { entries } = await readManifest(manifestFile);
    return ingest({ inputs: [NOTICES, BAD], driver, home, manifest: entries, concurrency: 2, batchSize: 3 });
  };

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-ingest-'));
    manifestFile = path.join(home, 'manifest.jsonl');
    const lines = fs.readdirSync(NOTICES).map((f, i) =>
      JSON.stringify({ path: path.join(NOTICES, f), url: `http://www.ccgp.gov.cn/cggg/t${i}_${f}`, retrievedAt: `2021-01-0${1 + (i % 9)}T08:00:00Z` }),
    );
    fs.writeFileSync(manifestFile, lines.join('\n') + '\nnot json\n');
    first = await run();
  });

  after(async () => {
    await driver.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('loads every readable document and reports the unreadable ones with their reason', () => {
    assert.equal(first.total, 11);
    assert.equal(first.ok, 9);
    assert.equal(first.failed, 2);
    assert.equal(first.unchanged, 0);
    const failures = first.documents.filter((d) => d.status === 'failed').map((d) => [path.basename(d.path), d.reason]);
    assert.deepEqual(failures.sort(), [
      ['empty.html', 'empty file'],
      ['truncated.pdf', 'corrupt or truncated PDF (Invalid PDF structure.)'],
    ]);
    assert.ok(first.regionsLoaded > 3000, 'the gazetteer is loaded first');
  });

  it('counts the nodes and relationships it created, from the driver\'s counters', async () => {
    const [n] = await rows(driver, 'MATCH (n) WHERE NOT n:Region RETURN count(n) AS c');
    const [r] = await rows(driver, "MATCH ()-[r]->() WHERE type(r) <> 'PART_OF' RETURN count(r) AS c");
    assert.equal(first.counters.nodesCreated, n.c);
    assert.equal(first.counters.relationshipsCreated, r.c);
  });

  it('puts the traditional, spaced and role-annotated spellings of Hikvision on one Company, keeping every spelling of the name but not the role note', async () => {
    const found = await rows(driver, `MATCH (c:Company) WHERE c.name CONTAINS '海康威视数字' OR c.uscc = $uscc RETURN c.id AS id, c.name AS name, c.uscc AS uscc, c.names AS names, c.searchText AS searchText`, { uscc: HIKVISION_USCC });
    assert.equal(found.length, 1);
    const c = found[0];
    assert.equal(c.name, HIKVISION);
    assert.equal(c.uscc, HIKVISION_USCC);
    assert.deepEqual(c.names, [
      '杭州 海康威视 数字技术股份有限公司',
      HIKVISION,
      '杭州海康威視數字技術股份有限公司',
    ].sort());
    for (const form of c.names as string[]) assert.ok((c.searchText as string).includes(form));
    const wins = await rows(
      driver,
      `MATCH (p:Project)-[:HAS_AWARD]->(a:Award)-[r:AWARDED_TO]->(c:Company {uscc: $uscc})
       RETURN p.code AS code, r.role AS role, r.rawName AS rawName ORDER BY code`,
      { uscc: HIKVISION_USCC },
    );
    assert.deepEqual(wins, [
      { code: 'CLX-2018-021', role: 'sole', rawName: '杭州 海康威视 数字技术股份有限公司' },
      { code: 'LPX-2017-009', role: 'sole', rawName: '杭州海康威視數字技術股份有限公司' },
      { code: 'YTX-2018-033', role: 'lead', rawName: '杭州海康威视数字技术股份有限公司（联合体牵头人）' },
    ]);
    const hits = await rows(driver, `CALL db.index.fulltext.queryNodes('nameSearch', '海康威視') YIELD node RETURN node.id AS id`);
    assert.ok(hits.some((h) => h.id === c.id), 'the traditional spelling finds the company');
  });

  it('lands the owner named in a shareholder table on the same Company as the supplier, and a renamed owner on its current name', async () => {
    const owns = await rows(
      driver,
      `MATCH (o)-[r:OWNS]->(c:Company) RETURN o.name AS owner, labels(o) AS labels, c.name AS owned, c.uscc AS uscc, r.share AS share, r.asOf AS asOf ORDER BY owner`,
    );
    assert.deepEqual(owns, [
      { owner: '中国电子科技集团有限公司', labels: ['Company'], owned: '中电海康集团有限公司', uscc: null, share: 100, asOf: '2016-12-31' },
      { owner: '中电海康集团有限公司', labels: ['Company'], owned: HIKVISION, uscc: HIKVISION_USCC, share: 39.59, asOf: '2016-12-31' },
    ]);
    const [cetc] = await rows(driver, `MATCH (c:Company {name: '中国电子科技集团有限公司'}) RETURN c.names AS names`);
    assert.deepEqual(cetc.names, ['中国电子科技集团公司', '中国电子科技集团有限公司']);
  });

  it('keeps a branch as its own Company, BRANCH_OF its parent', async () => {
    const found = await rows(
      driver,
      `MATCH (b:Company)-[:AWARDED_TO]-(:Award) WHERE b.name ENDS WITH '分公司'
       OPTIONAL MATCH (b)-[:BRANCH_OF]->(p:Company)
       RETURN b.name AS branch, b.isBranch AS isBranch, p.name AS parent, p.isBranch AS parentIsBranch`,
    );
    assert.deepEqual(found, [{ branch: '中国移动通信集团新疆有限公司和田分公司', isBranch: true, parent: '中国移动通信集团新疆有限公司', parentIsBranch: false }]);
  });

  it('gives a tender, its correction and its award one Project; the newer budget wins', async () => {
    const found = await rows(
      driver,
      `MATCH (p:Project {code: 'LPX-2017-009'})
       OPTIONAL MATCH (p)-[pub:PUBLISHED_IN]->(d:Document)
       WITH p, collect(pub.noticeType) AS types
       MATCH (p)-[:HAS_BUYER]->(b:Company)
       MATCH (p)-[:IN_REGION]->(r:Region)-[:PART_OF]->(up:Region)
       RETURN p.name AS name, p.status AS status, p.budgetFen AS budgetFen, p.method AS method, types, b.name AS buyer, r.name AS region, up.name AS prefecture`,
    );
    assert.equal(found.length, 1);
    const p = found[0];
    assert.deepEqual((p.types as string[]).sort(), ['award', 'correction', 'tender']);
    assert.equal(p.name, '洛浦县公共安全视频监控建设项目');
    assert.equal(p.status, 'awarded');
    assert.equal(Number(p.budgetFen), 1_250_000_000);
    assert.equal(p.method, '公开招标');
    assert.equal(p.buyer, '洛浦县公安局');
    assert.equal(p.region, '洛浦县');
    assert.equal(p.prefecture, '和田地区');
  });

  it('records candidates without making winners', async () => {
    const found = await rows(
      driver,
      `MATCH (p:Project {code: 'HTX-2019-007'})-[r:HAS_CANDIDATE]->(c:Company)
       OPTIONAL MATCH (p)-[:HAS_AWARD]->(a:Award)
       RETURN c.name AS name, r.rank AS rank, toString(r.bidAmountFen) AS bidFen, count(a) AS awards ORDER BY rank`,
    );
    assert.deepEqual(found, [
      { name: '新疆示例建设集团有限公司', rank: 1, bidFen: '1562350000', awards: 0 },
      { name: '和田示例建筑安装有限责任公司', rank: 2, bidFen: '1580000000', awards: 0 },
    ]);
    const [winners] = await rows(driver, `MATCH (:Project {code: 'HTX-2019-007'})-[:HAS_AWARD]->()-[w:AWARDED_TO]->() RETURN count(w) AS n`);
    assert.equal(winners.n, 0);
  });

  it('marks a terminated project failed and names no winner', async () => {
    const [p] = await rows(
      driver,
      `MATCH (p:Project {code: 'PSYY-2020-011'}) OPTIONAL MATCH (p)-[:HAS_AWARD]->(a)-[w:AWARDED_TO]->() RETURN p.status AS status, count(w) AS winners`,
    );
    assert.deepEqual(p, { status: 'failed', winners: 0 });
    const refunded = await rows(driver, `MATCH (c:Company {name: '新疆示例医疗设备有限公司'}) RETURN c`);
    assert.equal(refunded.length, 0);
  });

  it('gives every Award and AWARDED_TO the document sha256 and the snippet that states it', async () => {
    const links = await rows(
      driver,
      `MATCH (a:Award)-[r:AWARDED_TO]->(c:Company)
       MATCH (d:Document {sha256: r.sha256})
       RETURN a.sha256 = r.sha256 AS sameDoc, a.snippet AS awardSnippet, r.snippet AS snippet, c.name AS name, d.path AS path`,
    );
    assert.equal(links.length, 5);
    for (const l of links) {
      assert.equal(l.sameDoc, true);
      assert.equal(typeof l.snippet, 'string');
      assert.equal(typeof l.awardSnippet, 'string');
      const text = fs.readFileSync(l.path as string, 'utf8');
      assert.ok(text.replace(/\s+/g, '').includes((l.snippet as string).replace(/\s+/g, '').slice(0, 8)), `${l.snippet} is in ${l.path}`);
    }
  });

  it('keeps each document\'s evidence on one SUPPORTED_BY per award or project: aligned arrays, each text the archived original\'s slice', async () => {
    const found = await supports(driver);
    assert.deepEqual(await evidenceProblems(driver, home), []);
    // Every notice gives evidence, and every one of them names a project.
    const docs = await rows(driver, `MATCH (d:Document) WHERE d.noticeType <> 'ownership' RETURN d.sha256 AS sha256`);
    assert.deepEqual(new Set(found.map((r) => r.sha256)), new Set(docs.map((d) => d.sha256)));
    assert.equal(found.some((r) => r.subject === null), false);
    // One relationship per subject and document, never two.
    assert.equal(new Set(found.map((r) => `${r.subject}|${r.sha256}`)).size, found.length);
    const [lpx] = await rows(
      driver,
      `MATCH (:Project {code: 'LPX-2017-009'})-[:HAS_AWARD]->(a:Award)-[r:SUPPORTED_BY]->(d:Document)
       RETURN count(r) AS links, collect(d.noticeType) AS types, any(f IN head(collect(r.fields)) WHERE f STARTS WITH 'awards[0].') AS awardFields`,
    );
    assert.deepEqual(lpx, { links: 1, types: ['award'], awardFields: true });
    const [old] = await rows(driver, 'MATCH (e:Evidence) RETURN count(e) AS n');
    assert.equal(old.n, 0);
  });

  it('puts manifest URLs and the document facts on Document nodes', async () => {
    const docs = await rows(driver, 'MATCH (d:Document) RETURN d {.*} AS d ORDER BY d.path');
    assert.equal(docs.length, 9);
    const tender = docs.map((r) => r.d as Record<string, unknown>).find((d) => (d.path as string).endsWith('01-tender.html'))!;
    assert.equal(tender.url, 'http://www.ccgp.gov.cn/cggg/t0_01-tender.html');
    assert.equal(tender.retrievedAt, '2021-01-01T08:00:00Z');
    assert.equal(tender.title, '洛浦县公共安全视频监控建设项目招标公告');
    assert.equal(tender.publishedAt, '2017-03-02');
    assert.equal(tender.mediaType, 'text/html');
    assert.equal(tender.noticeType, 'tender');
    assert.equal(tender.sha256, sha256File(path.join(NOTICES, '01-tender.html')));
    const csv = docs.map((r) => r.d as Record<string, unknown>).find((d) => (d.path as string).endsWith('.csv'))!;
    assert.equal(csv.mediaType, 'text/csv');
    assert.equal(csv.noticeType, 'ownership');
    assert.equal(csv.url, 'http://www.ccgp.gov.cn/cggg/t8_09-ownership.csv');
  });

  it('archives every loaded original under its sha256, and nothing it could not read', async () => {
    for (const f of fs.readdirSync(NOTICES)) {
      const file = path.join(NOTICES, f);
      const sha = sha256File(file);
      const archived = await readArchived(home, sha);
      assert.ok(archived, `${f} is archived`);
      assert.deepEqual(archived.bytes, fs.readFileSync(file));
      assert.equal(archived.mediaType, f.endsWith('.csv') ? 'text/csv' : 'text/html');
      assert.equal(archived.originalName, f);
    }
    assert.equal(await readArchived(home, sha256File(path.join(BAD, 'truncated.pdf'))), null);
  });

  it('changes nothing when the same set is ingested again, and says every document is unchanged', async () => {
    const before = await counts(driver);
    const again = await run();
    assert.deepEqual(await counts(driver), before);
    assert.deepEqual([again.ok, again.unchanged, again.failed], [0, 9, 2]);
    assert.equal(again.counters.nodesCreated, 0);
    assert.equal(again.counters.propertiesSet, 0);
    assert.equal(again.regionsLoaded, 0);
  });
});

describe('the bidgraph ingest command', () => {
  let home: string;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-ingest-cli-'));
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(repoRoot, 'bin/bidgraph.js'), 'ingest', ...args], { encoding: 'utf8', env: process.env, cwd: home });

  it('exits 2 and writes each failure with its reason to --report when a document fails', () => {
    const report = path.join(home, 'report.json');
    const res = cli('--report', report, '--concurrency', '1', NOTICES, BAD);
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, /failed: .*empty\.html: empty file/);
    assert.match(res.stdout, /^documents: \d+ ok, \d+ unchanged, 2 failed \(of 11\)$/m);
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    assert.deepEqual(
      json.failures.map((f: { path: string; reason: string }) => [path.basename(f.path), f.reason]).sort(),
      [['empty.html', 'empty file'], ['truncated.pdf', 'corrupt or truncated PDF (Invalid PDF structure.)']],
    );
    assert.equal(json.summary.failed, 2);
  });

  it('exits 0 when every document is loaded or unchanged, and says nothing with --quiet', () => {
    const res = cli('--quiet', NOTICES);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout, '');
  });

  it('refuses a bad --concurrency', () => {
    const res = cli('--concurrency', '0', NOTICES);
    assert.equal(res.status, 1);
    assert.match(res.stderr, /--concurrency.*expected a whole number ≥ 1/);
  });
});

describe('the loader on hand-built notices', () => {
  let driver: Driver;
  const knownRegions = new Set(allRegions().map((r) => r.code));
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
  });
  after(() => driver.close());

  it('retries a failing batch one document at a time: the refused one fails with the reason, the others load', async () => {
    const loader = new Loader(driver, { database: testConfig.neo4j.database, knownRegions });
    const good = notice('good', { awards: [award([supplier('甲示例科技有限公司')])] });
    // A map is not a storable property value: Neo4j refuses the whole statement.
    const bad = notice('bad', { project: { name: '坏项目', code: 'BAD-1', method: { nested: true } as unknown as string, contractModel: [] } });
    const alsoGood = notice('also-good', { project: { name: '另一个项目', code: 'OK-2', method: null, contractModel: [] } });
    const out = await loader.load([noticeItem(good), noticeItem(bad), noticeItem(alsoGood)]);
    assert.deepEqual(out.documents.map((d) => [d.path, d.status]), [['good.html', 'ok'], ['bad.html', 'failed'], ['also-good.html', 'ok']]);
    assert.match(out.documents[1].reason!, /^could not be written to Neo4j \(Neo\.ClientError\.Statement\.TypeError: /);
    const docs = await rows(driver, 'MATCH (d:Document) RETURN d.path AS path ORDER BY path');
    assert.deepEqual(docs.map((d) => d.path), ['also-good.html', 'good.html']);
    const [bad1] = await rows(driver, `MATCH (p:Project {code: 'BAD-1'}) RETURN count(p) AS n`);
    assert.equal(bad1.n, 0);
  });

  it('keeps the newest holding of an owner in a company, whatever order the sources come in', async () => {
    const loader = new Loader(driver, { database: testConfig.neo4j.database, knownRegions });
    const owner = party('中电海康集团有限公司', 'enterprise');
    const owned = party('杭州海康威视数字技术股份有限公司', null, '91330000733796106P');
    await loader.load([holdingsItem('report-2021', [holding('report-2021', owner, owned, 36.35, '2021-12-31')])]);
    await loader.load([holdingsItem('report-2016', [holding('report-2016', owner, owned, 39.59, '2016-12-31')])]);
    const found = await rows(driver, `MATCH (:Company {name: '中电海康集团有限公司'})-[r:OWNS]->(:Company {uscc: '91330000733796106P'}) RETURN r.share AS share, r.asOf AS asOf, r.sha256 AS sha`);
    assert.deepEqual(found, [{ share: 36.35, asOf: '2021-12-31', sha: shaOf('report-2021') }]);
  });

  it('replaces a document\'s evidence when a newer loader loads it again, without duplicates', async () => {
    const n = notice('reloaded', { evidence: [{ about: NOTICE_ITSELF, field: 'buyer.name', text: '采购人：墨玉县公安局', start: 0, end: 10 }] });
    await new Loader(driver, { database: testConfig.neo4j.database, knownRegions, loaderVersion: 'old' }).load([noticeItem(n)]);
    const changed = { ...n, evidence: [{ about: NOTICE_ITSELF, field: 'buyer.name', text: '采购单位：墨玉县公安局', start: 2, end: 13 }] };
    await new Loader(driver, { database: testConfig.neo4j.database, knownRegions, loaderVersion: 'new' }).load([noticeItem(changed)]);
    const ev = await rows(
      driver,
      `MATCH (s)-[r:SUPPORTED_BY]->(d:Document {sha256: $sha}) RETURN labels(s) AS labels, r.fields AS fields, r.texts AS texts, r.starts AS starts, d.loaderVersion AS version`,
      { sha: shaOf('reloaded') },
    );
    assert.deepEqual(ev, [{ labels: ['Project'], fields: ['buyer.name'], texts: ['采购单位：墨玉县公安局'], starts: [2], version: 'new' }]);
  });

  it('marks the award rollups stale in the transaction that changes an award, and leaves them alone otherwise', async () => {
    const loader = new Loader(driver, { database: testConfig.neo4j.database, knownRegions });
    await loader.load([noticeItem(notice('rollup-a', { awards: [award([supplier('乙示例科技有限公司')])] }))]);
    await refreshAwardRollups(driver, testConfig.neo4j.database);
    assert.equal(await rollupsFresh(driver, testConfig.neo4j.database), true);
    const tender = notice('rollup-tender', { noticeType: 'tender', project: { name: '无结果项目', code: 'NR-1', method: null, contractModel: [] } });
    await loader.load([noticeItem(tender)]);
    assert.equal(await rollupsFresh(driver, testConfig.neo4j.database), true, 'a notice without awards changes no rollup');
    await loader.load([noticeItem(notice('rollup-b', { project: { name: '另一个结果项目', code: 'RB-1', method: null, contractModel: [] }, awards: [award([supplier('乙示例科技有限公司')])] }))]);
    const [state] = await rows(driver, "MATCH (r:RollupState {name: 'awards'}) RETURN r.stale AS stale");
    assert.deepEqual(state, { stale: true });
    assert.equal(await rollupsFresh(driver, testConfig.neo4j.database), false);
  });

  it('keeps the evidence of a notice without a project on its Document, and replaces it on reload', async () => {
    const page = (evidence: Evidence[]) =>
      noticeItem(notice('maintenance', { noticeType: 'other', project: { name: null, code: null, method: null, contractModel: [] }, buyer: null, evidence }));
    const loader = (loaderVersion: string) => new Loader(driver, { database: testConfig.neo4j.database, knownRegions, loaderVersion });
    await loader('old').load([page([{ about: NOTICE_ITSELF, field: 'title', text: '关于系统维护的通知', start: 0, end: 9 }, { about: NOTICE_ITSELF, field: 'publishedAt', text: '2021-03-01', start: 25, end: 35 }])]);
    const read = () =>
      rows(driver, `MATCH (d:Document {sha256: $sha}) OPTIONAL MATCH (d)<-[r:SUPPORTED_BY]-() RETURN d.evidenceFields AS fields, d.evidenceTexts AS texts, d.evidenceStarts AS starts, d.evidenceEnds AS ends, count(r) AS links`, {
        sha: shaOf('maintenance'),
      });
    assert.deepEqual(await read(), [{ fields: ['publishedAt', 'title'], texts: ['2021-03-01', '关于系统维护的通知'], starts: [25, 0], ends: [35, 9], links: 0 }]);
    await loader('new').load([page([{ about: NOTICE_ITSELF, field: 'title', text: '系统维护的通知', start: 2, end: 9 }])]);
    assert.deepEqual(await read(), [{ fields: ['title'], texts: ['系统维护的通知'], starts: [2], ends: [9], links: 0 }]);
  });
});

describe('re-ingest over a database written by loader version 1 (Evidence nodes)', () => {
  let driver: Driver;
  let home: string;
  let pages: string;
  let fresh: SupportRow[];
  const run = () => ingest({ inputs: [NOTICES, pages], driver, home, concurrency: 2, batchSize: 3 });

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-upgrade-'));
    pages = path.join(home, 'pages');
    fs.mkdirSync(pages);
    // A page that names no project: its evidence supports nothing but the document.
    fs.writeFileSync(
      path.join(pages, 'maintenance.html'),
      '<html><head><meta charset="utf-8"><title>关于系统维护的通知</title></head><body><h1>关于系统维护的通知</h1><p>发布时间：2021-03-01</p><p>本网站将于周六维护，请各供应商知悉。</p></body></html>',
    );
    await run();
    fresh = await supports(driver);
    // Turn the graph into what loader version 1 wrote: an Evidence node per snippet, QUOTES its document,
    // SUPPORTED_BY from its award or project (none for a document without a project).
    await rows(
      driver,
      `MATCH (s)-[r:SUPPORTED_BY]->(d:Document)
       UNWIND range(0, size(r.fields) - 1) AS i
       CREATE (s)-[:SUPPORTED_BY]->(e:Evidence {id: 'e:' + d.sha256 + ':' + r.fields[i], field: r.fields[i], text: r.texts[i], start: r.starts[i], end: r.ends[i], sha256: d.sha256})-[:QUOTES]->(d)
       WITH DISTINCT r
       DELETE r`,
    );
    await rows(
      driver,
      `MATCH (d:Document) WHERE d.evidenceFields IS NOT NULL
       UNWIND range(0, size(d.evidenceFields) - 1) AS i
       CREATE (:Evidence {id: 'e:' + d.sha256 + ':' + d.evidenceFields[i], field: d.evidenceFields[i], text: d.evidenceTexts[i], start: d.evidenceStarts[i], end: d.evidenceEnds[i], sha256: d.sha256})-[:QUOTES]->(d)
       WITH DISTINCT d
       REMOVE d.evidenceFields, d.evidenceTexts, d.evidenceStarts, d.evidenceEnds`,
    );
    await rows(driver, `MATCH (d:Document) SET d.loaderVersion = '1'`);
  });

  after(async () => {
    await driver.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('starts from the old model, a document without a project included', async () => {
    const [old] = await rows(
      driver,
      `MATCH (e:Evidence)-[:QUOTES]->(d:Document)
       RETURN count(e) AS evidence, count(DISTINCT d) AS documents, sum(CASE WHEN (e)<-[:SUPPORTED_BY]-() THEN 0 ELSE 1 END) AS unsupported`,
    );
    assert.equal(old.evidence, fresh.reduce((n, r) => n + r.fields.length, 0));
    assert.equal(old.documents, 9);
    assert.equal(old.unsupported, 2);
    assert.deepEqual(await supports(driver), []);
  });

  it('reloads every document and ends with the new relationships and no Evidence node', async () => {
    const again = await run();
    assert.deepEqual([again.ok, again.unchanged, again.failed], [10, 0, 0]);
    const [left] = await rows(driver, 'RETURN COUNT { (:Evidence) } AS evidence, COUNT { ()-[:QUOTES]->() } AS quotes');
    assert.deepEqual(left, { evidence: 0, quotes: 0 });
    assert.deepEqual(await supports(driver), fresh);
    assert.deepEqual(await evidenceProblems(driver, home), []);
    const versions = await rows(driver, 'MATCH (d:Document) RETURN collect(DISTINCT d.loaderVersion) AS v');
    assert.deepEqual(versions, [{ v: [LOADER_VERSION] }]);
  });
});
