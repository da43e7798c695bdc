// The 2020 national template of 中国政府采购网 (中标（成交）结果公告) as provinces publish it: lots as 标包：A
// blocks, a note in the amount's label, the losers' section 九、未中标（成交）供应商的未中标（成交）原因, and a ranking
// table with a column for the reasons of those turned down. The pages carry no licence, so each case is a
// minimal page in the same wording, naming the real notice that showed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

const lot = (name: string, winner: string, amount: string) =>
  `标包：${name}\n供应商名称：${winner}\n供应商地址：济南市某某路1号\n中标（成交）金额：（可填写下浮率、折扣率或 费率）：${amount}\n`;

test('the losers\' section names no winner, and a lot\'s winner that lost other lots keeps its lot (济南大学 SDGP370000000202502005150, 2025)', async () => {
  const notice = await extract('某某大学学生公寓改造提升项目施工中标（成交）结果公告\n一、项目编号：SDGP370000000202502005150\n三、中标（成交）信息：\n'
    + lot('A', '中建某局第二建设有限公司', '2837.861389万元') + lot('B', '中铁某局集团有限公司', '2435万元')
    + '四、主要标的信息：\n九、未中标（成交）供应商的未中标（成交）原因：\n1、济南市某某建设管理集团有限公司：评审得分较低\n'
    + '2、中铁某局集团有限公司：评审得分较低（标包A）\n3、深圳市某某建设集团有限公司：评审得分较低\n十、其他补充事宜\n');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.value?.fen]), [
    ['A', ['中建某局第二建设有限公司'], 2_837_861_389],
    ['B', ['中铁某局集团有限公司'], 2_435_000_000],
  ]);
  assert.ok(notice.warnings.some((w) => /中铁某局集团有限公司.*also listed among the bidders turned down/.test(w)), notice.warnings.join('\n'));
  // With one lot, a winner the notice also turns down is not stored.
  const single = await extract('某某项目中标（成交）结果公告\n三、中标（成交）信息：\n供应商名称：中铁某局集团有限公司\n'
    + '九、未中标（成交）供应商的未中标（成交）原因：\n1、中铁某局集团有限公司：符合性审查不通过\n');
  assert.deepEqual(single.awards, []);
});

test('a ranking table with a column of reasons turns down only the rows that give one (大连金普新区 LNYCDL20260907, 2026)', async () => {
  const notice = await extract('某某医院除颤仪中标结果公告\n三、中标（成交）信息\n1.中标结果：\n序号\t中标（成交）金额(元)\t中标供应商名称\t中标供应商地址\n'
    + '1\t报价：250000（元）\t大连某某商贸有限公司\t辽宁省大连保税区某某路24号\n2.供应商排名和评分:\n'
    + '标项号\t供应商名称\t资格审查结果\t总得分\t排名\t未通过资格审查原因\n1\t大连某某商贸有限公司\t通过\t94.61\t1\t-\n'
    + '1\t长春市某某医疗器械有限公司\t通过\t68.83\t2\t-\n1\t沈阳某某科技有限公司\t不通过\t0\t3\t资质证书过期\n');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['大连某某商贸有限公司'], 25_000_000]]);
  const turnedDown = await extract('某某医院除颤仪中标结果公告\n三、中标（成交）信息\n1.中标结果：\n序号\t中标（成交）金额(元)\t中标供应商名称\n'
    + '1\t250000\t沈阳某某科技有限公司\n2.供应商排名和评分:\n标项号\t供应商名称\t资格审查结果\t总得分\t排名\t未通过资格审查原因\n'
    + '1\t沈阳某某科技有限公司\t不通过\t0\t1\t资质证书过期\n');
  assert.deepEqual(turnedDown.awards, []);
});

