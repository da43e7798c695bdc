// The questions a company dossier asks that no other view asks: every award of some companies with
// its project, buyer, region and prefecture in one pass; the OWNS links above a company with their
// sources; the other names cited for it; what the graph holds overall. The rest of the dossier
// reuses the ownership, company and restriction queries.
import neo4j, { type Integer } from 'neo4j-driver';
import { MAX_OWNERSHIP_DEPTH, SIMPLE_PATH } from './fragments.ts';
import { namedQuery, type GraphReader } from './reader.ts';
import { project, type AwardRow, type CompanyRow, type PartyRow, type ProjectRow, type RegionRow } from './rows.ts';

export interface DossierAwardRow {
  /** The company the award went to (one of the ids asked for). */
  key: string;
  award: AwardRow;
  /** sole | lead | member, as the result section says. */
  role: string | null;
  /** The document and snippet naming this company as a winner. */
  winnerSha256: string | null;
  winnerSnippet: string | null;
  project: ProjectRow | null;
  buyer: { name: string; sha256: string | null; snippet: string | null } | null;
  region: RegionRow | null;
  /** The prefecture the region lies in (itself when it is one); null above or outside one. */
  prefecture: RegionRow | null;
}

export interface DossierAwardFilter {
  ids: string[];
  regionCode: string | null;
  /** Awards dated after it are left out; undated awards stay. */
  asOf: string | null;
  limit: Integer;
}

/**
 * Every award the companies won, newest first, each with its project, buyer, region and that
 * region's prefecture. At most $limit rows per call (the caller says when it is reached).
 */
export const dossierAwardsOf = namedQuery<DossierAwardFilter, DossierAwardRow>(
  'dossierAwardsOf',
  `UNWIND $ids AS key
   MATCH (c:Company {id: key})<-[w:AWARDED_TO]-(a:Award)
   WHERE ($asOf IS NULL OR a.date IS NULL OR a.date <= $asOf)
   OPTIONAL MATCH (a)<-[:HAS_AWARD]-(j:Project)
   OPTIONAL MATCH (j)-[:IN_REGION]->(r:Region)
   WITH key, w, a, j, r
   WHERE $regionCode IS NULL OR EXISTS { MATCH (r)-[:PART_OF*0..2]->(:Region {code: $regionCode}) }
   CALL (j) {
     OPTIONAL MATCH (j)-[hb:HAS_BUYER]->(b:Company)
     RETURN b, hb ORDER BY b.id LIMIT 1
   }
   CALL (r) {
     OPTIONAL MATCH (r)-[:PART_OF*0..2]->(pf:Region {level: 'prefecture'})
     RETURN pf LIMIT 1
   }
   WITH key, w, a, j, r, b, hb, pf
   ORDER BY key, coalesce(a.date, '') DESC, a.id
   LIMIT $limit
   RETURN key, ${project.award('a')} AS award, w.role AS role, w.sha256 AS winnerSha256, w.snippet AS winnerSnippet,
          CASE WHEN j IS NULL THEN null ELSE ${project.project('j')} END AS project,
          CASE WHEN b IS NULL THEN null ELSE {name: b.name, sha256: hb.sha256, snippet: hb.snippet} END AS buyer,
          CASE WHEN r IS NULL THEN null ELSE ${project.region('r')} END AS region,
          CASE WHEN pf IS NULL THEN null ELSE ${project.region('pf')} END AS prefecture`,
);

export interface OwnershipLinkRow {
  owner: PartyRow;
  owned: CompanyRow;
  share: number | null;
  shareMin: number | null;
  shareMax: number | null;
  asOf: string | null;
  sha256: string | null;
  snippet: string | null;
}

/**
 * The OWNS links on the simple paths of at most MAX_OWNERSHIP_DEPTH links that lead up from the
 * company (the paths the effective shares are computed over), each link once; at most $limit.
 */
export const ownershipLinksAbove = namedQuery<{ id: string; limit: Integer }, OwnershipLinkRow>(
  'ownershipLinksAbove',
  `MATCH (t:Company {id: $id})
   MATCH p = (:Company|Person)-[:OWNS*1..${MAX_OWNERSHIP_DEPTH}]->(t)
   WHERE ${SIMPLE_PATH('p')}
   UNWIND relationships(p) AS o
   WITH DISTINCT o
   LIMIT $limit
   WITH o, startNode(o) AS owner, endNode(o) AS owned
   RETURN ${project.party('owner')} AS owner, ${project.company('owned')} AS owned,
          o.share AS share, o.shareMin AS shareMin, o.shareMax AS shareMax, o.asOf AS asOf, o.sha256 AS sha256, o.snippet AS snippet
   ORDER BY owned.id, coalesce(share, shareMax, shareMin, 0) DESC, owner.id`,
);

export interface NameLinkRow {
  alias: string;
  source: string | null;
  sha256: string | null;
  line: number | null;
}

/** Other names a name-link file gives for any of the company's names (its English name, say). */
export const nameLinksOf = namedQuery<{ keys: string[] }, NameLinkRow>(
  'nameLinksOf',
  `UNWIND $keys AS k
   MATCH (n:NameLink {nameKey: k})
   RETURN DISTINCT n.alias AS alias, n.source AS source, n.sha256 AS sha256, n.line AS line
   ORDER BY alias, sha256, line`,
);

export interface GraphHoldingsRow {
  documents: number;
  /** Documents kept as type other: read, but not recognised as a procurement notice. */
  otherDocuments: number;
}

/** What the graph holds overall: the ground the dossier stands on. */
export const graphHoldings = namedQuery<Record<string, never>, GraphHoldingsRow>(
  'graphHoldings',
  `RETURN COUNT { (:Document) } AS documents, COUNT { (d:Document) WHERE d.noticeType = 'other' } AS otherDocuments`,
);

export async function loadDossierAwards(
  reader: GraphReader,
  ids: readonly string[],
  filter: { regionCode: string | null; asOf: string | null },
  limit: number,
): Promise<DossierAwardRow[]> {
  if (ids.length === 0) return [];
  return reader.run(dossierAwardsOf, { ids: [...ids], ...filter, limit: neo4j.int(limit) });
}

export async function loadOwnershipLinksAbove(reader: GraphReader, id: string, limit: number): Promise<OwnershipLinkRow[]> {
  return reader.run(ownershipLinksAbove, { id, limit: neo4j.int(limit) });
}

export async function loadNameLinks(reader: GraphReader, keys: readonly string[]): Promise<NameLinkRow[]> {
  return keys.length ? reader.run(nameLinksOf, { keys: [...keys] }) : [];
}

export async function loadGraphHoldings(reader: GraphReader): Promise<GraphHoldingsRow> {
  const [row] = await reader.run(graphHoldings, {});
  return row;
}
