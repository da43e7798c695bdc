// Page text with tables flattened one cell per line, and values glued to the next label: the shapes
// quoted in issue 13 from real notices and the whitespace-stripped national-platform text of
// the gathered evaluation document ggzy-11 (test/eval/SOURCES.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rebuildFlatTables } from '../../ingest/extract/flat.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import { buildPage } from '../../ingest/extract/page.ts';
import { gluedName } from '../../ingest/extract/winners.ts';
import type { ReadDocument } from '../../ingest/read/document.ts';

function doc(text: string): ReadDocument {
  return { path: 't', sha256: '0', mediaType: 'text/plain', encoding: 'utf-8', html: null, text, pages: null, warnings: [] };
}

const FLAT = ['某某单位某某设备采购项目中标公告', '二、项目名称：', '某某设备采购项目', '三、中标（成交）信息', '序号', '供应商名称',
  '供应商地址', '中标（成交）金额', '1', '湖南某某科技有限公司', '长沙市岳麓区某某路1号', '报价：999200（元）', '四、主要标的信息'].join('\n');

test('a flattened result table becomes a header and rows whose cells are slices of the text', () => {
  const page = rebuildFlatTables(buildPage(FLAT));
  const rows = page.lines.filter((l) => l.cells);
  assert.deepEqual(rows.map((r) => r.cells!.map((c) => c.text)), [
    ['序号', '供应商名称', '供应商地址', '中标（成交）金额'],
    ['1', '湖南某某科技有限公司', '长沙市岳麓区某某路1号', '报价：999200（元）'],
  ]);
  for (const c of rows.flatMap((r) => r.cells!)) assert.equal(FLAT.slice(c.start, c.end), c.text);
  assert.deepEqual(page.lines.map((l) => l.index), page.lines.map((_, i) => i));
});

test('the column header 序号 is never the winner: the row gives winner, address and amount', () => {
  const n = extractNotice(doc(FLAT));
  assert.equal(n.project.name, '某某设备采购项目');
  assert.deepEqual(n.awards.map((a) => [a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]), [
    [[['湖南某某科技有限公司', '长沙市岳麓区某某路1号']], 99920000],
  ]);
});

test('a row that does not fit ends the table: nothing is guessed', () => {
  const text = ['序号', '供应商名称', '中标（成交）金额', '1', '详见附件', '0'].join('\n');
  assert.equal(rebuildFlatTables(buildPage(text)).lines.filter((l) => l.cells).length, 0);
});

test('a winner glued to the next label is cut after its organisation ending', () => {
  const text = '中标人：北京爱地地质勘察基础工程公司中标报价446558.00元中标日期：2020年11月24日';
  const page = buildPage(text);
  const value = { text: text.slice(4), start: 4, end: text.length };
  assert.equal(gluedName(page, value).text, '北京爱地地质勘察基础工程公司');
  const plain = { text: '济南四建（集团）有限责任公司', start: 0, end: 14 };
  assert.equal(gluedName(buildPage(plain.text), plain).text, plain.text);
});

// The next three are real pages flattened one cell a line, as other sites' crawlers keep them: the peer's labelled
// notices test_data_8 (国义招标, 2016) and dalian-1 (test/eval/SOURCES.md), cut short.
test('a numbered line (六、报价明细, 七、评审日期：…) is neither a header\'s cell nor a row\'s: the ranking under 八 names no winner', () => {
  const text = ['五、中标供应商', '1：中标供应商名称 广东凡人医疗器械有限公司 法人代表 杨程 地址 广州市越秀区东风中路268号广州交易广场901室',
    '六、报价明细', '主要中标、成交标的名称', '规格型号', '数量', '单价（元）', '服务要求', '中标金额', '便携式B超等设备', '日本 日立阿洛卡 prosound 2等',
    '1批', '-', '详见招标文件', '￥175,500.00', '呼吸囊+面罩（成人）等设备', '台湾 彦大 ENT-1001等', '1批', '-', '详见招标文件', '￥143,950.00', '七、评审日期：2016-11-14评审地点：国义招标股份有限公司2楼2号会议室',
    '评审委员会（谈判小组、询价小组、磋商小组或单一来源采购小组）：', '负责人：赵勇成员： 赵勇、黎明、曹化琴、卢丽娜、刘利杰',
    '八、评审意见（非标采购方式或竞争性磋商采购方式采用书面推荐供应商参加采购活动的，还应当公告采购人和评审专家的推荐意见）',
    '综合评分法中标候选供应商排序表', '包号', '投标人名称', '价格得分', '技术得分', '商务得分', '综合得分', '推荐排名', '1', '广东凡人医疗器械有限公司',
    '35', '48.67', '7.3', '90.97', '1', '广州冠宁商贸有限公司', '34.39', '42', '7.23', '83.63', '2'].join('\n');
  const n = extractNotice(doc(`广州市番禺区大龙街社区卫生服务中心采购医疗设备项目中标公告\n${text}\n`));
  assert.deepEqual(n.awards.map((a) => a.suppliers.map((s) => s.name)), [['广东凡人医疗器械有限公司']]);
});