test('failed lots as the template writes them: 包号 + 废标（终止）原因, 第14包：…本包废标, 包组编号 + 废标情形 (重庆, 北京, 岫岩 2026)', async () => {
  const mixed = await extract('某某医院设备采购中标（成交）结果公告\n三、中标（成交）信息\n包号：1\n供应商名称：重庆某某医疗器械有限公司\n'
    + '中标（成交）金额： 73,500.00元\n包号：6\n废标（终止）原因：无投标人参与投标。\n包号：5\n废标（终止）原因：投标人不足三家（仅有一家）。\n四、主要标的信息\n');
  assert.deepEqual(mixed.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name)]), [
    ['1', 'active', ['重庆某某医疗器械有限公司']], ['6', 'unsuccessful', []], ['5', 'unsuccessful', []],
  ]);
  const terminated = await extract('某某医用设备集中带量采购放射组第14包、第16包废标公告\n一、项目基本情况\n采购项目编号：202601\n二、项目终止的原因\n'
    + '第14包：通过符合性审查的投标人不足3家，本包废标。\n第16包：通过符合性审查的投标人不足3家，本包废标。\n三、其他补充事宜\n');
  assert.deepEqual(terminated.awards.map((a) => [a.lot, a.status]), [['14', 'unsuccessful'], ['16', 'unsuccessful']]);
  const group = await extract('某某设备采购项目（第二次）结果公告\n三、中标（成交）信息\n包组编号：002\n包组名称：县级医院设备采购\n结果类型：废标\n'
    + '废标情形：通过符合性检查的供应商不足3家。\n四、主要标的信息\n');
  assert.deepEqual(group.awards.map((a) => [a.lot, a.status]), [['2', 'unsuccessful']]);
});

test('a one-line result with its unit in a field of its own, 首次公告时间, and the buyer\'s block opened mid-line (鄂州 EZYG-ZFCG-2023-017, 2023)', async () => {
  const notice = await extract('中标（成交）结果公告 采购项目名称： 某某学校信息化设备采购项目 采购项目编号： EZYG-ZFCG-2023-017 '
    + '中标（成交）供应商名称： 武汉市某某科技有限公司 中标（成交）价格： 121.5 价格单位： 万元 价格币种： 人民币 首次公告时间： 2023-09-06 15:13:53 '
    + '十一、凡对本次公告内容提出询问，请按以下方式联系 1、采购人信息 名 称：鄂州市某某中心学校 地 址：新庙镇文塘村 联系方式：13986403924 '
    + '2、采购代理机构信息 名 称：鄂州某某工程造价咨询有限责任公司 地 址：文苑1号 联系方式：13554455605\n');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['武汉市某某科技有限公司'], 121_500_000]]);
  assert.equal(notice.publishedAt, '2023-09-06');
  assert.equal(notice.buyer?.name, '鄂州市某某中心学校');
  assert.equal(notice.agency?.name, '鄂州某某工程造价咨询有限责任公司');
});

test('中标公司名称 names the winner (扶余市人民医院 FYGGZYCG-2023084, 2023)', async () => {
  const notice = await extract('扶余市某某医院CT球管采购项目中标公示\n中标结果公告\n三、中标信息：\n中标公司名称：上海某某贸易商行\n'
    + '中标公司地址：上海市金山区某某街88号\n中标金额：118万元\n四、主要标的信息\n');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]),
    [[[['上海某某贸易商行', '上海市金山区某某街88号']], 118_000_000]]);
});

test('合同包1(名称): opens lot 1; a ranking row cut short at its end is turned down, not ranked (林口县中医院 2026)', async () => {
  const notice = await extract('某某医院医疗设备采购及服务结果公告\n三、采购结果\n合同包1(医疗设备采购及服务):\n供应商名称\t供应商地址\t中标（成交）金额\n'
    + '国药集团某某医疗器械有限公司\t哈尔滨经开区某某路261号\t1,430,000.00元\n八、其他补充事宜\n合同包1(医疗设备采购及服务):\n'
    + '供应商\t资格性审查\t符合性审查\t综合得分\t最终报价\t推荐排名\t备注\n国药集团某某医疗器械有限公司\t通过\t通过\t98.76\t1,430,000.00\t1\t\n'
    + '黑龙江省某某商贸有限公司\t通过\t通过\t85.16\t1,450,000.00\t2\t\n哈尔滨某某医疗器械有限公司\t不通过符合性审查,原因是：其他无效情形\t\n');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.value?.fen]), [['1', ['国药集团某某医疗器械有限公司'], 143_000_000]]);
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]), [[1, '国药集团某某医疗器械有限公司'], [2, '黑龙江省某某商贸有限公司']]);
});
