// Reads what a dossier needs from the graph, through the named queries of src/graph/: the company,
// its names, branches, ownership (links, ultimate owners, state share), listings and restrictions,
// its awards and those of the companies it controls, and the documents the citations point to.
import { nameKey } from '../domain/names.ts';
import type { Restriction } from '../domain/restrictions.ts';
import { normalizeUscc } from '../domain/uscc.ts';
import { loadBranches, loadBranchParents, loadCompanies, loadCompaniesByNameKeys, loadCompaniesByUscc } from '../graph/companies.ts';
import { loadDocuments } from '../graph/documents.ts';
import { loadDossierAwards, loadGraphHoldings, loadNameLinks, loadOwnershipLinksAbove } from '../graph/dossier.ts';
import { loadGroupMembers, loadStateShares, loadUltimateOwners } from '../graph/ownership.ts';
import type { GraphReader } from '../graph/reader.ts';
import { loadListings, loadMatchCandidates } from '../graph/restrictions.ts';
import type { CompanyRow } from '../graph/rows.ts';
import type { DossierFacts } from './model.ts';

export interface DossierRequest {
  asOf: string;
  regionCode: string | null;
  /** Every company's restrictions on a date (the API's cache, or a fresh computation). */
  restrictionsAt: (asOf: string) => Promise<Map<string, Restriction[]>>;
  /** Most awards listed for the company, and for the companies it controls together. */
  maxAwards?: number;
  /** Most ownership links drawn. */
  maxLinks?: number;
  now?: () => Date;
}

export const DEFAULT_MAX_AWARDS = 50_000;
export const DEFAULT_MAX_LINKS = 500;
/** A company "controls" another it holds at least this share of in effect (the lower bound). */
export const CONTROL_SHARE = 50;

/** A day as the dossier takes it: YYYY-MM-DD, a real date. */
export function isIsoDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
}

/** A six-digit GB/T 2260 region code. */
export function isRegionCode(v: string): boolean {
  return /^\d{6}$/.test(v);
}

export type Lookup = { found: CompanyRow } | { found: null; candidates: CompanyRow[] };

/** The company a name, a USCC or a company id (c:…, or the hash after it) stands for. */
export async function findCompany(reader: GraphReader, query: string): Promise<Lookup> {
  const text = query.trim();
  const uscc = normalizeUscc(text);
  let hits: CompanyRow[];
  if (uscc) hits = [...(await loadCompaniesByUscc(reader, [uscc])).values()];
  else if (/^c:\S+$/.test(text) || /^[0-9a-f]{40}$/.test(text)) hits = [...(await loadCompanies(reader, [text.startsWith('c:') ? text : `c:${text}`])).values()];
  else hits = (await loadCompaniesByNameKeys(reader, [nameKey(text)])).get(nameKey(text)) ?? [];
  return hits.length === 1 ? { found: hits[0] } : { found: null, candidates: hits };
}

/** Every fact of the dossier of one company. */
export async function gatherDossier(reader: GraphReader, company: CompanyRow, req: DossierRequest): Promise<DossierFacts> {
  const maxAwards = req.maxAwards ?? DEFAULT_MAX_AWARDS;
  const maxLinks = req.maxLinks ?? DEFAULT_MAX_LINKS;
  const id = company.id;
  const filter = { regionCode: req.regionCode, asOf: req.asOf };
  const [parents, branches, nameLinks, links, ultimate, state, listings, candidates, members, awards, holdings, restrictions] = await Promise.all([
    loadBranchParents(reader, [id]),
    loadBranches(reader, [id]),
    loadNameLinks(reader, [...new Set([company.name, ...(company.names ?? [])].map(nameKey))]),
    loadOwnershipLinksAbove(reader, id, maxLinks + 1),
    loadUltimateOwners(reader, [id]),
    loadStateShares(reader, [id]),
    loadListings(reader, [id]),
    loadMatchCandidates(reader, [id]),
    loadGroupMembers(reader, [id], CONTROL_SHARE),
    loadDossierAwards(reader, [id], filter, maxAwards + 1),
    loadGraphHoldings(reader),
    req.restrictionsAt(req.asOf),
  ]);
  const controlled = (members.get(id) ?? []).filter((m) => m.member.id !== id);
  const controlledAwards = await loadDossierAwards(reader, controlled.map((m) => m.member.id), filter, maxAwards + 1);
  const mine = restrictions.get(id) ?? [];
  const listingRows = listings.get(id) ?? [];
  const pathIds = new Set<string>([...listingRows.map((l) => l.holderId), ...mine.flatMap((r) => r.paths.flat().flatMap((s) => [s.ownerId, s.ownedId]))]);
  const companyNames = new Map([...(await loadCompanies(reader, [...pathIds])).values()].map((c) => [c.id, c.name]));
  const keptLinks = links.slice(0, maxLinks);
  const keptAwards = awards.slice(0, maxAwards);
  const keptControlled = controlledAwards.slice(0, maxAwards);
  const shas = new Set<string>();
  const add = (s: string | null | undefined) => s && shas.add(s);
  for (const l of keptLinks) add(l.sha256);
  for (const l of listingRows) {
    add(l.entry.sha256);
    if (l.source && /^[0-9a-f]{64}$/.test(l.source)) add(l.source);
  }
  for (const a of [...keptAwards, ...keptControlled]) {
    add(a.winnerSha256);
    add(a.award.sha256);
    add(a.buyer?.sha256);
  }
  for (const l of nameLinks) add(l.sha256);
  for (const step of mine.flatMap((r) => r.paths.flat())) add(step.sha256);
  return {
    company,
    asOf: req.asOf,
    regionCode: req.regionCode,
    generatedAt: (req.now ?? (() => new Date()))().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    parents: parents.get(id) ?? [],
    branches: branches.get(id) ?? [],
    nameLinks,
    links: keptLinks,
    linksTruncated: links.length > maxLinks,
    ultimateOwners: ultimate.get(id) ?? [],
    stateShare: state.get(id) ?? null,
    listings: listingRows,
    restrictions: mine,
    companyNames,
    awards: keptAwards,
    awardsTruncated: awards.length > maxAwards,
    controlled,
    controlledAwards: keptControlled,
    controlledAwardsTruncated: controlledAwards.length > maxAwards,
    matchCandidates: candidates.get(id) ?? [],
    documents: await loadDocuments(reader, [...shas]),
    holdings,
  };
}
