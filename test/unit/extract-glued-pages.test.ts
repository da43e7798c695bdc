// Page text whose line breaks were lost: sections run into one line, table cells kept apart only by runs of
// spaces, list numbers run into the next label. The pages carry no licence, so each case is a minimal page
// in the same wording, naming the real notice that showed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPage } from '../../ingest/extract/page.ts';
import { extractPage as extract } from '../support/extract-page.ts';

const filler = '其他详见招标文件。'.repeat(30);

test('a glued line is cut at its numbered sections in their order, and only there (珠海市教育局 CLPSP16ZH04ZC25, 2016)', () => {
  const text = `某某代理有限公司受某某市教育局的委托，现就本次采购的中标结果公告如下： 一、采购人名称：某某市教育局二、采购项目名称：一、二等奖评选服务采购项目三、项目编号：CLPSP16ZH04ZC25${filler}`;
  const lines = buildPage(text, { glued: true }).lines.map((l) => l.span.text);
  assert.deepEqual(lines.slice(0, 4), [
    '某某代理有限公司受某某市教育局的委托，现就本次采购的中标结果公告如下：',
    '一、采购人名称：某某市教育局',
    '二、采购项目名称：一、二等奖评选服务采购项目',
    `三、项目编号：CLPSP16ZH04ZC25${filler}`,
  ]);
  // Two headings in order are not enough to say the line is sections.
  assert.equal(buildPage(`一、采购人名称：某某市教育局二、项目编号：X1${filler}`, { glued: true }).lines.length, 1);
});

test('a heading run into its fields opens its section, and the next item\'s number ends a value (珠海 2016)', async () => {
  const notice = await extract(`某某市教育局采购项目的中标公告\n某某代理有限公司受某某市教育局的委托，现就本次采购的中标结果公告如下： 一、采购人名称：某某市教育局`
    + '二、采购项目名称：某某示范校项目（C包）采购项目三、项目编号：CLPSP16ZH04ZC25七、评审信息1.评审日期：2016年11月7日'
    + '八、中标信息  1.中标供应商名称：广东某某信息技术有限公司  2.中标供应商地址：珠海市香洲区凤凰南路1030号  3.中标金额：人民币（RMB2,288,231.72）'
    + `九、中标候选人信息 1.中标候选人供应商名称：珠海某某电子科技有限公司 2.报价金额：人民币（RMB2,296,472.00）十、联系事项：${filler}\n`);
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['广东某某信息技术有限公司'], 228823172]]);
  assert.equal(notice.project.code, 'CLPSP16ZH04ZC25');
});

test('runs of four spaces or more part table cells; a lone character before them is a spaced-out label (fj 2017, 湖南 2018)', async () => {
  const notice = await extract('某某招标有限公司受某某小学的委托，就VR教室设备采购项目（项目编号：KTZB-2017017）组织采购，评标工作已经结束，中标结果如下： '
    + `五、中标信息中标日期：2017年04月06日总中标金额：24.88 万元（人民币）中标供应商名称、联系地址及中标金额：序号          中标供应商名称         中标供应商联系地址           中标金额(万元)        1           福州某某网络科技有限公司            福建省福州市仓山区某某路198号            24.88        评审专家名单：陈某（组长）${filler}\n`);
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['福州某某网络科技有限公司'], 24_880_000]]);
  const spaced = buildPage(`成交供应商名称： 湖南某某工程有限公司\t\t\t联  系  人：刘某               电                       话：07308683662\t\t\t成交金额：703900  元。${filler}`, { glued: true });
  assert.deepEqual(spaced.lines.map((l) => l.span.text).slice(0, 3), ['成交供应商名称： 湖南某某工程有限公司', '联  系  人：刘某', '电                       话：07308683662']);
});

