// Effective ownership, computed in the database over OWNS paths. The figures must equal those of
// the reference implementation (src/domain/ownership.ts): simple paths of at most 10 edges, share
// = product along a path, summed over paths; ranges travel as [min, max]; rounding to 1e-6 of a
// percent at the very end; the upper bound capped at 100 and never below the lower bound.
import { namedQuery, type GraphReader } from './reader.ts';
import { EDGE_BOUNDS, MAX_OWNERSHIP_DEPTH, PATH_BOUNDS, PERCENT, SIMPLE_PATH } from './fragments.ts';
import { groupBy, project, type CompanyRow, type PartyRow } from './rows.ts';

export interface EffectiveShareRow {
  key: string;
  owner: PartyRow;
  /** Exact effective share, or null when a range is involved. */
  share: number | null;
  min: number;
  max: number;
}

export interface UltimateOwnerRow extends EffectiveShareRow {
  /** Each path runs owner … target. */
  paths: PartyRow[][];
}

/** Per-owner aggregation of path bounds into rounded percents (columns share, min, max). */
const SHARE_COLUMNS = `
  ${PERCENT('lo')} AS min0, ${PERCENT('hi')} AS hi0, exact`;
const CAPPED_HI = `CASE WHEN hi0 > 100.0 THEN 100.0 ELSE hi0 END`;
const FINAL_SHARE = `
  CASE WHEN exact THEN min0 ELSE null END AS share, min0 AS min,
  CASE WHEN ${CAPPED_HI} < min0 THEN min0 ELSE ${CAPPED_HI} END AS max`;

/**
 * Ultimate owners of each company: the parties at the top of its OWNS paths that have no owner of
 * their own, and natural persons. Largest upper bound first, then lower bound, then id.
 */
export const ultimateOwnersOf = namedQuery<{ ids: string[] }, UltimateOwnerRow>(
  'ultimateOwnersOf',
  `UNWIND $ids AS key
   MATCH (t:Company {id: key})
   CALL (t) {
     MATCH p = (o)-[:OWNS*1..${MAX_OWNERSHIP_DEPTH}]->(t)
     WHERE (o:Person OR NOT EXISTS { MATCH (x)-[:OWNS]->(o) WHERE x <> o })
       AND ${SIMPLE_PATH('p')}
     WITH o, p, ${PATH_BOUNDS('p')} AS b
     ORDER BY [n IN nodes(p) | n.id]
     WITH o, sum(b[0]) AS lo, sum(b[1]) AS hi, min(CASE WHEN b[2] THEN 1 ELSE 0 END) = 1 AS exact,
          collect([n IN nodes(p) | ${project.party('n')}]) AS paths
     RETURN o, paths, ${SHARE_COLUMNS}
   }
   WITH key, o, paths, ${FINAL_SHARE}
   RETURN key, ${project.party('o')} AS owner, share, min, max, paths
   ORDER BY key, max DESC, min DESC, owner.id`,
);

export interface StateShareRow {
  key: string;
  /** The company is itself a state body (kind state). */
  isState: boolean;
  /** Someone is recorded as owning the company. */
  hasOwners: boolean;
  paths: number;
  share: number | null;
  min: number;
  max: number;
}

/**
 * The part of each company held by the state: paths that end at the first state body met going
 * up (kind 'state'), never through another state body or a person; products summed over paths.
 */
export const stateShareOf = namedQuery<{ ids: string[] }, StateShareRow>(
  'stateShareOf',
  `UNWIND $ids AS key
   MATCH (t:Company {id: key})
   CALL (t) {
     OPTIONAL MATCH p = (s:Company)-[:OWNS*1..${MAX_OWNERSHIP_DEPTH}]->(t)
     WHERE s.kind = 'state'
       AND none(n IN nodes(p)[1..-1] WHERE n.kind = 'state' OR n:Person)
       AND ${SIMPLE_PATH('p')}
     WITH p, CASE WHEN p IS NULL THEN [0.0, 0.0, true] ELSE ${PATH_BOUNDS('p')} END AS b
     RETURN count(p) AS paths, sum(b[0]) AS lo, sum(b[1]) AS hi, min(CASE WHEN b[2] THEN 1 ELSE 0 END) = 1 AS exact
   }
   WITH key, t, paths, ${SHARE_COLUMNS}
   WITH key, t, paths, ${FINAL_SHARE}
   RETURN key, coalesce(t.kind = 'state', false) AS isState,
          EXISTS { MATCH (x)-[:OWNS]->(t) WHERE x <> t } AS hasOwners,
          paths, share, min, max`,
);

