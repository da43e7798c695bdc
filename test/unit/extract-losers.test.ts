// Where the words of losing are close to the words of winning: a losers' note in a result heading, a losing
// bidder's label that ends like a winner's, a rejected row in a winners' table of several lots, a numbered list
// run into one name, a manufacturer beside a winner. Minimal pages written for each case: in each, the name
// that did not win must never be stored as a winner, and the one that did must stay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

const won = (notice: Awaited<ReturnType<typeof extract>>) =>
  notice.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name)]);

test('with several lots, a row of the winners\' table that says 投标无效 is still turned down; another lot\'s verdict is not', async () => {
  const notice = await extract('某某医院设备采购中标公告\n三、中标（成交）信息\n包号\t供应商名称\t中标（成交）金额\t备注\n'
    + '1\t甲某某医疗科技有限公司\t100000元\t\n1\t乙某某医疗器械有限公司\t90000元\t投标无效\n2\t丙某某科技有限公司\t200000元\t\n');
  assert.deepEqual(won(notice), [['1', 'active', ['甲某某医疗科技有限公司']], ['2', 'active', ['丙某某科技有限公司']]]);
  assert.ok(notice.warnings.some((w) => /乙某某医疗器械有限公司.*rejected/.test(w)), notice.warnings.join('\n'));

  const otherLot = await extract('某某疫苗采购中标公告\n三、中标信息\n品目 1：\n推荐中标单位：甲某某生物科技有限公司\n中标金额：61元\n'
    + '品目 2：\n甲某某生物科技有限公司资格审查未通过。有效投标人不足三家，予以废标。\n品目 3：\n推荐中标单位：乙某某疫苗有限公司\n中标金额：28元\n');
  assert.deepEqual(won(otherLot).filter(([, status]) => status === 'active'),
    [['1', 'active', ['甲某某生物科技有限公司']], ['3', 'active', ['乙某某疫苗有限公司']]]);

  const sameLot = await extract('某某采购中标公告\n三、中标信息\n包1：\n中标供应商：甲某某科技有限公司\n包2：\n中标供应商：乙某某科技有限公司\n'
    + '四、其他\n第1包甲某某科技有限公司投标无效，由排名第二的供应商递补。\n');
  assert.deepEqual(won(sameLot), [['2', 'active', ['乙某某科技有限公司']]]);
});

test('a result heading that notes what failed stays a result; only a heading of losers alone is the losers\' section', async () => {
  const note = await extract('某某采购成交公告\n三、成交信息（第2包未成交）\n包号：1\n成交供应商：甲某某医疗科技有限公司\n成交金额：10万元\n'
    + '包号：2\n废标原因：有效供应商不足三家\n');
  assert.deepEqual(won(note), [['1', 'active', ['甲某某医疗科技有限公司']], ['2', 'unsuccessful', []]]);
  const both = await extract('某某采购中标公告\n三、中标（成交）及未中标（成交）供应商信息\n中标供应商名称：甲某某医疗科技有限公司\n中标金额：100万元\n');
  assert.deepEqual(won(both), [[null, 'active', ['甲某某医疗科技有限公司']]]);
  const losers = await extract('某某采购中标公告\n三、中标信息\n中标供应商名称：甲某某医疗科技有限公司\n中标金额：100万元\n'
    + '四、未中标（成交）供应商的未中标（成交）原因\n供应商名称：乙某某科技有限公司\n原因：评审得分较低\n');
  assert.deepEqual(won(losers), [[null, 'active', ['甲某某医疗科技有限公司']]]);
});

test('未 before a winner\'s label names a loser (未中标公司名称, 未中标供应商名称)', async () => {
  for (const label of ['公司名称', '供应商名称']) {
    const notice = await extract(`某某采购中标公告\n三、中标信息\n中标${label}：甲某科技有限公司\n中标金额：100万元\n未中标${label}：乙某科技有限公司\n未中标原因：报价较高\n`);
    assert.deepEqual(won(notice), [[null, 'active', ['甲某科技有限公司']]], label);
  }
});

