// OCDS in, on small hand-built files (test/fixtures/ocds): a release package with lots, a consortium, a
// failed lot and unsuccessful awards; JSON Lines of compiled releases with broken lines; a record package;
// bidgraph's own export. Every fact's evidence is the exact slice of the file it was read from.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evidencePath, type Notice } from '../../ingest/extract/notice.ts';
import { readDocument, readFile, type ReadDocument } from '../../ingest/read/index.ts';
import { extractNotices } from '../../ingest/standards/index.ts';
import { parseDocument } from '../../ingest/workers/parse.ts';
import type { ExportProjectRow } from '../../src/graph/exports.ts';
import { PACKAGE_CLOSE, projectRelease, releasePackageOpen } from '../../src/standards/ocds.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ocds');

async function read(name: string): Promise<{ doc: ReadDocument; notices: Notice[]; warnings: string[]; title: string | null }> {
  const doc = await readFile(path.join(dir, name));
  const x = extractNotices(doc);
  assert.ok(x, `${name} is recognised as OCDS`);
  assert.equal(x.source, 'ocds');
  for (const n of x.notices) {
    for (const e of n.evidence) assert.equal(doc.text.slice(e.start, e.end), e.text, `${name}: ${evidencePath(e)} is a slice of the file`);
    assert.equal(n.source.sha256, doc.sha256);
  }
  return { doc, ...x };
}

const awardsOf = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.value?.fen ?? null, a.suppliers.map((s) => [s.name, s.role, s.uscc])]);
const snippet = (n: Notice, field: string) => n.evidence.find((e) => evidencePath(e) === field)?.text;

test('a release package: buyer, agency, tender, lots with their winners and amounts, decision dates', async () => {
  const { notices, title } = await read('release-package.json');
  assert.equal(title, 'OCDS release package of 某市公共资源交易中心, 3 releases');
  const [won, failedLot] = notices;
  assert.equal(won.noticeType, 'award');
  assert.deepEqual(won.project, { name: '平安城市视频监控建设项目', code: 'ZB-2021-001', method: '公开招标', contractModel: [] });
  assert.deepEqual(won.buyer, { name: '某市公安局', address: '某市人民路1号' });
  assert.deepEqual(won.agency, { name: '某某招标代理有限公司', address: null });
  assert.deepEqual(won.budget, { fen: 1200000000, currency: 'CNY' });
  assert.deepEqual([won.publishedAt, won.decisionDate], ['2021-03-01', '2021-02-25']);
  assert.deepEqual(awardsOf(won), [
    ['第一包 前端设备', 'active', 568000050, [['浙江大华技术股份有限公司', 'sole', '91330000727215176K']]],
    ['第二包 平台软件', 'active', 420000000, [['中国交通建设股份有限公司', 'member', null], ['杭州海康威视数字技术股份有限公司', 'lead', '91330000733796106P']]],
  ]);
  assert.equal(snippet(won, 'awards[0].value'), '"amount": 5680000.5');
  assert.equal(snippet(won, 'awards[1].suppliers[1].name'), '"name": "杭州海康威视数字技术股份有限公司"');
  assert.equal(snippet(won, 'awards[0].suppliers[0].uscc'), '"id": "91330000727215176K"');
  assert.equal(snippet(won, 'awards[0].date'), '"date": "2021-02-25T00:00:00+08:00"');
  assert.equal(snippet(won, 'buyer.name'), '"name": "某市公安局"');
  // The failed lot's award, undated, is a notice of its own (a Notice has one decision date): no winner.
  assert.deepEqual(awardsOf(failedLot), [['第三包 运维服务', 'unsuccessful', null, []]]);
  assert.equal(snippet(failedLot, 'awards[0].status'), '"status": "unsuccessful"');
  assert.deepEqual([failedLot.decisionDate, failedLot.budget], [null, null]);
});

