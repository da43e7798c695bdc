// Layouts of held-out batch 14 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of 26 further
// publishers. Each page here keeps the wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('names over their contacts\' lines after the result (whom to complain to) are no winners; 中 标 标 价 is the award\'s price', async () => {
  const notice = await extract('某某广场景观工程\n施工招标中标结果公示\n建 设 单 位：某某置地投资发展有限公司\n招标代理单位：某某工程造价咨询有限责任公司\n'
    + '经评标委员会评审中标结果如下：\n中 标 单 位：某某园林工程有限公司\n中 标 标 价：13778517元\n'
    + '现将该项目的评标结果予以公示。如有异议请向某某行政许可服务中心和某某建设管理服务中心实名投诉。\n公示发布日期：2015年03月30日至2015年04月01日\n'
    + '某某置地投资发展有限公司\n联系人：姚某\n电话：59890287\n某某建设管理服务中心\n联系人：毛某\n电话：66619532\n'
    + '某某行政许可服务中心\n联系人：刘某\n电话：24538762\n');
  assert.deepEqual(won(notice), [[null, 'active', ['某某园林工程有限公司'], 1_377_851_700]]);
});

test('a framework\'s table: 包段 | 中标入围供应商名称, the lot written with its name (1包：低压工程), each admitted supplier at its rate', async () => {
  const html = '<html><body><p>某某路灯项目年度施工供应商库采购项目中标公告</p><p>五、中标结果</p><table>'
    + '<tr><td>包段</td><td>中标入围供应商名称</td><td>中标供应商地址</td><td>中标金额</td><td>协议期</td></tr>'
    + '<tr><td rowspan="2">1包：低压工程施工供应商库</td><td>某某电力工程有限公司</td><td>某市某路106号</td><td>以最终投资计划金额为基准，下浮率为2.4%。</td><td>12个月</td></tr>'
    + '<tr><td>某某电力安装有限公司</td><td>某市某街354号</td><td>以最终投资计划金额为基准，下浮率为2.3%。</td><td>12个月</td></tr>'
    + '<tr><td>2包：高压工程施工供应商库</td><td>某某电力工程有限公司</td><td>某市某路106号</td><td>以最终投资计划金额为基准，下浮率为2.5%。</td><td>12个月</td></tr>'
    + '</table></body></html>';
  const notice = await extract(html, 'page.html');
  assert.deepEqual(notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.rate?.percent ?? null]),
    [['1', ['某某电力工程有限公司'], 2.4], ['1', ['某某电力安装有限公司'], 2.3], ['2', ['某某电力工程有限公司'], 2.5]]);
});

test('lots numbered in words in a flattened table, construction teams (绿化工程队) among the winners, a code in braces', async () => {
  const notice = await extract('某某薪炭林工程评标结果公示\n项目名称：某某薪炭林工程\n招 标 人：某某县林业局\n'
    + '某某薪炭林工程（招标编号：晋锦招{2015}b010号），于2015年3月27日上午9时在招标文件规定的地点开标，现评标工作已结束。\n评标结果公示如下：\n'
    + '标段 中标人 中标金额（元）\n一 某某园林绿化有限公司 608065.50\n二 偏关县某某绿化工程队 198742.00\n三 偏关县某某林业绿化队 822627.00\n');
  assert.deepEqual(won(notice), [['1', 'active', ['某某园林绿化有限公司'], 60_806_550], ['2', 'active', ['偏关县某某绿化工程队'], 19_874_200],
    ['3', 'active', ['偏关县某某林业绿化队'], 82_262_700]]);
  assert.equal(notice.project.code, '晋锦招{2015}b010号');
});

test('成交价为： is the award\'s price label; a code typed in full-width letters and brackets is read whole', async () => {
  const notice = await extract('某某绿化工程项目谈判结果公示\n1、项目名称：某某绿化工程项目\n2、招标编号：ｌｃｃｇ［2015］007号\n四、成交信息\n'
    + '第一标段\n成交单位：某某园林绿化建设有限公司\n成交价为：196000.00 元\n工 期：30日历天\n'
    + '第二标段\n成交单位：某某绿化工程有限公司\n成交价为：404000.00 元\n');
  assert.equal(notice.project.code, 'ｌｃｃｇ［2015］007号');
  assert.deepEqual(won(notice), [['1', 'active', ['某某园林绿化建设有限公司'], 19_600_000], ['2', 'active', ['某某绿化工程有限公司'], 40_400_000]]);
});

test('供应商：X；中标金额：Y names the winner under a result heading only; a 公路管理段 is a buyer', async () => {
  const page = (heading: string) => `某某县公路管理段压路机中标（成交）公示\n某某县公共资源交易中心受某某县地方公路管理段委托，就压路机采用询价进行采购。\n${heading}`
    + '1、供应商：某某机械有限公司；中标金额：325000元。\n';
  const notice = await extract(page('2、中标（成交）供应商名称及中标（成交）价格：\n'));
  assert.deepEqual(won(notice), [[null, 'active', ['某某机械有限公司'], 32_500_000]]);
  assert.equal(notice.buyer?.name, '某某县地方公路管理段');
  assert.deepEqual(won(await extract(page('2、参加询价的单位：\n'))), []);
});

