// Partly bad input keeps its good parts and names the bad ones: folders that cannot be read,
// links, FIFOs, BODS with a broken line or cut off, CSV rows that contradict each other, garbled
// names, and file names that would forge lines of the error stream.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { listInputs } from '../../ingest/inputs.ts';
import { parseBods } from '../../ingest/ownership/bods.ts';
import { parseOwnershipCsv } from '../../ingest/ownership/csv.ts';
import type { ReadDocument } from '../../ingest/read/index.ts';
import { oneLine } from '../../bin/output.ts';
import { garbledName } from '../../src/domain/names.ts';
import { repoRoot } from '../../src/config.ts';

const OWNERSHIP = path.join(repoRoot, 'test/fixtures/ownership');

function textDoc(p: string, text: string): ReadDocument {
  return { path: p, sha256: '0'.repeat(64), mediaType: 'text/plain', encoding: 'utf-8', html: null, text, pages: null, warnings: [] };
}

describe('walking folders', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-walk-'));
    for (const f of ['a/1.html', 'b/2.html', 'c/3.html']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '<p>x</p>');
    }
    fs.symlinkSync(path.join(dir, 'c'), path.join(dir, 'b', 'to-c'));
    fs.symlinkSync(dir, path.join(dir, 'c', 'to-top'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'a', 'to-etc'));
    spawnSync('mkfifo', [path.join(dir, 'a', 'fifo')]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports a folder it cannot read and goes on with the rest', () => {
    const real = fs.readdirSync;
    const denied = path.join(dir, 'b');
    const spy = mock.method(fs, 'readdirSync', (p: fs.PathLike, o: never) => {
      if (String(p) === denied) throw Object.assign(new Error(`EACCES: permission denied, scandir '${denied}'`), { code: 'EACCES' });
      return real(p, o);
    });
    try {
      const { files, problems } = listInputs([dir]);
      assert.deepEqual(files.map((f) => path.relative(dir, f)), ['a/1.html', 'c/3.html']);
      assert.deepEqual(problems.find((p) => p.path === denied), { path: denied, reason: 'cannot read folder (EACCES); skipped' });
    } finally {
      spy.mock.restore();
    }
  });

  it('follows links inside the folders given, once per folder, and reports the others and FIFOs', () => {
    const { files, problems } = listInputs([dir]);
    assert.deepEqual(files.map((f) => path.relative(dir, f)), ['a/1.html', 'b/2.html', 'b/to-c/3.html']);
    const real = fs.realpathSync(dir);
    assert.deepEqual(
      problems.map((p) => `${path.relative(dir, p.path)}: ${p.reason}`),
      [
        'a/fifo: a FIFO; skipped',
        `a/to-etc: symbolic link to ${fs.realpathSync('/etc/hostname')}, outside the folders given; skipped (name that path to read it)`,
        `b/to-c/to-top: symbolic link to a folder already read (${real}); skipped`,
      ],
    );
  });

  it('refuses a FIFO named on the command line instead of blocking on it', () => {
    const { files, problems } = listInputs([path.join(dir, 'a', 'fifo')]);
    assert.deepEqual(files, []);
    assert.deepEqual(problems, [{ path: path.join(dir, 'a', 'fifo'), reason: 'a FIFO, not a regular file; refused (reading it could block forever)' }]);
  });
});

describe('BODS that is partly bad', () => {
  it('keeps the statements of a JSON Lines file around a broken line, and names the line', () => {
    const lines = fs.readFileSync(path.join(OWNERSHIP, 'cetc-bods-0.4.jsonl'), 'utf8').split('\n');
    const intact = parseBods(textDoc('f.jsonl', lines.join('\n')));
    lines[11] = lines[11].slice(0, 40);
    const broken = parseBods(textDoc('f.jsonl', lines.join('\n')));
    assert.equal(intact.holdings.length, 9);
    assert.equal(broken.holdings.length, 8);
    assert.deepEqual(broken.warnings, ['f.jsonl: line 12: not JSON (Unterminated string in JSON at position 40); skipped']);
  });

  it('keeps the complete statements of a cut-off JSON array, and names where it stops', () => {
    const text = fs.readFileSync(path.join(OWNERSHIP, 'cetc-bods-0.3.json'), 'utf8');
    const cut = parseBods(textDoc('f.json', text.slice(0, text.indexOf('"statementType": "ownershipOrControlStatement"', text.length / 2) + 10)));
    assert.equal(cut.holdings.length, 3);
    assert.deepEqual(cut.warnings, ['f.json: line 282: the JSON array is cut off here (a truncated file?); the complete statements before it are kept; skipped']);
  });
});

describe('CSV rows that contradict each other', () => {
  it('says which share stands when two rows give one owner and company different shares', () => {
    const csv = 'owner,owned,share,as_of,source\n甲有限公司,乙有限公司,30,2021-12-31,s\n甲有限公司,乙有限公司,40,2020-12-31,s\n甲有限公司,乙有限公司,30,2021-12-31,s\n';
    const r = parseOwnershipCsv(textDoc('o.csv', csv));
    assert.equal(r.holdings.length, 3);
    assert.deepEqual(r.warnings, [
      'o.csv: line 3: conflicting shares of 甲有限公司 in 乙有限公司: 30% as of 2021-12-31 at line 2, 40% as of 2020-12-31 at line 3; the graph keeps one holding per owner and company: 30% as of 2021-12-31 (line 2, the later as_of) stands',
      'o.csv: line 4: 甲有限公司 is listed again for 乙有限公司 with the same share (first at line 2); loaded once',
    ]);
  });
});

describe('names and lines', () => {
  it('refuses garbled names as parties', () => {
    assert.equal(garbledName('示例\ufffd科技有限公司'), 'the name holds replacement characters (bytes that could not be decoded)');
    assert.equal(garbledName('示例\ue4c6科技有限公司'), 'the name holds private-use characters (bytes outside the charset, mapped to its user-defined area)');
    assert.equal(garbledName('æ\u009d\u00adå·žæµ·åº·'), 'the name holds control characters');
    assert.equal(garbledName('Ã¤Â¸Â­ company'), 'the name holds UTF-8 read as Latin-1 (mojibake)');
    assert.equal(garbledName('杭州海康威视数字技术股份有限公司'), null);
    assert.equal(garbledName('Société Générale (China) Ltd'), null);
  });

  it('writes control characters of a file name as escapes, so a name cannot forge a line', () => {
    assert.equal(oneLine('a\nfailed: b.html\r\u001b[31m\t'), 'a\\nfailed: b.html\\r\\u001b[31m\\t');
  });
});