test('an unsuccessful award, a failed lot and a pending award never give a winner; bad parts are named', async () => {
  const { notices, warnings } = await read('release-package.json');
  const failed = notices.find((n) => n.project.name === '教学设备采购')!;
  assert.equal(failed.project.code, null, 'a tender id that repeats the ocid is no procurement number');
  assert.deepEqual(awardsOf(failed), [[null, 'unsuccessful', null, []]]);
  assert.deepEqual(failed.candidates, [{ rank: null, name: '某某科技有限公司', bid: null }]);
  const usd = notices.find((n) => n.project.name === '进口实验仪器采购')!;
  assert.deepEqual(awardsOf(usd), [[null, 'active', null, [['某某科技有限公司', 'sole', null]]]]);
  const winners = notices.flatMap((n) => n.awards.flatMap((a) => a.suppliers.map((s) => s.name)));
  assert.ok(!winners.includes('不应中标有限公司'), 'the element without an ocid gives nothing');
  assert.equal(winners.filter((w) => w === '中国交通建设股份有限公司').length, 1, 'only for the lot it won, not for the failed lot');
  const file = path.join(dir, 'release-package.json');
  assert.deepEqual(warnings, [
    `${file}: release ocds-zzzzzz-2021-001-award-1 at releases[0]: award AW-3 is active but its lot L3 is unsuccessful; read as unsuccessful, no winner`,
    `${file}: release ocds-zzzzzz-2021-002-award-1 at releases[1]: award AW-10 is pending, not a result; left out`,
    `${file}: release ocds-zzzzzz-2021-003-award-1 at releases[2]: award AW-11: value in USD, not yuan; left out`,
    `${file}: release ocds-zzzzzz-2021-003-award-1 at releases[2]: "91330000727215176X" is given as a CN-USCI identifier but is no valid 统一社会信用代码; left out`,
    `${file}: releases[3]: not an OCDS release (no ocid, or no parties, buyer, tender or awards); skipped`,
  ]);
});

test('JSON Lines of compiled releases: a cut-off line and a line that is no object are named, the rest read', async () => {
  const { notices, warnings, title } = await read('compiled-releases.jsonl');
  assert.equal(title, 'OCDS JSON Lines, 2 releases');
  assert.deepEqual(notices.map((n) => [n.noticeType, n.project.code, n.publishedAt, n.decisionDate]), [
    ['award', 'ZB-2020-101', '2020-06-30', '2020-06-28'],
    ['tender', 'ZB-2020-103', '2020-07-15', null],
  ]);
  assert.deepEqual(awardsOf(notices[0]), [[null, 'active', 986000000, [['杭州海康威视数字技术股份有限公司', 'sole', '91330000733796106P']]]]);
  assert.equal(notices[1].budget, null);
  const file = path.join(dir, 'compiled-releases.jsonl');
  assert.deepEqual(warnings, [
    `${file}: line 2: not valid JSON (UnexpectedEndOfString at column 76)`,
    `${file}: line 3: not a JSON object`,
    `${file}: release ocds-zzzzzz-2020-103-compiled at line 4: tender: amount "800000" is not a number; left out`,
  ]);
});

test('a record package gives its compiled release; a linked release is not read', async () => {
  const { notices, warnings, title } = await read('record-package.json');
  assert.equal(title, 'OCDS record package of another portal, 1 release');
  assert.deepEqual(warnings, []);
  assert.equal(notices.length, 1);
  assert.deepEqual(awardsOf(notices[0]), [[null, 'active', 986000000, [['杭州海康威视数字技术股份有限公司', 'sole', '91330000733796106P']]]]);
  assert.equal(snippet(notices[0], 'awards[0].suppliers[0].name'), '"name":"杭州海康威视数字技术股份有限公司"', "the supplier reference has no name: the party's is cited");
});

test('a release package cut off in the middle keeps the releases before the cut', async () => {
  const text = (await readFile(path.join(dir, 'release-package.json'))).text;
  const cut = text.slice(0, text.indexOf('"ocid": "ocds-zzzzzz-2021-002"') + 10);
  const doc = await readDocument('cut.json', Buffer.from(cut));
  const x = extractNotices(doc)!;
  assert.deepEqual(x.notices.map((n) => n.project.code), ['ZB-2021-001', 'ZB-2021-001']);
  assert.match(x.warnings[0], /^cut\.json: line \d+: not valid JSON \(\w+ at column \d+\); what comes before it is read$/);
});