test('a two-column table flattened: the winner\'s label alone between label / value pairs names it, and its price follows', () => {
  const text = ['马栏河运动公园一期建设工程亮化工程施工中标公示', '招标人', '大连市沙河口区城市建设管理局', '代理机构', '辽宁宏发工程管理咨询有限公司',
    '中标单位', '大连路灯设计安装工程有限责任公司', '中标价', '15458310.5300元', '建筑面积', '平方米'].join('\n');
  assert.deepEqual(extractNotice(doc(text)).awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]),
    [[['大连路灯设计安装工程有限责任公司'], 1_545_831_053]]);
});

test('a verdicts\' column flattened (甲 / 中标供应商 / 乙 / 未中标) is no label and value: the next bidder is no winner', () => {
  const text = ['某某设备采购项目评审结果公示', '三、评审结果', '供应商名称', '评审结果', '某某甲科技有限公司', '中标供应商', '某某乙科技有限公司', '未中标',
    '某某丙科技有限公司', '未中标'].join('\n');
  const names = extractNotice(doc(text)).awards.flatMap((a) => a.suppliers.map((s) => s.name));
  assert.ok(!names.includes('某某乙科技有限公司') && !names.includes('某某丙科技有限公司'), names.join(', '));
});

test('a flattened ranking whose blank 备注 cells the page dropped is still read row by row (ccgp-hlj-1, 林口县中医院, 2026)', () => {
  const text = ['某某县中医院医疗设备采购及服务中标（成交）结果公告', '三、采购结果', '供应商名称', '供应商地址', '中标（成交）金额', '国药集团某某医疗器械有限公司',
    '某某市南岗区泰山路261号', '1,430,000.00元', '八、其他补充事宜', '供应商', '资格性审查', '符合性审查', '技术得分', '综合得分', '最终报价', '推荐排名', '备注',
    '国药集团某某医疗器械有限公司', '通过', '通过', '64.60', '98.76', '1,430,000.00', '1',
    '某某省博太达商贸有限公司', '通过', '通过', '56.40', '85.16', '1,450,000.00', '2',
    '某某楠柯医疗器械有限公司', '通过', '通过', '48.40', '78.40', '1,390,000.00', '3', '某某工程项目咨询有限公司', '2026年09月29日'].join('\n');
  const n = extractNotice(doc(text));
  assert.deepEqual(n.candidates.map((c) => [c.rank, c.name, c.bid?.fen]), [[1, '国药集团某某医疗器械有限公司', 143_000_000],
    [2, '某某省博太达商贸有限公司', 145_000_000], [3, '某某楠柯医疗器械有限公司', 139_000_000]]);
  assert.deepEqual(n.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['国药集团某某医疗器械有限公司'], 143_000_000]]);
  // The last row takes no 备注: the agency signing off under the table is no cell of it.
  const rows = rebuildFlatTables(buildPage(text)).lines.filter((l) => l.cells).map((l) => l.cells!.map((c) => c.text));
  assert.deepEqual(rows.at(-1), ['某某楠柯医疗器械有限公司', '通过', '通过', '48.40', '78.40', '1,390,000.00', '3', '']);
});

test('河北\'s 主要标的信息 flattened, its 下浮率 to 优惠价 blank: each supplier\'s row keeps its own 中标金额 (hebei-1, 围场, 2021)', () => {
  const text = ['某某县电脑采购项目中标公告', '三、中标（成交）信息', '供应商名称', '供应商地址', '供应商组织机构代码', '承德某某商贸有限公司', '某某县围场镇河东村6组',
    '91130828MA0F2U281M', '河北某某体育设施有限公司', '定州经济开发区龙泉路', '91130682MA091YFW0B', '四、主要标的信息', '货物', '供应商名称', '货物名称', '货物品牌',
    '规格型号', '数量', '单价', '中标金额', '下浮率', '费率', '优惠率', '优惠产品说明', '优惠价', '承德某某商贸有限公司', '计算机', '紫光', '紫光 Unis526T', '156',
    '4780.00', '745680', '河北某某体育设施有限公司', '计算机', '戴尔', '戴尔', '156', '4768.00', '743808', '五、评审专家（单一来源采购人员）名单：'].join('\n');
  assert.deepEqual(extractNotice(doc(text)).awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]),
    [[['承德某某商贸有限公司'], 74_568_000], [['河北某某体育设施有限公司'], 74_380_800]]);
});

test('a flattened result row with cells before the name and blank notes at its end keeps the fields below it (b11a-projectbidding-1, 东莞, 2015)', () => {
  const text = ['某某展览馆展陈工程采购项目', '当前位置：首页>招标信息>中标公示', '采购人名称：', '东莞市某某工程管理局', '包号', '评审日期', '中标金额(元)', '中标供应商',
    '地址', '中标结果情况说明', '备注', 'a', '2015年03月26日', '72,076,258.38', '南京某某建筑装饰有限公司', '南京市雨花台区软件大道106号1栋601室',
    '评标委员会：俞某、高某、单某。', '采购代理机构：深圳市某某招标有限公司'].join('\n');
  const n = extractNotice(doc(text));
  assert.deepEqual(n.awards.map((a) => [a.lot, a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]),
    [['A', [['南京某某建筑装饰有限公司', '南京市雨花台区软件大道106号1栋601室']], 7_207_625_838]]);
  assert.equal(n.agency?.name, '深圳市某某招标有限公司');
});
