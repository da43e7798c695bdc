// Where the words of losing are close to the words of winning: a losers' note in a result heading, a losing
// bidder's label that ends like a winner's, a rejected row in a winners' table of several lots, a numbered list
// run into one name, a manufacturer beside a winner. Minimal pages written for each case: in each, the name
// that did not win must never be stored as a winner, and the one that did must stay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNotice } from '../../ingest/extract/index.ts';
import { readDocument } from '../../ingest/read/index.ts';

async function extract(text: string) {
  return extractNotice(await readDocument('page.txt', Buffer.from(text, 'utf-8')));
}

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
