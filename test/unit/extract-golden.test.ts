// Golden cases: each folder under test/golden holds a document (input.html or input.txt) and the Notice
// the extractor must produce from it (expected.json, written by hand; source.path is left out because
// it depends on where the repository sits). Evidence is compared as a set, ordered by field and offset.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../src/config.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import { evidencePath, type Evidence, type Notice } from '../../ingest/extract/notice.ts';
import { readFile } from '../../ingest/read/index.ts';

const goldenDir = path.join(repoRoot, 'test', 'golden');

// The extractor's version is left out too: it changes with every extractor fix, the golden answers do not.
type Comparable = Omit<Notice, 'source' | 'extractorVersion'> & { source: Omit<Notice['source'], 'path'> };

function normalise(notice: Notice | Comparable): Comparable {
  const { path: _path, ...source } = notice.source as Notice['source'];
  const { extractorVersion: _version, ...rest } = notice as Notice;
  void _path;
  void _version;
  const evidence = [...notice.evidence].sort((a: Evidence, b: Evidence) => evidencePath(a).localeCompare(evidencePath(b)) || a.start - b.start);
  return { ...rest, source, evidence };
}

/** Every JSON path where the two values differ, with both sides: easier to read than a full dump. */
function differences(expected: unknown, actual: unknown, at = ''): string[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
  const bothObjects = expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object'
    && Array.isArray(expected) === Array.isArray(actual);
  if (!bothObjects) return [`${at || '(root)'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  const keys = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
  const out: string[] = [];
  for (const key of keys) {
    const next = Array.isArray(expected) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
    out.push(...differences((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], next));
  }
  return out;
}

const cases = fs.readdirSync(goldenDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

test('golden folder holds the cases', () => {
  assert.ok(cases.length >= 20, `only ${cases.length} golden cases`);
});

for (const name of cases) {
  test(`golden: ${name}`, async () => {
    const dir = path.join(goldenDir, name);
    const input = fs.readdirSync(dir).find((f) => f.startsWith('input.'));
    assert.ok(input, `${name}: no input file`);
    const doc = await readFile(path.join(dir, input));
    const actual = normalise(extractNotice(doc));
    const expected = normalise(JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Comparable);
    for (const e of actual.evidence) assert.equal(doc.text.slice(e.start, e.end), e.text, `${name}: evidence ${evidencePath(e)}`);
    const diff = differences(expected, actual);
    assert.deepEqual(actual, expected, `${name} differs from expected.json:\n  ${diff.join('\n  ')}`);
  });
}
