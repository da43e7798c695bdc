// GET /dossier/<USCC or company id>: the same cited report `bidgraph dossier` writes, as one page
// served read-only. A company is addressed by what names it for certain: its USCC, or its id (c:<sha1>,
// or the 40-hex hash alone). A sha256 names a document, which may name many companies, so it is
// refused with a pointer to /documents/<sha256>. Citations link to the archived originals at
// ../documents/<sha256> (relative, so the API may sit under a path prefix). Bounded: at most a few
// dossiers are built at once, each with its own read timeout and award cap.
import type { Driver } from 'neo4j-driver';
import type { Plugin } from 'graphql-yoga';
import { isArchived } from '../archive.ts';
import { normalizeUscc } from '../domain/uscc.ts';
import { buildDossier } from '../dossier/model.ts';
import { findCompany, gatherDossier, isIsoDay, isRegionCode } from '../dossier/gather.ts';
import { DOSSIER_CSP, dossierHtml } from '../dossier/html.ts';
import { GraphReader } from '../graph/reader.ts';
import type { RestrictionCache } from '../graph/restrictions.ts';
import type { DatabaseGate } from './availability.ts';
import { problem } from './documents.ts';

export const DOSSIER_PATH = '/dossier/';

export interface DossierRouteOptions {
  driver: Driver;
  database?: string;
  /** BIDGRAPH_HOME: citations link to the originals its archive holds. */
  home?: string;
  restrictions: RestrictionCache;
  gate: DatabaseGate;
  /** Read timeout of each query of a dossier. Default 60 s: a large supplier has thousands of awards. */
  timeoutMs?: number;
  /** Most awards listed (for the company, and for those it controls). Default 10,000. */
  maxAwards?: number;
  /** Dossiers built at the same time; more requests get 503. Default 2. */
  concurrency?: number;
  logging?: boolean;
}

export const DEFAULT_DOSSIER_TIMEOUT_MS = 60_000;
export const DEFAULT_API_MAX_AWARDS = 10_000;
export const DEFAULT_DOSSIER_CONCURRENCY = 2;

const COMPANY_ID = /^(?:c:)?([0-9a-f]{40})$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;

const badInput = (message: string) => problem(400, 'BAD_USER_INPUT', message);

/** The company id or USCC a path names, or the response refusing it. */
export function companyKey(pathname: string): { key: string } | { refused: Response } {
  let raw: string;
  try {
    raw = decodeURIComponent(pathname.slice(DOSSIER_PATH.length)).trim();
  } catch {
    raw = '';
  }
  const uscc = normalizeUscc(raw);
  if (uscc) return { key: uscc };
  const id = COMPANY_ID.exec(raw.toLowerCase());
  if (id) return { key: `c:${id[1]}` };
  if (SHA256.test(raw)) {
    return {
      refused: badInput(
        `A sha256 names a document, not a company: its original is at /documents/${raw.toLowerCase()}. A dossier is addressed by the company's USCC (统一社会信用代码) or its id (c:<40 hex>).`,
      ),
    };
  }
  return { refused: badInput('A dossier is addressed by the company\'s USCC (统一社会信用代码, 18 characters with a valid check character) or its id (c:<40 hex>), as in /dossier/<USCC>.') };
}

/** The optional ?asOf=YYYY-MM-DD&region=<GB/T 2260 code>, or the response refusing them. */
function dossierFilter(params: URLSearchParams): { asOf: string; regionCode: string | null } | { refused: Response } {
  const asOf = params.get('asOf');
  const region = params.get('region');
  if (asOf !== null && !isIsoDay(asOf)) return { refused: badInput('asOf must be a date YYYY-MM-DD.') };
  if (region !== null && !isRegionCode(region)) return { refused: badInput('region must be a six-digit GB/T 2260 code, e.g. 653200.') };
  return { asOf: asOf ?? new Date().toISOString().slice(0, 10), regionCode: region };
}

function page(method: string, text: string): Response {
  const bytes = Buffer.from(text, 'utf8');
  return new Response(method === 'HEAD' ? null : new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(bytes.byteLength),
      'content-security-policy': `${DOSSIER_CSP}; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // The graph changes with every ingest: a dossier is built afresh each time.
      'cache-control': 'no-store',
    },
  });
}

/** Builds the page of one company, or the response saying why not. */
async function dossierPage(opts: DossierRouteOptions, key: string, filter: { asOf: string; regionCode: string | null }): Promise<string | Response> {
  const reader = new GraphReader(opts.driver, { database: opts.database, timeoutMs: opts.timeoutMs ?? DEFAULT_DOSSIER_TIMEOUT_MS });
  const lookup = await findCompany(reader, key);
  if (!lookup.found) {
    if (lookup.candidates.length === 0) return problem(404, 'NOT_FOUND', `The graph holds no company ${key}.`);
    return problem(409, 'AMBIGUOUS', `${lookup.candidates.length} companies in the graph carry ${key}; ask for one by its id (c:<40 hex>).`);
  }
  const facts = await gatherDossier(reader, lookup.found, {
    ...filter,
    restrictionsAt: (day) => opts.restrictions.at(reader, day),
    maxAwards: opts.maxAwards ?? DEFAULT_API_MAX_AWARDS,
  });
  const dossier = buildDossier(facts);
  const home = opts.home;
  const archived = new Set<string>();
  if (home) {
    for (const sha of new Set(dossier.citations.map((c) => c.sha256))) if (await isArchived(home, sha)) archived.add(sha);
  }
  return dossierHtml(dossier, { originalHref: (c) => (archived.has(c.sha256) ? `../documents/${c.sha256}` : null) });
}

/** A yoga plugin that answers /dossier/… before GraphQL sees the request. */
export function dossierRoute(opts: DossierRouteOptions): Plugin {
  let building = 0;
  const limit = opts.concurrency ?? DEFAULT_DOSSIER_CONCURRENCY;
  const serve = async (request: Request, url: URL): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    const key = companyKey(url.pathname);
    if ('refused' in key) return key.refused;
    const filter = dossierFilter(url.searchParams);
    if ('refused' in filter) return filter.refused;
    const closed = opts.gate.refusal();
    if (closed) return problem(503, 'DATABASE_UNAVAILABLE', closed.message, { 'retry-after': '2' });
    if (building >= limit) return problem(503, 'BUSY', `${limit} dossiers are being built; try again in a few seconds.`, { 'retry-after': '5' });
    building++;
    try {
      const built = await dossierPage(opts, key.key, filter);
      return typeof built === 'string' ? page(request.method, built) : built;
    } catch (err) {
      if (opts.gate.observe(err)) return problem(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; try again in a few seconds.', { 'retry-after': '2' });
      // Logged here, never described to the client.
      if (opts.logging ?? true) console.error(`GET ${url.pathname}: ${(err as Error)?.stack ?? String(err)}`);
      return problem(500, 'INTERNAL_SERVER_ERROR', 'The dossier could not be built; the server log says why.');
    } finally {
      building--;
    }
  };
  return {
    onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(DOSSIER_PATH)) return;
      return serve(request, url).then(endResponse);
    },
  };
}