const company = (id: string, name: string, uscc: string | null, kind = 'enterprise') => ({ id, name, names: [name], uscc, address: null, kind, isBranch: false });
const ROW: ExportProjectRow = {
  project: { id: 'j:0123abcd', code: null, name: '墨玉县视频监控PPP项目', method: '公开招标', contractModel: ['PPP'], budgetFen: 60000000000, status: 'awarded' },
  region: { code: '653222', name: '墨玉县', level: 'county' },
  buyer: company('c:buyer', '墨玉县公安局', null, 'public'),
  agency: company('c:agency', '新疆招标有限公司', null),
  awards: [
    { id: 'a:j:0123abcd:一', lot: '一', status: 'active', amountFen: 57000000000, currency: 'CNY', rateKind: null, ratePercent: null, date: '2017-09-01', dateKind: 'publication', sha256: null, snippet: null, suppliers: [{ ...company('c:hik', '杭州海康威视数字技术股份有限公司', '91330000733796106P'), role: 'lead' }, { ...company('c:cccc', '中国交通建设股份有限公司', null), role: 'member' }] },
    { id: 'a:j:0123abcd:二', lot: '二', status: 'unsuccessful', amountFen: null, currency: null, rateKind: null, ratePercent: null, date: '2017-09-01', dateKind: 'publication', sha256: null, snippet: null, suppliers: [] },
  ],
  candidates: [],
  documents: [],
};

test("bidgraph's own export reads back: region, contract model, consortium roles, and a publication date stays one", async () => {
  const NOW = '2026-12-04T00:00:00Z';
  const text = releasePackageOpen({ uri: 'urn:test', publishedDate: NOW, publisher: 'bidgraph' }) + JSON.stringify(projectRelease(ROW, { prefix: 'ocds-bdgrph', archiveBase: 'http://localhost:4000' }, NOW)) + PACKAGE_CLOSE;
  const outcome = await parseDocument('export.ocds.json', Buffer.from(text));
  assert.ok(outcome.ok && outcome.parsed.kind === 'notices');
  assert.deepEqual(outcome.parsed.warnings, []);
  const [n] = outcome.parsed.notices;
  assert.equal(outcome.parsed.notices.length, 1);
  assert.deepEqual(n.project, { name: '墨玉县视频监控PPP项目', code: null, method: '公开招标', contractModel: ['PPP'] });
  assert.deepEqual([n.buyer?.name, n.agency?.name, n.region?.code, n.budget?.fen], ['墨玉县公安局', '新疆招标有限公司', '653222', 60000000000]);
  assert.deepEqual([n.publishedAt, n.decisionDate], ['2017-09-01', null], 'the export says the award date is a publication date');
  assert.deepEqual(awardsOf(n), [
    ['一', 'active', 57000000000, [['杭州海康威视数字技术股份有限公司', 'lead', '91330000733796106P'], ['中国交通建设股份有限公司', 'member', null]]],
    ['二', 'unsuccessful', null, []],
  ]);
});

test('ingest routes OCDS to notices; BODS stays holdings, and JSON with releases but no ocid is no OCDS', async () => {
  const bods = await parseDocument('x.json', Buffer.from(JSON.stringify([{ statementId: 'x'.repeat(32), recordId: 'e1', recordType: 'entity', recordDetails: { name: 'A' } }])));
  assert.ok(bods.ok && bods.parsed.kind === 'holdings');
  const notOcds = await parseDocument('releases.json', Buffer.from(JSON.stringify({ releases: [{ tag_name: 'v1.0', name: 'first release' }] })));
  assert.ok(notOcds.ok && notOcds.parsed.kind === 'notice', 'a JSON file with "releases" but no ocid is no OCDS');
});
