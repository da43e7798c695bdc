// Layouts of held-out batches 18 and 19 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of
// further publishers. Each page here keeps the wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);
const ranked = (n: Notice) => n.candidates.map((c) => [c.rank, c.name]);

test('a nursery (某某苗圃) is a party that can win', async () => {
  const notice = await extract('某某园林绿化苗木采购项目\n结果公告\n3采购结果如下：\n中标供应商名称：盖州市某某苗圃\n中标金额：469160.00元\n');
  assert.deepEqual(won(notice), [[null, 'active', ['盖州市某某苗圃'], 46_916_000]]);
});

test('5、中标供应商名称及中标金额： over X为中标人 and the sum: the name under the heading won, at that sum', async () => {
  const notice = await extract('某某管材采购项目中标公告\n5、中标供应商名称及中标金额：\n兰州某某管材有限责任公司为中标人\n中标总金额：￥541334.79元\n'
    + '大写：伍拾肆万壹仟叁佰叁拾肆元柒角玖分\n6、评标委员会成员名单：\n 尚某某、李某某\n');
  assert.deepEqual(won(notice), [[null, 'active', ['兰州某某管材有限责任公司'], 54_133_479]]);
});

test('lots headed 1标段 alone on a line, each with its winner and sum', async () => {
  const notice = await extract('某某清扫保洁服务采购中标公告\n三、中标情况：\n1标段\n中标供应商：长春某某物业服务有限责任公司\n中标金额：￥4,558,325.00\n'
    + '2标段\n中标供应商：长春某某绿化有限公司\n中标金额：￥3,212,872.00\n四、政府集中采购机构：\n');
  assert.deepEqual(won(notice), [['1', 'active', ['长春某某物业服务有限责任公司'], 455_832_500], ['2', 'active', ['长春某某绿化有限公司'], 321_287_200]]);
});

test('an amount labelled 中标金额大写 (no brackets) or a spaced-out 承 包 标 价 is the award\'s', async () => {
  const words = await extract('某某采购中标公告\n六、中标单位：广西某某农业科技有限公司\n 中标金额大写：壹佰陆拾肆万元整(￥1640000.00元)\n七、发布公示的媒介：\n');
  assert.deepEqual(won(words), [[null, 'active', ['广西某某农业科技有限公司'], 164_000_000]]);
  const spaced = await extract('设计招标备案公示\n建设单位直接确定如下承包单位：\n 承 包 单 位：天津市某某设计研究院\n 承 包 标 价：238002元\n');
  assert.deepEqual(won(spaced), [[null, 'active', ['天津市某某设计研究院'], 23_800_200]]);
});

