// The dossier of one company as plain data: who it is, who owns it, which lists reach it, what it
// won, and the numbered citations every figure points to. Pure: the rows come from src/graph/
// (gather.ts reads them), the page from html.ts. Citations are numbered in the order the page shows
// them, so [1] is the first proof a reader meets.
import { walkOwnership, type OwnershipEdge } from '../domain/ownership.ts';
import type { Restriction } from '../domain/restrictions.ts';
import type { DossierAwardRow, GraphHoldingsRow, NameLinkRow, OwnershipLinkRow } from '../graph/dossier.ts';
import type { StateShareRow, UltimateOwnerRow } from '../graph/ownership.ts';
import type { ListingRow, MatchCandidateRow } from '../graph/restrictions.ts';
import { isoText, type CompanyRow, type DocumentRow, type PartyRow } from '../graph/rows.ts';

/** What gather.ts reads from the graph for one dossier. */
export interface DossierFacts {
  company: CompanyRow;
  asOf: string;
  regionCode: string | null;
  generatedAt: string;
  parents: CompanyRow[];
  branches: CompanyRow[];
  nameLinks: NameLinkRow[];
  links: OwnershipLinkRow[];
  linksTruncated: boolean;
  ultimateOwners: UltimateOwnerRow[];
  stateShare: StateShareRow | null;
  listings: ListingRow[];
  restrictions: Restriction[];
  /** Names of the companies restriction paths pass through. */
  companyNames: Map<string, string>;
  awards: DossierAwardRow[];
  awardsTruncated: boolean;
  controlled: { member: CompanyRow; share: number }[];
  controlledAwards: DossierAwardRow[];
  controlledAwardsTruncated: boolean;
  matchCandidates: MatchCandidateRow[];
  documents: Map<string, DocumentRow>;
  holdings: GraphHoldingsRow;
}

export interface Citation {
  n: number;
  sha256: string;
  /** The quoted text; null when the graph keeps no snippet for the fact (the whole document is the source). */
  snippet: string | null;
  /** Where in the document, when it is not a snippet (a line of a CSV). */
  where: string | null;
  document: DocumentRow | null;
}

/** Numbers each (document, snippet) once, in the order of first use. */
export class Citations {
  private readonly byKey = new Map<string, Citation>();

  constructor(private readonly documents: Map<string, DocumentRow>) {}

  cite(sha256: string | null | undefined, snippet: string | null | undefined, where: string | null = null): number | null {
    if (!sha256) return null;
    const key = JSON.stringify([sha256, snippet ?? null, where]);
    let found = this.byKey.get(key);
    if (!found) {
      found = { n: this.byKey.size + 1, sha256, snippet: snippet ?? null, where, document: this.documents.get(sha256) ?? null };
      this.byKey.set(key, found);
    }
    return found.n;
  }

  all(): Citation[] {
    return [...this.byKey.values()];
  }
}

export interface ShareFigure {
  /** Exact percent, or null when only a range is known. */
  share: number | null;
  min: number;
  max: number;
}

export interface OwnershipLink extends ShareFigure {
  ownerId: string;
  ownerName: string;
  ownerKind: string;
  ownedId: string;
  ownedName: string;
  asOf: string | null;
  cite: number | null;
}

export interface Party {
  id: string;
  name: string;
  /** enterprise | public | state | person */
  kind: string;
  /** Its effective share in the subject (domain/ownership.ts over the links shown); null for the subject. */
  effective: ShareFigure | null;
  ultimate: boolean;
}

export interface AwardLine {
  awardId: string;
  winnerId: string;
  winner: string;
  date: string | null;
  dateKind: string | null;
  project: string | null;
  projectCode: string | null;
  buyer: string | null;
  buyerCite: number | null;
  region: string | null;
  prefecture: string | null;
  lot: string | null;
  role: string | null;
  status: string | null;
  amountFen: number | null;
  currency: string | null;
  rate: string | null;
  /** Counts towards the totals: active, an amount in yuan. */
  counted: boolean;
  winnerCite: number | null;
  amountCite: number | null;
}

