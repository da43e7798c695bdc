// Page text with tables flattened one cell per line, and values glued to the next label: the shapes
// quoted in issue 13 from real notices and the whitespace-stripped national-platform text of
// the gathered evaluation document ggzy-11 (test/eval/SOURCES.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rebuildFlatTables } from '../../ingest/extract/flat.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import { buildPage } from '../../ingest/extract/page.ts';
import { gluedName } from '../../ingest/extract/winners.ts';
import type { ReadDocument } from '../../ingest/read/document.ts';

function doc(text: string): ReadDocument {
  return { path: 't', sha256: '0', mediaType: 'text/plain', encoding: 'utf-8', html: null, text, pages: null, warnings: [] };
}

const FLAT = ['某某单位某某设备采购项目中标公告', '二、项目名称：', '某某设备采购项目', '三、中标（成交）信息', '序号', '供应商名称',
  '供应商地址', '中标（成交）金额', '1', '湖南某某科技有限公司', '长沙市岳麓区某某路1号', '报价：999200（元）', '四、主要标的信息'].join('\n');

test('a flattened result table becomes a header and rows whose cells are slices of the text', () => {
  const page = rebuildFlatTables(buildPage(FLAT));
  const rows = page.lines.filter((l) => l.cells);
  assert.deepEqual(rows.map((r) => r.cells!.map((c) => c.text)), [
    ['序号', '供应商名称', '供应商地址', '中标（成交）金额'],
    ['1', '湖南某某科技有限公司', '长沙市岳麓区某某路1号', '报价：999200（元）'],
  ]);
  for (const c of rows.flatMap((r) => r.cells!)) assert.equal(FLAT.slice(c.start, c.end), c.text);
  assert.deepEqual(page.lines.map((l) => l.index), page.lines.map((_, i) => i));
});

test('the column header 序号 is never the winner: the row gives winner, address and amount', () => {
  const n = extractNotice(doc(FLAT));
  assert.equal(n.project.name, '某某设备采购项目');
  assert.deepEqual(n.awards.map((a) => [a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]), [
    [[['湖南某某科技有限公司', '长沙市岳麓区某某路1号']], 99920000],
  ]);
});

test('a row that does not fit ends the table: nothing is guessed', () => {
  const text = ['序号', '供应商名称', '中标（成交）金额', '1', '详见附件', '0'].join('\n');
  assert.equal(rebuildFlatTables(buildPage(text)).lines.filter((l) => l.cells).length, 0);
});

test('a winner glued to the next label is cut after its organisation ending', () => {
  const text = '中标人：北京爱地地质勘察基础工程公司中标报价446558.00元中标日期：2020年11月24日';
  const page = buildPage(text);
  const value = { text: text.slice(4), start: 4, end: text.length };
  assert.equal(gluedName(page, value).text, '北京爱地地质勘察基础工程公司');
  const plain = { text: '济南四建（集团）有限责任公司', start: 0, end: 14 };
  assert.equal(gluedName(buildPage(plain.text), plain).text, plain.text);
});
