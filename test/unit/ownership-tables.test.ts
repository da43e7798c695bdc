import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument, readFile } from '../../ingest/read/index.ts';
import { repoRoot } from '../../src/config.ts';
import { annualReportSource, parseAnnualReport, reportSubject } from '../../ingest/ownership/annual-report.ts';
import { extractOwnership, ownershipSourceFor } from '../../ingest/ownership/index.ts';
import { parseRegistryExtract, registryExtractSource } from '../../ingest/ownership/registry-extract.ts';
import { readShare } from '../../ingest/ownership/share.ts';
import { kindFromNature } from '../../ingest/ownership/shareholders.ts';
import type { HoldingRecord } from '../../ingest/ownership/holding.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ownership');
const fixture = (name: string): string => path.join(fixtures, name);
const HIKVISION = '杭州海康威视数字技术股份有限公司';

const TOP_HOLDERS = [
  ['中电海康集团有限公司', 'enterprise', '国有法人', 36.35],
  ['龚虹嘉', 'person', '境外自然人', 10.4],
  ['香港中央结算有限公司', 'enterprise', '境外法人', 8],
  ['中电科投资控股有限公司', 'enterprise', '国有法人', 2.63],
  ['中国电子科技集团公司第五十二研究所', 'enterprise', '国有法人', 1.96],
  ['中国证券金融股份有限公司', 'enterprise', '国有法人', 0.64],
  ['中央汇金资产管理有限责任公司', 'enterprise', '国有法人', 0.51],
];

const summary = (holdings: HoldingRecord[]): unknown[] => holdings.map((h) => [h.owner.name, h.owner.kind, h.owner.nature, h.share]);

function assertSnippetsInText(text: string, holdings: HoldingRecord[]): void {
  for (const h of holdings) {
    const { snippet, offset } = h.source;
    assert.ok(snippet && typeof offset === 'number', `${h.owner.name}: no offset`);
    assert.equal(text.slice(offset, offset + snippet.length), snippet);
  }
}