test('a numbered list run into one winner\'s field is no one name; a numbered item\'s label still ends the value before it', async () => {
  const list = await extract('某某采购成交公告\n三、成交信息\n成交供应商：1.甲某科技有限公司 2.乙某科技有限公司 成交金额：100万元\n');
  assert.deepEqual(list.awards, []);
  assert.ok(list.warnings.some((w) => /numbered list of several names/.test(w)), list.warnings.join('\n'));
  const items = await extract('某某采购成交公告\n三、成交信息\n1.成交供应商名称：甲某科技有限公司 2.成交供应商地址：某某市某某路1号 3.成交金额：100万元\n');
  assert.deepEqual(items.awards.map((a) => [a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]), [[[['甲某科技有限公司', '某某市某某路1号']], 100_000_000]]);
});

test('a short row under a rowspan keeps its winner: a manufacturer in the next column is no winner', async () => {
  const notice = await extract('某某采购中标公告\n三、中标信息\n中标供应商名称\t生产厂家\t中标金额\n甲某某医疗科技有限公司\t德国某某医疗器械有限公司\t100000元\n'
    + '乙某某医疗设备有限公司\t200000元\n');
  assert.deepEqual(won(notice), [[null, 'active', ['甲某某医疗科技有限公司']]]);
});

test('names listed right above the closing date under 结果如下：, 第2包： or a label are winners, not signers', async () => {
  const under = await extract('某某采购中标公告\n三、中标结果如下：\n广州甲医疗科技有限公司\n2024年5月10日\n');
  assert.deepEqual(won(under), [[null, 'active', ['广州甲医疗科技有限公司']]]);
  const lots = await extract('某某采购成交公告\n三、成交结果：\n第1包：\n广州甲医疗科技有限公司\n第2包：\n广州乙医疗器械有限公司\n2024年5月10日\n');
  assert.deepEqual(won(lots), [['1', 'active', ['广州甲医疗科技有限公司']], ['2', 'active', ['广州乙医疗器械有限公司']]]);
});

test('a rowspan row with no amount column keeps the winner above it: a manufacturer is no winner', async () => {
  const notice = await extract('某某采购中标公告\n三、中标信息\n序号\t中标供应商\t货物名称\t生产厂家\n1\t甲科技有限公司\t货物A\t丙制造有限公司\n货物B\t乙制造有限公司\n');
  assert.deepEqual(won(notice), [[null, 'active', ['甲科技有限公司']]]);
});

test('a lettered lot\'s winner turned down in its own lot (B分标：…资格审查未通过) is no winner', async () => {
  const notice = await extract('某某成交公告\n五、成交信息：\nA分标：\n1.成交供应商名称：南宁甲商贸有限公司\nB分标：\n1.成交供应商名称：广西乙商贸有限公司\n'
    + '六、未成交供应商及原因：\nB分标：\n广西乙商贸有限公司资格审查未通过\n');
  assert.deepEqual(won(notice), [['A', 'active', ['南宁甲商贸有限公司']]]);
});

test('a correction keeps its own date written in a correction\'s words (更正公告发布日期)', async () => {
  const notice = await extract('某某设备采购项目更正公告\n一、项目名称：某某设备采购项目\n三、更正公告发布日期：2024年5月10日\n四、更正内容：开标时间改为2024年5月20日\n');
  assert.equal(notice.noticeType, 'correction');
  assert.equal(notice.publishedAt, '2024-05-10');
});

test('a failure heading followed by 无 fails nothing; a tender\'s rule about its result (四、中标结果确定：) keeps it a tender', async () => {
  const none = await extract('某某采购中标公告\n二、中标信息\n中标供应商：甲科技有限公司\n中标金额：100万元\n三、废标原因\n无\n四、其他\n');
  assert.deepEqual(won(none), [[null, 'active', ['甲科技有限公司']]]);
  const tender = await extract('一、项目名称：某某设备采购\n二、投标截止时间：2024年5月1日\n三、获取招标文件：某某网\n四、中标结果确定：评标委员会推荐第一名为中标人\n');
  assert.equal(tender.noticeType, 'tender');
});

