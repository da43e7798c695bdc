// Pages a reviewer wrote to break the extractor at version 35 (104 pages in the wording of real notices; six put a name
// among the winners that did not win, some thirty lost a winner): each test below failed on a5cd5b8.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('links to other notices (上一篇 / 下一篇, 相关公告, 热点推荐) name none of this notice\'s winners', async () => {
  const neighbours = await extract('首页 > 交易公开 > 工程建设 > 中标结果公告\n某某县雨污分流改造工程中标结果公告\n招标人：某某县城关镇人民政府\n'
    + '中标人：某某水电安装工程有限公司\n中标价：3,987,600.00元\n【打印】【关闭】\n上一篇：某某县第二实验小学改造工程中标结果公告 中标人：某某建工有限公司\n'
    + '下一篇：某某县农贸市场提升改造工程中标结果公告 中标人：某某市政建设有限公司\n');
  assert.deepEqual(won(neighbours), [[null, ['某某水电安装工程有限公司'], 398_760_000]]);
  const related = await extract('<html><body><h1>某某区人民法院安防系统升级改造项目中标公告</h1><p>采购人：某某区人民法院</p>'
    + '<p>中标供应商：某某安防科技有限公司</p><p>中标金额：¥736,200.00元</p><div><h4>相关公告</h4><ul>'
    + '<li>某某区人民医院污水处理设备采购项目中标公告（中标人：某某环境工程有限公司）</li></ul></div>'
    + '<div><h3>热点推荐</h3><table><tr><td>某某县中医院CT采购中标公告</td><td>中标供应商：某某影像设备有限公司</td><td>2024-05-11</td></tr></table></div></body></html>', 'page.html');
  assert.deepEqual(won(related), [[null, ['某某安防科技有限公司'], 73_620_000]]);
});

test('a title that changes the winner (…中标供应商变更的公告) is a correction: neither the old nor the new winner is stored as an award', async () => {
  const notice = await extract('关于某某市急救中心救护车采购项目中标供应商变更的公告\n原中标供应商：某某汽车贸易有限公司\n原中标金额：1,960,000.00元\n'
    + '变更后中标供应商：某某专用车辆有限公司\n变更后中标金额：1,998,000.00元\n');
  assert.equal(notice.noticeType, 'correction');
  assert.deepEqual(won(notice), []);
});

