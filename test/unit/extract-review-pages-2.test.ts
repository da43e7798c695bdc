// Pages a reviewer wrote to break the extractor at extractor version 34 (61 pages in the wording of real notices,
// 20 of them read wrong, 5 with a false winner): each test below failed on 8705793 and guards what its page showed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.suppliers.map((s) => `${s.name}/${s.role}`), a.value?.fen ?? null]);
const html = (title: string, body: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

test('another bidder\'s consortium listed after the sole winner is not the winner\'s; one beside the winner\'s name is', async () => {
  const others = await extract('某某县农村公路养护服务项目成交公告\n项目名称：某某县农村公路养护服务项目\n成交供应商：某某路桥工程有限公司\n'
    + '成交金额：1,280,000.00元\n参与本项目报价的供应商还有：\n牵头供应商：某某市政工程有限公司\n投标联合体：某某市政工程有限公司、某某园林绿化有限公司\n报价：1,350,000.00元\n');
  assert.deepEqual(won(others), [[null, ['某某路桥工程有限公司/sole'], 128_000_000]]);
  const own = await extract('某某研究中标结果公告\n三、中标信息\n供应商名称：某某规划信息中心(联合体：某某保护利用中心,某某科技大学)\n中标金额：109.2万元\n');
  assert.deepEqual(won(own), [[null, ['某某规划信息中心/lead', '某某保护利用中心/member', '某某科技大学/member'], 109_200_000]]);
});

test('a lot\'s heading restated under it (第一包 / 包1：物理实验室设备) keeps that lot', async () => {
  const notice = await extract('某某中学实验室设备采购项目中标公告\n三、中标信息\n第一包\n包1：物理实验室设备\n中标供应商：某某教学仪器有限公司\n'
    + '中标金额：268,000.00元\n第二包\n包2：化学实验室设备\n中标供应商：某某科教设备有限公司\n中标金额：193,400.00元\n四、公告期限：1个工作日\n');
  assert.deepEqual(won(notice), [['1', ['某某教学仪器有限公司/sole'], 26_800_000], ['2', ['某某科教设备有限公司/sole'], 19_340_000]]);
});

test('a sum with a note of its price per unit after it is a sum; a price per unit is none', async () => {
  const value = async (line: string) => (await extract(`某某服务项目中标公告\n三、中标信息\n中标供应商：某某服务有限公司\n${line}\n四、公告期限：1个工作日\n`)).awards[0].value?.fen ?? null;
  assert.equal(await value('中标金额：1,200,000.00元（服务期一年，每月100,000.00元）'), 120_000_000);
  assert.equal(await value('成交金额：1,560,000.00元（其中每平方米物业费报价3.2元/月）'), 156_000_000);
  assert.equal(await value('中标金额：年度服务费总价864,000元（按18名保安计，每人每月4000元）'), 86_400_000);
  assert.equal(await value('中标金额：每人每月4000元'), null);
  assert.equal(await value('中标金额：400元/天'), null);
  const budget = await extract('某某劳务派遣服务项目公开招标公告\n项目名称：某某劳务派遣服务项目\n预算金额：720万元（共60人，每人每年12万元）\n');
  assert.equal(budget.budget?.fen, 720_000_000);
});

test('a row glued into one line takes no address cut from the name when the table has no address column', async () => {
  const notice = await extract('某某街道环卫保洁服务项目中标(成交)结果公告\n三、中标（成交）信息\n1.中标结果：\n'
    + '序号中标供应商名称标项名称中标金额1某某环境服务有限公司街道清扫保洁服务1,260,000元\n2.废标结果:\n序号标项名称废标理由其他事项\n');
  assert.deepEqual(won(notice), [[null, ['某某环境服务有限公司/sole'], 126_000_000]]);
});

test('under 评标结果 a panel\'s proposal (推荐中标单位, 推荐成交供应商) is no winner; in a result it names the winner', async () => {
  const review = await extract('某某镇污水处理厂提标改造工程评标结果公示\n一、招标项目名称：某某镇污水处理厂提标改造工程\n三、评标结果\n'
    + '推荐中标单位：某某环保工程有限公司\n投标报价：3,268,500.00元\n四、公示期\n2024年6月3日至2024年6月5日。\n');
  assert.equal(review.noticeType, 'candidate');
  assert.deepEqual(won(review), []);
  const panel = await extract('某某运维服务项目评审结果公示\n三、评审结果\n推荐成交供应商：某某信息技术有限公司\n成交供应商：公示期满后由采购人确定\n报价：458,000.00元\n');
  assert.deepEqual(won(panel), []);
  const result = await extract('某某疫苗供应资格采购项目中标公告\n3、中标结果内容：\n品目 17：\n推荐中标单位： 某某生物制品研究所有限责任公司\n中标金额:55.00 元\n'
    + '品目 22：\n推荐第一中标单位： 某某智飞生物制品股份有限公司\n中标金额:200 元\n');
  assert.deepEqual(won(result), [['17', ['某某生物制品研究所有限责任公司/sole'], 5_500], ['22', ['某某智飞生物制品股份有限公司/sole'], 20_000]]);
});

test('a first-ranked candidate who gave the award up is not named by the rule that the first-ranked one wins', async () => {
  const notice = await extract(html('某某县城区户外显示屏工程中标公告', '<p>某某县城区户外显示屏工程中标公告</p><p>二、中标结果</p><table>'
    + '<tr><td>中标候选人名称</td><td>综合打分</td><td>最终报价</td><td>推荐排名</td></tr>'
    + '<tr><td>某某通讯技术有限公司</td><td>72.92</td><td>1908801.00</td><td>1</td></tr>'
    + '<tr><td>某某电子科技有限公司</td><td>58.29</td><td>1916802.00</td><td>2</td></tr></table>'
    + '<p>注：排位在第一的中标候选人为中标单位。</p><p>因排名第一的某某通讯技术有限公司自愿放弃中标资格，经招标人研究，确定排名第二的某某电子科技有限公司中标。</p>'), 'page.html');
  assert.ok(!notice.awards.some((a) => a.suppliers.some((s) => s.name === '某某通讯技术有限公司')));
});

test('a title row with an empty cell beside it is no form\'s blank field: the correction stays a correction', async () => {
  const notice = await extract(html('政府采购信息网', '<table><tr><td>某某中学食堂设备采购项目中标结果更正公告</td><td></td></tr>'
    + '<tr><td>发布时间：2024-06-12</td><td></td></tr></table><p>更正事项：中标结果</p>'
    + '<p>更正内容：原公告中标供应商：某某厨房设备有限公司，中标金额：486,000.00元；</p><p>现更正为：中标供应商：某某餐饮设备有限公司，中标金额：479,500.00元。</p>'), 'page.html');
  assert.equal(notice.noticeType, 'correction');
  assert.deepEqual(won(notice), []);
});

test('numbered generic labels (供应商名称1：) list bidders, not winners; a candidate\'s may end in its number (候选人1：)', async () => {
  const scores = await extract('某某县中医院医疗设备采购项目结果公告\n经评审，各供应商综合得分如下：\n供应商名称1：某某医疗器械有限公司 综合得分：91.20\n'
    + '供应商名称2：某某医药科技有限公司 综合得分：87.60\n中标供应商：某某医疗器械有限公司\n中标金额：1,268,000.00元\n');
  assert.deepEqual(won(scores), [[null, ['某某医疗器械有限公司/sole'], 126_800_000]]);
  const ranked = await extract('某某水厂扩建工程中标公示\n中标单位：某某水务工程有限公司\n候选人1：某某水务工程有限公司\n候选人2：某某给排水工程有限公司\n'
    + '投标报价1：6,210,000.00元\n投标报价2：6,285,000.00元\n');
  assert.deepEqual(ranked.candidates.map((c) => [c.rank, c.name, c.bid?.fen ?? null]), [[1, '某某水务工程有限公司', null], [2, '某某给排水工程有限公司', null]]);
});

test('a price no winner claimed is the lone winner\'s only under the award\'s own label and in its section', async () => {
  const value = async (text: string) => won(await extract(`某某项目中标结果公告\n三、中标信息\n中标供应商：某某发行有限公司\n${text}`));
  assert.deepEqual(await value('中标折扣：码洋的72%\n四、主要标的信息\n图书采购\n五、其他补充事宜\n合同金额：以实际供货码洋结算，首批预付款合同金额：200,000.00元\n'),
    [[null, ['某某发行有限公司/sole'], null]]);
  assert.deepEqual(await value('中标内容：洗扫车2台，中标价详见附件\n四、其他补充事宜\n本项目首次采购中标供应商某某专用车有限公司放弃中标，原中标金额：1,350,000.00元。\n'),
    [[null, ['某某发行有限公司/sole'], null]]);
});

test('a flattened page\'s generic 供应商名称 under 其他供应商 is no winner beside the named one', async () => {
  const notice = await extract('某某医院中央空调维保服务项目结果公告\n项目名称\n某某医院中央空调维保服务项目\n成交供应商\n某某机电设备有限公司\n地址\n某某市某某路8号\n'
    + '成交金额\n268,000.00元\n其他供应商\n供应商名称\n某某制冷工程有限公司\n报价\n275,000.00元\n供应商名称\n某某暖通设备有限公司\n报价\n281,000.00元\n');
  assert.deepEqual(won(notice), [[null, ['某某机电设备有限公司/sole'], 26_800_000]]);
});
