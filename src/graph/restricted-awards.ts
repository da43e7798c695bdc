// The awards of restricted suppliers, placed once per restriction result and award data: every award
// any restricted company won, with its date and the codes of its region and the regions above. A
// province's restricted awards are then a filter in memory, its count a length, and its page one
// lookup of at most `first + 1` awards by id, instead of walking every restricted company again.
//
// Sound only while the award data cannot change unseen: the placement is kept under the award
// rollups' state (src/graph/rollups.ts), which every write to awards marks stale in its own
// transaction and every refresh stamps anew. While the rollups are missing or stale, the caller
// falls back on the live queries of src/graph/restrictions.ts.
import neo4j from 'neo4j-driver';
import type { Restriction } from '../domain/restrictions.ts';
import type { AwardSortKey } from './cursor.ts';
import { loadAwardsById, type AwardPage } from './awards.ts';
import { AWARD_DATA_FINGERPRINT } from './rollups.ts';
import { namedQuery, type GraphReader } from './reader.ts';
import { isoText, type AwardRow } from './rows.ts';

export interface PlacedAward {
  id: string;
  /** ISO date, '' when the award has none (sorted last, as AWARD_ORDER does). */
  date: string;
  /** The region of its project and every region above it. */
  regions: string[];
}

export const awardDataStamp = namedQuery<Record<string, never>, { usable: boolean; stamp: unknown[] }>(
  'awardDataStamp',
  `OPTIONAL MATCH (rollup:RollupState {name: 'awards'})
   RETURN rollup IS NOT NULL AND NOT coalesce(rollup.stale, false) AS usable,
          [rollup.refreshedAt, ${AWARD_DATA_FINGERPRINT}] AS stamp`,
);

export const placedAwardsOf = namedQuery<{ companyIds: string[] }, { id: string; date: unknown; regions: string[] }>(
  'placedAwardsOf',
  `UNWIND $companyIds AS cid
   MATCH (:Company {id: cid})<-[:AWARDED_TO]-(a:Award)
   WITH DISTINCT a
   MATCH (a)<-[:HAS_AWARD]-(:Project)-[:IN_REGION]->(:Region)-[:PART_OF*0..2]->(up:Region)
   RETURN a.id AS id, a.date AS date, collect(DISTINCT up.code) AS regions`,
);

/** Date descending, undated last, then id ascending: AWARD_ORDER. */
export function awardOrder(a: PlacedAward, b: PlacedAward): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Placements of the restricted awards, per restriction result (dropped with it) and per question on it. */
export class RestrictedAwardIndex {
  private readonly byResult = new WeakMap<Map<string, Restriction[]>, Map<string, Promise<PlacedAward[]>>>();

  constructor(private readonly keep = 8) {}

  /** The placed awards of `companyIds` (chosen from `result` by `question`), or null while the award data may change unseen. */
  async placed(reader: GraphReader, result: Map<string, Restriction[]>, question: string, companyIds: string[]): Promise<PlacedAward[] | null> {
    const [{ usable, stamp }] = await reader.run(awardDataStamp, {});
    if (!usable) return null;
    const key = `${question}|${JSON.stringify(stamp, (_k, v) => (typeof v === 'bigint' || neo4j.isInt(v) ? String(v) : v))}`;
    let perResult = this.byResult.get(result);
    if (!perResult) this.byResult.set(result, (perResult = new Map()));
    let found = perResult.get(key);
    if (!found) {
      found = readPlaced(reader, companyIds);
      perResult.set(key, found);
      found.catch(() => perResult.delete(key));
      while (perResult.size > this.keep) perResult.delete(perResult.keys().next().value!);
    }
    return found;
  }
}

async function readPlaced(reader: GraphReader, companyIds: string[]): Promise<PlacedAward[]> {
  const rows = await reader.run(placedAwardsOf, { companyIds });
  return rows.map((r) => ({ id: r.id, date: isoText(r.date) ?? '', regions: r.regions })).sort(awardOrder);
}

export interface PlacedFilter {
  from: string | null;
  to: string | null;
}

/** The placed awards in a region (or below it) within the dates, in award order. */
export function placedIn(placed: readonly PlacedAward[], code: string, f: PlacedFilter): PlacedAward[] {
  return placed.filter((a) => a.regions.includes(code) && (f.from === null || (a.date !== '' && a.date >= f.from)) && (f.to === null || (a.date !== '' && a.date <= f.to)));
}

function afterCursor(a: PlacedAward, after: AwardSortKey | null): boolean {
  return after === null || a.date < after.date || (a.date === after.date && a.id > after.id);
}

/** Pages for each region: the ids from memory, the awards themselves in one lookup. */
export async function placedPages(
  reader: GraphReader,
  placed: readonly PlacedAward[],
  codes: readonly string[],
  f: PlacedFilter,
  first: number,
  after: AwardSortKey | null,
): Promise<Map<string, AwardPage>> {
  const pageIds = new Map(codes.map((code) => [code, placedIn(placed, code, f).filter((a) => afterCursor(a, after)).slice(0, first + 1).map((a) => a.id)]));
  const wanted = [...new Set([...pageIds.values()].flat())];
  const byId = wanted.length ? await loadAwardsById(reader, wanted) : new Map<string, AwardRow>();
  return new Map(
    codes.map((code) => {
      const ids = pageIds.get(code)!;
      const found = ids.map((id) => byId.get(id)).filter((a): a is AwardRow => a !== undefined);
      return [code, { rows: found.slice(0, first), hasNextPage: found.length > first }];
    }),
  );
}

export function placedCounts(placed: readonly PlacedAward[], codes: readonly string[], f: PlacedFilter): Map<string, number> {
  return new Map(codes.map((code) => [code, placedIn(placed, code, f).length]));
}
