// The extractor's parts, on lines taken from real notices (shared corpus) and the golden fixtures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSuppliers } from '../../ingest/extract/consortium.ts';
import { findContractModels } from '../../ingest/extract/contract-model.ts';
import { scanFields, segment } from '../../ingest/extract/fields.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import { classifyLabel, normaliseLabel } from '../../ingest/extract/labels.ts';
import { readMarkup } from '../../ingest/extract/markup.ts';
import { evidencePath } from '../../ingest/extract/notice.ts';
import { classifyNotice } from '../../ingest/extract/notice-type.ts';
import { buildPage, Locator } from '../../ingest/extract/page.ts';
import type { Page } from '../../ingest/extract/page.ts';
import { findTables } from '../../ingest/extract/tables.ts';
import { isPlaceholder, lotIdOf, methodOf, projectCodeOf, readMoney, readRate } from '../../ingest/extract/values.ts';
import type { ReadDocument } from '../../ingest/read/document.ts';

function fieldsOf(text: string) {
  const page = buildPage(text);
  return scanFields(page, new Set()).fields.map((f) => [f.key, f.value?.text ?? null]);
}

function whole(page: Page) {
  return page.lines[0].span;
}

function doc(text: string, html: string | null = null): ReadDocument {
  return { path: 't', sha256: '0', mediaType: html ? 'text/html' : 'text/plain', encoding: 'utf-8', html, text, pages: null, warnings: [] };
}

test('labels are compared without spaces, list numbers, colons or full-width brackets', () => {
  assert.equal(normaliseLabel('项 目 名 称'), '项目名称');
  assert.equal(normaliseLabel('四、采购方式：'), '采购方式');
  assert.equal(normaliseLabel('中标（成交）金额'), '中标(成交)金额');
  assert.equal(classifyLabel('招  标  人')?.key, 'buyerName');
  assert.equal(classifyLabel('总中标金 额')?.key, 'totalValue');
});

test('a unit in the label is kept: 成交金额(万元), and a unit price is marked', () => {
  assert.deepEqual(classifyLabel('中标金额 (万元)'), { key: 'awardValue', norm: '中标金额(万元)', unit: '万元', rank: null });
  assert.equal(classifyLabel('投标单价（元/亩）')?.unit, 'per');
});

test('candidate and lot labels carry their number', () => {
  assert.equal(classifyLabel('第三中标候选人')?.rank, 3);
  assert.equal(classifyLabel('第一中标 候选人')?.rank, 1);
  assert.equal(classifyLabel('第二名')?.key, 'candidate');
  assert.equal(classifyLabel('第一标包')?.key, 'lot');
});

test('budget, ceiling, fee and deposit labels are never award amounts', () => {
  for (const label of ['预算金额', '最高限价', '招标控制价（万元）', '代理服务费', '投标保证金']) {
    assert.notEqual(classifyLabel(label)?.key, 'awardValue', label);
    assert.notEqual(classifyLabel(label)?.key, 'totalValue', label);
  }
});

test('one line can hold several labels (ccgp-7658293 sign-off)', () => {
  assert.deepEqual(fieldsOf('联 系 人：杨利峰 电 话： 0476--7866605'), [['other', '杨利峰'], ['other', '0476--7866605']]);
  assert.deepEqual(fieldsOf('项目负责人：薛华峰联系电话：0551-66223650'), [['other', '薛华峰'], ['other', '0551-66223650']]);
});

test('a label in brackets inside a sentence ends at the closing bracket (YNDH-ZB-(2016)1018号)', () => {
  assert.deepEqual(fieldsOf('（招标编号：YNDH-ZB-(2016)1018号）'), [['projectCode', 'YNDH-ZB-(2016)1018号']]);
  assert.deepEqual(fieldsOf('就X项目（项目编号：2016ZQHW-154XJ）组织采购'), [['projectCode', '2016ZQHW-154XJ']]);
});

