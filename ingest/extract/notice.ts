// The Notice contract: what `bidgraph extract` prints, one JSON object per document.
// Other tools and the loader depend on these names; change them only with the README.

export type NoticeType = 'award' | 'candidate' | 'tender' | 'correction' | 'termination' | 'other';
export type MediaType = 'text/html' | 'application/pdf' | 'text/plain';
export type SupplierRole = 'sole' | 'lead' | 'member';
export type RateKind = '下浮率' | '折扣率' | '费率' | '优惠率';

/** An amount as an integer number of fen (1/100 yuan): exact, and summed without drift. */
export interface Money { fen: number; currency: 'CNY' }

export interface Source {
  path: string;
  sha256: string;
  mediaType: MediaType;
  encoding: string | null;
}

export interface Party { name: string; address: string | null }

export interface RegionRef {
  code: string;
  name: string;
  /** From the province down to the region itself. */
  path: { code: string; name: string }[];
}

export interface Supplier {
  /** Canonical name (see src/domain/names.ts). */
  name: string;
  rawName: string;
  address: string | null;
  uscc: string | null;
  role: SupplierRole;
}

export interface Award {
  lot: string | null;
  status: 'active' | 'unsuccessful';
  suppliers: Supplier[];
  value: Money | null;
  rate: { kind: RateKind; percent: number } | null;
}

export interface Candidate {
  rank: number | null;
  name: string;
  bid: Money | null;
}

/**
 * What a snippet supports: the notice itself (its title, dates, project, parties, region, budget), or one
 * of its awards or candidates by position in those lists. The loader routes evidence by this reference.
 */
export type EvidenceTarget = { part: 'notice' } | { part: 'award'; index: number } | { part: 'candidate'; index: number };

export const NOTICE_ITSELF: EvidenceTarget = Object.freeze({ part: 'notice' });
export const awardAt = (index: number): EvidenceTarget => ({ part: 'award', index });
export const candidateAt = (index: number): EvidenceTarget => ({ part: 'candidate', index });

export interface Evidence {
  about: EvidenceTarget;
  /** The field within what it supports, as a JSON path from there: "buyer.name", "value", "suppliers[1].name". */
  field: string;
  text: string;
  /** Offsets into the document's extracted text. */
  start: number;
  end: number;
}

export interface Notice {
  source: Source;
  /** The EXTRACTOR_VERSION (ingest/extract/version.ts) that produced this notice. */
  extractorVersion: string;
  noticeType: NoticeType;
  title: string | null;
  publishedAt: string | null;
  /** When the winner was decided (成交日期, 中标日期, 定标日期), YYYY-MM-DD. */
  decisionDate: string | null;
  /** The publicity period (公示期, 公告期限), YYYY-MM-DD at each end; either end may be unknown. */
  publicityPeriod: { start: string | null; end: string | null } | null;
  project: { name: string | null; code: string | null; method: string | null; contractModel: string[] };
  buyer: Party | null;
  agency: Party | null;
  region: RegionRef | null;
  budget: Money | null;
  awards: Award[];
  candidates: Candidate[];
  evidence: Evidence[];
  warnings: string[];
}

const LIST_OF: Record<Exclude<EvidenceTarget['part'], 'notice'>, string> = { award: 'awards', candidate: 'candidates' };

/** Evidence's JSON path in the whole notice ("awards[0].suppliers[1].name"): how the graph stores it and the API shows it. */
export function evidencePath(e: Pick<Evidence, 'about' | 'field'>): string {
  if (e.about.part === 'notice') return e.field;
  const at = `${LIST_OF[e.about.part]}[${e.about.index}]`;
  return e.field ? `${at}.${e.field}` : at;
}

export function sameTarget(a: EvidenceTarget, b: EvidenceTarget): boolean {
  return a.part === b.part && (a.part === 'notice' || a.index === (b as { index: number }).index);
}
