// What the standards exports read: projects with their parties, awards and documents (OCDS, FtM),
// and companies, persons and holdings (BODS, FtM). Pages by id (keyset), so an export of any size
// streams in bounded memory; every query is read-only and parameterised.
import neo4j, { type Integer } from 'neo4j-driver';
import { namedQuery, type GraphReader } from './reader.ts';
import { ENTRY, type ListEntryRow } from './restrictions.ts';
import { project, type AwardRow, type CompanyRow, type DocumentRow, type ProjectRow, type RegionRow } from './rows.ts';

export interface ProjectFilter {
  /** A GB/T 2260 code: projects in it or its subregions. */
  regionCode: string | null;
  /** YYYY-MM-DD, inclusive: a project is in range when one of its notices is. */
  from: string | null;
  to: string | null;
  /** Projects with an award to one of these companies. */
  supplierIds: string[] | null;
}

export interface ExportParty extends CompanyRow {
  role?: string | null;
  rank?: number | null;
  bidAmountFen?: number | null;
}

export interface ExportAward extends AwardRow {
  suppliers: ExportParty[];
}

export interface ExportProjectRow {
  project: ProjectRow;
  region: RegionRow | null;
  buyer: CompanyRow | null;
  agency: CompanyRow | null;
  awards: ExportAward[];
  candidates: ExportParty[];
  documents: DocumentRow[];
}

type PageParams = ProjectFilter & { afterId: string; limit: Integer };

/** A map projection with extra entries (Cypher cannot chain two projections). */
const withExtra = (projection: string, extra: string) => `${projection.slice(0, -1)}, ${extra}}`;

const PROJECT_FILTER = `
  ($regionCode IS NULL OR EXISTS { MATCH (p)-[:IN_REGION]->(:Region)-[:PART_OF*0..2]->(:Region {code: $regionCode}) })
  AND ($from IS NULL AND $to IS NULL OR EXISTS {
    MATCH (p)-[:PUBLISHED_IN]->(d:Document)
    WHERE d.publishedAt IS NOT NULL AND ($from IS NULL OR d.publishedAt >= $from) AND ($to IS NULL OR d.publishedAt <= $to) })
  AND ($supplierIds IS NULL OR EXISTS {
    MATCH (p)-[:HAS_AWARD]->(:Award)-[:AWARDED_TO]->(s:Company) WHERE s.id IN $supplierIds })`;

/** One page of projects in id order, each with everything OCDS and FtM say about it. */
export const projectsForExport = namedQuery<PageParams, ExportProjectRow>(
  'projectsForExport',
  `MATCH (p:Project) WHERE p.id > $afterId AND ${PROJECT_FILTER}
   WITH p ORDER BY p.id LIMIT $limit
   CALL (p) { OPTIONAL MATCH (p)-[:IN_REGION]->(r:Region) RETURN ${project.region('r')} AS region LIMIT 1 }
   CALL (p) { OPTIONAL MATCH (p)-[:HAS_BUYER]->(b:Company) RETURN ${project.company('b')} AS buyer ORDER BY b.id LIMIT 1 }
   CALL (p) { OPTIONAL MATCH (p)-[:HAS_AGENCY]->(g:Company) RETURN ${project.company('g')} AS agency ORDER BY g.id LIMIT 1 }
   CALL (p) {
     OPTIONAL MATCH (p)-[:HAS_AWARD]->(a:Award)
     CALL (a) {
       OPTIONAL MATCH (a)-[w:AWARDED_TO]->(s:Company)
       WITH w, s ORDER BY CASE w.role WHEN 'lead' THEN 0 WHEN 'sole' THEN 0 ELSE 1 END, s.id
       RETURN collect(${withExtra(project.company('s'), 'role: w.role')}) AS suppliers
     }
     WITH a, suppliers ORDER BY a.id
     RETURN collect(${withExtra(project.award('a'), 'suppliers: suppliers')}) AS awards
   }
   CALL (p) {
     OPTIONAL MATCH (p)-[h:HAS_CANDIDATE]->(c:Company)
     WITH h, c ORDER BY h.rank, c.id
     RETURN collect(${withExtra(project.company('c'), 'rank: h.rank, bidAmountFen: h.bidAmountFen')}) AS candidates
   }
   CALL (p) {
     OPTIONAL MATCH (p)-[:PUBLISHED_IN]->(d:Document)
     WITH d ORDER BY d.publishedAt, d.sha256
     RETURN collect(${project.document('d')}) AS documents
   }
   RETURN ${project.project('p')} AS project, region, buyer, agency, awards, candidates, documents
   ORDER BY project.id`,
);

