// Layouts of held-out batch 16 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of 26 further
// publishers. Each page here keeps the wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);
const ranked = (n: Notice) => n.candidates.map((c) => [c.rank, c.name]);

test('candidates ranked in words run into their names (第一名X) under a sentence ending 推荐以下投标人为中标候选人：', async () => {
  const notice = await extract('2015年某某宽带专项改造工程施工集中采购招标中标候选人公示\n项目名称：2015年某某宽带专项改造工程\n'
    + '该项目经评标委员会认真评审，推荐以下投标人为中标候选人：\n第一名中通某某通信股份有限公司\n第二名某某中天通信有限责任公司\n第三名某某长邮通信建设有限公司\n（按排名顺序）\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(ranked(notice), [[1, '中通某某通信股份有限公司'], [2, '某某中天通信有限责任公司'], [3, '某某长邮通信建设有限公司']]);
  // a list said to be in no order is no ranking
  const unordered = await extract('某某公司创新业务合作伙伴招募结果公示\n根据评审结果，入围供应商公示如下（排名不分先后）：\n标段一（智慧政务）：\n1）某某信联科技有限公司\n2）某某信息技术有限公司\n');
  assert.deepEqual(ranked(unordered), []);
});

test('a candidates\' column (中选候选人) whose cell numbers them (1、甲 2、乙) gives each its rank', async () => {
  const notice = await extract('某某检验服务-中标候选人公示\n二、中标候选人\n包号\t包名称\t中选候选人\n001\ta\t1、天津某某金属检测技术有限公司 2、安徽某某能源科技发展有限责任公司\n三、本次招标联系事项\n');
  assert.deepEqual(ranked(notice), [[1, '天津某某金属检测技术有限公司'], [2, '安徽某某能源科技发展有限责任公司']]);
});

test('a lot numbered in Roman numerals (（ⅲ标段）) ends the project\'s name; 标段名称 rows ending in a lot (…施工a标段) open each lot', async () => {
  const roman = await extract('工程名称：新建某某小学工程 （ⅲ标段）\n中标单位：某某建设工程有限公司\n中标造价：169905元\n');
  assert.deepEqual(won(roman), [['3', 'active', ['某某建设工程有限公司'], 16_990_500]]);
  const named = await extract('某某回迁房项目（第a、b、c标段）施工\n中标情况如下：\n标段名称\t某某回迁房项目（第a、b、c标段）施工a标段\n中标人名称\t某某第二建筑工程有限公司\n'
    + '标段名称\t某某回迁房项目（第a、b、c标段）施工b标段\n中标人名称\t某某城建集团有限公司\n');
  assert.deepEqual(won(named), [['A', 'active', ['某某第二建筑工程有限公司'], null], ['B', 'active', ['某某城建集团有限公司'], null]]);
});

test('the lot a buyer is named for, in brackets before its name (采购人：（品目一）X), is no part of the name', async () => {
  const notice = await extract('某某代理有限公司关于某某委员会等单位台式电脑项目询价的成交公告\n成交供应商：某某办公设备商行\n采购人：（品目一）某某县纪律检查委员会\n地址：某某县长征大道\n');
  assert.equal(notice.buyer?.name, '某某县纪律检查委员会');
});
