// Restrictions read from the graph. The fixpoint itself (src/domain/restrictions.ts) runs in the API
// process, over the part of the ownership graph the listed parties reach: the listings are read
// once, then the holdings of newly caught companies wave by wave (one query per wave). Results are
// cached per date, rules and data stamp; any write to listings, links, holdings or branches changes
// the stamp (count-store counts, plus RestrictionState.version that every list write bumps).
import neo4j, { type Integer } from 'neo4j-driver';
import { computeRestrictions, type HoldingFact, type ListingFact, type Restriction } from '../domain/restrictions.ts';
import type { RestrictionRules } from '../domain/restriction-rules.ts';
import { AFTER_CURSOR, AWARD_ORDER, COUNTS_IN_TOTAL } from './fragments.ts';
import type { AwardSortKey } from './cursor.ts';
import type { AwardPage } from './awards.ts';
import { namedQuery, type GraphReader } from './reader.ts';
import { RestrictedAwardIndex } from './restricted-awards.ts';
import { groupBy, project, type AwardRow, type DocumentRow } from './rows.ts';

export const listingsForRestrictions = namedQuery<Record<string, never>, ListingFact>(
  'listingsForRestrictions',
  `MATCH (e:ListEntry)-[:LISTS]->(c:Company)
   WHERE e.list IS NOT NULL
   RETURN c.id AS companyId, e.list AS list, e.id AS entryId, e.listedOn AS listedOn, e.delistedOn AS delistedOn, e.endedOn AS endedOn`,
);

interface HoldingRow {
  key: string;
  ownerId: string;
  ownedId: string;
  share: number | null;
  shareMin: number | null;
  shareMax: number | null;
  sha256: string | null;
  asOf: string | null;
}

/** Direct holdings by each owner; a share not stated is [0, 100], as in the ownership queries. */
export const holdingsByOwners = namedQuery<{ ids: string[] }, HoldingRow>(
  'holdingsByOwners',
  `UNWIND $ids AS id
   MATCH (:Company {id: id})-[r:OWNS]->(c:Company)
   RETURN id AS key, id AS ownerId, c.id AS ownedId, r.share AS share, r.shareMin AS shareMin, r.shareMax AS shareMax, r.sha256 AS sha256, r.asOf AS asOf`,
);

export const branchIdsOf = namedQuery<{ ids: string[] }, { key: string; branches: string[] }>(
  'branchIdsOf',
  `UNWIND $ids AS key
   MATCH (b:Company)-[:BRANCH_OF]->(:Company {id: key})
   RETURN key, collect(b.id) AS branches`,
);

export const restrictionStamp = namedQuery<Record<string, never>, { stamp: unknown[] }>(
  'restrictionStamp',
  `OPTIONAL MATCH (s:RestrictionState {name: 'listings'})
   RETURN [COUNT { ()-[:OWNS]->() }, COUNT { ()-[:LISTS]->() }, COUNT { ()-[:BRANCH_OF]->() }, COUNT { (:ListEntry) },
           COUNT { (:Company) }, coalesce(s.version, 0)] AS stamp`,
);

function holdingFact(r: HoldingRow): HoldingFact {
  const exact = r.share !== null && r.share !== undefined;
  return {
    ownerId: r.ownerId,
    ownedId: r.ownedId,
    share: exact ? r.share : null,
    min: exact ? (r.share as number) : (r.shareMin ?? 0),
    max: exact ? (r.share as number) : (r.shareMax ?? 100),
    sha256: r.sha256 ?? null,
    asOf: r.asOf === null || r.asOf === undefined ? null : String(r.asOf),
  };
}

/** The restrictions of every company on a date: computed once per date and data stamp, then cached. */
export class RestrictionCache {
  private readonly results = new Map<string, Promise<Map<string, Restriction[]>>>();
  /** Where the awards of each result's restricted companies were placed (restricted-awards.ts). */
  readonly awards = new RestrictedAwardIndex();

  constructor(
    readonly rules: RestrictionRules,
    private readonly keep = 8,
  ) {}

