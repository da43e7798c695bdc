// Page text that crawlers saved from the national platform (www.ggzy.gov.cn, 2020): character references
// left in, and line breaks lost so that the title runs into its publication date. The pages themselves
// carry no licence, so each case is a minimal page in the same wording, naming the real notice that showed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNotice } from '../../ingest/extract/index.ts';
import { decodeEntities } from '../../ingest/read/entities.ts';
import { readDocument } from '../../ingest/read/index.ts';

async function extractText(text: string) {
  const doc = await readDocument('page.txt', Buffer.from(text, 'utf-8'));
  return { doc, notice: extractNotice(doc) };
}

test('character references in page text are decoded; what is no reference stays as written', () => {
  assert.equal(decodeEntities('2019年&ldquo;煤改电&rdquo;配套&#8220;工程&#x201D;&nbsp;&ensp;A&amp;B'), '2019年“煤改电”配套“工程”  A&B');
  assert.equal(decodeEntities('R&D 中心 &unknown; &#0; &#xD800;'), 'R&D 中心 &unknown; &#0; &#xD800;');
});

test('a buyer followed by &nbsp; padding ends at the name (ggzy.gov.cn 0014…6efcc6, 吕梁市离石区“煤改电”钢管杆采购)', async () => {
  const { doc, notice } = await extractText('某某市某某区2019年&ldquo;煤改电&rdquo;配套电网改造工程钢管杆采购中标结果公示\n'
    + '中标人：青岛某某电力设备厂有限公司\n四、联系方式：&nbsp;&nbsp;&nbsp;招标人：山西某某电力有限公司某某分公司&nbsp;&nbsp;&nbsp;\n');
  assert.ok(!doc.text.includes('&'), doc.text);
  assert.equal(notice.buyer?.name, '山西某某电力有限公司某某分公司');
  assert.equal(notice.title, '某某市某某区2019年“煤改电”配套电网改造工程钢管杆采购中标结果公示');
});

// ggzy.gov.cn 0034c0fa…0c856858 (黄山市, 省级粮食储备库器材库和钢架棚项目中标结果公示) and 0037fd0d…4e39fc326:
// the whole page on one line, title first.
const GLUED_AWARD = '某某县粮食储备库器材库项目中标结果公示发布时间：2020-11-2318:40信息来源：某某市公共资源交易平台电子交易系统'
  + '原文链接地址 某某县粮食储备库器材库项目项目 （HJ2020S050）评审、公示结束，中标人已确定，现将中标结果公示如下：'
  + '中标人名称：某某建设集团有限公司中标价：1653187.06元工期：90 日历天';

test('the title run into 发布时间： is the title; the type and the project follow from it', async () => {
  const { notice } = await extractText(GLUED_AWARD);
  assert.equal(notice.title, '某某县粮食储备库器材库项目中标结果公示');
  assert.equal(notice.noticeType, 'award');
  assert.equal(notice.publishedAt, '2020-11-23');
  // The title's stem is the project: the body repeats it.
  assert.equal(notice.project.name, '某某县粮食储备库器材库项目');
  assert.deepEqual(notice.awards.flatMap((a) => a.suppliers.map((s) => s.name)), ['某某建设集团有限公司']);
  // 公示发布时间 is a date label too, but in 中标结果公示发布时间： the notice word belongs to the title.
  const shorter = await extractText(GLUED_AWARD.replace('发布时间：', '公示发布时间：').replace('中标结果公示公示', '中标结果公示'));
  assert.equal(shorter.notice.title, '某某县粮食储备库器材库项目中标结果公示');
});

test('a candidate title run into its date makes a candidate notice, with no winner (ggzy.gov.cn 山西, 中标候选人公示)', async () => {
  const { notice } = await extractText('2020年度材料、配件采购【钢材】（006标段）中标候选人公示发布时间：2020-11-1917:00信息来源：山西'
    + '原文链接地址中标人：某某科技有限公司');
  assert.equal(notice.noticeType, 'candidate');
  assert.deepEqual(notice.awards, []);
});

test('a sentence or a page without a date label gives no title from the first line', async () => {
  const { notice } = await extractText('经评审，现将结果公示如下，发布时间：2020-11-23');
  assert.equal(notice.title, null);
});