test('rows one cell wider than their header, led by 第一候选人, rank the candidates the header names', async () => {
  const notice = await extract('某某小区工程项目\n招标人\t某某置业有限公司\n开标时间\t2015年 3 月 24日09时 30分\n'
    + '中标候选人全称\t投标总价（元）\t项目经理/项目总监\t工期\t质量\n第一候选人\t河南某某建筑工程有限公司\t18496367.07元\t马某某\t380日历天\t合格\n'
    + '第二候选人\t河南某某八达建筑工程有限公司\t18605305.76元\t曹某某\t380日历天\t合格\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(ranked(notice), [[1, '河南某某建筑工程有限公司'], [2, '河南某某八达建筑工程有限公司']]);
});

test('project codes: 工程编码, 招投标编码, 中标编号, 交易登记号; a letters prefix spaced off; a bare 编号 under the title', async () => {
  const codeOf = async (text: string) => (await extract(text)).project.code;
  assert.equal(await codeOf('某某工程中标公示\n工程编码\t130300150039-001\t所属地区\t秦皇岛市\n'), '130300150039-001');
  assert.equal(await codeOf('某某工程中标公示\n招投标编码：\tsg0210g14001\n'), 'sg0210g14001');
  assert.equal(await codeOf('某某招标项目中标结果公示表\n中标编号：ydzcg 2015-zb069\n'), 'ydzcg2015-zb069');
  assert.equal(await codeOf('某某工程中标公示\n交易登记号: 15gc060043 建设(招标)单位: 某某图书馆\n'), '15gc060043');
  assert.equal(await codeOf('某某树苗采购中标公告\n标书编号：jsgjzx [2015]003b\n'), 'jsgjzx[2015]003b');
  assert.equal(await codeOf('某某公园钢结构工程中标结果\n某某市工程建设项目中标结果\n编号：32050120141120060101\n根据有关规定，评标工作已经结束。\n'),
    '32050120141120060101');
  // …but not a certificate's number further down
  assert.equal(await codeOf('某某公园钢结构工程中标结果\n' + '根据有关规定，某某工程的评标工作已经结束，中标人已经确定。\n'.repeat(16)
    + '中标项目经理：夏某某\n编号：苏232080904440\n'), null);
});

test('a portal\'s heading between its breadcrumb and the date line names the project when nothing else does', async () => {
  const page = '当前位置：首页>招标信息>中标公示\n新港路某某提升改造工程\n发布日期：2015-03-30\n施工招标中标结果公示\n 建 设 单 位：天津某某投资有限公司\n'
    + ' 承 包 单 位：天津市某某设计研究院\n';
  assert.equal((await extract(page)).project.name, '新港路某某提升改造工程');
  // without the breadcrumb and the date under it, a first line is no title of the page's
  assert.equal((await extract(page.replace('当前位置：首页>招标信息>中标公示\n', ''))).project.name, null);
});

test('buyers: 建设单位（公章）, 合同主体单位, 发起单位, 建设(招标)单位, and intros spaced out (受X 委托, X 委托 Y招标有限公司 公开招标的)', async () => {
  const buyerOf = async (text: string) => (await extract(text)).buyer?.name ?? null;
  assert.equal(await buyerOf('中 标 公 示 发 布 单\n建设单位（公章）\t曲靖市某某土地开发投资有限责任公司\n工程名称\t某某工程\n'), '曲靖市某某土地开发投资有限责任公司');
  assert.equal(await buyerOf('某某面漆中标公告\n招标编号\tzh15030052\n合同主体单位\t马钢某某公司\n'), '马钢某某公司');
  assert.equal(await buyerOf('金属管道询比价中标公告\n发起单位：\t华新某某装备制造有限公司\n'), '华新某某装备制造有限公司');
  assert.equal(await buyerOf('某某工程中标公示\n交易登记号: 15gc060043 建设(招标)单位: 宁波市某某图书馆\n'), '宁波市某某图书馆');
  assert.equal(await buyerOf('某某设备采购成交公告\n江苏省某某政府采购中心受江苏省某某厅 委托就某某设备采购项目进行竞争性谈判采购。\n'), '江苏省某某厅');
  const agency = await extract('某某工程中标公示\n根据相关法律、法规和招标文件的规定， 贵州某某土地开发投资有限责任公司 委托 同辉某某招标有限公司 公开招标的 某某项目已于2015年3月27日开标。\n');
  assert.deepEqual([agency.buyer?.name, agency.agency?.name], ['贵州某某土地开发投资有限责任公司', '同辉某某招标有限公司']);
  // an agency entrusting another is no buyer
  assert.equal(await buyerOf('某某工程中标公示\n某某招标代理有限公司 委托 某某工程咨询有限公司 对某某项目进行公开招标。\n'), null);
});

test('in the result, a one-row table naming its supplier 成交候选供应商 beside 成交金额（元） names the winner at that sum', async () => {
  const page = '某某关于某某学校监控设备项目竞争性谈判的成交结果公告\n经谈判小组评定和采购人确认，现将成交结果公示如下\n'
    + '品目\t采购项目（国内产品）\t数量\t成交金额（元）\t成交候选供应商\t成交候选供应商地址\n一\t监控设备\t1批\t85600\t东乡县某某科技有限公司\t江西省某某镇红岭村\n'
    + '各相关当事人对成交结果有异议的，可在本公告发布之日起七个工作日内提起质疑。\n';
  assert.deepEqual(won(await extract(page)), [[null, 'active', ['东乡县某某科技有限公司'], 8_560_000]]);
  // three of them, ranked by the rows, are candidates, never winners
  const three = page.replace('一\t监控设备\t1批\t85600\t东乡县某某科技有限公司\t江西省某某镇红岭村\n', '一\t监控设备\t1批\t85600\t东乡县某某科技有限公司\t江西省某某镇\n'
    + '二\t监控设备\t1批\t86600\t抚州某某电子有限公司\t江西省某某镇\n');
  assert.deepEqual(won(await extract(three)), []);
});

test('a table of 物料 | 物料组 | 品牌 | 工厂 | 单位 | 数量 | 供应商 under 中标信息： names its supplier as the winner', async () => {
  const notice = await extract('金属管道询比价中标公告\n项目编号：\thx-采-cn96-2015-比-174\n发起单位：\t华新某某装备制造有限公司\n中标信息：\t\n'
    + '物料\t物料组\t品牌\t工厂\t单位\t数量\t供应商\n热轧无缝钢管;∮402x25;20#\t金属管道\t\tcn96\tkg\t1394.52\t武汉某某物资有限公司\n');
  assert.deepEqual(won(notice), [[null, 'active', ['武汉某某物资有限公司'], null]]);
});

test('a lot restated before each of its fields (a包中标供应商名称： / a包中标金额：) keeps each sum on its own lot\'s winner', async () => {
  const notice = await extract('某某项目中标公告\n现将中标结果公布如下：\n5、中标供应商名称、地址和中标金额：\n'
    + 'a包中标供应商名称：酒泉市某某建业有限责任公司\na包中标供应商地址：酒泉市某某大道7号\na包中标金额：￥666000.29元 （陆拾陆万陆仟元贰角玖分）\n'
    + 'b包中标供应商名称：甘肃某某建设工程有限公司\nb包中标供应商地址：酒泉市某某东路19号\nb包中标金额：￥677880.04元\n'
    + 'c包中标供应商名称：酒泉市某某安装工程有限责任公司\nc包中标金额：￥535249.77元\n6、评标委员会成员名单：蒲某某\n');
  assert.deepEqual(won(notice), [['A', 'active', ['酒泉市某某建业有限责任公司'], 66_600_029], ['B', 'active', ['甘肃某某建设工程有限公司'], 67_788_004],
    ['C', 'active', ['酒泉市某某安装工程有限责任公司'], 53_524_977]]);
});
