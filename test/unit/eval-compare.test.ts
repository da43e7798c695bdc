// The evaluation harness's counting rules (test/eval/README.md), on a label and a notice built here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Notice } from '../../ingest/extract/notice.ts';
import { compareNotice, lotKey, normalise } from '../eval/compare.ts';
import { parseLabel } from '../eval/labels.ts';

const label = parseLabel('x.json', JSON.stringify({
  document: 'shared:real/x.html', site: 'example', url: null, noticeType: 'award', title: null,
  publishedAt: '2020-05-01', decisionDate: null, project: { name: '某项目', code: null }, buyer: '某局', budget: 100000,
  awards: [
    { lot: '第1包', status: 'active', suppliers: [{ name: 'Ａ公司（牵头人）', role: 'lead', uscc: null }, { name: 'B公司', role: 'member', uscc: null }], amount: 99550, rate: null },
    { lot: '2', status: 'unsuccessful', suppliers: [], amount: null, rate: null },
  ],
  candidates: [], notWinners: ['某局', 'C公司'], notes: '',
}));

function notice(over: Partial<Notice>): Notice {
  return {
    source: { path: 'x', sha256: '', mediaType: 'text/html', encoding: 'utf-8' }, extractorVersion: 'test', noticeType: 'award', title: null,
    publishedAt: '2020-05-01', decisionDate: null, publicityPeriod: null, project: { name: '某项目。', code: 'ZB-1', method: null, contractModel: [] }, buyer: { name: '某局', address: null },
    agency: null, region: null, budget: { fen: 10000000, currency: 'CNY' }, awards: [], candidates: [], evidence: [], warnings: [], ...over,
  };
}

const supplier = (rawName: string, role: 'sole' | 'lead' | 'member') => ({ name: rawName.replace(/（牵头人）$/, ''), rawName, address: null, uscc: null, role });

test('normalise: width, whitespace and trailing punctuation do not count', () => {
  assert.equal(normalise(' Ａ 公司（牵头人）。'), 'A公司(牵头人)');
  assert.equal(normalise('  '), null);
});

test('lotKey: 第1包, 一标段, 第一标包 and 01 are lot 1; other labels stay as written', () => {
  assert.deepEqual(['第1包', '一标段', '01', '第十二包', '第一标包', '包二', 'A包'].map(lotKey), ['1', '1', '1', '12', '1', '2', 'A包']);
});

test('scalars: equal is TP, a wrong value is FP and FN, a value the label lacks is FP', () => {
  const r = compareNotice(label, notice({}));
  assert.deepEqual(r.counts['project.name'], { tp: 1, fp: 0, fn: 0, checks: 1 });
  assert.deepEqual(r.counts['project.code'], { tp: 0, fp: 1, fn: 0, checks: 1 });
  assert.deepEqual(r.counts.budget, { tp: 1, fp: 0, fn: 0, checks: 1 });
  assert.deepEqual(r.counts.publishedAt, { tp: 1, fp: 0, fn: 0, checks: 1 });
  assert.equal(r.decisionDateCompared, true); // the Notice contract has decisionDate
});

test('winners by name (raw or canonical), their attributes on matched pairs, false winners flagged', () => {
  const r = compareNotice(label, notice({
    awards: [
      { lot: '1', status: 'active', suppliers: [supplier('A公司（牵头人）', 'lead'), supplier('C公司', 'sole')], value: { fen: 9955001, currency: 'CNY' }, rate: null },
      { lot: '2', status: 'active', suppliers: [supplier('序号', 'sole')], value: null, rate: null },
    ],
  }));
  assert.deepEqual(r.counts.winners, { tp: 1, fp: 2, fn: 1, checks: 4 });
  assert.deepEqual(r.counts['winner role'], { tp: 1, fp: 0, fn: 0, checks: 1 });
  assert.deepEqual(r.counts['award amount'], { tp: 0, fp: 1, fn: 1, checks: 1 });
  assert.deepEqual(r.falseWinners, [{ name: 'C公司', lot: '1', listedAsNotWinner: true }, { name: '序号', lot: '2', listedAsNotWinner: false }]);
  assert.deepEqual(r.counts['failed lots'], { tp: 0, fp: 0, fn: 1, checks: 1 });
  assert.deepEqual(r.counts.lots, { tp: 2, fp: 0, fn: 0, checks: 2 });
  assert.deepEqual(r.disagreements.find((d) => d.field === 'award amount'), { field: 'award amount', about: 'Ａ公司（牵头人）', expected: '99550.00', got: '99550.01' });
});

test('every extracted winner of a notice labelled candidate is a false winner', () => {
  const candidate = { ...label, noticeType: 'candidate' as const, awards: [] };
  const r = compareNotice(candidate, notice({ awards: [{ lot: null, status: 'active', suppliers: [supplier('B公司', 'sole')], value: null, rate: null }] }));
  assert.deepEqual(r.falseWinners, [{ name: 'B公司', lot: null, listedAsNotWinner: false }]);
});

test('an unreadable document counts every labelled value as missed', () => {
  const r = compareNotice(label, null);
  assert.deepEqual(r.counts.winners, { tp: 0, fp: 0, fn: 2, checks: 2 });
  assert.deepEqual(r.counts.noticeType, { tp: 0, fp: 0, fn: 1, checks: 1 });
});

test('a malformed label names its file and the field', () => {
  assert.throws(() => parseLabel('bad.json', '{"document":"x","site":"s","noticeType":"award","project":null,"awards":[{"status":"won","suppliers":[]}]}'),
    /bad\.json: awards\[0\]\.status must be active or unsuccessful/);
  assert.throws(() => parseLabel('bad.json', '{'), /bad\.json: not valid JSON/);
});
