// Notice types from title words, then body wording. Titles are taken from real notices (the shared corpus
// and public sites); each assertion names the wording it checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyNotice, menuLines, typeHeads } from '../../ingest/extract/notice-type.ts';
import type { TypeEvidence } from '../../ingest/extract/notice-type.ts';
import { buildPage } from '../../ingest/extract/page.ts';

const base: TypeEvidence = { heads: [], body: '', hasWinner: false, hasCandidates: false, hasFailedLots: false };
const typeOf = (e: Partial<TypeEvidence>) => classifyNotice({ ...base, ...e }).type;

test('流标 / 废标 / 终止 titles are terminations when no winner is named', () => {
  assert.equal(typeOf({ heads: ['宜丰县工业园区集中供热及管网配套基础设施工程终止招标公告[重发公告第3次]'] }), 'termination');
  assert.equal(typeOf({ heads: ['铅山县葛仙村景区周边配套基础设施建设项目污水处理等建设工程废标公示[中标候选人公示变更]'] }), 'termination');
  assert.equal(typeOf({ heads: ['某医院CT采购项目流标公告'] }), 'termination');
  assert.equal(typeOf({ heads: ['关于某某项目采购失败的公告'] }), 'termination');
  assert.equal(typeOf({ heads: ['某某项目（第二包）废标'] }), 'termination');
});

test('a result notice with winners that names failed lots in its title stays an award', () => {
  assert.equal(typeOf({ heads: ['某某项目中标结果公告（第2包流标）'], hasWinner: true, hasFailedLots: true }), 'award');
  assert.equal(typeOf({ heads: ['某某设备采购项目（部分废标）'], hasWinner: true }), 'award');
});

test('a tender that tells the history of a failed call (因流标重新招标) is a tender', () => {
  assert.equal(typeOf({ heads: ['某某工程（因流标重新招标）招标公告'] }), 'tender');
});

test('every usual correction heading is a correction', () => {
  for (const title of ['某项目更正公告', '某项目变更公告', '[会昌县]2025年会昌县城区八座桥梁维修工程项目[变更公告:第 1次]', '某项目补充公告',
    '某项目澄清公告', '关于某项目招标文件的澄清', '某项目答疑', '某项目延期公告', '关于某某项目的更正',
    '某项目中标结果更正公告']) {
    assert.equal(typeOf({ heads: [title] }), 'correction', title);
  }
});

test('a one-line correction without a title word is read from its body', () => {
  assert.equal(typeOf({ body: '某某项目（编号：ABC-1）原定开标时间2020年5月6日，现更正如下：开标时间改为2020年5月9日。' }), 'correction');
  assert.equal(typeOf({ body: '更正内容：投标截止时间延至2020年5月9日9时。投标文件递交截止时间同上。' }), 'correction');
  // A result that names winners and mentions a correction is still a result.
  assert.equal(typeOf({ body: '现将结果公告如下；原公告内容不变。', hasWinner: true }), 'award');
});

test('candidate notices are candidates', () => {
  for (const title of ['某项目中标候选人公示', '某项目拟中标结果公示表', '某项目预中标公告', '某项目中标预告', '某项目拟成交公示']) {
    assert.equal(typeOf({ heads: [title], hasCandidates: true }), 'candidate', title);
    assert.equal(typeOf({ heads: [title], hasWinner: true }), 'candidate', `${title}, even with winner fields`);
  }
});

test('an evaluation result (评标结果公示) listing candidates is a candidate notice; naming a winner makes it an award', () => {
  assert.equal(typeOf({ heads: ['某某工程评标结果公示'], hasCandidates: true }), 'candidate');
  assert.equal(typeOf({ heads: ['某某工程评标结果公示'], hasWinner: true }), 'award');
});

test('a procurement plan or intention is no tender: other, with a note saying what it is', () => {
  for (const title of ['招标计划公告', '某区2021年1-3月政府采购意向公开', '某某局2020年采购计划公示']) {
    const d = classifyNotice({ ...base, heads: [title] });
    assert.equal(d.type, 'other', title);
    assert.match(d.note ?? '', /procurement plan/, title);
  }
  // A tender's own code label is not a plan.
  assert.equal(typeOf({ heads: ['某某项目公开招标公告'], body: '采购计划编号：2020-001' }), 'tender');
});

test('a site menu near the top (one category per line) is not a title', () => {
  const text = ['江西省公共资源交易平台-[新建区]某某工程', ' 网站首页 > ', ' 交易信息> ', ' 招标计划', ' 招标公告', ' 答疑澄清', ' 文件下载',
    ' 中标候选人公示', ' 中标结果公示', ' 某某工程', '招标计划公告', '序号\t项目名称'].join('\n');
  const page = buildPage(text);
  const menu = menuLines(page);
  assert.ok(menu.has(5) && menu.has(8), 'menu lines found');
  const heads = typeHeads(page, null);
  assert.ok(!heads.some((h) => h.includes('答疑澄清')), `heads: ${heads.join(' / ')}`);
  assert.equal(typeOf({ heads }), 'other');
  // The same menu as one line of markdown links.
  assert.ok(menuLines(buildPage('标题\n  * 招标公告[14]\n  * 变更公告[16]\n  * 终止公告[19]\n正文')).has(3));
});

test('a spaced-out document title in a PDF (招 标 文 件) is a tender, a label row is not a title', () => {
  const page = buildPage('某某监狱 2026 年度配餐采购项目\n招 \t标 \t文 \t件\n项目编号：X-1');
  assert.equal(typeOf({ heads: typeHeads(page, null) }), 'tender');
  const labels = buildPage('项 目 名 称\t某某工程\n中标候选人\t某某公司');
  assert.deepEqual(typeHeads(labels, null), ['']);
});

test('a candidate notice published again in full ([中标候选人公示变更]) with its candidates is a candidate notice', () => {
  const title = '宜春市袁州区棚户区改造双桥小区建设项目中标候选人公示[中标候选人公示变更] [第2次变更]';
  assert.equal(typeOf({ heads: [title], hasCandidates: true }), 'candidate');
  assert.equal(typeOf({ heads: [title] }), 'correction');
  assert.equal(typeOf({ heads: ['某项目中标候选人公示更正公告'], hasCandidates: true }), 'correction');
});
