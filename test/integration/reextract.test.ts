// After an extractor upgrade, documents read by the older version are read again from the archive: the
// changed facts are updated, a false winner the old reading stored is taken back, and a second run, or a
// run with the same version, changes nothing. Also `ingest --notices`: Notices extracted elsewhere.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { archivePath } from '../../src/archive.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import type { Notice } from '../../ingest/extract/notice.ts';
import { EXTRACTOR_VERSION } from '../../ingest/extract/version.ts';
import type { IngestOptions, IngestSummary } from '../../ingest/pipeline.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { readFile } from '../../ingest/read/index.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

const FIXTURE = path.join(repoRoot, 'test/fixtures/ingest/notices/02-award-traditional.html');
const HIKVISION = '杭州海康威视数字技术股份有限公司';
const FALSE_WINNER = '洛浦示例工程有限公司';

let driver: Driver;
let home: string;
let work: string;

async function rows(query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const res = await driver.executeQuery(query, params, { database: testConfig.neo4j.database });
  return res.records.map((r) => r.toObject());
}

async function graphShape(): Promise<{ nodes: number; relationships: number }> {
  const [n] = await rows('MATCH (n) RETURN count(n) AS c');
  const [r] = await rows('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: Number(n.c), relationships: Number(r.c) };
}

/** Who won what, per project code: the facts a wrong reading would get wrong. */
async function awards(): Promise<{ code: string; name: string; winner: string; fen: number | null }[]> {
  const found = await rows(
    `MATCH (p:Project)-[:HAS_AWARD]->(a:Award)-[:AWARDED_TO]->(c:Company)
     RETURN p.code AS code, p.name AS name, c.name AS winner, a.amountFen AS fen ORDER BY code, winner`,
  );
  return found.map((r) => ({ code: r.code as string, name: r.name as string, winner: r.winner as string, fen: r.fen === null ? null : Number(r.fen) }));
}

function run(extra: Partial<IngestOptions>): Promise<IngestSummary> {
  return ingest({ inputs: [], driver, database: testConfig.neo4j.database, home, concurrency: 1, ...extra });
}

/** The notice as an older, wrong extractor would have written it: another code, a false winner, another amount. */
function olderReading(n: Notice): Notice {
  const [first] = n.awards;
  return {
    ...n,
    extractorVersion: 'older',
    project: { ...n.project, code: 'LPX-2017-OLD', name: '洛浦县视频监控' },
    awards: [{ ...first, value: { fen: 99_900, currency: 'CNY' }, suppliers: [{ ...first.suppliers[0], name: FALSE_WINNER, rawName: FALSE_WINNER, uscc: null }] }],
    evidence: [],
  };
}

describe('re-extraction after an extractor upgrade', () => {
  let fixture: string;
  let current: Notice;

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-reextract-home-'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-reextract-'));
    fixture = path.join(work, 'lpx.html');
    fs.copyFileSync(FIXTURE, fixture);
    current = extractNotice(await readFile(fixture));
  });

  after(async () => {
    await driver.close();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('loads what an older extractor wrote, archiving the original found at its recorded path', async () => {
    const lines = path.join(work, 'older.jsonl');
    fs.writeFileSync(lines, JSON.stringify(olderReading(current)) + '\n');
    const s = await run({ notices: [lines], reextract: 'off' });
    assert.equal(s.ok, 1);
    assert.equal(s.failed, 0);
    assert.ok(fs.existsSync(archivePath(home, current.source.sha256)), 'original archived');
    assert.deepEqual(await awards(), [{ code: 'LPX-2017-OLD', name: '洛浦县视频监控', winner: FALSE_WINNER, fen: 99_900 }]);
    const [doc] = await rows('MATCH (d:Document) RETURN d.extractorVersion AS v, d.path AS path');
    assert.deepEqual(doc, { v: 'older', path: fixture });
  });

  it('reads it again from the archive: the fields are updated and the false winner and the old project are gone', async () => {
    const s = await run({});
    assert.equal(s.reextracted, 1);
    assert.equal(s.reextractedChanged, 1);
    assert.equal(s.failed, 0);
    assert.deepEqual(await awards(), [{ code: 'LPX-2017-009', name: '洛浦县公共安全视频监控建设项目', winner: HIKVISION, fen: 1_150_000_000 }]);
    assert.deepEqual(await rows(`MATCH (p:Project {code: 'LPX-2017-OLD'}) RETURN p.id AS id`), []);
    assert.deepEqual(await rows(`MATCH (:Award)-[r:AWARDED_TO]->(:Company {name: $name}) RETURN r`, { name: FALSE_WINNER }), []);
    const [doc] = await rows('MATCH (d:Document) RETURN d.extractorVersion AS v, d.path AS path');
    assert.deepEqual(doc, { v: EXTRACTOR_VERSION, path: fixture }, 'the recorded path stays; the archive copy is not its name');
  });

  it('changes nothing on a second run, nor when the same file is given again', async () => {
    const before = await graphShape();
    const again = await run({});
    assert.equal(again.reextracted, 0);
    assert.equal(again.ok, 0);
    const same = await run({ inputs: [fixture] });
    assert.equal(same.unchanged, 1);
    assert.equal(same.ok, 0);
    assert.deepEqual(await graphShape(), before);
  });

  it('--reextract reads every archived document again; the same reading changes nothing', async () => {
    const before = await graphShape();
    const s = await run({ reextract: 'force' });
    assert.equal(s.reextracted, 1);
    assert.equal(s.reextractedChanged, 0);
    assert.deepEqual(await graphShape(), before);
    assert.deepEqual(await awards(), [{ code: 'LPX-2017-009', name: '洛浦县公共安全视频监控建设项目', winner: HIKVISION, fen: 1_150_000_000 }]);
  });
});

