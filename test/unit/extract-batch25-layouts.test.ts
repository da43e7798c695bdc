// Layouts of held-out batch 25 (test/eval/SOURCES.md): notices of state-owned groups' tendering platforms and other
// sites, kept by crawlers as page text. Each page here keeps the wording and layout of one of them, with the names
// replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('a winner named twice with a space between (the label\'s cell and a price table\'s caption) is one winner', async () => {
  const notice = await extract('某某安防设备租赁项目中标公告\n三、中标/成交结果信息\n'
    + '9.1中标供应商名称：武汉市某某安防设备有限公司汉口分公司 武汉市某某安防设备有限公司汉口分公司品目预算价格投标报价(元)X光安检机3000元/台/天\n');
  assert.deepEqual(won(notice), [[null, 'active', ['武汉市某某安防设备有限公司汉口分公司'], null]]);
});

test('a sign-off glued to the end of run-on text dates the notice; a date after other words does not', async () => {
  const signed = await extract('某某项目中标公告\n中标供应商名称：武汉某某智能安防有限公司\n'
    + '五、信息发布媒体（一）某某电子招投标平台（http://www.example.com）湖北某某工程咨询有限公司2018年9月29日\n');
  assert.equal(signed.publishedAt, '2018-09-29');
  const closing = await extract('某某项目中标公告\n中标供应商名称：武汉某某智能安防有限公司\n'
    + '五、信息发布媒体（一）某某电子招投标平台（http://www.example.com）公示截止到2018年9月29日\n');
  assert.equal(closing.publishedAt, null);
  // …nor a date run into a winner's name under its label.
  const winnerDated = await extract('某某项目中标公告\n项目名称：某某工程\n成交供应商：某某建设有限公司2018年9月29日\n');
  assert.equal(winnerDated.publishedAt, null);
});

test('an item numbered in brackets ends the value before it when that value\'s own label is numbered so', async () => {
  const notice = await extract('某某项目中标公告\n一、项目概况（一）项目编号：JTHYJK-FW-2018-011（二）项目名称：某某体育中心安防设备租赁服务类供应商采购项目 '
    + '（三）项目内容及需求：本次采购共分1个项目包，具体需求如下。详细技术规格见采购文件。\n');
  assert.equal(notice.project.name, '某某体育中心安防设备租赁服务类供应商采购项目');
  assert.equal(notice.project.code, 'JTHYJK-FW-2018-011');
  // A name's own bracketed number stays when its label has none.
  const own = await extract('某某项目中标公告\n项目名称：某某采购项目（二） 项目编号：ABC-1\n');
  assert.equal(own.project.name, '某某采购项目（二）');
});

test('a two-column table flattened one cell a line, indented by tabs: 中标候选人 / 推荐名次', async () => {
  const notice = await extract('中标候选人公示\n某某公司某某工程电缆套管采购（招标编号：THHN-201810-ZB01 ）的评审工作已经结束，现就中标候选人公示如下：\n'
    + '\t\t\t中标候选人\n\t\t\t推荐名次\n\t\t\t浙江某某管业有限公司\n\t\t\t1\n\t\t\t杭州某某电力科技有限公司\n\t\t\t2\n'
    + '\t\t\t浙江某某塑业有限公司\n\t\t\t3\n公示期：2018年10月18日至2018年10月20日\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]),
    [[1, '浙江某某管业有限公司'], [2, '杭州某某电力科技有限公司'], [3, '浙江某某塑业有限公司']]);
});

test('a lot named by its package code in the 包号 column keeps the code', async () => {
  const notice = await extract('某某研究及应用公开招标中标结果公告\n一、中标结果\n包号\n包名称\n中标人\nCEZB190506998001\n'
    + '某某电站设备一体化智能管控研究及应用\n成都某某信息技术有限公司\n二、本次招标联系事项\n');
  assert.deepEqual(won(notice), [['CEZB190506998001', 'active', ['成都某某信息技术有限公司'], null]]);
});

test('a bare 名称 right under the result\'s heading names the winner; under the buyer\'s heading the buyer', async () => {
  const notice = await extract('一、项目名称：某某中学第二学术厅楼顶屋面防水项目\n二、中标（成交）信息\n名 称：四川某某建设工程有限公司\n'
    + '三、公告期限\n自本公告发布之日起2个工作日\n四、凡对本次公告内容提出询问，请按以下方式联系:\n1. 采购人信息\n名称：四川省某某中学\n'
    + '地址：江油市某某路61号\n四川省某某中学\n2026年9月23日\n');
  assert.deepEqual(won(notice), [[null, 'active', ['四川某某建设工程有限公司'], null]]);
  assert.equal(notice.buyer?.name, '四川省某某中学');
  assert.equal(notice.project.name, '某某中学第二学术厅楼顶屋面防水项目');
});