test('供应商名称 with only its bid beside a supplier awarded the same lot is a bidder; alone it is the winner at its bid', async () => {
  for (const [a, b] of [['：', '\n'], [' ', '   ']]) {
    const notice = await extract(`某某采购中标公告\n三、中标信息\n供应商名称${a}甲某科技有限公司${b}中标金额${a}100万元\n`
      + `供应商名称${a}乙某科技有限公司${b}投标报价${a}95万元\n`);
    assert.deepEqual(won(notice), [[null, 'active', ['甲某科技有限公司']]], JSON.stringify(a));
    assert.ok(notice.warnings.some((w) => /乙某科技有限公司.*only its bid/.test(w)), notice.warnings.join('\n'));
  }
  const alone = await extract('某某采购中标公告\n三、中标信息\n供应商名称：甲某科技有限公司\n投标报价：95万元\n');
  assert.deepEqual(alone.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['甲某科技有限公司'], 95_000_000]]);
});

// Cases a review of the batch-6 changes wrote to break them (pages in the wording of real notices): each one gave a
// false winner, lost a winner or misplaced an amount or a lot on the first version of those changes.

test('lists of losers, of other bidders or of applicants who passed a qualification review name no winner', async () => {
  assert.deepEqual(won(await extract('某某区2025年度物业服务采购项目中标结果公告\n项目名称：某某区2025年度物业服务采购项目\n项目编号：QZ-2025-077\n中标供应商：浙江甲物业管理有限公司\n中标金额：1200000元\n未中标供应商如下：\n浙江乙物业服务有限公司\n浙江丙物业管理有限公司\n公示期：2025年8月21日至2025年8月23日。')), [[null, 'active', ['浙江甲物业管理有限公司']]]);
  assert.deepEqual(won(await extract('某某市2025-2027年度公务用车定点维修服务框架协议采购入围结果公告\n项目名称：某某市2025-2027年度公务用车定点维修服务框架协议采购\n项目编号：GZCG-2025-0601\n采购人：某某市机关事务管理局\n入围供应商名单如下：\n1、广州甲汽车维修有限公司\n2、广州乙汽车服务有限公司\n未入围供应商名单如下：\n1、广州丙汽车维修有限公司（未入围原因：综合得分低于入围线）\n2、广州丁汽车服务有限公司\n公告期限：自本公告发布之日起1个工作日。')), [[null, 'active', ['广州甲汽车维修有限公司']], [null, 'active', ['广州乙汽车服务有限公司']]]);
  assert.deepEqual(won(await extract('某某区2025年度物业服务采购项目中标结果公告\n一、项目名称：某某区2025年度物业服务采购项目\n二、项目编号：QZ-2025-077\n三、中标信息\n中标供应商：浙江甲物业管理有限公司\n中标金额：1200000元\n其他投标单位名单如下：\n浙江乙物业服务有限公司\n浙江丙物业管理有限公司\n四、公告期限\n自本公告发布之日起1个工作日。')), [[null, 'active', ['浙江甲物业管理有限公司']]]);
  const prequalified = await extract('某某高速公路养护工程施工招标资格预审结果公告\n招标项目编号：SXGS-2025-YH01\n招标人：某某高速公路管理有限公司\n经资格审查委员会评审，通过资格预审的入围单位如下：\n1、陕西甲路桥工程有限公司\n2、陕西乙公路工程有限责任公司\n3、陕西丙建设集团有限公司\n请上述申请人于2025年8月25日前领取投标邀请书。\n2025-08-21');
  assert.equal(prequalified.noticeType, 'tender');
  assert.deepEqual(won(prequalified), []);
});

