import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument, readFile } from '../../ingest/read/index.ts';
import { bodsSource, parseBods, readStatements } from '../../ingest/ownership/bods.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ownership');
const fixture = (name: string): string => path.join(fixtures, name);
const HIKVISION = '杭州海康威视数字技术股份有限公司';

const CASE = [
  ['国务院国有资产监督管理委员会', '中国电子科技集团有限公司'],
  ['中国电子科技集团有限公司', '中电海康集团有限公司'],
  ['中国电子科技集团有限公司', '中电科投资控股有限公司'],
  ['中国电子科技集团有限公司', '中国电子科技集团公司第五十二研究所'],
  ['中电海康集团有限公司', HIKVISION],
  ['中电科投资控股有限公司', HIKVISION],
  ['中国电子科技集团公司第五十二研究所', HIKVISION],
  ['龚虹嘉', HIKVISION],
  ['香港中央结算有限公司', HIKVISION],
];

test('BODS 0.3 (JSON array): entity, person and ownership-or-control statements', async () => {
  const doc = await readFile(fixture('cetc-bods-0.3.json'));
  assert.equal(bodsSource.matches(doc), true);
  const { holdings, warnings } = parseBods(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(holdings.map((h) => [h.owner.name, h.owned.name]), CASE);
  assert.deepEqual(holdings.map((h) => h.share), [100, 100, 100, 100, 36.35, 2.63, 1.96, 10.4, 8]);
  const [sasac] = holdings;
  assert.equal(sasac.owner.kind, 'state');
  assert.equal(sasac.owner.nature, 'stateBody');
  assert.equal(sasac.owner.id, '16270482-c0f4-5804-9b05-10f4cc0f9df8');
  assert.equal(holdings[7].owner.kind, 'person');
  assert.equal(holdings[4].owned.uscc, '91330000733796106P');
  assert.equal(holdings[4].asOf, '2021-12-31');
  for (const h of holdings) {
    const { snippet, offset } = h.source;
    assert.ok(snippet && typeof offset === 'number');
    assert.equal(doc.text.slice(offset, offset + snippet.length), snippet);
    assert.match(doc.text.slice(offset - 20, offset), /"statementID": "$/);
  }
});

test('BODS 0.4 (JSON Lines): records, with a range share (more than 5%, at most 10%)', async () => {
  const doc = await readFile(fixture('cetc-bods-0.4.jsonl'));
  assert.equal(bodsSource.matches(doc), true);
  const { holdings, warnings } = parseBods(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(holdings.map((h) => [h.owner.name, h.owned.name]), CASE);
  const hkscc = holdings[8];
  assert.deepEqual([hkscc.share, hkscc.shareMin, hkscc.shareMax], [null, 5, 10]);
  assert.equal(holdings[0].owner.kind, 'state');
  assert.equal(holdings[7].owner.kind, 'person');
  assert.equal(holdings[7].owner.id?.startsWith('cn-fixture-person-'), true);
  assert.equal(holdings[4].owned.uscc, '91330000733796106P');
  assert.equal(holdings[4].source.snippet, 'c687bfd3-a7f7-5eb4-b70a-2b63d3eeede0');
});

test('BODS 0.3 bad data: each problem named with its statement; replaced statements and ended interests do not load', async () => {
  const doc = await readFile(fixture('bods-bad-0.3.json'));
  const { holdings, warnings } = parseBods(doc);
  const s = (n: string): string => `${doc.path}: statement 00000000-0000-4000-8000-0000000000${n}`;
  assert.deepEqual(warnings, [
    `${s('01')}: "91330000ABCDEFGH12" is not a valid 统一社会信用代码; ignored`,
    `${s('13')}: no shareholding interest (control only); skipped`,
    `${s('14')}: interested party unspecified; skipped`,
    `${s('15')}: refers to 00000000-0000-4000-8000-000000000099, which is not in the file; skipped`,
    `${s('17')}: the shareholding has ended (endDate); skipped`,
    `${s('16')}: share 150% is above 100% (李四 in 浙江甲科技有限公司); row dropped`,
    `${s('18')}: no share given for 李四 in 浙江甲科技有限公司; kept without a share`,
  ]);
  assert.deepEqual(
    holdings.map((h) => [h.owner.name, h.owner.kind, h.owned.name, h.share, h.shareMin, h.shareMax]),
    [
      ['浙江甲科技有限公司', null, '浙江乙贸易有限公司', 60, 60, 60],
      // exclusiveMaximum 25 is kept as the bound 25
      ['张三', 'person', '浙江乙贸易有限公司', null, 20, 25],
      // "李 四": spaces between Chinese characters removed
      ['李四', 'person', '浙江甲科技有限公司', null, null, null],
    ],
  );
});

test('BODS 0.4: the latest statement of a record wins, closed records drop, only shareholding counts', async () => {
  const doc = await readFile(fixture('bods-records-0.4.jsonl'));
  const { holdings, warnings } = parseBods(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    holdings.map((h) => [h.owner.name, h.owned.name, h.share, h.shareMin, h.shareMax, h.asOf, h.source.snippet]),
    [
      ['浙江甲科技有限公司', '浙江乙贸易有限公司', 55, 55, 55, '2022-06-30', '10000000-0000-4000-8000-000000000011'],
      // family + given name joined without a space for Chinese names
      ['张三', '浙江乙贸易有限公司', null, 25, 50, '2022-06-30', '10000000-0000-4000-8000-000000000014'],
    ],
  );
});

test('readStatements: array, single object, JSON Lines; anything else is not BODS', async () => {
  assert.equal(readStatements('[{"a":1},2]')?.statements.length, 1);
  assert.equal(readStatements('{"statementType":"entityStatement"}')?.statements.length, 1);
  assert.deepEqual(readStatements('{"a":1}\n\n{"b":2}\n'), { statements: [{ a: 1 }, { b: 2 }], bad: [] });
  assert.equal(readStatements('owner,owned'), null);
  assert.deepEqual(readStatements('{"a":1}\nnot json'), { statements: [{ a: 1 }], bad: [{ line: 2, reason: 'not a JSON object' }] });
  const plain = await readDocument('x.json', Buffer.from('[{"name":"甲公司"}]'));
  assert.equal(bodsSource.matches(plain), false);
});