test('a numbered heading run onto the line before it opens its section (…遴选二、中标（成交）信息)', async () => {
  const notice = await extract('一、项目名称：某某物资配送服务招标代理机构遴选二、中标（成交）信息\n名 称：四川某某工程管理有限公司\n'
    + '三、公告期限\n自本公告发布之日起1个工作日\n');
  assert.equal(notice.project.name, '某某物资配送服务招标代理机构遴选');
  assert.deepEqual(won(notice), [[null, 'active', ['四川某某工程管理有限公司'], null]]);
});

test('an item\'s number glued to the value before it (…有限公司4.预算金额：) is not part of the winner\'s name', async () => {
  const notice = await extract('某某新场地装修改造项目设计采购信息公开（服务类）\n一、采购单位：后勤保障部二、项目名称：某某新场地装修改造项目设计'
    + '三、公开信息：1.服务内容：根据工程相关法律法规。2.服务期限：合同签订后至竣工验收。3.成交供应商：深圳市某某设计有限公司4.预算金额：'
    + '费率上限为6%5.成交价格：中标费率为4.14%\n');
  assert.equal(notice.noticeType, 'award');
  assert.deepEqual(won(notice), [[null, 'active', ['深圳市某某设计有限公司'], null]]);
  assert.equal(notice.awards[0].rate?.percent, 4.14);
});

test('江西\'s candidate notices: the project opens the sentence of when its bids were opened; 公示发布日期为：', async () => {
  const notice = await extract('某某市2012年度小型农田水利工程建设项目施工（11标段）招标项目于2012年11月5日10时00分在某某市公共资源交易中心公开开标，'
    + '经评标专家委员会评审，确定了中标候选人，现公示如下：\n某某市2012年度小型农田水利工程建设项目施工（11标段）中标候选人\n'
    + '第一排序人：江西省某某水电建筑安装工程公司\n投标报价：145.641798万元\n第二排序人：南城县某某水电建筑有限责任公司\n投标报价：146.089924万元\n'
    + '本次公示中标候选人公示期为5天，公示发布日期为：2012年11月6日。\n招标人：某某市小型农田水利工程建设项目部\n');
  assert.equal(notice.project.name, '某某市2012年度小型农田水利工程建设项目施工（11标段）');
  assert.equal(notice.publishedAt, '2012-11-06');
});

test('a project\'s name before its code in the intro keeps its 项目 (本X项目（招标项目编号：…）)', async () => {
  const notice = await extract('中标候选人公示\n本宁德某某附属设施外部接口施工项目（招标项目编号：CGN-201902180003 ），经评标委员会评审，确定的中标候选人，现公示如下：\n');
  assert.equal(notice.project.name, '宁德某某附属设施外部接口施工项目');
  assert.equal(notice.project.code, 'CGN-201902180003');
});

// An older batch's miss (b23b-dlgangsheng-1), read again this stop.

test('question marks where a page lost its spaces do not hide the winner on the line under its label', async () => {
  const notice = await extract('某某工程勘察中选结果公示\n7、谈判小组成员：李某某、戴某某?、石某某?\n8、中选单位：\n????? ??辽宁某某工程勘察院\n中标价: 18.80万元\n');
  assert.deepEqual(won(notice), [[null, 'active', ['辽宁某某工程勘察院'], 18_800_000]]);
});

// Batch 26: ccgp.gov.cn's central notices of 2026, their body kept by a crawler without the page's title.

test('a body that opens with 一、项目编号：…（招标文件编号：…） is no tender for it: its result section decides', async () => {
  const notice = await extract('一、项目编号：SHZB2026-369【AJ26048】（招标文件编号：SHZB2026-369【AJ26048】） 二、项目名称：某某大学创新型教师理化性能测试系统 '
    + '三、中标（成交）信息 供应商名称：陕西某某实验室系统维护工程有限公司供应商地址：陕西省西安市高新区某某路12层1203办公室中标（成交）金额：211.9850000（万元）'
    + '四、主要标的信息 序号    供应商名称      货物名称      货物品牌      货物数量      货物单价(元)   1    陕西某某实验室系统维护工程有限公司      '
    + '创新型教师理化性能测试系统      某某牌      1      2119850.00                 五、评审专家（单一来源采购人员）名单： 樊某某、阴某某\n');
  assert.equal(notice.noticeType, 'award');
  assert.deepEqual(won(notice), [[null, 'active', ['陕西某某实验室系统维护工程有限公司'], 211_985_000]]);
});

