// The script that rebuilds the gathered evaluation corpus from git mirrors: each cut it knows gives back the exact
// bytes, a wrong checksum or an unknown repository is reported by name, and the exit status says so.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../src/config.ts';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** A repository owner/name in `mirrors` holding the given files in one commit; returns the commit. */
function mirror(mirrors: string, files: Record<string, string>): string {
  const dir = path.join(mirrors, 'owner+name');
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  execFileSync('git', ['init', '-q', dir]);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'fixture');
  return git('rev-parse', 'HEAD');
}

function rebuild(mirrors: string, into: string, entries: object[]) {
  const manifest = path.join(mirrors, 'manifest.jsonl');
  writeFileSync(manifest, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/eval/rebuild-gathered.ts'),
    '--mirrors', mirrors, '--into', into, '--manifest', manifest], { cwd: repoRoot, encoding: 'utf8' });
}

test('whole files, JSON-lines fields and decoded string literals come back byte for byte', () => {
  const mirrors = mkdtempSync(path.join(tmpdir(), 'mirrors-'));
  const into = mkdtempSync(path.join(tmpdir(), 'gathered-'));
  const page = '<p>某某项目中标公告</p>\n';
  const feed = '[\n{"url": "u", "text": "中标人：甲公司"},\n]\n';
  const code = "content = '采购人：某某局\\n中标人：乙公司\\u3000'\n";
  const commit = mirror(mirrors, { 'page.html': page, 'feed.json': feed, 'sample.py': code });
  const from = Buffer.from("content = '").length;
  const to = Buffer.byteLength(code) - Buffer.from("'\n").length;
  const literal = '采购人：某某局\n中标人：乙公司\u3000';
  const result = rebuild(mirrors, into, [
    { file: 'a.html', repo: 'owner/name', commit, path: 'page.html', cut: { kind: 'whole' }, sha256: sha(page) },
    { file: 'b.txt', repo: 'owner/name', commit, path: 'feed.json', cut: { kind: 'json-line', line: 2, key: 'text' }, sha256: sha('中标人：甲公司') },
    { file: 'c.txt', repo: 'owner/name', commit, path: 'sample.py', cut: { kind: 'span', from, to, decode: 'python' }, sha256: sha(literal) },
  ]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /3 written, 0 mismatched, 0 missing/);
  assert.equal(readFileSync(path.join(into, 'a.html'), 'utf8'), page);
  assert.equal(readFileSync(path.join(into, 'b.txt'), 'utf8'), '中标人：甲公司');
  assert.equal(readFileSync(path.join(into, 'c.txt'), 'utf8'), literal);
});

test('a changed file, an absent mirror and an unknown repository are each named, and the run fails', () => {
  const mirrors = mkdtempSync(path.join(tmpdir(), 'mirrors-'));
  const into = mkdtempSync(path.join(tmpdir(), 'gathered-'));
  const commit = mirror(mirrors, { 'page.html': '<p>改过的页面</p>\n' });
  const result = rebuild(mirrors, into, [
    { file: 'a.html', repo: 'owner/name', commit, path: 'page.html', cut: { kind: 'whole' }, sha256: sha('<p>原来的页面</p>\n') },
    { file: 'b.html', repo: 'other/repo', commit, path: 'page.html', cut: { kind: 'whole' }, sha256: sha('x') },
    { file: 'c.txt', repo: null, commit: null, path: null, cut: { kind: 'unknown-repository' }, sha256: sha('y') },
  ]);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^mismatch a\.html: sha256 /m);
  assert.match(result.stdout, /^missing b\.html: repository other\/repo not in .* \(https:\/\/github\.com\/other\/repo\)$/m);
  assert.match(result.stdout, /^missing c\.txt: its repository is not known/m);
  assert.match(result.stdout, /0 written, 1 mismatched, 2 missing/);
});
