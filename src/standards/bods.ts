// The graph's ownership as BODS 0.4 statements: one entity or person record per party that owns or is
// owned, one relationship record per OWNS link (a direct shareholding, exact or as a range). Record
// ids are the graph's ids; statement ids are sha256 of the record id and what the statement says, so
// the same graph gives the same ids on every run, and a changed fact a new statement. Pure.
import { createHash } from 'node:crypto';
import type { CompanyRow } from '../graph/rows.ts';
import type { ExportHoldingRow } from '../graph/exports.ts';
import { isoText } from '../graph/rows.ts';
import { USCC_SCHEME } from './ocds.ts';

export const BODS_VERSION = '0.4';

export interface BodsOptions {
  /** YYYY-MM-DD of the run: publication date, and the statement date of facts the graph holds undated. */
  today: string;
  publisher: string;
  /** Base URL of the API's archive: sources point at <archiveBase>/documents/<sha256>. */
  archiveBase: string;
}

type Json = Record<string, unknown>;

function statementId(recordId: string, details: unknown): string {
  return createHash('sha256').update(`${recordId}\n${JSON.stringify(details)}`).digest('hex');
}

function statement(recordId: string, recordType: string, declarationSubject: string, details: Json, date: string, opts: BodsOptions, source: Json): Json {
  return {
    statementId: statementId(recordId, { recordType, details, source }),
    declarationSubject,
    statementDate: date,
    recordId,
    recordType,
    recordStatus: 'new',
    recordDetails: details,
    publicationDetails: { publicationDate: opts.today, bodsVersion: BODS_VERSION, publisher: { name: opts.publisher } },
    source,
  };
}

const GRAPH_SOURCE: Json = { type: ['thirdParty'], description: 'bidgraph: compiled from the ownership sources it ingested' };

/** State-asset owners (SASAC) and government units are state bodies; the rest registered entities. */
function entityType(kind: string | null): Json {
  if (kind === 'state') return { type: 'stateBody', details: 'state-asset owner' };
  if (kind === 'public') return { type: 'stateBody', details: 'public body' };
  return { type: 'registeredEntity' };
}

export function entityStatement(c: CompanyRow, opts: BodsOptions): Json {
  const details: Json = { isComponent: false, entityType: entityType(c.kind), name: c.name };
  const alternate = (c.names ?? []).filter((n) => n !== c.name);
  if (alternate.length) details.alternateNames = alternate;
  details.jurisdiction = { name: 'China', code: 'CN' };
  if (c.uscc) details.identifiers = [{ id: c.uscc, scheme: USCC_SCHEME, schemeName: '统一社会信用代码' }];
  if (c.address) details.addresses = [{ type: 'registered', address: c.address, country: { name: 'China', code: 'CN' } }];
  return statement(c.id, 'entity', c.id, details, opts.today, opts, GRAPH_SOURCE);
}

export function personStatement(p: { id: string; name: string }, opts: BodsOptions): Json {
  const details: Json = { isComponent: false, personType: 'knownPerson', names: [{ type: 'legal', fullName: p.name }] };
  return statement(p.id, 'person', p.id, details, opts.today, opts, GRAPH_SOURCE);
}

/** Record id of an OWNS link: owner and owned, so the same link keeps its record across runs. */
export function relationshipRecordId(h: Pick<ExportHoldingRow, 'ownerId' | 'ownedId'>): string {
  return `r:${h.ownerId}>${h.ownedId}`;
}

function share(h: ExportHoldingRow): Json | undefined {
  if (h.share !== null) return { exact: h.share };
  const out: Json = {};
  if (h.shareMin !== null) out.minimum = h.shareMin;
  if (h.shareMax !== null) out.maximum = h.shareMax;
  return Object.keys(out).length ? out : undefined;
}

/** `update`: a later statement of the same link (the graph holds it as of several dates). */
export function relationshipStatement(h: ExportHoldingRow, opts: BodsOptions, update = false): Json {
  const interest: Json = { type: 'shareholding', directOrIndirect: 'direct' };
  const s = share(h);
  if (s) interest.share = s;
  const details: Json = { isComponent: false, subject: h.ownedId, interestedParty: h.ownerId, interests: [interest] };
  const source: Json = h.sha256
    ? { type: ['thirdParty'], description: `bidgraph: the ingested document ${h.sha256}`, url: `${opts.archiveBase.replace(/\/+$/, '')}/documents/${h.sha256}` }
    : GRAPH_SOURCE;
  const asOf = isoText(h.asOf);
  const st = statement(relationshipRecordId(h), 'relationship', h.ownedId, details, asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : opts.today, opts, source);
  if (update) st.recordStatus = 'updated';
  return st;
}