test('确定排名第一的X为中标供应商 settles a lot\'s winner, also under 评审结果; 为中标候选人 does not (95981部队 2016-KJBJ－1008-2)', async () => {
  const notice = await extract('\n中国人民解放军某某部队对气象物资进行了公开招标，现就本次评标结果排序（前三名）及中标结果公示如下：\n一、项目名称：气象物资\n'
    + '二、项目编号：2016-KJBJ－1008-2\n四、评审结果\n第一包：便携式气压发生器\n1.杭州某某通信设备有限公司；\n2.太原市某某科技有限公司；\n'
    + '根据评审结果，确定排名第一的杭州某某通信设备有限公司为中标供应商。\n第二包：高精度镜面露点仪\n1.北京市某某技术有限公司；\n'
    + '根据评审结果，确定北京市某某技术有限公司为中标候选人。\n');
  assert.equal(notice.project.code, '2016-KJBJ－1008-2');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name)]), [['1', ['杭州某某通信设备有限公司']]]);
});

test('a winner\'s label after 中标候选人 or 投标 names a candidate or a bidder, never a winner (珠海 2016)', async () => {
  const notice = await extract('某某项目中标公告\n中标结果如下：\n中标供应商名称：广东某某信息技术有限公司 中标候选人供应商名称：珠海某某电子科技有限公司 投标供应商名称：珠海某某网络科技有限公司\n');
  assert.deepEqual(notice.awards.map((a) => a.suppliers.map((s) => s.name)), [['广东某某信息技术有限公司']]);
  assert.deepEqual(notice.candidates.map((c) => c.name), ['珠海某某电子科技有限公司']);
});

test('a label spaced out over tab-parted cells is one cell with its value; real one-character cells stay apart (上海大学, 北京市城市管理委员会 tender PDFs, 2023)', async () => {
  const page = buildPage('采 \t购 \t人：北京市某某管理委员会\n名\t称：上海某某大学\n地 \t址：上海市宝山区上大路 \t99 \t号\n1\t视频监控设备\t批\t1\n');
  assert.deepEqual(page.lines.map((l) => l.cells?.map((c) => c.text) ?? l.span.text), [
    '采 \t购 \t人：北京市某某管理委员会',
    '名\t称：上海某某大学',
    // leading its line, the label's value runs to the line's end
    '地 \t址：上海市宝山区上大路 \t99 \t号',
    ['1', '视频监控设备', '批', '1'],
  ]);
  const notice = await extract('北京市政府采购项目\n公开招标文件\n项目编号：TAHP-ZB-2023-1790\n采 \t购 \t人：北京市某某管理委员会\n采购代理机构：中某某工程技术有限公司\n');
  assert.equal(notice.buyer?.name, '北京市某某管理委员会');
});

test('with no colon on the line, labels and values parted by runs of three spaces are fields (中国石油 eportal F201701522-2, 2017)', async () => {
  const notice = await extract(`首页 &gt;&gt; 公开招标公告 &gt;&gt; 详细信息            公开招标公告详细信息    项目名称 2018-2019年某某作业技术服务标段二（F201701522-2）   项目编号 2017-0216529-THYT-0007403   一. 招标条件   本 服务项目 已按要求履行了相关报批及备案等手续，具备招标条件，现对其进行 公开招标 。    ${filler}\n`);
  assert.equal(notice.project.name, '2018-2019年某某作业技术服务标段二（F201701522-2）');
  assert.equal(notice.project.code, '2017-0216529-THYT-0007403');
  // A line with colons keeps its labelled fields: 联系人：张某   电话：123 is not read as spaced pairs.
  assert.equal((await extract('某某项目中标公告\n中标供应商：某某科技有限公司   中标金额：12万元\n')).awards[0]?.value?.fen, 12_000_000);
});

