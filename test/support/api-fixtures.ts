// Writes a graph for the API tests that ingest cannot give from documents (made-up ids, ranges and
// cycles of holdings, two companies of one name) with the loader's own statements, which follow
// schema/model.json; identity keys, search text, amount captions and evidence arrays come from the
// same functions ingest uses.
import type { Driver } from 'neo4j-driver';
import type { PropsOf } from '../../schema/model.ts';
import { awaitSearchIndexes } from '../../src/db/migrate.ts';
import { nameRecord, searchTextOf } from '../../src/domain/identity.ts';
import { createApi, type ApiOptions } from '../../src/api/server.ts';
import * as Q from '../../ingest/load/cypher.ts';
import { mergeRelationship, withIntegers } from '../../ingest/load/model-cypher.ts';
import { NOTICE_ITSELF } from '../../ingest/extract/notice.ts';
import { amountLabel, evidenceArrays } from '../../ingest/load/plan.ts';
import { model } from '../../schema/model.ts';
import { fenFromYuan } from '../../src/domain/amount.ts';

export interface RegionFixture {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parent?: string;
}

export interface CompanyFixture {
  id: string;
  name: string;
  /** Other name forms; the canonical name is always included. */
  aliases?: string[];
  uscc?: string;
  address?: string;
  kind?: 'enterprise' | 'public' | 'state';
  branchOf?: string;
}

export interface PersonFixture {
  id: string;
  name: string;
}

export interface HoldingFixture {
  owner: string;
  owned: string;
  share?: number;
  shareMin?: number;
  shareMax?: number;
  asOf?: string;
  sha256?: string;
  snippet?: string;
}

export interface DocumentFixture {
  sha256: string;
  title: string;
  url?: string;
  path?: string;
  retrievedAt?: string;
  publishedAt?: string;
  mediaType: string;
  noticeType: string;
}

export interface ProjectFixture {
  id: string;
  name: string;
  code?: string;
  method?: string;
  contractModel?: string[];
  budget?: number;
  status?: string;
  region?: string;
  buyer?: string;
  agency?: string;
  documents?: { sha256: string; noticeType: string }[];
  candidates?: { company: string; rank: number; bidAmount?: number; sha256?: string; snippet?: string }[];
}

export interface AwardFixture {
  id: string;
  project: string;
  lot?: string;
  status: 'active' | 'unsuccessful';
  /** Yuan. */
  amount?: number;
  currency?: string;
  rateKind?: string;
  ratePercent?: number;
  date?: string;
  sha256?: string;
  snippet?: string;
  suppliers?: { company: string; role: 'sole' | 'lead' | 'member'; rawName?: string; sha256?: string; snippet?: string }[];
}

/** One snippet; the snippets of one subject and document are written as one SUPPORTED_BY with arrays. */
export interface EvidenceFixture {
  /** An Award or Project id. */
  of: string;
  field: string;
  text: string;
  start: number;
  end: number;
  sha256: string;
}

export interface GraphFixture {
  regions?: RegionFixture[];
  companies?: CompanyFixture[];
  persons?: PersonFixture[];
  holdings?: HoldingFixture[];
  documents?: DocumentFixture[];
  projects?: ProjectFixture[];
  awards?: AwardFixture[];
  evidence?: EvidenceFixture[];
}

/** Identity keys of every name form, as the loader records them (src/domain/identity.ts). */
function nameKeysOf(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => nameRecord(n)?.keys ?? []))].sort();
}

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

function companyProps(c: CompanyFixture): PropsOf<'Company'> {
  const names = [...new Set([c.name, ...(c.aliases ?? [])])];
  return compact({
    id: c.id,
    name: c.name,
    names,
    nameKeys: nameKeysOf(names),
    searchText: searchTextOf(names),
    uscc: c.uscc,
    address: c.address,
    kind: c.kind ?? 'enterprise',
    isBranch: c.branchOf !== undefined,
  });
}

/** A project's own fields carry the model's property names; its links are written apart. */
function projectProps(p: ProjectFixture): PropsOf<'Project'> {
  const { region: _r, buyer: _b, agency: _a, documents: _d, candidates: _c, budget, ...own } = p;
  return compact({ ...own, budgetFen: fen(budget), searchText: p.name });
}

