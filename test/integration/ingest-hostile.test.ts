// `bidgraph ingest` on a folder of partly bad input, next to the samples: every bad part is named
// (file and line, or folder, with the reason), every good part loads, the samples load as they
// would alone, and running it again changes nothing. The hostile files are built here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import iconv from 'iconv-lite';
import { repoRoot } from '../../src/config.ts';
import { listInputs } from '../../ingest/inputs.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { nestedDivs, writeFile } from '../support/hostile.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

const CLI = path.join(repoRoot, 'bin/bidgraph.js');
const SAMPLES = path.join(repoRoot, 'samples');
const OWNERSHIP = path.join(repoRoot, 'test/fixtures/ownership');
const FORGED = 'evil\nfailed: forged.html';

async function rows(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const res = await driver.executeQuery(query, params, { database: testConfig.neo4j.database });
  return res.records.map((r) => r.toObject());
}

interface Report {
  failures: { path: string; reason: string }[];
  warnings: { path: string | null; warnings: string[] }[];
}

function garbledGbkPage(): Buffer {
  const head = '<html><head><meta charset="gbk"><title>示例县视频监控项目中标公告</title></head><body><p>项目名称：示例县视频监控项目</p><p>采购人：示例县公安局</p><p>中标供应商：';
  const tail = '</p><p>中标金额：1,200,000.00元</p></body></html>';
  return Buffer.concat([iconv.encode(head, 'gbk'), iconv.encode('示例', 'gbk'), Buffer.from([0xff, 0xff]), iconv.encode(`科技有限公司${tail}`, 'gbk')]);
}