test('a title run into its bare date is the title, and the one lot it numbers is the only award\'s (安徽省政府采购网 2022, 合肥职业技术学院 2021BFFHZ02930)', async () => {
  const notice = await extract('某某职业技术学院数字化校园三期建设第3包智慧教室改造项目中标（成交）结果公告[2022]2022年02月11日00:15来源：【打印】公告概要：'
    + '一、项目编号:2021BFFHZ02930二、项目名称:某某职业技术学院数字化校园三期建设三、中标（成交）信息供应商名称：某某（杭州）信息系统技术有限公司'
    + '供应商地址：浙江省杭州市西湖区某某街333号中标（成交）金额：人民币伍佰陆拾捌万柒仟捌佰伍拾元整（大写）（￥5687850.00元）');
  assert.equal(notice.title, '某某职业技术学院数字化校园三期建设第3包智慧教室改造项目中标（成交）结果公告');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.value?.fen]), [['3', ['某某（杭州）信息系统技术有限公司'], 568_785_000]]);
  const bracketed = await extract('某某学院家具采购项目（一包）中标公告2022年08月18日10:57来源：【打印】\n三、中标（成交）信息\n供应商名称：某某家具有限公司\n中标（成交）金额：￥226280.00元\n');
  assert.deepEqual(bracketed.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name)]), [['1', ['某某家具有限公司']]]);
  // A title that numbers a run of lots, or a batch (第三批), names no one lot.
  for (const title of ['某某学院第1-3包家具采购项目中标公告', '某某学院2022年第三批家具采购项目中标公告']) {
    const n = await extract(`${title}2022年08月18日\n三、中标（成交）信息\n供应商名称：某某家具有限公司\n中标（成交）金额：￥226280.00元\n`);
    assert.deepEqual(n.awards.map((a) => a.lot), [null], title);
  }
});

test('the national summary block goes on after its opening line: its labels are cut there too, however short the line (青海 ccgp.gov.cn 2026, 天峻县)', async () => {
  const notice = await extract('某某县和美乡村示范项目中标结果公告\n\n## 公告概要：公告信息：采购项目名称某某县和美乡村示范项目品目\n\n'
    + '采购单位某某县农牧水利和科技局行政区域青海省公告时间2026年08月05日 12:42评审专家名单甲某，乙某总中标金额￥271.740000 万元（人民币）'
    + '联系人及联系方式：项目联系人王先生项目联系电话0971-8829828\n\n一、项目编号：某某公招(货物)2026-094\n');
  assert.equal(notice.publishedAt, '2026-08-05');
  assert.equal(notice.buyer?.name, '某某县农牧水利和科技局');
  // Far below the block, a line is not read as its labels.
  const far = await extract('某某项目中标结果公告\n公告概要：公告信息：采购项目名称某某项目品目\n一\n二\n三\n四\n五\n采购单位某某局行政区域青海省公告时间2026年08月05日\n');
  assert.equal(far.publishedAt, null);
});

test('the summary block\'s 总中标金额 is the only award\'s amount when its result gives none, within the rounding of 万元, never when that award is priced per unit (河北 and 山西 ccgp.gov.cn 2026: 石家庄市生态环境局, 山西广播电视台)', async () => {
  const summary = (total: string) => '\n## 公告概要：公告信息：采购项目名称某某工作品目\n\n'
    + `采购单位某某市生态环境局行政区域某某市公告时间2026年08月05日 13:03评审专家名单甲某、乙某总中标金额${total}`
    + '联系人及联系方式：项目联系人何某项目联系电话0311-89862068\n\n';
  const hb = await extract('某某工作竞争性磋商成交公告' + summary('￥65.900000 万元（人民币）')
    + '三、中标（成交）信息\n 供应商名称 供应商地址 供应商编码 北京某某科技有限公司 北京市东城区青龙胡同1号 91110101558503117M \n四、主要标的信息\n');
  assert.deepEqual(hb.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['北京某某科技有限公司'], 65_900_000]]);
  assert.deepEqual(hb.warnings, []);
  // The total rounds the award's own amount to 0.01万元: no disagreement to report.
  const rounded = await extract('某某工作竞争性磋商成交公告' + summary('￥216.560000 万元（人民币）')
    + '三、中标（成交）信息\n1.中标结果：\n供应商名称：某某建设有限公司\n报价：2165566（元）\n');
  assert.deepEqual(rounded.awards.map((a) => a.value?.fen), [216_556_600]);
  assert.deepEqual(rounded.warnings, []);
  // A price per person is no award's value, and the platform's total of it is none either.
  const sx = await extract('某某台体检服务采购项目结果公告' + summary('￥0.110000 万元（人民币）')
    + '三、中标（成交）信息\n1.中标结果：\n序号供应商名称供应商地址 中标（成交）金额评审总得分1山西某某健康体检中心有限公司太原市学府园区中心北街3号'
    + '单价合计（元/人）：1132（元），男职工（元/人）：343（元）93.33\n2.废标结果:\n');
  assert.deepEqual(sx.awards.map((a) => [a.suppliers.map((s) => s.name), a.value]), [[['山西某某健康体检中心有限公司'], null]]);
  assert.match(sx.warnings.join('\n'), /the summary's total ￥0\.110000 万元（人民币） is not taken as the award's amount: the winner's price is no sum \(单价合计（元\/人）：1132/);
});