test('a result notice that says the call failed (本次招标失败) is a termination; X委托我司 names the buyer', async () => {
  const notice = await extract('2015年某某通讯管道租赁采购项目招标结果公示\n招标编号: gc15ydgx03021\n'
    + '某某网络通信有限公司某某分公司委托我司招标的2015年某某通讯管道租赁采购项目（招标编号: gc15ydgx03021），经招标人审核无误，现公示招标结果如下：\n'
    + '因购买招标文件的人数不足三家，根据《中华人民共和国招标投标法》第二十八条之规定，本次招标失败。\n某某管理咨询有限公司\n2015年3月30日\n');
  assert.equal(notice.noticeType, 'termination');
  assert.equal(notice.buyer?.name, '某某网络通信有限公司某某分公司');
});

test('标项一、二、三：有效投标商不足三家，流标。 fails each of the three lots', async () => {
  const notice = await extract('关于某某大学教学实验设备（一）采购结果公告\n一、采购人名称：某某大学\n七、预成交结果：\n标项一、二、三：有效投标商不足三家，流标。\n八、评审小组成员名单：\n甲、乙、丙\n');
  assert.deepEqual(won(notice), [['1', 'unsuccessful', [], null], ['2', 'unsuccessful', [], null], ['3', 'unsuccessful', [], null]]);
});

test('中标人：X148.456万元第二中标候选人：Y148.062万元 in one cell: the winner at its sum, the others candidates', async () => {
  const notice = await extract('某某县水务局山洪灾害防治项目公开招标结果公告\n采购项目名称\t某某县山洪灾害防治项目\n采购人\t某某县水务局\n'
    + '各包中标/成交供应商名称、地址及报价\t中标人：某某股份有限公司148.456万元第二中标候选人：某某信息产业有限责任公司148.062万元第三中标候选人：某某信息技术股份有限公司151.502万元\n');
  assert.deepEqual(won(notice), [[null, 'active', ['某某股份有限公司'], 148_456_000]]);
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]), [[2, '某某信息产业有限责任公司'], [3, '某某信息技术股份有限公司']]);
});

test('a person named under the winner\'s own label won, with a warning; under a generic label, or a word that is no name, not', async () => {
  const notice = await extract('某某村自来水管安装工程中标公示\n一、招标单位：某某村委会\n五、中标人名称：郑某锋\n中标价：10000元\n');
  assert.deepEqual(won(notice), [[null, 'active', ['郑某锋'], 1_000_000]]);
  assert.ok(notice.warnings.includes('"郑某锋" is taken as a natural person who won: named under the winner\'s label, with no organisation\'s form'));
  const generic = await extract('某某村自来水管安装工程中标公示\n一、中标结果\n供应商名称：郑某锋\n中标价：10000元\n');
  assert.deepEqual(won(generic), []);
  const word = await extract('某某村自来水管安装工程中标公示\n五、中标人名称：详见附件\n');
  assert.deepEqual(won(word), []);
});

test('a party\'s label with its contact (采购单位及联系方式) names the party; 采购预算控制额度 is the budget', async () => {
  const notice = await extract('某某医院医疗设备采购项目中标结果公示\n采购项目名称\t某某医院医疗设备采购项目\n采购预算控制额度\t248万元\n'
    + '各包中标内容、价格、合同履行日期及供应商名称\t中标供应商：北京某某科贸有限公司 中标金额：246.7万元\n采购单位及联系方式\t某某大学附属医院 联系人：张科长 联系电话：0971-6162071\n');
  assert.equal(notice.buyer?.name, '某某大学附属医院');
  assert.equal(notice.budget?.fen, 248_000_000);
});

test('a 中标结果通知书 names its project in the title; lots named in words are kept as written; the opening date decides nothing', async () => {
  const notice = await extract('某某县2015年农村饮水安全工程监理、施工及设备采购招标中标结果通知书\n致：各投标人\n'
    + '某某县2015年农村饮水安全工程监理、施工及设备采购招标于2015年3月25日开标，发包人已确定中标人，详见下表。\n'
    + '标段号\t中 标 人\t中 标 价 （万元）\t拟派出的项目总监/项目经理\n监理标\t某某水利工程总公司\t83.77\t高某\n'
    + '设备采购 （标段1）\t某某环境科技股份有限公司\t166.98\t/\n');
  // (招标 stays, as in …无损检测招标中标公告: extract-page-text)
  assert.equal(notice.project.name, '某某县2015年农村饮水安全工程监理、施工及设备采购招标');
  assert.deepEqual(won(notice), [['监理标', 'active', ['某某水利工程总公司'], 83_770_000], ['设备采购（标段1）', 'active', ['某某环境科技股份有限公司'], 166_980_000]]);
  assert.equal(notice.decisionDate, null);
});

test('a code in 〔〕 after the project (…项目监理〔项目编号：ydcg2015012〕) and 对X进行公开招标（招标编号：…） leave the project its own name', async () => {
  const notice = await extract('某某配套项目监理中标公告\n某某咨询有限责任公司受某某发展股份有限公司的委托，于2015年3月26日就某某配套项目监理〔项目编号：ydcg2015012〕采用公开招标方式进行招标。\n'
    + '一、招标项目名称：某某配套项目监理〔项目编号：ydcg2015012〕\n');
  assert.equal(notice.project.name, '某某配套项目监理');
  assert.equal(notice.project.code, 'ydcg2015012');
  const conducted = await extract('某某公路建设项目中标公示\n某某招标有限责任公司受某某县交通局的委托，对某某公路建设项目进行公开招标（招标编号：zhjqh-gc-2015007）,并已完成评标工作。\n');
  assert.equal(conducted.project.name, '某某公路建设项目');
});
