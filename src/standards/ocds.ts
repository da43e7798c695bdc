// The graph's projects as OCDS 1.1 releases: one ocid per Project, its buyer, agency, bidders and
// suppliers as parties, the tender (budget, method), one award per lot (failed lots unsuccessful),
// and the notices as documents pointing at the archived originals. Pure: rows in, JSON out.
import type { CompanyRow, DocumentRow } from '../graph/rows.ts';
import type { ExportAward, ExportParty, ExportProjectRow } from '../graph/exports.ts';
import { isoText } from '../graph/rows.ts';
import { yuanFromFen } from '../domain/amount.ts';

export const OCDS_VERSION = '1.1';
/** org-id.guide's scheme for the 统一社会信用代码. */
export const USCC_SCHEME = 'CN-USCI';

export interface OcdsOptions {
  /** The publisher's ocid prefix, e.g. ocds-abc123 (registered with the Open Contracting Partnership). */
  prefix: string;
  /** Where the API serves originals: documents link to <archiveBase>/documents/<sha256>. */
  archiveBase: string;
}

export type Json = Record<string, unknown>;

/** ocid of a project: the prefix and the project's stable id (j:<sha1> → j-<sha1>). */
export function ocidOf(prefix: string, projectId: string): string {
  return `${prefix}-${projectId.replace(/:/g, '-')}`;
}

