// Ownership sources, chosen like readers: the first whose `matches` accepts the document parses it.
import type { ReadDocument } from '../read/document.ts';
import { annualReportSource } from './annual-report.ts';
import { bodsSource } from './bods.ts';
import { csvSource } from './csv.ts';
import type { OwnershipExtract, OwnershipSource } from './holding.ts';
import { registryExtractSource } from './registry-extract.ts';

export type { HoldingRecord, OwnershipExtract, OwnershipSource, PartyKind, PartyRef } from './holding.ts';

/** Structured formats first (they are recognised exactly), then the tables found by their words. */
export const ownershipSources: readonly OwnershipSource[] = [bodsSource, csvSource, annualReportSource, registryExtractSource];

export function ownershipSourceFor(doc: ReadDocument): OwnershipSource | null {
  return ownershipSources.find((s) => s.matches(doc)) ?? null;
}

/** Holdings in the document, with the source's name; null when no ownership source recognises it. */
export function extractOwnership(doc: ReadDocument): (OwnershipExtract & { source: string }) | null {
  const source = ownershipSourceFor(doc);
  if (!source) return null;
  return { source: source.name, ...source.parse(doc) };
}
