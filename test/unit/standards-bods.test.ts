// BODS 0.4 statements from graph rows: valid against the vendored schema, ids stable across runs,
// and read back by bidgraph's own BODS source as the same holdings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportHoldingRow } from '../../src/graph/exports.ts';
import { entityStatement, personStatement, relationshipStatement } from '../../src/standards/bods.ts';
import { parseBods } from '../../ingest/ownership/bods.ts';
import { readDocument } from '../../ingest/read/index.ts';
import { bodsErrors, skipUnlessStandardSchemas } from '../support/standards.ts';

const OPTS = { today: '2026-12-04', publisher: 'bidgraph', archiveBase: 'http://localhost:4000' };
const SASAC = { id: 'c:sasac', name: '国务院国有资产监督管理委员会', names: ['国务院国有资产监督管理委员会'], uscc: '11100000000019713D', address: null, kind: 'state', isBranch: false };
const CETC = { id: 'c:cetc', name: '中国电子科技集团有限公司', names: ['中国电子科技集团有限公司', '中国电子科技集团公司'], uscc: '91110000710929498G', address: '北京市海淀区万寿路27号', kind: 'enterprise', isBranch: false };
const DAHUA = { id: 'c:dahua', name: '浙江大华技术股份有限公司', names: ['浙江大华技术股份有限公司'], uscc: null, address: null, kind: 'enterprise', isBranch: false };
const FU = { id: 'p:fu', name: '傅利泉' };
const SHA = 'c'.repeat(64);

const OWNS: ExportHoldingRow = { ownerId: 'c:sasac', ownedId: 'c:cetc', share: 100, shareMin: 100, shareMax: 100, asOf: '2020-12-31', sha256: SHA };
const RANGE: ExportHoldingRow = { ownerId: 'p:fu', ownedId: 'c:dahua', share: null, shareMin: 25, shareMax: 50, asOf: null, sha256: SHA };

function statements() {
  return [entityStatement(SASAC, OPTS), entityStatement(CETC, OPTS), entityStatement(DAHUA, OPTS), personStatement(FU, OPTS), relationshipStatement(OWNS, OPTS), relationshipStatement(RANGE, OPTS)];
}

test('entities, persons and shareholdings are valid BODS 0.4', { skip: skipUnlessStandardSchemas }, () => {
  const all = statements() as Record<string, any>[];
  assert.deepEqual(bodsErrors(all), []);
  assert.deepEqual(all[0].recordDetails.entityType, { type: 'stateBody', details: 'state-asset owner' });
  assert.deepEqual(all[1].recordDetails.identifiers, [{ id: '91110000710929498G', scheme: 'CN-USCI', schemeName: '统一社会信用代码' }]);
  assert.deepEqual(all[1].recordDetails.alternateNames, ['中国电子科技集团公司']);
  assert.deepEqual(all[4].recordDetails, { isComponent: false, subject: 'c:cetc', interestedParty: 'c:sasac', interests: [{ type: 'shareholding', directOrIndirect: 'direct', share: { exact: 100 } }] });
  assert.equal(all[4].statementDate, '2020-12-31');
  assert.equal(all[4].source.url, `http://localhost:4000/documents/${SHA}`);
  assert.deepEqual(all[5].recordDetails.interests[0].share, { minimum: 25, maximum: 50 });
  assert.equal(all[5].statementDate, '2026-12-04', 'an undated holding is stated on the day of the export');
});

test('statement ids are the same on every run and change with the fact', () => {
  const a = statements().map((s) => s.statementId);
  const b = statements().map((s) => s.statementId);
  assert.deepEqual(a, b);
  assert.equal(new Set(a).size, a.length);
  for (const id of a) assert.match(String(id), /^[0-9a-f]{64}$/);
  assert.notEqual(relationshipStatement({ ...OWNS, share: 90, shareMin: 90, shareMax: 90 }, OPTS).statementId, a[4]);
  assert.equal(relationshipStatement(OWNS, { ...OPTS, today: '2030-01-01' }).statementId, a[4], 'the run date is no part of the id');
});

test('the schema check fails a statement id that is too short and an unknown interest type', { skip: skipUnlessStandardSchemas }, () => {
  const bad = statements() as Record<string, any>[];
  bad[0].statementId = 'abc';
  bad[4].recordDetails.interests[0].type = 'owns';
  const errors = bodsErrors(bad);
  assert.ok(errors.some((e) => e.startsWith('/0/statementId')), errors.join('\n'));
  assert.ok(errors.some((e) => e.startsWith('/4/recordDetails/interests/0/type')), errors.join('\n'));
});

test("bidgraph's BODS reader takes the export back as the same holdings", async () => {
  const doc = await readDocument('export.bods.json', Buffer.from(JSON.stringify(statements())));
  const { holdings, warnings } = parseBods(doc);
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    holdings.map((h) => [h.owner.name, h.owner.kind, h.owner.uscc, h.owned.name, h.owned.uscc, h.share, h.shareMin, h.shareMax, h.asOf]),
    [
      ['国务院国有资产监督管理委员会', 'state', '11100000000019713D', '中国电子科技集团有限公司', '91110000710929498G', 100, 100, 100, '2020-12-31'],
      ['傅利泉', 'person', null, '浙江大华技术股份有限公司', null, null, 25, 50, '2026-12-04'],
    ],
  );
});
