import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument, readFile } from '../../ingest/read/index.ts';
import { csvSource, parseCsv, parseOwnershipCsv } from '../../ingest/ownership/csv.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ownership');
const fixture = (name: string): string => path.join(fixtures, name);
const HIKVISION = '杭州海康威视数字技术股份有限公司';

test('parseCsv: quotes, doubled quotes, commas and line breaks inside quotes, CRLF, BOM', () => {
  const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",\r\n\r\nlast,row';
  const { records, unclosed } = parseCsv(text);
  assert.equal(unclosed, false);
  assert.deepEqual(records.map((r) => r.fields), [['a', 'b'], ['x, y', 'say "hi"'], ['two\r\nlines', ''], ['last', 'row']]);
  assert.deepEqual(records.map((r) => r.line), [1, 2, 3, 6]);
  for (const r of records) assert.equal(text.slice(r.offset, r.offset + r.raw.length), r.raw);
});

test('parseCsv: an unclosed quote is reported', () => {
  const { records, unclosed } = parseCsv('owner,owned\n"open,x\n');
  assert.equal(unclosed, true);
  assert.equal(records.length, 2);
});

test('cetc.csv: every row, with kinds, USCC, dates and the cited source', async () => {
  const doc = await readFile(fixture('cetc.csv'));
  assert.equal(csvSource.matches(doc), true);
  const { holdings, warnings } = parseOwnershipCsv(doc);
  assert.deepEqual(warnings, []);
  assert.equal(holdings.length, 9);
  assert.deepEqual(
    holdings.map((h) => [h.owner.name, h.owned.name, h.share]),
    [
      ['国务院国有资产监督管理委员会', '中国电子科技集团有限公司', 100],
      ['中国电子科技集团有限公司', '中电海康集团有限公司', 100],
      ['中国电子科技集团有限公司', '中电科投资控股有限公司', 100],
      ['中国电子科技集团有限公司', '中国电子科技集团公司第五十二研究所', 100],
      ['中电海康集团有限公司', HIKVISION, 36.35],
      ['中电科投资控股有限公司', HIKVISION, 2.63],
      ['中国电子科技集团公司第五十二研究所', HIKVISION, 1.96],
      ['龚虹嘉', HIKVISION, 10.4],
      ['香港中央结算有限公司', HIKVISION, 8],
    ],
  );
  const gong = holdings[7];
  assert.deepEqual(gong.owner, { name: '龚虹嘉', uscc: null, kind: 'person' });
  assert.deepEqual(gong.owned, { name: HIKVISION, uscc: '91330000733796106P', kind: null });
  assert.equal(gong.shareMin, 10.4);
  assert.equal(gong.shareMax, 10.4);
  assert.equal(gong.asOf, '2021-12-31');
  assert.equal(gong.source.sha256, doc.sha256);
  assert.equal(gong.source.reference, '杭州海康威视数字技术股份有限公司2021年年度报告, 前十名股东持股情况');
  assert.equal(holdings[0].owner.kind, 'state');
  for (const h of holdings) {
    const { snippet, offset } = h.source;
    assert.ok(snippet && typeof offset === 'number');
    assert.equal(doc.text.slice(offset, offset + snippet.length), snippet);
  }
});

test('bad rows: each problem is named with its file and line; valid rows still load', async () => {
  const doc = await readFile(fixture('bad-rows.csv'));
  const { holdings, warnings } = parseOwnershipCsv(doc);
  const p = doc.path;
  assert.deepEqual(warnings, [
    `${p}: line 8: as_of "31/12/2021" is not a date; left empty`,
    `${p}: line 9: "91110000710929498X" is not a valid 统一社会信用代码; ignored`,
    `${p}: line 2: share 136.35% is above 100% (中电海康集团有限公司 in ${HIKVISION}); row dropped`,
    `${p}: line 3: share -2.63% is below 0% (中电科投资控股有限公司 in ${HIKVISION}); row dropped`,
    `${p}: line 4: owner name missing; row dropped`,
    `${p}: line 5: owned company name missing; row dropped`,
    `${p}: line 6: ${HIKVISION} is listed as owning itself; row dropped`,
    `${p}: line 7: share "about eight" not understood for 香港中央结算有限公司 in ${HIKVISION}; kept without a share`,
  ]);
  assert.deepEqual(
    holdings.map((h) => [h.owner.name, h.owned.name, h.share, h.shareMin, h.shareMax, h.asOf, h.owner.uscc]),
    [
      ['香港中央结算有限公司', HIKVISION, null, null, null, '2021-12-31', null],
      ['中国电子科技集团有限公司', '中电海康集团有限公司', 100, 100, 100, null, null],
      ['中国电子科技集团有限公司', '中电科投资控股有限公司', 100, 100, 100, '2021-12-31', null],
    ],
  );
});

test('a company whose listed shares add up to more than 100% is kept, with a warning', async () => {
  const doc = await readFile(fixture('over-100.csv'));
  const { holdings, warnings } = parseOwnershipCsv(doc);
  assert.equal(holdings.length, 3);
  assert.deepEqual(warnings, [`${doc.path}: line 2, line 3, line 4: shares in 浙江乙贸易有限公司 add up to 110%, more than 100%; kept`]);
  assert.deepEqual([holdings[2].share, holdings[2].shareMin, holdings[2].shareMax], [null, 5, 10]);
});

test('quoting.csv: BOM, CRLF, capitalised header, quoted names and a note over two lines', async () => {
  const doc = await readFile(fixture('quoting.csv'));
  assert.equal(csvSource.matches(doc), true);
  const { holdings, warnings } = parseOwnershipCsv(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(holdings.map((h) => [h.owner.name, h.share, h.source.reference]), [
    ['中国电子科技集团有限公司', 100, 'registry extract, 2021'],
    ['某某"引号"有限公司', 0, 'a note\nover two lines'],
  ]);
});

test('only CSVs with owner and owned columns match', async () => {
  const other = await readDocument('x.csv', Buffer.from('name,amount\n甲公司,100\n'));
  assert.equal(csvSource.matches(other), false);
  const html = await readDocument('x.html', Buffer.from('<p>owner,owned</p>'));
  assert.equal(csvSource.matches(html), false);
});