export interface Total {
  label: string;
  fen: number;
  awards: number;
}

export interface RestrictionLine {
  list: string;
  status: string;
  rule: string | null;
  aggregateMin: number | null;
  aggregateMax: number | null;
  /** From a listed party down to the company: each step's names, share and source. */
  paths: { owner: string; owned: string; share: ShareFigure | null; branch: boolean; cite: number | null }[][];
}

export interface ListingLine {
  list: string;
  listTitle: string | null;
  entryName: string | null;
  programmes: string[];
  listedOn: string | null;
  delistedOn: string | null;
  matchedBy: string;
  evidence: string | null;
  viaParent: string | null;
  entryCite: number | null;
  evidenceCite: number | null;
}

export interface Dossier {
  generatedAt: string;
  asOf: string;
  regionCode: string | null;
  subject: {
    id: string;
    name: string;
    names: { name: string; cite: number | null; source: string | null }[];
    uscc: string | null;
    address: string | null;
    kind: string;
    parents: CompanyRow[];
    branches: CompanyRow[];
  };
  ownership: {
    parties: Party[];
    links: OwnershipLink[];
    truncated: boolean;
    ultimateOwners: (ShareFigure & { name: string; kind: string; paths: string[][] })[];
    stateShare: (ShareFigure & { isState: boolean; hasOwners: boolean }) | null;
  };
  listings: ListingLine[];
  restrictions: RestrictionLine[];
  awards: AwardLine[];
  awardsTruncated: boolean;
  totals: { fen: number; counted: number; notCounted: number; byYear: Total[]; byPrefecture: Total[] };
  controlled: { name: string; uscc: string | null; share: number; awards: number; fen: number }[];
  controlledAwards: AwardLine[];
  controlledAwardsTruncated: boolean;
  method: {
    documents: number;
    otherDocuments: number;
    undated: number;
    publicationDated: number;
    withoutAmount: number;
    unsuccessful: number;
    matchCandidates: { list: string; name: string | null; score: number; reasons: string[] }[];
  };
  citations: Citation[];
}

const kindOf = (p: PartyRow): string => (p.person ? 'person' : (p.kind ?? 'enterprise'));

function figure(share: number | null, min: number | null, max: number | null): ShareFigure {
  if (share !== null && share !== undefined) return { share, min: share, max: share };
  return { share: null, min: min ?? 0, max: max ?? 100 };
}

/** An award counts towards totals when active with an amount in yuan (src/graph/fragments.ts COUNTS_IN_TOTAL). */
export function countsInTotal(r: DossierAwardRow): boolean {
  return r.award.status === 'active' && r.award.amountFen !== null && r.award.amountFen !== undefined && (r.award.currency ?? 'CNY') === 'CNY';
}

function awardLine(r: DossierAwardRow, winner: string, cites: Citations): AwardLine {
  const a = r.award;
  // In the order the table shows them: buyer, amount, then the winner's own line.
  const buyerCite = r.buyer ? cites.cite(r.buyer.sha256, r.buyer.snippet) : null;
  const amountCite = a.amountFen !== null || a.ratePercent !== null ? cites.cite(a.sha256, a.snippet) : null;
  const winnerCite = cites.cite(r.winnerSha256, r.winnerSnippet);
  return {
    awardId: a.id,
    winnerId: r.key,
    winner,
    date: isoText(a.date),
    dateKind: a.dateKind,
    project: r.project?.name ?? null,
    projectCode: r.project?.code ?? null,
    buyer: r.buyer?.name ?? null,
    buyerCite,
    region: r.region?.name ?? null,
    prefecture: r.prefecture?.name ?? null,
    lot: a.lot,
    role: r.role,
    status: a.status,
    amountFen: a.amountFen ?? null,
    currency: a.currency,
    rate: a.ratePercent !== null && a.ratePercent !== undefined ? `${a.rateKind ?? 'rate'} ${a.ratePercent}%` : null,
    counted: countsInTotal(r),
    winnerCite,
    amountCite,
  };
}

