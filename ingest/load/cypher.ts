// Every statement the loader runs, named after what it does. Parameters only; each takes a list of
// rows ($rows) and MERGEs on the node keys of schema/model.json, so running it twice changes nothing.
// The plain MERGEs are built from the model (model-cypher.ts); the ones with rules of their own are written out.
import { mergeNodes, mergeRelationship } from './model-cypher.ts';

/** What a batch must know before planning: companies by USCC or identity key, projects and awards by id. */
export const READ_SNAPSHOT = `
CALL () {
  UNWIND $usccs AS u
  MATCH (c:Company {uscc: u})
  RETURN c
  UNION
  UNWIND $keys AS k
  CALL db.index.fulltext.queryNodes('companyKeys', k.query) YIELD node
  WITH node, k WHERE k.key IN node.nameKeys
  RETURN node AS c
}
WITH collect(c {.id, .name, .names, .nameKeys, .uscc, .kind, .isBranch, .address, .amendedAt}) AS companies
CALL () {
  UNWIND $documents AS s
  MATCH (d:Document {sha256: s})
  RETURN collect(s) AS documents
}
CALL () {
  UNWIND $projectIds AS id
  MATCH (p:Project {id: id})
  RETURN collect(p {.id, .code, .name, .method, .contractModel, .budgetFen, .status, .searchText, .amendedAt}) AS projects
}
CALL () {
  UNWIND $awardIds AS id
  MATCH (a:Award {id: id})
  RETURN collect(a {.id, .lot, .status, .amountFen, .currency, .rateKind, .ratePercent, .date, .dateKind, .sha256, .snippet, .amendedAt}) AS awards
}
RETURN documents, companies, projects, awards`;

/** Documents already loaded, with what decides whether loading them again would change anything. */
export const READ_DOCUMENTS = `
UNWIND $shas AS s
MATCH (d:Document {sha256: s})
RETURN d.sha256 AS sha256, d.loaderVersion AS loaderVersion, d.extractorVersion AS extractorVersion, d.extractHash AS extractHash,
       d.url AS url, d.retrievedAt AS retrievedAt`;

/** How many documents there are, and how many were read by this extractor and written by this loader. */
export const COUNT_CURRENT_DOCUMENTS = `
MATCH (d:Document)
RETURN count(d) AS total,
       count(CASE WHEN d.extractorVersion = $extractor AND d.loaderVersion = $loader THEN 1 END) AS current`;

/** Documents read by another extractor or written by another loader (all of them with $force), to read again. */
export const READ_DOCUMENTS_TO_REEXTRACT = `
MATCH (d:Document)
WHERE $force OR d.extractorVersion IS NULL OR d.extractorVersion <> $extractor OR d.loaderVersion IS NULL OR d.loaderVersion <> $loader
RETURN d.sha256 AS sha256, d.path AS path, d.url AS url, d.retrievedAt AS retrievedAt
ORDER BY d.sha256`;

export const COUNT_REGIONS = 'MATCH (r:Region) RETURN count(r) AS n';

export const MERGE_REGIONS = mergeNodes('Region', { set: ['name', 'level', 'status'] });

/** For codes outside the gazetteer (a notice's own path): never overwrite what the gazetteer says. */
export const MERGE_EXTRA_REGIONS = mergeNodes('Region', { onCreate: ['name', 'level', 'status'] });

export const MERGE_PART_OF = mergeRelationship('PART_OF', { field: 'code' }, { field: 'parent' });

export const MERGE_DOCUMENTS = mergeNodes('Document');

// State and PublicBody mirror Company.kind as labels (schema/model.json extraLabels): Neo4j Browser styles by label only.
// Listed mirrors `listed`, which ingest/load/listings.ts writes, not this statement.
export const MERGE_COMPANIES = mergeNodes('Company', { mirrors: ['kind'] });

export const MERGE_BRANCH_OF = mergeRelationship('BRANCH_OF', { field: 'from' }, { field: 'to' });

export const MERGE_PROJECTS = mergeNodes('Project');

/** The newest notice that names a region decides it: the old IN_REGION goes. */
export const REPLACE_IN_REGION = `
UNWIND $rows AS row
MATCH (p:Project {id: row.projectId})
MATCH (r:Region {code: row.code})
OPTIONAL MATCH (p)-[old:IN_REGION]->(other:Region) WHERE other.code <> row.code
DELETE old
MERGE (p)-[:IN_REGION]->(r)`;

export const MERGE_HAS_BUYER = mergeRelationship('HAS_BUYER', { field: 'projectId' }, { field: 'companyId' });

export const MERGE_HAS_AGENCY = mergeRelationship('HAS_AGENCY', { field: 'projectId' }, { field: 'companyId' });

export const MERGE_PUBLISHED_IN = mergeRelationship('PUBLISHED_IN', { field: 'projectId' }, { field: 'sha256' }, { set: ['noticeType'] });

export const MERGE_AWARDS = `
UNWIND $rows AS row
MATCH (p:Project {id: row.projectId})
MERGE (a:Award {id: row.id})
SET a += row.props
MERGE (p)-[:HAS_AWARD]->(a)`;

