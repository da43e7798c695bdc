// The reviewer's write: a match candidate confirmed becomes a listing (LISTS, matchedBy reviewer),
// with what the reviewer cited. Nothing weaker than a person's decision turns a candidate into one.
import neo4j, { type Driver } from 'neo4j-driver';
import { GraphTimeoutError, isTimeout, namedQuery } from './reader.ts';
import { project, type CompanyRow } from './rows.ts';

export interface ConfirmRequest {
  entryId: string;
  companyId: string;
  source: string;
  /** ISO time. */
  at: string;
}

export const confirmCandidate = namedQuery<ConfirmRequest, { company: CompanyRow }>(
  'confirmCandidate',
  `MATCH (e:ListEntry {id: $entryId})-[m:MAY_LIST]->(c:Company {id: $companyId})
   WITH e, m, c, m.reasons AS reasons
   DELETE m
   MERGE (e)-[l:LISTS]->(c)
   SET l.matchedBy = 'reviewer', l.source = $source, l.at = $at,
       l.evidence = 'confirmed by a reviewer citing ' + $source + '; offered because: ' + reduce(s = '', r IN coalesce(reasons, []) | s + CASE WHEN s = '' THEN '' ELSE '; ' END + r)
   FOREACH (_ IN CASE WHEN e.delistedOn IS NULL THEN [1] ELSE [] END | SET c:Listed, c.listed = true)
   MERGE (s:RestrictionState {name: 'listings'})
   SET s.version = coalesce(s.version, 0) + 1, s.updatedAt = $at
   RETURN ${project.company('c')} AS company`,
);

/** The company, or null when there is no such candidate (nothing is written then). */
export async function confirmMatch(driver: Driver, database: string | undefined, timeoutMs: number, req: ConfirmRequest): Promise<CompanyRow | null> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const res = await session.executeWrite((tx) => tx.run(confirmCandidate.cypher, { ...req }), {
      timeout: timeoutMs,
      metadata: { app: 'bidgraph-api', query: 'confirmMatch' },
    });
    return (res.records[0]?.get('company') as CompanyRow | undefined) ?? null;
  } catch (err) {
    if (isTimeout(err)) throw new GraphTimeoutError('confirmMatch', timeoutMs, { cause: err });
    throw err;
  } finally {
    await session.close();
  }
}
