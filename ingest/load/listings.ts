// After each ingest: links list entries to companies on evidence, and offers the rest as match
// candidates (ingest/lists/match.ts decides; this file reads and writes). Links and candidates are
// recomputed from what the graph holds, so the order in which lists, notices and name links arrive
// does not matter; links a reviewer confirmed are kept as they are.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { listNameKey, nameKey } from '../../src/domain/names.ts';
import { searchQuery } from '../../src/graph/search.ts';
import type { Candidate, EntryToMatch, Link, NameLinkFact } from '../lists/match.ts';
import { matchEntries, partialNameCandidate, pinyinCandidate, pinyinHead, pinyinKey } from '../lists/match.ts';
import { BUMP_RESTRICTION_STATE } from './lists.ts';

export interface MatchSummary {
  entries: number;
  links: number;
  candidates: number;
  /** Companies that carry the Listed label (a link to an entry not delisted). */
  listedCompanies: number;
}

const HAN = /\p{Script=Han}/u;
const PINYIN_BATCH = 5000;
const CANDIDATES_PER_ENTRY = 10;

const Q = {
  entries: `MATCH (e:ListEntry) WHERE e.list IS NOT NULL RETURN e.id AS id, coalesce(e.names, []) AS names, coalesce(e.usccs, []) AS usccs ORDER BY id`,
  byUscc: `UNWIND $usccs AS u MATCH (c:Company {uscc: u}) RETURN u AS uscc, c.id AS id`,
  byKeys: `UNWIND $keys AS k
    CALL db.index.fulltext.queryNodes('companyKeys', k.query) YIELD node
    WITH k, node WHERE node:Company AND k.key IN node.nameKeys
    RETURN k.key AS key, collect(node.id) AS ids`,
  nameLinks: `MATCH (n:NameLink) RETURN n {.id, .name, .alias, .nameKey, .aliasKey, .source, .sha256, .line} AS n ORDER BY n.id`,
  confirmed: `MATCH (e:ListEntry)-[l:LISTS {matchedBy: 'reviewer'}]->(c:Company) RETURN e.id AS entryId, c.id AS companyId, l.evidence AS evidence, l.source AS source`,
  withoutPinyin: `MATCH (c:Company) WHERE c.pinyinKey IS NULL RETURN c.id AS id, c.name AS name LIMIT $limit`,
  setPinyin: `UNWIND $rows AS row MATCH (c:Company {id: row.id}) SET c.pinyinKey = row.key`,
  pinyinSearch: `MATCH (c:Company) WHERE c.pinyinKey CONTAINS $head RETURN c.id AS id, c.name AS name ORDER BY id LIMIT $limit`,
  nameSearch: `CALL db.index.fulltext.queryNodes('nameSearch', $lucene, {limit: $limit}) YIELD node
    WITH node WHERE node:Company RETURN node.id AS id, node.name AS name`,
  dropLinks: `MATCH (e:ListEntry)-[l:LISTS]->(c:Company) WHERE l.matchedBy <> 'reviewer' AND NOT (e.id + '|' + c.id) IN $keep DELETE l`,
  mergeLinks: `UNWIND $rows AS row
    MATCH (e:ListEntry {id: row.entryId}) MATCH (c:Company {id: row.companyId})
    MERGE (e)-[l:LISTS]->(c)
    ON CREATE SET l.at = $now
    SET l.matchedBy = row.matchedBy, l.evidence = row.evidence, l.source = row.source`,
  dropCandidates: `MATCH (e:ListEntry)-[m:MAY_LIST]->(c:Company) WHERE NOT (e.id + '|' + c.id) IN $keep DELETE m`,
  mergeCandidates: `UNWIND $rows AS row
    MATCH (e:ListEntry {id: row.entryId}) MATCH (c:Company {id: row.companyId})
    MERGE (e)-[m:MAY_LIST]->(c)
    SET m.score = row.score, m.reasons = row.reasons`,
  unlabel: `MATCH (c:Listed) WHERE NOT EXISTS { MATCH (e:ListEntry)-[:LISTS]->(c) WHERE e.delistedOn IS NULL } REMOVE c:Listed, c.listed`,
  label: `MATCH (e:ListEntry)-[:LISTS]->(c:Company) WHERE e.delistedOn IS NULL AND NOT c:Listed SET c:Listed, c.listed = true`,
  countListed: `MATCH (c:Listed) RETURN count(c) AS n`,
};

const keyQuery = (key: string) => `"${key.replace(/[\\"]/g, '\\$&')}"`;

async function rows<T>(tx: ManagedTransaction, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await tx.run(query, params);
  return res.records.map((r) => r.toObject() as T);
}