/** The newest notice that names an award's suppliers decides who won: other AWARDED_TO links go. */
export const DROP_REPLACED_WINNERS = `
UNWIND $rows AS row
MATCH (a:Award {id: row.awardId})-[old:AWARDED_TO]->(c:Company)
WHERE NOT c.id IN row.companyIds
DELETE old`;

export const MERGE_AWARDED_TO = mergeRelationship('AWARDED_TO', { field: 'awardId' }, { field: 'companyId' });

export const MERGE_HAS_CANDIDATE = mergeRelationship('HAS_CANDIDATE', { field: 'projectId' }, { field: 'companyId' });

/**
 * A document read again (by a newer extractor or loader) first takes back what it said: the winners,
 * candidates, buyer and agency it named, and its place among the projects' documents. What it alone
 * supported is marked Retracting; DROP_RETRACTED_ORPHANS removes what the new reading did not restore,
 * so a fixed extractor also removes a false winner it once stored. Runs before DROP_EVIDENCE.
 */
export const RETRACT_DOCUMENT_CLAIMS = `
UNWIND $rows AS row
MATCH (d:Document {sha256: row.sha256})
CALL (d) {
  MATCH (a:Award)-[:SUPPORTED_BY]->(d)
  SET a:Retracting
}
CALL (d, row) {
  MATCH (p:Project)-[pub:PUBLISHED_IN]->(d)
  SET p:Retracting
  DELETE pub
  WITH p, row
  CALL (p, row) {
    MATCH (p)-[r:HAS_CANDIDATE|HAS_BUYER|HAS_AGENCY]->()
    WHERE r.sha256 = row.sha256
    DELETE r
  }
  CALL (p, row) {
    MATCH (p)-[:HAS_AWARD]->(:Award)-[r:AWARDED_TO]->()
    WHERE r.sha256 = row.sha256
    DELETE r
  }
}`;

/** After the batch's writes: retracted awards and projects that no document supports any more go. */
export const DROP_RETRACTED_ORPHANS = `
MATCH (n:Retracting)
REMOVE n:Retracting
WITH n
WHERE (n:Project AND NOT (n)-[:PUBLISHED_IN]->())
   OR (n:Award AND NOT (n)-[:SUPPORTED_BY]->() AND NOT (n)-[:AWARDED_TO]->())
   OR (n:Award AND NOT EXISTS { (n)<-[:HAS_AWARD]-(p:Project) WHERE (p)-[:PUBLISHED_IN]->() })
DETACH DELETE n`;

/**
 * Evidence belongs to its document: a document loaded again first loses its SUPPORTED_BY links, the
 * evidence kept on the Document itself, and the Evidence nodes (-[:QUOTES]->) that loader version 1
 * wrote, so an old database upgrades on re-ingest. Runs before MERGE_DOCUMENTS, which may set the
 * Document's evidence anew.
 */
export const DROP_EVIDENCE = `
UNWIND $rows AS row
MATCH (d:Document {sha256: row.sha256})
REMOVE d.evidenceFields, d.evidenceTexts, d.evidenceStarts, d.evidenceEnds
WITH d
CALL (d) {
  MATCH (d)<-[r:SUPPORTED_BY]-()
  DELETE r
}
CALL (d) {
  MATCH (d)<-[:QUOTES]-(e:Evidence)
  DETACH DELETE e
}`;

/**
 * Fresh evidence (see DROP_EVIDENCE), one row per document: one SUPPORTED_BY from each award or
 * project it supports, its snippets as parallel arrays. CREATE, not MERGE: nothing to look up.
 */
export const CREATE_SUPPORTED_BY = `
UNWIND $rows AS row
MATCH (d:Document {sha256: row.sha256})
UNWIND row.subjects AS s
OPTIONAL MATCH (a:Award {id: s.award})
OPTIONAL MATCH (p:Project {id: s.project})
WITH d, s, coalesce(a, p) AS subject
WHERE subject IS NOT NULL
CREATE (subject)-[:SUPPORTED_BY {fields: s.fields, texts: s.texts, starts: s.starts, ends: s.ends}]->(d)`;

export const MERGE_PERSONS = mergeNodes('Person');

// A holding restated with an older asOf does not overwrite a newer one.
const OWNS_SET = `
MERGE (o)-[r:OWNS]->(c)
ON CREATE SET r += row.props
ON MATCH SET r += CASE WHEN coalesce(row.props.asOf, '') >= coalesce(r.asOf, '') THEN row.props ELSE {} END`;

export const MERGE_COMPANY_OWNS = mergeRelationship('OWNS', { field: 'ownerId', label: 'Company' }, { field: 'ownedId' }, { vars: ['o', 'c'], merge: OWNS_SET });

export const MERGE_PERSON_OWNS = mergeRelationship('OWNS', { field: 'ownerId', label: 'Person' }, { field: 'ownedId' }, { vars: ['o', 'c'], merge: OWNS_SET });

/**
 * Awards changed: the derived award rollups (src/graph/rollups.ts) no longer hold, and queries must
 * compute live until the next refresh. The count fingerprint would miss a value corrected in place.
 */
export const MARK_ROLLUPS_STALE = `
MATCH (rollup:RollupState {name: 'awards'})
WHERE NOT coalesce(rollup.stale, false)
SET rollup.stale = true`;
