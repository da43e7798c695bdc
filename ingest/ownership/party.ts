// Parties as the sources name them: company names through the shared name rules, USCCs through the
// shared cleaner, persons kept as given (spaces removed).
import { canonicalName, nameKey } from '../../src/domain/names.ts';
import { normalizeUscc } from '../../src/domain/uscc.ts';
import type { PartyKind, PartyRef } from './holding.ts';

const HAN_GAP = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** A person's name: NFKC, no spaces between Chinese characters (tables pad 龚  虹嘉), others collapsed. */
export function personName(raw: string): string {
  return raw.normalize('NFKC').replace(HAN_GAP, '').replace(/\s+/g, ' ').trim();
}

export interface PartyFacts {
  uscc?: string | null;
  kind?: PartyKind | null;
  nature?: string;
  id?: string;
}

export function partyRef(rawName: string, facts: PartyFacts = {}): PartyRef {
  const kind = facts.kind ?? null;
  const trimmed = rawName.trim();
  const name = trimmed === '' ? '' : kind === 'person' ? personName(trimmed) : canonicalName(trimmed).name;
  const party: PartyRef = { name, uscc: facts.uscc ?? null, kind };
  if (facts.id !== undefined) party.id = facts.id;
  if (facts.nature) party.nature = facts.nature;
  return party;
}

/** A USCC cell: null when empty; null with a warning when it is not a valid code. */
export function readUscc(raw: string, where: string, warn: (where: string, msg: string) => void): string | null {
  if (raw.trim() === '') return null;
  const uscc = normalizeUscc(raw);
  if (!uscc) warn(where, `"${raw}" is not a valid 统一社会信用代码; ignored`);
  return uscc;
}

/** The same party: same USCC, or (when either has none) the same name key. */
export function samePartyKey(a: PartyRef, b: PartyRef): boolean {
  if (a.uscc && b.uscc) return a.uscc === b.uscc;
  return nameKey(a.name) === nameKey(b.name);
}