test('本…（招标项目编号：…） and 本招标项目…，招标人为… name the project (ggzy.gov.cn 山西伟拓 和谐街排水工程; 温州 乐清市客货运中心)', async () => {
  const numbered = await extractText('某某项目中标结果公示发布时间：2020-12-0108:22信息来源：某某招标采购交易平台原文链接地址'
    + '本和谐街排水工程项目钢筋采购（招标项目编号：M1400000026003571012），确定001第一标段的中标人如下：');
  assert.equal(numbered.notice.project.name, '和谐街排水工程项目钢筋采购');
  const tender = await extractText('招标项目编号：A3303820540001095000\n发布时间：2020-12-02 04:08\n'
    + '本招标项目某某市客货运中心钢结构加层及装修工程，招标人为某某运输集团有限公司，自行招标。');
  assert.equal(tender.notice.project.name, '某某市客货运中心钢结构加层及装修工程');
  // 本 ending a word (成本, 资本) starts no name.
  const cost = await extractText('采购结果公告\n降低成本节能改造工程（项目编号：X1）已完成评审');
  assert.equal(cost.notice.project.name, null);
});

test('a buyer field naming two organisations joined by 、 keeps the first and says so (ggzy.gov.cn 山西潞安 LAZBCL-2020-0117)', async () => {
  const { notice } = await extractText('某某电力电缆等一批采购中标结果公示\n'
    + '招标人：山西某某矿业（集团）有限责任公司物资供应处、山西某某能源开发股份有限公司采供部\n中标人：安徽某某电缆科技有限公司\n');
  assert.equal(notice.buyer?.name, '山西某某矿业（集团）有限责任公司物资供应处');
  assert.ok(notice.warnings.includes('buyer: the field names 2 organisations (山西某某矿业（集团）有限责任公司物资供应处; '
    + '山西某某能源开发股份有限公司采供部); kept the first'), notice.warnings.join('\n'));
  // Words joined by 、 that are not each an organisation are one name.
  const one = await extractText('某某采购项目中标结果公示\n采购人：某某市水务、园林管理局\n中标人：某某科技有限公司\n');
  assert.equal(one.notice.buyer?.name, '某某市水务、园林管理局');
});

// Titles the body never repeats: the title's own words name the project, its evidence the title. Each from a
// national-platform page (SOURCES.md of test/eval): ggzy-6 (廊坊, a code run into the name), ggzy-5 (合肥, a
// name ending in 招标), ggzy-19 (黄冈, 评标结果公示), ggzy-12 (南京, a portal's category as the title).
async function titled(title: string) {
  const { notice } = await extractText(`${title}\n中标人：示例建设集团有限公司\n中标价：1653187.06元\n`);
  return notice;
}

test('a one-line title names the project when nothing else does: its words less the kind, a leading code or note', async () => {
  const coded = await titled('G1310002001622001示例集团示例基地项目一期设计-采购-施工EPC工程总承包中标结果公示');
  assert.equal(coded.project.name, '示例集团示例基地项目一期设计-采购-施工EPC工程总承包');
  assert.deepEqual(coded.evidence.find((e) => e.field === 'project.name')?.text, '示例集团示例基地项目一期设计-采购-施工EPC工程总承包');
  assert.equal((await titled('示例至示例高速公路交工验收及桥梁钢结构无损检测招标中标公告')).project.name, '示例至示例高速公路交工验收及桥梁钢结构无损检测招标');
  assert.equal((await titled('示例县经济开发区示例家居广场排水涵工程评标结果公示')).project.name, '示例县经济开发区示例家居广场排水涵工程');
  assert.equal((await titled('（市交易中心）示例地铁一号线部分钢轨更换项目施工中标公告')).project.name, '示例地铁一号线部分钢轨更换项目施工');
});

test('a title that is a portal category or does not end like a project names none', async () => {
  assert.equal((await titled('江苏省南京市工程建设项目中标结果公告')).project.name, null);
  assert.equal((await titled('示例集团合格供应商（2次）')).project.name, null);
});