test('annual report (HTML): the top-ten table of the report\'s company, at the period end', async () => {
  const doc = await readFile(fixture('hikvision-2021-annual-report.html'));
  assert.equal(ownershipSourceFor(doc)?.name, 'annual-report');
  const { holdings, warnings } = parseAnnualReport(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(summary(holdings), TOP_HOLDERS);
  for (const h of holdings) {
    assert.deepEqual(h.owned, { name: HIKVISION, uscc: '91330000733796106P', kind: null });
    assert.equal(h.asOf, '2021-12-31');
    assert.equal(h.source.sha256, doc.sha256);
  }
  assert.equal(holdings[0].source.snippet, '中电海康集团有限公司\t国有法人\t36.35%\t3,429,757,710\t0\t0\t3,429,757,710\t\t');
  // The reader writes the row the same way, so the snippet is found in the text at its offset.
  assertSnippetsInText(doc.text, holdings);
});

test('annual report (PDF text): tab-separated rows, a page marker, wrapped names', async () => {
  const doc = await readFile(fixture('hikvision-2021-annual-report.txt'));
  assert.equal(doc.html, null);
  assert.equal(annualReportSource.matches(doc), true);
  const { holdings, warnings } = parseAnnualReport(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(summary(holdings), TOP_HOLDERS);
  assert.equal(holdings[0].owned.name, HIKVISION);
  assert.equal(holdings[0].owned.uscc, null);
  assert.equal(holdings[4].source.snippet, '中国电子科技集团公司第五十二\t国有法人\t1.96%\t184,936,815\t0\t0\t184,936,815\n研究所');
  assertSnippetsInText(doc.text, holdings);
});

test('an annual report without its company in a title reads nothing and says why', async () => {
  const html = '<p>前十名股东持股情况</p><table><tr><td>股东名称</td><td>持股比例</td></tr><tr><td>甲公司</td><td>5%</td></tr></table>';
  const doc = await readDocument('untitled.html', Buffer.from(html));
  const { holdings, warnings } = parseAnnualReport(doc);
  assert.deepEqual(holdings, []);
  assert.deepEqual(warnings, ["untitled.html: title: the report's company and year (…公司2021年年度报告) were not found; nothing read"]);
});

test('annual report rows with bad shares are dropped or kept with warnings naming the row', async () => {
  const html = `<title>浙江丁电子股份有限公司2022年半年度报告</title>
    <p>前十名股东持股情况</p>
    <table>
      <tr><td>股东名称</td><td>股东性质</td><td>持股比例(%)</td><td>持股数量</td></tr>
      <tr><td>浙江丁控股有限公司</td><td>境内非国有法人</td><td>120.5</td><td>100</td></tr>
      <tr><td></td><td>境内自然人</td><td>3.2</td><td>100</td></tr>
      <tr><td>王五</td><td>境内自然人</td><td>45.5</td><td>100</td></tr>
      <tr><td>浙江丁电子股份有限公司回购专用证券账户</td><td>其他</td><td>1.1</td><td>100</td></tr>
      <tr><td>浙江丁电子股份有限公司</td><td>其他</td><td>0.5</td><td>100</td></tr>
      <tr><td>赵六</td><td>境内自然人</td><td>60</td><td>100</td></tr>
      <tr><td>合计</td><td></td><td>106.6</td><td>500</td></tr>
    </table>`;
  const doc = await readDocument('d.html', Buffer.from(html));
  const { holdings, warnings } = parseAnnualReport(doc);
  assert.deepEqual(warnings, [
    'd.html: row 2: share 120.5% is above 100% (浙江丁控股有限公司 in 浙江丁电子股份有限公司); row dropped',
    'd.html: row 3: owner name missing; row dropped',
    'd.html: row 6: 浙江丁电子股份有限公司 is listed as owning itself; row dropped',
    'd.html: row 4, row 5, row 7: shares in 浙江丁电子股份有限公司 add up to 106.6%, more than 100%; kept',
  ]);
  assert.deepEqual(summary(holdings), [
    ['王五', 'person', '境内自然人', 45.5],
    ['浙江丁电子股份有限公司回购专用证券账户', null, '其他', 1.1],
    ['赵六', 'person', '境内自然人', 60],
  ]);
  assert.equal(holdings[0].asOf, '2022-06-30');
});

test('registry extract (HTML): the subject company, its shareholders, the report date', async () => {
  const doc = await readFile(fixture('cethik-registry-extract.html'));
  assert.equal(ownershipSourceFor(doc)?.name, 'registry-extract');
  const { holdings, warnings } = parseRegistryExtract(doc);
  assert.deepEqual(warnings, []);
  assert.equal(holdings.length, 1);
  const [h] = holdings;
  assert.deepEqual(h.owner, { name: '中国电子科技集团有限公司', uscc: null, kind: 'enterprise', nature: '企业法人' });
  assert.deepEqual(h.owned, { name: '中电海康集团有限公司', uscc: null, kind: null });
  assert.equal(h.share, 100);
  assert.equal(h.asOf, '2022-03-15');
  assert.equal(h.source.snippet, '1\t中国电子科技集团有限公司\t企业法人\t66,000\t100%\t2016-08-05');
  assertSnippetsInText(doc.text, holdings);

  const cetc = extractOwnership(await readFile(fixture('cetc-registry-extract.html')));
  assert.equal(cetc?.source, 'registry-extract');
  // 机关法人 says nothing certain about the kind: the name rules decide (SASAC is a state owner).
  assert.deepEqual(cetc?.holdings.map((x) => [x.owner.name, x.owner.kind, x.owner.nature, x.owned.name, x.share]), [
    ['国务院国有资产监督管理委员会', null, '机关法人', '中国电子科技集团有限公司', 100],
  ]);
});

test('registry extract (text): label and value in separate cells, shareholder USCC column', async () => {
  const text = [
    '企业信用信息公示报告',
    '企业名称\t浙江戊科技有限公司\t统一社会信用代码\t91330000733796106P',
    '打印日期：2023年5月10日 10:21',
    '股东信息',
    '序号\t股东名称\t股东类型\t证照号码\t认缴出资额(万元)\t出资比例',
    '1\t浙江大华技术股份有限公司\t企业法人\t91330000727215176K\t600\t60%',
    '2\t钱 七\t自然人股东\t\t400\t40%',
    '以下无正文',
  ].join('\n');
  const doc = await readDocument('extract.txt', Buffer.from(text));
  assert.equal(registryExtractSource.matches(doc), true);
  assert.equal(annualReportSource.matches(doc), false);
  const { holdings, warnings } = parseRegistryExtract(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    holdings.map((h) => [h.owner.name, h.owner.uscc, h.owner.kind, h.share, h.owned.name, h.owned.uscc, h.asOf]),
    [
      ['浙江大华技术股份有限公司', '91330000727215176K', 'enterprise', 60, '浙江戊科技有限公司', '91330000733796106P', '2023-05-10'],
      ['钱七', null, 'person', 40, '浙江戊科技有限公司', '91330000733796106P', '2023-05-10'],
    ],
  );
});

test('kindFromNature: only what the word says for certain', () => {
  assert.equal(kindFromNature('境内自然人'), 'person');
  assert.equal(kindFromNature('境外自然人'), 'person');
  assert.equal(kindFromNature('自然人股东'), 'person');
  assert.equal(kindFromNature('非自然人股东'), null);
  assert.equal(kindFromNature('国有法人'), 'enterprise');
  assert.equal(kindFromNature('境内非国有法人'), 'enterprise');
  assert.equal(kindFromNature('国家'), 'state');
  assert.equal(kindFromNature('机关法人'), null);
  assert.equal(kindFromNature('其他'), null);
});

test('readShare: exact, ranges, open bounds, blanks, nonsense', () => {
  assert.deepEqual(readShare('36.35%'), { kind: 'share', share: 36.35, min: 36.35, max: 36.35, percentSign: true });
  assert.deepEqual(readShare('３６．３５％'), { kind: 'share', share: 36.35, min: 36.35, max: 36.35, percentSign: true });
  assert.deepEqual(readShare('8'), { kind: 'share', share: 8, min: 8, max: 8, percentSign: false });
  assert.deepEqual(readShare('25% - 50%'), { kind: 'share', share: null, min: 25, max: 50, percentSign: true });
  assert.deepEqual(readShare('>25%'), { kind: 'share', share: null, min: 25, max: null, percentSign: true });
  assert.deepEqual(readShare('≤5%'), { kind: 'share', share: null, min: null, max: 5, percentSign: true });
  assert.deepEqual(readShare('-2.63'), { kind: 'share', share: -2.63, min: -2.63, max: -2.63, percentSign: false });
  assert.deepEqual(readShare('—'), { kind: 'missing' });
  assert.deepEqual(readShare(''), { kind: 'missing' });
  assert.deepEqual(readShare('about 8'), { kind: 'invalid', text: 'about 8' });
});

test('reportSubject: company and period end from the title', () => {
  assert.deepEqual(reportSubject('杭州海康威视数字技术股份有限公司2021年年度报告'), { company: HIKVISION, periodEnd: '2021-12-31' });
  assert.deepEqual(reportSubject('浙江大华技术股份有限公司 2022 年半年度报告全文'), { company: '浙江大华技术股份有限公司', periodEnd: '2022-06-30' });
  assert.equal(reportSubject('关于召开股东大会的通知'), null);
});

test('a procurement notice is no ownership source', async () => {
  const doc = await readDocument('n.html', Buffer.from('<p>中标公告</p><p>中标供应商：杭州海康威视数字技术股份有限公司</p>'));
  assert.equal(extractOwnership(doc), null);
});

test('none of the real procurement notices is taken for an ownership source', { skip: skipUnlessShared('real') }, async () => {
  const corpus = sharedCorpus('real') ?? '';
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.html'));
  assert.equal(files.length, 55);
  for (const file of files) {
    const doc = await readFile(path.join(corpus, file));
    assert.equal(ownershipSourceFor(doc), null, file);
  }
});