export interface ControllingPartyRow {
  key: string;
  owner: PartyRow;
  /** The exact effective share, or its lower bound when a range is involved. */
  effectiveShare: number;
  /** The party's direct holding alone reaches the threshold. */
  direct: boolean;
}

/** Every party (not only ultimate owners) certain to hold at least $threshold percent, directly or through others. */
export const controllingPartiesOf = namedQuery<{ ids: string[]; threshold: number }, ControllingPartyRow>(
  'controllingPartiesOf',
  `UNWIND $ids AS key
   MATCH (t:Company {id: key})
   CALL (t) {
     MATCH p = (o)-[:OWNS*1..${MAX_OWNERSHIP_DEPTH}]->(t)
     WHERE ${SIMPLE_PATH('p')}
     WITH o, ${PATH_BOUNDS('p')} AS b
     WITH o, sum(b[0]) AS lo, sum(b[1]) AS hi, min(CASE WHEN b[2] THEN 1 ELSE 0 END) = 1 AS exact
     RETURN o, ${SHARE_COLUMNS}
   }
   WITH key, t, o, ${FINAL_SHARE}
   WHERE min >= $threshold
   OPTIONAL MATCH (o)-[d:OWNS]->(t)
   WITH key, o, share, min, max, sum(${EDGE_BOUNDS.lo('d')}) AS directLo
   RETURN key, ${project.party('o')} AS owner, coalesce(share, min) AS effectiveShare,
          ${PERCENT('directLo')} >= $threshold AS direct
   ORDER BY key, max DESC, min DESC, owner.id`,
);

/**
 * The company (first) and every company it holds at least $minShare percent of in effect (the
 * lower bound must reach it: certain control only), down OWNS paths.
 */
export const groupMembersOf = namedQuery<{ ids: string[]; minShare: number }, { key: string; member: CompanyRow; share: number }>(
  'groupMembersOf',
  `UNWIND $ids AS key
   MATCH (c:Company {id: key})
   CALL (c) {
     RETURN c AS s, 100.0 AS share, true AS head
     UNION
     MATCH p = (c)-[:OWNS*1..${MAX_OWNERSHIP_DEPTH}]->(s:Company)
     WHERE ${SIMPLE_PATH('p')}
     WITH s, sum(${PATH_BOUNDS('p')}[0]) AS lo
     WITH s, ${PERCENT('lo')} AS share
     WHERE share >= $minShare
     RETURN s, share, false AS head
   }
   RETURN key, ${project.company('s')} AS member, share
   ORDER BY key, head DESC, share DESC, member.id`,
);

export async function loadUltimateOwners(reader: GraphReader, ids: readonly string[]): Promise<Map<string, UltimateOwnerRow[]>> {
  return groupBy(ids, await reader.run(ultimateOwnersOf, { ids: [...ids] }), (r) => r);
}

export async function loadStateShares(reader: GraphReader, ids: readonly string[]): Promise<Map<string, StateShareRow>> {
  const rows = await reader.run(stateShareOf, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r]));
}

export async function loadControllingParties(
  reader: GraphReader,
  ids: readonly string[],
  threshold: number,
): Promise<Map<string, ControllingPartyRow[]>> {
  return groupBy(ids, await reader.run(controllingPartiesOf, { ids: [...ids], threshold }), (r) => r);
}

export async function loadGroupMembers(
  reader: GraphReader,
  ids: readonly string[],
  minShare: number,
): Promise<Map<string, { member: CompanyRow; share: number }[]>> {
  return groupBy(ids, await reader.run(groupMembersOf, { ids: [...ids], minShare }), (r) => ({ member: r.member, share: r.share }));
}
