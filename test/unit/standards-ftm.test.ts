// FollowTheMoney entities from graph rows, checked against the FtM model: a project with a consortium
// lot and a failed lot, a public buyer, and an ownership chain with an exact share and a range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportHoldingRow, ExportListingRow, ExportProjectRow } from '../../src/graph/exports.ts';
import type { ListEntryRow } from '../../src/graph/restrictions.ts';
import { parseDocument } from '../../ingest/workers/parse.ts';
import { companyEntity, ftmId, ownershipEntity, personEntity, projectEntities, sanctionEntities } from '../../src/standards/ftm.ts';
import { ftmProblems } from '../support/ftm-model.ts';

const OPTS = { archiveBase: 'http://localhost:4000', publisher: 'bidgraph' };
const company = (id: string, name: string, uscc: string | null, kind = 'enterprise') => ({ id, name, names: [name], uscc, address: null, kind, isBranch: false });
const BUYER = company('c:buyer', '墨玉县公安局', null, 'public');
const HIK = company('c:hik', '杭州海康威视数字技术股份有限公司', '91330000733796106P');
const CCCC = company('c:cccc', '中国交通建设股份有限公司', null);
const CETHIK = company('c:cethik', '中电海康集团有限公司', null);
const SHA = 'b'.repeat(64);

const ROW: ExportProjectRow = {
  project: { id: 'j:0123abcd', code: 'MYX-2017-PPP-01', name: '墨玉县视频监控PPP项目', method: '公开招标', contractModel: ['PPP'], budgetFen: 60000000000, status: 'awarded' },
  region: { code: '653222', name: '墨玉县', level: 'county' },
  buyer: BUYER,
  agency: null,
  awards: [
    { id: 'a:j:0123abcd:一', lot: '一', status: 'active', amountFen: 57000000000, currency: 'CNY', rateKind: null, ratePercent: null, date: '2017-09-01', dateKind: 'PUBLICATION', sha256: SHA, snippet: null, suppliers: [{ ...HIK, role: 'lead' }, { ...CCCC, role: 'member' }] },
    { id: 'a:j:0123abcd:二', lot: '二', status: 'unsuccessful', amountFen: null, currency: null, rateKind: null, ratePercent: null, date: '2017-09-01', dateKind: 'PUBLICATION', sha256: SHA, snippet: null, suppliers: [] },
  ],
  candidates: [],
  documents: [{ sha256: SHA, path: 'x.html', url: 'http://www.ccgp.gov.cn/example.htm', retrievedAt: null, title: 't', publishedAt: '2017-09-01', mediaType: 'text/html', noticeType: 'award' }],
};

test('a project gives a Contract, a ContractAward per consortium member, and its parties; valid FtM', () => {
  const { parties, entities } = projectEntities(ROW, OPTS);
  const partyEntities = parties.map((c) => companyEntity(c, OPTS));
  assert.deepEqual(ftmProblems([...partyEntities, ...entities]), []);
  assert.deepEqual(partyEntities.map((e) => [e.schema, e.properties.name[0]]), [['PublicBody', '墨玉县公安局'], ['Company', '杭州海康威视数字技术股份有限公司'], ['Company', '中国交通建设股份有限公司']]);
  assert.deepEqual(partyEntities[1].properties.registrationNumber, ['91330000733796106P']);
  const [contract, ...awards] = entities;
  assert.equal(contract.schema, 'Contract');
  assert.deepEqual(contract.properties.authority, [ftmId('c:buyer')]);
  assert.deepEqual(contract.properties.amount, ['600000000']);
  assert.deepEqual(awards.map((a) => [a.schema, a.properties.supplier[0], a.properties.role[0], a.properties.amount[0], a.properties.lotNumber[0]]), [
    ['ContractAward', ftmId('c:hik'), 'lead', '570000000', '一'],
    ['ContractAward', ftmId('c:cccc'), 'member', '570000000', '一'],
  ]);
  assert.equal(awards.length, 2, 'the failed lot has no winner and so no ContractAward');
});

test('Ownership with an exact share and a range, persons and companies; ids stable', () => {
  const fu = { id: 'p:fu', name: '傅利泉' };
  const exact: ExportHoldingRow = { ownerId: 'c:cethik', ownedId: 'c:hik', share: 36.35, shareMin: 36.35, shareMax: 36.35, asOf: '2021-12-31', sha256: SHA };
  const range: ExportHoldingRow = { ownerId: 'p:fu', ownedId: 'c:hik', share: null, shareMin: 25, shareMax: 50, asOf: null, sha256: null };
  const entities = [companyEntity(CETHIK, OPTS), companyEntity(HIK, OPTS), personEntity(fu, OPTS), ownershipEntity(exact, OPTS), ownershipEntity(range, OPTS)];
  assert.deepEqual(ftmProblems(entities), []);
  assert.deepEqual(entities[3].properties, { owner: [ftmId('c:cethik')], asset: [ftmId('c:hik')], percentage: ['36.35'], date: ['2021-12-31'], sourceUrl: [`http://localhost:4000/documents/${SHA}`], publisher: ['bidgraph'] });
  assert.deepEqual(entities[4].properties.percentage, ['25-50']);
  assert.equal(ownershipEntity(exact, OPTS).id, entities[3].id);
  assert.match(entities[0].id, /^bg-[0-9a-f]{40}$/);
});