test('a ranking of bids and scores joined by spaces is no result row; a consortium or an amount\'s unit never goes into an address', async () => {
  assert.deepEqual(won(await extract('某某街道办事处办公设备采购成交结果公告\n一、项目编号：WHCG-2025-0312\n二、项目名称：某某街道办事处办公设备采购\n三、成交信息\n成交供应商：武汉乙科技有限公司\n成交金额：95000.00元\n各供应商报价及得分如下：\n供应商名称 最终报价（元） 综合得分 武汉甲科技有限公司 98000.00 85.50\n武汉乙科技有限公司 95000.00 92.30\n四、公告期限\n自本公告发布之日起1个工作日。')), [[null, 'active', ['武汉乙科技有限公司']]]);
  assert.deepEqual(won(await extract('某某县城区道路改造工程中标结果公告\n一、项目编号：SDZB-2025-0210\n二、项目名称：某某县城区道路改造工程\n三、中标信息\n供应商名称 供应商地址 中标（成交）金额 山东甲路桥工程有限公司（牵头人） 山东乙市政工程有限公司（成员） 山东省济南市历下区经十路100号 12,580,000.00元\n四、公告期限\n自本公告发布之日起1个工作日。')), []);
  assert.deepEqual(won(await extract('某某医院设备采购项目中标结果公告\n一、项目编号：HBZB-2025-018\n二、项目名称：某某医院设备采购项目\n三、中标（成交）信息\n供应商名称 中标金额 供应商地址 某某医疗器械有限公司 125.8 万元 湖北省武汉市洪山区珞瑜路1号\n四、公告期限\n自本公告发布之日起1个工作日。')), []);
});

test('a lone - in a flattened table is an empty cell, not a Markdown marker', async () => {
  const notice = await extract('某某市教育局办公家具采购项目中标结果公告\n一、项目编号：ZJCG-2025-1102\n二、项目名称：某某市教育局办公家具采购项目\n三、中标信息\n序号\n包号\n供应商名称\n供应商地址\n中标金额\n1\n1\n浙江甲家具有限公司\n-\n356000.00元\n2\n2\n浙江乙家具有限公司\n-\n120000.00元\n四、公告期限\n自本公告发布之日起1个工作日。');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers[0].name, a.value?.fen]), [['1', '浙江甲家具有限公司', 35_600_000], ['2', '浙江乙家具有限公司', 12_000_000]]);
});

test('a lot\'s name covering several lots gives no lot; the title\'s project comes before a lot\'s name', async () => {
  const run = await extract('中标结果公示\n招标项目编号：E3601000001000123\n标段名称：南昌县向塘镇安置房建设项目一、二标段（合并招标）\n标段编号：E3601000001000123001\n中标人：江西甲建设工程有限公司\n中标价：35680000.00元\n公示期：2025-08-21至2025-08-23');
  assert.deepEqual(run.awards.map((a) => a.lot), [null]);
  const titled = await extract('南昌县向塘镇安置房建设项目中标结果公示\n标段名称：第一标段\n标段编号：01\n中标人：江西甲建设工程有限公司\n中标价：35680000.00元');
  assert.equal(titled.project.name, '南昌县向塘镇安置房建设项目');
  assert.deepEqual(titled.awards.map((a) => a.lot), ['1']);
});

test('a winner under its own heading right above a platform\'s date is no sign-off; a candidates\' table of bidders names no proposed supplier', async () => {
  assert.deepEqual(won(await extract('某某镇污水管网维修项目成交结果公告\n项目名称：某某镇污水管网维修项目\n项目编号：JX-2025-033\n成交金额：86000.00元\n三、成交供应商\n江西甲建设工程有限公司\n2025-08-21')), [[null, 'active', ['江西甲建设工程有限公司']]]);
  const ranked = await extract('某某县第三中学食堂改造项目中标候选人公示\n项目名称：某某县第三中学食堂改造项目\n项目编号：HN-2025-0912\n评审结果如下：\n供应商名称\t投标报价（元）\t综合得分\n湖南甲建设有限公司\t980000.00\t92.5\n湖南乙建筑工程有限公司\t995000.00\t88.0\n湖南丙建设工程有限公司\t1010000.00\t61.0\n公示期：2025年8月21日至2025年8月23日');
  assert.deepEqual(ranked.awards, []);
  assert.deepEqual(ranked.candidates, []);
});

