// The GraphQL API against the real Neo4j, on the CETC → Hikvision case ingested from its documents
// (test/fixtures/api-case/ through the real pipeline): every field of the contract, pagination, and bad input.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi, listen } from '../../src/api/server.ts';
import { repoRoot } from '../../src/config.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { errorCodes, graphql, testApi } from '../support/api-fixtures.ts';
import { CASE_DIR, CASE_SHA as SHA, caseFiles, caseText, ingestCase } from '../support/api-case.ts';

const HIKVISION_USCC = '91330000733796106P';

let driver: Driver;
let home: string;
let api: ReturnType<typeof createApi>;
let C: Record<string, string>;
let P: Record<string, string>;
let J: Record<string, string>;
let A: Record<string, string>;

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-api-'));
  ({ C, P, J, A } = await ingestCase(driver, home));
  api = testApi({ driver, home, logging: false });
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

async function data(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await graphql(api, query, variables);
  assert.equal(res.body.errors, undefined, `unexpected errors: ${res.text}`);
  return res.body.data as Record<string, any>;
}

async function failure(query: string, variables?: Record<string, unknown>) {
  const res = await graphql(api, query, variables);
  assert.ok(res.body.errors?.length, `expected an error, got ${res.text}`);
  return res;
}

/** The divisions the gazetteer puts directly under `code`, by code. */
function gazetteerChildren(code: string): { code: string; name: string }[] {
  const { regions } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'domain', 'data', 'regions.json'), 'utf8')) as { regions: [string, string, string | null][] };
  return regions.filter((r) => r[2] === code).map(([c, name]) => ({ code: c, name })).sort((a, b) => a.code.localeCompare(b.code));
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

/**
 * The API breaks ties (equal shares, equal dates) by id, and ingest's ids are hashes: expected entries
 * that tie are listed in that order too.
 */
function tiedById<T>(idOf: (x: T) => string, ...tied: T[]): T[] {
  return [...tied].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
}

describe('company lookups', () => {
  it('finds a company by USCC, by id and by canonical name, with its plain fields', async () => {
    const d = await data(`{
      byUscc: company(uscc: "${HIKVISION_USCC}") { id name names uscc address kind isBranch }
      byId: company(id: "${C['hikvision']}") { id }
      byName: company(name: "杭州海康威视数字技术股份有限公司") { id }
      lower: company(uscc: "91330000733796106p") { id }
    }`);
    assert.deepEqual(d.byUscc, {
      id: C['hikvision'],
      name: '杭州海康威视数字技术股份有限公司',
      // The award prints Hikvision with its consortium role (联合体牵头人): a role note is no name the company goes by.
      names: ['杭州海康威视数字技术股份有限公司'],
      uscc: HIKVISION_USCC,
      address: '杭州市滨江区阡陌路555号',
      kind: 'enterprise',
      isBranch: false,
    });
    assert.equal(d.byId.id, C['hikvision']);
    assert.equal(d.byName.id, C['hikvision']);
    assert.equal(d.lower.id, C['hikvision']);
  });

  it('canonicalises a name as loading does: an alias, a role note, full-width spaces, traditional characters', async () => {
    const d = await data(`{
      alias: company(name: "中国电子科技集团公司") { id name names }
      role: company(name: "杭州海康威视数字技术股份有限公司（联合体牵头人）") { id }
      spaced: company(name: "  杭州海康威视　数字技术股份有限公司 ") { id }
      traditional: company(name: "杭州海康威視數字技術股份有限公司") { id }
      unknown: company(name: "不存在的公司") { id }
    }`);
    assert.deepEqual(d.alias, { id: C['cetc'], name: '中国电子科技集团有限公司', names: ['中国电子科技集团公司', '中国电子科技集团有限公司'] });
    assert.equal(d.role.id, C['hikvision']);
    assert.equal(d.spaced.id, C['hikvision']);
    assert.equal(d.traditional.id, C['hikvision']);
    assert.equal(d.unknown, null);
  });

  it('refuses to pick one of two companies that share a name', async () => {
    const res = await failure('{ company(name: "示例同名科技有限公司") { id } }');
    assert.deepEqual(errorCodes(res), ['AMBIGUOUS_NAME']);
    assert.deepEqual(
      res.body.errors?.[0].extensions?.candidates,
      tiedById(
        (c) => c.id,
        { id: C['twin-1'], name: '示例同名科技有限公司', uscc: '91650100MA77XK0Y0Y' },
        { id: C['twin-2'], name: '示例同名科技有限公司', uscc: '91330100MA2H0C4X13' },
      ),
    );
    assert.equal(res.body.data?.company, null);
  });

  it('asks for exactly one key, and a valid USCC', async () => {
    for (const q of ['{ company { id } }', `{ company(id: "${C['hikvision']}", uscc: "91330000733796106P") { id } }`]) {
      const res = await failure(q);
      assert.deepEqual(errorCodes(res), ['BAD_USER_INPUT']);
      assert.equal(res.body.errors?.[0].message, 'Give exactly one of id, uscc or name.');
    }
    const bad = await failure('{ company(uscc: "91330000733796106X") { id } }');
    assert.deepEqual(errorCodes(bad), ['BAD_USER_INPUT']);
    assert.match(bad.body.errors?.[0].message ?? '', /not a valid USCC/);
    assert.deepEqual(errorCodes(await failure('{ company(name: "（联合体牵头人）") { id } }')), ['BAD_USER_INPUT']);
  });

  it('links a branch to the unit it belongs to, never merging them', async () => {
    const d = await data(`{
      branch: company(id: "${C['hik-xj']}") { isBranch branchOf { id } branches { id } }
      parent: company(id: "${C['hikvision']}") { isBranch branchOf { id } branches { id name } }
    }`);
    assert.deepEqual(d.branch, { isBranch: true, branchOf: { id: C['hikvision'] }, branches: [] });
    assert.deepEqual(d.parent, { isBranch: false, branchOf: null, branches: [{ id: C['hik-xj'], name: '杭州海康威视数字技术股份有限公司新疆分公司' }] });
  });

  it('finds a person by id, with the stakes the person holds', async () => {
    const d = await data(`{ person(id: "${P['gong']}") { id name holdings { owner { ... on Person { id } } owned { id } share shareMin shareMax asOf source { sha256 } } } nobody: person(id: "p:none") { id } }`);
    assert.deepEqual(d.person, {
      id: P['gong'],
      name: '龚虹嘉',
      holdings: [{ owner: { id: P['gong'] }, owned: { id: C['hikvision'] }, share: 10.4, shareMin: 10.4, shareMax: 10.4, asOf: '2023-12-31', source: { sha256: SHA.shareholders } }],
    });
    assert.equal(d.nobody, null);
  });
});

