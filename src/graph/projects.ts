// Questions about projects and the links around an award: its project, its suppliers, its evidence.
import { namedQuery, type GraphReader } from './reader.ts';
import { groupBy, project, type AwardRow, type CompanyRow, type DocumentRow, type EvidenceRow, type ProjectRow, type RegionRow } from './rows.ts';

export const projectsById = namedQuery<{ ids: string[] }, { key: string; project: ProjectRow }>(
  'projectsById',
  `UNWIND $ids AS key
   MATCH (p:Project {id: key})
   RETURN key, ${project.project('p')} AS project`,
);

export const projectsOfAwards = namedQuery<{ ids: string[] }, { key: string; project: ProjectRow }>(
  'projectsOfAwards',
  `UNWIND $ids AS key
   MATCH (p:Project)-[:HAS_AWARD]->(:Award {id: key})
   RETURN key, ${project.project('p')} AS project`,
);

export const regionsOfProjects = namedQuery<{ ids: string[] }, { key: string; region: RegionRow }>(
  'regionsOfProjects',
  `UNWIND $ids AS key
   MATCH (:Project {id: key})-[:IN_REGION]->(r:Region)
   RETURN key, ${project.region('r')} AS region
   ORDER BY key, r.code DESC`,
);

/** Buyers (HAS_BUYER) and agencies (HAS_AGENCY) of projects, told apart by `role`. */
export const partiesOfProjects = namedQuery<{ ids: string[] }, { key: string; role: 'buyer' | 'agency'; company: CompanyRow }>(
  'partiesOfProjects',
  `UNWIND $ids AS key
   MATCH (:Project {id: key})-[rel:HAS_BUYER|HAS_AGENCY]->(c:Company)
   RETURN key, CASE type(rel) WHEN 'HAS_BUYER' THEN 'buyer' ELSE 'agency' END AS role, ${project.company('c')} AS company
   ORDER BY key, role, c.id`,
);

export const awardsOfProjects = namedQuery<{ ids: string[] }, { key: string; award: AwardRow }>(
  'awardsOfProjects',
  `UNWIND $ids AS key
   MATCH (:Project {id: key})-[:HAS_AWARD]->(a:Award)
   RETURN key, ${project.award('a')} AS award
   ORDER BY key, coalesce(a.lot, ''), a.id`,
);

export const documentsOfProjects = namedQuery<{ ids: string[] }, { key: string; document: DocumentRow; noticeType: string | null }>(
  'documentsOfProjects',
  `UNWIND $ids AS key
   MATCH (:Project {id: key})-[rel:PUBLISHED_IN]->(d:Document)
   RETURN key, ${project.document('d')} AS document, rel.noticeType AS noticeType
   ORDER BY key, coalesce(d.publishedAt, '') , d.sha256`,
);

export interface CandidateRow {
  key: string;
  company: CompanyRow;
  rank: number | null;
  bidAmountFen: number | null;
  sha256: string | null;
  snippet: string | null;
}

export const candidatesOfProjects = namedQuery<{ ids: string[] }, CandidateRow>(
  'candidatesOfProjects',
  `UNWIND $ids AS key
   MATCH (:Project {id: key})-[rel:HAS_CANDIDATE]->(c:Company)
   RETURN key, ${project.company('c')} AS company, rel.rank AS rank, rel.bidAmountFen AS bidAmountFen,
          rel.sha256 AS sha256, rel.snippet AS snippet
   ORDER BY key, coalesce(rel.rank, 1000000), c.id`,
);

export interface SupplierRow {
  key: string;
  company: CompanyRow;
  role: string | null;
  rawName: string | null;
  sha256: string | null;
  snippet: string | null;
}

export const suppliersOfAwards = namedQuery<{ ids: string[] }, SupplierRow>(
  'suppliersOfAwards',
  `UNWIND $ids AS key
   MATCH (:Award {id: key})-[rel:AWARDED_TO]->(c:Company)
   RETURN key, ${project.company('c')} AS company, rel.role AS role, rel.rawName AS rawName,
          rel.sha256 AS sha256, rel.snippet AS snippet
   ORDER BY key, CASE rel.role WHEN 'lead' THEN 0 WHEN 'sole' THEN 0 ELSE 1 END, c.id`,
);

/**
 * Evidence for awards or projects: one row per entry of the arrays on each SUPPORTED_BY, with the
 * document it points to, ordered by field, start, then document.
 */
export const evidenceOf = namedQuery<{ ids: string[] }, { key: string; evidence: EvidenceRow }>(
  'evidenceOf',
  `UNWIND $ids AS key
   CALL (key) {
     MATCH (:Award {id: key})-[r:SUPPORTED_BY]->(d:Document) RETURN r, d
     UNION
     MATCH (:Project {id: key})-[r:SUPPORTED_BY]->(d:Document) RETURN r, d
   }
   UNWIND range(0, size(r.fields) - 1) AS i
   WITH key, d, r.fields[i] AS field, r.texts[i] AS text, r.starts[i] AS start, r.ends[i] AS end
   RETURN key, {field: field, text: text, start: start, end: end, document: ${project.document('d')}} AS evidence
   ORDER BY key, field, coalesce(start, 0), d.sha256`,
);

export async function loadProjects(reader: GraphReader, ids: readonly string[]): Promise<Map<string, ProjectRow>> {
  const rows = await reader.run(projectsById, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.project]));
}

export async function loadProjectsOfAwards(reader: GraphReader, ids: readonly string[]): Promise<Map<string, ProjectRow>> {
  const rows = await reader.run(projectsOfAwards, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.project]));
}

export async function loadRegionsOfProjects(reader: GraphReader, ids: readonly string[]): Promise<Map<string, RegionRow[]>> {
  return groupBy(ids, await reader.run(regionsOfProjects, { ids: [...ids] }), (r) => r.region);
}

export async function loadPartiesOfProjects(
  reader: GraphReader,
  ids: readonly string[],
): Promise<Map<string, { role: 'buyer' | 'agency'; company: CompanyRow }[]>> {
  return groupBy(ids, await reader.run(partiesOfProjects, { ids: [...ids] }), (r) => ({ role: r.role, company: r.company }));
}

export async function loadAwardsOfProjects(reader: GraphReader, ids: readonly string[]): Promise<Map<string, AwardRow[]>> {
  return groupBy(ids, await reader.run(awardsOfProjects, { ids: [...ids] }), (r) => r.award);
}

export async function loadDocumentsOfProjects(reader: GraphReader, ids: readonly string[]): Promise<Map<string, DocumentRow[]>> {
  return groupBy(ids, await reader.run(documentsOfProjects, { ids: [...ids] }), (r) => ({ ...r.document, noticeType: r.document.noticeType ?? r.noticeType }));
}

export async function loadCandidates(reader: GraphReader, ids: readonly string[]): Promise<Map<string, CandidateRow[]>> {
  return groupBy(ids, await reader.run(candidatesOfProjects, { ids: [...ids] }), (r) => r);
}

export async function loadSuppliers(reader: GraphReader, ids: readonly string[]): Promise<Map<string, SupplierRow[]>> {
  return groupBy(ids, await reader.run(suppliersOfAwards, { ids: [...ids] }), (r) => r);
}

export async function loadEvidence(reader: GraphReader, ids: readonly string[]): Promise<Map<string, EvidenceRow[]>> {
  return groupBy(ids, await reader.run(evidenceOf, { ids: [...ids] }), (r) => r.evidence);
}
