// Layouts of sites first met in the fifth and sixth held-out batches (state firms' own platforms, trading
// centres, a 2019 ccgp.gov.cn page, crawler page text, an operator's call for framework partners). The notices carry no licence, so each case is a minimal page in
// the same wording, naming the real notice that showed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNotice } from '../../ingest/extract/index.ts';
import { readDocument } from '../../ingest/read/index.ts';
import { lotsOfHeading } from '../../ingest/extract/lots.ts';
import { extractPage as extract } from '../support/extract-page.ts';

const won = (notice: Awaited<ReturnType<typeof extract>>) =>
  notice.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('a firm publishing its own result signs it off: the signer is the buyer, never the winner (广西融安鱼峰水泥有限公司 RAYF-2024-88, 2024)', async () => {
  const notice = await extract('广西某某水泥有限公司2024-2025年计量仪表外协检定项目成交结果公告\n'
    + '2024-2025年计量仪表外协检定项目（项目编号：RAYF-2024-88），采购工作已结束，现将采购结果公示如下：\n'
    + '成交供应商：广西某某检验检测有限公司\n成交金额：人民币135416元\n广西某某水泥有限公司\n2024年8月31日\n');
  assert.deepEqual(won(notice), [[null, 'active', ['广西某某检验检测有限公司'], 13_541_600]]);
  assert.equal(notice.buyer?.name, '广西某某水泥有限公司');
  assert.equal(notice.project.name, '2024-2025年计量仪表外协检定项目');
  assert.equal(notice.project.code, 'RAYF-2024-88');
  // Signing off under a proposed supplier only, it is still no winner.
  const proposed = await extract('广西某某水泥有限公司某某项目成交结果公告\n某某项目（项目编号：RAYF-2024-88），采购工作已结束，现将采购结果公示如下：\n'
    + '拟成交人：广西某某检验检测有限公司\n拟成交金额：人民币135416元\n广西某某水泥有限公司\n2024年8月31日\n');
  assert.deepEqual(proposed.awards, []);
});

test('a platform\'s tabs of a project\'s stages do not type the notice; 公示名称 is its title (特区建工采购平台 2025)', async () => {
  const notice = await extract('成交信息\n公示信息\n公示名称 \t某某棚户区改造项目手机彩信定向投放服务（二次）成交结果公示\n公示发布时间 \t2025-02-27 09:26\n'
    + '特殊事项说明\n附件\n询价公告 \t变更公告 \t候选人公示 \t结果公示\n序号 \t成交人 \t成交价(元) \t是否中标\n1 \t深圳市某某传媒科技有限公司 ￥340,000.00\n叁拾肆万元整 \t已中标\n');
  assert.equal(notice.noticeType, 'award');
  assert.equal(notice.title, '某某棚户区改造项目手机彩信定向投放服务（二次）成交结果公示');
  // The table stands after the result block closed (附件): its winner is not taken, with a warning.
  assert.deepEqual(notice.awards, []);
  assert.ok(notice.warnings.includes('award notice but no winner found'), notice.warnings.join('\n'));
});

