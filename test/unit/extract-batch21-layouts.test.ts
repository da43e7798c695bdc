// Layouts of held-out batch 21 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of further
// publishers. Each page here keeps the wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('四川\'s result form: the winner and its sum run together in the cell beside 各包中标/成交供应商名称、地址及报价', async () => {
  const notice = await extract('某某供水站改造工程 询价结果公告\n采购项目名称\t某某供水站改造工程\n采购人\t某某县水务局\n'
    + '定标日期\t2015-03-30\n各包中标/成交供应商名称、地址及报价\t乐山市某某水处理设备有限公司163000元\n各包合同履行日期\t\n');
  assert.deepEqual(won(notice), [[null, 'active', ['乐山市某某水处理设备有限公司'], 16_300_000]]);
});

test('the sum a contract was won at, labelled 中标值 or 中标监理费, is the award\'s amount', async () => {
  const value = await extract('招标工程中标公示\n建设单位：东莞市某某管理委员会\n中标单位：深圳市某某建设工程有限公司\n项目经理：刘某某\n'
    + '中标值：4325337.55元\n下浮率：14.49%\n');
  assert.deepEqual(won(value), [[null, 'active', ['深圳市某某建设工程有限公司'], 432_533_755]]);
  const fee = await extract('某某市工程建设项目监理中标结果公示\n现将中标结果公示如下：\n中标人名称：苏州某某监理有限公司\n中标监理费：77.8600万元\n'
    + '监理工期目标：250天\n');
  assert.deepEqual(won(fee), [[null, 'active', ['苏州某某监理有限公司'], 77_860_000]]);
});

test('a firm drawn to serve (中介机构选聘) names its client 选聘人', async () => {
  const notice = await extract('某某中介服务机构中选公示\n选聘人：临沂市某某管理局\n中选单位：山东某某项目管理有限公司\n');
  assert.equal(notice.buyer?.name, '临沂市某某管理局');
});

test('…政府采购 is one word: a centre\'s 对新民市政府采购项目 names neither a buyer nor a project', async () => {
  const notice = await extract('医疗器械\n发布日期：2015-03-30\n某某市政府采购中标公告\n'
    + '某某市政府采购中心对某某市政府采购项目（项目编号：xm(j)2015-0004）----医疗器械发布了采购信息。因有效投标供应商不足法定数量，本项目废标。\n');
  assert.equal(notice.buyer, null);
  assert.equal(notice.project.name, null);
  assert.equal(notice.project.code, 'xm(j)2015-0004');
  assert.equal(notice.noticeType, 'termination');
});

test('a title\'s publisher before 关于 and the method after the name are not the project\'s; a code in brackets without a colon', async () => {
  const notice = await extract('江西省某某市公共资源交易中心关于某某市赛湖一排站双向进电工程项目竞争性谈判采购的中标公告\n发布日期：2015-03-30\n'
    + '某某市公共资源交易中心受某某市长河闸管理站委托，对该单位某某市赛湖一排站双向进电工程项目竞争性谈判招标采购（招标编号rczfcg2015-35)，'
    + '招标活动于2015年3月27日举行，评标结果如下：\n中标单位：上饶市某某电力安装有限责任公司\n');
  assert.equal(notice.project.name, '某某市赛湖一排站双向进电工程项目');
  assert.equal(notice.project.code, 'rczfcg2015-35');
});

// Batch 22

test('a table\'s header row (… | 采购单位 | 报价单位 | …) pairs no label with the next column\'s name', async () => {
  const notice = await extract('关于某某中学左家塘校区提质改造项目标底审核的定点采购的中标公告\n定点采购成交公告\n二、成交结果\n'
    + '1、成交供应商：湖南某某工程造价咨询有限公司\n包号\t品目号\t项目\t数量\t金额\t采购单位\t报价单位\t联系方式\t地址\n'
    + '1\t1\t其他工程咨询管理服务\t1\t160000\t长沙市某某中学\t湖南某某工程造价咨询有限公司\t15211083366\t长沙市某某路\n'
    + '长沙市某某中学（采购人名称）\n2015年03月27日\n');
  assert.equal(notice.buyer, null);
  assert.equal(notice.project.name, '某某中学左家塘校区提质改造项目标底审核');
});

test('lots run into their winners\' labels in one cell, each with its sum after a comma', async () => {
  const notice = await extract('某某设备项目竞争性谈判结果公告\n采购人\t某某交易中心\n项目包个数\t2\n'
    + '各包中标/成交供应商名称、地址及报价\t第一包中标人：宜宾某某网络科技有限公司，43000元。第二包中标人：宜宾市某某科技发展有限公司，39500元。\n');
  assert.deepEqual(won(notice), [['1', 'active', ['宜宾某某网络科技有限公司'], 4_300_000], ['2', 'active', ['宜宾市某某科技发展有限公司'], 3_950_000]]);
});

