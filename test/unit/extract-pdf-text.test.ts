// Tender documents: the text layer of tender PDFs, where a number's unit, a name's end or a whole cover line land in
// text runs (tabs) or lines of their own, and a glued ccgp.gov.cn page where a label runs into the
// name before it. Each case is a minimal page in the wording of the real document that showed it
// (shared corpus, real-more: its SOURCES.md gives the originals), with made-up names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNotice } from '../../ingest/extract/index.ts';
import { readDocument } from '../../ingest/read/index.ts';

async function extractText(text: string) {
  return extractNotice(await readDocument('page.txt', Buffer.from(text, 'utf-8')));
}

const TENDER = '第一章 \t投标邀请\n一、项目名称及内容\n1.项目编号：2024BFFFZ01583\n';

// real-more/tenderx-1.pdf (合肥, 雪亮工程运维服务 招标文件, 2024): 7.项目预算：437.677 \t万元
test('a number whose unit is the next text run is read in that unit, not assumed to be yuan', async () => {
  const notice = await extractText(`${TENDER}2.项目名称：示例区雪亮工程运维服务采购项目\n7.项目预算：437.677 \t万元\n8.最高限价：437.677 \t万元\n`);
  assert.deepEqual(notice.budget, { fen: 437_677_000, currency: 'CNY' });
  assert.ok(!notice.warnings.some((w) => w.includes('assumed 元')), notice.warnings.join('\n'));
});

// real-more/tenderx-2.pdf (北京, 景观照明设施维护 招标文件, 2023): the unit opens a run that goes on with the next label.
test('a unit opening a text run that holds the next label: the unit ends the amount, the label is still read', async () => {
  const notice = await extractText(`${TENDER}2.项目名称：示例景观照明设施维护项目\n3.项目预算金额：9373.99 \t万元、项目最高限价（如有）：9373.99 \t万元\n`);
  assert.deepEqual(notice.budget, { fen: 9_373_990_000, currency: 'CNY' });
  assert.ok(!notice.warnings.some((w) => w.includes('assumed 元')), notice.warnings.join('\n'));
});

test('a bare number in a text run of its own stays as written: only a money unit joins the value before it', async () => {
  const notice = await extractText(`${TENDER}2.项目名称：示例设备采购项目\n3.项目预算：120000 \t元\n4.服务期：3 \t年\n`);
  assert.deepEqual(notice.budget, { fen: 12_000_000, currency: 'CNY' });
});

// real-more/tenderx-1.pdf's cover: the characters spaced out, the name wrapped onto the next line.
test('a spaced-out cover name wrapped onto the next line is completed', async () => {
  const notice = await extractText('项 目 名 称 ： \t示 例 市 公 安 局 示 例 分 局 雪 亮 工 程 支 网\n一 期 、 二 期 、 三 期 运 维 服 务 采 购 项 目\n项 目 编 号 ： \t2024BFFFZ01583\n');
  assert.equal(notice.project.name, '示例市公安局示例分局雪亮工程支网一期、二期、三期运维服务采购项目');
  assert.equal(notice.project.code, '2024BFFFZ01583');
});

// real-more/tenderx-5.pdf (上海大学, 单一来源 采购文件, 2025): the name ends in a dash, its rest on the next line in runs.
test('a name broken after a dash is completed from the next line, whose text runs are joined', async () => {
  const notice = await extractText('项目编号：310000000251015142271-00280379\n项目名称：示例大学文献资源与学科服务建设项目——\nAMS、AIP、RSC、EI \t等数据库访问服务\n采 \t购 \t人：示例大学\n');
  assert.equal(notice.project.name, '示例大学文献资源与学科服务建设项目——AMS、AIP、RSC、EI等数据库访问服务');
});

// real-more/huaxin-1.pdf (山西, 开关柜采购 招标文件, 2023): the rest of the name in runs after the value, then on the next line.
test('a name continued in the runs after it and on the next line is completed up to its 采购', async () => {
  const notice = await extractText('2.1 \t项目名称：示例集团一矿示例风井项目（示例 \t35/6KV\n变电站 \t35KV \t开关柜）采购\n2.2 \t招标编号：JSH2023-15-35-103\n');
  assert.equal(notice.project.name, '示例集团一矿示例风井项目（示例35/6KV变电站35KV开关柜）采购');
  assert.equal(notice.project.code, 'JSH2023-15-35-103');
});

// real-more/ccgp2018-16.txt (ccgp.gov.cn, 东北大学秦皇岛分校 浴池热水采购 招标公告, 2018): the page's fields glued together.
test('采购项目编号 glued to the name before it: 采购 ends the name, 项目编号 is the label', async () => {
  const notice = await extractText('项目名称：示例大学示例分校浴池热水采购项目编号：HXZB-2018-0022-066项目联系方式：项目联系人：张某\n');
  assert.equal(notice.project.name, '示例大学示例分校浴池热水采购');
  assert.equal(notice.project.code, 'HXZB-2018-0022-066');
});

test('采购项目编号 as a label of its own (after a boundary) is read whole', async () => {
  const notice = await extractText('项目名称：示例设备采购\n采购项目编号：HXZB-2018-0022-067\n');
  assert.equal(notice.project.name, '示例设备采购');
  assert.equal(notice.project.code, 'HXZB-2018-0022-067');
});

// real-more/jsggzy-1.html (南京, 地铁机电设备更新改造 招标公告, 2026): the standard tender template's opening
// sentence names the project, and the contact table keeps the form's seal placeholders before the names.
const NANJING = '（市交易中心）示例地铁1号线机电系统设备更新改造项目通风空调节能控制系统采购集成招标公告\n标段编码：NJGD2500410-25HWGH\n1. 招标条件\n'
  + '本招标项目示例地铁1号线机电系统设备更新改造项目已由示例市发展和改革委员会以（项目审批文号:示发改投资字〔2025 〕 109号）批准建设，项目业主为示例地铁运营有限责任公司。\n'
  + '10. 联系方式\n招标人：\t&&&招标人盖章位置2&&&示例地铁运营有限责任公司\t招标代理机构：\t&&&招标代理盖章位置2&&&示例工程咨询有限公司\n';

test('本招标项目…已由…批准建设 names the project', async () => {
  const notice = await extractText(NANJING);
  assert.equal(notice.project.name, '示例地铁1号线机电系统设备更新改造项目');
});

test('a form placeholder between runs of one symbol (&&&…&&&) is no part of the party named after it', async () => {
  const notice = await extractText(NANJING);
  assert.equal(notice.buyer?.name, '示例地铁运营有限责任公司');
  assert.equal(notice.agency?.name, '示例工程咨询有限公司');
});

test('a party field starting with symbols that close no placeholder gives no party', async () => {
  const notice = await extractText('项目名称：示例设备采购项目\n采购人：***\n');
  assert.equal(notice.buyer, null);
});

// The ccgp result template since 2020 as page text (unseen ccgp-guangxi notices, 2021): the amount column's header
// carries two bracketed groups, 中标（成交）金额(元), and comes before the winner's name.
test('a table whose amount column is 中标（成交）金额(元) gives each winner its amount', async () => {
  const notice = await extractText('三、中标（成交）信息\n1.中标结果：\n序号\t中标（成交）金额(元)\t中标供应商名称\t中标供应商地址\n'
    + '1\t报价:798000(元)\t示例规划设计研究院有限公司\t南宁市示例路118号\n');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => s.name), a.value]), [[['示例规划设计研究院有限公司'], { fen: 79_800_000, currency: 'CNY' }]]);
});
