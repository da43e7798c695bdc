// Each restriction-list format on small files built from its documented fields: identifiers in
// Remarks, aliases, side files, a malformed row named in the warnings with the rest loaded, and a
// delisting when a newer copy lacks an entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from '../../ingest/read/index.ts';
import { extractList, listSourceFor } from '../../ingest/lists/index.ts';
import { readRemarks } from '../../ingest/lists/remarks.ts';
import { splitListedName } from '../../ingest/lists/names.ts';
import { planListFile, type EntryState } from '../../ingest/load/list-plan.ts';
import { extractOwnership } from '../../ingest/ownership/index.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/lists');
const fixture = (name: string) => path.join(dir, name);
const read = async (name: string) => {
  const doc = await readFile(fixture(name));
  const x = extractList(doc);
  assert.ok(x, `${name} is recognised as a list`);
  return x;
};
const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));

test('Remarks: USCC under both OFAC spellings, ISIN, ticker, listing date; a bad check character is refused', () => {
  const hik = readRemarks('Equity Ticker 002415 CN; Issuer Name Hangzhou Hikvision Digital Technology; ISIN CNE100000PM8; Target Type Public Company; Effective Date (CMIC) 02 Aug 2021; Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022; Listing Date (CMIC) 03 Jun 2021; Unified Social Credit Code (USCC) 91330000733796106P (China).');
  assert.deepEqual(hik.identifiers, [
    { type: 'Equity Ticker', value: '002415', country: 'CN' },
    { type: 'ISIN', value: 'CNE100000PM8', country: null },
    { type: 'USCC', value: '91330000733796106P', country: 'China' },
  ]);
  assert.equal(hik.listedOn, '2021-06-03');
  assert.equal(hik.effectiveOn, '2021-08-02');
  const cetc = readRemarks('United Social Credit Code Certificate (USCCC) 91110000710929498G (China).');
  assert.deepEqual(cetc.identifiers, [{ type: 'USCC', value: '91110000710929498G', country: 'China' }]);
  const wrong = readRemarks('Unified Social Credit Code (USCC) 91330000733796106X (China)');
  assert.deepEqual(wrong.identifiers, []);
  assert.equal(wrong.problems.length, 1);
});

test('Entity List names: notes split off, acronyms kept as aliases', () => {
  assert.deepEqual(splitListedName('China Electronics Technology Group Corporation 13th Research Institute (CETC 13).  Subordinate Institution - Hebei Sinopack Electronics'), {
    name: 'China Electronics Technology Group Corporation 13th Research Institute',
    aliases: ['CETC 13'],
    notes: ['Subordinate Institution - Hebei Sinopack Electronics'],
  });
  assert.deepEqual(splitListedName('Guangzhou Hongyu Technology Co., Ltd. (a subordinate institute of CETC-7)'), {
    name: 'Guangzhou Hongyu Technology Co., Ltd.',
    aliases: [],
    notes: ['a subordinate institute of CETC-7'],
  });
});

test('CSL JSON: lists by source name, aliases split on "; ", USCC from remarks, the nameless record named', async () => {
  const x = await read('csl.json');
  assert.equal(x.source, 'csl-json');
  assert.deepEqual(x.covers, { feed: 'csl', lists: ['us_bis_entity_list', 'us_ofac_ns_cmic'] });
  assert.deepEqual(x.warnings, [`${fixture('csl.json')}: results[3]: no name; row skipped`]);
  const e = byId(x.entries);
  assert.equal(x.entries.length, 3);
  const el = e.get('csl:el-hikvision-2019')!;
  assert.equal(el.list, 'us_bis_entity_list');
  assert.equal(el.listedOn, '2019-10-09');
  assert.deepEqual(el.aliases, ['Hikvision', 'Hangzhou Hikvision']);
  assert.deepEqual(el.addresses, ['No. 555 Qianmo Road, Binjiang District, Hangzhou, Zhejiang, 310052, CN']);
  const cmic = e.get('csl:cmic-30946')!;
  assert.equal(cmic.list, 'us_ofac_ns_cmic');
  assert.deepEqual(cmic.programmes, ['CMIC-EO13959']);
  assert.equal(cmic.listedOn, '2021-06-03');
  assert.deepEqual(cmic.identifiers.map((i) => `${i.type} ${i.value}`), ['ISIN CNE100000PM8', 'USCC 91330000733796106P']);
  assert.equal(e.get('csl:el-cetc13')!.name, 'China Electronics Technology Group Corporation 13th Research Institute');
});

test('CSL CSV: columns by header name, ";"-separated cells, a short row named and the rest loaded', async () => {
  const x = await read('csl.csv');
  assert.equal(x.source, 'csl-csv');
  assert.deepEqual(x.warnings, [`${fixture('csl.csv')}: line 5: 3 fields where the header has 29; row skipped`]);
  assert.deepEqual(x.entries.map((e) => [e.id, e.list, e.name]), [
    ['csl:el-dahua', 'us_bis_entity_list', 'Zhejiang Dahua Technology Co. Ltd.'],
    ['csl:el-moyu', 'us_bis_entity_list', 'Moyu Haishi Electronic Technology Co.'],
    ['csl:cmic-30936', 'us_ofac_ns_cmic', 'CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION'],
  ]);
  const [dahua, moyu, cetc] = x.entries;
  assert.deepEqual(dahua.aliases, ['Dahua', 'Zhejiang Dahua']);
  assert.deepEqual(moyu.notes, ['and any successor, sub-unit, or subsidiary thereof']);
  assert.deepEqual(cetc.aliases, ['CETC']);
  assert.deepEqual(cetc.identifiers, [{ type: 'USCC', value: '91110000710929498G', country: 'China' }]);
});

