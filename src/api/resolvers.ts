// Thin resolvers: check arguments, ask src/graph/ through the request's batchers, shape the answer.
// No Cypher here.
import { timingSafeEqual } from 'node:crypto';
import { nameRecord } from '../domain/identity.ts';
import { normalizeUscc } from '../domain/uscc.ts';
import { serverVersion } from '../db/driver.ts';
import { batched, type ApiContext } from './context.ts';
import { apiError, badInput } from './errors.ts';
import { pageSize } from './limits.ts';
import { decodeCursor, encodeCursor, type AwardSortKey } from '../graph/cursor.ts';
import { isoText, type AwardRow, type CompanyRow, type DocumentRow, type PartyRow, type PersonRow, type ProjectRow, type RegionRow } from '../graph/rows.ts';
import {
  loadCompaniesByNameKeys,
  loadCompaniesByUscc,
  loadBranchParents,
  loadBranches,
  loadCompanies,
  loadHoldings,
  loadOwners,
  loadPersons,
  type HoldingRow,
} from '../graph/companies.ts';
import {
  loadControllingParties,
  loadGroupMembers,
  loadStateShares,
  loadUltimateOwners,
  type UltimateOwnerRow,
} from '../graph/ownership.ts';
import {
  awardCountInRegions,
  awardCountOfCompanies,
  awardCountOfGroups,
  awardTotalInRegions,
  awardTotalOfCompanies,
  awardTotalOfGroups,
  awardsInRegions,
  awardsOfCompanies,
  awardsOfGroups,
  loadAwardCounts,
  loadAwardPages,
  loadAwardTotals,
  loadAwardsById,
  loadTopSuppliers,
  type AwardPage,
  type CompanyAwardFilter,
  type GroupAwardFilter,
  type RegionAwardFilter,
  type CountQuery,
  type PageQuery,
} from '../graph/awards.ts';
import {
  loadAwardsOfProjects,
  loadCandidates,
  loadDocumentsOfProjects,
  loadEvidence,
  loadPartiesOfProjects,
  loadProjects,
  loadProjectsOfAwards,
  loadRegionsOfProjects,
  loadSuppliers,
  type CandidateRow,
  type SupplierRow,
} from '../graph/projects.ts';
import { loadChildren, loadParents, loadRegionPaths, loadRegions } from '../graph/regions.ts';
import { loadDocuments } from '../graph/documents.ts';
import { searchByName } from '../graph/search.ts';
import { addAlias } from '../graph/aliases.ts';
import { mergeResolvers, restrictionResolvers } from './restriction-resolvers.ts';
import { describeHolder } from '../db/writer-lease.ts';
import type { GraphReader } from '../graph/reader.ts';
import { yuanFromFen } from '../domain/amount.ts';

// ---------------------------------------------------------------------------------------------
// Argument checks

const REGION_CODE = /^\d{6}$/;
/** The stored kind of an award's date, as the API's enum names it. */
const DATE_KIND: Record<string, string> = { decision: 'DECISION', publication: 'PUBLICATION', publicityStart: 'PUBLICITY_START' };
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHA256 = /^[0-9a-f]{64}$/;

export function regionCode(code: string | null | undefined, argument: string): string | null {
  if (code === null || code === undefined) return null;
  if (!REGION_CODE.test(code)) throw badInput(`${argument} must be a six-digit GB/T 2260 code such as 650000 (got ${JSON.stringify(code)}).`, argument);
  return code;
}

export function isoDate(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const m = DATE.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw badInput(`${argument} must be a date written YYYY-MM-DD (got ${JSON.stringify(value)}).`, argument);
  }
  return value;
}

function percent(value: number, argument: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) throw badInput(`${argument} is a percent between 0 and 100 (got ${value}).`, argument);
  return value;
}

export function cursor(after: string | null | undefined): AwardSortKey | null {
  if (after === null || after === undefined) return null;
  const key = decodeCursor(after);
  if (!key) throw badInput('after must be an endCursor returned by this API.', 'after');
  return key;
}

function sha256(value: string, argument: string): string {
  const lower = value.trim().toLowerCase();
  if (!SHA256.test(lower)) throw badInput(`${argument} must be 64 hexadecimal characters (got ${JSON.stringify(value)}).`, argument);
  return lower;
}

export function requiredText(value: string, argument: string, max: number): string {
  const text = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) throw badInput(`${argument} must not be empty.`, argument);
  if (text.length > max) throw badInput(`${argument} is longer than ${max} characters.`, argument);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Shapes

interface Money {
  amount: number;
  currency: string;
}