function totalsBy(lines: AwardLine[], label: (l: AwardLine) => string): Total[] {
  const out = new Map<string, Total>();
  for (const l of lines) {
    if (!l.counted) continue;
    const k = label(l);
    const t = out.get(k) ?? { label: k, fen: 0, awards: 0 };
    t.fen += l.amountFen as number;
    t.awards += 1;
    out.set(k, t);
  }
  return [...out.values()];
}

function ownershipOf(facts: DossierFacts, cites: Citations): Dossier['ownership'] {
  const c = facts.company;
  const parties = new Map<string, PartyRow>([[c.id, { ...c, person: false }]]);
  for (const l of facts.links) {
    parties.set(l.owner.id, l.owner);
    parties.set(l.owned.id, { ...l.owned, person: false });
  }
  // Each party's effective share in the subject, by the reference implementation over the links drawn.
  const edges = new Map<string, OwnershipEdge[]>();
  for (const l of facts.links) {
    const list = edges.get(l.owned.id) ?? [];
    list.push({ owner: l.owner.id, owned: l.owned.id, share: l.share, shareMin: l.shareMin, shareMax: l.shareMax });
    edges.set(l.owned.id, list);
  }
  const walk = walkOwnership(c.id, (id) => edges.get(id) ?? [], { isPerson: (id) => parties.get(id)?.person === true });
  const ultimateIds = new Set(facts.ultimateOwners.map((u) => u.owner.id));
  const links: OwnershipLink[] = facts.links.map((l) => ({
    ...figure(l.share, l.shareMin, l.shareMax),
    ownerId: l.owner.id,
    ownerName: l.owner.name,
    ownerKind: kindOf(l.owner),
    ownedId: l.owned.id,
    ownedName: l.owned.name,
    asOf: isoText(l.asOf),
    cite: cites.cite(l.sha256, l.snippet),
  }));
  const s = facts.stateShare;
  return {
    parties: [...parties.values()].map((p) => {
      const a = walk.ancestors.get(p.id);
      return { id: p.id, name: p.name, kind: kindOf(p), effective: a ? { share: a.share, min: a.min, max: a.max } : null, ultimate: ultimateIds.has(p.id) };
    }),
    links,
    truncated: facts.linksTruncated,
    ultimateOwners: facts.ultimateOwners.map((u) => ({
      name: u.owner.name,
      kind: kindOf(u.owner),
      share: u.share,
      min: u.min,
      max: u.max,
      paths: u.paths.map((path) => path.map((p) => p.name)),
    })),
    stateShare: s && (s.paths > 0 || s.isState) ? { share: s.isState ? 100 : s.share, min: s.isState ? 100 : s.min, max: s.isState ? 100 : s.max, isState: s.isState, hasOwners: s.hasOwners } : null,
  };
}

function listingsOf(facts: DossierFacts, cites: Citations): ListingLine[] {
  return facts.listings.map((l) => ({
    list: l.entry.list,
    listTitle: l.entry.listTitle,
    entryName: l.entry.name,
    programmes: l.entry.programmes ?? [],
    listedOn: l.entry.listedOn,
    delistedOn: l.entry.delistedOn,
    matchedBy: l.matchedBy,
    evidence: l.evidence,
    viaParent: l.holderId !== l.key ? (facts.companyNames.get(l.holderId) ?? l.holderId) : null,
    entryCite: cites.cite(l.entry.sha256, null, `entry ${l.entry.id}`),
    evidenceCite: l.source && /^[0-9a-f]{64}$/.test(l.source) ? cites.cite(l.source, l.evidence) : null,
  }));
}

