// Full-text search over company, project and person names (the cjk-analysed nameSearch index).
import neo4j, { type Integer } from 'neo4j-driver';
import { namedQuery, type GraphReader } from './reader.ts';
import { escapeLucene } from './companies.ts';
import { project, type CompanyRow, type PersonRow, type ProjectRow } from './rows.ts';

export interface SearchHitRow {
  score: number;
  company: CompanyRow | null;
  project: ProjectRow | null;
  person: PersonRow | null;
}

export const searchNames = namedQuery<{ lucene: string; limit: Integer }, SearchHitRow>(
  'searchNames',
  `CALL db.index.fulltext.queryNodes('nameSearch', $lucene, {limit: $limit}) YIELD node, score
   RETURN score,
          CASE WHEN node:Company THEN ${project.company('node')} END AS company,
          CASE WHEN node:Project THEN ${project.project('node')} END AS project,
          CASE WHEN node:Person THEN node {.id, .name} END AS person
   ORDER BY score DESC, coalesce(company.id, project.id, person.id)`,
);

/**
 * The Lucene query for a user's text: the whole text as a phrase (its CJK bigrams in order), boosted,
 * or else any of its terms. Every Lucene operator in the text is escaped, so it is only ever words.
 */
export function searchQuery(text: string): string {
  // Lower case first: the analyzer folds case anyway, and AND/OR/NOT would otherwise be operators.
  const escaped = escapeLucene(text.toLowerCase());
  return `"${escaped}"^4 OR (${escaped})`;
}

export async function searchByName(reader: GraphReader, text: string, first: number): Promise<SearchHitRow[]> {
  return reader.run(searchNames, { lucene: searchQuery(text), limit: neo4j.int(first) });
}