describe('ownership', () => {
  it('lists direct owners largest first, with the source of each holding', async () => {
    const d = await data(`{ company(id: "${C['hikvision']}") { owners {
      owner { __typename ... on Company { id } ... on Person { id } } owned { id } share shareMin shareMax asOf source { sha256 title }
    } } }`);
    const owners = d.company.owners as any[];
    assert.deepEqual(owners.map((h) => [h.owner.__typename, h.owner.id, h.share]), [
      ['Company', C['cethik'], 36.35],
      ['Person', P['gong'], 10.4],
      ['Company', C['hkscc'], 8],
      ['Company', C['cetc-invest'], 2.63],
      ['Company', C['cetc52'], 1.96],
    ]);
    assert.deepEqual(owners[0], {
      owner: { __typename: 'Company', id: C['cethik'] },
      owned: { id: C['hikvision'] },
      share: 36.35,
      shareMin: 36.35,
      shareMax: 36.35,
      asOf: '2023-12-31',
      // An ownership CSV has no title.
      source: { sha256: SHA.shareholders, title: null },
    });
  });

  it('lists direct holdings, and ranges as ranges', async () => {
    const d = await data(`{
      cetc: company(id: "${C['cetc']}") { holdings { owned { id } share } }
      cethik: company(id: "${C['cethik']}") { holdings { owned { id } share shareMin shareMax source { sha256 } } }
    }`);
    assert.deepEqual(
      d.cetc.holdings,
      tiedById((h) => h.owned.id, { owned: { id: C['cetc-invest'] }, share: 100 }, { owned: { id: C['cetc52'] }, share: 100 }, { owned: { id: C['cethik'] }, share: 100 }),
    );
    assert.deepEqual(d.cethik.holdings, [
      { owned: { id: C['hikvision'] }, share: 36.35, shareMin: 36.35, shareMax: 36.35, source: { sha256: SHA.shareholders } },
      // Every holding ingest reads keeps the file it came from.
      { owned: { id: C['spv-range'] }, share: null, shareMin: 10, shareMax: 15, source: { sha256: SHA.groups } },
    ]);
  });

  it('finds SASAC among the ultimate owners of Hikvision, with 40.94% over three paths', async () => {
    const d = await data(`{ company(uscc: "${HIKVISION_USCC}") { stateShare stateShareMin stateShareMax ultimateOwners {
      owner { __typename ... on Company { id name kind } ... on Person { id name } }
      effectiveShare effectiveShareMin effectiveShareMax
      paths { ... on Company { id } ... on Person { id } }
    } } }`);
    assert.equal(d.company.stateShare, 40.94);
    assert.equal(d.company.stateShareMin, 40.94);
    assert.equal(d.company.stateShareMax, 40.94);
    const path = (...p: string[]) => p.map((id) => ({ id }));
    assert.deepEqual(d.company.ultimateOwners, [
      {
        owner: { __typename: 'Company', id: C['sasac'], name: '国务院国有资产监督管理委员会', kind: 'state' },
        effectiveShare: 40.94,
        effectiveShareMin: 40.94,
        effectiveShareMax: 40.94,
        paths: tiedById(
          (p) => p.map((x) => x.id).join(' '),
          path(C['sasac'], C['cetc'], C['cetc-invest'], C['hikvision']),
          path(C['sasac'], C['cetc'], C['cetc52'], C['hikvision']),
          path(C['sasac'], C['cetc'], C['cethik'], C['hikvision']),
        ),
      },
      { owner: { __typename: 'Person', id: P['gong'], name: '龚虹嘉' }, effectiveShare: 10.4, effectiveShareMin: 10.4, effectiveShareMax: 10.4, paths: [path(P['gong'], C['hikvision'])] },
      { owner: { __typename: 'Company', id: C['hkscc'], name: '香港中央结算有限公司', kind: 'enterprise' }, effectiveShare: 8, effectiveShareMin: 8, effectiveShareMax: 8, paths: [path(C['hkscc'], C['hikvision'])] },
    ]);
  });

  it('carries ranges through: no exact figure, only bounds', async () => {
    const d = await data(`{ company(id: "${C['spv-range']}") { stateShare stateShareMin stateShareMax
      ultimateOwners { owner { ... on Company { id } ... on Person { id } } effectiveShare effectiveShareMin effectiveShareMax } } }`);
    assert.deepEqual(d.company, {
      stateShare: null,
      stateShareMin: 10,
      stateShareMax: 15,
      ultimateOwners: [
        { owner: { id: P['range'] }, effectiveShare: null, effectiveShareMin: 20, effectiveShareMax: 30 },
        { owner: { id: C['sasac'] }, effectiveShare: null, effectiveShareMin: 10, effectiveShareMax: 15 },
      ],
    });
  });

  it('tells apart no ownership data (null), known owners none of them state (0) and a state body (100)', async () => {
    const d = await data(`{
      police: company(id: "${C['moyu-police']}") { stateShare ultimateOwners { effectiveShare } }
      dahua: company(id: "${C['dahua']}") { stateShare ultimateOwners { owner { ... on Person { id name } } effectiveShare } }
      sasac: company(id: "${C['sasac']}") { stateShare }
      cetc: company(id: "${C['cetc']}") { stateShare }
      spv: company(id: "${C['spv']}") { stateShare }
    }`);
    assert.deepEqual(d.police, { stateShare: null, ultimateOwners: [] });
    assert.deepEqual(d.dahua, { stateShare: 0, ultimateOwners: [{ owner: { id: P['fu'], name: '傅利泉' }, effectiveShare: 34 }] });
    assert.equal(d.sasac.stateShare, 100);
    assert.equal(d.cetc.stateShare, 100);
    assert.equal(d.spv.stateShare, 40.94);
  });

  it('walks cycles along simple paths only', async () => {
    // 示例循环甲 owns 10% of 乙, 乙 20% of 甲, the root 90% of 甲: 乙's only ultimate owner is the root, at 9%.
    const d = await data(`{ b: company(id: "${C['cycle-b']}") { ultimateOwners { owner { ... on Company { id } } effectiveShare paths { ... on Company { id } } } controllingParties(threshold: 5) { owner { ... on Company { id } } effectiveShare direct } } }`);
    assert.deepEqual(d.b.ultimateOwners, [
      { owner: { id: C['cycle-root'] }, effectiveShare: 9, paths: [[{ id: C['cycle-root'] }, { id: C['cycle-a'] }, { id: C['cycle-b'] }]] },
    ]);
    assert.deepEqual(d.b.controllingParties, [
      { owner: { id: C['cycle-a'] }, effectiveShare: 10, direct: true },
      { owner: { id: C['cycle-root'] }, effectiveShare: 9, direct: false },
    ]);
  });

  it('names the controlling parties, direct or through others', async () => {
    const d = await data(`{ company(id: "${C['hikvision']}") {
      majority: controllingParties { owner { ... on Company { id } } }
      thirty: controllingParties(threshold: 30) { owner { ... on Company { id } } effectiveShare direct }
    } }`);
    assert.deepEqual(d.company.majority, []);
    assert.deepEqual(d.company.thirty, [
      ...tiedById((p) => p.owner.id, { owner: { id: C['cetc'] }, effectiveShare: 40.94, direct: false }, { owner: { id: C['sasac'] }, effectiveShare: 40.94, direct: false }),
      { owner: { id: C['cethik'] }, effectiveShare: 36.35, direct: true },
    ]);
  });

  it('lists the group: the head and what it holds at least minShare of in effect', async () => {
    const d = await data(`{ company(id: "${C['cetc']}") {
      thirty: groupMembers(minShare: 30) { company { id } effectiveShare }
      majority: groupMembers { company { id } effectiveShare }
    } }`);
    const member = (name: string, effectiveShare: number) => ({ company: { id: C[name] }, effectiveShare });
    const byCompany = (m: { company: { id: string } }) => m.company.id;
    const whole = tiedById(byCompany, member('cetc', 100), member('cetc-invest', 100), member('cetc52', 100), member('cethik', 100));
    assert.deepEqual(d.company.thirty, [...whole, ...tiedById(byCompany, member('hikvision', 40.94), member('spv', 40.94))]);
    // spv-range is held 10-15% through CETHIK: its lower bound reaches neither 30 nor 50.
    assert.deepEqual(d.company.majority, whole);
  });
});

