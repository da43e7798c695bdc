// Holdings as an in-memory edge list for src/domain/ownership.ts: for checks, the command line and
// tests without a database. Parties are matched by name key (persons apart from organisations); the
// loader's identity rules, not these, decide what becomes one node in the graph.
import { nameKey, partyKind } from '../../src/domain/names.ts';
import type { OwnershipEdge } from '../../src/domain/ownership.ts';
import type { HoldingRecord, PartyRef } from './holding.ts';

export interface HoldingsGraph {
  edgesInto: (id: string) => OwnershipEdge[];
  /** id → the party as first seen. */
  parties: Map<string, PartyRef>;
  idOf: (party: PartyRef) => string;
  isState: (id: string) => boolean;
  isPerson: (id: string) => boolean;
  warnings: string[];
}

export function partyId(party: PartyRef): string {
  return party.kind === 'person' ? `person:${party.name}` : nameKey(party.name);
}

function sameShare(a: HoldingRecord, b: HoldingRecord): boolean {
  return a.share === b.share && a.shareMin === b.shareMin && a.shareMax === b.shareMax;
}

/**
 * One edge per owner → owned pair: the latest as-of date wins; rows of one document for the same
 * pair add up (share classes listed apart); two documents of the same date that disagree keep the
 * first, with a warning.
 */
export function holdingsGraph(holdings: HoldingRecord[]): HoldingsGraph {
  const warnings: string[] = [];
  const parties = new Map<string, PartyRef>();
  const kinds = new Map<string, Set<string>>();
  const chosen = new Map<string, HoldingRecord[]>();
  const remember = (p: PartyRef): string => {
    const id = partyId(p);
    if (!parties.has(id)) parties.set(id, p);
    if (p.kind) kinds.set(id, (kinds.get(id) ?? new Set()).add(p.kind));
    return id;
  };
  for (const h of holdings) {
    const pair = `${remember(h.owner)}\u0000${remember(h.owned)}`;
    const kept = chosen.get(pair);
    if (!kept || (h.asOf ?? '') > (kept[0].asOf ?? '')) {
      chosen.set(pair, [h]);
      continue;
    }
    if ((h.asOf ?? '') < (kept[0].asOf ?? '')) continue;
    if (kept.every((k) => k.source.sha256 === h.source.sha256)) kept.push(h);
    else if (!kept.some((k) => sameShare(k, h))) {
      warnings.push(
        `${h.owner.name} in ${h.owned.name} on ${h.asOf ?? 'an unknown date'}: ${h.source.path} disagrees with ${kept[0].source.path}; the first is kept`,
      );
    }
  }
  const into = new Map<string, OwnershipEdge[]>();
  for (const [pair, records] of chosen) {
    const [owner, owned] = pair.split('\u0000');
    const sum = (pick: (r: HoldingRecord) => number | null): number | null =>
      records.some((r) => pick(r) === null) ? null : records.reduce((s, r) => s + (pick(r) ?? 0), 0);
    const edge: OwnershipEdge = { owner, owned, share: sum((r) => r.share), shareMin: sum((r) => r.shareMin), shareMax: sum((r) => r.shareMax) };
    into.set(owned, [...(into.get(owned) ?? []), edge]);
  }
  const isState = (id: string): boolean => {
    const k = kinds.get(id);
    if (k) return k.has('state');
    const party = parties.get(id);
    return party !== undefined && partyKind(party.name) === 'state';
  };
  return {
    edgesInto: (id) => into.get(id) ?? [],
    parties,
    idOf: partyId,
    isState,
    isPerson: (id) => kinds.get(id)?.has('person') ?? false,
    warnings,
  };
}