test('a 是否成交 / 是否中标 column decides row by row who won, in a table, in page text and in spaced lines', async () => {
  const layouts = [
    '某某医院设备采购成交结果公告\n三、成交信息\n供应商名称\t报价（元）\t是否成交\n甲某某医疗科技有限公司\t985,000.00\t是\n乙某某电子有限公司\t1,020,000.00\t否\n',
    '某某医院设备采购成交结果公告\n三、成交结果\n序号\n投标人名称\n投标报价（元）\n是否中标\n1\n乙某某电子有限公司\n1020000.00\n否\n2\n甲某某医疗科技有限公司\n985000.00\n是\n',
    '某某医院设备采购成交结果公告\n三、成交结果\n序号 供应商名称 报价（元） 是否成交\n1 乙某某电子有限公司 1020000.00 否\n2 甲某某医疗科技有限公司 985000.00 是\n四、采购人：某某医院\n',
  ];
  for (const text of layouts) {
    const notice = await extract(text);
    assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['甲某某医疗科技有限公司'], 98_500_000]], text);
  }
});

test('a 是否中标 cell that says neither yes nor no stores no winner, and says why', async () => {
  const notice = await extract('某某采购中标公告\n三、中标信息\n供应商名称\t报价（元）\t是否中标\n甲某某科技有限公司\t100000\t待定\n');
  assert.deepEqual(notice.awards, []);
  assert.ok(notice.warnings.some((w) => /甲某某科技有限公司.*neither yes nor no/.test(w)), notice.warnings.join('\n'));
});

// Cases a review of the batch-8 changes wrote to break them: each gave a false winner, a cut name or a wrong amount
// on the first version of those changes.

test('a bidders\' table beside the result: an award amount that says none (—, 未成交, 0) or a ranking\'s glued table names no winner', async () => {
  const spaced = await extract('某某市园林局苗木采购项目成交结果公告\n三、成交信息\n谈判结果如下：\n序号 供应商名称 最终报价（元） 成交金额（元）\n'
    + '1 甲某园林绿化有限公司 658000.00 658000.00\n2 乙某苗木种植有限公司 672000.00 —\n3 丙某生态科技有限公司 690500.00 未成交\n4 丁某园艺有限公司 699000.00 0\n四、采购人：某某市园林局\n');
  assert.deepEqual(spaced.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['甲某园林绿化有限公司'], 65_800_000]]);
  const ranking = await extract('某某县交通局公路巡查服务项目中标（成交）结果公告\n三、中标（成交）信息\n1.中标结果：\n'
    + '序号中标（成交）金额(元)中标供应商名称中标供应商地址评审总得分1磋商报价：458000（元）甲某交通工程有限公司某某县城关镇建设路6号91.30\n'
    + '序号供应商名称综合得分备注1甲某交通工程有限公司91.30第一名2乙某公路养护有限公司85.10第二名3丙某工程咨询有限公司80.55第三名\n');
  assert.deepEqual(ranking.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['甲某交通工程有限公司'], 45_800_000]]);
});

test('of several price columns the final one is the award\'s when none is headed so (首轮报价 | 最终报价 | 是否成交)', async () => {
  const notice = await extract('某某局办公家具采购项目成交结果公告\n三、成交信息\n序号\t供应商名称\t首轮报价（元）\t最终报价（元）\t是否成交\n'
    + '1\t甲某家具有限公司\t498,000.00\t455,000.00\t是\n2\t乙某办公设备有限公司\t510,000.00\t468,000.00\t否\n');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['甲某家具有限公司'], 45_500_000]]);
});

