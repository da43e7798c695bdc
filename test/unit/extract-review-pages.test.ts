// Pages reviewers wrote to break the extractor (reviews of the commits ebf113d to ee276f5): each a minimal page in
// the wording of real notices, each once wrong (a false winner, a wrong budget or amount, a wrong buyer, type or
// title, a lost winner), now right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

const won = (n: Awaited<ReturnType<typeof extract>>) => n.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('a title written over short lines, its last with brackets (中标(成交)结果更正公告), is no site menu: the correction names no winner', async () => {
  const notice = await extract('某某市人民医院\n彩超设备采购项目\n中标(成交)结果更正公告\n一、原公告名称：某某市人民医院彩超设备采购项目中标结果公告\n'
    + '二、更正事项：中标供应商\n三、更正内容：\n原中标供应商：某某医疗科技有限公司\n因该供应商提供虚假材料，取消其中标资格。\n');
  assert.equal(notice.noticeType, 'correction');
  assert.deepEqual(won(notice), []);
});

test('a suppliers\' table with scores under the named winner ranks every bidder: only the named one won, as Markdown or with tabs', async () => {
  const rows = [['序号', '供应商名称', '最终报价（元）', '综合得分'], ['1', '深圳市乙某科技有限公司', '1,301,000.00', '92.5'],
    ['2', '深圳市甲某科技有限公司', '1,286,000.00', '88.0'], ['3', '深圳市丙某科技有限公司', '1,350,000.00', '85.5']];
  const page = (table: string) => `# 某某学校实验设备采购项目成交结果公告\n\n## 三、成交信息\n\n成交供应商：深圳市乙某科技有限公司\n\n成交金额：1,301,000.00元\n\n各供应商报价及得分情况如下：\n\n${table}\n\n## 四、其他补充事宜\n`;
  const markdown = rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? '\n| --- | --- | --- | --- |' : ''}`).join('\n');
  assert.deepEqual(won(await extract(page(markdown))), [[['深圳市乙某科技有限公司'], 130_100_000]]);
  assert.deepEqual(won(await extract(page(rows.map((r) => r.join('\t')).join('\n')))), [[['深圳市乙某科技有限公司'], 130_100_000]]);
});

test('是 / 否 in a yes-no column (是否中小企业) is no review\'s verdict: the result table\'s supplier won', async () => {
  const table = await extract('某某区教育局课桌椅采购项目中标结果公告\n三、中标信息\n序号\t供应商名称\t供应商地址\t是否中小企业\t下浮率\n1\t某某家具制造有限公司\t某市某区工业路8号\t是\t5%\n四、主要标的信息\n');
  assert.deepEqual(table.awards.map((a) => a.suppliers.map((s) => s.name)), [['某某家具制造有限公司']]);
  const flat = await extract('某某家具采购项目成交公告\n三、成交信息\n成交供应商\n是否小微企业\n某某家具制造有限公司\n是\n成交金额：286000元\n');
  assert.deepEqual(won(flat), [[['某某家具制造有限公司'], 28_600_000]]);
});

test('a budget stated in a sentence is none when it is a lot\'s, a unit price, a works project\'s investment or a superseded figure', async () => {
  const budget = async (line: string) => (await extract(`某某项目招标公告\n${line}\n`)).budget;
  assert.equal(await budget('第1包采购预算为50万元；第2包采购预算为50万元。'), null);
  assert.equal(await budget('本项目采购预算为3.5元/平方米·月。'), null);
  assert.equal(await budget('本项目全长8.6公里，投资概算为32000万元。'), null);
  assert.equal(await budget('本项目原采购预算为300万元，经区财政评审调整后为260万元。'), null);
  // Spaces run on after 为 take no long search (a page of 3,000 once ran past a minute) and state nothing.
  assert.equal(await budget(`本项目采购预算为${' '.repeat(3000)}详见附件。`), null);
});

test('the summary\'s total stands beside a yearly budget or a large budget that confirms it (物业 三年; a PPP of 12.6亿)', async () => {
  const page = (total: string, budget: string) => '某某中心物业管理服务项目中标（成交）结果公告\n## 公告概要：公告信息：采购项目名称某某中心物业管理服务项目品目\n\n'
    + `采购单位某某市机关事务管理局行政区域某某市公告时间2026年08月05日 13:03评审专家名单甲某、乙某总中标金额${total}`
    + `联系人及联系方式：项目联系人何某项目联系电话0311-89862068\n\n一、项目编号：WY-2026-008\n${budget}\n三、中标（成交）信息\n`
    + '供应商名称：某某物业服务有限公司\n供应商地址：某市某路9号\n中标（成交）金额：详见附件\n';
  assert.deepEqual(won(await extract(page('￥151.200000 万元（人民币）', '采购预算：50.4万元（每年），服务期三年'))), [[['某某物业服务有限公司'], 151_200_000]]);
  assert.deepEqual(won(await extract(page('￥126000.000000 万元（人民币）', '采购预算：130000万元'))), [[['某某物业服务有限公司'], 126_000_000_000]]);
});

test('a 建设单位 in a candidate\'s record of past work is not the buyer, however the buyer is also named the agency', async () => {
  const notice = await extract('某某区人民医院门诊楼改造工程中标候选人公示\n招标人：某某区公共资源交易中心\n招标代理机构：某某区公共资源交易中心\n'
    + '第一中标候选人：某某建设集团有限公司\n投标报价：3268000元\n类似业绩：\n项目名称：某某中学教学楼改造工程\n建设单位：某某市第三中学\n');
  assert.equal(notice.buyer?.name, '某某区公共资源交易中心');
});

test('a portal\'s sidebar links above its breadcrumb (…更正公告, …终止公告) neither title nor type the notice below it', async () => {
  const menus = ['首页', '某某概况', '信息公开', '政务服务', '政民互动', '专题专栏', '今日某某', '部门动态', '政府信息公开指南', '公示公告',
    '政府采购', '工程招投标', '热点推荐'];
  for (const link of ['某某县第二中学食堂设备采购项目更正公告', '某某县第二中学食堂设备采购项目终止公告', '某某县第二中学食堂设备采购项目中标候选人公示']) {
    const html = `<html><head><title>信息公开-某某县人民政府</title></head><body>${menus.map((m) => `<a href="#">${m}</a><br>`).join('')}`
      + `<a href="#">${link}</a><br><a href="#">当前位置: 首页>>信息公开>>公开信息内容</a>`
      + '<p>某某县人民医院医疗设备采购项目成交结果公告</p><p>一、项目编号：XYY-2026-07</p><p>二、成交信息</p><p>成交供应商：某某医疗器械有限公司</p><p>成交金额：526890元</p></body></html>';
    const notice = await extract(html, 'page.html');
    assert.deepEqual([notice.title, notice.noticeType, won(notice)], ['某某县人民医院医疗设备采购项目成交结果公告', 'award', [[['某某医疗器械有限公司'], 52_689_000]]]);
  }
});

test('lot headings one under another, then one winner: the winner is theirs together, not the last lot\'s', async () => {
  const notice = await extract('某某医院医疗设备采购项目中标公告\n本项目共两个包，两个包由同一供应商中标：\n01包：数字式无创血液动力学监测系统采购\n'
    + '02包：一拖八以上输液泵采购\n中标单位：某某进出口有限公司\n中标金额：人民币捌拾万元整（￥80万元）\n');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.value?.fen]), [[null, ['某某进出口有限公司'], 80_000_000]]);
});

test('a winner field that goes on 牵头供应商：X 投标联合体：X、Y names the lead once, then its other member', async () => {
  const notice = await extract('某某项目中标公告\n三、中标信息\n中标供应商：牵头供应商：新疆某某工程管理咨询有限公司 投标联合体：新疆某某工程管理咨询有限公司、'
    + '新疆某某有限责任会计师事务所\n中标金额：405000元\n');
  assert.deepEqual(notice.awards.map((a) => a.suppliers.map((s) => [s.name, s.role])),
    [[['新疆某某工程管理咨询有限公司', 'lead'], ['新疆某某有限责任会计师事务所', 'member']]]);
});

test('a glued row whose member has no listed legal form is not cut inside its address (…大队 / 乌鲁木齐市友好中心 / 北路1号)', async () => {
  const notice = await extract('某某地质灾害治理项目中标(成交)结果公告\n三、中标（成交）信息\n1.中标结果：\n'
    + '序号供应商名称供应商地址中标（成交）金额评审总得分1牵头供应商：新疆某某工程勘察设计有限公司\n'
    + '投标联合体：新疆某某工程勘察设计有限公司、新疆维吾尔自治区地质矿产勘查开发局第一区域地质调查大队乌鲁木齐市友好中心北路1号报价：405000（元）84.47\n'
    + '2.废标结果:\n序号标项名称废标理由其他事项\n');
  const names = notice.awards.flatMap((a) => a.suppliers.map((s) => s.name));
  assert.deepEqual(names, ['新疆某某工程勘察设计有限公司']);
  assert.ok(notice.warnings.some((w) => w.includes('is not stored as a winner')), notice.warnings.join('\n'));
});
