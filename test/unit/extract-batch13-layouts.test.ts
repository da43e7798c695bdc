// Layouts of held-out batch 13 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of a 河北, a
// 河南, a 甘肃 and a 上海 publisher. Each page here keeps the wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('names, addresses and amounts given lot by lot in three parallel blocks are each lot\'s award', async () => {
  const notice = await extract('某某市现代农业项目中标公告\n发布日期：2015-03-30\n政府采购项目名称：某某市现代农业项目\n采购项目标书编号：hbdn-2015020\n'
    + '采购人名称：某某市水务局\n采购内容：\n第一标段：水泵与启动柜采购；\n第二标段：pvc管材采购及安装；\n第三标段：井口安装工程。\n定标日期：2015年3月19日\n'
    + '中标供应商名称：\n第一标段：某某市水泵厂； 第二标段：某某塑胶股份有限公司；\n第三标段：某某建筑工程有限责任公司\n'
    + '中标供应商地址：\n第一标段：某某省某某市南口； 第二标段：某某县工业园区；\n第三标段：某某市青年街北侧\n'
    + '中标金额：\n第一标段大写：肆佰壹拾捌万捌仟壹佰伍拾元整 小写：4188150.00元\n第二标段大写：壹佰零捌万零玖佰零贰元贰角 小写：1080902.20元\n'
    + '第三标段大写：玖拾叁万玖仟捌佰叁拾伍元叁角 小写：939835.30元\n评标委员会成员名单：张某、李某\n');
  assert.deepEqual(won(notice), [['1', 'active', ['某某市水泵厂'], 418_815_000], ['2', 'active', ['某某塑胶股份有限公司'], 108_090_220],
    ['3', 'active', ['某某建筑工程有限责任公司'], 93_983_530]]);
  assert.deepEqual(notice.awards.map((a) => a.suppliers[0].address), ['某某省某某市南口', '某某县工业园区', '某某市青年街北侧']);
  assert.equal(notice.project.code, 'hbdn-2015020');
  // each lot's evidence is the page's own words: its heading, and its value in the amounts' block
  const second = notice.evidence.filter((e) => e.about.part === 'award' && e.about.index === 1).map((e) => [e.field, e.text]);
  assert.deepEqual(second, [['lot', '第二标段'], ['value', '大写：壹佰零捌万零玖佰零贰元贰角 小写：1080902.20元'],
    ['suppliers[0].name', '某某塑胶股份有限公司'], ['suppliers[0].address', '某某县工业园区']]);
});

test('a block of one lot a line (中标人： / 第1包：X / 第2包：Y) is read the same; a lot given twice, or a block under another label, is not', async () => {
  const notice = await extract('某某设备采购中标公告\n中标人：\n第1包：某某科技有限公司\n第2包：某某电子有限公司\n中标金额：\n第1包：12.5万元\n第2包：30万元\n');
  assert.deepEqual(won(notice), [['1', 'active', ['某某科技有限公司'], 12_500_000], ['2', 'active', ['某某电子有限公司'], 30_000_000]]);
  const twice = await extract('某某设备采购中标公告\n中标人：\n第1包：某某科技有限公司\n第1包：某某电子有限公司\n');
  assert.ok(!twice.awards.some((a) => a.lot === '1' && a.suppliers.length === 1 && a.suppliers[0].name === '某某电子有限公司'));
  const contents = await extract('某某设备采购中标公告\n采购内容：\n第1包：某某设备有限公司代理产品\n第2包：某某仪器有限公司代理产品\n');
  assert.deepEqual(won(contents), []);
});