describe('ingest of partly bad input', () => {
  let driver: Driver;
  let work: string;
  let dir: string;
  let fifo: string;
  let report: string;

  before(async () => {
    driver = await testDriver();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-hostile-ingest-'));
    dir = path.join(work, 'in');
    fs.cpSync(SAMPLES, path.join(dir, 'samples'), { recursive: true });
    // JSON Lines with one broken line (the 12th: a relationship), and a BODS array cut off mid-way.
    const lines = fs.readFileSync(path.join(OWNERSHIP, 'cetc-bods-0.4.jsonl'), 'utf8').split('\n');
    lines[11] = lines[11].slice(0, 40);
    writeFile(dir, 'bods-bad-line.jsonl', lines.join('\n'));
    const array = fs.readFileSync(path.join(OWNERSHIP, 'cetc-bods-0.3.json'), 'utf8');
    writeFile(dir, 'bods-truncated.json', array.slice(0, array.indexOf('"statementType": "ownershipOrControlStatement"', array.length / 2) + 10));
    writeFile(dir, 'conflict.csv', 'owner,owned,share,as_of,source\n示例控股有限公司,示例科技有限公司,30,2021-12-31,s\n示例控股有限公司,示例科技有限公司,40,2021-12-31,s\n示例投资有限公司,示例科技有限公司,20,2021-12-31,s\n');
    writeFile(dir, 'garbled-gbk.html', garbledGbkPage());
    writeFile(dir, 'nested-divs.html', nestedDivs(10_000)); // deep enough to overflow a recursive walk
    writeFile(dir, FORGED, '');
    spawnSync('mkfifo', [path.join(dir, 'pipe-in-folder')]);
    fs.symlinkSync('nowhere', path.join(dir, 'broken-link'));
    fs.symlinkSync('.', path.join(dir, 'loop-link'));
    writeFile(work, 'outside.html', fs.readFileSync(path.join(SAMPLES, 'pishan-ppp-award.html')));
    fs.symlinkSync(path.join(work, 'outside.html'), path.join(dir, 'outside-link.html'));
    fs.symlinkSync(path.join(dir, 'samples', 'ownership'), path.join(dir, 'a-link-to-ownership'));
    fifo = path.join(work, 'named-pipe');
    spawnSync('mkfifo', [fifo]);
    report = path.join(work, 'report.json');
  });

  after(async () => {
    await driver.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const ingest = () => spawnSync(process.execPath, [CLI, 'ingest', '--concurrency', '2', '--report', report, dir, fifo], { encoding: 'utf8', timeout: 900_000 });

  it('names each bad part, loads every good one, and changes nothing when run again', async () => {
    await resetDatabase(driver);
    const alone = spawnSync(process.execPath, [CLI, 'ingest', '--quiet', SAMPLES], { encoding: 'utf8' });
    assert.equal(alone.status, 0, alone.stderr);
    const samplesAlone = await rows(driver, 'MATCH (d:Document) RETURN d.sha256 AS sha ORDER BY sha');
    const ownsAlone = await rows(driver, 'MATCH (o)-[r:OWNS]->(c) RETURN o.name AS owner, c.name AS owned, r.share AS share ORDER BY owner, owned');

    await resetDatabase(driver);
    const t0 = Date.now();
    const run = ingest();
    const ms = Date.now() - t0;
    assert.equal(run.status, 2, run.stderr);
    assert.ok(ms < 600_000, `took ${ms} ms`);
    const stderr = run.stderr.split('\n');
    // A newline in a file name is escaped: it cannot forge a line.
    assert.ok(!stderr.some((l) => l.startsWith('failed: forged.html')), run.stderr);
    const failed = stderr.filter((l) => l.startsWith('failed: ')).map((l) => l.slice('failed: '.length)).map((l) => (l.startsWith(`${dir}/`) ? l.slice(dir.length + 1) : l.startsWith(`${work}/`) ? l.slice(work.length + 1) : l));
    assert.deepEqual(failed.sort(), [
      `broken-link: broken symbolic link (ENOENT); skipped`,
      `evil\\nfailed: forged.html: empty file`,
      `loop-link: symbolic link to a folder already read (${fs.realpathSync(dir)}); skipped`,
      `named-pipe: a FIFO, not a regular file; refused (reading it could block forever)`,
      `outside-link.html: symbolic link to ${fs.realpathSync(path.join(work, 'outside.html'))}, outside the folders given; skipped (name that path to read it)`,
      `pipe-in-folder: a FIFO; skipped`,
    ].sort());
    // The samples (their ownership folder read once, through the link to it), 6 built files and an
    // empty one, and 5 refused entries.
    const samples = listInputs([SAMPLES]).files.length;
    assert.match(run.stdout, new RegExp(`^documents: ${samples + 5} ok, 0 unchanged, 6 failed \\(of ${samples + 11}\\)$`, 'm'));

    const r = JSON.parse(fs.readFileSync(report, 'utf8')) as Report;
    const warningsOf = (name: string) => r.warnings.find((w) => w.path === path.join(dir, name))?.warnings ?? [];
    assert.ok(warningsOf('bods-bad-line.jsonl').some((w) => /: line 12: not JSON \(.+\); skipped$/.test(w)), JSON.stringify(warningsOf('bods-bad-line.jsonl')));
    assert.ok(warningsOf('bods-truncated.json').some((w) => /: line \d+: the JSON array is cut off here \(a truncated file\?\); the complete statements before it are kept; skipped$/.test(w)));
    assert.ok(warningsOf('conflict.csv').some((w) => w.includes('conflicting shares of 示例控股有限公司 in 示例科技有限公司: 30% as of 2021-12-31 at line 2, 40% as of 2021-12-31 at line 3; the graph keeps one holding per owner and company: 40% as of 2021-12-31 (line 3, the later row) stands')), JSON.stringify(warningsOf('conflict.csv')));
    assert.ok(warningsOf('garbled-gbk.html').some((w) => /^"示例\ufffd+科技有限公司": the name holds replacement characters \(bytes that could not be decoded\); not loaded as a party$/.test(w)), JSON.stringify(warningsOf('garbled-gbk.html')));

    // The good parts: the samples as alone, the holdings from the good lines, the later CSV row.
    const docs = await rows(driver, 'MATCH (d:Document) RETURN d.sha256 AS sha ORDER BY sha');
    for (const d of samplesAlone) assert.ok(docs.some((x) => x.sha === d.sha), `sample ${String(d.sha)} loaded`);
    const owns = await rows(driver, 'MATCH (o)-[r:OWNS]->(c) RETURN o.name AS owner, c.name AS owned, r.share AS share ORDER BY owner, owned');
    for (const o of ownsAlone) assert.ok(owns.some((x) => x.owner === o.owner && x.owned === o.owned), `${String(o.owner)} → ${String(o.owned)}`);
    const bySource = async (name: string) => Number((await rows(driver, 'MATCH ()-[r:OWNS]->() WHERE r.sha256 = $sha RETURN count(r) AS n', { sha: sha256(path.join(dir, name)) }))[0].n);
    assert.ok((await bySource('bods-bad-line.jsonl')) > 0);
    assert.ok((await bySource('bods-truncated.json')) > 0);
    assert.deepEqual(
      await rows(driver, "MATCH (o:Company)-[r:OWNS]->(c:Company {name: '示例科技有限公司'}) RETURN o.name AS owner, r.share AS share ORDER BY owner"),
      [{ owner: '示例投资有限公司', share: 20 }, { owner: '示例控股有限公司', share: 40 }],
    );
    assert.deepEqual(await rows(driver, "MATCH (c:Company) WHERE c.name CONTAINS '\ufffd' RETURN c.name AS name"), []);
    assert.equal((await rows(driver, "MATCH (c:Company {name: '示例县公安局'}) RETURN count(c) AS n"))[0].n, 1, 'the garbled page still gives its buyer');

    const before = await dumpGraph(driver);
    const again = ingest();
    assert.equal(again.status, 2, again.stderr);
    assert.match(again.stdout, new RegExp(`^documents: 0 ok, ${samples + 5} unchanged, 6 failed \\(of ${samples + 11}\\)$`, 'm'));
    assert.deepEqual(await dumpGraph(driver), before);
  });
});

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