/** The graph keeps fen; the API's Money says yuan, so this is the one place fen become yuan. */
export function moneyFromFen(fen: number | null | undefined, currency = 'CNY'): Money | null {
  return fen === null || fen === undefined ? null : { amount: yuanFromFen(fen), currency };
}

function sortKey(a: AwardRow): AwardSortKey {
  return { date: isoText(a.date) ?? '', id: a.id };
}

/**
 * A lazy list of awards: the connection's fields load only what they are asked for (a page, a
 * count), batched by parent over the whole request.
 */
export interface AwardList {
  /** Names the question and its arguments for the batchers. */
  scope: string;
  args: unknown;
  parentKey: string;
  page: (reader: GraphReader, keys: readonly string[]) => Promise<Map<string, AwardPage>>;
  count: (reader: GraphReader, keys: readonly string[]) => Promise<Map<string, number>>;
}

function awardList<F extends object>(
  ctx: ApiContext,
  scope: string,
  parentKey: string,
  queries: { page: PageQuery<F>; count: CountQuery<F> },
  filter: F,
  firstArg: number,
  afterArg: string | null | undefined,
): AwardList {
  const first = pageSize(firstArg, ctx.limits.maxPageSize);
  const after = cursor(afterArg);
  return {
    scope,
    args: [filter, first, after],
    parentKey,
    page: (reader, keys) => loadAwardPages(reader, queries.page, keys, filter, first, after),
    count: (reader, keys) => loadAwardCounts(reader, queries.count, keys, filter),
  };
}

function loadPage(list: AwardList, ctx: ApiContext): Promise<AwardPage | undefined> {
  return batched(ctx, `page:${list.scope}`, list.args, list.parentKey, list.page);
}

// ---------------------------------------------------------------------------------------------
// Resolvers

export async function companyById(ctx: ApiContext, id: string): Promise<CompanyRow | null> {
  return (await batched(ctx, 'company', null, id, loadCompanies)) ?? null;
}

export async function documentBySha(ctx: ApiContext, sha: string | null | undefined): Promise<DocumentRow | null> {
  if (!sha || !SHA256.test(sha)) return null;
  return (await batched(ctx, 'document', null, sha, loadDocuments)) ?? null;
}

/**
 * The company a name is, found under the identity keys ingest merges a mention of that name under
 * (src/domain/identity.ts: its canonical key and those of its known renames).
 */