export interface ExportHoldingRow {
  ownerId: string;
  ownedId: string;
  share: number | null;
  shareMin: number | null;
  shareMax: number | null;
  asOf: unknown;
  sha256: string | null;
}

export interface ExportPartyRow {
  company: CompanyRow | null;
  person: { id: string; name: string; names: string[] | null } | null;
  /** OWNS links from this party (as owner), in owned-id order. */
  holdings: ExportHoldingRow[];
}

/** One page of companies and persons that take part in ownership, in id order, with their holdings. */
export const ownershipPartiesForExport = namedQuery<{ afterId: string; limit: Integer }, ExportPartyRow>(
  'ownershipPartiesForExport',
  `CALL () {
     MATCH (c:Company) WHERE c.id > $afterId AND (EXISTS { (c)-[:OWNS]->() } OR EXISTS { ()-[:OWNS]->(c) })
     RETURN c AS n ORDER BY c.id LIMIT $limit
     UNION
     MATCH (x:Person) WHERE x.id > $afterId AND EXISTS { (x)-[:OWNS]->() }
     RETURN x AS n ORDER BY x.id LIMIT $limit
   }
   WITH n ORDER BY n.id LIMIT $limit
   CALL (n) {
     OPTIONAL MATCH (n)-[o:OWNS]->(t:Company)
     WITH o, t ORDER BY t.id, o.asOf
     RETURN collect(CASE WHEN o IS NULL THEN null ELSE
       {ownerId: n.id, ownedId: t.id, share: o.share, shareMin: o.shareMin, shareMax: o.shareMax, asOf: o.asOf, sha256: o.sha256} END) AS holdings
   }
   RETURN CASE WHEN n:Company THEN ${project.company('n')} ELSE null END AS company,
          CASE WHEN n:Person THEN n {.id, .name, .names} ELSE null END AS person,
          holdings
   ORDER BY n.id`,
);

export interface ExportListingRow {
  companyId: string;
  listings: { entry: ListEntryRow; matchedBy: string; evidence: string | null }[];
}

/**
 * One page of companies that restriction-list entries are linked to (LISTS: a USCC, an exact name,
 * a cited name link or a reviewer; never a candidate), in id order, with those entries.
 */
export const listingsForExport = namedQuery<{ afterId: string; limit: Integer }, ExportListingRow>(
  'listingsForExport',
  `MATCH (e:ListEntry)-[:LISTS]->(c:Company)
   WHERE e.list IS NOT NULL AND c.id > $afterId
   WITH DISTINCT c ORDER BY c.id LIMIT $limit
   CALL (c) {
     MATCH (e:ListEntry)-[l:LISTS]->(c) WHERE e.list IS NOT NULL
     WITH e, l ORDER BY e.list, e.id
     RETURN collect({entry: ${ENTRY('e')}, matchedBy: l.matchedBy, evidence: l.evidence}) AS listings
   }
   RETURN c.id AS companyId, listings
   ORDER BY companyId`,
);

/** Every page of a keyset query, one page in memory at a time. */
async function* pages<R>(fetch: (afterId: string) => Promise<R[]>, idOf: (row: R) => string): AsyncGenerator<R> {
  let afterId = '';
  for (;;) {
    const rows = await fetch(afterId);
    for (const r of rows) yield r;
    if (rows.length === 0) return;
    afterId = idOf(rows[rows.length - 1]);
  }
}

export const EXPORT_PAGE = 200;

export function exportProjects(reader: GraphReader, filter: ProjectFilter, pageSize = EXPORT_PAGE): AsyncGenerator<ExportProjectRow> {
  return pages(
    (afterId) => reader.run(projectsForExport, { ...filter, afterId, limit: neo4j.int(pageSize) }),
    (r) => r.project.id,
  );
}

export function exportOwnershipParties(reader: GraphReader, pageSize = EXPORT_PAGE): AsyncGenerator<ExportPartyRow> {
  return pages(
    (afterId) => reader.run(ownershipPartiesForExport, { afterId, limit: neo4j.int(pageSize) }),
    (r) => (r.company?.id ?? r.person!.id),
  );
}

export function exportListings(reader: GraphReader, pageSize = EXPORT_PAGE): AsyncGenerator<ExportListingRow> {
  return pages(
    (afterId) => reader.run(listingsForExport, { afterId, limit: neo4j.int(pageSize) }),
    (r) => r.companyId,
  );
}
