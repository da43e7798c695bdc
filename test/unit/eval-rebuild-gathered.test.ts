// The script that rebuilds the gathered evaluation corpus from git mirrors: each cut it knows gives back the exact
// bytes, a wrong checksum or an unknown repository is reported by name, and the exit status says so.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import { repoRoot } from '../../src/config.ts';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** A repository owner/name in `mirrors` holding the given files in one commit; returns the commit. */
function mirror(mirrors: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(mirrors, 'owner+name');
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  execFileSync('git', ['init', '-q', dir]);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'fixture');
  return git('rev-parse', 'HEAD');
}

/** A zip archive of deflated entries, as a spreadsheet program writes an .xlsx. */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [], centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text), data = deflateRawSync(raw), nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26); // flags, method, time, date, crc, sizes
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
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

test('a zip entry read as XML, a base64 field and a JavaScript literal come back byte for byte', () => {
  const mirrors = mkdtempSync(path.join(tmpdir(), 'mirrors-'));
  const into = mkdtempSync(path.join(tmpdir(), 'gathered-'));
  const cell = '中标人：丙公司 &amp; 丁&#x3000;\r\n  第二行';
  const strings = `<sst><si><t>url</t></si><si><t xml:space="preserve">${cell}</t></si></sst>`;
  const sheet = zipOf({ '[Content_Types].xml': '<Types/>', 'xl/sharedStrings.xml': strings });
  const page = Buffer.from('<p>成交供应商：戊公司</p>', 'utf8');
  const feed = JSON.stringify({ 7: 'x', 9: page.toString('base64') });
  const code = "const samples = [\n  '甲\\n乙\\u{1F600}\\x41\\'\\q\\\n丙',\n];\n";
  const commit = mirror(mirrors, { 'output.xlsx': sheet, 'texts.json': feed, 'samples.js': code });
  const from = Buffer.byteLength(strings.slice(0, strings.indexOf(cell)));
  const jsFrom = Buffer.byteLength("const samples = [\n  '");
  const jsTo = Buffer.byteLength(code) - Buffer.byteLength("',\n];\n");
  const xml = '中标人：丙公司 & 丁\u3000\n  第二行';
  const literal = "甲\n乙\u{1F600}A'q丙";
  const result = rebuild(mirrors, into, [
    { file: 'a.txt', repo: 'owner/name', commit, path: 'output.xlsx',
      cut: { kind: 'span', zip: 'xl/sharedStrings.xml', from, to: from + Buffer.byteLength(cell), decode: 'xml' }, sha256: sha(xml) },
    { file: 'b.html', repo: 'owner/name', commit, path: 'texts.json', cut: { kind: 'span', json: ['9'], base64: true }, sha256: sha(page) },
    { file: 'c.txt', repo: 'owner/name', commit, path: 'samples.js', cut: { kind: 'span', from: jsFrom, to: jsTo, decode: 'js' }, sha256: sha(literal) },
  ]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /3 written, 0 mismatched, 0 missing/);
  assert.equal(readFileSync(path.join(into, 'a.txt'), 'utf8'), xml);
  assert.deepEqual(readFileSync(path.join(into, 'b.html')), page);
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