async function companyByName(ctx: ApiContext, name: string): Promise<CompanyRow | null> {
  const record = nameRecord(requiredText(name, 'name', 300));
  if (!record) throw badInput('name has nothing left once canonicalised (only punctuation or role notes?).', 'name');
  const canonical = record.canonical;
  const byKey = await Promise.all(record.keys.map((key) => batched(ctx, 'companiesByName', null, key, loadCompaniesByNameKeys)));
  const found = [...new Map(byKey.flatMap((rows) => rows ?? []).map((c) => [c.id, c])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (found.length > 1) {
    throw apiError('AMBIGUOUS_NAME', `The name ${canonical} belongs to ${found.length} companies; ask by id or uscc.`, {
      candidates: found.map((c) => ({ id: c.id, name: c.name, uscc: c.uscc })),
    });
  }
  return found[0] ?? null;
}

/**
 * One figure of the state share: 100 for a state body, 0 when owners are recorded but none leads
 * to the state, null when no ownership is recorded; else the computed share (null when a range is
 * involved) or its bounds.
 */
async function stateFigure(ctx: ApiContext, companyId: string, which: 'share' | 'min' | 'max'): Promise<number | null> {
  const s = await batched(ctx, 'stateShare', null, companyId, loadStateShares);
  if (!s) return null;
  if (s.isState) return 100;
  if (s.paths === 0) return s.hasOwners ? 0 : null;
  return s[which];
}

export function authorized(ctx: ApiContext): void {
  if (!ctx.authorized) throw apiError('UNAUTHENTICATED', 'Mutations need the header Authorization: Bearer <BIDGRAPH_API_TOKEN>.');
}

export function createResolvers(opts: { withMutations: boolean }) {
  const resolvers: Record<string, unknown> = {
    Query: {
      health: async (_: unknown, __: unknown, ctx: ApiContext) => {
        const v = await serverVersion(ctx.driver, ctx.database);
        return { ok: true, neo4jVersion: v.version, neo4jEdition: v.edition };
      },
      company: async (_: unknown, args: { id?: string | null; uscc?: string | null; name?: string | null }, ctx: ApiContext) => {
        const given = (['id', 'uscc', 'name'] as const).filter((k) => args[k] !== null && args[k] !== undefined);
        if (given.length !== 1) throw badInput('Give exactly one of id, uscc or name.');
        if (args.id) return companyById(ctx, args.id);
        if (args.uscc) {
          const uscc = normalizeUscc(args.uscc);
          if (!uscc) throw badInput(`${JSON.stringify(args.uscc)} is not a valid USCC (18 characters with a matching check character).`, 'uscc');
          return (await batched(ctx, 'companyByUscc', null, uscc, loadCompaniesByUscc)) ?? null;
        }
        return companyByName(ctx, args.name ?? '');
      },
      person: async (_: unknown, args: { id: string }, ctx: ApiContext) =>
        (await batched(ctx, 'person', null, args.id, loadPersons)) ?? null,
      region: async (_: unknown, args: { code: string }, ctx: ApiContext) =>
        (await batched(ctx, 'region', null, regionCode(args.code, 'code') as string, loadRegions)) ?? null,
      project: async (_: unknown, args: { id: string }, ctx: ApiContext) =>
        (await batched(ctx, 'project', null, args.id, loadProjects)) ?? null,
      award: async (_: unknown, args: { id: string }, ctx: ApiContext) =>
        (await batched(ctx, 'award', null, args.id, loadAwardsById)) ?? null,
      document: async (_: unknown, args: { sha256: string }, ctx: ApiContext) => documentBySha(ctx, sha256(args.sha256, 'sha256')),
      search: async (_: unknown, args: { text: string; first: number }, ctx: ApiContext) => {
        const text = requiredText(args.text, 'text', 100);
        const first = pageSize(args.first, ctx.limits.maxSearchResults);
        return searchByName(ctx.reader, text, first);
      },
    },

    Party: {
      __resolveType: (p: PartyRow | PersonRow) => ((p as PartyRow).person ? 'Person' : 'Company'),
    },

    Company: {
      names: (c: CompanyRow) => c.names ?? [c.name],
      isBranch: (c: CompanyRow) => c.isBranch === true,
      branchOf: async (c: CompanyRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'branchOf', null, c.id, loadBranchParents))?.[0] ?? null,
      branches: async (c: CompanyRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'branches', null, c.id, loadBranches)) ?? [],
      owners: async (c: CompanyRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'owners', null, c.id, loadOwners)) ?? [],
      holdings: async (c: CompanyRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'holdings', null, c.id, loadHoldings)) ?? [],
      ultimateOwners: async (c: CompanyRow, _: unknown, ctx: ApiContext) =>
        (await batched(ctx, 'ultimateOwners', null, c.id, loadUltimateOwners)) ?? [],
      controllingParties: async (c: CompanyRow, args: { threshold: number }, ctx: ApiContext) => {
        const threshold = percent(args.threshold, 'threshold');
        return (await batched(ctx, 'controllingParties', threshold, c.id, (r, ids) => loadControllingParties(r, ids, threshold))) ?? [];
      },
      stateShare: (c: CompanyRow, _: unknown, ctx: ApiContext) => stateFigure(ctx, c.id, 'share'),
      stateShareMin: (c: CompanyRow, _: unknown, ctx: ApiContext) => stateFigure(ctx, c.id, 'min'),
      stateShareMax: (c: CompanyRow, _: unknown, ctx: ApiContext) => stateFigure(ctx, c.id, 'max'),
      awards: (c: CompanyRow, args: { regionCode?: string | null; from?: string | null; to?: string | null; first: number; after?: string | null }, ctx: ApiContext) =>
        awardList(ctx, 'company', c.id, { page: awardsOfCompanies, count: awardCountOfCompanies }, {
          regionCode: regionCode(args.regionCode, 'regionCode'),
          from: isoDate(args.from, 'from'),
          to: isoDate(args.to, 'to'),
        }, args.first, args.after),
      totalAwarded: async (c: CompanyRow, args: { regionCode?: string | null }, ctx: ApiContext) => {
        const filter: CompanyAwardFilter = { regionCode: regionCode(args.regionCode, 'regionCode'), from: null, to: null };
        const fen = await batched(ctx, 'companyTotal', filter, c.id, (r, ids) => loadAwardTotals(r, awardTotalOfCompanies, ids, filter));
        return moneyFromFen(fen);
      },
      groupAwards: (c: CompanyRow, args: { minShare: number; regionCode?: string | null; first: number; after?: string | null }, ctx: ApiContext) =>
        awardList(ctx, 'group', c.id, { page: awardsOfGroups, count: awardCountOfGroups }, {
          minShare: percent(args.minShare, 'minShare'),
          regionCode: regionCode(args.regionCode, 'regionCode'),
        }, args.first, args.after),
      groupTotalAwarded: async (c: CompanyRow, args: { minShare: number; regionCode?: string | null }, ctx: ApiContext) => {
        const filter: GroupAwardFilter = { minShare: percent(args.minShare, 'minShare'), regionCode: regionCode(args.regionCode, 'regionCode') };
        const fen = await batched(ctx, 'groupTotal', filter, c.id, (r, ids) => loadAwardTotals(r, awardTotalOfGroups, ids, filter));
        return moneyFromFen(fen);
      },
      groupMembers: async (c: CompanyRow, args: { minShare: number }, ctx: ApiContext) => {
        const minShare = percent(args.minShare, 'minShare');
        const members = (await batched(ctx, 'groupMembers', minShare, c.id, (r, ids) => loadGroupMembers(r, ids, minShare))) ?? [];
        return members.map((m) => ({ company: m.member, effectiveShare: m.share }));
      },
    },

    Person: {
      holdings: async (p: PersonRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'holdings', null, p.id, loadHoldings)) ?? [],
    },

    Holding: {
      shareMin: (h: HoldingRow) => h.shareMin ?? h.share,
      shareMax: (h: HoldingRow) => h.shareMax ?? h.share,
      asOf: (h: HoldingRow) => isoText(h.asOf),
      source: (h: HoldingRow, _: unknown, ctx: ApiContext) => documentBySha(ctx, h.sha256),
    },

    UltimateOwner: {
      effectiveShare: (u: UltimateOwnerRow) => u.share,
      effectiveShareMin: (u: UltimateOwnerRow) => u.min,
      effectiveShareMax: (u: UltimateOwnerRow) => u.max,
    },

    AwardConnection: {
      nodes: async (list: AwardList, _: unknown, ctx: ApiContext) => (await loadPage(list, ctx))?.rows ?? [],
      pageInfo: async (list: AwardList, _: unknown, ctx: ApiContext) => {
        const page = await loadPage(list, ctx);
        const last = page?.rows.at(-1);
        return { hasNextPage: page?.hasNextPage ?? false, endCursor: last ? encodeCursor(sortKey(last)) : null };
      },
      totalCount: async (list: AwardList, _: unknown, ctx: ApiContext) =>
        (await batched(ctx, `count:${list.scope}`, (list.args as unknown[])[0], list.parentKey, list.count)) ?? 0,
    },

    Region: {
      parent: async (r: RegionRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'regionParent', null, r.code, loadParents))?.[0] ?? null,
      children: async (r: RegionRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'regionChildren', null, r.code, loadChildren)) ?? [],
      path: async (r: RegionRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'regionPath', null, r.code, loadRegionPaths)) ?? [r],
      awards: (r: RegionRow, args: { includeSubregions: boolean; first: number; after?: string | null }, ctx: ApiContext) =>
        awardList(ctx, 'region', r.code, { page: awardsInRegions, count: awardCountInRegions }, { includeSubregions: args.includeSubregions }, args.first, args.after),
      totalAwarded: async (r: RegionRow, args: { includeSubregions: boolean }, ctx: ApiContext) => {
        const filter: RegionAwardFilter = { includeSubregions: args.includeSubregions };
        const fen = await batched(ctx, 'regionTotal', filter, r.code, (reader, ids) => loadAwardTotals(reader, awardTotalInRegions, ids, filter));
        return moneyFromFen(fen);
      },
      topSuppliers: async (r: RegionRow, args: { first: number; includeSubregions: boolean }, ctx: ApiContext) => {
        const first = pageSize(args.first, ctx.limits.maxPageSize);
        const rows =
          (await batched(ctx, 'topSuppliers', [first, args.includeSubregions], r.code, (reader, ids) =>
            loadTopSuppliers(reader, ids, args.includeSubregions, first),
          )) ?? [];
        return rows.map((s) => ({ company: s.company, total: moneyFromFen(s.fen), awards: s.awards }));
      },
    },

    Award: {
      status: (a: AwardRow) => a.status ?? 'unknown',
      value: (a: AwardRow) => moneyFromFen(a.amountFen, a.currency ?? 'CNY'),
      rate: (a: AwardRow) => (a.rateKind && a.ratePercent !== null && a.ratePercent !== undefined ? { kind: a.rateKind, percent: a.ratePercent } : null),
      date: (a: AwardRow) => isoText(a.date),
      dateKind: (a: AwardRow) => (a.dateKind ? DATE_KIND[a.dateKind] ?? null : null),
      project: async (a: AwardRow, _: unknown, ctx: ApiContext) => {
        const p = await batched(ctx, 'projectOfAward', null, a.id, loadProjectsOfAwards);
        if (!p) throw new Error(`award ${a.id} has no project`);
        return p;
      },
      suppliers: async (a: AwardRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'suppliers', null, a.id, loadSuppliers)) ?? [],
      evidence: async (a: AwardRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'evidence', null, a.id, loadEvidence)) ?? [],
      source: (a: AwardRow, _: unknown, ctx: ApiContext) => documentBySha(ctx, a.sha256),
    },

    AwardSupplier: {
      role: (s: SupplierRow) => s.role ?? 'sole',
      source: (s: SupplierRow, _: unknown, ctx: ApiContext) => documentBySha(ctx, s.sha256),
    },

    Project: {
      contractModel: (p: ProjectRow) => {
        const v = p.contractModel;
        if (Array.isArray(v)) return v.map(String);
        return typeof v === 'string' && v ? [v] : [];
      },
      budget: (p: ProjectRow) => moneyFromFen(p.budgetFen),
      region: async (p: ProjectRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'projectRegion', null, p.id, loadRegionsOfProjects))?.[0] ?? null,
      buyer: async (p: ProjectRow, _: unknown, ctx: ApiContext) =>
        (await batched(ctx, 'projectParties', null, p.id, loadPartiesOfProjects))?.find((x) => x.role === 'buyer')?.company ?? null,
      agency: async (p: ProjectRow, _: unknown, ctx: ApiContext) =>
        (await batched(ctx, 'projectParties', null, p.id, loadPartiesOfProjects))?.find((x) => x.role === 'agency')?.company ?? null,
      awards: async (p: ProjectRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'projectAwards', null, p.id, loadAwardsOfProjects)) ?? [],
      candidates: async (p: ProjectRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'candidates', null, p.id, loadCandidates)) ?? [],
      documents: async (p: ProjectRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'projectDocuments', null, p.id, loadDocumentsOfProjects)) ?? [],
      evidence: async (p: ProjectRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'evidence', null, p.id, loadEvidence)) ?? [],
    },

    Candidate: {
      bidAmount: (c: CandidateRow) => moneyFromFen(c.bidAmountFen),
      source: (c: CandidateRow, _: unknown, ctx: ApiContext) => documentBySha(ctx, c.sha256),
    },

    Document: {
      retrievedAt: (d: DocumentRow) => isoText(d.retrievedAt),
      publishedAt: (d: DocumentRow) => isoText(d.publishedAt),
      mediaType: (d: DocumentRow) => d.mediaType ?? 'application/octet-stream',
      archiveUrl: (d: DocumentRow) => `/documents/${d.sha256}`,
    },
  };

  mergeResolvers(resolvers, restrictionResolvers({ withMutations: opts.withMutations }));
  if (opts.withMutations) {
    resolvers.Mutation = {
      ...(resolvers.Mutation as object),
      addAlias: async (_: unknown, args: { companyId: string; name: string; source: string }, ctx: ApiContext) => {
        authorized(ctx);
        const raw = requiredText(args.name, 'name', 300);
        const source = requiredText(args.source, 'source', 1000);
        const record = nameRecord(raw);
        if (!record) throw badInput('name has nothing left once canonicalised.', 'name');
        const canonical = record.canonical;
        const outcome = await addAlias(ctx.driver, ctx.database, ctx.timeoutMs, {
          companyId: args.companyId,
          name: record,
          source,
          at: new Date().toISOString(),
        });
        if (outcome.kind === 'missing') throw apiError('NOT_FOUND', `No company with id ${args.companyId}.`, { argument: 'companyId' });
        if (outcome.kind === 'busy') {
          throw apiError('WRITER_BUSY', `The graph is being written by ${describeHolder(outcome.holder)}; try again when it has finished.`, {
            holder: { command: outcome.holder.command, host: outcome.holder.host, pid: outcome.holder.pid, started: outcome.holder.started },
          });
        }
        if (outcome.kind === 'conflict') {
          throw apiError('CONFLICT', `The name ${canonical} already belongs to company ${outcome.other.id} (${outcome.other.name}); merging companies is a review decision, not an alias.`, {
            other: { id: outcome.other.id, name: outcome.other.name, uscc: outcome.other.uscc },
          });
        }
        return outcome.company;
      },
    };
  }
  return resolvers;
}

/** Compares the bearer token in constant time. */
export function bearerMatches(header: string | null, token: string | undefined): boolean {
  if (!token || !header) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
