// Questions about companies and people: who is this, who owns it directly, what does it hold.
import { namedQuery, type GraphReader } from './reader.ts';
import { groupBy, project, type CompanyRow, type PartyRow, type PersonRow } from './rows.ts';

export const companiesById = namedQuery<{ ids: string[] }, { key: string; company: CompanyRow }>(
  'companiesById',
  `UNWIND $ids AS key
   MATCH (c:Company {id: key})
   RETURN key, ${project.company('c')} AS company`,
);

/** Companies by USCC, all the lookups of one request in one query. */
export const companiesByUscc = namedQuery<{ usccs: string[] }, { key: string; company: CompanyRow }>(
  'companiesByUscc',
  `UNWIND $usccs AS key
   MATCH (c:Company {uscc: key})
   RETURN key, ${project.company('c')} AS company`,
);

/**
 * Companies known under each name key, all the lookups of one request in one query. The keyword
 * full-text index companyKeys finds the candidates (a list property cannot sit in a range index);
 * the exact list membership is then checked.
 */
export const companiesByNameKeys = namedQuery<{ keys: { key: string; lucene: string }[] }, { key: string; company: CompanyRow }>(
  'companiesByNameKeys',
  `UNWIND $keys AS k
   CALL db.index.fulltext.queryNodes('companyKeys', k.lucene, {limit: 20}) YIELD node
   WITH k.key AS key, node AS c WHERE c:Company AND k.key IN c.nameKeys
   RETURN key, ${project.company('c')} AS company
   ORDER BY key, c.id`,
);

export const personsById = namedQuery<{ ids: string[] }, { key: string; person: PersonRow }>(
  'personsById',
  `UNWIND $ids AS key
   MATCH (p:Person {id: key})
   RETURN key, p {.id, .name} AS person`,
);

export interface HoldingRow {
  key: string;
  owner: PartyRow;
  owned: CompanyRow;
  share: number | null;
  shareMin: number | null;
  shareMax: number | null;
  asOf: unknown;
  sha256: string | null;
}

const HOLDING_COLUMNS = `o.share AS share, o.shareMin AS shareMin, o.shareMax AS shareMax, o.asOf AS asOf, o.sha256 AS sha256`;
const HOLDING_ORDER = `coalesce(share, shareMax, shareMin, 0) DESC, owner.id, owned.id, asOf DESC`;

/** Direct owners of each company, largest stake first. */
export const ownersOfCompanies = namedQuery<{ ids: string[] }, HoldingRow>(
  'ownersOfCompanies',
  `UNWIND $ids AS key
   MATCH (owner)-[o:OWNS]->(owned:Company {id: key})
   RETURN key, ${project.party('owner')} AS owner, ${project.company('owned')} AS owned, ${HOLDING_COLUMNS}
   ORDER BY ${HOLDING_ORDER}`,
);

/** Direct stakes each company or person holds in other companies, largest first. */
export const holdingsOfParties = namedQuery<{ ids: string[] }, HoldingRow>(
  'holdingsOfParties',
  `UNWIND $ids AS key
   CALL (key) {
     MATCH (owner:Company {id: key}) RETURN owner
     UNION
     MATCH (owner:Person {id: key}) RETURN owner
   }
   MATCH (owner)-[o:OWNS]->(owned:Company)
   RETURN key, ${project.party('owner')} AS owner, ${project.company('owned')} AS owned, ${HOLDING_COLUMNS}
   ORDER BY ${HOLDING_ORDER}`,
);

/** The unit each branch belongs to (BRANCH_OF), and the branches of each unit. */
export const branchParentsOf = namedQuery<{ ids: string[] }, { key: string; company: CompanyRow }>(
  'branchParentsOf',
  `UNWIND $ids AS key
   MATCH (:Company {id: key})-[:BRANCH_OF]->(c:Company)
   RETURN key, ${project.company('c')} AS company
   ORDER BY c.id`,
);

export const branchesOf = namedQuery<{ ids: string[] }, { key: string; company: CompanyRow }>(
  'branchesOf',
  `UNWIND $ids AS key
   MATCH (c:Company)-[:BRANCH_OF]->(:Company {id: key})
   RETURN key, ${project.company('c')} AS company
   ORDER BY c.name, c.id`,
);

export async function loadCompanies(reader: GraphReader, ids: readonly string[]): Promise<Map<string, CompanyRow>> {
  const rows = await reader.run(companiesById, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.company]));
}

export async function loadPersons(reader: GraphReader, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const rows = await reader.run(personsById, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.person]));
}

export async function loadCompaniesByUscc(reader: GraphReader, usccs: readonly string[]): Promise<Map<string, CompanyRow>> {
  const rows = await reader.run(companiesByUscc, { usccs: [...usccs] });
  return new Map(rows.map((r) => [r.key, r.company]));
}

/** Lucene needs its operators escaped even inside a quoted term. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}

export async function loadCompaniesByNameKeys(reader: GraphReader, keys: readonly string[]): Promise<Map<string, CompanyRow[]>> {
  const rows = await reader.run(companiesByNameKeys, { keys: keys.map((key) => ({ key, lucene: `"${escapeLucene(key)}"` })) });
  return groupBy(keys, rows, (r) => r.company);
}

export async function loadOwners(reader: GraphReader, ids: readonly string[]): Promise<Map<string, HoldingRow[]>> {
  return groupBy(ids, await reader.run(ownersOfCompanies, { ids: [...ids] }), (r) => r);
}

export async function loadHoldings(reader: GraphReader, ids: readonly string[]): Promise<Map<string, HoldingRow[]>> {
  return groupBy(ids, await reader.run(holdingsOfParties, { ids: [...ids] }), (r) => r);
}

export async function loadBranchParents(reader: GraphReader, ids: readonly string[]): Promise<Map<string, CompanyRow[]>> {
  return groupBy(ids, await reader.run(branchParentsOf, { ids: [...ids] }), (r) => r.company);
}

export async function loadBranches(reader: GraphReader, ids: readonly string[]): Promise<Map<string, CompanyRow[]>> {
  return groupBy(ids, await reader.run(branchesOf, { ids: [...ids] }), (r) => r.company);
}
