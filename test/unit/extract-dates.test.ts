// The notice's dates: publication (fields, table columns, split lines, sign-off), decision and publicity
// period. Lines are taken from real notices of the shared corpus and the golden cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNotice } from '../../ingest/extract/index.ts';
import { evidencePath, type Notice } from '../../ingest/extract/notice.ts';
import type { ReadDocument } from '../../ingest/read/document.ts';

function extract(text: string): Notice {
  const doc: ReadDocument = { path: 't', sha256: '0', mediaType: 'text/plain', encoding: 'utf-8', html: null, text, pages: null, warnings: [] };
  return extractNotice(doc);
}

function evidenceOf(n: Notice, field: string): string | undefined {
  return n.evidence.find((e) => evidencePath(e) === field)?.text;
}

test('decision date from its label (ccgp 成交日期, 定标/成交日期) with its evidence', () => {
  const n = extract('某某项目成交公告\n本项目招标公告日期：2016年11月25日\n成交日期：2016年11月30日\n成交供应商：某某科技有限公司');
  assert.equal(n.decisionDate, '2016-11-30');
  assert.equal(evidenceOf(n, 'decisionDate'), '2016年11月30日');
  assert.equal(extract('某项目中标公告\n六．采购公告发布日期：2016-10-28\n七．定标/成交日期：2016-11-30').decisionDate, '2016-11-30');
});

test('decision date written in a sentence under its heading (misc-test_data_11: 二、定标日期： / 于2009年7月15日定标)', () => {
  const n = extract('中标公告\n二、定标日期：\n潮州海关业务技术用房工程高压配电项目（采购编号：PZH009A071）于2009年7月15日定标。');
  assert.equal(n.decisionDate, '2009-07-15');
});

test('decision date in a table column (中标日期)', () => {
  const n = extract('某某项目中标结果公告\n序号\t中标供应商\t中标金额（元）\t中标日期\n1\t某某建设有限公司\t120000.00\t2020-05-06');
  assert.equal(n.decisionDate, '2020-05-06');
});

test('publication date in a table cell column (公告发布日期) and in a cell pair (发布时间 | date)', () => {
  assert.equal(extract('某某项目成交公告\n项目名称\t公告发布日期\t采购人\n某某设备采购\t2019年3月5日\t某某大学').publishedAt, '2019-03-05');
  assert.equal(extract('某某项目成交公告\n发布时间\t2019-03-05 10:12\t浏览次数\t12').publishedAt, '2019-03-05');
});

test('publication date in brackets after a site\'s header (jxggzy 【信息时间： 2026-03-31】)', () => {
  const n = extract('江西省公共资源交易平台-[武宁县]某项目[中标候选人公示]\n 投资项目代码：2103-360423-04-01-718895\n 【信息时间： 2026-03-31】\n');
  assert.equal(n.publishedAt, '2026-03-31');
  assert.equal(evidenceOf(n, 'publishedAt'), '2026-03-31');
});

test('publication date split across lines after its label', () => {
  const n = extract('某某项目中标公告\n发布时间：2020年5月\n6日\n中标供应商：某某科技有限公司');
  assert.equal(n.publishedAt, '2020-05-06');
  assert.equal(evidenceOf(n, 'publishedAt'), '2020年5月\n6日');
});

test('publication date only in the sign-off: after the signer\'s name, with a seal note, in a cell', () => {
  const body = '某某工程中标候选人公示\n第一中标候选人：某某建设有限公司\n';
  assert.equal(extract(`${body}招标人：重庆市江津区珞璜开发建设有限 公司 2017年1月9日（单位公章）\t招标代理机构：北京国金管理咨询有限公司重庆分公司`).publishedAt, '2017-01-09');
  assert.equal(extract(`${body}某某县公共资源交易中心\n二〇一七年八月十五日\n打印本页\n关闭窗口`).publishedAt, '2017-08-15');
  // A deadline near the end is no sign-off.
  assert.equal(extract(`${body}投诉截止时间：2017年1月12日`).publishedAt, null);
});

test('publicity period: a label with two dates, separate start and end labels, a sentence, a heading above', () => {
  const p = (t: string) => extract(`某某项目中标公告\n${t}`).publicityPeriod;
  assert.deepEqual(p('(公示期：2017年1月9日—— 2017年1月11日)'), { start: '2017-01-09', end: '2017-01-11' });
  assert.deepEqual(p('公示开始时间：2016-11-04\n公示结束时间：2016-11-07'), { start: '2016-11-04', end: '2016-11-07' });
  assert.deepEqual(p('本公示自2016年11月14日起至2016年11月16日止。'), { start: '2016-11-14', end: '2016-11-16' });
  assert.deepEqual(p('七、公告期限\n自2020年5月6日至2020年5月8日（3个工作日）'), { start: '2020-05-06', end: '2020-05-08' });
  assert.deepEqual(p('公告时间：2014年03月17日 至 2014年03月25日'), { start: '2014-03-17', end: '2014-03-25' });
  assert.deepEqual(p('五、公示日期： 2016-11-16'), { start: '2016-11-16', end: null });
  assert.equal(p('七、公告期限：自本公告发布之日起1个工作日。'), null);
});

test('a period that ends before the notice was published is a pasted tender\'s, not the result\'s', () => {
  const n = extract('某某项目成交公告\n发布时间：2016年11月30日\n十三、本公告期限（3个工作日）自2016年 11月 14 日起至2016年 11月16 日止。');
  assert.equal(n.publicityPeriod, null);
  assert.ok(n.warnings.some((w) => /ends before the notice was published/.test(w)), n.warnings.join('\n'));
  assert.equal(n.publishedAt, '2016-11-30');
});

test('decision date in a sentence: 于2016年11月18日…确定成交人, but not a candidate\'s', () => {
  const n = extract('成交公示\n济宁市任城区李营第一中学安保服务采购项目，于 2016 年 11 月 18 日 09 ： 00 在济宁市任城区公共资源交易服务中心采用竞争性磋商方式确定成交人。');
  assert.equal(n.decisionDate, '2016-11-18');
  assert.equal(extract('中标候选人公示\n评标委员会于2016年11月18日确定中标候选人如下：').decisionDate, null);
});

test('a single date under a publicity label is the day the notice went out (misc-test_5: 公示日期：2015年09月28日)', () => {
  const n = extract('交换机等设备采购结果公示\n公示日期：\t2015年09月28日\n中标供应商：某某科技有限公司');
  assert.equal(n.publishedAt, '2015-09-28');
  assert.deepEqual(n.publicityPeriod, { start: '2015-09-28', end: null });
});

test('a result with no date of its own was published the day its publicity starts, said in a warning; a tender\'s 公告期 is no such day (cqggzy 2017, ccgp 2018)', () => {
  const n = extract('某某工程中标候选人公示\n第一中标候选人：某某建设有限公司\n公示期：2017年1月9日至2017年1月11日\n');
  assert.equal(n.publishedAt, '2017-01-09');
  assert.equal(evidenceOf(n, 'publishedAt'), '2017年1月9日');
  assert.ok(n.warnings.some((w) => /no publication date in the notice; the start of its publicity period/.test(w)), n.warnings.join('\n'));
  const tender = extract('某某设备采购公开招标公告\n一、项目基本情况\n预算金额：235.0 万元（人民币）\n二、获取招标文件\n招标公告期限2018年10月26日—2018年11月2日\n');
  assert.equal(tender.noticeType, 'tender');
  assert.equal(tender.publishedAt, null);
});
