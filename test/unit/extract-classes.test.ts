// Wordings the extractor missed on real notices from unseen sites (issue 13): amounts, consortia and
// candidate lists. The lines are the ones the issue and the gathered evaluation documents quote; each test
// reads a whole small notice through the extractor, as a new site's page would be read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { lotsNamed, lotsOfHeading } from '../../ingest/extract/lots.ts';
import { splitSuppliers } from '../../ingest/extract/consortium.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import type { Notice } from '../../ingest/extract/index.ts';
import { classifyLabel } from '../../ingest/extract/labels.ts';
import { buildPage } from '../../ingest/extract/page.ts';
import { readFile } from '../../ingest/read/index.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

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
  assert.equal(n.awards[0].value?.fen, 1086000000);
});

test('a note in brackets after an amount label does not hide it: 中标价(报价承诺), 中标金额（含税）', () => {
  assert.equal(classifyLabel('中标价(报价承诺)')?.key, 'awardValue');
  assert.equal(classifyLabel('中标金额（含税）')?.key, 'awardValue');
  const n = extract(`${HEAD}中标人：甲乙建设工程有限公司\n中标价(报价承诺)：1086000元`);
  assert.equal(n.awards[0].value?.fen, 108600000);
  // Only amount labels take a note: a winner label with one is still unknown.
  assert.equal(classifyLabel('中标人(签章)'), null);
});

test('预算审核价 is the budget, never an award amount', () => {
  assert.equal(classifyLabel('预算审核价')?.key, 'budget');
  const n = extract(`${HEAD}中标人：甲乙建设工程有限公司\n预算审核价：1200000元\n中标金额：1086000元`);
  assert.equal(n.budget?.fen, 120000000);
  assert.equal(n.awards[0].value?.fen, 108600000);
});

test('an amount glued after the winner\'s name is its amount (gathered ggzy-11: page text with its breaks lost)', () => {
  const n = extract('石景山区某地块项目(勘察)中标结果公告招标编号:S110000A001021220002确定中标人如下：一、中标人信息中标人：北京爱地地质勘察基础工程公司中标报价446558.00元中标日期：2020年11月24日中标工期：30天');
  assert.deepEqual(winners(n), [['北京爱地地质勘察基础工程公司', 'sole']]);
  assert.equal(n.awards[0].value?.fen, 44655800);
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
  assert.equal(n.awards[0].value?.fen, 1086000000);
});

test('a consortium written "联合体：A（牵头）、B" gives the lead and the member', () => {
  for (const line of ['中标人：联合体：甲乙建设工程有限公司（牵头）、丙丁设计研究院有限公司', '中标人：\n联合体：甲乙建设工程有限公司（牵头）、丙丁设计研究院有限公司']) {
    const n = extract(`${HEAD}${line}\n中标金额：1086万元`);
    assert.deepEqual(winners(n), [['甲乙建设工程有限公司', 'lead'], ['丙丁设计研究院有限公司', 'member']], line);
    assert.equal(n.awards[0].value?.fen, 1086000000);
  }
});

// gathered ggzy-6 (廊坊, 河钢集团…EPC工程总承包中标结果公示): 中标人：A（B）联合体；
test('a consortium written "A（B）联合体" gives the lead and, in brackets, the member, whatever ends the field', () => {
  for (const line of ['中标人：甲乙建设工程有限公司（丙丁国际工程技术股份有限公司）联合体；', '中标人：甲乙建设工程有限公司（丙丁国际工程技术股份有限公司）联合体']) {
    const n = extract(`${HEAD}${line}\n中标金额：45499800元（肆仟伍佰肆拾玖万玖仟捌佰元整）；`);
    assert.deepEqual(winners(n), [['甲乙建设工程有限公司', 'lead'], ['丙丁国际工程技术股份有限公司', 'member']], line);
    assert.equal(n.awards[0].value?.fen, 4549980000);
  }
  // A bracket inside one company's name, or a role note, is no second company.
  assert.deepEqual(winners(extract(`${HEAD}中标人：甲乙（北京）建设工程有限公司联合体；`)), [['甲乙（北京）建设工程有限公司', 'sole']]);
  assert.deepEqual(winners(extract(`${HEAD}中标人：甲乙建设工程有限公司（联合体牵头人）、丙丁设计研究院有限公司（联合体成员）；`)),
    [['甲乙建设工程有限公司', 'lead'], ['丙丁设计研究院有限公司', 'member']]);
});