/** A notice's date (YYYY-MM-DD, China time) as an OCDS date-time. */
export function dateTime(date: unknown): string | null {
  const d = isoText(date);
  if (!d) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00+08:00` : d;
}

/** 采购方式 → procurementMethod, only where the word fixes it; otherwise left to the details. */
const METHODS: [RegExp, string][] = [
  [/公开招标|公开采购/, 'open'],
  [/邀请招标/, 'selective'],
  [/单一来源/, 'limited'],
];

export function procurementMethod(method: string | null): string | null {
  if (!method) return null;
  return METHODS.find(([re]) => re.test(method))?.[1] ?? null;
}

const DOCUMENT_TYPES: Record<string, string> = {
  tender: 'tenderNotice',
  award: 'awardNotice',
  candidate: 'evaluationReports',
  correction: 'clarifications',
};

class Parties {
  private readonly byId = new Map<string, Json & { roles: string[] }>();

  add(c: CompanyRow | null, role: string): Json | null {
    if (!c) return null;
    let party = this.byId.get(c.id);
    if (!party) {
      party = { id: c.id, name: c.name, roles: [] };
      if (c.uscc) party.identifier = { scheme: USCC_SCHEME, id: c.uscc, legalName: c.name };
      if (c.address) party.address = { streetAddress: c.address };
      if (c.kind === 'public' || c.kind === 'state') party.details = { kind: c.kind };
      this.byId.set(c.id, party);
    }
    if (!party.roles.includes(role)) party.roles.push(role);
    return { id: c.id, name: c.name };
  }

  list(): Json[] {
    return [...this.byId.values()];
  }
}

/** OCDS values are in the currency's unit: the graph's fen become yuan here. */
function money(fen: number | null | undefined, currency: string | null = 'CNY'): Json | undefined {
  return fen === null || fen === undefined ? undefined : { amount: yuanFromFen(fen), currency: currency ?? 'CNY' };
}

function documents(docs: DocumentRow[], opts: OcdsOptions): Json[] {
  const out: Json[] = [];
  for (const d of docs) {
    const common: Json = { documentType: DOCUMENT_TYPES[d.noticeType ?? ''], title: d.title ?? undefined, datePublished: dateTime(d.publishedAt) ?? undefined, format: d.mediaType ?? undefined, language: 'zh' };
    out.push({ id: d.sha256, ...common, description: `archived original (sha256 ${d.sha256})`, url: `${opts.archiveBase.replace(/\/+$/, '')}/documents/${d.sha256}` });
    if (d.url) out.push({ id: `${d.sha256}-source`, ...common, description: 'as published at its source', url: d.url });
  }
  return out;
}

/** Consortium roles travel as order (lead first) and as the award's description, since OCDS has no field for them. */
function award(a: ExportAward, parties: Parties, docsBySha: Map<string, DocumentRow>): Json {
  const suppliers = a.suppliers.map((s: ExportParty) => parties.add(s, 'supplier')!);
  const lead = a.suppliers.find((s) => s.role === 'lead');
  const notes: string[] = [];
  if (lead) notes.push(`consortium led by ${lead.name}`);
  if (a.rateKind && a.ratePercent !== null) notes.push(`${a.rateKind} ${a.ratePercent}%`);
  const source = a.sha256 ? docsBySha.get(a.sha256) : undefined;
  return {
    id: a.id,
    title: a.lot ?? undefined,
    description: notes.length ? notes.join('; ') : undefined,
    status: a.status === 'unsuccessful' ? 'unsuccessful' : a.status === 'active' ? 'active' : undefined,
    date: dateTime(a.date) ?? undefined,
    // OCDS's award date is the decision's; when the graph only knows the notice's date, the extension says so.
    bidgraph: a.date && a.dateKind && a.dateKind.toLowerCase() !== 'decision' ? { dateKind: a.dateKind.toLowerCase() === 'publicitystart' ? 'publicityStart' : a.dateKind.toLowerCase() } : undefined,
    value: money(a.amountFen, a.currency),
    suppliers: suppliers.length ? suppliers : undefined,
    documents: source ? [{ id: source.sha256, documentType: DOCUMENT_TYPES[source.noticeType ?? ''], title: source.title ?? undefined }] : undefined,
  };
}

/** The last dated notice, which is when the release's information was last published. */
function releaseDate(row: ExportProjectRow, fallback: string): string {
  const dates = row.documents.map((d) => isoText(d.publishedAt)).filter((d): d is string => d !== null).sort();
  return dateTime(dates.at(-1)) ?? fallback;
}

/** Drops undefined members so the JSON carries no empty fields. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * One release for a project. `compiled` gives the compiled release of a record (tag compiled);
 * otherwise the tags say what the release holds. `now` dates a release none of whose notices is dated.
 */
export function projectRelease(row: ExportProjectRow, opts: OcdsOptions, now: string, compiled = false): Json {
  const p = row.project;
  const ocid = ocidOf(opts.prefix, p.id);
  const parties = new Parties();
  const buyer = parties.add(row.buyer, 'buyer');
  const procuringEntity = parties.add(row.agency, 'procuringEntity');
  const tenderers = row.candidates.map((c) => parties.add(c, 'tenderer')!);
  const docsBySha = new Map(row.documents.map((d) => [d.sha256, d]));
  const awards = row.awards.map((a) => award(a, parties, docsBySha));
  const date = releaseDate(row, now);
  const tags = compiled ? ['compiled'] : [...(p.budgetFen !== null || p.method || row.documents.some((d) => d.noticeType === 'tender') ? ['tender'] : []), ...(awards.length ? ['award'] : [])];
  const tender: Json = {
    // Without a procurement number the tender's id is the ocid (as OCDS allows), not a graph-internal id.
    id: p.code ?? ocid,
    title: p.name ?? undefined,
    status: p.status === 'terminated' || p.status === 'failed' ? 'unsuccessful' : p.status === 'awarded' ? 'complete' : p.status === 'open' ? 'active' : undefined,
    value: money(p.budgetFen),
    procurementMethod: procurementMethod(p.method) ?? undefined,
    procurementMethodDetails: p.method ?? undefined,
    procuringEntity: procuringEntity ?? undefined,
    tenderers: tenderers.length ? tenderers : undefined,
    documents: row.documents.length ? documents(row.documents, opts) : undefined,
  };
  const contractModel = Array.isArray(p.contractModel) ? (p.contractModel as string[]) : [];
  return clean({
    ocid,
    id: compiled ? `${ocid}-compiled` : `${ocid}-${date.slice(0, 10)}`,
    date,
    tag: tags.length ? tags : ['planning'],
    initiationType: 'tender',
    language: 'zh',
    parties: parties.list(),
    buyer: buyer ?? undefined,
    tender,
    awards: awards.length ? awards : undefined,
    ...(row.region ? { bidgraph: { region: { code: row.region.code, name: row.region.name }, contractModel: contractModel.length ? contractModel : undefined } } : {}),
  });
}

/** The opening of a release package; releases follow, comma-separated, then PACKAGE_CLOSE. */
export function releasePackageOpen(opts: { uri: string; publishedDate: string; publisher: string }): string {
  const head = { uri: opts.uri, version: OCDS_VERSION, publishedDate: opts.publishedDate, publisher: { name: opts.publisher } };
  return JSON.stringify(head).slice(0, -1) + ',"releases":[';
}

export const PACKAGE_CLOSE = ']}';
