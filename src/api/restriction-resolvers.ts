// Resolvers of the restriction fields: listings, restrictions on a date, match candidates, the
// awards of restricted suppliers, and the reviewer's confirmation. Thin, like resolvers.ts: the
// fixpoint runs in src/domain/restrictions.ts over what src/graph/restrictions.ts reads.
import type { Restriction, PathStep } from '../domain/restrictions.ts';
import { batched, type ApiContext } from './context.ts';
import { apiError, badInput } from './errors.ts';
import { pageSize } from './limits.ts';
import {
  authorized,
  companyById,
  cursor,
  documentBySha,
  isoDate,
  moneyFromFen,
  regionCode,
  requiredText,
  type AwardList,
} from './resolvers.ts';
import { loadSuppliers } from '../graph/projects.ts';
import type { AwardRow, CompanyRow, RegionRow } from '../graph/rows.ts';
import {
  loadListEntries,
  loadListings,
  loadMatchCandidates,
  loadRestrictedAwardCounts,
  loadRestrictedAwardPages,
  loadRestrictedAwardTotals,
  type ListEntryRow,
  type ListingRow,
  type MatchCandidateRow,
} from '../graph/restrictions.ts';
import { confirmMatch } from '../graph/match-review.ts';
import type { GraphReader } from '../graph/reader.ts';
import { placedCounts, placedPages } from '../graph/restricted-awards.ts';
import { today } from './restrictions-ahead.ts';

type Resolvers = Record<string, Record<string, unknown>>;

function day(asOf: string | null | undefined): string {
  return isoDate(asOf, 'asOf') ?? today();
}

function listIds(lists: readonly string[] | null | undefined): string[] | null {
  if (lists === null || lists === undefined) return null;
  if (lists.length > 50) throw badInput('lists names at most 50 lists.', 'lists');
  return lists.map((l) => requiredText(l, 'lists', 100));
}

/** Every company's restrictions on that day, once per request (the cache behind it keeps them across requests). */
async function restrictionsOn(ctx: ApiContext, date: string): Promise<Map<string, Restriction[]>> {
  return (await batched(ctx, 'restrictionsOn', null, date, async (reader, days) => new Map(await Promise.all(days.map(async (d) => [d, await ctx.restrictions.at(reader, d)] as const)))))!;
}

function restrictedIds(all: Map<string, Restriction[]>, lists: string[] | null, includePossible: boolean): string[] {
  const out: string[] = [];
  for (const [id, rs] of all) {
    if (rs.some((r) => (lists === null || lists.includes(r.list)) && (includePossible || r.status !== 'POSSIBLY_OWNED'))) out.push(id);
  }
  return out.sort();
}

/** The API's shape of a restriction; steps stay as computed, resolved to companies lazily. */
function shaped(r: Restriction) {
  return {
    status: r.status,
    list: r.list,
    rule: r.rule,
    aggregateShare: r.aggregateMin === null || r.aggregateMax === null ? null : { min: r.aggregateMin, max: r.aggregateMax },
    holdings: r.holdings.map((h) => ({ ...h, branch: false })),
    paths: r.paths,
    entryIds: r.entryIds,
  };
}