test('the model check catches a missing required property, an unknown property and a dangling reference', () => {
  const problems = ftmProblems([
    { id: 'x1', schema: 'Ownership', properties: { owner: ['nowhere'] } },
    { id: 'x2', schema: 'Company', properties: { name: ['甲公司'], shareholders: ['乙'] } },
  ]);
  assert.deepEqual(problems, ['x1: Ownership requires asset', 'x1: owner refers to nowhere, which is not exported', 'x2: Company has no property shareholders']);
});

const entry = (extra: Partial<ListEntryRow>): ListEntryRow => ({
  id: 'csl:x',
  list: 'us_bis_entity_list',
  listTitle: null,
  programmes: null,
  name: null,
  names: null,
  addresses: null,
  identifiers: null,
  listedOn: null,
  delistedOn: null,
  endedOn: null,
  sha256: null,
  notes: null,
  ...extra,
});

test('a Sanction per listing of a company: programme, dates, the list file, how the entry was tied to it; valid FtM', () => {
  const row: ExportListingRow = {
    companyId: 'c:hik',
    listings: [
      {
        entry: entry({ id: 'csl:el-1', listTitle: 'Entity List (EL) - Bureau of Industry and Security', name: 'Hangzhou Hikvision Digital Technology Co. Ltd.', listedOn: '2019-10-09', sha256: SHA }),
        matchedBy: 'name-link',
        evidence: 'Hikvision annual report (English edition)',
      },
      { entry: entry({ id: 'ofac:9999', list: 'us_ofac_ns_cmic', programmes: ['CMIC-EO13959'], listedOn: '2021-06-03', delistedOn: '2024-02-01' }), matchedBy: 'uscc', evidence: null },
    ],
  };
  const sanctions = sanctionEntities(row, OPTS);
  assert.deepEqual(ftmProblems([companyEntity(HIK, OPTS), ...sanctions]), []);
  assert.deepEqual(sanctions, [
    {
      id: ftmId('sanction:csl:el-1>c:hik'),
      schema: 'Sanction',
      properties: {
        entity: [ftmId('c:hik')],
        program: ['Entity List (EL) - Bureau of Industry and Security'],
        recordId: ['csl:el-1'],
        startDate: ['2019-10-09'],
        status: ['listed'],
        summary: ['listed as Hangzhou Hikvision Digital Technology Co. Ltd.'],
        description: ['linked to the company by name-link: Hikvision annual report (English edition)'],
        sourceUrl: [`http://localhost:4000/documents/${SHA}`],
        publisher: ['bidgraph'],
      },
    },
    {
      id: ftmId('sanction:ofac:9999>c:hik'),
      schema: 'Sanction',
      properties: {
        entity: [ftmId('c:hik')],
        program: ['us_ofac_ns_cmic'],
        programId: ['CMIC-EO13959'],
        recordId: ['ofac:9999'],
        startDate: ['2021-06-03'],
        endDate: ['2024-02-01'],
        status: ['delisted'],
        description: ['linked to the company by uscc'],
        publisher: ['bidgraph'],
      },
    },
  ]);
  assert.deepEqual(ftmProblems(sanctions), [`${sanctions[0].id}: entity refers to ${ftmId('c:hik')}, which is not exported`, `${sanctions[1].id}: entity refers to ${ftmId('c:hik')}, which is not exported`]);
});

test('an FtM export re-ingested is refused with its reason, not taken for a restriction list; an OpenSanctions line still is one', async () => {
  const exported = [companyEntity(HIK, OPTS), ...sanctionEntities({ companyId: 'c:hik', listings: [{ entry: entry({ id: 'csl:el-1', listedOn: '2019-10-09' }), matchedBy: 'uscc', evidence: null }] }, OPTS)];
  const outcome = await parseDocument('export.ftm.jsonl', Buffer.from(exported.map((e) => JSON.stringify(e)).join('\n') + '\n'));
  assert.deepEqual(outcome, {
    ok: false,
    reason:
      'FollowTheMoney entities without datasets, target or caption: not a restriction list (OpenSanctions files mark their datasets and listed targets). ' +
      'It looks like an FtM export of a graph such as `bidgraph export ftm` writes; bidgraph reads FtM only as a list, so it is not loaded. ' +
      'Ingest the notices, ownership files or OCDS/BODS exports instead.',
  });
  const listed = { ...exported[0], target: true, datasets: ['us_bis_entity_list'] };
  const list = await parseDocument('entities.ftm.json', Buffer.from(JSON.stringify(listed) + '\n'));
  assert.equal(list.ok, true);
  assert.equal(list.ok && list.parsed.kind, 'list');
});
