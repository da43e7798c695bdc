// Wordings the extractor missed on real notices from unseen sites (issue 13): amounts, consortia and
// candidate lists. The lines are the ones the issue and the gathered evaluation documents quote; each test
// reads a whole small notice through the extractor, as a new site's page would be read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSuppliers } from '../../ingest/extract/consortium.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import type { Notice } from '../../ingest/extract/index.ts';
import { classifyLabel } from '../../ingest/extract/labels.ts';
import { buildPage } from '../../ingest/extract/page.ts';

function extract(text: string): Notice {
  return extractNotice({ path: 't', sha256: '0', mediaType: 'text/plain', encoding: 'utf-8', html: null, text, pages: null, warnings: [] });
}

const HEAD = '某某中学教学楼改造工程中标结果公告\n项目编号：ABC-2020-01\n招标人：某某中学\n一、中标结果\n';

function winners(n: Notice): [string, string][] {
  return n.awards.flatMap((a) => a.suppliers.map((s): [string, string] => [s.name, s.role]));
}

test('总中标金额合计 for a single winner is that winner\'s amount, in 万元', () => {
  const n = extract(`${HEAD}中标人：甲乙建设工程有限公司\n总中标金额合计：1086万元`);
  assert.deepEqual(winners(n), [['甲乙建设工程有限公司', 'sole']]);
  assert.equal(n.awards[0].value?.amount, 10860000);
});

test('a note in brackets after an amount label does not hide it: 中标价(报价承诺), 中标金额（含税）', () => {
  assert.equal(classifyLabel('中标价(报价承诺)')?.key, 'awardValue');
  assert.equal(classifyLabel('中标金额（含税）')?.key, 'awardValue');
  const n = extract(`${HEAD}中标人：甲乙建设工程有限公司\n中标价(报价承诺)：1086000元`);
  assert.equal(n.awards[0].value?.amount, 1086000);
  // Only amount labels take a note: a winner label with one is still unknown.
  assert.equal(classifyLabel('中标人(签章)'), null);
});

test('预算审核价 is the budget, never an award amount', () => {
  assert.equal(classifyLabel('预算审核价')?.key, 'budget');
  const n = extract(`${HEAD}中标人：甲乙建设工程有限公司\n预算审核价：1200000元\n中标金额：1086000元`);
  assert.equal(n.budget?.amount, 1200000);
  assert.equal(n.awards[0].value?.amount, 1086000);
});

test('an amount glued after the winner\'s name is its amount (gathered ggzy-11: page text with its breaks lost)', () => {
  const n = extract('石景山区某地块项目(勘察)中标结果公告招标编号:S110000A001021220002确定中标人如下：一、中标人信息中标人：北京爱地地质勘察基础工程公司中标报价446558.00元中标日期：2020年11月24日中标工期：30天');
  assert.deepEqual(winners(n), [['北京爱地地质勘察基础工程公司', 'sole']]);
  assert.equal(n.awards[0].value?.amount, 446558);
  assert.equal(n.project.code, 'S110000A001021220002');
});

test('a consortium written "A、B联合体" keeps every member; with no lead named, all are members and it says so', () => {
  const page = buildPage('甲乙建设工程有限公司、丙丁设计研究院有限公司联合体');
  const split = splitSuppliers(page, page.lines[0].span);
  assert.deepEqual(split.suppliers.map((s) => [s.name, s.role]), [['甲乙建设工程有限公司', 'member'], ['丙丁设计研究院有限公司', 'member']]);
  assert.match(split.warnings.join(), /names no lead/);
  const n = extract(`${HEAD}中标人：甲乙建设工程有限公司、丙丁设计研究院有限公司联合体\n中标金额：1086万元`);
  assert.equal(n.awards.length, 1);
  assert.deepEqual(winners(n), [['甲乙建设工程有限公司', 'member'], ['丙丁设计研究院有限公司', 'member']]);
  assert.equal(n.awards[0].value?.amount, 10860000);
});

test('a consortium written "联合体：A（牵头）、B" gives the lead and the member', () => {
  for (const line of ['中标人：联合体：甲乙建设工程有限公司（牵头）、丙丁设计研究院有限公司', '中标人：\n联合体：甲乙建设工程有限公司（牵头）、丙丁设计研究院有限公司']) {
    const n = extract(`${HEAD}${line}\n中标金额：1086万元`);
    assert.deepEqual(winners(n), [['甲乙建设工程有限公司', 'lead'], ['丙丁设计研究院有限公司', 'member']], line);
    assert.equal(n.awards[0].value?.amount, 10860000);
  }
});

test('a consortium named beside a candidate is no winner', () => {
  const n = extract(`${HEAD}第一中标候选人：联合体：甲乙建设工程有限公司（牵头）、丙丁设计研究院有限公司\n中标人：戊己建设有限公司`);
  assert.deepEqual(winners(n), [['戊己建设有限公司', 'sole']]);
});

test('中标候选人（排名不分先后）：A、B、C gives three candidates without ranks and no winner', () => {
  const n = extract('某某中学教学设备采购项目中标候选人公示\n项目编号：ABC-2020-01\n招标人：某某中学\n中标候选人（排名不分先后）：甲乙建设工程有限公司、丙丁科技有限公司、戊己设备有限公司\n公示期：2020年11月1日至2020年11月3日');
  assert.equal(n.noticeType, 'candidate');
  assert.deepEqual(n.candidates.map((c) => [c.name, c.rank]), [['甲乙建设工程有限公司', null], ['丙丁科技有限公司', null], ['戊己设备有限公司', null]]);
  assert.deepEqual(n.awards, []);
});

test('a column headed 中标候选人 is still a bidders\' column', () => {
  const n = extract('某某项目评标结果公示\n招标人：某某中学\n排名\t中标候选人\t投标报价（元）\n1\t甲乙建设工程有限公司\t1086000\n2\t丙丁科技有限公司\t1100000');
  assert.deepEqual(n.candidates.map((c) => [c.name, c.rank, c.bid?.amount]), [['甲乙建设工程有限公司', 1, 1086000], ['丙丁科技有限公司', 2, 1100000]]);
  assert.deepEqual(winners(n), []);
});