function restrictionsOf(facts: DossierFacts, cites: Citations): RestrictionLine[] {
  const name = (id: string) => facts.companyNames.get(id) ?? id;
  return facts.restrictions.map((r) => ({
    list: r.list,
    status: r.status,
    rule: r.rule,
    aggregateMin: r.aggregateMin,
    aggregateMax: r.aggregateMax,
    paths: r.paths.map((steps) =>
      steps.map((s) => ({
        owner: name(s.ownerId),
        owned: name(s.ownedId),
        share: s.branch ? null : figure(s.share, s.min, s.max),
        branch: s.branch,
        cite: s.branch ? null : cites.cite(s.sha256, facts.links.find((l) => l.owner.id === s.ownerId && l.owned.id === s.ownedId)?.snippet ?? null),
      })),
    ),
  }));
}

/** The dossier, with every citation numbered in the order the page shows it. */
export function buildDossier(facts: DossierFacts): Dossier {
  const cites = new Citations(facts.documents);
  const c = facts.company;
  const names = [...new Set([c.name, ...(c.names ?? [])])].map((n) => ({ name: n, cite: null, source: null }));
  const linked = facts.nameLinks.map((l) => ({ name: l.alias, cite: cites.cite(l.sha256, null, l.line === null ? null : `line ${l.line}`), source: l.source }));
  const ownership = ownershipOf(facts, cites);
  const listings = listingsOf(facts, cites);
  const restrictions = restrictionsOf(facts, cites);
  const awards = facts.awards.map((r) => awardLine(r, c.name, cites));
  const memberName = new Map(facts.controlled.map((m) => [m.member.id, m.member.name]));
  const controlledAwards = facts.controlledAwards.map((r) => awardLine(r, memberName.get(r.key) ?? r.key, cites));
  const counted = awards.filter((a) => a.counted);
  const byYear = totalsBy(awards, (a) => a.date?.slice(0, 4) ?? 'undated').sort((a, b) => a.label.localeCompare(b.label));
  const byPrefecture = totalsBy(awards, (a) => a.prefecture ?? a.region ?? 'no region').sort((a, b) => b.fen - a.fen || a.label.localeCompare(b.label));
  return {
    generatedAt: facts.generatedAt,
    asOf: facts.asOf,
    regionCode: facts.regionCode,
    subject: {
      id: c.id,
      name: c.name,
      names: [...names, ...linked.filter((l) => !names.some((n) => n.name === l.name))],
      uscc: c.uscc,
      address: c.address,
      kind: c.kind ?? 'enterprise',
      parents: facts.parents,
      branches: facts.branches,
    },
    ownership,
    listings,
    restrictions,
    awards,
    awardsTruncated: facts.awardsTruncated,
    totals: { fen: counted.reduce((t, a) => t + (a.amountFen as number), 0), counted: counted.length, notCounted: awards.length - counted.length, byYear, byPrefecture },
    controlled: facts.controlled.map((m) => {
      const won = controlledAwards.filter((a) => a.winnerId === m.member.id);
      return {
        name: m.member.name,
        uscc: m.member.uscc,
        share: m.share,
        awards: won.length,
        fen: won.filter((a) => a.counted).reduce((t, a) => t + (a.amountFen as number), 0),
      };
    }),
    controlledAwards,
    controlledAwardsTruncated: facts.controlledAwardsTruncated,
    method: {
      documents: facts.holdings.documents,
      otherDocuments: facts.holdings.otherDocuments,
      undated: awards.filter((a) => !a.date).length,
      publicationDated: awards.filter((a) => a.dateKind && a.dateKind !== 'decision').length,
      withoutAmount: awards.filter((a) => a.status === 'active' && a.amountFen === null).length,
      unsuccessful: awards.filter((a) => a.status !== 'active').length,
      matchCandidates: facts.matchCandidates.map((m) => ({ list: m.entry.list, name: m.entry.name, score: m.score, reasons: m.reasons ?? [] })),
    },
    citations: cites.all(),
  };
}