describe('ingest --notices: Notices extracted elsewhere', () => {
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-notices-home-'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-notices-'));
  });

  after(async () => {
    await driver.close();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('loads the good lines, names the bad ones by line, and finds originals in --originals', async () => {
    const originals = path.join(work, 'originals');
    fs.mkdirSync(originals);
    fs.copyFileSync(FIXTURE, path.join(originals, 'lpx.html'));
    const n = extractNotice(await readFile(path.join(originals, 'lpx.html')));
    // As another machine wrote it: its path does not resolve here.
    const moved: Notice = { ...n, source: { ...n.source, path: '/elsewhere/crawl/lpx.html' } };
    const lines = path.join(work, 'notices.jsonl');
    fs.writeFileSync(lines, [JSON.stringify(moved), '{"noticeType": "award"', '{}', ''].join('\n'));
    const s = await run({ notices: [lines], originals, reextract: 'off' });
    assert.equal(s.ok, 1);
    assert.deepEqual(
      s.documents.filter((d) => d.status === 'failed').map((d) => `${path.basename(d.path)}: ${d.reason}`),
      ['notices.jsonl line 2: not JSON', 'notices.jsonl line 3: no source.sha256 (a Notice from `bidgraph extract --json` has one)'],
    );
    assert.ok(fs.existsSync(archivePath(home, n.source.sha256)), 'original archived from --originals');
    assert.deepEqual((await awards()).map((a) => a.winner), [HIKVISION]);
    const again = await run({ notices: [lines], originals, reextract: 'off' });
    assert.equal(again.unchanged, 1);
    assert.equal(again.ok, 0);
  });

  it('loads a notice whose original cannot be found, and says it was not archived', async () => {
    const n = extractNotice(await readFile(FIXTURE));
    const other: Notice = { ...n, source: { ...n.source, path: '/nowhere/x.html', sha256: 'f'.repeat(64) } };
    const lines = path.join(work, 'lost.jsonl');
    fs.writeFileSync(lines, JSON.stringify(other) + '\n');
    const s = await run({ notices: [lines], reextract: 'off' });
    assert.equal(s.ok, 1);
    const [report] = s.documents;
    assert.ok(report.warnings.includes('original not found (/nowhere/x.html); not archived'), report.warnings.join('; '));
  });
});
