// The extractor over every real notice in the shared corpus: nothing throws, every evidence span is the
// text it claims to be, and an award notice names a winner or says why it does not.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../src/config.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import type { Notice } from '../../ingest/extract/notice.ts';
import { readFile } from '../../ingest/read/index.ts';
import type { ReadDocument } from '../../ingest/read/index.ts';

const corpusDir = path.resolve(repoRoot, '../shared/corpus/real');
const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.html')).sort();

const results = new Map<string, { doc: ReadDocument; notice: Notice }>();

test('the corpus is there', () => {
  assert.equal(files.length, 55);
});

test('every corpus notice extracts without throwing', async () => {
  for (const file of files) {
    const doc = await readFile(path.join(corpusDir, file));
    let notice: Notice;
    try {
      notice = extractNotice(doc);
    } catch (error) {
      assert.fail(`${file}: extractNotice threw ${String(error)}`);
    }
    results.set(file, { doc, notice });
  }
  assert.equal(results.size, files.length);
});

test('every evidence span is a slice of the document text', () => {
  for (const [file, { doc, notice }] of results) {
    for (const e of notice.evidence) {
      assert.ok(e.start >= 0 && e.start <= e.end && e.end <= doc.text.length, `${file}: ${e.field} offsets out of range`);
      assert.equal(doc.text.slice(e.start, e.end), e.text, `${file}: evidence for ${e.field}`);
    }
  }
});

test('every extracted value has evidence', () => {
  for (const [file, { notice }] of results) {
    const fields = new Set(notice.evidence.map((e) => e.field));
    const expect = (present: boolean, field: string) => assert.ok(!present || fields.has(field), `${file}: ${field} has no evidence`);
    expect(notice.project.name !== null, 'project.name');
    expect(notice.project.code !== null, 'project.code');
    expect(notice.buyer !== null, 'buyer.name');
    expect(notice.agency !== null, 'agency.name');
    expect(notice.budget !== null, 'budget');
    notice.awards.forEach((a, i) => {
      expect(a.value !== null, `awards[${i}].value`);
      expect(a.rate !== null, `awards[${i}].rate`);
      a.suppliers.forEach((_, j) => expect(true, `awards[${i}].suppliers[${j}].name`));
    });
    notice.candidates.forEach((c, i) => {
      expect(true, `candidates[${i}].name`);
      expect(c.bid !== null, `candidates[${i}].bid`);
    });
  }
});

test('an award notice names a winner or says why not', () => {
  for (const [file, { notice }] of results) {
    if (notice.noticeType !== 'award') continue;
    const winners = notice.awards.reduce((n, a) => n + a.suppliers.length, 0);
    const explained = notice.warnings.some((w) => /no winner/.test(w));
    assert.ok(winners > 0 || explained, `${file}: award notice with no supplier and no warning saying why`);
  }
});

test('no stored name is a placeholder', () => {
  for (const [file, { notice }] of results) {
    const names = [
      ...notice.awards.flatMap((a) => a.suppliers.map((s) => s.name)),
      ...notice.candidates.map((c) => c.name),
      notice.buyer?.name, notice.agency?.name,
    ].filter((n): n is string => typeof n === 'string');
    for (const name of names) assert.doesNotMatch(name, /见公告原文|详见|^无$|^\/$/, `${file}: placeholder stored as a name`);
  }
});

test('candidate notices store no winners', () => {
  for (const [file, { notice }] of results) {
    if (notice.noticeType === 'candidate') assert.equal(notice.awards.length, 0, `${file}: candidate notice with awards`);
  }
});