test('a glued row whose consortium cell goes on to the next line (牵头供应商：X / 投标联合体：X、Y) is one row, the lead once (新疆 ccgp.gov.cn 2026, 巴里坤县)', async () => {
  const notice = await extract('某某遗址展示利用建设项目中标(成交)结果公告\n三、中标（成交）信息\n1.中标结果：\n'
    + '序号供应商名称供应商地址中标（成交）金额评审总得分1牵头供应商：新疆某某工程管理咨询有限公司\n'
    + '投标联合体：新疆某某工程管理咨询有限公司、新疆某某有限责任会计师事务所龙盛街898号万科中央公园S6栋5层报价：405000（元）84.47\n'
    + '2.废标结果:\n序号标项名称废标理由其他事项\n');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => [s.name, s.role]), a.value?.fen]), [
    [[['新疆某某工程管理咨询有限公司', 'lead'], ['新疆某某有限责任会计师事务所', 'member']], 40_500_000],
  ]);
});

test('a glued table goes on over the lines after its header only with a consortium\'s members or rows numbered on their own lines; any other line below is no row of it (review of ebf113d)', async () => {
  const won = (n: Awaited<ReturnType<typeof extract>>) => n.awards.map((a) => [a.suppliers.map((s) => `${s.name}/${s.role}`), a.value?.fen]);
  const head = '某某项目中标(成交)结果公告\n三、中标（成交）信息\n1.中标结果：\n序号供应商名称供应商地址中标（成交）金额评审总得分';
  const two = await extract(head + '1牵头供应商：新疆甲某工程管理咨询有限公司\n'
    + '投标联合体：新疆甲某工程管理咨询有限公司、新疆甲某有限责任会计师事务所龙盛街898号报价：405000（元）84.472牵头供应商：新疆乙某建设有限公司\n'
    + '投标联合体：新疆乙某建设有限公司、新疆乙某设计有限公司乌鲁木齐市某路1号报价：300000（元）80.1分\n3新疆丙某建设有限公司乌鲁木齐市某路2号报价：200000（元）79\n2.废标结果:\n');
  assert.deepEqual(won(two), [
    [['新疆甲某工程管理咨询有限公司/lead', '新疆甲某有限责任会计师事务所/member'], 40_500_000],
    [['新疆乙某建设有限公司/lead', '新疆乙某设计有限公司/member'], 30_000_000],
    [['新疆丙某建设有限公司/sole'], 20_000_000],
  ]);
  // A header alone on its line, the agency's line below it: no row, no winner.
  const agency = await extract('某某项目中标(成交)结果公告\n三、中标（成交）信息\n1.中标结果：\n中标供应商名称中标供应商地址中标（成交）金额\n'
    + '新疆某某招标代理有限公司乌鲁木齐市某路8号代理服务费金额：12000元\n');
  assert.deepEqual(won(agency), []);
});

