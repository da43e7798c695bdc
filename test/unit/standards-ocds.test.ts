// The OCDS mapping of one project as the export query returns it: parties and roles, USCC identifiers,
// tender, a consortium award and a failed lot, documents pointing at the archive; valid OCDS 1.1.5.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportProjectRow } from '../../src/graph/exports.ts';
import { ocidOf, PACKAGE_CLOSE, procurementMethod, projectRelease, releasePackageOpen } from '../../src/standards/ocds.ts';
import { releaseErrors, releasePackageErrors, skipUnlessStandardSchemas } from '../support/standards.ts';

const company = (id: string, name: string, uscc: string | null, kind = 'enterprise') => ({ id, name, names: [name], uscc, address: null, kind, isBranch: false });
const BUYER = company('c:buyer', '墨玉县公安局', null, 'public');
const AGENCY = company('c:agency', '新疆招标有限公司', null);
const HIK = company('c:hik', '杭州海康威视数字技术股份有限公司', '91330000733796106P');
const CCCC = company('c:cccc', '中国交通建设股份有限公司', null);

const ROW: ExportProjectRow = {
  project: { id: 'j:0123abcd', code: 'MYX-2017-PPP-01', name: '墨玉县视频监控PPP项目', method: '公开招标', contractModel: ['PPP'], budgetFen: 60000000000, status: 'awarded' },
  region: { code: '653222', name: '墨玉县', level: 'county' },
  buyer: BUYER,
  agency: AGENCY,
  awards: [
    {
      id: 'a:j:0123abcd:一', lot: '一', status: 'active', amountFen: 57000000000, currency: 'CNY', rateKind: null, ratePercent: null, date: '2017-09-01', dateKind: 'PUBLICATION', sha256: 'b'.repeat(64), snippet: null,
      suppliers: [{ ...HIK, role: 'lead' }, { ...CCCC, role: 'member' }],
    },
    { id: 'a:j:0123abcd:二', lot: '二', status: 'unsuccessful', amountFen: null, currency: null, rateKind: null, ratePercent: null, date: '2017-09-01', dateKind: 'PUBLICATION', sha256: 'b'.repeat(64), snippet: null, suppliers: [] },
  ],
  candidates: [{ ...HIK, rank: 1, bidAmountFen: 57000000000 }],
  documents: [
    { sha256: 'a'.repeat(64), path: 'samples/moyu-ppp-tender.html', url: null, retrievedAt: null, title: '墨玉县视频监控PPP项目招标公告', publishedAt: '2017-06-01', mediaType: 'text/html', noticeType: 'tender' },
    { sha256: 'b'.repeat(64), path: 'samples/moyu-ppp-award.html', url: 'http://www.ccgp.gov.cn/example.htm', retrievedAt: null, title: '墨玉县视频监控PPP项目中标公告', publishedAt: '2017-09-01', mediaType: 'text/html', noticeType: 'award' },
  ],
};

const OPTS = { prefix: 'ocds-bdgrph', archiveBase: 'http://localhost:4000/' };
const NOW = '2026-12-04T17:00:00Z';

