// The checks every source's rows go through: bad rows are dropped or kept with a warning that names
// the file and the row; everything valid loads.
import type { ReadDocument } from '../read/document.ts';
import type { HoldingRecord, OwnershipExtract, PartyRef } from './holding.ts';
import { samePartyKey } from './party.ts';
import type { ShareReading } from './share.ts';
import { shareProblem } from './share.ts';

export interface CandidateHolding {
  owner: PartyRef;
  owned: PartyRef;
  share: ShareReading;
  asOf: string | null;
  snippet: string | null;
  offset: number | null;
  reference?: string;
  /** Where in the source, for warnings: "row 4", "line 7", "statement 1f2e…". */
  where: string;
}

/** Shares that add up to more than this (percent) are reported; the slack absorbs rounded figures. */
const TOTAL_SLACK = 0.01;

function formatPercent(v: number): string {
  return `${Math.round(v * 1e6) / 1e6}%`;
}

function toRecord(doc: ReadDocument, c: CandidateHolding, share: number | null, min: number | null, max: number | null): HoldingRecord {
  const source: HoldingRecord['source'] = { path: doc.path, sha256: doc.sha256, snippet: c.snippet, offset: c.offset };
  if (c.reference) source.reference = c.reference;
  return { owner: c.owner, owned: c.owned, share, shareMin: min, shareMax: max, asOf: c.asOf, source };
}

/** One candidate → a record, or null (dropped) with the reason added to warnings. */
function checkOne(doc: ReadDocument, c: CandidateHolding, warn: (where: string, msg: string) => void): HoldingRecord | null {
  if (!c.owner.name) {
    warn(c.where, 'owner name missing; row dropped');
    return null;
  }
  if (!c.owned.name) {
    warn(c.where, 'owned company name missing; row dropped');
    return null;
  }
  if (samePartyKey(c.owner, c.owned)) {
    warn(c.where, `${c.owner.name} is listed as owning itself; row dropped`);
    return null;
  }
  const s = c.share;
  if (s.kind === 'missing') {
    warn(c.where, `no share given for ${c.owner.name} in ${c.owned.name}; kept without a share`);
    return toRecord(doc, c, null, null, null);
  }
  if (s.kind === 'invalid') {
    warn(c.where, `share "${s.text}" not understood for ${c.owner.name} in ${c.owned.name}; kept without a share`);
    return toRecord(doc, c, null, null, null);
  }
  const problem = shareProblem(s.share, s.min, s.max);
  if (problem) {
    warn(c.where, `${problem} (${c.owner.name} in ${c.owned.name}); row dropped`);
    return null;
  }
  return toRecord(doc, c, s.share, s.min, s.max);
}

function sameFigures(a: HoldingRecord, b: HoldingRecord): boolean {
  return a.share === b.share && a.shareMin === b.shareMin && a.shareMax === b.shareMax && a.asOf === b.asOf;
}

/** A holding's share as written in warnings: 30%, 25%–50%, or no share; with its date. */
function figures(h: HoldingRecord): string {
  const share = h.share !== null ? formatPercent(h.share) : h.shareMin !== null || h.shareMax !== null ? `${h.shareMin ?? '?'}%–${h.shareMax ?? '?'}%` : 'no share';
  return h.asOf ? `${share} as of ${h.asOf}` : share;
}

function ownedKey(p: PartyRef): string {
  return p.uscc ?? `name:${p.name}`;
}

/** Checks candidates from one document and adds the problems found to `warnings`. */
export function checkHoldings(doc: ReadDocument, candidates: CandidateHolding[], warnings: string[] = []): OwnershipExtract {
  const warn = (where: string, msg: string): void => {
    warnings.push(`${doc.path}: ${where}: ${msg}`);
  };
  const holdings: HoldingRecord[] = [];
  const whereOf = new Map<HoldingRecord, string>();
  for (const c of candidates) {
    const record = checkOne(doc, c, warn);
    if (!record) continue;
    holdings.push(record);
    whereOf.set(record, c.where);
  }

  const byOwned = new Map<string, HoldingRecord[]>();
  for (const h of holdings) {
    const key = ownedKey(h.owned);
    byOwned.set(key, [...(byOwned.get(key) ?? []), h]);
  }
  for (const group of byOwned.values()) {
    // The graph holds one OWNS per owner and company (the latest as_of wins, and the later row
    // among equals): a repeated pair must say which figure stands, never drop one unannounced.
    const seen = new Map<string, HoldingRecord>();
    for (const h of group) {
      const key = h.owner.uscc ?? `${h.owner.kind === 'person' ? 'person' : 'name'}:${h.owner.name}`;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, h);
        continue;
      }
      const [was, now] = [whereOf.get(earlier)!, whereOf.get(h)!];
      if (sameFigures(earlier, h)) {
        warn(now, `${h.owner.name} is listed again for ${h.owned.name} with the same share (first at ${was}); loaded once`);
        continue;
      }
      const standing = (earlier.asOf ?? '') > (h.asOf ?? '') ? ([earlier, was] as const) : ([h, now] as const);
      seen.set(key, standing[0]);
      warn(
        now,
        `conflicting shares of ${h.owner.name} in ${h.owned.name}: ${figures(earlier)} at ${was}, ${figures(h)} at ${now}; ` +
          `the graph keeps one holding per owner and company: ${figures(standing[0])} (${standing[1]}, ${standing[0] === h ? 'the later row' : 'the later as_of'}) stands`,
      );
    }
    const total = group.reduce((sum, h) => sum + (h.share ?? h.shareMin ?? 0), 0);
    if (total > 100 + TOTAL_SLACK) {
      const rows = group.map((h) => whereOf.get(h)).join(', ');
      warn(rows, `shares in ${group[0].owned.name} add up to ${formatPercent(total)}, more than 100%; kept`);
    }
  }
  return { holdings, warnings };
}
