// When a list of names is the panel's ranking (candidates), and when it is only a list of bidders. The pages
// carry no licence, so each case is a minimal page in the same wording, naming the real notice that showed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

const ranked = (notice: Awaited<ReturnType<typeof extract>>) => notice.candidates.map((c) => [c.rank, c.name]);

test('是否成交候选人 | 是 / 否 in a table flattened one cell per line says who was put forward (湖南轻工高级技工学校 297520181030209, 2018)', async () => {
  const cells = (...rows: string[][]) => rows.flat().join('\n');
  const notice = await extract('某某学校监控系统采购公开招标中标公告\n三、供应商投标情况\n包1：\n'
    + cells(['供应商信息', '资格审查结果', '符合性审查结果', '报价', '评标价', '评分', '推荐排名', '是否成交候选人'],
      ['湖南某某科技发展有限公司', '审核通过', '审核通过', '1,798,196.00', '1,798,196.00', '97.45', '1', '是'],
      ['北京某某科技发展有限公司', '审核通过', '审核通过', '1,828,000.00', '1,828,000.00', '63.51', '2', '是'],
      ['湖南某某高科技有限公司', '审核通过', '审核不通过', '1,817,175.00', '1,817,175.00', '0', '3', '否'])
    + '\n四、中标供应商供货明细\n');
  assert.deepEqual(ranked(notice), [[1, '湖南某某科技发展有限公司'], [2, '北京某某科技发展有限公司']]);
  assert.deepEqual(notice.candidates.map((c) => c.bid?.fen), [179_819_600, 182_800_000]);
  assert.deepEqual(notice.awards, []);
});

test('names numbered 1, 2, 3 under 评审结果 are the ranking of each lot; under a bidders\' heading they are not (95981部队 2016-KJBJ－1008-2)', async () => {
  const notice = await extract('某某部队气象物资评标结果公示\n四、评审结果\n第一包：便携式气压发生器\n1.杭州某某通信设备有限公司；\n'
    + '2.太原市某某科技有限公司；\n3.浙江某某技术装备有限公司；\n根据评审结果，确定排名第一的杭州某某通信设备有限公司为中标供应商。\n'
    + '五、投标人名单\n1.北京市某某技术有限公司；\n2.天津某某仪器有限公司；\n');
  assert.deepEqual(ranked(notice), [[1, '杭州某某通信设备有限公司'], [2, '太原市某某科技有限公司'], [3, '浙江某某技术装备有限公司']]);
  assert.deepEqual(notice.awards.map((a) => a.suppliers.map((s) => s.name)), [['杭州某某通信设备有限公司']]);
  // A list that does not count up from 1, or whose items say more than a name, is no ranking.
  const loose = await extract('某某评标结果公示\n四、评审结果\n2.太原市某某科技有限公司；\n3.浙江某某技术装备有限公司；\n'
    + '五、推荐排序\n1.杭州某某通信设备有限公司 报价：12万元\n2.太原市某某科技有限公司 报价：13万元\n');
  assert.deepEqual(ranked(loose), []);
});

test('a ranking table flattened with no separators reads from 排序投标人名称 (济南市钢城区 2020JSCG15Z5001001, 2020)', async () => {
  const notice = await extract('济南市某某宾馆厨房设备采购项目预中标公示\n评标排序排序投标人名称资质等级项目负责人投标总报价（元)质量工期/天'
    + '1莱芜某某建筑安装工程有限公司李某5122156.002年302山东省博兴县某某厨业有限公司苏某5345852.00两年30'
    + '3山东某某厨业有限公司郝某5385860.602年30项目班子成员\n');
  assert.deepEqual(ranked(notice), [[1, '莱芜某某建筑安装工程有限公司'], [2, '山东省博兴县某某厨业有限公司'], [3, '山东某某厨业有限公司']]);
});

test('the next item\'s number and the words of its label end a value (珠海市教育局 CLPSP16ZH04ZC25, 2016)', async () => {
  const notice = await extract('某某项目的中标公告\n九、中标候选人信息 1.中标候选人供应商名称：珠海某某电子科技有限公司 2.中标候选人地址：珠海市香洲凤凰南路1030号 '
    + '3.报价金额：人民币（RMB2,296,472.00）\n');
  assert.deepEqual(ranked(notice), [[null, '珠海某某电子科技有限公司']]);
});

test('a numbered list under 评审结果 that a label line introduces as turned down or passed is no ranking', async () => {
  for (const intro of ['未通过符合性审查的供应商：', '通过资格性审查的供应商：']) {
    const notice = await extract(`某某采购结果公告\n四、评审结果\n${intro}\n1.甲某科技有限公司；\n2.乙某科技有限公司；\n`);
    assert.deepEqual(ranked(notice), [], intro);
  }
});

test('ranks written 一, 二 or 1（推荐） rank their rows', async () => {
  const notice = await extract('某某采购中标公告\n三、评审结果\n排名\t投标人名称\t投标报价\n一\t甲某科技有限公司\t100万元\n二\t乙某科技有限公司\t110万元\n'
    + '四、中标信息\n中标供应商：甲某科技有限公司\n');
  assert.deepEqual(ranked(notice), [[1, '甲某科技有限公司'], [2, '乙某科技有限公司']]);
  const marked = await extract('某某采购中标候选人公示\n三、评审结果\n排名\t投标人名称\t投标报价\n1（推荐）\t甲某科技有限公司\t100万元\n2\t乙某科技有限公司\t110万元\n');
  assert.deepEqual(ranked(marked), [[1, '甲某科技有限公司'], [2, '乙某科技有限公司']]);
});