// gathered ggzy-8 (重庆沙坪坝, 成桥荷载试验服务 中标结果公告): each party a row of three cells, role 信息 | 名称 | name.
test('party blocks written 中标人信息 | 名称 | X give the buyer, the agency and the winner with its code and amount', () => {
  const n = extract(['示例防洪护岸综合整治工程成桥荷载试验服务中标结果公告',
    '项目信息\t名称\t示例市示例江示例段防洪护岸综合整治工程成桥荷载试验服务（第二次）',
    '\t项目编码\tBX2020179（2）',
    '招标人信息\t名称\t示例城市建设投资有限责任公司',
    '社会信用代码\t91500106762673180J',
    '招标代理机构信息\t名称\t示例水利咨询有限公司',
    '社会信用代码\t91500105450445154Y',
    '中标人信息\t名称\t示例工程质量检测有限公司',
    '社会信用代码\t915001056814767592',
    '开标时间\t2020年11月16日',
    '开标评标地点\t示例区公共资源交易中心',
    '中标候选人公示时间\t2020年11月16日至2020年11月18日',
    '中标金额（费率、单价等）\t663000元'].join('\n'));
  assert.equal(n.buyer?.name, '示例城市建设投资有限责任公司');
  assert.equal(n.agency?.name, '示例水利咨询有限公司');
  assert.deepEqual(n.awards.map((a) => [a.suppliers.map((s) => [s.name, s.uscc]), a.value?.fen]), [[[['示例工程质量检测有限公司', '915001056814767592']], 66300000]]);
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
  assert.deepEqual(n.candidates.map((c) => [c.name, c.rank, c.bid?.fen]), [['甲乙建设工程有限公司', 1, 108600000], ['丙丁科技有限公司', 2, 110000000]]);
  assert.deepEqual(winners(n), []);
});

test('a sideways candidate table (ranks along the top, one candidate a column) gives every candidate with rank and bid', () => {
  // The layout of a county trading centre's 评标结果 (gathered ggzy-19): 名次 / 投标单位 / 投标报价 rows.
  const n = extract('某某排水涵工程中标候选人公示\n招标人：某某县交通运输局\n二、评标结果：\n名次\t第一名\t第二名\t第三名\n投标单位\t甲乙建筑安装工程有限公司\t丙丁建筑工程有限公司\t戊己建筑有限 公司\n投标报价\t1809353.49元\t1815499.18元\t1818553.63元\n质量目标\t合格\t合格\t合格');
  assert.equal(n.noticeType, 'candidate');
  assert.deepEqual(n.candidates.map((c) => [c.name, c.rank, c.bid?.fen]), [
    ['甲乙建筑安装工程有限公司', 1, 180935349], ['丙丁建筑工程有限公司', 2, 181549918], ['戊己建筑有限公司', 3, 181855363]]);
  const side = extract('某某工程评标结果公示\n招标人：某某中学\n中标候选人\t第一中标候选人\t第二中标候选人\n单位名称\t甲乙建设工程有限公司\t丙丁科技有限公司\n投标报价（万元）\t108.6\t110');
  assert.deepEqual(side.candidates.map((c) => [c.name, c.rank, c.bid?.fen]), [['甲乙建设工程有限公司', 1, 108600000], ['丙丁科技有限公司', 2, 110000000]]);
  assert.deepEqual(winners(side), []);
});

test('lot headings name one lot or a run of lots: 品目 7, 品目 14-15：, 品目 45、46：, 第3-5包：, 包2：', () => {
  assert.deepEqual(lotsOfHeading('品目 7'), ['7']);
  assert.deepEqual(lotsOfHeading('品目 14-15：'), ['14', '15']);
  assert.deepEqual(lotsOfHeading('品目 45、46：'), ['45', '46']);
  assert.deepEqual(lotsOfHeading('第3-5包：'), ['3', '4', '5']);
  assert.deepEqual(lotsOfHeading('包2：'), ['2']);
  // In Chinese numerals, with the lot's own name in brackets (中国联通海南 招募结果公示, 2019).
  assert.deepEqual(lotsOfHeading('标段一（智慧政务）：'), ['1']);
  assert.deepEqual(lotsOfHeading('标段十一（通用系统集成）：'), ['11']);
  assert.deepEqual(lotsOfHeading('第二至四包：'), ['2', '3', '4']);
  // Brackets that say the lot failed are the lot's result, not its name.
  assert.equal(lotsOfHeading('第一包（流标）：'), null);
  // A sentence names lots in the same numerals as headings do.
  assert.deepEqual(lotsNamed('第二包因有效投标人不足三家作废标处理'), ['2']);
  // A category code, a sentence, or an implausible run is no lot heading.
  assert.equal(lotsOfHeading('品目：A02091107-视频监控设备'), null);
  assert.equal(lotsOfHeading('品目 2：推荐第一中标单位：X公司'), null);
  assert.equal(lotsOfHeading('品目 1-500：'), null);
});

test('a sentence under a lot heading that says the lot failed makes it a failed lot; other lots keep their winners', () => {
  const n = extract('某某采购项目中标公告\n采购人：某某中学\n一、中标信息\n第一包：\n中标供应商：甲乙建设工程有限公司\n中标金额：10万元\n第二包：\n因有效投标人不足三家，予以废标。\n包3-4：\n截止投标文件接收截止时间，未收到投标人递交的投标文件。\n包5：\n中标供应商：丙丁科技有限公司\n中标金额：12万元');
  assert.deepEqual(n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]), [
    ['1', 'active', ['甲乙建设工程有限公司'], 10000000],
    ['2', 'unsuccessful', [], null],
    ['3', 'unsuccessful', [], null],
    ['4', 'unsuccessful', [], null],
    ['5', 'active', ['丙丁科技有限公司'], 12000000],
  ]);
  // A tender's rule about failing is no failed lot.
  const tender = extract('某某采购项目招标公告\n采购人：某某中学\n第一包：\n投标人不足三家的，予以废标。');
  assert.deepEqual(tender.awards, []);
});