test('project codes in small-form brackets (宜政采谈﹝2015﹞26号) or with the number spaced out between 第 and 号', async () => {
  const codeOf = async (text: string) => (await extract(text)).project.code;
  assert.equal(await codeOf('某某设备项目结果公告\n采购项目编号\t宜政采谈﹝2015﹞26号\n'), '宜政采谈﹝2015﹞26号');
  assert.equal(await codeOf('公 示\n项目名称： 某某田间工程\n项目编号： 农垦招备（公）字（2015sg）第 003 号\n'), '农垦招备（公）字（2015sg）第003号');
});

// From reading every buyer and agency the corpus gives that does not look like a party.

test('a seal\'s note, a telephone number or a contact person is no part of a party\'s name, nor a party', async () => {
  const seal = await extract('某某工程招标公告\n招标人：某某县城市管理局\n招标代理机构：（单位章）\n法定代表人：\n');
  assert.equal(seal.agency, null);
  const phone = await extract('某某工程预中标公示\n招标单位\t临安市某某建设开发有限公司\n代理机构\t浙江某某工程咨询有限公司 61088884\n');
  assert.equal(phone.agency?.name, '浙江某某工程咨询有限公司');
  const contact = await extract('某某采购项目成交公告\n7、采购项目联系人姓名和电话：\n（1）采购人：敦煌市某某局 康某某：0937-8841090\n'
    + '（3）招标代理机构：祁丽娟 0937-8882342\n甘肃某某国际招标有限责任公司\n2015年3月27日\n');
  assert.equal(contact.agency, null);
});

test('a firm drawn by lot from a panel (中签单位) won', async () => {
  const notice = await extract('某某办公用房改造项目中签结果公告\n四、项目概算：8万元\n六、业主单位：合肥市某某监督管理局\n'
    + '七、中签单位：福建省某某建筑工程有限公司\n联系人：陶某某 联系电话：13637062530\n');
  assert.deepEqual(won(notice), [[null, 'active', ['福建省某某建筑工程有限公司'], null]]);
  assert.equal(notice.buyer?.name, '合肥市某某监督管理局');
});

test('a sideways candidates\' table whose corner cell is empty ( | 第一名 | 第二名 | 第三名 over 中标候选人名称 | A | B | C)', async () => {
  const notice = await extract('江苏省工程建设项目中标候选人公示\n1、中标候选人情况\n\t第一名\t第二名\t第三名\n'
    + '中标候选人名称\t镇江某某电气有限公司\t江苏某某电力设备有限公司\t江苏某某电力科技有限公司\n投标报价(元)\t962485.00\t1047497.00\t1082459.00\n');
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name, c.bid?.fen ?? null]),
    [[1, '镇江某某电气有限公司', 96_248_500], [2, '江苏某某电力设备有限公司', 104_749_700], [3, '江苏某某电力科技有限公司', 108_245_900]]);
});

test('a ranked candidate\'s label parted from its name by a space only, between lines that are no form', async () => {
  const notice = await extract('中标情况公示\n第一中标候选人 深圳市某某建设工程有限公司\n投标价（元） 2810866.57\n拟派项目负责人姓名 许某某\n'
    + '第二中标候选人 梅州市某某公路工程有限公司\n投标价（元） 2805207.94\n第三中标候选人 梅州市某某建设有限公司\n');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]),
    [[1, '深圳市某某建设工程有限公司'], [2, '梅州市某某公路工程有限公司'], [3, '梅州市某某建设有限公司']]);
  assert.deepEqual(won(notice), []);
});

test('the panel\'s finding, then the winner: 经评标委员会评定，X为中标单位 (not 推荐X, not X为中标候选人)', async () => {
  const found = await extract('中标公示(定标纪要)\n某某道路硬化工程招标项目于2015年3月26日开标。根据该项目招标文件规定的程序和评标方式，'
    + '经评标委员会评定，浙江某某建设有限公司为中标单位。\n中标价 大写：壹拾肆万捌仟伍佰零陆元整\n小写：148506元\n');
  assert.deepEqual(won(found), [[null, 'active', ['浙江某某建设有限公司'], 14_850_600]]);
  const proposed = await extract('中标公示\n经评标委员会评定，推荐浙江某某建设有限公司为中标单位。\n');
  assert.deepEqual(won(proposed), []);
  const candidate = await extract('中标公示\n经评标委员会评定，浙江某某建设有限公司为中标候选人。\n');
  assert.deepEqual(won(candidate), []);
});

