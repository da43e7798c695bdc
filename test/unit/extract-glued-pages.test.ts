// Page text whose line breaks were lost: sections run into one line, table cells kept apart only by runs of
// spaces, list numbers run into the next label. The pages carry no licence, so each case is a minimal page
// in the same wording, naming the real notice that showed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPage } from '../../ingest/extract/page.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import { readDocument } from '../../ingest/read/index.ts';

async function extract(text: string) {
  return extractNotice(await readDocument('page.txt', Buffer.from(text, 'utf-8')));
}

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
