// Buyer, agency and project from the title lines and the opening sentence, when no field names them,
// and only where the page itself confirms the split. Real lines from the corpus and realistic variants.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../src/config.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import { evidencePath, type Notice } from '../../ingest/extract/notice.ts';
import type { ReadDocument } from '../../ingest/read/document.ts';
import { readFile } from '../../ingest/read/index.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const corpusDir = sharedCorpus('real') ?? '';
const skip = skipUnlessShared('real');

function doc(text: string): ReadDocument {
  return { path: 't', sha256: '0', mediaType: 'text/plain', encoding: 'utf-8', html: null, text, pages: null, warnings: [] };
}

function evidenceOf(n: Notice, field: string): string | undefined {
  return n.evidence.find((e) => evidencePath(e) === field)?.text;
}

async function corpus(file: string): Promise<Notice> {
  assert.ok(fs.existsSync(path.join(corpusDir, file)), file);
  return extractNotice(await readFile(path.join(corpusDir, file)));
}

test('buyer on a heading line of its own, project on the next, confirmed by the body (misc-test_2)', { skip }, async () => {
  const n = await corpus('misc-test_2.html');
  assert.equal(n.buyer?.name, '重庆市市政管理委员会');
  assert.equal(n.project.name, '公务员干部人事管理信息系统市政分节点建设');
  assert.equal(n.region?.code, '500000');
  // Without the body repeating buyer and project together, the split is not taken.
  const bare = extractNotice(doc('重庆市市政管理委员会\n公务员干部人事管理信息系统市政分节点建设\n采购结果公告\n成交供应商：重庆网安信息技术有限公司'));
  assert.equal(bare.buyer, null);
  assert.equal(bare.project.name, null);
});

test('[buyer][project from a field][kind] in the title names the buyer (misc-test_data_13)', { skip }, async () => {
  const n = await corpus('misc-test_data_13.html');
  assert.equal(n.buyer?.name, '山西省财政厅');
  assert.equal(evidenceOf(n, 'buyer.name'), '山西省财政厅');
  // An agency in front of the project is not a buyer.
  const agencyFirst = extractNotice(doc('广西云龙招标有限公司崇左市人民医院门诊楼工程中标公告\n项目名称：崇左市人民医院门诊楼工程\n中标人：广西建工集团第一建筑工程有限责任公司'));
  assert.equal(agencyFirst.buyer, null);
  // Words in front of the project that are no organisation are not a buyer either.
  const year = extractNotice(doc('2016年度和田地区道路维修工程中标公告\n项目名称：和田地区道路维修工程\n中标人：新疆北新路桥集团股份有限公司'));
  assert.equal(year.buyer, null);
});

test('project from a title the body repeats; not from a platform name (cqgp-376668808720433152)', { skip }, async () => {
  assert.equal((await corpus('misc-test_data_17.html')).project.name, '大姚县农村土地承包经营权确权登记颁证采购项目');
  assert.equal((await corpus('misc-test_data_6.html')).project.name, '2016年中国联通重庆内网安全扩容工程恶意代码检测设备采购');
  assert.equal((await corpus('misc-test_data_21.html')).project.name, '武清区泗村店泵站更新改造工程施工监理');
  // 重庆政府采购电子交易平台成交公告: the body repeats the platform's name, which is no project.
  assert.equal((await corpus('cqgp-376668808720433152.html')).project.name, null);
  // A title the body never repeats still names the project when it holds no party's name…
  const once = extractNotice(doc('墨玉县视频监控建设项目中标公告\n中标人：杭州海康威视数字技术股份有限公司'));
  assert.equal(once.project.name, '墨玉县视频监控建设项目');
  // …but not when an organisation stands in it: where its project starts is unsure.
  const agency = extractNotice(doc('示例招标代理有限公司墨玉县视频监控建设项目中标公告\n中标人：杭州海康威视数字技术股份有限公司'));
  assert.equal(agency.project.name, null);
});

test('intro sentences: 对X项目（项目编号…）, 关于我司代理的X磋商项目, and the sign-off of 我司', { skip }, async () => {
  // The name keeps its 项目, as printed; a method before it (…国内竞争性磋商项目) is no part of it.
  const one = await corpus('misc-test_1.html');
  assert.equal(one.project.name, '办公家具项目');
  const twenty = await corpus('misc-test_data_20.html');
  assert.equal(twenty.project.name, '淮北市人民医院采购存储备份一体机');
  assert.equal(twenty.buyer?.name, '淮北市人民医院', '[buyer]采购[goods]');
  assert.equal(twenty.agency?.name, '安徽省利信工程项目管理有限公司', 'the sign-off of 我司');
  // [words]采购[goods] where the words are no public body: no buyer.
  const goods = extractNotice(doc('关于我司代理的办公家具采购项目（项目编号：HT-2016-1）经评审，现确定成交结果如下：\n成交供应商：甲家具有限公司'));
  assert.equal(goods.project.name, '办公家具采购项目');
  assert.equal(goods.buyer, null);
  assert.equal(goods.agency, null, 'no sign-off above a date');
});

test('"YY（采购人）" and "ZZ（采购代理机构）" in an opening sentence', () => {
  const n = extractNotice(doc([
    '墨玉县教育局学生课桌椅采购项目成交公告',
    '本项目由墨玉县教育局（采购人）委托新疆天诚招标代理有限公司（采购代理机构）以竞争性谈判方式组织采购，现将结果公告如下：',
    '成交供应商：和田市顺达家具有限公司',
  ].join('\n')));
  assert.equal(n.buyer?.name, '墨玉县教育局');
  assert.equal(n.agency?.name, '新疆天诚招标代理有限公司');
  assert.equal(n.region?.code, '653222');
});

test('the title is read for the region, without the agency\'s name in it', () => {
  const lines = (title: string) => extractNotice(doc([
    title,
    '采购人：师范学院',
    '采购代理机构：重庆天骄工程项目管理有限公司',
    '成交供应商：新疆华美科技有限公司',
  ].join('\n')));
  assert.equal(lines('重庆天骄工程项目管理有限公司师范学院设备采购结果公告').region, null);
  assert.equal(lines('昌吉市师范学院设备采购结果公告').region?.code, '652301');
});