/** Fixtures give amounts in yuan, as notices print them; the graph holds fen. */
function fen(yuan: number | undefined): number | undefined {
  return yuan === undefined ? undefined : fenFromYuan(yuan)!.fen;
}

function awardProps(a: AwardFixture): PropsOf<'Award'> {
  const rate = a.rateKind && a.ratePercent !== undefined ? { kind: a.rateKind, percent: a.ratePercent } : null;
  return compact({
    id: a.id,
    lot: a.lot,
    status: a.status,
    amountFen: fen(a.amount),
    currency: a.amount === undefined ? undefined : (a.currency ?? 'CNY'),
    rateKind: a.rateKind,
    ratePercent: a.ratePercent,
    date: a.date,
    amountLabel: amountLabel(fen(a.amount) ?? null, rate, a.status),
    sha256: a.sha256,
    snippet: a.snippet,
  });
}

/** One SUPPORTED_BY per subject and document, its snippets as the loader's parallel arrays, grouped per document. */
function supportedBy(evidence: readonly EvidenceFixture[], awardIds: ReadonlySet<string>): Record<string, unknown>[] {
  const groups = new Map<string, EvidenceFixture[]>();
  for (const e of evidence) {
    const key = `${e.of}\u0000${e.sha256}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const byDocument = new Map<string, Record<string, unknown>[]>();
  for (const group of groups.values()) {
    const { of, sha256 } = group[0];
    const subject = awardIds.has(of) ? { award: of, project: null } : { award: null, project: of };
    // A fixture gives the stored path whole (awards[0].value), as a field of the notice itself.
    const snippets = group.map((e) => ({ ...e, about: NOTICE_ITSELF }));
    byDocument.set(sha256, [...(byDocument.get(sha256) ?? []), { ...subject, ...evidenceArrays(snippets) }]);
  }
  return [...byDocument].map(([sha256, subjects]) => ({ sha256, subjects }));
}

// Holdings are created, not merged: the ownership tests state a holding twice on purpose (two edges, as
// another writer could leave them), which the loader's MERGE would fold into one. Ends as the model gives them.
const CREATE_OWNS = 'CREATE (o)-[r:OWNS]->(c) SET r += row.props';
const OWNS_BY = {
  company: mergeRelationship('OWNS', { field: 'ownerId', label: 'Company' }, { field: 'ownedId' }, { vars: ['o', 'c'], merge: CREATE_OWNS }),
  person: mergeRelationship('OWNS', { field: 'ownerId', label: 'Person' }, { field: 'ownedId' }, { vars: ['o', 'c'], merge: CREATE_OWNS }),
};

async function run(driver: Driver, statement: string, rows: unknown[]): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 5000) {
    await driver.executeQuery(statement, { rows: rows.slice(i, i + 5000) });
  }
}

/**
 * Writes the fixture with the loader's own statements (ingest/load/cypher.ts, built from the model);
 * ids must be new or the same as before (MERGE on keys; holdings are created).
 */
export async function writeFixture(driver: Driver, f: GraphFixture): Promise<void> {
  const regions = f.regions ?? [];
  const companies = f.companies ?? [];
  const persons = new Set((f.persons ?? []).map((p) => p.id));
  const projects = f.projects ?? [];
  const awards = f.awards ?? [];
  const holdings = (f.holdings ?? []).map((h) => ({
    ownerId: h.owner,
    ownedId: h.owned,
    person: persons.has(h.owner),
    props: compact({ share: h.share, shareMin: h.shareMin, shareMax: h.shareMax, asOf: h.asOf, sha256: h.sha256, snippet: h.snippet }),
  }));
  await run(driver, Q.MERGE_REGIONS, regions.map((r) => ({ code: r.code, name: r.name, level: r.level, status: 'current' })));
  await run(driver, Q.MERGE_PART_OF, regions.filter((r) => r.parent).map((r) => ({ code: r.code, parent: r.parent })));
  await run(driver, Q.MERGE_DOCUMENTS, (f.documents ?? []).map((d) => ({ sha256: d.sha256, props: compact({ ...d }) })));
  await run(driver, Q.MERGE_COMPANIES, companies.map((c) => ({ id: c.id, props: companyProps(c) })));
  await run(driver, Q.MERGE_BRANCH_OF, companies.filter((c) => c.branchOf).map((c) => ({ from: c.id, to: c.branchOf })));
  await run(driver, Q.MERGE_PERSONS, (f.persons ?? []).map((p) => ({ id: p.id, props: { id: p.id, name: p.name, names: [p.name], searchText: p.name } })));
  await run(driver, OWNS_BY.company, holdings.filter((h) => !h.person));
  await run(driver, OWNS_BY.person, holdings.filter((h) => h.person));
  await run(driver, Q.MERGE_PROJECTS, withIntegers(model.nodes.Project.integers, projects.map((p) => ({ id: p.id, props: projectProps(p) }))));
  await run(driver, Q.REPLACE_IN_REGION, projects.filter((p) => p.region).map((p) => ({ projectId: p.id, code: p.region })));
  await run(driver, Q.MERGE_HAS_BUYER, projects.filter((p) => p.buyer).map((p) => ({ projectId: p.id, companyId: p.buyer, props: {} })));
  await run(driver, Q.MERGE_HAS_AGENCY, projects.filter((p) => p.agency).map((p) => ({ projectId: p.id, companyId: p.agency, props: {} })));
  await run(driver, Q.MERGE_PUBLISHED_IN, projects.flatMap((p) => (p.documents ?? []).map((d) => ({ projectId: p.id, ...d }))));
  await run(
    driver,
    Q.MERGE_HAS_CANDIDATE,
    withIntegers(model.relationships.HAS_CANDIDATE.integers, projects.flatMap((p) =>
      (p.candidates ?? []).map((c) => ({
        projectId: p.id,
        companyId: c.company,
        props: compact({ rank: c.rank, bidAmountFen: fen(c.bidAmount), sha256: c.sha256, snippet: c.snippet }),
      })),
    )),
  );
  await run(driver, Q.MERGE_AWARDS, withIntegers(model.nodes.Award.integers, awards.map((a) => ({ id: a.id, projectId: a.project, props: awardProps(a) }))));
  await run(
    driver,
    Q.MERGE_AWARDED_TO,
    awards.flatMap((a) =>
      (a.suppliers ?? []).map((s) => ({
        awardId: a.id,
        companyId: s.company,
        props: compact({ role: s.role, rawName: s.rawName, sha256: s.sha256, snippet: s.snippet }),
      })),
    ),
  );
  await run(driver, Q.CREATE_SUPPORTED_BY, supportedBy(f.evidence ?? [], new Set(awards.map((a) => a.id))));
  // The search index is eventually consistent: a search right after must find the fixture.
  await awaitSearchIndexes(driver);
}

// ---------------------------------------------------------------------------------------------
// The shared case: the CETC → Hikvision chain, Xinjiang PPP awards, and the awkward cases around
// them (consortium, failed lot, rate bid, undated award, branch, range holdings, a cycle, two
// companies with one name). Real names are used only for facts in the public record; made-up
// parties are named 示例… so no test ever asserts something about a real company that is not so.

export const HIKVISION_USCC = '91330000733796106P';
export const DAHUA_USCC = '91330000727215176K';

/** Original documents of the case; their sha256 is computed from these bytes. */
export const caseDocuments = {
  tender: { text: '<html><head><title>墨玉县社会治安防控体系建设PPP项目招标公告</title></head><body>采购人：墨玉县公安局</body></html>', mediaType: 'text/html', noticeType: 'tender' },
  award: { text: '<html><head><title>墨玉县社会治安防控体系建设PPP项目中标公告</title></head><body>中标供应商：杭州海康威视数字技术股份有限公司（联合体牵头人）；中标金额：745000000.00元</body></html>', mediaType: 'text/html', noticeType: 'award' },
  shareholders: { text: '股东名称,持股比例\n中电海康集团有限公司,36.35%\n', mediaType: 'text/csv', noticeType: 'ownership' },
};

export function caseFixture(sha: { tender: string; award: string; shareholders: string }): GraphFixture {
  return {
    regions: [
      { code: '650000', name: '新疆维吾尔自治区', level: 'province' },
      { code: '653200', name: '和田地区', level: 'prefecture', parent: '650000' },
      { code: '653222', name: '墨玉县', level: 'county', parent: '653200' },
      { code: '653223', name: '皮山县', level: 'county', parent: '653200' },
      { code: '650100', name: '乌鲁木齐市', level: 'prefecture', parent: '650000' },
      { code: '650104', name: '新市区', level: 'county', parent: '650100' },
      { code: '330000', name: '浙江省', level: 'province' },
      { code: '330100', name: '杭州市', level: 'prefecture', parent: '330000' },
      { code: '330108', name: '滨江区', level: 'county', parent: '330100' },
    ],
    companies: [
      { id: 'c:sasac', name: '国务院国有资产监督管理委员会', kind: 'state' },
      { id: 'c:cetc', name: '中国电子科技集团有限公司', aliases: ['中国电子科技集团公司'] },
      { id: 'c:cethik', name: '中电海康集团有限公司' },
      { id: 'c:cetc-invest', name: '中电科投资控股有限公司' },
      { id: 'c:cetc52', name: '中国电子科技集团公司第五十二研究所' },
      { id: 'c:hikvision', name: '杭州海康威视数字技术股份有限公司', uscc: HIKVISION_USCC, address: '杭州市滨江区阡陌路555号' },
      { id: 'c:hik-xj', name: '杭州海康威视数字技术股份有限公司新疆分公司', branchOf: 'c:hikvision' },
      { id: 'c:hkscc', name: '香港中央结算有限公司' },
      { id: 'c:spv', name: '示例墨玉智慧城市运营有限公司' },
      { id: 'c:spv-range', name: '示例和田安防工程有限公司' },
      { id: 'c:dahua', name: '浙江大华技术股份有限公司', uscc: DAHUA_USCC, address: '杭州市滨江区滨安路1187号' },
      { id: 'c:telecom', name: '示例通信工程有限公司' },
      { id: 'c:moyu-police', name: '墨玉县公安局', kind: 'public' },
      { id: 'c:pishan-police', name: '皮山县公安局', kind: 'public' },
      { id: 'c:urumqi-police', name: '乌鲁木齐市公安局', kind: 'public' },
      { id: 'c:agency', name: '示例新疆招标代理有限公司' },
      { id: 'c:twin-1', name: '示例同名科技有限公司', uscc: '91650100MA77XK0Y0Y' },
      { id: 'c:twin-2', name: '示例同名科技有限公司', uscc: '91330100MA2H0C4X13' },
      { id: 'c:cycle-a', name: '示例循环甲有限公司' },
      { id: 'c:cycle-b', name: '示例循环乙有限公司' },
      { id: 'c:cycle-root', name: '示例循环控股有限公司' },
    ],
    persons: [
      { id: 'p:gong', name: '龚虹嘉' },
      { id: 'p:fu', name: '傅利泉' },
      { id: 'p:range', name: '示例自然人' },
    ],
    holdings: [
      { owner: 'c:sasac', owned: 'c:cetc', share: 100 },
      { owner: 'c:cetc', owned: 'c:cethik', share: 100 },
      { owner: 'c:cetc', owned: 'c:cetc-invest', share: 100 },
      { owner: 'c:cetc', owned: 'c:cetc52', share: 100 },
      { owner: 'c:cethik', owned: 'c:hikvision', share: 36.35, asOf: '2023-12-31', sha256: sha.shareholders, snippet: '中电海康集团有限公司,36.35%' },
      { owner: 'c:cetc-invest', owned: 'c:hikvision', share: 2.63, asOf: '2023-12-31', sha256: sha.shareholders },
      { owner: 'c:cetc52', owned: 'c:hikvision', share: 1.96, asOf: '2023-12-31', sha256: sha.shareholders },
      { owner: 'p:gong', owned: 'c:hikvision', share: 10.4, asOf: '2023-12-31', sha256: sha.shareholders },
      { owner: 'c:hkscc', owned: 'c:hikvision', share: 8, asOf: '2023-12-31', sha256: sha.shareholders },
      { owner: 'c:hikvision', owned: 'c:spv', share: 100 },
      { owner: 'c:cethik', owned: 'c:spv-range', shareMin: 10, shareMax: 15 },
      { owner: 'p:range', owned: 'c:spv-range', shareMin: 20, shareMax: 30 },
      { owner: 'p:fu', owned: 'c:dahua', share: 34 },
      { owner: 'c:cycle-a', owned: 'c:cycle-b', share: 10 },
      { owner: 'c:cycle-b', owned: 'c:cycle-a', share: 20 },
      { owner: 'c:cycle-root', owned: 'c:cycle-a', share: 90 },
    ],
    documents: [
      { sha256: sha.tender, title: '墨玉县社会治安防控体系建设PPP项目招标公告', url: 'http://www.ccgp.gov.cn/example/tender.htm', publishedAt: '2017-05-02', retrievedAt: '2024-01-05T10:00:00Z', mediaType: 'text/html', noticeType: 'tender', path: 'notices/tender.html' },
      { sha256: sha.award, title: '墨玉县社会治安防控体系建设PPP项目中标公告', url: 'http://www.ccgp.gov.cn/example/award.htm', publishedAt: '2017-06-20', retrievedAt: '2024-01-05T10:00:00Z', mediaType: 'text/html', noticeType: 'award', path: 'notices/award.html' },
      { sha256: sha.shareholders, title: '海康威视前十名股东', mediaType: 'text/csv', noticeType: 'ownership', path: 'ownership/hikvision.csv' },
    ],
    projects: [
      {
        id: 'j:moyu', name: '墨玉县社会治安防控体系建设PPP项目', code: 'MYGA-2017-001', method: '公开招标', contractModel: ['PPP', 'BOT'],
        budget: 800000000, status: 'awarded', region: '653222', buyer: 'c:moyu-police', agency: 'c:agency',
        documents: [{ sha256: sha.tender, noticeType: 'tender' }, { sha256: sha.award, noticeType: 'award' }],
        candidates: [
          { company: 'c:hikvision', rank: 1, bidAmount: 745000000, sha256: sha.award, snippet: '第一中标候选人：杭州海康威视数字技术股份有限公司' },
          { company: 'c:dahua', rank: 2, bidAmount: 760000000 },
        ],
      },
      { id: 'j:pishan', name: '皮山县公共安全视频监控建设项目', code: 'PSGA-2017-08', method: '公开招标', status: 'awarded', region: '653223', buyer: 'c:pishan-police' },
      { id: 'j:urumqi', name: '乌鲁木齐市平安城市建设项目', method: '竞争性磋商', status: 'awarded', region: '650104', buyer: 'c:urumqi-police' },
      { id: 'j:spv', name: '示例墨玉县智慧城市运营服务项目', status: 'awarded', region: '653222', buyer: 'c:moyu-police' },
      { id: 'j:hangzhou', name: '示例滨江区电子设备采购项目', status: 'awarded', region: '330108' },
      { id: 'j:undated', name: '示例墨玉县监控维护项目', status: 'awarded', region: '653222' },
    ],
    awards: [
      {
        id: 'a:j:moyu:1', project: 'j:moyu', lot: '1', status: 'active', amount: 745000000, date: '2017-06-20', sha256: sha.award,
        snippet: '中标金额：745000000.00元',
        suppliers: [
          { company: 'c:hikvision', role: 'lead', rawName: '杭州海康威视数字技术股份有限公司（联合体牵头人）', sha256: sha.award, snippet: '中标供应商：杭州海康威视数字技术股份有限公司（联合体牵头人）' },
          { company: 'c:telecom', role: 'member', rawName: '示例通信工程有限公司', sha256: sha.award },
        ],
      },
      { id: 'a:j:moyu:2', project: 'j:moyu', lot: '2', status: 'unsuccessful', date: '2017-06-20', sha256: sha.award },
      { id: 'a:j:pishan:-', project: 'j:pishan', status: 'active', amount: 310000000.12, date: '2017-08-01', suppliers: [{ company: 'c:hikvision', role: 'sole' }] },
      { id: 'a:j:urumqi:1', project: 'j:urumqi', lot: '1', status: 'active', amount: 687000000, date: '2016-09-15', suppliers: [{ company: 'c:dahua', role: 'sole' }] },
      { id: 'a:j:urumqi:2', project: 'j:urumqi', lot: '2', status: 'active', rateKind: '下浮率', ratePercent: 8.5, date: '2016-09-15', suppliers: [{ company: 'c:telecom', role: 'sole' }] },
      { id: 'a:j:spv:-', project: 'j:spv', status: 'active', amount: 2000000, date: '2019-05-05', suppliers: [{ company: 'c:spv', role: 'sole' }] },
      { id: 'a:j:hangzhou:-', project: 'j:hangzhou', status: 'active', amount: 1000000.5, date: '2018-01-01', suppliers: [{ company: 'c:cetc52', role: 'sole' }] },
      { id: 'a:j:undated:-', project: 'j:undated', status: 'active', amount: 100, suppliers: [{ company: 'c:hikvision', role: 'sole' }] },
    ],
    evidence: [
      { of: 'a:j:moyu:1', field: 'awards[0].value', text: '中标金额：745000000.00元', start: 120, end: 138, sha256: sha.award },
      { of: 'a:j:moyu:1', field: 'awards[0].suppliers[0]', text: '中标供应商：杭州海康威视数字技术股份有限公司（联合体牵头人）', start: 80, end: 115, sha256: sha.award },
      { of: 'j:moyu', field: 'buyer', text: '采购人：墨玉县公安局', start: 10, end: 20, sha256: sha.tender },
      { of: 'j:moyu', field: 'project.name', text: '墨玉县社会治安防控体系建设PPP项目', start: 0, end: 18, sha256: sha.tender },
      { of: 'j:moyu', field: 'project.name', text: '墨玉县社会治安防控体系建设PPP项目', start: 0, end: 18, sha256: sha.award },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Talking to the API in process, and counting what reaches Neo4j.

/**
 * The API as the tests use it: quiet, and with a read timeout long enough for Cypher planning on a
 * busy machine (the first run of each statement plans it; \`bidgraph serve\` plans them all before
 * listening). The timeout tests set their own.
 */
export function testApi(opts: ApiOptions): ReturnType<typeof createApi> {
  return createApi({ logging: false, timeoutMs: 30_000, ...opts });
}

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  };
  text: string;
}

type Fetcher = Pick<ReturnType<typeof createApi>, 'fetch'>;

export async function graphql(
  api: Fetcher,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const res = await api.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), text };
}

/** The codes of a response's errors, in order. */
export function errorCodes(res: GraphQLResponse): string[] {
  return (res.body.errors ?? []).map((e) => String(e.extensions?.code));
}

/**
 * Wraps a driver so that every query run inside a transaction is counted: an independent check of
 * the round trips a request makes, whatever the API's own bookkeeping says.
 */
export function countingDriver(driver: Driver): { driver: Driver; queries: () => number; reset: () => void } {
  let count = 0;
  const wrapTx = <T extends { run: (...a: any[]) => any }>(tx: T): T =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'run') {
          return (...args: unknown[]) => {
            count++;
            return target.run(...args);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const wrapSession = (session: any) =>
    new Proxy(session, {
      get(target, prop) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: any) => unknown, config?: unknown) => target[prop]((tx: any) => work(wrapTx(tx)), config);
        }
        if (prop === 'run') {
          return (...args: unknown[]) => {
            count++;
            return target.run(...args);
          };
        }
        const value = target[prop];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const wrapped = new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') return (...args: unknown[]) => wrapSession((target.session as any)(...args));
      if (prop === 'executeQuery') {
        return (...args: unknown[]) => {
          count++;
          return (target.executeQuery as any)(...args);
        };
      }
      const value = (target as any)[prop];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { driver: wrapped, queries: () => count, reset: () => (count = 0) };
}