test('a per-品目 award notice (real-more gansu-vaccine-1.pdf): each 品目 its lot, failed runs expanded', { skip: skipUnlessShared('real-more') }, async () => {
  const n = extractNotice(await readFile(path.join(sharedCorpus('real-more')!, 'gansu-vaccine-1.pdf')));
  const byLot = new Map(n.awards.map((a) => [a.lot, a]));
  const won = (lot: string) => { const a = byLot.get(lot); return a && [a.status, a.suppliers.map((s) => s.name).join('+'), a.value?.fen ?? null]; };
  assert.equal(n.noticeType, 'award');
  assert.deepEqual(won('1'), ['unsuccessful', '', null]); // 有效投标人不足三家，予以废标
  assert.deepEqual(won('3'), ['active', '吉林迈丰生物药业有限公司', 4900]);
  assert.deepEqual(won('12'), ['active', '长春祈健生物制品有限公司', 13600]);
  assert.deepEqual(won('14'), ['unsuccessful', '', null]); // 品目 14-15：未收到投标人递交的投标文件
  assert.deepEqual(won('15'), ['unsuccessful', '', null]);
  assert.deepEqual(won('46'), ['unsuccessful', '', null]); // 品目 45、46：
  assert.deepEqual(won('86'), ['active', '华兰生物疫苗有限公司', 1750]);
  assert.deepEqual(won('117'), ['active', '科园信海（北京）医疗用品贸易有限公司', 69800]);
  // 品目 2's supplier is the bidder that 品目 84 says failed its qualification check: with 117 lots that is
  // another lot's verdict, so 品目 2 keeps its winner, with a warning that says so.
  assert.deepEqual(won('2'), ['active', '长春长生生物科技有限公司', 6100]);
  assert.ok(n.warnings.some((w) => /长春长生生物科技有限公司.*wins lot 2 and is also listed among the bidders turned down/.test(w)), n.warnings.join('\n'));
  // 59 failed 品目 by hand; 品目 84's sentence is cut across lines (予 / 以废标) and is not read as a failure.
  assert.equal(n.awards.filter((a) => a.status === 'unsuccessful').length, 58);
  assert.equal(byLot.get('84'), undefined);
});

test('定标候选人及相关内容 then 单位名称 rows: every candidate, unranked; a 监督机构 / 名称 block after it is none (real-more jxggzy-21)', { skip: skipUnlessShared('real-more') }, async () => {
  const n = extractNotice(await readFile(path.join(sharedCorpus('real-more')!, 'jxggzy-21.txt')));
  assert.equal(n.noticeType, 'candidate');
  assert.deepEqual(n.candidates.map((c) => [c.name, c.rank]), [
    ['广西建工第一建筑工程集团有限公司', null], ['江西建工第四建筑有限责任公司', null], ['中铁城建集团有限公司', null],
    ['青岛亿联建设集团股份有限公司', null], ['中国建筑第二工程局有限公司', null]]);
  assert.deepEqual(n.awards, []);
});

test('a candidate consortium written lead(member) is named by its lead (real-more jxggzy-25)', { skip: skipUnlessShared('real-more') }, async () => {
  const n = extractNotice(await readFile(path.join(sharedCorpus('real-more')!, 'jxggzy-25.txt')));
  assert.deepEqual(n.candidates.map((c) => [c.name, c.rank]).slice(0, 3), [
    ['南昌市城市规划设计研究总院集团有限公司', 1], ['同济大学建筑设计研究院（集团）有限公司', 2], ['中国瑞林工程技术股份有限公司', 3]]);
});

test('a project name split into PDF text runs or wrapped onto the next line is completed (real-more tenderx-9, -8, -1)', () => {
  const name = (text: string) => extract(`某某采购项目招标公告\n${text}\n采购方式：公开招标`).project.name;
  assert.equal(name('项目名称：2025 \t年纸质图书采购项目'), '2025年纸质图书采购项目');
  assert.equal(name('项目名称：市政府外办 \t2026 \t年数字化项目运维和综合保障'), '市政府外办2026年数字化项目运维和综合保障');
  assert.equal(name('项目名称：合肥市公安局瑶海分局雪亮工程支网一期、二期、三期运维服\n务采购项目'), '合肥市公安局瑶海分局雪亮工程支网一期、二期、三期运维服务采购项目');
  // A whole name is left alone, and a next line that does not end it like a project is not joined.
  assert.equal(name('项目名称：某某中学教学楼改造工程\n第一包'), '某某中学教学楼改造工程');
  assert.equal(name('项目名称：某某中学食堂\n地点在南门'), '某某中学食堂');
});