export function restrictionResolvers(opts: { withMutations: boolean }): Resolvers {
  const resolvers: Resolvers = {
    Query: {
      restrictedAwards: (
        _: unknown,
        args: { regionCode: string; from?: string | null; to?: string | null; asOf?: string | null; lists?: string[] | null; includePossible: boolean; first: number; after?: string | null },
        ctx: ApiContext,
      ): AwardList => {
        const code = regionCode(args.regionCode, 'regionCode') as string;
        const from = isoDate(args.from, 'from');
        const to = isoDate(args.to, 'to');
        const date = day(args.asOf);
        const lists = listIds(args.lists);
        const first = pageSize(args.first, ctx.limits.maxPageSize);
        const after = cursor(args.after);
        const filter = async () => ({ companyIds: restrictedIds(await restrictionsOn(ctx, date), lists, args.includePossible), from, to });
        // Placed once per restriction result and award data, then shared by the requests; null: read live.
        const placed = async (reader: GraphReader, companyIds: string[]) =>
          ctx.restrictions.awards.placed(reader, await restrictionsOn(ctx, date), JSON.stringify([lists, args.includePossible]), companyIds);
        return {
          scope: 'restricted',
          args: [{ from, to, date, lists, possible: args.includePossible }, first, after],
          parentKey: code,
          page: async (reader, keys) => {
            const f = await filter();
            const index = await placed(reader, f.companyIds);
            return index ? placedPages(reader, index, keys, f, first, after) : loadRestrictedAwardPages(reader, keys, f, first, after);
          },
          count: async (reader, keys) => {
            const f = await filter();
            const index = await placed(reader, f.companyIds);
            return index ? placedCounts(index, keys, f) : loadRestrictedAwardCounts(reader, keys, f);
          },
        };
      },
    },
    Company: {
      listings: async (c: CompanyRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'listings', null, c.id, loadListings)) ?? [],
      restrictions: async (c: CompanyRow, args: { asOf?: string | null }, ctx: ApiContext) =>
        ((await restrictionsOn(ctx, day(args.asOf))).get(c.id) ?? []).map(shaped),
      restricted: async (c: CompanyRow, args: { asOf?: string | null }, ctx: ApiContext) =>
        ((await restrictionsOn(ctx, day(args.asOf))).get(c.id) ?? []).some((r) => r.status !== 'POSSIBLY_OWNED'),
      matchCandidates: async (c: CompanyRow, _: unknown, ctx: ApiContext) => (await batched(ctx, 'matchCandidates', null, c.id, loadMatchCandidates)) ?? [],
    },
    Listing: {
      list: (l: ListingRow) => l.entry.list,
      programme: (l: ListingRow) => (l.entry.programmes?.length ? l.entry.programmes.join(', ') : null),
      listedOn: (l: ListingRow) => l.entry.listedOn,
      delistedOn: (l: ListingRow) => l.entry.delistedOn,
      entryName: (l: ListingRow) => l.entry.name,
      document: (l: ListingRow, _: unknown, ctx: ApiContext) => documentBySha(ctx, l.entry.sha256),
      viaParent: (l: ListingRow, _: unknown, ctx: ApiContext) => (l.holderId !== l.key ? companyById(ctx, l.holderId) : null),
    },
    ListEntry: {
      programmes: (e: ListEntryRow) => e.programmes ?? [],
      names: (e: ListEntryRow) => e.names ?? (e.name ? [e.name] : []),
      addresses: (e: ListEntryRow) => e.addresses ?? [],
      identifiers: (e: ListEntryRow) => e.identifiers ?? [],
      notes: (e: ListEntryRow) => e.notes ?? [],
      document: (e: ListEntryRow, _: unknown, ctx: ApiContext) => documentBySha(ctx, e.sha256),
    },
    MatchCandidate: {
      reasons: (m: MatchCandidateRow) => m.reasons ?? [],
    },
    Restriction: {
      entries: async (r: ReturnType<typeof shaped>, _: unknown, ctx: ApiContext) =>
        (await Promise.all(r.entryIds.map((id) => batched(ctx, 'listEntry', null, id, loadListEntries)))).filter(Boolean),
    },
    RestrictionStep: {
      owner: (s: PathStep, _: unknown, ctx: ApiContext) => companyById(ctx, s.ownerId),
      owned: (s: PathStep, _: unknown, ctx: ApiContext) => companyById(ctx, s.ownedId),
      shareMin: (s: PathStep) => s.min,
      shareMax: (s: PathStep) => s.max,
      source: (s: PathStep, _: unknown, ctx: ApiContext) => documentBySha(ctx, s.sha256),
    },
    Award: {
      restrictedSuppliers: async (a: AwardRow, args: { asOf?: string | null }, ctx: ApiContext) => {
        const all = await restrictionsOn(ctx, day(args.asOf));
        const suppliers = (await batched(ctx, 'suppliers', null, a.id, loadSuppliers)) ?? [];
        return suppliers.filter((s) => all.has(s.company.id)).map((s) => ({ company: s.company, restrictions: all.get(s.company.id)!.map(shaped) }));
      },
    },
    Region: {
      restrictedTotalAwarded: async (r: RegionRow, args: { asOf?: string | null; lists?: string[] | null; includePossible: boolean }, ctx: ApiContext) => {
        const date = day(args.asOf);
        const lists = listIds(args.lists);
        const companyIds = restrictedIds(await restrictionsOn(ctx, date), lists, args.includePossible);
        const fen = await batched(ctx, 'restrictedTotal', [date, lists, args.includePossible], r.code, (reader, codes) =>
          loadRestrictedAwardTotals(reader, codes, { companyIds, from: null, to: null }),
        );
        return moneyFromFen(fen ?? 0);
      },
    },
  };
  if (opts.withMutations) {
    resolvers.Mutation = {
      confirmMatch: async (_: unknown, args: { entryId: string; companyId: string; source: string }, ctx: ApiContext) => {
        authorized(ctx);
        const source = requiredText(args.source, 'source', 1000);
        const company = await confirmMatch(ctx.driver, ctx.database, ctx.timeoutMs, { entryId: args.entryId, companyId: args.companyId, source, at: new Date().toISOString() });
        if (!company) throw apiError('NOT_FOUND', `No match candidate links list entry ${args.entryId} to company ${args.companyId}.`, { argument: 'entryId' });
        return company;
      },
    };
  }
  return resolvers;
}

/** Adds the fields of `extra` to the types of `into`. */
export function mergeResolvers(into: Record<string, unknown>, extra: Resolvers): void {
  for (const [type, fields] of Object.entries(extra)) into[type] = { ...((into[type] as object | undefined) ?? {}), ...fields };
}