test('a name and its sum run into one PDF cell are parted (特区建工采购平台 成交候选人公示, 2025)', async () => {
  const notice = await extract('某某项目手机彩信定向投放服务（二次）成交候选人公示 发布时间: 2025-02-21 22:08\n询价公告 \t变更公告 \t候选人公示 \t结果公示\n'
    + '序号 \t成交候选人 \t成交价\n第一候选人 \t深圳市某某传媒科技有限公司 ￥340,000.00\n叁拾肆万元整\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name, c.bid?.fen]), [[1, '深圳市某某传媒科技有限公司', 34_000_000]]);
});

test('变更公告发布日期 is an earlier notice\'s date, not this one\'s (中央国家机关政府采购中心 GC-FG151053, 2015)', async () => {
  const notice = await extract('某某证书采购项目中标公告\n1、项目名称：某某证书采购项目\n3、招标公告发布日期：2015年10月21日\n4、变更公告发布日期：2015年10月30日\n'
    + '6、中标详情\n（1）中标供应商名称：北京某某印务公司\n（3）中标金额：人民币 513万元\n');
  assert.equal(notice.publishedAt, null);
  assert.deepEqual(won(notice), [[null, 'active', ['北京某某印务公司'], 513_000_000]]);
});

test('a section headed 招标失败原因 says the whole call failed (明溪县 E3504210401100022001 流标公示, 2019)', async () => {
  const notice = await extract('某某工程监理\n流标公示\n招标编号: E3504210401100022001\n1、招标工程项目概况\n工程项目名称：某某工程监理\n'
    + '2、招标失败原因\n本招标项目投标截止时递交投标文件的投标人少于3个。\n3、公示时间\n公示期为2019年3月29日至2019年4月1日。\n');
  assert.equal(notice.noticeType, 'termination');
  assert.deepEqual(won(notice), [[null, 'unsuccessful', [], null]]);
});

test('a code in brackets, the bracket opening the line (（采购项目编号：22FK09）, 国家电网 2026)', async () => {
  const notice = await extract('成交结果公告\n（采购项目编号：22FK09）\n分标编号 分标名称 包号 包名称 成交供应商名称\n');
  assert.equal(notice.project.code, '22FK09');
});

test('who ran it is no part of the project\'s name (由…组织的智型美疗仪设备采购, 上海 SHXM-00-20160928-2373, 2016)', async () => {
  const notice = await extract('成交公告\n由上海某某工程咨询有限公司组织的智型美疗仪设备采购（项目编号:SHXM-00-20160928-2373，预算编号:00-16-80739）采购项目，于2016年10月29日在\n'
    + '经评标委员会评审，并经采购人确认，本次成交结果公布如下：\n');
  assert.equal(notice.project.name, '智型美疗仪设备采购');
});

test('lots lettered A分标： / B分标：, and the code from 采购项目名称及编号 after a summary that gave the name (广西 GXZC2018-J1-21797-KLZB（重）, 2019)', async () => {
  const notice = await extract('公告概要：\n采购项目名称\t妇科医疗设备采购\n采购单位\t广西某某医院\n'
    + '一、采购项目名称及编号：妇科医疗设备采购（GXZC2018-J1-21797-KLZB（重））\n五、成交信息：\nA分标：\n1.成交供应商名称：南宁市某某商贸有限公司\n'
    + '3.成交金额：人民币叁拾捌万玖仟陆佰元整（¥389600.00）\nB分标：\n1.成交供应商名称：广西某某商贸有限公司\n3.成交金额：人民币（¥174178.00）\n');
  assert.equal(notice.project.code, 'GXZC2018-J1-21797-KLZB（重）');
  assert.deepEqual(won(notice), [['A', 'active', ['南宁市某某商贸有限公司'], 38_960_000], ['B', 'active', ['广西某某商贸有限公司'], 17_417_800]]);
});

test('a numbered section of the result (六、中标情况：) makes a page without a title an award notice (潍坊 ZFCG-2017-073, 2017)', async () => {
  const notice = await extract('一、采购项目名称：某某示范工程建设二、采购项目编号：ZFCG-2017-073 预算金额：12万元三、采购公告发布日期：2017年4月12日四、开标日期：2017年5月8日'
    + '五、采购方式：公开招标六、中标情况：标段采购内容拟中标单位单位地址投标报价（元）合同履行时间1某某示范工程建设青岛某某健康科技股份有限公司'
    + '山东省青岛市某某路369号724200签订合同后90日内完成2监理没有投标单位递交投标文件，废标七、评标委员会成员名单：许某、马某\n');
  assert.equal(notice.noticeType, 'award');
});

test('上海\'s result template names the project after who ran it: 由X组织的[project]（项目编号:…） (上海 SHXM-00-20191216-1271, 2019)', async () => {
  const notice = await extract('由上海某某招标服务中心有限公司组织的上海市某某委交通行业舆情监测（项目编号:SHXM-00-20191216-1271,预算编号：00-20-00413，'
    + '项目总金额：680000.00）的竞争性磋商方式的采购，于2019-12-20 16:00:00在上海市政府采购网发布采购信息。\n经评审委员会评审，并经采购人确认，本次成交结果公布如下：\n');
  assert.equal(notice.project.name, '上海市某某委交通行业舆情监测');
});

test('a buyer writing its project as a title: X学校《Y》 names both; 《》 after other words name no project (上海市松江区新闵学校 2022; 同煤 ZBH-1016112009-03)', async () => {
  const notice = await extract('上海市某某学校《中学部图书馆升级改造项目》项目综合评议采购（竞争性谈判），经过专家认真评审并经采购人确认，本次成交结果公布如下：\n'
    + '1、成交日期：2022年7月13日\n2、成交供应商：上海某某教育设备有限公司\n3、成交金额：408000元\n');
  assert.equal(notice.project.name, '中学部图书馆升级改造项目');
  assert.equal(notice.buyer?.name, '上海市某某学校');
  const medium = await extract('某某采购中标候选人公示\n本次招标公告同时在《中国招标投标公共服务平台》上发布！\n');
  assert.equal(medium.project.name, null);
});

test('a table flattened with each cell after the first opening its line with | gives no header as a value (江西 2208-360800-04-01-233101, 2026)', async () => {
  const notice = await extract('某某材料采购招标公告\n2.6招标内容及范围：\n项目名称\n | 标段号\n | 货物名称\n | 数量\n | \n某某集中招标主要管材货物招标\n | 三标段\n'
    + '序号\n | 项目名称\n | 建设单位\n（或招标人）\n | 项目概况\n');
  assert.equal(notice.project.name, '某某材料采购'); // from the title, not the header cell under 项目名称
  assert.equal(notice.buyer, null);
});

test('a call for framework partners (招募) admits several suppliers to each lot: each is a winner of its lot, 招募人 is the buyer (中国联通海南 hn-2019-3, 2019)', async () => {
  const notice = await extract('某某公司2018年创新业务合作伙伴公开市场第三次招募结果公示\n招标编号：hn-2019-3\n招募人：中国联合网络通信有限公司某某分公司\n'
    + '招募代理机构：某某管理咨询有限公司\n根据评审结果，入围供应商公示如下（排名不分先后）：\n标段一（智慧政务）：\n1）甲乙科技有限公司\n2）丙丁信息技术有限公司\n'
    + '标段三（智慧旅游）：\n1）戊己信息科技有限公司\n现将该项目结果予以公示，接受社会各界监督。\n招募人：中国联合网络通信有限公司某某分公司\n2019年1月7日\n');
  assert.deepEqual(won(notice), [['1', 'active', ['甲乙科技有限公司'], null], ['1', 'active', ['丙丁信息技术有限公司'], null],
    ['3', 'active', ['戊己信息科技有限公司'], null]]);
  assert.equal(notice.buyer?.name, '中国联合网络通信有限公司某某分公司');
  assert.equal(notice.agency?.name, '某某管理咨询有限公司');
  // The same list of candidates is no award.
  const ranked = await extract('某某项目中标候选人公示\n招标人：某某中学\n中标候选人公示如下（排名不分先后）：\n标段一：\n1）甲乙科技有限公司\n2）丙丁信息技术有限公司\n');
  assert.deepEqual(won(ranked), []);
});

test('crawler page text in Markdown (## headings, - items) with a table joined by spaces, header and row on one line (成都 N5101012026000954; 内蒙古 NMGZCS-G-H-260506, 2026)', async () => {
  const notice = await extract('# 某某局服务业对外宣传与报道中标（成交）结果公告\n- 首页\n## 一、项目编号：N5101012026000954 \n## 二、项目名称：服务业对外宣传与报道 \n'
    + '## 三、采购结果 \n采购包1:\n 供应商名称 供应商地址 中标（成交）金额 评审总得分 甲乙科技有限责任公司 某市锦江区红星路二段159号某大厦 4楼 3,950,000.00元 100.00 \n'
    + '## 四、主要标的信息 \n## 1.采购人信息 \n名称：某某市商务局\n地址：天府大道北段68号\n');
  assert.deepEqual(won(notice), [['1', 'active', ['甲乙科技有限责任公司'], 395_000_000]]);
  assert.equal(notice.awards[0].suppliers[0].address, '某市锦江区红星路二段159号某大厦4楼');
  assert.equal(notice.buyer?.name, '某某市商务局');
  // A yes/no column (是否价格扣除) is no amount; each lot's header and row stand on their own line.
  const lots = await extract('某某大学仪器中标（成交）结果公告\n三、采购结果\n合同包1(散射仪):\n'
    + ' 供应商名称 供应商地址 评审方法 是否价格扣除 中标（成交）金额 评审总得分 甲乙器材有限公司 北京市朝阳区某路19号 综合评分法 否 7,985,300.00元 98.58 \n'
    + '合同包2(分光光度计):\n 供应商名称 供应商地址 评审方法 是否价格扣除 中标（成交）金额 评审总得分 丙丁贸易有限公司 呼和浩特市某区1号 综合评分法 否 616,800.00元 92.56 \n');
  assert.deepEqual(won(lots), [['1', 'active', ['甲乙器材有限公司'], 798_530_000], ['2', 'active', ['丙丁贸易有限公司'], 61_680_000]]);
  // Two rows run into one line do not fit one header: nothing is read from them rather than a wrong amount.
  const two = await extract('某某项目中标结果公告\n三、采购结果\n 供应商名称 供应商地址 中标（成交）金额 甲乙器材有限公司 某路1号 100.00元 丙丁贸易有限公司 某路2号 200.00元\n');
  assert.deepEqual(won(two), []);
});

test('a page that names only its lot (标段名称 / 标段编号) gives them as the project, and the lot from the name (云南 GC530000201700295001003, 2017)', async () => {
  const notice = await extract('中标结果公告\n标段编号：\tGC530000201700295001003\n标段名称：\t某某项目安置房建设项目三标段施工\n发布时间：\t2017-11-06 09:00:00\n'
    + '中标人：\t某某建设有限公司\n中标价：\t10544.101347万元\n');
  assert.equal(notice.project.name, '某某项目安置房建设项目三标段施工');
  assert.equal(notice.project.code, 'GC530000201700295001003');
  assert.deepEqual(won(notice), [['3', 'active', ['某某建设有限公司'], 10_544_101_347]]);
  // A name cut by a label-like word in its brackets runs on to the bracket's close.
  const bracketed = await extract('某某材料采购招标公告\n2.2项目名称：某某主要管材货物招标（三标段：球墨铸铁井盖）\n');
  assert.equal(bracketed.project.name, '某某主要管材货物招标（三标段：球墨铸铁井盖）');
});

test('a candidate notice naming its supplier only under a winner\'s label lists it as the candidate, never a winner (中石化 ZJ20250711-2060-00488, 2025)', async () => {
  const notice = await extract('某某石化股份有限公司济南分公司2025年检测器配件直接采购预成交公示\n一、项目名称：某某配件\n二、采购公告/邀请书编号：ZJ20250711-2060-00488\n三、公示内容:\n'
    + '序号\t供应商名称\t候选供应商\t成交总金额（元）\n1\t甲乙安全装备有限公司\t预成交供应商\t48600.0\n四、公示时间：2025-08-21 10:11-2025-08-24 10:11\n'
    + '联系电话:0531-88832524\n某某石化股份有限公司济南分公司\n2025-08-21\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(notice.awards, []);
  assert.deepEqual(notice.candidates, [{ rank: null, name: '甲乙安全装备有限公司', bid: { fen: 4_860_000, currency: 'CNY' } }]);
  assert.equal(notice.project.code, 'ZJ20250711-2060-00488');
  // The firm signing off its own notice above a platform's date (2025-08-21) is the buyer.
  assert.equal(notice.buyer?.name, '某某石化股份有限公司济南分公司');
});

test('under a candidates heading a winner\'s label names a candidate: a page without a title is a candidate notice (中国银行江苏省分行 JSTCC2200514695, 2023)', async () => {
  const notice = await extract('一、项目情况\n项目名称：某某银行2022年舆情数据服务采购项目\n项目编号：JSTCC2200514695\n采购人：某某银行江苏省分行\n'
    + '二、成交供应商候选人\n中标公司：甲乙信息技术股份有限公司\n三、联系方式\n采购代理机构：某某招标中心有限公司\n某某招标中心有限公司\n2023年1月9日\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(notice.awards, []);
  assert.deepEqual(notice.candidates.map((c) => c.name), ['甲乙信息技术股份有限公司']);
});

test('a sentence saying the winner is a consortium, its lead and members, completes the winner named in the result (宁夏 CXZB-2026ZC075, 2026)', async () => {
  const page = (note: string) => extract('某某厅2026年度消费券发放活动项目中标公告\n三、中标（成交）信息\n中标供应商名称：甲乙信号科技有限公司\n中标金额：7997000.00元\n'
    + `九、其他补充事宜：${note}\n`);
  const notice = await page('本项目中标供应商为联合体，牵头单位为甲乙信号科技有限公司，联合体成员为：丙丁文化创意有限公司。');
  assert.deepEqual(notice.awards[0].suppliers.map((s) => [s.name, s.role]), [['甲乙信号科技有限公司', 'lead'], ['丙丁文化创意有限公司', 'member']]);
  // A lead that is not the winner changes nothing: the sentence is about someone else.
  const other = await page('本项目中标供应商为联合体，牵头单位为戊己科技有限公司，联合体成员为：丙丁文化创意有限公司。');
  assert.deepEqual(other.awards[0].suppliers.map((s) => [s.name, s.role]), [['甲乙信号科技有限公司', 'sole']]);
});

test('the national platform\'s summary block in page text with no spaces runs each label into its value: it is cut at the labels (安徽 2021BFFHZ02930, 2022)', async () => {
  const notice = await extract('某某学院数字化校园三期建设第3包智慧教室改造项目中标（成交）结果公告[2022]2022年02月11日00:15来源：【打印】公告概要：公告信息：'
    + '采购项目名称某某学院数字化校园三期建设品目工程采购单位某某职业技术学院行政区域合肥市公告时间2022年02月11日00:15评审专家名单无'
    + '总中标金额￥5687850.00万元（人民币）联系人及联系方式：项目联系人周某项目联系电话无采购单位某某职业技术学院采购单位地址无采购单位联系方式无'
    + '代理机构名称合肥市政府采购中心代理机构地址无代理机构联系方式李某某某学院数字化校园三期建设项目中标（成交）结果公告一、项目编号:2021BFFHZ02930'
    + '二、项目名称:某某学院数字化校园三期建设三、中标（成交）信息供应商名称：甲乙信息系统技术有限公司供应商地址：浙江省杭州市某路333号'
    + '中标（成交）金额：人民币伍佰陆拾捌万柒仟捌佰伍拾元整（大写）（￥5687850.00元）四、主要标的信息名称品牌规格型号数量单价');
  assert.equal(notice.buyer?.name, '某某职业技术学院');
  assert.equal(notice.agency?.name, '合肥市政府采购中心');
  assert.equal(notice.publishedAt, '2022-02-11');
  // The award keeps its own amount, not the summary's total written in yuan under a 万元 label; its lot is the title's.
  assert.deepEqual(won(notice), [['3', 'active', ['甲乙信息系统技术有限公司'], 568_785_000]]);
});

test('ccgp.gov.cn local results as page text: lots headed with brackets in brackets, a review table run into one line, a who-and-where row (黑龙江, 河北 2026)', async () => {
  const lots = await extract('某某中心检测试剂中标（成交）结果公告\n## 三、采购结果\n合同包1(检测试剂（第1包）):\n 供应商名称 供应商地址 中标（成交）金额 甲某生物科技有限公司 哈尔滨市某路156号 332,200.00元\n'
    + '合同包2(检测试剂（第2包）):\n 供应商名称 供应商地址 中标（成交）金额 乙某生物科技有限公司 郑州市某路1号 171,800.00元\n## 四、评审结果\n合同包2(检测试剂（第2包）):\n'
    + ' 供应商 资格性审查 符合性审查 综合得分 最终报价 得分排名 乙某生物科技有限公司 通过 通过 100.00 171,800.00 1 丙某生物科技有限公司 通过 通过 88.22 173,400.00 2 丁某动物药业有限公司 不通过符合性审查,原因是：技术部分实质性内容评审不通过\n');
  assert.deepEqual(won(lots), [['1', 'active', ['甲某生物科技有限公司'], 33_220_000], ['2', 'active', ['乙某生物科技有限公司'], 17_180_000]]);
  // The rejection at the end of the line is 丁某's, not the winner's who passed with others between.
  assert.ok(!lots.warnings.some((w) => /乙某/.test(w)), lots.warnings.join('\n'));
  const hebei = await extract('某某局清单编制工作竞争性磋商成交公告\n三、中标（成交）信息\n 供应商名称 供应商地址 供应商编码 甲某碳投科技有限公司 北京市东城区青龙胡同1号歌华大厦922单元 91110101558503117M \n四、主要标的信息\n');
  assert.deepEqual(hebei.awards.map((a) => a.suppliers.map((s) => [s.name, s.address, s.uscc])),
    [[['甲某碳投科技有限公司', '北京市东城区青龙胡同1号歌华大厦922单元', '91110101558503117M']]]);
  // …which a bidders' list of the same columns is not.
  const bidders = await extract('某某局清单编制工作竞争性磋商成交公告\n三、投标供应商名单\n 供应商名称 供应商地址 供应商编码 甲某碳投科技有限公司 北京市东城区青龙胡同1号 91110101558503117M \n');
  assert.deepEqual(bidders.awards, []);
});

test('a cover naming the agency under 招标单位 gives way to the buyer the notice names as 采购人 (上海 徐汇 徐采中招2026-040, 2026)', async () => {
  const notice = await extract('招标编号：徐采中招2026-040\n招标单位：上海市某区政府采购中心\n'
    + '根据《中华人民共和国政府采购法》之规定，上海市某区政府采购中心受委托，对某区市政设施养护项目进行公开招标。\n'
    + '采购人：某区市政管理中心\t采购代理机构：上海市某区政府采购中心\n');
  assert.equal(notice.buyer?.name, '某区市政管理中心');
  assert.deepEqual(notice.warnings.filter((w) => w.startsWith('buyer')), [
    'buyer: 上海市某区政府采购中心 is named both buyer and agency; kept 某区市政管理中心, named the buyer elsewhere',
  ]);
  // Named as the buyer alone, the one party stays the buyer.
  const alone = await extract('招标单位：上海市某区政府采购中心\n采购代理机构：上海市某区政府采购中心\n');
  assert.equal(alone.buyer?.name, '上海市某区政府采购中心');
});

test('a portal page\'s title is the notice\'s own, below the portal\'s menus, not its <title> (商洛市人民政府 SLCG-JZXCS〔2020〕7号, 2020)', async () => {
  const menus = ['首页', '商洛概况', '信息公开', '政务服务', '政民互动', '专题专栏', '今日商洛', '部门动态', '市政府信息公开指南', '公示公告',
    '政府采购', '工程招投标', '中国秦岭生态旅游节',
    '商洛市2019年部门预算公开目录（历史专题）', '当前位置: 首页>>信息公开>>公开信息内容'];
  const page = async (body: string) => extractNotice(await readDocument('page.html', Buffer.from(`<html><head><title>信息公开-商洛市人民政府</title></head><body>${menus.map((m) => `<a href="#">${m}</a><br>`).join('')}${body}</body></html>`, 'utf-8')));
  const notice = await page('<p>商洛市某某平台配套设施项目成交结果公告</p><p>一、项目编号：SLCG-JZXCS〔2020〕7号</p><p>供应商名称：陕西某某科技有限公司</p><p>成交金额：526890元</p>');
  assert.equal(notice.title, '商洛市某某平台配套设施项目成交结果公告');
  // A notice pasted below a sentence of the body (五、…竞争性谈判公告 under a result) titles nothing.
  const pasted = await page('<p>某某代理有限公司受某某公司的委托，就某某项目进行竞争性谈判，现将结果公告如下：</p><p>成交供应商名称：广东某某建设工程有限公司</p><p>徐闻县某某示范区项目竞争性谈判公告</p>');
  assert.equal(pasted.title, '信息公开-商洛市人民政府');
});

test('a budget a sentence states (本项目采购预算为100660000元人民币) is the budget when no field gives one; lots\' different budgets give none (上海 徐汇 徐采中招2026-040, 2026)', async () => {
  const notice = await extract('某区市政设施养护项目招标公告\n招标编号：徐采中招2026-040\n（2）本项目采购预算为\t100660000\t元人民币，报价超过采购预算的投标不予接受。\n');
  assert.equal(notice.budget?.fen, 10_066_000_000);
  const clause = await extract('某某项目招标公告\n本项目预算金额为：128.6万元，最高限价为120万元。\n');
  assert.equal(clause.budget?.fen, 128_600_000);
  const lots = await extract('某某项目招标公告\n第1包采购预算为50万元；第2包采购预算为30万元。\n');
  assert.equal(lots.budget, null);
  // Words of the budget without an amount after them (报价超过采购预算为无效) state none.
  const none = await extract('某某项目招标公告\n投标报价超过采购预算为无效投标。\n');
  assert.equal(none.budget, null);
});

test('a site menu whose items hold brackets or an English word (项目延期(变更)公告, 招标采购Procurement) types nothing; a lot headed 01包：name opens its lot (深圳市东方招标有限公司 OTC1201303, 2012)', async () => {
  const menu = ['首页', '服务流程', '招标采购', '重要通知', '政策法规', '招标采购Procurement', '采购公告', '项目延期(变更)公告', '项目答疑公告',
    '预中标(成交)公告', '中标(成交)公告', '资格预审公告', '打印本页内容'].join('\n');
  const notice = await extract(`${menu}\n深圳市某某医院01包：数字式无创血液动力学监测系统采购；02\n`
    + '深圳市某某招标有限公司受深圳市政府采购中心委托，就深圳市某某医院项目进行公开招标，现将结果公告如下：\n'
    + '01包：数字式无创血液动力学监测系统采购\n中标单位：中科器进出口深圳有限公司\n中标金额：人民币伍拾叁万贰仟叁佰元整（￥53.23万元）\n'
    + '02包：一拖八以上输液泵、注射泵及管理系统采购\n本包组因有效投标不足三家，依据《中华人民共和国政府采购法》第三十六条规定，予以废标。\n');
  assert.equal(notice.noticeType, 'award');
  assert.deepEqual(won(notice), [['1', 'active', ['中科器进出口深圳有限公司'], 53_230_000], ['2', 'unsuccessful', [], null]]);
  assert.deepEqual(['01包：数字式无创血液动力学监测系统采购', '包3：A4纸', '第2标段：道路工程'].map(lotsOfHeading), [['1'], ['3'], ['2']]);
  // After the colon a field's value, not a lot's name.
  assert.deepEqual(['第1包：中标单位为某某科技有限公司', '3包：500元', '包2：成交金额见附件'].map(lotsOfHeading), [null, null, null]);
});
