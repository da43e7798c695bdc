// What the opening sentences and run-in labels of real result pages say, when no field says it. The pages
// carry no licence, so each case is a minimal page in the same wording, naming the real notice that showed
// it (gathered from the national platform's and provincial sites' crawls; see test/eval/SOURCES.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNotice } from '../../ingest/extract/index.ts';
import { readDocument } from '../../ingest/read/index.ts';

async function extract(name: string, text: string) {
  return extractNotice(await readDocument(name, Buffer.from(text, 'utf-8')));
}

test('an intro in a table cell names the project: \\t本招标项目X，招标人为Y (ggzy.gov.cn 0033ce71…, 乐清市客货运中心)', async () => {
  const notice = await extract('page.txt', '某某市客货运中心加层工程-某某市客货运中心加层工程\n'
    + '\t本招标项目某某市客货运中心钢结构加层及装修工程，招标人为某某市运输集团有限公司，自行招标，于2020年12月2日开标。\n');
  assert.equal(notice.project.name, '某某市客货运中心钢结构加层及装修工程');
});

test('X的Y评标工作已经结束 names the buyer and the project (江苏省南京市工程建设项目中标结果公告, BNJ200366-01SG)', async () => {
  const notice = await extract('page.txt', '江苏省南京市工程建设项目中标结果公告\n'
    + '根据工程招标投标的有关法律、法规和该工程招标文件的规定，某某地铁运营有限责任公司的某某地铁一号线部分钢轨更换项目施工评标工作已经结束，中标人已经确定。\n');
  assert.equal(notice.buyer?.name, '某某地铁运营有限责任公司');
  assert.equal(notice.project.name, '某某地铁一号线部分钢轨更换项目施工');
});

test('[buyer]对[project]进行协议采购 names the project (湖南省政府采购网 协议供货成交公告, 湘财采计[2018]012509号)', async () => {
  const notice = await extract('page.txt', '某某区人民法院A4纸采购项目的协议供货成交公告\n公告时间：2018年11月20日\n'
    + '某某区人民法院对某某法院采购A4纸采购项目进行协议采购，结果如下：\n成交供应商：常德某某文化有限责任公司\n');
  assert.equal(notice.project.name, '某某法院采购A4纸采购项目');
  assert.equal(notice.awards[0]?.suppliers[0]?.name, '常德某某文化有限责任公司');
});

test('a project name whose last word wrapped onto a line of its own is joined (湘西 古财采计[2018]068)', async () => {
  const notice = await extract('page.txt', '采购项目成交公告\n1.采购项目名称：某某县城乡建设用地增减挂钩技术服务\n采购项目\n2.采购计划编号：古财采计[2018]068\n');
  assert.equal(notice.project.name, '某某县城乡建设用地增减挂钩技术服务采购项目');
});

test('the tender\'s date told again (招标信息发布日期) is not the notice\'s publication date (湘西 古财采计[2018]068)', async () => {
  const notice = await extract('page.txt', '某某技术服务采购项目成交公告\n4.招标信息发布日期：2018年9月14日\n5.开标日期：2018年10月15日\n');
  assert.equal(notice.publishedAt, null);
});

test('a budget column in a one-row table is the budget; in a table of several rows it is no one figure', async () => {
  const one = await extract('page.txt', '采购项目成交公告\n序号\t包号\t项目地点\t预算\t单价\t备注\n1\t/\t某某县\t432万元\t1800元/亩\t据实结算\n');
  assert.equal(one.budget?.fen, 432_000_000);
  const two = await extract('page.txt', '采购项目成交公告\n序号\t包号\t项目地点\t预算\n1\t1\t某某县\t432万元\n2\t2\t某某县\t100万元\n');
  assert.equal(two.budget, null);
});

test('project labels of result tables: 招标代码, 项目及标段名称, 项目标段名称 (大连 2018; 四川 and 重庆 2020–2021)', async () => {
  const dalian = await extract('page.txt', '中标公告\n招标代码：04112018050062\n工程名称\t马栏河运动公园一期建设工程亮化工程施工\n');
  assert.equal(dalian.project.code, '04112018050062');
  const sichuan = await extract('page.txt', '中标结果公示\n项目及标段名称\t东方新村安置房（三期） 项目施工/标段\n招标人\t成都市某某农业发展有限公司\n');
  assert.equal(sichuan.project.name, '东方新村安置房（三期）项目施工/标段');
  const chongqing = await extract('page.txt', '中标候选人公示\n项目标段名称\t某某集团2020年大宗物资集中采购项目（一标段、二标段）供应商入围招标\t最高限价\t按标段\n');
  assert.equal(chongqing.project.name, '某某集团2020年大宗物资集中采购项目（一标段、二标段）供应商入围招标');
});

test('a winner label run straight into the name gives the winner; run into other words it gives none (湘财采计[2018]011589号)', async () => {
  const glued = await extract('page.txt', '某某学校监控系统设备采购公开招标中标公告\n四、中标供应商供货明细\n中标供应商湖南某某科技发展有限公司\n');
  assert.deepEqual(glued.awards.map((a) => a.suppliers.map((s) => s.name)), [['湖南某某科技发展有限公司']]);
  const heading = await extract('page.txt', '某某学校监控系统设备采购公开招标中标公告\n中标供应商供货明细\n');
  assert.deepEqual(heading.awards, []);
});