test('names beside a review\'s verdicts (通过 / 未通过 / 未中标), one cell a line, are a review table flattened: none is a winner by being there (review of ebf113d)', async () => {
  const names = (n: Awaited<ReturnType<typeof extract>>) => n.awards.flatMap((a) => a.suppliers.map((s) => s.name));
  const review = await extract('某某工作竞争性磋商成交公告\n评审结果：    供应商名称    评审意见    甲某科技有限公司    通过    乙某科技有限公司    中标供应商    '
    + `丙某科技有限公司    未通过${'。'.repeat(300)}\n`);
  assert.deepEqual(names(review), []);
  const ranked = await extract(`某某工作竞争性磋商成交公告\n## 公告概要：公告信息：采购项目名称某某工作品目\n\n${'本项目评审工作已经结束，现将评审结果公示如下。'.repeat(12)}`
    + '    评审结果：    序号    供应商名称    评审结论    1    甲某科技有限公司    中标供应商    2    乙某科技有限公司    未中标\n');
  assert.deepEqual(names(ranked), ['甲某科技有限公司']);
  // The same as a table: a suppliers' table of verdicts with no award amount is a review's.
  const table = await extract('某某项目成交公告\n三、评审结果\n供应商名称\t评审意见\n甲某科技有限公司\t通过\n乙某科技有限公司\t不合格\n');
  assert.deepEqual(names(table), []);
});

test('the summary\'s total is no award\'s amount when the winner is priced per unit or by a rate, or the total is out of proportion; a total in the result\'s own words is (review of ebf113d)', async () => {
  const summary = (total: string) => '某某服务采购项目结果公告\n## 公告概要：公告信息：采购项目名称某某工作品目\n\n'
    + `采购单位某某市生态环境局行政区域某某市公告时间2026年08月05日 13:03评审专家名单甲某、乙某总中标金额${total}`
    + '联系人及联系方式：项目联系人何某项目联系电话0311-89862068\n\n三、中标（成交）信息\n1.中标结果：\n';
  const value = async (text: string) => (await extract(text)).awards.map((a) => a.value?.fen ?? null);
  assert.deepEqual(await value(summary('￥0.113200 万元（人民币）') + '供应商名称：山西某某健康体检中心有限公司\n中标单价（元/人）：1132\n'), [null]);
  assert.deepEqual(await value(summary('￥0.113200 万元（人民币）') + '序号\t供应商名称\t供应商地址\t中标单价（元/人）\n1\t山西某某健康体检中心有限公司\t太原市某街3号\t1132\n四、主要标的信息\n'), [null]);
  assert.deepEqual(await value(summary('￥50.000000 万元（人民币）') + '供应商名称：某某会计师事务所有限公司\n中标（成交）金额：按审定金额的0.8%收取\n'), [null]);
  assert.deepEqual(await value(summary('￥50.000000 万元（人民币）') + '序号供应商名称供应商地址中标（成交）金额评审总得分1某某会计师事务所有限公司太原市学府街3号优惠率：3.5（%）93.33\n2.废标结果:\n'), [null]);
  assert.deepEqual(await value(summary('￥0.113200 万元（人民币）') + '序号供应商名称供应商地址中标（成交）金额评审总得分1山西某某健康体检中心有限公司太原市某街3号单价：1132（元）93.33\n2.废标结果:\n'), [null]);
  // 元 typed into the platform's 万元 field: 216亿 for a 磋商 is not taken.
  const typo = await extract(summary('￥2165566.000000 万元（人民币）') + '供应商名称：某某建设有限公司\n中标（成交）金额：详见附件\n');
  assert.deepEqual(typo.awards.map((a) => a.value), [null]);
  assert.match(typo.warnings.join('\n'), /likely 元 typed as 万元/);
  // The result's own total beside a unit price is the contract's sum.
  assert.deepEqual(await value('某某物业服务项目成交公告\n二、中标信息\n中标供应商：某某物业管理有限公司\n中标金额：35元/平方米·月\n中标总金额：120万元\n'), [120_000_000]);
});