test('a label\'s colon pushed into its value\'s cell (一．采购人名称 | ：浙江某某有限公司) is no part of the value', async () => {
  const notice = await extract('某某采购项目预成交结果公告\n一．采购人名称 \t：浙江某某林业开发有限公司\n二．采购项目名称 \t：某某冷却塔的维修保养采购项目\n'
    + '三．采购项目编号 \t：zjzc2015046xj\n');
  assert.equal(notice.buyer?.name, '浙江某某林业开发有限公司');
  assert.equal(notice.project.name, '某某冷却塔的维修保养采购项目');
  assert.equal(notice.project.code, 'zjzc2015046xj');
});

// Batch 23

const FOOTER = '发布媒体：某某招标网(www.example.cn)\n将信息加入收藏 打印信息 我要纠错 我要投诉 发布招标\n相关""招标信息\n更多>>\n'
  + '关于我们|会员服务|广告服务|最新职位|客服中心|成功案例|展会信息\n中华人民共和国 增值电信业务经营许可证 编号： 苏B2-20040129\n'
  + '[2002-2015] 某某招标网 某某工程咨询有限公司 版权所有\n电话：400 6071880\n苏ICP备10049727号\n';

test('the sign-off above a site\'s footer is no winner; lots with their subject before 中标人 (第一标段风机类中标人：X)', async () => {
  const notice = await extract('中 标 公 示\n甘肃某某工程招标咨询有限公司受甘肃某某科技有限公司委托，对某某设备采购工程已完成评标工作，现将中标结果公示如下：\n'
    + '第一标段风机类中标人：宁波某某风机有限公司\n第二标段装载机中标人：甘肃某某机械设备有限公司\n公示开始时间:2015年3月30日;\n'
    + '如对以上评标结果有异议，请与甘肃某某工程招标咨询有限责任公司联系。\n联系人：赵某某\n电 话：15294295356\n'
    + '甘肃某某工程招标咨询有限责任公司\n2015年3月30日\n' + FOOTER);
  assert.deepEqual(won(notice), [['1', 'active', ['宁波某某风机有限公司'], null], ['2', 'active', ['甘肃某某机械设备有限公司'], null]]);
});

test('under a winner\'s label alone (中 标 人:), each lot\'s heading names its winner', async () => {
  const notice = await extract('某某道路建设工程中标结果\n现将中标结果公示 1天。\n中 标 人:\n一标段:辽宁某某交通建设集团有限公司\n'
    + '二标段:辽阳某某公路养护工程有限公司\n招 标 人:某某区交通局\n');
  assert.deepEqual(won(notice), [['1', 'active', ['辽宁某某交通建设集团有限公司'], null], ['2', 'active', ['辽阳某某公路养护工程有限公司'], null]]);
});

test('a winner with its other name in brackets; 中标投标人名称 names the winner; 价格部分 beside 技术部分 is a score', async () => {
  const alias = await extract('某某工程评标结果公示\n一标段：\n中标单位：山西某某建工集团有限公司（山西某某建筑工程有限公司）\n中标价：25957925.70 元 工期：24个月\n');
  assert.deepEqual(won(alias), [['1', 'active', ['山西某某建工集团有限公司（山西某某建筑工程有限公司）'], 2_595_792_570]]);
  const scored = await extract('某某训练器材采购的公开招标的中标公告\n八、综合评分法中标候选投标人排序表：\n'
    + '投标人名称\t技术部分\t商务部分\t价格部分\t合计\t排名\n广州市某某体育用品有限公司\t46.8\t18.4\t30\t95.2\t1\n'
    + '广州市某某康体设施有限公司\t13.8\t15.7\t29.97\t59.47\t2\n九、中标信息：\n1、中标投标人名称：广州市某某体育用品有限公司\n3、中标金额：￥448600.00\n');
  assert.deepEqual(won(scored), [[null, 'active', ['广州市某某体育用品有限公司'], 44_860_000]]);
  assert.deepEqual(scored.candidates.map((c) => c.bid), [null, null]);
});

test('a form\'s blank for a seal ((盖单位章)) is nothing, not a party', async () => {
  const notice = await extract('某某项目招标文件\n投标人：\t（盖单位章）\n招标人：某某集团有限公司\n招标代理机构：（盖单位章）\n');
  assert.equal(notice.agency, null);
  assert.deepEqual(notice.warnings.filter((w) => w.includes('盖单位章')), []);
});

test('a party\'s label with its synonym in brackets (项目业主（招标人）) names that party', async () => {
  const notice = await extract('中标候选人公示\n项目及标段名称\t某某高标准农田建设工程施工\n项目业主（招标人）\t泸州市某某领导小组办公室\t项目业主（招标人）联系电话\t0830-3123696\n');
  assert.equal(notice.buyer?.name, '泸州市某某领导小组办公室');
});
