// Hostile documents against the parse budget: each fails with a named reason within the budget, in
// its own worker, and the documents around it are read as usual. The files are built here, in a
// temporary folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../src/config.ts';
import { htmlToText } from '../../ingest/read/html-text.ts';
import type { ParseBudget, WorkerReply } from '../../ingest/workers/pool.ts';
import { ParsePool } from '../../ingest/workers/pool.ts';
import { manyPagesPdf, nestedDivs, repeatedPagePdf, wideHtml, writeFile } from '../support/hostile.ts';
import { sha256Hex } from '../../ingest/read/reader.ts';

const SAMPLES = path.join(repoRoot, 'samples');

function runPool(files: string[], budget: ParseBudget): Promise<{ replies: WorkerReply[]; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const replies: WorkerReply[] = [];
    const pool = new ParsePool(2, { budget }, (reply) => {
      replies.push(reply);
      if (replies.length === files.length) void pool.close().then(() => resolve({ replies: replies.sort((a, b) => a.seq - b.seq), ms: Date.now() - t0 }));
    });
    files.forEach((file, seq) => {
      const bytes = fs.readFileSync(file);
      pool.submit({ seq, path: file, bytes: new Uint8Array(bytes), sha256: sha256Hex(bytes) });
    });
  });
}

describe('the HTML walk', () => {
  it('reads 20,000 nested <div>s without running out of stack', () => {
    assert.equal(htmlToText(nestedDivs(20_000).toString()), '中标公告\n中标人：示例科技有限公司');
  });
});

describe('the parse budget', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-hostile-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ends documents that take too long, with the reason, and reads the others', async () => {
    const files = [
      writeFile(dir, 'nested-200000.html', nestedDivs(200_000)),
      path.join(SAMPLES, 'moyu-ppp-award.html'),
      writeFile(dir, 'page-tree-100000.pdf', repeatedPagePdf(100_000)),
      writeFile(dir, 'pages-100000.pdf', manyPagesPdf(100_000)),
      path.join(SAMPLES, 'ownership/cetc-hikvision.csv'),
    ];
    const budget = { timeMs: 30_000, memoryMb: 512 };
    const { replies, ms } = await runPool(files, budget);
    const outcomes = replies.map((r) => (r.outcome.ok ? 'ok' : r.outcome.reason));
    assert.deepEqual(outcomes, ['parse took longer than 30 s', 'ok', 'parse took longer than 30 s', 'parse took longer than 30 s', 'ok']);
    const [, moyu, , , csv] = replies.map((r) => r.outcome);
    assert.ok(moyu.ok && moyu.parsed.kind === 'notice' && moyu.parsed.notice.awards[0].suppliers[0].name === '杭州海康威视数字技术股份有限公司');
    assert.ok(csv.ok && csv.parsed.kind === 'holdings' && csv.parsed.holdings.length > 0);
    // A safety net, not a measurement: three budgets on two workers, plus starting the workers again.
    assert.ok(ms < 300_000, `took ${ms} ms`);
  });

  it('ends a document that needs more memory than the budget, and reads the others', async () => {
    const files = [writeFile(dir, 'wide.html', wideHtml(1_800_000)), path.join(SAMPLES, 'pishan-ppp-award.html'), path.join(SAMPLES, 'moyu-ppp-tender.html')];
    const { replies, ms } = await runPool(files, { timeMs: 300_000, memoryMb: 128 });
    assert.deepEqual(replies.map((r) => (r.outcome.ok ? 'ok' : r.outcome.reason)), ['parse needed more than 128 MB', 'ok', 'ok']);
    assert.ok(ms < 300_000, `took ${ms} ms`);
  });
});