test('a works contract let (发包单位, 发包代理单位) to a contractor (承包商, 承包价 in 万元), its 竞标候选人 numbered, its name in the title\'s quotes', async () => {
  const notice = await extract('关于“十七楼病房装修工程”项目的中标公告\n发布日期：2015-03-30\n项目编号：15wszx0012\n发包单位:\t某某区中心医院\n'
    + '发包代理单位：\t某某建设工程造价咨询有限公司\n发包方式:\t公开招标\n竞标情况:\n竞标单位\t资格审查\t入围抽签\t竞标金额（万元）\n'
    + '某某建筑安装有限公司\t√\t√\t72.0026\n某某建筑工程有限公司\t√\t√\t72.9041\n某某建筑装潢有限公司\t√\t承诺不符合\t73.5795\n'
    + '竞标候选人:\n1.某某建筑安装有限公司\n2.某某建筑工程有限公司\n3.某某建筑装潢有限公司\n承包商:\t某某建筑安装有限公司\n'
    + '承包通知书编号:\t15wszx0012\n竞标结果备案日期:\t2015-03-30\n项目负责人姓名:\t某某\n工期:\t45天\n承包价:\t72.0026万元\n评审小组组成:\t甲,乙,丙\n');
  assert.equal(notice.noticeType, 'award');
  assert.equal(notice.buyer?.name, '某某区中心医院');
  assert.equal(notice.agency?.name, '某某建设工程造价咨询有限公司');
  assert.equal(notice.project.name, '十七楼病房装修工程');
  assert.deepEqual(won(notice), [[null, 'active', ['某某建筑安装有限公司'], 72_002_600]]);
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]),
    [[1, '某某建筑安装有限公司'], [2, '某某建筑工程有限公司'], [3, '某某建筑装潢有限公司']]);
});

test('中标人：X，中标总价为N元人民币 under each 包 heading gives each lot its amount; the item tables under it give none', async () => {
  const notice = await extract('某某体育考试设备采购项目中标公告\n五、中标信息：\n包1：\n中标人：某某科技有限公司，中标总价为418530元人民币；\n'
    + '中标人地址：某某市某某路18号；\n序号\t设备名称\t品牌型号\t数量\t单价\t服务要求\n1\t网络硬盘录像机\t某某ds-8632n\t2\t7500\t交货至指定地点\n'
    + '包2：\n中标人：某某体育投资管理有限公司，中标总价为2485800元人民币；\n中标人地址：某某高新技术产业园；\n'
    + '序号\t设备名称\t品牌型号\t数量\t单价\t服务要求\n1\t立定跳远测试仪\tu.a.l.6-j\t12\t31700\t交货至指定地点\n');
  assert.deepEqual(won(notice), [['1', 'active', ['某某科技有限公司'], 41_853_000], ['2', 'active', ['某某体育投资管理有限公司'], 248_580_000]]);
});

test('包1.名称: …本标包做废标处理 fails lot 1; 包2.名称：A、B、C为本标包的入围中标单位 short-lists three; the intro\'s 以公开的形式 is no part of the project', async () => {
  const notice = await extract('某某公司2015年度办公用品供应商入围项目中标公告\n'
    + '某某工程监理有限公司受某某公司的委托，对某某公司2015年度办公用品供应商入围项目以公开的形式进行招标，评标小组于2015年3月24日确定中标结果。现将中标结果公布如下：\n'
    + '1、招标文件编号： txzb—2015—002\n2、中标结果内容：\n'
    + '包1.日常办公用品: 有效投标单位只有二家，不能满足招标投标法最少3家有效投标人要求，本标包做废标处理，从新招标。\n'
    + '包2.办公设备维修：某某科技有限责任公司、某某电子科技有限公司、某某有限责任公司为本标包的入围中标单位。\n'
    + '3、中标公告日期：2015年3月30日至2015年4月1日，公示期为3天。\n');
  assert.equal(notice.project.name, '某某公司2015年度办公用品供应商入围项目');
  assert.deepEqual(won(notice), [['1', 'unsuccessful', [], null], ['2', 'active', ['某某科技有限责任公司'], null],
    ['2', 'active', ['某某电子科技有限公司'], null], ['2', 'active', ['某某有限责任公司'], null]]);
  // a proposal is no result
  const proposed = await extract('某某项目评标结果公示\n评标委员会推荐：拟确定某某科技有限公司为第一中标候选人。\n');
  assert.deepEqual(won(proposed), []);
});