test('the national template\'s failure notice: 二、项目废标/流标的原因 … 不足三家，故废标', async () => {
  const notice = await extract('一、项目基本情况 采购项目编号：ZHRSZB-2026-076T 采购项目名称：某某税务局辅助服务采购项目 二、项目废标/流标的原因 '
    + '本项目递交投标文件单位不足三家，故废标。 三、其他补充事宜 无\n');
  assert.equal(notice.noticeType, 'termination');
  assert.deepEqual(won(notice), [[null, 'unsuccessful', [], null]]);
  // A tender's rule about it is no failure.
  const rule = await extract('某某项目招标公告\n投标截止时间：2026年9月1日\n有效投标人不足三家的，作废标处理。\n');
  assert.equal(rule.noticeType, 'tender');
  assert.deepEqual(won(rule), []);
});

test('a sentence naming one lot and saying it failed (本项目02包无有效供应商，本包废标) fails that lot', async () => {
  const notice = await extract('一、项目基本情况 采购项目编号：CFTC-BJ01-2608019 采购项目名称：某某大学汽车租赁服务 二、项目废标/流标的原因 '
    + '本项目02包无有效供应商，本包废标。 三、其他补充事宜 无\n');
  assert.equal(notice.noticeType, 'termination');
  assert.deepEqual(won(notice), [['2', 'unsuccessful', [], null]]);
});

test('供应商名称：第一包：X — the lot between the winner\'s label and its name is that winner\'s', async () => {
  const notice = await extract('一、项目编号：SC2026-A0125 二、项目名称：某某税务局2026年食堂食材采购项目 三、中标（成交）信息 '
    + '供应商名称：第一包：宜宾市某某农贸有限公司供应商地址：四川省宜宾市某某路中标（成交）金额：180.0000000（万元） '
    + '供应商名称：第二包：宜宾某某商贸有限公司供应商地址：四川省宜宾市某某街中标（成交）金额：240.0000000（万元）四、主要标的信息\n');
  assert.deepEqual(won(notice), [
    ['1', 'active', ['宜宾市某某农贸有限公司'], 180_000_000],
    ['2', 'active', ['宜宾某某商贸有限公司'], 240_000_000],
  ]);
});

test('run-on sections: the result\'s heading cut from the line, and a rejection that speaks only up to the winner\'s label', async () => {
  const notice = await extract('一、项目基本情况 1．项目编号：DZXJ2607 2．项目名称：某某基地视频会议系统采购项目 5．预算金额：804800.00元 '
    + '二、成交信息 初审情况： 以下响应人未通过初审： 序号 响应人名称 被拒绝原因 1 北京某某科技发展有限公司 符合性审查未通过：未按要求提供营业执照。 '
    + '成交供应商情况： 供应商名称：广东某某产业投资有限公司 供应商地址： 江门市某某路66号 成交金额：人民币362161.00元 '
    + '三、主要成交标的信息 序号 产品 品牌\n');
  assert.deepEqual(won(notice), [[null, 'active', ['广东某某产业投资有限公司'], 36_216_100]]);
});

test('a party\'s heading run into its 名称 (1.采购人信息名    称：X) names that party; 联系方法 is a label', async () => {
  const notice = await extract('成交结果公告\n三、成交信息\n供应商名称：宁夏某某信息技术有限公司\n'
    + '九、凡对本次公告内容提出询问，请按以下方式联系。1.采购人信息名    称：公安部某某研究所地    址：上海市某某路76号联系方式：孙老师021-68699779'
    + '2.采购代理机构信息名称：某某市政府采购中心地址：某某市南京路2588号（徽州大道与南京路交口）六楼联系方法：0551-66223922\n');
  assert.equal(notice.buyer?.name, '公安部某某研究所');
  assert.equal(notice.agency?.name, '某某市政府采购中心');
  assert.equal(notice.agency?.address, '某某市南京路2588号（徽州大道与南京路交口）六楼');
});