test('（大写：…） annotates the amount instead of starting a field (misc-test_data_12)', () => {
  assert.deepEqual(fieldsOf('中标金额：84.8651万元（大写：捌拾肆万捌仟陆佰伍拾壹元整）'),
    [['awardValue', '84.8651万元（大写：捌拾肆万捌仟陆佰伍拾壹元整）']]);
});

test('a date label glued to other words is not the publication date', () => {
  assert.deepEqual(fieldsOf('三、本项目采购公告日期：2009年6月23日'), [['other', '2009年6月23日']]);
  assert.deepEqual(fieldsOf('发布时间： 2016-11-21 08:46'), [['publishedAt', '2016-11-21 08:46']]);
});

test('a label alone on its line takes the next line as its value (misc-test_data_23)', () => {
  assert.deepEqual(fieldsOf('工程名称：\n石河子市公安局交警支队车辆管理所郊区大队供暖管网改造工程'),
    [['projectName', '石河子市公安局交警支队车辆管理所郊区大队供暖管网改造工程']]);
});

test('two-column rows pair labels with values; a rowspan cell before them is left alone (cqggzy-c1b86a53)', () => {
  assert.deepEqual(fieldsOf('涪陵区白涛至麻溪河公路路面改造工程\t第一中标候选人\t四川泸州通达路桥有限公司'),
    [['candidate', '四川泸州通达路桥有限公司']]);
  assert.deepEqual(fieldsOf('拟 中 标 人\t四川泸州通达路桥有限公司\t最高限价 (万元)\t833.022736'),
    [['proposedWinner', '四川泸州通达路桥有限公司'], ['ceiling', '833.022736']]);
});

test('a row cell holding "label：value" is read as a field (misc-test_data_4)', () => {
  assert.deepEqual(fieldsOf('第一名\t单位名称： 新疆东方工程管理有限公司'), [['candidate', null], ['partyName', '新疆东方工程管理有限公司']]);
});

test('header rows make tables; score columns are not amounts; units come from the header', () => {
  const page = buildPage('包号\t投标人名称\t价格得分\t推荐排名\n1\t广东凡人医疗器械有限公司\t35\t1\n序号\t成交供应商名称\t成交金额(万元)\n1\t贺州市三友林业科技有限责任公司\t68.8');
  const [scores, winners] = findTables(page);
  assert.deepEqual(scores.columns.map((c) => c.role), ['lot', 'bidder', 'other', 'rank']);
  assert.deepEqual(winners.columns.map((c) => [c.role, c.unit]), [['other', null], ['winner', null], ['amount', '万元']]);
  assert.equal(winners.rows.length, 1);
});

test('a row that lost trailing empty cells keeps its columns (cqgp failed lots)', () => {
  const page = buildPage('废标原因\t备注\n投标人不足三家\t');
  const [table] = findTables(page);
  assert.equal(table.rows[0].cells[0]?.text, '投标人不足三家');
});

test('lot identifiers', () => {
  assert.equal(lotIdOf('第6包'), '6');
  assert.equal(lotIdOf('第一标包'), '1');
  assert.equal(lotIdOf('1包'), '1');
  assert.equal(lotIdOf('A包'), 'A');
  assert.equal(lotIdOf('第十二标段'), '12');
  assert.equal(lotIdOf('/'), null);
});

test('placeholders are never values', () => {
  for (const s of ['见公告原文', '详见附件', '无', '/', '——']) assert.ok(isPlaceholder(s), s);
  assert.ok(!isPlaceholder('北京派得伟业科技发展有限公司'));
});

test('money: the unit from the label, capital numerals checked, unit prices refused', () => {
  const page = buildPage('817.657533\n人民币壹佰玖拾伍万万元整（￥195万元）\n400元∕天');
  assert.equal(readMoney(page, page.lines[0].span, '万元')?.value, 817657533);
  const malformed = readMoney(page, page.lines[1].span, null);
  assert.equal(malformed?.value, 195000000);
  assert.ok(malformed?.warnings.some((w) => w.includes('壹佰玖拾伍万万元整')));
  assert.equal(readMoney(page, page.lines[2].span, null), null);
});