test('a glued row whose name may go on, or whose address runs into the next row\'s number, is not cut', async () => {
  const row = (cells: string) => extract(`某某项目中标（成交）结果公告\n三、中标（成交）信息\n1.中标结果：\n序号中标供应商名称中标供应商地址中标（成交）金额评审总得分${cells}\n`);
  // 中心 then 医院管理有限公司, 设计院 then a consortium's member, 厂 then its company: no name is guessed.
  for (const cells of ['1某某市中心医院管理有限公司某某市人民路8号报价：430000（元）88.2', '1甲某规划设计院、乙某建设有限公司（联合体）某某市文化路9号报价：520000（元）89.9',
    '1某某市第二自来水厂水务运营有限公司某某路1号报价：430000（元）88.2', '1中国某建集团华东勘测设计研究院有限公司杭州市某路1号报价：430000（元）88.2']) {
    assert.deepEqual((await row(cells)).awards, [], cells);
  }
  // The whole name stays whole: 集团 then 股份有限公司, 中心 then 医院, 中心 then 卫生院.
  for (const name of ['浙江某某建设集团股份有限公司', '某某市中心医院', '某某镇中心卫生院']) {
    assert.deepEqual((await row(`1${name}某某路1号报价：430000（元）88.2`)).awards.map((a) => a.suppliers.map((s) => s.name)), [[name]], name);
  }
  const runOn = await extract('某某县卫生健康局设备采购项目中标结果公告\n三、中标信息\n1.中标结果：\n序号中标金额(元)中标供应商名称中标供应商地址'
    + '12717418青海某某健康体检中心有限公司青海省西宁市南大街12号院3号楼2单元12022386000青海某某医疗器械有限公司青海省西宁市柴达木路88号\n');
  assert.deepEqual(runOn.awards, []);
});

test('a banner\'s date is no title\'s end; a 标段 inside a title\'s project numbers what is served, not the lot', async () => {
  const banner = await extract('某某市公共资源交易中心交易公告2024年03月15日星期五\n某某市第二中学多媒体设备采购项目中标结果公告\n一、项目名称：某某市第二中学多媒体设备采购项目\n'
    + '二、中标信息\n中标供应商：甲某电子科技有限公司\n中标金额：356,000.00元\n');
  assert.equal(banner.title, '某某市第二中学多媒体设备采购项目中标结果公告');
  const served = await extract('某某高速公路第2标段工程造价跟踪审计服务项目中标结果公告2024年03月18日 来源：某某省政府采购网\n一、项目名称：某某高速公路第2标段工程造价跟踪审计服务项目\n'
    + '二、中标信息\n中标供应商：甲某工程咨询有限公司\n中标金额：286,000.00元\n');
  assert.equal(served.title, '某某高速公路第2标段工程造价跟踪审计服务项目中标结果公告');
  assert.deepEqual(served.awards.map((a) => a.lot), [null]);
  const ending = await extract('某某安置房建设项目三标段施工中标公告2024年03月18日 10:00\n二、中标信息\n中标人：甲某建设有限公司\n中标价：35680000.00元\n');
  assert.deepEqual(ending.awards.map((a) => a.lot), ['3']);
});

test('a result whose every lot failed is a termination, whatever its heading says (重庆 电子交易平台 成交公告; 辽宁 结果公告 2026)', async () => {
  const none = await extract('重庆政府采购电子交易平台成交公告\n(竞价编号：1787589307924493 采购形式：协议供货)\n现将成交结果公布如下：\n包号\t中标供应商\t中标金额(元)\t报价时间\n1\t无供应商报价\t--\t--\n采购执行方：某某大学\n');
  assert.equal(none.noticeType, 'termination');
  assert.deepEqual(none.awards.map((a) => [a.lot, a.status]), [['1', 'unsuccessful']]);
  // One lot won and one failed is still an award.
  const one = await extract('某某医院设备采购项目结果公告\n三、中标（成交）信息\n包号\t中标供应商\t中标金额(元)\n1\t甲某医疗科技有限公司\t100000\n2\t无供应商报价\t--\n');
  assert.equal(one.noticeType, 'award');
  assert.deepEqual(one.awards.map((a) => [a.lot, a.status]), [['1', 'active'], ['2', 'unsuccessful']]);
});

// Cases a second review (of 05be355) wrote to break the batch-8 and batch-9 changes.

test('a rejection in prose reaches back to the bidder it follows (其投标无效), however a review table\'s row would be read', async () => {
  const notice = await extract('某某市教育局智慧校园设备采购项目中标结果公告\n三、中标结果\n排名\t供应商名称\t投标报价（元）\n1\t甲某科技有限公司\t1,280,000.00\n'
    + '2\t乙某信息技术有限公司\t1,310,000.00\n说明：甲某科技有限公司通过资格审查，但其所投核心产品与乙某信息技术有限公司所投产品为同一品牌，经评审委员会认定，其投标无效，由排名第二的供应商中标。\n');
  assert.ok(!notice.awards.some((a) => a.suppliers.some((s) => s.name === '甲某科技有限公司')), JSON.stringify(notice.awards));
});

