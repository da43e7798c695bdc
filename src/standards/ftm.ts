// The graph as FollowTheMoney entities (Aleph, OpenSanctions): companies, public bodies and persons,
// their Ownership, one Contract per project and one ContractAward per winner of a lot. Entity ids
// are a hash of the graph's ids, so they are stable across runs. Pure: rows in, entities out.
import { createHash } from 'node:crypto';
import type { CompanyRow } from '../graph/rows.ts';
import type { ExportHoldingRow, ExportListingRow, ExportProjectRow } from '../graph/exports.ts';
import { isoText } from '../graph/rows.ts';
import { yuanFromFen } from '../domain/amount.ts';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export interface FtmOptions {
  /** Base URL of the API's archive: sourceUrl points at <archiveBase>/documents/<sha256>. */
  archiveBase: string;
  publisher: string;
}

/** A stable FtM id for a graph id (FtM ids are opaque; the graph's contain ':' and Chinese lot names). */
export function ftmId(graphId: string): string {
  return `bg-${createHash('sha1').update(graphId).digest('hex')}`;
}

function props(entries: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(entries)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && x !== '').map(String);
    if (list.length) out[k] = [...new Set(list)];
  }
  return out;
}

function archived(opts: FtmOptions, sha256: string | null): string | null {
  return sha256 ? `${opts.archiveBase.replace(/\/+$/, '')}/documents/${sha256}` : null;
}

/** A day (YYYY-MM-DD) or nothing: FtM dates are ISO prefixes. */
function day(v: unknown): string | null {
  const d = isoText(v);
  return d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
}

/** Government units and state-asset owners are PublicBody; enterprises Company. */
export function companyEntity(c: CompanyRow, opts: FtmOptions): FtmEntity {
  return {
    id: ftmId(c.id),
    schema: c.kind === 'public' || c.kind === 'state' ? 'PublicBody' : 'Company',
    properties: props({
      name: c.name,
      alias: (c.names ?? []).filter((n) => n !== c.name),
      registrationNumber: c.uscc,
      jurisdiction: 'cn',
      address: c.address,
      publisher: opts.publisher,
    }),
  };
}

export function personEntity(p: { id: string; name: string; names?: string[] | null }, opts: FtmOptions): FtmEntity {
  return { id: ftmId(p.id), schema: 'Person', properties: props({ name: p.name, alias: (p.names ?? []).filter((n) => n !== p.name), publisher: opts.publisher }) };
}

/** An exact share as its figure, a range as "min-max" (FtM's percentage is text). */
function percentage(h: ExportHoldingRow): string | null {
  if (h.share !== null) return String(h.share);
  if (h.shareMin !== null || h.shareMax !== null) return `${h.shareMin ?? 0}-${h.shareMax ?? 100}`;
  return null;
}

export function ownershipEntity(h: ExportHoldingRow, opts: FtmOptions): FtmEntity {
  return {
    id: ftmId(`own:${h.ownerId}>${h.ownedId}:${day(h.asOf) ?? ''}`),
    schema: 'Ownership',
    properties: props({ owner: ftmId(h.ownerId), asset: ftmId(h.ownedId), percentage: percentage(h), date: day(h.asOf), sourceUrl: archived(opts, h.sha256), publisher: opts.publisher }),
  };
}

/**
 * A project's entities: its buyer (and agency), the Contract, and a ContractAward per winner of each
 * active lot. A failed lot has no winner, and a ContractAward needs one: it is left out. Parties are
 * returned too; the caller writes each once.
 */
export function projectEntities(row: ExportProjectRow, opts: FtmOptions): { parties: CompanyRow[]; entities: FtmEntity[] } {
  const p = row.project;
  const contractId = ftmId(p.id);
  const firstDoc = row.documents.find((d) => d.url) ?? row.documents[0];
  const contract: FtmEntity = {
    id: contractId,
    schema: 'Contract',
    properties: props({
      title: p.name ?? p.code ?? p.id,
      name: p.name,
      procedureNumber: p.code,
      procedure: p.method,
      amount: p.budgetFen === null ? null : yuanFromFen(p.budgetFen),
      currency: p.budgetFen !== null ? 'CNY' : null,
      authority: row.buyer ? ftmId(row.buyer.id) : null,
      status: p.status,
      type: Array.isArray(p.contractModel) ? (p.contractModel as string[]) : null,
      country: 'cn',
      address: row.region?.name,
      sourceUrl: firstDoc ? (firstDoc.url ?? archived(opts, firstDoc.sha256)) : null,
      publisher: opts.publisher,
    }),
  };
  const entities: FtmEntity[] = [contract];
  const parties: CompanyRow[] = [row.buyer, row.agency].filter((c): c is CompanyRow => c !== null);
  for (const a of row.awards) {
    if (a.status !== 'active') continue;
    for (const s of a.suppliers) {
      parties.push(s);
      entities.push({
        id: ftmId(`award:${a.id}>${s.id}`),
        schema: 'ContractAward',
        properties: props({
          supplier: ftmId(s.id),
          contract: contractId,
          lotNumber: a.lot,
          role: s.role,
          amount: a.amountFen === null ? null : yuanFromFen(a.amountFen),
          currency: a.amountFen !== null ? (a.currency ?? 'CNY') : null,
          date: day(a.date),
          status: a.status,
          sourceUrl: archived(opts, a.sha256),
          publisher: opts.publisher,
        }),
      });
    }
  }
  return { parties, entities };
}

/**
 * A Sanction per list entry linked to a company: the list as programme (its title, and its
 * programme tags as ids), listed and delisted dates, the list file that has it, and how bidgraph
 * tied the entry to the company. The issuing authority is not stated: the graph keeps only the
 * list's own title, which names it in words.
 */
export function sanctionEntities(row: ExportListingRow, opts: FtmOptions): FtmEntity[] {
  return row.listings.map(({ entry, matchedBy, evidence }) => ({
    id: ftmId(`sanction:${entry.id}>${row.companyId}`),
    schema: 'Sanction',
    properties: props({
      entity: ftmId(row.companyId),
      program: entry.listTitle ?? entry.list,
      programId: entry.programmes ?? [],
      recordId: entry.id,
      startDate: day(entry.listedOn),
      endDate: day(entry.delistedOn) ?? day(entry.endedOn),
      status: entry.delistedOn ? 'delisted' : 'listed',
      summary: entry.name ? `listed as ${entry.name}` : null,
      description: `linked to the company by ${matchedBy}${evidence ? `: ${evidence}` : ''}`,
      sourceUrl: archived(opts, entry.sha256),
      publisher: opts.publisher,
    }),
  }));
}