test('OFAC legacy CSV: no header, -0- as empty, NS-CMIC by programme, the short row named', async () => {
  const x = await read('cons_prim.csv');
  assert.equal(x.source, 'ofac-csv');
  assert.deepEqual(x.covers, { feed: 'ofac', lists: ['us_ofac_ns_cmic'] });
  assert.deepEqual(x.warnings, [`${fixture('cons_prim.csv')}: line 3: not a list row (4 fields, expected 12 starting with an entity number); skipped`]);
  const [cetc, hik] = x.entries;
  assert.equal(cetc.id, 'ofac:30936');
  assert.equal(cetc.entityType, 'Entity');
  assert.deepEqual(cetc.identifiers, [{ type: 'USCC', value: '91110000710929498G', country: 'China' }]);
  assert.equal(hik.id, 'ofac:30946');
  assert.equal(hik.name, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
  assert.equal(hik.listedOn, '2021-06-03');
  assert.ok(hik.identifiers.some((i) => i.type === 'USCC' && i.value === '91330000733796106P'));
});

test('OFAC side files attach aliases, addresses and remarks to ofac:<ent_num>', async () => {
  const alt = await read('cons_alt.csv');
  assert.equal(alt.covers, null);
  assert.deepEqual(alt.entries.map((e) => [e.id, e.list, e.aliases]), [
    ['ofac:30936', null, ['CETC']],
    ['ofac:30946', null, ['HIKVISION', 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY COMPANY LIMITED']],
  ]);
  const add = await read('cons_add.csv');
  assert.deepEqual(add.entries.map((e) => e.addresses), [['No. 27 Wanshou Road, Haidian District, Beijing, China'], ['No. 555 Qianmo Road, Binjiang District, Hangzhou, Zhejiang, China']]);
  const comments = await read('cons_comments.csv');
  assert.deepEqual(comments.entries[0].identifiers, [{ type: 'Registration Number', value: '330000000002337', country: 'China' }]);
});

test('OpenSanctions FtM: targets of organisation schemas per dataset, uscCode and a USCC in registrationNumber, Sanction dates, the broken line named', async () => {
  const x = await read('entities.ftm.json');
  assert.equal(x.source, 'ftm');
  assert.deepEqual(x.warnings, [
    `${fixture('entities.ftm.json')}: line 5: not JSON; skipped`,
    `${fixture('entities.ftm.json')}: 1 listed person(s) not loaded (bidgraph matches organisations only)`,
  ]);
  const [hik, cetc] = x.entries;
  assert.equal(hik.id, 'opensanctions:us_ofac_cons:NK-hikvision');
  assert.equal(hik.list, 'opensanctions:us_ofac_cons');
  assert.equal(hik.listedOn, '2021-06-03');
  assert.deepEqual(hik.aliases, ['杭州海康威视数字技术股份有限公司', 'HIKVISION']);
  assert.deepEqual(hik.identifiers, [{ type: 'USCC', value: '91330000733796106P' }]);
  assert.deepEqual(cetc.identifiers, [{ type: 'USCC', value: '91110000710929498G' }]);
});

test('name links: name, alias and source; a row without an alias named', async () => {
  const x = await read('name-links.csv');
  assert.equal(x.source, 'name-links');
  assert.deepEqual(x.nameLinks, [{ name: '杭州海康威视数字技术股份有限公司', alias: 'Hangzhou Hikvision Digital Technology Co., Ltd.', source: 'Hikvision 2023 annual report (English edition) cover page', line: 2 }]);
  assert.deepEqual(x.warnings, [`${fixture('name-links.csv')}: line 3: name or alias empty; skipped`]);
});

test('list files are not taken for ownership sources, and ownership CSVs not for lists', async () => {
  for (const name of ['csl.csv', 'cons_prim.csv', 'name-links.csv', 'entities.ftm.json']) assert.equal(extractOwnership(await readFile(fixture(name))), null, name);
  assert.equal(listSourceFor(await readFile(path.join(dir, '../ownership/cetc.csv'))), null);
});

test('a newer copy without an entry delists it on its date; history is kept; an older copy delists nothing', async () => {
  const first = await read('cons_prim.csv');
  const plan1 = planListFile(first, { sha256: 'a'.repeat(64), date: '2025-01-10' }, new Map());
  assert.deepEqual(plan1.delisted, []);
  const state = new Map<string, EntryState>(
    plan1.entries.map((p) => [p.id, { ...(p as unknown as EntryState), delistedOn: null }]),
  );
  const newer = await read('cons_prim_2026.csv');
  const plan2 = planListFile(newer, { sha256: 'b'.repeat(64), date: '2026-02-01' }, state);
  assert.deepEqual(plan2.delisted, ['ofac:30936']);
  const delisted = plan2.entries.find((e) => e.id === 'ofac:30936')!;
  assert.equal(delisted.delistedOn, '2026-02-01');
  assert.deepEqual((delisted.history as string[]).map((h) => JSON.parse(h).event), ['listed', 'delisted']);
  const hik = plan2.entries.find((e) => e.id === 'ofac:30946')!;
  assert.equal(hik.lastSeenOn, '2026-02-01');
  assert.equal(hik.firstSeenOn, '2025-01-10');
  const older = planListFile(newer, { sha256: 'c'.repeat(64), date: '2024-06-01' }, new Map([...state].map(([k, v]) => [k, { ...v, lastSeenOn: '2025-01-10' }])));
  assert.deepEqual(older.delisted, []);
});