test('rates are not money: 下浮率 in the value, or a rate label such as 成交下浮系数', () => {
  const page = buildPage('下浮率：8.5%\n20%');
  assert.deepEqual(readRate(page, page.lines[0].span, null)?.value, { kind: '下浮率', percent: 8.5 });
  const label = classifyLabel('成交下浮系数')!;
  assert.deepEqual(readRate(page, page.lines[1].span, label)?.value, { kind: '下浮率', percent: 20 });
  assert.equal(readMoney(page, page.lines[0].span, null), null);
});

test('several numbers in one project code field: the first is kept, the others reported', () => {
  const page = buildPage('16A4937,16A5022,16A5133');
  const code = projectCodeOf(page, whole(page));
  assert.equal(code?.value, '16A4937');
  assert.deepEqual(code?.others, ['16A5022', '16A5133']);
});

test('a code run into the words after it ends where they start; codes written with words stay whole', () => {
  const cases: [string, string][] = [
    // page text with its breaks lost (gathered ggzy-11, ggzy-27)
    ['S110000A001021220002本石景山区古城南街东侧（首钢园区东南区）1612-769', 'S110000A001021220002'],
    ['HTWZ2020-06各投标人', 'HTWZ2020-06'],
    // ccgp-7658375, jxggzy-47, tenderx-13
    ['HZZFCG2016货字406号', 'HZZFCG2016货字406号'],
    ['赣建洪招字【2026】第01号', '赣建洪招字【2026】第01号'],
    ['徐采中招2026-040', '徐采中招2026-040'],
    // a space typed before the joiner (ccgp.gov.cn 新疆 温泉, 2026)
    ['XJZCYSCS2026 -018', 'XJZCYSCS2026-018'],
    // dashes typed as em dashes (webtct-4, 2015)
    ['KXZBF—2015—131', 'KXZBF—2015—131'],
    // a number joined by a hyphen to the agency's words (ccgp.gov.cn 浙江 东阳, 2026)
    ['330783263601470000008-浙建航招（东2026010号）', '330783263601470000008-浙建航招（东2026010号）'],
  ];
  for (const [text, code] of cases) {
    const page = buildPage(text);
    assert.equal(projectCodeOf(page, whole(page))?.value, code, text);
  }
});

test('the investment project code and the trading centre number are project codes (jxggzy-40, ggzy-29)', () => {
  assert.deepEqual(fieldsOf('投资项目代码：2509-360733-04-01-370085'), [['projectCode', '2509-360733-04-01-370085']]);
  assert.equal(classifyLabel('公共资源编号')?.key, 'projectCode');
});

test('method: the ticked box wins (misc-test_data_0)', () => {
  const page = buildPage('√公开招标 □邀请招标');
  assert.equal(methodOf(page, whole(page))?.value, '公开招标');
});

test('consortium: lead and member from notes in brackets', () => {
  const page = buildPage('新疆甲科技有限公司（联合体牵头人）、喀什乙工程有限公司（联合体成员）');
  const split = splitSuppliers(page, whole(page));
  assert.deepEqual(split.suppliers.map((s) => [s.name, s.role]), [['新疆甲科技有限公司', 'lead'], ['喀什乙工程有限公司', 'member']]);
});

test('consortium: "X与Y联合体" names no lead, so both are members and a warning says so', () => {
  const page = buildPage('新疆甲科技有限公司与喀什乙工程有限公司联合体');
  const split = splitSuppliers(page, whole(page));
  assert.deepEqual(split.suppliers.map((s) => s.role), ['member', 'member']);
  assert.equal(split.warnings.length, 1);
});

