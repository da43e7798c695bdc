// Layouts of held-out batch 12 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of a 佛山
// hospitals' agency, 厦门大学, a 宁夏 and a 山西 agency, 温州's trading centre and a 云南 agency. Each page here keeps the
// wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);
/** A republishing site's chrome: twenty short lines of menus and navigation above the notice. */
const CHROME = ['某某招标网 - 中标公示', '首页┆服务项目┆ 创建桌面图标┆ 添加收藏夹', '招标信息频道bidding Channel',
  '招标信息工程招标┆设备招标┆招标议标先导┆中标公示┆招标机构', '项目信息拟建在建┆项目动态┆重点项目跟进┆年度项目┆专题项目',
  '首 页', '工程招标', '设备招标', '招标公告', '推荐公告', '免费公告', '招标议标先导', '业主招标专区', 'VIP邀请招标', '中标公示',
  '招标机构', '当前位置：首页>招标信息>中标公示'].join('\n');

test('the intro under a site\'s twenty lines of menus still names buyer and agency (X受Y委托); a purchasing centre that hands the work on is no buyer', async () => {
  const notice = await extract(`${CHROME}\n某某县城道路建设工程施工中标公示\n发布日期：2015-03-30\n`
    + '某某建设工程招标代理中心（有限公司）受某某县城乡建设和环境保护局委托，就某某县城道路建设工程施工进行公开招标，已于2015年3月27日完成评标工程现将中标单位公示如下：\n'
    + '施工中标单位：某某建筑工程有限责任公司\n工期： 90天 中标价：11249349.45元\n');
  assert.equal(notice.buyer?.name, '某某县城乡建设和环境保护局');
  assert.equal(notice.agency?.name, '某某建设工程招标代理中心（有限公司）');
  const centre = await extract('某某医院设备采购中标公告\n某某招标有限公司受某某市政府采购中心委托，就某某医院设备采购（招标编号：OTC1201303）进行了国内公开招标。\n'
    + '中标供应商：某某医疗科技有限公司\n');
  assert.equal(centre.buyer, null);
  assert.equal(centre.agency?.name, '某某招标有限公司');
});

test('a sentence that opens with the project and its code, then 项目，于…, names the project', async () => {
  const notice = await extract(`${CHROME}\n某某大学餐厅改扩建弱电系统工程\n中 标 结 果 公 告\n`
    + '某某大学餐厅改扩建弱电系统工程（招标编号：XDSZ201502）项目，于2015年3月27日在某某大学基建处公开开标，经评标委员会评审和招标人确认，最终的中标结果如下：\n'
    + '中标人：某某电子技术开发有限公司\n中标价：158.05万元\n');
  assert.equal(notice.project.name, '某某大学餐厅改扩建弱电系统工程');
  assert.equal(notice.project.code, 'XDSZ201502');
  assert.deepEqual(won(notice), [[null, 'active', ['某某电子技术开发有限公司'], 158_050_000]]);
});

test('经招标人确定，排名第一的中标候选人：X（联合体）为中标人 settles the result of a 评标结果公示', async () => {
  const notice = await extract('某某项目评标结果公示\n受某某市农业委员会委托，某某项目管理有限责任公司对某某项目进行公开招标，现评标委员会已完成评标工作，评标结果如下：\n'
    + '第一中标候选人：某某数据技术有限公司\n第二中标候选人：某某信息技术有限公司\n经招标人确定，排名第一的中标候选人：某某数据技术有限公司（联合体）为中标人。\n');
  assert.equal(notice.noticeType, 'award');
  assert.deepEqual(won(notice), [[null, 'active', ['某某数据技术有限公司'], null]]);
  assert.equal(notice.buyer?.name, '某某市农业委员会');
});

test('第一中标候选人为A与B（联合体），投标报价…；第二中标候选人为C: every clause a candidate, a consortium\'s members at one rank', async () => {
  const notice = await extract('工程建设项目中标候选人公示通告\n由某某医院建设的某某综合楼工程电梯工程，招标代理人为某某工程建设咨询有限公司。经评标委员会评定，'
    + '第一中标候选人为某某电梯有限公司与某某江东电梯有限公司（联合体），投标报价1654600元；第二中标候选人为某某电梯设备（中国）有限公司，投标报价1764000元。根据规定，予以公示。\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name, c.bid?.fen ?? null]),
    [[1, '某某电梯有限公司', 165_460_000], [1, '某某江东电梯有限公司', 165_460_000], [2, '某某电梯设备（中国）有限公司', 176_400_000]]);
  assert.deepEqual(notice.warnings, []);
  assert.deepEqual(won(notice), []);
});