test('a project becomes one release with its parties, tender, awards and documents', { skip: skipUnlessStandardSchemas }, () => {
  const r = projectRelease(ROW, OPTS, NOW) as Record<string, any>;
  assert.equal(r.ocid, 'ocds-bdgrph-j-0123abcd');
  assert.equal(r.id, 'ocds-bdgrph-j-0123abcd-2017-09-01');
  assert.equal(r.date, '2017-09-01T00:00:00+08:00');
  assert.deepEqual(r.tag, ['tender', 'award']);
  assert.deepEqual(r.buyer, { id: 'c:buyer', name: '墨玉县公安局' });
  assert.deepEqual(
    r.parties.map((p: any) => [p.id, p.roles]),
    [['c:buyer', ['buyer']], ['c:agency', ['procuringEntity']], ['c:hik', ['tenderer', 'supplier']], ['c:cccc', ['supplier']]],
  );
  assert.deepEqual(r.parties[2].identifier, { scheme: 'CN-USCI', id: '91330000733796106P', legalName: '杭州海康威视数字技术股份有限公司' });
  assert.equal(r.parties[3].identifier, undefined, 'no USCC, no identifier');
  assert.deepEqual(r.tender.value, { amount: 600000000, currency: 'CNY' });
  assert.equal(r.tender.procurementMethod, 'open');
  assert.equal(r.tender.procurementMethodDetails, '公开招标');
  assert.equal(r.tender.status, 'complete');
  assert.deepEqual(r.tender.procuringEntity, { id: 'c:agency', name: '新疆招标有限公司' });
  assert.deepEqual(r.awards[0].suppliers.map((s: any) => s.name), ['杭州海康威视数字技术股份有限公司', '中国交通建设股份有限公司']);
  assert.deepEqual(r.awards[0].value, { amount: 570000000, currency: 'CNY' });
  assert.equal(r.awards[0].status, 'active');
  assert.equal(r.awards[0].description, 'consortium led by 杭州海康威视数字技术股份有限公司');
  assert.deepEqual([r.awards[1].status, r.awards[1].value, r.awards[1].suppliers], ['unsuccessful', undefined, undefined]);
  assert.deepEqual(
    r.tender.documents.map((d: any) => [d.id, d.documentType, d.url]),
    [
      ['a'.repeat(64), 'tenderNotice', `http://localhost:4000/documents/${'a'.repeat(64)}`],
      ['b'.repeat(64), 'awardNotice', `http://localhost:4000/documents/${'b'.repeat(64)}`],
      [`${'b'.repeat(64)}-source`, 'awardNotice', 'http://www.ccgp.gov.cn/example.htm'],
    ],
  );
  assert.deepEqual(releaseErrors(r), []);
});

test('a compiled release is tagged compiled and valid; a release package around releases is valid', { skip: skipUnlessStandardSchemas }, () => {
  const compiled = projectRelease(ROW, OPTS, NOW, true);
  assert.deepEqual(compiled.tag, ['compiled']);
  assert.equal(compiled.id, 'ocds-bdgrph-j-0123abcd-compiled');
  assert.deepEqual(releaseErrors(compiled), []);
  const text = releasePackageOpen({ uri: 'urn:bidgraph:ocds:test', publishedDate: NOW, publisher: 'bidgraph' }) + JSON.stringify(projectRelease(ROW, OPTS, NOW)) + PACKAGE_CLOSE;
  const pkg = JSON.parse(text);
  assert.equal(pkg.version, '1.1');
  assert.equal(pkg.releases.length, 1);
  assert.deepEqual(releasePackageErrors(pkg), []);
});

test('the schema check fails a release without its ocid, and an amount given as text', { skip: skipUnlessStandardSchemas }, () => {
  const r = projectRelease(ROW, OPTS, NOW) as Record<string, any>;
  delete r.ocid;
  r.awards[0].value.amount = '570000000';
  const errors = releaseErrors(r);
  assert.ok(errors.some((e) => e.includes("required") && e.includes('ocid')), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('/awards/0/value/amount')), errors.join('\n'));
});

test('an undated project takes the run date; no method word, no procurementMethod', { skip: skipUnlessStandardSchemas }, () => {
  const row: ExportProjectRow = { ...ROW, project: { ...ROW.project, method: '竞争性磋商', budgetFen: null }, documents: [], awards: [], candidates: [] };
  const r = projectRelease(row, OPTS, NOW) as Record<string, any>;
  assert.equal(r.date, NOW);
  assert.equal(r.tender.procurementMethod, undefined);
  assert.equal(r.tender.procurementMethodDetails, '竞争性磋商');
  assert.deepEqual(r.tag, ['tender']);
  assert.deepEqual(releaseErrors(r), []);
  assert.deepEqual([procurementMethod('邀请招标'), procurementMethod('单一来源采购'), procurementMethod('询价')], ['selective', 'limited', null]);
  assert.equal(ocidOf('ocds-abc123', 'j:ff'), 'ocds-abc123-j-ff');
});