test('a brand that merely contains 主 is not a consortium lead', () => {
  const page = buildPage('北京派得伟业科技发展有限公司');
  assert.deepEqual(splitSuppliers(page, whole(page)).suppliers.map((s) => s.role), ['sole']);
});

test('notice types from titles; 中标公示 decided by the content', () => {
  const base = { body: '', hasWinner: false, hasCandidates: false, hasFailedLots: false };
  assert.equal(classifyNotice({ ...base, heads: ['拟中标结果公示表'], hasCandidates: true }).type, 'candidate');
  assert.equal(classifyNotice({ ...base, heads: ['某项目终止公告'] }).type, 'termination');
  assert.equal(classifyNotice({ ...base, heads: ['某项目流标公告'] }).type, 'termination');
  assert.equal(classifyNotice({ ...base, heads: ['某项目更正公告'] }).type, 'correction');
  assert.equal(classifyNotice({ ...base, heads: ['某项目竞争性磋商公告'] }).type, 'tender');
  assert.equal(classifyNotice({ ...base, heads: ['重庆三峡学院交换机等设备采购结果公示'], hasWinner: true }).type, 'award');
  assert.equal(classifyNotice({ ...base, heads: ['中标公示信息（监理）'], hasCandidates: true }).type, 'candidate');
  assert.equal(classifyNotice({ ...base, heads: ['中标公示信息（监理）'], hasWinner: true }).type, 'award');
  const titled = classifyNotice({ ...base, heads: ['某项目中标公告'], hasCandidates: true });
  assert.deepEqual([titled.type, titled.awardWithCandidatesOnly], ['award', true]);
  assert.equal(classifyNotice({ ...base, heads: ['关于开展政府采购业务培训的通知'] }).type, 'other');
});

test('contract models from the 运作方式 field and PPP mentions, in text order', () => {
  const page = buildPage('某PPP项目\n运作方式：BOT（建设-运营-移交）\n项目采用TOT模式');
  const models = findContractModels(page, scanFields(page, new Set()).fields);
  assert.deepEqual(models.map((m) => m.value), ['PPP', 'BOT', 'TOT']);
});

test('markup: meta tags, #pubTime and class markers', () => {
  const html = '<meta name="ArticleTitle" content="X项目中标公告"><meta content="2016-11-30 15:58" name="PubDate">'
    + '<span id="pubTime">2016年11月30日 15:58</span><span class="x code-winningSupplierName">甲公司</span>';
  const m = readMarkup(html);
  assert.deepEqual([m.title, m.pubDate, m.pubTime], ['X项目中标公告', '2016-11-30 15:58', '2016年11月30日 15:58']);
  assert.deepEqual(m.markers, [{ name: 'winningSupplierName', text: '甲公司' }]);
});

test('the locator finds markup text whatever the spacing in the readable text', () => {
  const text = '甲\n库尔勒市人民东路 15号\n乙';
  const span = new Locator(text).find('库尔勒市人民东路  15号');
  assert.equal(span?.text, '库尔勒市人民东路 15号');
  assert.equal(text.slice(span!.start, span!.end), span!.text);
});

test('a winner field that only says 见公告原文 is not a winner, and the warning says so', () => {
  const n = extractNotice(doc('成交结果如下：\n四、成交信息\n成交供应商名称：见公告原文'));
  assert.equal(n.noticeType, 'award');
  assert.deepEqual(n.awards, []);
  assert.deepEqual(n.warnings, ['winner field says 见公告原文 and no pasted original names one']);
});

test('总中标金额 is a single award\'s value, but not one lot\'s value among several', () => {
  const one = extractNotice(doc('中标公告\n总中标金额：56.98万元\n中标供应商：甲科技有限公司'));
  assert.deepEqual(one.awards.map((a) => a.value?.fen), [56980000]);
  const two = extractNotice(doc('中标公告\n总中标金额：100万元\n第一包：\n中标供应商：甲科技有限公司\n第二包：\n中标供应商：乙科技有限公司'));
  assert.deepEqual(two.awards.map((a) => [a.lot, a.value]), [['1', null], ['2', null]]);
});