/** Gives every company without one its pinyin key, in batches (each company once, ever). */
async function ensurePinyin(driver: Driver, database?: string): Promise<void> {
  for (;;) {
    const batch = await driver.executeQuery(Q.withoutPinyin, { limit: neo4j.int(PINYIN_BATCH) }, { database });
    const list = batch.records.map((r) => ({ id: r.get('id') as string, key: pinyinKey(String(r.get('name') ?? '')) }));
    if (list.length === 0) return;
    await driver.executeQuery(Q.setPinyin, { rows: list }, { database });
    if (list.length < PINYIN_BATCH) return;
  }
}

/** Pinyin and partial-name candidates for entries without a link. */
async function weakCandidates(tx: ManagedTransaction, unlinked: EntryToMatch[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const e of unlinked) {
    const found = new Map<string, Candidate>();
    for (const name of e.names) {
      if (HAN.test(name)) {
        const lucene = searchQuery(nameKey(name));
        for (const c of await rows<{ id: string; name: string }>(tx, Q.nameSearch, { lucene, limit: neo4j.int(CANDIDATES_PER_ENTRY) })) {
          const cand = partialNameCandidate(e.id, name, c.id, c.name);
          if (cand && !found.has(c.id)) found.set(c.id, cand);
        }
        continue;
      }
      const head = pinyinHead(name);
      if (!head) continue;
      for (const c of await rows<{ id: string; name: string }>(tx, Q.pinyinSearch, { head, limit: neo4j.int(CANDIDATES_PER_ENTRY) })) {
        const cand = pinyinCandidate(e.id, name, c.id, c.name);
        if (cand && !found.has(c.id)) found.set(c.id, cand);
      }
    }
    out.push(...found.values());
  }
  return out;
}

export async function matchListings(driver: Driver, database?: string): Promise<MatchSummary> {
  const count = await driver.executeQuery('MATCH (e:ListEntry) RETURN count(e) AS n', {}, { database });
  if (Number(count.records[0].get('n')) === 0) return { entries: 0, links: 0, candidates: 0, listedCompanies: 0 };
  await ensurePinyin(driver, database);
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const entries = await rows<EntryToMatch>(tx, Q.entries);
      const nameLinks = (await rows<{ n: NameLinkFact & { line: unknown } }>(tx, Q.nameLinks)).map((r) => ({ ...r.n, line: Number(r.n.line) }));
      const confirmed = (await rows<Omit<Link, 'matchedBy'>>(tx, Q.confirmed)).map((l) => ({ ...l, matchedBy: 'reviewer' as const }));
      const usccs = [...new Set(entries.flatMap((e) => e.usccs))];
      const companyByUscc = new Map((await rows<{ uscc: string; id: string }>(tx, Q.byUscc, { usccs })).map((r) => [r.uscc, r.id]));
      const keys = new Set<string>();
      for (const e of entries) for (const n of e.names) for (const k of [listNameKey(n), nameKey(n)]) if (k) keys.add(k);
      for (const nl of nameLinks) keys.add(nl.nameKey);
      const keyRows = await rows<{ key: string; ids: string[] }>(tx, Q.byKeys, { keys: [...keys].map((key) => ({ key, query: keyQuery(key) })) });
      const companiesByKey = new Map(keyRows.map((r) => [r.key, r.ids]));
      const result = matchEntries({ entries, companyByUscc, companiesByKey, nameLinks, confirmed });
      const linkedEntries = new Set([...result.links, ...confirmed].map((l) => l.entryId));
      const unlinked = entries.filter((e) => !linkedEntries.has(e.id) && !result.candidates.some((c) => c.entryId === e.id));
      const candidates = [...result.candidates, ...(await weakCandidates(tx, unlinked))];
      const pair = (x: { entryId: string; companyId: string }) => `${x.entryId}|${x.companyId}`;
      await tx.run(Q.dropLinks, { keep: result.links.map(pair) });
      await tx.run(Q.mergeLinks, { rows: result.links, now: new Date().toISOString() });
      await tx.run(Q.dropCandidates, { keep: candidates.map(pair) });
      await tx.run(Q.mergeCandidates, { rows: candidates });
      await tx.run(Q.unlabel);
      await tx.run(Q.label);
      await tx.run(BUMP_RESTRICTION_STATE);
      const listed = await rows<{ n: unknown }>(tx, Q.countListed);
      return { entries: entries.length, links: result.links.length + confirmed.length, candidates: candidates.length, listedCompanies: Number(listed[0]?.n ?? 0) };
    });
  } finally {
    await session.close();
  }
}