// Page text with every space removed (the crawler's `text` field): ggzy-28 (三明, rank labels run into names),
// ggzy-14 (济南) and ggzy-30 (山西, candidates' tables flattened with no separators).
test('rank labels run straight into their names give ranked candidates, each name up to its legal form', async () => {
  const { notice } = await extractText('示例村钢构厂房装修工程中标候选人公示发布时间：2020-11-2309:49现将中标候选人进行公示：序号投标人项目负责人及证书号工期投标报价（元）'
    + '第一中标候选人福建示例水利水电工程有限公司林某；闽235200820081673360日历天以本项目招标控制价为准第二中标候选人福建省示例建设工程有限公司邱某；闽23520082009238'
    + '第三中标候选人日昌（示例）集团有限公司&nbsp;&nbsp;黄某；闽2352011201142');
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]), [[1, '福建示例水利水电工程有限公司'], [2, '福建省示例建设工程有限公司'], [3, '日昌（示例）集团有限公司']]);
  assert.deepEqual(notice.awards, []);
});

test('a flattened candidates\' table: rank 1, 2, 3 each straight before its name, a longer legal form kept whole', async () => {
  const { notice } = await extractText('示例片区河道综合整治提升工程初步设计中标候选人公示发布时间：2020-11-2412:00中标候选人：排名单位名称报价（元）'
    + '1示例市市政工程设计研究院（集团）有限责任公司946000.002中国示例工程西北设计研究院有限公司958000.003示例科集团股份有限公司960000.00二、其他');
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]), [[1, '示例市市政工程设计研究院（集团）有限责任公司'], [2, '中国示例工程西北设计研究院有限公司'], [3, '示例科集团股份有限公司']]);
  const { notice: priced } = await extractText('2020年度材料采购【钢材】中标候选人公示排序中标候选人名称投标报价工期/交货期1石家庄示例科技有限公司￥301.959(万元)按合同约定2徐州示例物资贸易有限公司￥304.44(万元)按合同交货');
  assert.deepEqual(priced.candidates.map((c) => [c.rank, c.name]), [[1, '石家庄示例科技有限公司'], [2, '徐州示例物资贸易有限公司']]);
});

// shared real/misc-test_data_17 (大姚县): a sentence about the first candidate names no candidate.
test('a rank label that starts a sentence (第一成交候选人到…领取中标通知书) gives no candidate', async () => {
  const { notice } = await extractText('公示期满后请各标段第一成交候选人到云南示例工程咨询有限公司领取中标通知书，并办理相关事宜。\n');
  assert.deepEqual(notice.candidates, []);
});

test('page text saved as Markdown reads its pipe tables as tables: a result table\'s rows, a page\'s label | value | label | value rows (深圳地铁智能招采管理平台 STJC-2024-WZ2742, 2024)', async () => {
  const { notice } = await extractText('# 某某学校实验设备采购项目中标结果公告\n\n发布时间：2026-03-02\n\n## 一、项目编号：SZ2026-018\n\n## 三、中标信息\n\n'
    + '| 序号 | 中标供应商名称 | 中标供应商地址 | 中标金额（元） |\n| :--- | --- | --- | ---: |\n| 1 | 深圳市某某科技有限公司 | 深圳市南山区科技园1号 | 1,286,000.00 |\n');
  assert.deepEqual(notice.awards.map((a) => [a.suppliers.map((s) => [s.name, s.address]), a.value?.fen]), [
    [[['深圳市某某科技有限公司', '深圳市南山区科技园1号']], 128_600_000],
  ]);
  const { notice: tender } = await extractText('当前位置：网站首页[38] > 招标信息[39] > 招标公告[40]\n深圳某某2024-2025年度石材采购项目采购公告\n项目信息\n'
    + '项目名称 |  深圳某某2024-2025年度石材采购项目 | 项目编号 |  STJC-2024-WZ2742\n---|---|---|---\n项目地址 |  以甲方指定的地点为准 | 项目类型 |  货物\n'
    + '招标人信息\n招标人 |  深圳市某某交易集团有限公司 | 地址 |  广东省深圳市福田区某某大厦\n');
  assert.deepEqual([tender.project.name, tender.project.code, tender.buyer?.name], ['深圳某某2024-2025年度石材采购项目', 'STJC-2024-WZ2742', '深圳市某某交易集团有限公司']);
  // Without a rule line under a header, a pipe is a cell's end marker (工程名称 |) or text, never a table.
  const { doc } = await extractText('项目名称：甲 | 乙\n');
  assert.equal(doc.text, '项目名称：甲 | 乙\n');
  assert.equal(extractNotice(doc).project.name, '甲 | 乙');
});