test('a lot run into the winner\'s label (d包中标人：X, 第二包中标人：Y) is the award\'s lot, and q包：流标 a failed lot; lettered lots go on to aa', async () => {
  const page = (ids: string[]) => `某某局技术设备更新改造项目第一批中标公告\n经研究决定，同意评标委员会推荐的中标单位如下：\n${ids[0]}中标人：某某进出口有限公司\n`
    + `中标金额：555万元，交货期：合同签订后90天。\n${ids[1]}中标人：某某电子科技有限公司\n中标金额：203.9万元，交货期：70日内。\n${ids[2]}：流标\n`
    + `${ids[3]}中标人：某某科技有限公司\n中标金额：41.044万元\n`;
  assert.deepEqual(won(await extract(page(['d包', 'e包', 'q包', 'aa包']))), [['D', 'active', ['某某进出口有限公司'], 555_000_000],
    ['E', 'active', ['某某电子科技有限公司'], 203_900_000], ['Q', 'unsuccessful', [], null], ['aa', 'active', ['某某科技有限公司'], 41_044_000]]);
  assert.deepEqual(won(await extract(page(['第一包', '第二包', '第三包', '第四包']))).map((a) => [a[0], a[1]]),
    [['1', 'active'], ['2', 'active'], ['3', 'unsuccessful'], ['4', 'active']]);
});

test('a result row that starts at its lot and ends in a sentence spanning the columns (…作废标处理) is a failed lot', async () => {
  const html = '<html><body><p>某某医疗设备公开招标项目评审结果公告</p><p>二、中标人名称、地址和中标金额：</p><table>'
    + '<tr><td>包号</td><td>分包名称</td><td>数量</td><td>中标人名称</td><td>地址</td><td>中标金额(元)</td></tr>'
    + '<tr><td>1</td><td>眼科超声乳化仪</td><td>1套</td><td colspan="3">经评审委员会审查，本分包的有效投标人不足三家，对此分包作废标处理，将依法重新采购。</td></tr>'
    + '<tr><td>2</td><td>高频电刀</td><td>7套</td><td>某某医药保健品进出口公司</td><td>某市某路10号</td><td>￥896000.00元</td></tr></table></body></html>';
  assert.deepEqual(won(await extract(html, 'page.html')), [['1', 'unsuccessful', [], null], ['2', 'active', ['某某医药保健品进出口公司'], 89_600_000]]);
});

test('a form whose cells a crawler joined with spaces into one line (项目及标段名称 X 项目业主 Y …) is read as label | value rows', async () => {
  const notice = await extract('\t项目及标段名称 某某县旅游基础设施建设项目施工、监理(施工标段) 项目业主 某某县旅游发展局 项目业主联系电话 0837-6822888 '
    + '招标人 某某县旅游发展局 招标人联系电话 0837-6822888 招标代理机构 某某工程招标咨询有限公司 招标代理机构 联系电话 028-65018150 '
    + '开标地点 开标室3 开标时间 2018-12-14 10:00:00 公示期 2018 年 12 月 19 日 至 2018 年 12 月 21 日 投标最高限价（元） 33751823.010000\n'
    + '\t1.投标人或者其他利害关系人对依法必须进行招标的项目的评标结果有异议的，应当在中标候选人公示期间提出。\n');
  assert.equal(notice.project.name, '某某县旅游基础设施建设项目施工、监理(施工标段)');
  assert.equal(notice.buyer?.name, '某某县旅游发展局');
  assert.equal(notice.agency?.name, '某某工程招标咨询有限公司');
  assert.equal(notice.budget, null);
  // A sentence naming a label or two is no form.
  const sentence = await extract('某某项目中标公告\n招标人 某某局 对 某某项目 进行了公开招标\n中标单位：某某建设有限公司\n');
  assert.equal(sentence.buyer?.name ?? null, null);
});
