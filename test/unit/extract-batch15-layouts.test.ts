// Layouts of held-out batch 15 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of 28 further
// publishers. Each page here keeps the wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalName } from '../../src/domain/names.ts';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('a price column headed 中标价/万元 is in 万元; the form\'s line after the table (9、定标日期：) is no row of it', async () => {
  const notice = await extract('某某局dna试剂采购项目中标公告\n8、中标信息：\n\t分包名称\t中标单位\t中标价/万元\n'
    + '\t某某局dna试剂采购项目\t北京某某科技有限公司\t203.888800\n9、定标日期：\t2015年03月27日\n10、其他：\t\n');
  assert.deepEqual(won(notice), [[null, 'active', ['北京某某科技有限公司'], 203_888_800]]);
  assert.equal(notice.decisionDate, '2015-03-27');
  assert.deepEqual(notice.warnings, []);
  // a price per unit keeps no unit of a sum
  const per = await extract('某某采购中标公告\n中标信息：\n序号\t中标单位\t单价（元/吨）\n1\t某某钢铁有限公司\t4200\n');
  assert.deepEqual(won(per), [[null, 'active', ['某某钢铁有限公司'], null]]);
});

test('under 评标结果 the winner\'s own bid right under it (中标人： / 投标报价：…（¥497500.00）) is what it won at', async () => {
  const notice = await extract('某某县蔬菜基地建设设施采购项目成交公告\n四、评标结果：\n中标人： 某某建设工程有限公司\n'
    + '投标报价：肆拾玖万柒仟伍佰元整 （¥497500.00）\n注册地址：某某市梁园区凯四街南侧\n');
  assert.deepEqual(won(notice), [[null, 'active', ['某某建设工程有限公司'], 49_750_000]]);
});

test('中标造价 is the price; a lot in brackets ending the project\'s name (…施工（一标段）) is the only award\'s lot', async () => {
  const notice = await extract('工 程 名 称:\t某某安置小区5#-7#楼施工（一标段）\n建 设 单 位\t某某投资发展集团公司\n中 标 单 位\t某某建设集团股份有限公司\n'
    + '中标造价\t57181168元\n中 标 时 间\t2015年3月30日\n');
  assert.deepEqual(won(notice), [['1', 'active', ['某某建设集团股份有限公司'], 5_718_116_800]]);
});

test('a winner a template wraps in 【】 is the name inside them', async () => {
  const notice = await extract('某某工程项目公开选择招标代理机构结果公示\n中标单位：【某某国际招标有限公司】中标时间：【2015-03-30 11:41】\n');
  assert.deepEqual(won(notice), [[null, 'active', ['某某国际招标有限公司'], null]]);
});

test('a candidates\' table headed 中标候选人名称 lists every row; each lot\'s 拟中标供应商 is a candidate', async () => {
  const table = await extract('预中标公示\n中标候选人名单\n中标候选人名称\t项目负责人\t预中标价（元)\t评标结果\n某某管理咨询有限公司\t程某\t655098.30\t中标\n'
    + '某某监理有限责任公司\t任某\t618703.95\t未中标\n某某工程咨询有限公司\t吴某\t691492.65\t未中标\n');
  assert.deepEqual(table.candidates.map((c) => c.name), ['某某管理咨询有限公司', '某某监理有限责任公司', '某某工程咨询有限公司']);
  const lots = await extract('某某处-自卸低速货车及栅栏杆\n某某县政府采购中心受某某处的委托，对自卸低速货车及栅栏杆进行国内询价采购，现将有关事项公告如下：\n'
    + '第一包拟中标（成交）供应商：某某汽车销售服务有限公司，中标金额：74900.00元。\n第二包拟中标（成交）供应商：某某电动门商店，中标金额：12800.00元。\n');
  assert.equal(lots.noticeType, 'candidate');
  assert.deepEqual(lots.candidates.map((c) => [c.name, c.bid?.fen ?? null]).sort(),
    [['某某汽车销售服务有限公司', 7_490_000], ['某某电动门商店', 1_280_000]]);
});

test('an intro that names no project (对其…所需仪器进行采购) leaves it to the title; X（招标编号：…）于2015年…开标 and 对X进行了公开比选 name it', async () => {
  // (the page's head repeats the title, as the site's page title and the notice's own heading)
  const its = await extract('某县教育体育局体育器材公开招标采购项目中标公告 - 某某招标网\n发布日期：2015-03-30\n某县教育体育局体育器材公开招标采购项目中标公告\n某县政府采购中心受某县教育体育局的委托，对其义务教育阶段学校所需体育器材以公开招标方式进行采购，评标委员会于2015年3月27日确定了中标供应商。\n'
    + '5、中标供应商名称：某某商贸有限公司\n');
  assert.equal(its.project.name, '某县教育体育局体育器材公开招标采购项目');
  const coded = await extract('ydcsf2015107:某某县教育信息化建设监理项目中标公告\n某某县教育信息化建设监理项目（招标编号：ydcsf2015107）于2015年3月26日上午9:00在某某中心公开开标。\n'
    + '中标人名称：某某工程项目管理有限公司\n');
  assert.equal(coded.project.name, '某某县教育信息化建设监理项目');
  const selected = await extract('某某分公司办公设备代维项目_中选公示\n受某某通信集团某某分公司委托，某某招标有限公司对某某分公司办公设备代维项目进行了公开比选，现将中选结果公示如下：\n'
    + '1、比选编号：lnyc2015-yd010-03\n中选人名称：某某商贸有限公司\n');
  assert.equal(selected.project.name, '某某分公司办公设备代维项目');
  assert.equal(selected.project.code, 'lnyc2015-yd010-03');
});

test('a form of 名称、地址和联系方式 rows names buyer and agency, a 定标日期 of 无 gives no date, 项目编号/包号 is the code less its lots', async () => {
  const notice = await extract('某某-竞争性谈判- xm2015-tc0005c3公园设施维护\n采购项目编号/包号:\txm2015-tc0005c3（1-2 包）\n采购人名称、地址和联系方式:\t某某游览区管理处\n'
    + '采购代理机构名称、地址和联系方式:\t某某机电设备招标有限公司、某某市某某路476号、邮编361006、联系人：王先生、联系电话：0592-5730580\n'
    + '采购项目名称:\t公园设施维护\n定标日期(确定成交日期):\t无\n本项目信息公告日期:\t2015-03-20\n');
  assert.equal(notice.buyer?.name, '某某游览区管理处');
  assert.equal(notice.agency?.name, '某某机电设备招标有限公司');
  assert.equal(notice.decisionDate, null);
  assert.equal(notice.project.code, 'xm2015-tc0005c3');
});

test('於 is written so in names (於潜), not turned into 于', () => {
  assert.equal(canonicalName('临安市於潜城镇建设开发有限公司').name, '临安市於潜城镇建设开发有限公司');
});

test('a numbered heading that opens a row of cells (六、全部投标人信息 | 甲公司,￥…) opens its section: the bidders under it win nothing', async () => {
  const notice = await extract('某某学校景观铺装工程中标公告\n五、中标情况\n中标金额：\n中标供应商：\t某某建筑安装有限责任公司\n联系人：\t王某\n'
    + '六、全部投标人信息\t某某建筑安装有限责任公司,￥13,098,499.00\n吉林某某建筑工程有限公司,￥13,625,352.00\n长春某某建设有限公司,￥13,592,478.00\n'
    + '七、评标委员会成员名单\n专家人数：\t5人\n');
  assert.deepEqual(won(notice), [[null, 'active', ['某某建筑安装有限责任公司'], null]]);
});