test('a package numbered by a code (包件编号：P02(包件名称：信号电缆)) is lot P02; 包件名称 names no party (国铁集团 T0WZ202300505, 2023)', async () => {
  const notice = await extract('page.txt', '某某铁路工程甲供物资第五批次采购 中标结果公告\n招标编号： T0WZ202300505\n一、中标人\n'
    + '包件编号： P02(包件名称： 信号电缆)\n中标人名称： 安徽某某光电科技有限公司\n中标价（元）： 14408342.2\n二、联系方式\n招 标人： 中国铁路某某局集团有限公司\n');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.value?.fen]), [['P02', ['安徽某某光电科技有限公司'], 1440834220]]);
  assert.equal(notice.buyer?.name, '中国铁路某某局集团有限公司');
});

test('the agency\'s number for the project is its code when no other is given (公诚 ZB-09-04A-2018-D-A08208, 2018)', async () => {
  const notice = await extract('page.txt', '2018年某某政务光纤四期通信施工服务采购中标候选人公示\n'
    + '2018年某某政务光纤四期通信施工服务采购（招标代理机构编号：ZB-09-04A-2018-D-A08208）评标委员会已完成评审。\n');
  assert.equal(notice.project.code, 'ZB-09-04A-2018-D-A08208');
});

test('[buyer]对[project]进行了公开招标 names the buyer; an agency saying so does not (95981部队 2016; 湘财采计[2018]011589号)', async () => {
  const unit = await extract('page.txt', '\n\t中国人民解放军某某部队对气象物资进行了公开招标，现就本次评标结果公示如下：\n一、项目名称：气象物资\n');
  assert.equal(unit.buyer?.name, '中国人民解放军某某部队');
  const agency = await extract('page.txt', '公开招标中标公告\n湖南某某项目管理有限公司代理机构对新校区监控系统采购项目进行公开招标，现将中标信息公告如下：\n');
  assert.equal(agency.buyer, null);
});

test('the winner\'s own bid right under its name is its amount until an award amount says otherwise (hnzbtb.com nyzjgk2016-95)', async () => {
  const bid = await extract('page.txt', '某某学院多媒体教室建设项目成交结果公示\n五、成交信息：\n成交供应商：河南某某教育科技有限公司\n投标报价：492800.00元\n');
  assert.equal(bid.awards[0]?.value?.fen, 49_280_000);
  const both = await extract('page.txt', '某某学院多媒体教室建设项目成交结果公示\n五、成交信息：\n成交供应商：河南某某教育科技有限公司\n投标报价：492800.00元\n成交金额：490000.00元\n');
  assert.equal(both.awards[0]?.value?.fen, 49_000_000);
  const bidders = await extract('page.txt', '某某学院多媒体教室建设项目成交结果公示\n三、投标情况：\n投标人：河南某某教育科技有限公司\n投标报价：492800.00元\n');
  assert.deepEqual(bidders.awards, []);
});

test('a buyer and then its agency signing off above the date: the first is the buyer (中国联通重庆 TC169D6GP, 2016)', async () => {
  const signOff = '2016年某某扩容工程检测设备采购中标候选人公示\n第一中标候选人：重庆某某科技有限公司\n公示期：2016年11月10日——2016年11月14日。\n';
  const pair = await extract('page.txt', `${signOff}中国某某网络通信有限公司重庆市分公司\n中招某某招标有限公司重庆分公司\n2016年11月10日\n`);
  assert.equal(pair.buyer?.name, '中国某某网络通信有限公司重庆市分公司');
  assert.equal(pair.agency?.name, '中招某某招标有限公司重庆分公司');
  // Two signers neither of which is an agency: which one bought is not said.
  const unclear = await extract('page.txt', `${signOff}中国某某网络通信有限公司重庆市分公司\n重庆某某建设有限公司\n2016年11月10日\n`);
  assert.equal(unclear.buyer, null);
});

test('the 2020 template as page text: a label with a long note in brackets, and the result row as 名称 值；名称 值 (中山 442000-202009-hp059-0057)', async () => {
  const notice = await extract('page.txt', '一、项目编号（或招标编号、政府采购计划编号、采购计划备案文号等，如有）：\n442000-202009-hp059-0057\n'
    + '二、项目名称：中山市某某医院医学检验外送服务项目\n三、中标（成交）信息\n'
    + '1：供应商名称 广州某某医学检验中心有限公司 ；供应商地址 广州高新技术产业开发区科学城揽月路80号 ；中标（成交）金额 1267500；备注 服务期：1年 。\n'
    + '四、主要标的信息\n');
  assert.equal(notice.project.code, '442000-202009-hp059-0057');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]),
    [[[['广州某某医学检验中心有限公司', '广州高新技术产业开发区科学城揽月路80号']], 126_750_000]]);
  // One known label in a sentence with semicolons is no row.
  const prose = await extract('page.txt', '三、中标（成交）信息\n备注 本项目不分包；请各供应商注意。\n');
  assert.deepEqual(prose.awards, []);
});
