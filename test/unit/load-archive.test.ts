// The content-addressed archive and the manifest reader.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { archiveDocument, archivePath, readArchived } from '../../src/archive.ts';
import { parseManifest } from '../../ingest/pipeline.ts';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-archive-'));
after(() => fs.rmSync(home, { recursive: true, force: true }));

describe('the archive', () => {
  const bytes = Buffer.from('<p>中标公告</p>', 'utf8');
  const sha = createHash('sha256').update(bytes).digest('hex');

  it('stores bytes under <home>/archive/<first two hex>/<sha256> with a sidecar, once', async () => {
    const first = await archiveDocument(home, bytes, { sha256: sha, mediaType: 'text/html', originalName: 'a.html' });
    assert.deepEqual(first, { sha256: sha, path: path.join(home, 'archive', sha.slice(0, 2), sha), created: true });
    assert.equal(archivePath(home, sha), first.path);
    const again = await archiveDocument(home, bytes, { sha256: sha, mediaType: 'text/html', originalName: 'b.html' });
    assert.equal(again.created, false);
    assert.deepEqual(JSON.parse(fs.readFileSync(`${first.path}.json`, 'utf8')), { sha256: sha, mediaType: 'text/html', originalName: 'a.html', size: bytes.length });
    assert.deepEqual(fs.readdirSync(path.dirname(first.path)).sort(), [sha, `${sha}.json`]);
  });

  it('reads back the bytes and media type, or null for an unknown or malformed hash', async () => {
    const got = await readArchived(home, sha);
    assert.deepEqual(got, { bytes, mediaType: 'text/html', originalName: 'a.html' });
    assert.equal(await readArchived(home, 'f'.repeat(64)), null);
    assert.equal(await readArchived(home, '../../etc/passwd'), null);
    assert.throws(() => archivePath(home, 'ABC'), /not a sha256/);
  });
});

describe('the manifest', () => {
  it('resolves paths against the manifest folder and reports bad lines', () => {
    const text = [
      JSON.stringify({ path: 'notices/a.html', url: 'http://www.ccgp.gov.cn/a.htm', retrievedAt: '2021-01-01T00:00:00Z' }),
      '',
      'not json',
      JSON.stringify({ url: 'http://x' }),
      JSON.stringify({ path: '/abs/b.html', url: '' }),
    ].join('\n');
    const { entries, problems } = parseManifest(text, '/data/crawl');
    assert.deepEqual([...entries], [
      ['/data/crawl/notices/a.html', { url: 'http://www.ccgp.gov.cn/a.htm', retrievedAt: '2021-01-01T00:00:00Z' }],
      ['/abs/b.html', { url: null, retrievedAt: null }],
    ]);
    assert.deepEqual(problems, [{ line: 3, reason: 'not JSON' }, { line: 4, reason: 'no "path"' }]);
  });
});
