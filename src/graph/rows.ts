// What the graph queries return: plain rows, and the Cypher map projections that produce them.
// Property names follow schema/model.json (the type check refuses one it lacks); a property the loader left out comes back as null.
import type { PropertyOf } from '../../schema/model.ts';
import { projection } from '../../schema/model.ts';

export interface CompanyRow {
  id: string;
  name: string;
  names: string[] | null;
  uscc: string | null;
  address: string | null;
  kind: string | null;
  isBranch: boolean | null;
}

export interface PersonRow {
  id: string;
  name: string;
}

/** An owner: a Company or a Person (person = true). */
export type PartyRow = (CompanyRow & { person: false }) | (PersonRow & { person: true });

export interface RegionRow {
  code: string;
  name: string;
  level: string;
}

export interface AwardRow {
  id: string;
  lot: string | null;
  status: string | null;
  amountFen: number | null;
  currency: string | null;
  rateKind: string | null;
  ratePercent: number | null;
  date: unknown;
  dateKind: string | null;
  sha256: string | null;
  snippet: string | null;
}

export interface ProjectRow {
  id: string;
  code: string | null;
  name: string;
  method: string | null;
  contractModel: unknown;
  budgetFen: number | null;
  status: string | null;
}

export interface DocumentRow {
  sha256: string;
  path: string | null;
  url: string | null;
  retrievedAt: unknown;
  title: string | null;
  publishedAt: unknown;
  mediaType: string | null;
  noticeType: string | null;
}

/** One entry of the arrays on a SUPPORTED_BY, with the Document it points to. */
export interface EvidenceRow {
  field: string;
  text: string;
  start: number | null;
  end: number | null;
  document: DocumentRow;
}

/** Cypher map projections, one per label, so every query returns the same row shape; names checked against the model. */
const COMPANY = ['id', 'name', 'names', 'uscc', 'address', 'kind', 'isBranch'] as const satisfies readonly PropertyOf<'Company'>[];
export const project = {
  company: (v: string) => projection('Company', v, COMPANY),
  party: (v: string) =>
    `CASE WHEN ${v}:Person THEN ${projection('Person', v, ['id', 'name'], 'person: true')} ELSE ${projection('Company', v, COMPANY, 'person: false')} END`,
  region: (v: string) => projection('Region', v, ['code', 'name', 'level']),
  award: (v: string) =>
    projection('Award', v, ['id', 'lot', 'status', 'amountFen', 'currency', 'rateKind', 'ratePercent', 'date', 'dateKind', 'sha256', 'snippet']),
  project: (v: string) => projection('Project', v, ['id', 'code', 'name', 'method', 'contractModel', 'budgetFen', 'status']),
  document: (v: string) => projection('Document', v, ['sha256', 'path', 'url', 'retrievedAt', 'title', 'publishedAt', 'mediaType', 'noticeType']),
};

/** Temporal values may be stored as strings or as Neo4j dates; the API speaks ISO strings. */
export function isoText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

/** Groups rows by their `key` column, keeping every requested key (with an empty list when absent). */
export function groupBy<R extends { key: string }, V>(keys: readonly string[], rows: R[], pick: (row: R) => V): Map<string, V[]> {
  const out = new Map<string, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) out.get(row.key)?.push(pick(row));
  return out;
}
