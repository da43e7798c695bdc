// Parse workers: TypeScript runs inside worker processes, results come back per document, and a
// document the readers refuse comes back as a failure with the reader's reason.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../src/config.ts';
import type { WorkerReply } from '../../ingest/workers/pool.ts';
import { ParsePool } from '../../ingest/workers/pool.ts';
import { sha256Hex } from '../../ingest/read/reader.ts';

const DIR = path.join(repoRoot, 'test/fixtures/ingest');

function runPool(tasks: { path: string; bytes: boolean }[]): Promise<WorkerReply[]> {
  return new Promise((resolve) => {
    const replies: WorkerReply[] = [];
    const pool = new ParsePool(2, {}, (reply) => {
      replies.push(reply);
      if (replies.length === tasks.length) void pool.close().then(() => resolve(replies.sort((a, b) => a.seq - b.seq)));
    });
    tasks.forEach((t, seq) => {
      const bytes = t.bytes ? fs.readFileSync(t.path) : null;
      pool.submit({ seq, path: t.path, bytes: bytes ? new Uint8Array(bytes) : null, sha256: bytes ? sha256Hex(bytes) : null });
    });
  });
}

describe('the parse worker pool', () => {
  it('reads and extracts notices and ownership sources in worker processes', async () => {
    const replies = await runPool([
      { path: path.join(DIR, 'notices/02-award-traditional.html'), bytes: true },
      { path: path.join(DIR, 'notices/09-ownership.csv'), bytes: true },
      { path: path.join(DIR, 'notices/06-candidate.html'), bytes: false },
    ]);
    assert.deepEqual(replies.map((r) => r.seq), [0, 1, 2]);
    const [award, csv, candidate] = replies.map((r) => r.outcome);
    assert.ok(award.ok && award.parsed.kind === 'notice');
    assert.equal(award.parsed.notice.noticeType, 'award');
    assert.equal(award.parsed.notice.awards[0].suppliers[0].name, '杭州海康威视数字技术股份有限公司');
    assert.ok(csv.ok && csv.parsed.kind === 'holdings');
    assert.equal(csv.parsed.source, 'csv');
    assert.equal(csv.parsed.mediaType, 'text/csv');
    assert.equal(csv.parsed.holdings.length, 2);
    assert.ok(candidate.ok && candidate.parsed.kind === 'notice');
    assert.equal(candidate.parsed.notice.noticeType, 'candidate');
  });

  it('returns what the readers refuse as a failure with their reason', async () => {
    const [empty, pdf] = await runPool([
      { path: path.join(DIR, 'bad/empty.html'), bytes: false },
      { path: path.join(DIR, 'bad/truncated.pdf'), bytes: true },
    ]);
    assert.deepEqual(empty.outcome, { ok: false, reason: 'empty file' });
    assert.deepEqual(pdf.outcome, { ok: false, reason: 'corrupt or truncated PDF (Invalid PDF structure.)' });
  });
});