test('a result table whose cells run together is cut at its header\'s words and its rows\' values (ccgp.gov.cn local notices: 浙江, 山西, 青海 2026)', async () => {
  const won = (n: Awaited<ReturnType<typeof extract>>) => n.awards.map((a) => [a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]);
  // 浙江: the amount first, with its label; a score last.
  const zj = await extract('某某学校厕所改造项目中标(成交)结果公告\n三、中标（成交）信息\n1.中标结果：\n'
    + '序号中标（成交）金额(元)中标供应商名称中标供应商地址评审总得分1磋商报价：667113（元）东阳市某某建设有限公司东阳市环城北路88-25号二楼84.46\n');
  assert.deepEqual(won(zj), [[[['东阳市某某建设有限公司', '东阳市环城北路88-25号二楼']], 66_711_300]]);
  // 山西: two rows, the address before the amount; its house numbers are no amount, the first score runs into row 2.
  const sx = await extract('某某局试剂耗材结果公告\n三、中标（成交）信息\n1.中标结果：\n序号供应商名称供应商地址 中标（成交）金额评审总得分'
    + '1太原某某科技有限公司山西综改示范区武洛街26号众创空间002房间报价：2345643（元）94.412中科某某湖北有限公司武汉东湖高新大道666号A20栋10层报价：591800（元）89.5\n');
  assert.deepEqual(won(sx), [
    [[['太原某某科技有限公司', '山西综改示范区武洛街26号众创空间002房间']], 234_564_300],
    [[['中科某某湖北有限公司', '武汉东湖高新大道666号A20栋10层']], 59_180_000],
  ]);
  // 青海: the row number runs into a bare amount; a note in brackets after the name is no part of it; 中心 then 有限公司 is one name.
  const qh = await extract('某某县示范项目中标结果公告\n三、中标信息\n1.中标结果：\n'
    + '序号中标金额(元)中标供应商名称中标供应商地址12717418青海某某健康体检中心有限公司（评审总得分：87.80分，综合排名第一）青海省西宁市文苑路5号\n');
  assert.deepEqual(won(qh), [[[['青海某某健康体检中心有限公司', '青海省西宁市文苑路5号']], 271_741_800]]);
  // A glued table of goods, or of failed lots with no rows, names no one.
  const goods = await extract('某某采购项目结果公告\n四、主要标的信息\n序号标项名称标的名称品牌规格型号数量单价1采购包118吨纯电动吸尘车中联牌ZBH5184TXCEQBEV1台1064000\n序号标项名称废标理由其他事项\n');
  assert.deepEqual(goods.awards, []);
});

test('a glued table\'s row that does not cut cleanly is left whole: no name is guessed from it', async () => {
  // The amount has neither label nor unit after the address, so where the address ends is unknown.
  const notice = await extract('某某采购项目结果公告\n三、中标（成交）信息\n序号供应商名称供应商地址中标（成交）金额1太原某某科技有限公司太原市某路26号2345643\n');
  assert.deepEqual(notice.awards, []);
  // A consortium run into the row: its member would stand in the address, its lead alone as the winner.
  for (const row of ['1山东甲路桥工程有限公司（牵头人）山东乙市政工程有限公司（成员）济南市经十路100号报价：12580000（元）',
    '1山东甲路桥工程有限公司山东乙市政工程有限公司济南市经十路100号报价：12580000（元）']) {
    const consortium = await extract(`某某道路工程中标结果公告\n三、中标信息\n序号供应商名称供应商地址中标（成交）金额${row}\n`);
    assert.deepEqual(consortium.awards, [], row);
  }
});
