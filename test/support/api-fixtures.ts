// Writes a graph by hand, for the two API tests whose graph no document gives: parallel holdings and
// self-holdings (api-ownership: a user's own database may hold them), and an award added by a writer
// that leaves the rollups unmarked (api-rollups). Every other API test ingests documents. It uses the
// loader's own statements, which follow schema/model.json; identity keys, search text, amount
// captions and evidence arrays come from the same functions ingest uses.
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