  async at(reader: GraphReader, asOf: string): Promise<Map<string, Restriction[]>> {
    const [{ stamp }] = await reader.run(restrictionStamp, {});
    const key = `${asOf}|${this.rules.hash}|${JSON.stringify(stamp, (_k, v) => (typeof v === 'bigint' || neo4j.isInt(v) ? String(v) : v))}`;
    let found = this.results.get(key);
    if (!found) {
      found = computeFromGraph(reader, this.rules, asOf);
      this.results.set(key, found);
      found.catch(() => this.results.delete(key));
      while (this.results.size > this.keep) this.results.delete(this.results.keys().next().value!);
    }
    return found;
  }
}

export async function computeFromGraph(reader: GraphReader, rules: RestrictionRules, asOf: string): Promise<Map<string, Restriction[]>> {
  const listings = await reader.run(listingsForRestrictions, {});
  return computeRestrictions(rules, listings.map((l) => ({ ...l, listedOn: str(l.listedOn), delistedOn: str(l.delistedOn), endedOn: str(l.endedOn) })), asOf, {
    holdingsBy: async (ids) => groupBy(ids, await reader.run(holdingsByOwners, { ids }), holdingFact),
    branchesOf: async (ids) => new Map((await reader.run(branchIdsOf, { ids })).map((r) => [r.key, r.branches])),
  });
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

// ------------------------------------------------------------------------------------ listings

export interface ListingRow {
  key: string;
  entry: ListEntryRow;
  matchedBy: string;
  evidence: string | null;
  source: string | null;
  /** The company the entry is linked to: the parent when the asked company is its branch. */
  holderId: string;
}

export interface ListEntryRow {
  id: string;
  list: string;
  listTitle: string | null;
  programmes: string[] | null;
  name: string | null;
  names: string[] | null;
  addresses: string[] | null;
  identifiers: string[] | null;
  listedOn: string | null;
  delistedOn: string | null;
  endedOn: string | null;
  sha256: string | null;
  notes: string[] | null;
}

/** A ListEntry as a ListEntryRow. */
export const ENTRY = (e: string) => `${e} {.id, .list, .listTitle, .programmes, .name, .names, .addresses, .identifiers, .listedOn, .delistedOn, .endedOn, .sha256, .notes}`;

/** Listings of each company, and of the company a branch belongs to. */
export const listingsOf = namedQuery<{ ids: string[] }, ListingRow>(
  'listingsOf',
  `UNWIND $ids AS key
   MATCH (c:Company {id: key})
   CALL (c) {
     RETURN c AS holder
     UNION
     MATCH (c)-[:BRANCH_OF]->(holder:Company) RETURN holder
   }
   MATCH (e:ListEntry)-[l:LISTS]->(holder)
   WHERE e.list IS NOT NULL
   RETURN key, ${ENTRY('e')} AS entry, l.matchedBy AS matchedBy, l.evidence AS evidence, l.source AS source, holder.id AS holderId
   ORDER BY key, entry.list, entry.listedOn, entry.id`,
);

export interface MatchCandidateRow {
  key: string;
  entry: ListEntryRow;
  score: number;
  reasons: string[];
}

export const matchCandidatesOf = namedQuery<{ ids: string[] }, MatchCandidateRow>(
  'matchCandidatesOf',
  `UNWIND $ids AS key
   MATCH (e:ListEntry)-[m:MAY_LIST]->(:Company {id: key})
   RETURN key, ${ENTRY('e')} AS entry, m.score AS score, m.reasons AS reasons
   ORDER BY key, score DESC, entry.id`,
);

export async function loadListings(reader: GraphReader, ids: readonly string[]): Promise<Map<string, ListingRow[]>> {
  return groupBy(ids, await reader.run(listingsOf, { ids: [...ids] }), (r) => r);
}

export async function loadMatchCandidates(reader: GraphReader, ids: readonly string[]): Promise<Map<string, MatchCandidateRow[]>> {
  return groupBy(ids, await reader.run(matchCandidatesOf, { ids: [...ids] }), (r) => r);
}

// ------------------------------------------------------------------------------------ awards

export interface RestrictedAwardFilter {
  companyIds: string[];
  from: string | null;
  to: string | null;
}

/** Awards in the region (and its subregions) won by these companies, from the companies down: the restricted set is small. */
const RESTRICTED_AWARDS = `
   MATCH (r:Region {code: key})
   CALL (r) {
     UNWIND $companyIds AS cid
     MATCH (:Company {id: cid})<-[:AWARDED_TO]-(a:Award)
     WHERE ($from IS NULL OR a.date >= $from) AND ($to IS NULL OR a.date <= $to)
       AND EXISTS { MATCH (a)<-[:HAS_AWARD]-(:Project)-[:IN_REGION]->(:Region)-[:PART_OF*0..2]->(r) }
     RETURN DISTINCT a
   }`;

export const restrictedAwardsIn = namedQuery<RestrictedAwardFilter & { ids: string[]; afterDate: string | null; afterId: string | null; limit: Integer }, { key: string; awards: AwardRow[] }>(
  'restrictedAwardsIn',
  `UNWIND $ids AS key
   ${RESTRICTED_AWARDS}
   WITH key, a WHERE ${AFTER_CURSOR('a')}
   WITH key, a ORDER BY ${AWARD_ORDER('a')}
   WITH key, collect(a)[..$limit] AS page
   RETURN key, [a IN page | ${project.award('a')}] AS awards`,
);

export const restrictedAwardCountIn = namedQuery<RestrictedAwardFilter & { ids: string[] }, { key: string; count: number }>(
  'restrictedAwardCountIn',
  `UNWIND $ids AS key
   ${RESTRICTED_AWARDS}
   RETURN key, count(a) AS count`,
);

export const restrictedAwardTotalIn = namedQuery<RestrictedAwardFilter & { ids: string[] }, { key: string; fen: number }>(
  'restrictedAwardTotalIn',
  `UNWIND $ids AS key
   ${RESTRICTED_AWARDS}
   WITH key, a WHERE ${COUNTS_IN_TOTAL('a')}
   RETURN key, sum(a.amountFen) AS fen`,
);

export async function loadRestrictedAwardPages(
  reader: GraphReader,
  ids: readonly string[],
  filter: RestrictedAwardFilter,
  first: number,
  after: AwardSortKey | null,
): Promise<Map<string, AwardPage>> {
  const rows = await reader.run(restrictedAwardsIn, { ...filter, ids: [...ids], afterDate: after?.date ?? null, afterId: after?.id ?? null, limit: neo4j.int(first + 1) });
  const out = new Map<string, AwardPage>(ids.map((id) => [id, { rows: [], hasNextPage: false }]));
  for (const r of rows) out.set(r.key, { rows: r.awards.slice(0, first), hasNextPage: r.awards.length > first });
  return out;
}

export async function loadRestrictedAwardCounts(reader: GraphReader, ids: readonly string[], filter: RestrictedAwardFilter): Promise<Map<string, number>> {
  const rows = await reader.run(restrictedAwardCountIn, { ...filter, ids: [...ids] });
  return new Map(ids.map((id) => [id, Number(rows.find((r) => r.key === id)?.count ?? 0)]));
}

export async function loadRestrictedAwardTotals(reader: GraphReader, ids: readonly string[], filter: RestrictedAwardFilter): Promise<Map<string, number>> {
  const rows = await reader.run(restrictedAwardTotalIn, { ...filter, ids: [...ids] });
  return new Map(rows.map((r) => [r.key, Number(r.fen ?? 0)]));
}

export type { DocumentRow };

export const listEntriesById = namedQuery<{ ids: string[] }, { key: string; entry: ListEntryRow }>(
  'listEntriesById',
  `UNWIND $ids AS key
   MATCH (e:ListEntry {id: key})
   RETURN key, ${ENTRY('e')} AS entry`,
);

export async function loadListEntries(reader: GraphReader, ids: readonly string[]): Promise<Map<string, ListEntryRow>> {
  return new Map((await reader.run(listEntriesById, { ids: [...ids] })).map((r) => [r.key, r.entry]));
}