test('an evaluation\'s publicity whose winner label is the panel\'s proposal (评标委员会推荐中标人) is a candidate notice', async () => {
  const notice = await extract('某某市会展中心室内装修工程评标结果公示\n招标人：某某会展发展有限公司\n评标委员会推荐中标人：某某装饰集团股份有限公司\n'
    + '投标报价：28,760,000.00元\n公示期：2024年11月11日至2024年11月13日\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(won(notice), []);
  assert.deepEqual(notice.candidates.map((c) => c.name), ['某某装饰集团股份有限公司']);
});

test('the winner said in a sentence, with its price: 确定…为中标人，中标价为…, 中标人为X, 本项目中标人为：X, 确定排名第二的…X为中标人', async () => {
  const sentence = async (text: string) => won(await extract(`某某工程中标结果公告\n${text}\n招标人：某某区水务局\n`));
  assert.deepEqual(await sentence('经评标委员会评审并公示，公示期内无异议。经招标人确定，某某水利建设集团有限公司为中标人，中标价为人民币壹仟贰佰叁拾肆万伍仟陆佰元整（¥12,345,600.00），工期240日历天。'),
    [[null, ['某某水利建设集团有限公司'], 1_234_560_000]]);
  assert.deepEqual(await sentence('经评标委员会评审，并经招标人确定，中标人为某某景观建设有限公司，中标价为4,123,456.00元。'), [[null, ['某某景观建设有限公司'], 412_345_600]]);
  assert.deepEqual(await sentence('因原中标人某某管网工程有限公司被投诉查实存在串通投标行为，取消其中标资格。\n经重新评审，本项目中标人为：某某市政建设集团有限公司，中标价：5,123,000.00元。'),
    [[null, ['某某市政建设集团有限公司'], 512_300_000]]);
  assert.deepEqual(await sentence('第一中标候选人某某建筑装饰工程有限公司以书面形式放弃中标资格。招标人依法确定排名第二的中标候选人某某建设集团有限公司为中标人，中标价：19,876,543.21元。'),
    [[null, ['某某建设集团有限公司'], 1_987_654_321]]);
  assert.deepEqual(await sentence('采购人依法确定排名第一的成交候选供应商某某客车股份有限公司为成交供应商，成交金额2,880.00万元。'), [[null, ['某某客车股份有限公司'], 2_880_000_000]]);
  // Words of a proposal or an old winner are no winner's.
  assert.deepEqual(await sentence('拟中标人为某某建设有限公司，投标报价为100万元。'), []);
});

test('after a ranking with no result section of its own, the winner\'s own label (中标人：X / 中标价) names the winner', async () => {
  const notice = await extract('某某市城市道路照明维护项目中标结果公告\n招标人：某某市城市管理综合执法局\n中标候选人公示情况：\n'
    + '第一中标候选人：某某照明工程有限公司，投标报价：2,340,000.00元\n第二中标候选人：某某电力安装有限公司，投标报价：2,398,000.00元\n'
    + '公示期满无异议，招标人确定第一中标候选人为中标人。\n中标人：某某照明工程有限公司\n中标价：2,340,000.00元\n');
  assert.deepEqual(won(notice), [[null, ['某某照明工程有限公司'], 234_000_000]]);
  // Unranked, under 成交供应商候选人, 中标公司：X is the candidate the heading names.
  const unranked = await extract('一、项目情况\n项目名称：某某银行舆情数据服务采购项目\n采购人：某某银行股份有限公司某某分行\n二、成交供应商候选人\n'
    + '中标公司：某某信息技术股份有限公司\n三、联系方式\n');
  assert.deepEqual(won(unranked), []);
});

test('a notice that voids an award (中标结果作废公告) is a termination: the voided winner is stored as none', async () => {
  const notice = await extract('某某市城区绿化养护项目中标结果作废公告\n某某市城区绿化养护项目（项目编号：LH-2024-02）于2024年5月8日发布中标结果公告，'
    + '中标人为某某园林绿化有限公司，中标价1,890,000.00元。经监管部门调查，原中标结果无效，本项目将重新组织招标。\n招标人：某某市园林管理局\n');
  assert.equal(notice.noticeType, 'termination');
  assert.deepEqual(won(notice), []);
});

test('中标供应商：无 (废标) under a lot is that lot failed', async () => {
  const lines = await extract('某某医疗设备采购项目中标公告\n包1：DR设备\n中标供应商：某某医疗设备有限公司\n中标金额：1,350,000.00元\n'
    + '包2：全自动生化分析仪\n中标供应商：无\n中标金额：0元\n说明：包2因有效供应商不足三家废标。\n');
  assert.deepEqual(lines.awards.map((a) => [a.lot, a.status]), [['1', 'active'], ['2', 'unsuccessful']]);
  const row = await extract('某某医疗专用设备采购项目中标公告\n包号：1    中标供应商：某某医疗科技有限公司    中标金额：2,568,000.00元\n'
    + '包号：2    中标供应商：废标                    中标金额：—\n');
  assert.deepEqual(row.awards.map((a) => [a.lot, a.status]), [['1', 'active'], ['2', 'unsuccessful']]);
});

test('a column that says in words who won (备注: 中标人 / 放弃中标; 评审结果: 中标 / 未中标) marks the winner, whatever its header', async () => {
  const remarks = await extract('某某体育馆建设工程中标结果公告\n招标人：某某市教育局\n排名\t投标人名称\t投标报价（元）\t备注\n'
    + '1\t某某建设集团有限公司\t9,870,000.00\t放弃中标\n2\t某某建筑工程有限公司\t9,925,000.00\t中标人\n3\t某某城乡建设有限公司\t9,990,000.00\t\n中标价：9,925,000.00元\n');
  assert.deepEqual(won(remarks), [[null, ['某某建筑工程有限公司'], 992_500_000]]);
  assert.deepEqual(remarks.warnings, []);
  const verdicts = await extract('某某家具采购项目结果公告\n采购人：某某县第三中学\n投标人\t投标报价（元）\t评审得分\t评审结果\n'
    + '某某家具有限公司\t612,000.00\t88.40\t未中标\n某某校具制造有限公司\t598,500.00\t93.10\t中标\n中标金额：598,500.00元\n');
  assert.deepEqual(won(verdicts), [[null, ['某某校具制造有限公司'], 59_850_000]]);
});

test('a form over a few lines of spaced pairs (招标人 X  招标代理 Y / 中标人 Z  中标价 W) is read as its label | value rows', async () => {
  const notice = await extract('某某市自来水公司管网改造工程中标结果公示\n招标人 某某市自来水有限公司  招标代理 某某工程咨询有限公司\n'
    + '项目名称 某某市老旧小区供水管网改造工程（二标段）\n中标人 某某管道工程有限公司  中标价 356.78万元\n工期 150日历天  项目经理 孙某某\n');
  assert.equal(notice.buyer?.name, '某某市自来水有限公司');
  assert.equal(notice.project.name, '某某市老旧小区供水管网改造工程（二标段）');
  // (the lot is the one the project's name ends with, as a title's would be)
  assert.deepEqual(won(notice), [['2', ['某某管道工程有限公司'], 356_780_000]]);
});

test('a note of the supplier\'s trade after its name (某某公司（原设备制造商）) is no part of the winner\'s name', async () => {
  const notice = await extract('某某省气象局气象雷达维保服务单一来源采购成交公告\n采购人：某某省气象局\n成交供应商：某某气象装备有限公司（原设备制造商）\n'
    + '成交金额：伍拾陆万元整（￥560,000.00）\n');
  assert.deepEqual(won(notice), [[null, ['某某气象装备有限公司'], 56_000_000]]);
});

test('a winner\'s field that names a rank (中标人：第二中标候选人) names that candidate, at its bid, with a warning that says so', async () => {
  const notice = await extract('某某排涝泵站工程中标结果公告\n招标人：某某市水利投资发展有限公司\n评标委员会推荐的中标候选人：\n'
    + '第一中标候选人：某某水利工程有限公司，投标报价：13,456,000.00元\n第二中标候选人：某某建设集团有限公司，投标报价：13,588,000.00元\n'
    + '中标人：第二中标候选人（第一中标候选人放弃中标）\n中标价：13,588,000.00元\n');
  assert.deepEqual(won(notice), [[null, ['某某建设集团有限公司'], 1_358_800_000]]);
  assert.ok(notice.warnings.some((w) => w.startsWith('winner: 某某建设集团有限公司, the candidate the winner\'s field names by its rank')));
});