test('the same winner written twice (structured part and pasted original) is one award', () => {
  const n = extractNotice(doc('中标公告\n成交供应商名称：甲科技有限公司\n成交金额：10万元\n原文\n成交供应商名称：甲科技有限公司\n成交金额：10万元'));
  assert.equal(n.awards.length, 1);
  assert.deepEqual(n.warnings, []);
});

test('different amounts for the same winner are reported, the first kept', () => {
  const n = extractNotice(doc('中标公告\n成交供应商名称：甲科技有限公司\n成交金额：10万元\n原文\n成交供应商名称：甲科技有限公司\n成交金额：12万元'));
  assert.deepEqual(n.awards.map((a) => a.value?.fen), [10000000]);
  assert.equal(n.warnings.length, 1);
  assert.match(n.warnings[0], /two different amounts/);
});

test('a USCC printed in brackets after the winner is the winner\'s', () => {
  const n = extractNotice(doc('中标公告\n中标供应商：和田示例安防科技有限公司（统一社会信用代码：91653200MA78Q2K5X6）\n中标金额：10万元'));
  assert.deepEqual(n.awards[0].suppliers.map((s) => [s.name, s.uscc]), [['和田示例安防科技有限公司', '91653200MA78Q2K5X6']]);
  assert.ok(n.evidence.some((e) => evidencePath(e) === 'awards[0].suppliers[0].uscc' && e.text === '91653200MA78Q2K5X6'));
});

test('a bidders\' table shaped exactly like the winners\' one names no winner outside the result section', () => {
  const n = extractNotice(doc([
    '某项目成交公告', '一、评审情况', '序号\t供应商名称\t供应商地址\t成交金额（元）',
    '1\t甲科技有限公司\t和田市团结路1号\t386000.00', '2\t乙科技有限公司\t和田市团结路2号\t379500.00',
    '二、成交结果', '序号\t供应商名称\t供应商地址\t成交金额（元）', '1\t甲科技有限公司\t和田市团结路1号\t386000.00',
  ].join('\n')));
  assert.deepEqual(n.awards.map((a) => a.suppliers.map((s) => s.name)), [['甲科技有限公司']]);
});

test('a different buyer named again further down is reported, the first kept', () => {
  const n = extractNotice(doc('中标公告\n采购单位名称：于田县公安局\n原文\n采购人名称：于田县人民医院\n采购人：于田县公安局'));
  assert.equal(n.buyer?.name, '于田县公安局');
  assert.deepEqual(n.warnings.filter((w) => w.startsWith('buyer')), ['buyer: the notice also names 于田县人民医院 (kept 于田县公安局, the first)']);
});

test('a page with almost no text says so (misc-test_3: only 来源：中国政府采购网)', () => {
  const n = extractNotice(doc('来源：中国政府采购网', '<p>来源：中国政府采购网</p>'));
  assert.equal(n.noticeType, 'other');
  assert.deepEqual(n.warnings, ['the document has almost no text (10 characters); it may be an image or a stub']);
});

test('a correction notice that names a winner does not store an award', () => {
  const n = extractNotice(doc('中标结果更正公告\n更正后中标供应商：甲科技有限公司'));
  assert.equal(n.noticeType, 'correction');
  assert.deepEqual(n.awards, []);
  assert.match(n.warnings[0], /correction notice names 甲科技有限公司/);
});

test('a text that is no procurement notice is kept as "other" and says so (a README, a JSON index)', () => {
  const readme = extractNotice(doc('# Real procurement notices (test corpus)\n\nThese files were downloaded from public sites for testing the extractor.'));
  assert.equal(readme.noticeType, 'other');
  assert.deepEqual(readme.awards, []);
  assert.deepEqual(readme.warnings, [
    'not recognised as a procurement notice: no award, candidate, tender, correction or termination wording; no award is stored from it',
  ]);
});