describe('awards of a company and of its group', () => {
  it("lists a company's awards newest first, undated last, with filters", async () => {
    const d = await data(`{ company(id: "${C['hikvision']}") {
      all: awards { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
      pishan: awards(regionCode: "653223") { totalCount nodes { id } }
      hotan: awards(regionCode: "653200") { totalCount }
      zhejiang: awards(regionCode: "330000") { totalCount nodes { id } }
      from: awards(from: "2017-07-01") { nodes { id } }
      to: awards(to: "2017-06-20") { nodes { id } }
      total: totalAwarded { amount currency }
      inPishan: totalAwarded(regionCode: "653223") { amount }
      inZhejiang: totalAwarded(regionCode: "330000") { amount }
    } }`);
    const c = d.company;
    assert.deepEqual(ids(c.all.nodes), [A['pishan:-'], A['moyu:1'], A['undated:-']]);
    assert.equal(c.all.totalCount, 3);
    assert.deepEqual(c.all.pageInfo.hasNextPage, false);
    assert.deepEqual(c.pishan, { totalCount: 1, nodes: [{ id: A['pishan:-'] }] });
    assert.equal(c.hotan.totalCount, 3);
    assert.deepEqual(c.zhejiang, { totalCount: 0, nodes: [] });
    assert.deepEqual(ids(c.from.nodes), [A['pishan:-']]);
    assert.deepEqual(ids(c.to.nodes), [A['moyu:1']]);
    // 745,000,000 + 310,000,000.12 + 100, summed in fen.
    assert.deepEqual(c.total, { amount: 1055000100.12, currency: 'CNY' });
    assert.deepEqual(c.inPishan, { amount: 310000000.12 });
    assert.deepEqual(c.inZhejiang, { amount: 0 });
  });

  it("counts Hikvision's awards in CETC's group from a 30% threshold, not at 50%", async () => {
    const d = await data(`{ company(name: "中国电子科技集团有限公司") {
      thirty: groupAwards(minShare: 30) { totalCount nodes { id suppliers { company { id } } } }
      thirtyTotal: groupTotalAwarded(minShare: 30) { amount currency }
      majority: groupAwards { totalCount nodes { id } }
      majorityTotal: groupTotalAwarded { amount }
      xinjiang: groupTotalAwarded(minShare: 30, regionCode: "650000") { amount }
      own: awards { totalCount }
    } }`);
    const c = d.company;
    assert.deepEqual(ids(c.thirty.nodes), [A['spv:-'], A['hangzhou:-'], A['pishan:-'], A['moyu:1'], A['undated:-']]);
    assert.equal(c.thirty.totalCount, 5);
    assert.ok(c.thirty.nodes.some((a: any) => a.suppliers.some((s: any) => s.company.id === C['hikvision'])));
    // Hikvision 1,055,000,100.12 + the SPV 2,000,000 + the 52nd institute 1,000,000.50.
    assert.deepEqual(c.thirtyTotal, { amount: 1058000100.62, currency: 'CNY' });
    assert.deepEqual(c.majority, { totalCount: 1, nodes: [{ id: A['hangzhou:-'] }] });
    assert.deepEqual(c.majorityTotal, { amount: 1000000.5 });
    assert.deepEqual(c.xinjiang, { amount: 1057000100.12 });
    assert.equal(c.own.totalCount, 0);
  });

  it('pages with stable keyset cursors', async () => {
    const q = `query($after: String) { company(id: "${C['cetc']}") { groupAwards(minShare: 30, first: 2, after: $after) {
      totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (;;) {
      const d = await data(q, { after });
      const page = d.company.groupAwards;
      assert.equal(page.totalCount, 5);
      seen.push(...ids(page.nodes));
      pages.push(page.pageInfo.hasNextPage);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(seen, [A['spv:-'], A['hangzhou:-'], A['pishan:-'], A['moyu:1'], A['undated:-']]);
    assert.deepEqual(pages, [true, true, false]);
    const empty = await data(`{ company(id: "${C['hikvision']}") { awards(first: 0) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`);
    assert.deepEqual(empty.company.awards, { totalCount: 3, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it('refuses bad paging and filter arguments with BAD_USER_INPUT', async () => {
    const cases: [string, RegExp][] = [
      [`{ company(id: "${C['hikvision']}") { awards(first: 201) { totalCount } } }`, /first must be between 0 and 200 \(got 201\)/],
      [`{ company(id: "${C['hikvision']}") { awards(first: -1) { totalCount } } }`, /first must be between 0 and 200 \(got -1\)/],
      [`{ company(id: "${C['hikvision']}") { awards(after: "not-a-cursor") { totalCount } } }`, /after must be an endCursor returned by this API/],
      [`{ company(id: "${C['hikvision']}") { awards(from: "2017-02-30") { totalCount } } }`, /from must be a date written YYYY-MM-DD/],
      [`{ company(id: "${C['hikvision']}") { awards(regionCode: "65") { totalCount } } }`, /regionCode must be a six-digit GB\/T 2260 code/],
      [`{ company(id: "${C['cetc']}") { groupAwards(minShare: 101) { totalCount } } }`, /minShare is a percent between 0 and 100/],
      ['{ region(code: "xinjiang") { name } }', /code must be a six-digit GB\/T 2260 code/],
      ['{ region(code: "650000") { topSuppliers(first: 500) { awards } } }', /first must be between 0 and 200/],
    ];
    for (const [q, message] of cases) {
      const res = await failure(q);
      assert.deepEqual(errorCodes(res), ['BAD_USER_INPUT'], q);
      assert.match(res.body.errors?.[0].message ?? '', message);
    }
  });
});

describe('regions', () => {
  it('knows its place in the GB/T 2260 tree', async () => {
    const d = await data(`{
      xj: region(code: "650000") { code name level parent { code } children { code name } path { code } }
      moyu: region(code: "653222") { name level parent { code name } children { code } path { code name } }
      none: region(code: "999999") { code }
    }`);
    assert.deepEqual(d.xj, {
      code: '650000',
      name: '新疆维吾尔自治区',
      level: 'province',
      parent: null,
      // Ingest loads the whole GB/T 2260 gazetteer: every division under Xinjiang, by code.
      children: gazetteerChildren('650000'),
      path: [{ code: '650000' }],
    });
    assert.deepEqual(d.moyu, {
      name: '墨玉县',
      level: 'county',
      parent: { code: '653200', name: '和田地区' },
      children: [],
      path: [{ code: '650000', name: '新疆维吾尔自治区' }, { code: '653200', name: '和田地区' }, { code: '653222', name: '墨玉县' }],
    });
    assert.equal(d.none, null);
  });

  it('totals and lists awards over its prefectures and counties, each award once', async () => {
    const d = await data(`{
      xj: region(code: "650000") {
        total: totalAwarded { amount currency }
        own: totalAwarded(includeSubregions: false) { amount }
        awards(first: 3) { totalCount nodes { id } pageInfo { hasNextPage } }
        ownAwards: awards(includeSubregions: false) { totalCount nodes { id } }
      }
      hotan: region(code: "653200") { totalAwarded { amount } awards { totalCount } }
      moyu: region(code: "653222") { awards { nodes { id status } } }
    }`);
    // 745,000,000 + 310,000,000.12 + 687,000,000 + 2,000,000 + 100: the failed lot and the rate bid have no amount.
    assert.deepEqual(d.xj.total, { amount: 1744000100.12, currency: 'CNY' });
    assert.deepEqual(d.xj.own, { amount: 0 });
    assert.deepEqual(d.xj.awards, { totalCount: 7, nodes: [{ id: A['spv:-'] }, { id: A['pishan:-'] }, { id: A['moyu:1'] }], pageInfo: { hasNextPage: true } });
    assert.deepEqual(d.xj.ownAwards, { totalCount: 0, nodes: [] });
    assert.deepEqual(d.hotan, { totalAwarded: { amount: 1057000100.12 }, awards: { totalCount: 5 } });
    assert.deepEqual(d.moyu.awards.nodes, [
      { id: A['spv:-'], status: 'active' },
      { id: A['moyu:1'], status: 'active' },
      { id: A['moyu:2'], status: 'unsuccessful' },
      { id: A['undated:-'], status: 'active' },
    ]);
  });

  it('ranks the top suppliers by value, consortium members counted in full', async () => {
    const d = await data(`{ region(code: "650000") {
      topSuppliers { company { id } total { amount currency } awards }
      two: topSuppliers(first: 2) { company { id } }
      own: topSuppliers(includeSubregions: false) { company { id } }
    } }`);
    assert.deepEqual(d.region.topSuppliers, [
      { company: { id: C['hikvision'] }, total: { amount: 1055000100.12, currency: 'CNY' }, awards: 3 },
      { company: { id: C['telecom'] }, total: { amount: 745000000, currency: 'CNY' }, awards: 2 },
      { company: { id: C['dahua'] }, total: { amount: 687000000, currency: 'CNY' }, awards: 1 },
      { company: { id: C['spv'] }, total: { amount: 2000000, currency: 'CNY' }, awards: 1 },
    ]);
    assert.deepEqual(ids(d.region.two.map((s: any) => s.company)), [C['hikvision'], C['telecom']]);
    assert.deepEqual(d.region.own, []);
  });
});

describe('awards, projects, evidence and documents', () => {
  it('gives an award with its value, suppliers, project, source and evidence', async () => {
    const d = await data(`{ award(id: "${A['moyu:1']}") {
      id lot status value { amount currency } rate { kind percent } date snippet source { sha256 title }
      project { id name }
      suppliers { company { id name } role rawName snippet source { sha256 } }
      evidence { field text start end document { sha256 title archiveUrl } }
    } }`);
    assert.deepEqual(d.award, {
      id: A['moyu:1'],
      lot: '1',
      status: 'active',
      value: { amount: 745000000, currency: 'CNY' },
      rate: null,
      date: '2017-06-20',
      // Snippets are what the extractor read: the value, each supplier as printed.
      snippet: '745000000.00元',
      source: { sha256: SHA.award, title: '墨玉县社会治安防控体系建设PPP项目中标公告' },
      project: { id: J['moyu'], name: '墨玉县社会治安防控体系建设PPP项目' },
      suppliers: [
        {
          company: { id: C['hikvision'], name: '杭州海康威视数字技术股份有限公司' },
          role: 'lead',
          rawName: '杭州海康威视数字技术股份有限公司（联合体牵头人）',
          snippet: '杭州海康威视数字技术股份有限公司（联合体牵头人）',
          source: { sha256: SHA.award },
        },
        {
          company: { id: C['telecom'], name: '示例通信工程有限公司' },
          role: 'member',
          rawName: '示例通信工程有限公司（联合体成员）',
          snippet: '示例通信工程有限公司（联合体成员）',
          source: { sha256: SHA.award },
        },
      ],
      // Offsets in the award notice's extracted text.
      evidence: (
        [
          ['awards[0].lot', '第1包', 197, 200],
          ['awards[0].suppliers[0].name', '杭州海康威视数字技术股份有限公司（联合体牵头人）', 208, 232],
          ['awards[0].suppliers[1].name', '示例通信工程有限公司（联合体成员）', 233, 250],
          ['awards[0].value', '745000000.00元', 256, 269],
        ] as const
      ).map(([field, text, start, end]) => ({
        field,
        text,
        start,
        end,
        document: { sha256: SHA.award, title: '墨玉县社会治安防控体系建设PPP项目中标公告', archiveUrl: `/documents/${SHA.award}` },
      })),
    });
  });

  it('gives a failed lot no value and no suppliers, and a rate bid a rate and no value', async () => {
    const d = await data(`{
      failed: award(id: "${A['moyu:2']}") { status value { amount } rate { kind } suppliers { role } }
      rate: award(id: "${A['urumqi:2']}") { status value { amount } rate { kind percent } suppliers { company { id } role } }
      none: award(id: "a:none") { id }
    }`);
    assert.deepEqual(d.failed, { status: 'unsuccessful', value: null, rate: null, suppliers: [] });
    assert.deepEqual(d.rate, { status: 'active', value: null, rate: { kind: '下浮率', percent: 8.5 }, suppliers: [{ company: { id: C['telecom'] }, role: 'sole' }] });
    assert.equal(d.none, null);
  });

  it('gives a project with its region, buyer, agency, lots, candidates, documents and evidence', async () => {
    const d = await data(`{ project(id: "${J['moyu']}") {
      id code name method contractModel budget { amount currency } status
      region { code name } buyer { id name kind } agency { id }
      awards { id lot }
      candidates { company { id } rank bidAmount { amount } snippet source { sha256 } }
      documents { sha256 title url publishedAt retrievedAt path mediaType noticeType archiveUrl }
      evidence { field text document { sha256 } }
    } none: project(id: "j:none") { id } }`);
    assert.deepEqual(d.project, {
      id: J['moyu'],
      code: 'MYGA-2017-001',
      name: '墨玉县社会治安防控体系建设PPP项目',
      method: '公开招标',
      contractModel: ['PPP', 'BOT'],
      budget: { amount: 800000000, currency: 'CNY' },
      status: 'awarded',
      region: { code: '653222', name: '墨玉县' },
      buyer: { id: C['moyu-police'], name: '墨玉县公安局', kind: 'public' },
      agency: { id: C['agency'] },
      awards: [{ id: A['moyu:1'], lot: '1' }, { id: A['moyu:2'], lot: '2' }],
      candidates: [
        { company: { id: C['hikvision'] }, rank: 1, bidAmount: { amount: 745000000 }, snippet: '杭州海康威视数字技术股份有限公司', source: { sha256: SHA.award } },
        { company: { id: C['dahua'] }, rank: 2, bidAmount: { amount: 760000000 }, snippet: '浙江大华技术股份有限公司', source: { sha256: SHA.award } },
      ],
      documents: [
        { sha256: SHA.tender, title: '墨玉县社会治安防控体系建设PPP项目招标公告', url: 'http://www.ccgp.gov.cn/example/tender.htm', publishedAt: '2017-05-02', retrievedAt: '2024-01-05T10:00:00Z', path: path.join(CASE_DIR, caseFiles.tender), mediaType: 'text/html', noticeType: 'tender', archiveUrl: `/documents/${SHA.tender}` },
        { sha256: SHA.award, title: '墨玉县社会治安防控体系建设PPP项目中标公告', url: 'http://www.ccgp.gov.cn/example/award.htm', publishedAt: '2017-06-20', retrievedAt: '2024-01-05T10:00:00Z', path: path.join(CASE_DIR, caseFiles.award), mediaType: 'text/html', noticeType: 'award', archiveUrl: `/documents/${SHA.award}` },
      ],
      // From both documents, by field, then start, then document.
      // (a field both notices state comes in the order of its offsets in each).
      evidence: (
        [
          ['agency.name', '示例新疆招标代理有限公司', SHA.award],
          ['agency.name', '示例新疆招标代理有限公司', SHA.tender],
          ['budget', '80000万元', SHA.tender],
          ['buyer.address', '新疆维吾尔自治区和田地区墨玉县', SHA.award],
          ['buyer.address', '新疆维吾尔自治区和田地区墨玉县', SHA.tender],
          ['buyer.name', '墨玉县公安局', SHA.award],
          ['buyer.name', '墨玉县公安局', SHA.tender],
          ['candidates[0].bid', '745000000.00元', SHA.award],
          ['candidates[0].name', '杭州海康威视数字技术股份有限公司', SHA.award],
          ['candidates[1].bid', '760000000.00元', SHA.award],
          ['candidates[1].name', '浙江大华技术股份有限公司', SHA.award],
          ['decisionDate', '2017-06-20', SHA.award],
          ['project.code', 'MYGA-2017-001', SHA.tender],
          ['project.code', 'MYGA-2017-001', SHA.award],
          ['project.contractModel[0]', 'PPP', SHA.award],
          ['project.contractModel[0]', 'PPP', SHA.tender],
          ['project.contractModel[1]', 'BOT', SHA.award],
          ['project.contractModel[1]', 'BOT', SHA.tender],
          ['project.method', '公开招标', SHA.tender],
          ['project.method', '公开招标', SHA.award],
          ['project.name', '墨玉县社会治安防控体系建设PPP项目', SHA.tender],
          ['project.name', '墨玉县社会治安防控体系建设PPP项目', SHA.award],
          ['publishedAt', '2017-06-20', SHA.award],
          ['publishedAt', '2017-05-02', SHA.tender],
          ['region', '墨玉县', SHA.award],
          ['region', '墨玉县', SHA.tender],
          ['title', '墨玉县社会治安防控体系建设PPP项目招标公告', SHA.tender],
          ['title', '墨玉县社会治安防控体系建设PPP项目中标公告', SHA.award],
        ] as const
      ).map(([field, text, sha256]) => ({ field, text, document: { sha256 } })),
    });
    assert.equal(d.none, null);
  });

  it('finds a document by sha256 (any case) and refuses what is not one', async () => {
    const d = await data(`{ document(sha256: "${SHA.shareholders.toUpperCase()}") { sha256 title mediaType noticeType url archiveUrl } }`);
    assert.deepEqual(d.document, { sha256: SHA.shareholders, title: null, mediaType: 'text/csv', noticeType: 'ownership', url: null, archiveUrl: `/documents/${SHA.shareholders}` });
    const none = await data(`{ document(sha256: "${'0'.repeat(64)}") { sha256 } }`);
    assert.equal(none.document, null);
    const bad = await failure('{ document(sha256: "abc") { sha256 } }');
    assert.deepEqual(errorCodes(bad), ['BAD_USER_INPUT']);
    assert.match(bad.body.errors?.[0].message ?? '', /sha256 must be 64 hexadecimal characters/);
  });
});

describe('search', () => {
  it('finds companies, projects and persons by part of a Chinese name, best first', async () => {
    const d = await data(`{
      hik: search(text: "海康威视") { score company { id } project { id } person { id } }
      project: search(text: "平安城市", first: 1) { company { id } project { id name } }
      person: search(text: "龚虹嘉") { person { id name } }
    }`);
    assert.deepEqual(d.hik.slice(0, 2).map((h: any) => h.company?.id), [C['hikvision'], C['hik-xj']]);
    assert.ok(d.hik.every((h: any) => typeof h.score === 'number' && h.score > 0));
    assert.deepEqual(d.project, [{ company: null, project: { id: J['urumqi'], name: '乌鲁木齐市平安城市建设项目' } }]);
    assert.deepEqual(d.person[0], { person: { id: P['gong'], name: '龚虹嘉' } });
  });

  it('treats Lucene operators in the text as plain characters', async () => {
    const d = await data(`{
      ops: search(text: "海康 AND (威视) OR NOT \\"*?~^[]{}:/\\\\") { company { id } }
      only: search(text: "()[]") { score }
    }`);
    assert.equal(d.ops[0].company.id, C['hikvision']);
    assert.deepEqual(d.only, []);
  });

  it('refuses an empty text and too many results', async () => {
    assert.deepEqual(errorCodes(await failure('{ search(text: "   ") { score } }')), ['BAD_USER_INPUT']);
    const many = await failure('{ search(text: "海康", first: 101) { score } }');
    assert.deepEqual(errorCodes(many), ['BAD_USER_INPUT']);
    assert.match(many.body.errors?.[0].message ?? '', /first must be between 0 and 100/);
  });
});

describe('the archive route', () => {
  it('serves an archived original with its media type', async () => {
    const res = await api.fetch(`http://localhost/documents/${SHA.award}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''moyu-award\.html/);
    assert.equal(await res.text(), caseText(caseFiles.award));
    const upper = await api.fetch(`http://localhost/documents/${SHA.award.toUpperCase()}`);
    assert.equal(upper.status, 200);
    const head = await api.fetch(`http://localhost/documents/${SHA.tender}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(caseText(caseFiles.tender))));
  });

  it('says 404 for a document the archive does not hold, and 400 for what is not a sha256', async () => {
    // Ingest archives every document it reads: a sha256 of bytes never ingested.
    const unheld = createHash('sha256').update('never ingested').digest('hex');
    const missing = await api.fetch(`http://localhost/documents/${unheld}`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: 'NOT_FOUND', message: `The archive holds no document with sha256 ${unheld}.` });
    for (const bad of ['abc', `${SHA.award}0`, '..%2F..%2Fetc%2Fpasswd', `${SHA.award.slice(0, 63)}g`]) {
      const res = await api.fetch(`http://localhost/documents/${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal((await res.json()).error, 'BAD_USER_INPUT');
    }
    const post = await api.fetch(`http://localhost/documents/${SHA.award}`, { method: 'POST' });
    assert.equal(post.status, 405);
  });
});

describe('the HTTP server', () => {
  it('serves GraphQL, the archive and the Neo4j Browser guide on one port', async () => {
    const server = await listen({ driver, home, logging: false }, 0);
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const gql = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ company(uscc: "91330000733796106P") { name } }' }),
      });
      assert.deepEqual(await gql.json(), { data: { company: { name: '杭州海康威视数字技术股份有限公司' } } });
      const doc = await fetch(`${base}/documents/${SHA.tender}`);
      assert.equal(await doc.text(), caseText(caseFiles.tender));
      const guide = await fetch(`${base}/guide`);
      assert.equal(guide.status, 200);
      assert.match(guide.headers.get('content-type') ?? '', /^text\/html/);
    } finally {
      server.close();
    }
  });
});