test('an opening record\'s 是否中标 / 是否入围 column, outside the result, names no winner; the result section does', async () => {
  for (const [mark, first, second] of [['是否中标', '是', '—'], ['是否入围', '是', '是']]) {
    const notice = await extract(`某某市档案馆数字化加工服务项目成交结果公告\n三、开标记录\n序号\t投标人\t首次报价（元）\t${mark}\n1\t甲某数据科技有限公司\t768,000.00\t${first}\n`
      + `2\t乙某信息技术有限公司\t752,000.00\t${second}\n四、成交结果\n成交供应商：乙某信息技术有限公司\n成交金额：735,000.00元\n`);
    assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['乙某信息技术有限公司'], 73_500_000]], mark);
  }
});

test('a rate or a unit price beside the award: its dash is no loss, and a final rate is no amount', async () => {
  const rate = await extract('某某市财政局代理记账服务采购项目成交结果公告\n三、成交信息\n供应商名称\t成交金额（元）\t成交费率\t备注\n甲某会计师事务所（普通合伙）\t—\t按审定金额的0.35%收取\t费率报价\n');
  assert.deepEqual(rate.awards.map((a) => [a.suppliers.map((s) => s.name), a.value]), [[['甲某会计师事务所（普通合伙）'], null]]);
  const discount = await extract('某某区办公用纸采购项目中标公告\n三、中标信息\n中标供应商名称\t投标报价（元）\t最终报价优惠率（%）\n甲某纸业有限公司\t560,000.00\t5\n');
  assert.deepEqual(discount.awards.map((a) => a.value?.fen), [56_000_000]);
});

test('a list of the other bidders under its own short heading names no winner, and a one-row table takes the amount below it', async () => {
  const others = await extract('某某县民政局设备采购项目中标结果公告\n三、中标结果\n中标供应商：甲某康养设备有限公司\n中标金额：488,000.00元\n参与投标的供应商：\n'
    + '供应商名称 供应商地址 供应商编码\n甲某康养设备有限公司 某某市健康路2号 GYS2025000118\n乙某医疗器械有限公司 某某市和平路66号 GYS2025000342\n四、采购人：某某县民政局\n');
  assert.deepEqual(others.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['甲某康养设备有限公司'], 48_800_000]]);
  const failedLot = await extract('某某市图书馆设备采购项目中标（成交）结果公告\n三、中标（成交）信息\n第1包：\n中标供应商名称：甲某家具制造有限公司\n中标金额：436,000.00元\n'
    + '第2包：废标\n废标原因：有效投标人不足三家\n第2包投标供应商：\n供应商名称 供应商地址 统一社会信用代码\n乙某办公设备有限公司 某某市创业路16号 91110105MA01ABCD1X\n');
  assert.deepEqual(failedLot.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name)]), [['1', 'active', ['甲某家具制造有限公司']], ['2', 'unsuccessful', []]]);
  const below = await extract('某某市审计局运维服务采购项目成交结果公告\n三、成交结果\n供应商名称 供应商地址 统一社会信用代码\n甲某网络科技有限公司 某某市软件园3栋 91420100MA06WXYZ6C\n成交金额：386,000.00元\n');
  assert.deepEqual(below.awards.map((a) => [a.suppliers.map((s) => s.name), a.value?.fen]), [[['甲某网络科技有限公司'], 38_600_000]]);
});

test('a banner with its date and time on a short first line is no title', async () => {
  const notice = await extract('某某市公共资源交易中心政府采购结果公示2025年11月28日 09:00 来源：某某市公共资源交易中心\n某某县水利局河道清淤工程（二标段）中标结果公告\n'
    + '三、中标信息\n中标人：甲某水利工程有限公司\n中标金额：1,566,000.00元\n');
  assert.equal(notice.title, '某某县水利局河道清淤工程（二标段）中标结果公告');
});
