// The one write the API offers: a reviewer records another name of a company.
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { claimLease, type LeaseHolder } from '../db/writer-lease.ts';
import { isTimeout, GraphTimeoutError, namedQuery } from './reader.ts';
import { awaitSearchIndexes } from '../db/migrate.ts';
import { escapeLucene } from './companies.ts';
import { project, type CompanyRow } from './rows.ts';
import type { NameRecord } from '../domain/identity.ts';

export interface AliasRequest {
  companyId: string;
  /**
   * The name as ingest would record it (src/domain/identity.ts): the spellings to keep and the
   * identity keys a mention of it is merged under, its known renames' included.
   */
  name: NameRecord;
  /** How the reviewer knows (a URL, a document sha256, a registry extract). */
  source: string;
  /** ISO time of the request. */
  at: string;
}

export type AliasOutcome =
  | { kind: 'added' | 'known'; company: CompanyRow }
  | { kind: 'missing' }
  | { kind: 'conflict'; other: CompanyRow }
  | { kind: 'busy'; holder: LeaseHolder };

/** The company, and another company one of the name's identity keys already belongs to, if any. */
export const aliasCheck = namedQuery<
  { companyId: string; keys: string[]; lucene: string },
  { company: CompanyRow | null; known: boolean; other: CompanyRow | null }
>(
  'aliasCheck',
  `OPTIONAL MATCH (c:Company {id: $companyId})
   OPTIONAL CALL {
     CALL db.index.fulltext.queryNodes('companyKeys', $lucene, {limit: 20}) YIELD node
     WITH node WHERE node:Company AND node.id <> $companyId AND any(k IN $keys WHERE k IN node.nameKeys)
     RETURN node AS other ORDER BY node.id LIMIT 1
   }
   RETURN CASE WHEN c IS NULL THEN null ELSE ${project.company('c')} END AS company,
          coalesce(all(k IN $keys WHERE k IN c.nameKeys), false) AS known,
          CASE WHEN other IS NULL THEN null ELSE ${project.company('other')} END AS other`,
);

/** Adds the name forms and keys, the names to the search text, and a note of who says so (aliasNotes). */
export const aliasAdd = namedQuery<{ companyId: string; names: string[]; keys: string[]; note: string }, { company: CompanyRow }>(
  'aliasAdd',
  `MATCH (c:Company {id: $companyId})
   WITH c, [n IN $names WHERE NOT n IN coalesce(c.names, [])] AS fresh
   SET c.names = coalesce(c.names, []) + fresh,
       c.nameKeys = coalesce(c.nameKeys, []) + [k IN $keys WHERE NOT k IN coalesce(c.nameKeys, [])],
       c.searchText = reduce(s = coalesce(c.searchText, c.name, ''), n IN fresh | s + ' ' + n),
       c.aliasNotes = coalesce(c.aliasNotes, []) + [$note]
   RETURN ${project.company('c')} AS company`,
);

/**
 * Records the alias unless the company is missing or the name already belongs to another company
 * (a name lookup would become ambiguous: a merge decision a reviewer must make explicitly), or an
 * ingest holds the writer lease. The lease node is locked first, so alias writes take turns with
 * each other and with ingest transactions: the uniqueness check and the write see no concurrent
 * write between them.
 */
export async function addAlias(driver: Driver, database: string | undefined, timeoutMs: number, req: AliasRequest): Promise<AliasOutcome> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const outcome = await session.executeWrite(
      async (tx): Promise<AliasOutcome> => {
        const holder = await claimLease(tx, randomUUID());
        if (holder) return { kind: 'busy', holder };
        const keys = req.name.keys;
        const lucene = keys.map((k) => `"${escapeLucene(k)}"`).join(' OR ');
        const check = await tx.run(aliasCheck.cypher, { companyId: req.companyId, keys, lucene });
        const row = check.records[0]?.toObject() as { company: CompanyRow | null; known: boolean; other: CompanyRow | null } | undefined;
        if (!row?.company) return { kind: 'missing' };
        if (row.other) return { kind: 'conflict', other: row.other };
        if (row.known) return { kind: 'known', company: row.company };
        const note = JSON.stringify({ name: req.name.canonical, source: req.source, at: req.at });
        const names = [...new Set([req.name.canonical, ...req.name.forms])];
        const added = await tx.run(aliasAdd.cypher, { companyId: req.companyId, names, keys, note });
        return { kind: 'added', company: added.records[0].get('company') as CompanyRow };
      },
      { timeout: timeoutMs, metadata: { app: 'bidgraph-api', query: 'addAlias' } },
    );
    // The mutation answers once a search finds the new name.
    if (outcome.kind === 'added') await awaitSearchIndexes(driver, database);
    return outcome;
  } catch (err) {
    if (isTimeout(err)) throw new GraphTimeoutError('addAlias', timeoutMs, { cause: err });
    throw err;
  } finally {
    await session.close();
  }
}
