// Beneficial Ownership Data Standard, 0.1–0.3 (statements: entityStatement, personStatement,
// ownershipOrControlStatement) and 0.4 (records: entity, person, relationship), as a JSON array, a
// single statement, or JSON Lines. Only shareholding interests become holdings: voting rights or board
// appointments are control, not ownership.
import type { ReadDocument } from '../read/document.ts';
import type { CandidateHolding } from './checks.ts';
import { checkHoldings } from './checks.ts';
import { isoDate } from './date.ts';
import type { OwnershipExtract, OwnershipSource, PartyKind, PartyRef } from './holding.ts';
import { partyRef, readUscc } from './party.ts';
import type { ShareReading } from './share.ts';
import { jsonParseProblem } from '../../src/errors.ts';

type Json = Record<string, unknown>;
type Warn = (where: string, msg: string) => void;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A part of the file that could not be read: its line and why. */
export interface BadLine { line: number; reason: string }

export interface StatementsRead {
  statements: Json[];
  /** Lines of JSON Lines that are not JSON objects, or where a JSON array is cut off. */
  bad: BadLine[];
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The complete objects of a JSON array that does not parse as a whole (a truncated download): each
 * element is cut out by a scan that tracks strings and nesting, and parsed on its own.
 */
function salvageArray(text: string, open: number): StatementsRead {
  const statements: Json[] = [];
  const bad: BadLine[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) return { statements, bad }; // the array's own end: it parsed badly elsewhere
      depth--;
      if (depth === 0) {
        try {
          const v: unknown = JSON.parse(text.slice(start, i + 1));
          if (isObject(v)) statements.push(v);
        } catch (err) {
          bad.push({ line: lineAt(text, start), reason: jsonParseProblem(err) });
        }
        start = -1;
      }
    }
  }
  const cut = start >= 0 ? start : text.length;
  bad.push({ line: lineAt(text, cut), reason: 'the JSON array is cut off here (a truncated file?); the complete statements before it are kept' });
  return { statements, bad };
}

/** JSON Lines: one object per line; other lines are reported by number. */
function readLines(text: string): StatementsRead {
  const statements: Json[] = [];
  const bad: BadLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (!line.startsWith('{')) {
      bad.push({ line: i + 1, reason: 'not a JSON object' });
      return;
    }
    try {
      const parsed: unknown = JSON.parse(line);
      if (isObject(parsed)) statements.push(parsed);
      else bad.push({ line: i + 1, reason: 'not a JSON object' });
    } catch (err) {
      bad.push({ line: i + 1, reason: jsonParseProblem(err) });
    }
  });
  return { statements, bad };
}

/**
 * The statements in the text (a JSON array, one object, or JSON Lines), with the lines that could
 * not be read; null when no JSON object is found at all.
 */
export function readStatements(text: string): StatementsRead | null {
  const body = text.replace(/^\ufeff/, '');
  const trimmed = body.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return { statements: parsed.filter(isObject), bad: [] };
      if (isObject(parsed)) return { statements: [parsed], bad: [] };
      return null;
    } catch {
      // A truncated array, or JSON Lines.
    }
  }
  const read = trimmed.startsWith('[') ? salvageArray(body, body.indexOf('[')) : readLines(body);
  return read.statements.length > 0 ? read : null;
}

const STATEMENT_TYPES = new Set(['entityStatement', 'personStatement', 'ownershipOrControlStatement']);
const RECORD_TYPES = new Set(['entity', 'person', 'relationship']);

function isBods(statements: Json[]): boolean {
  return statements.some((s) => STATEMENT_TYPES.has(String(s.statementType)) || RECORD_TYPES.has(String(s.recordType)));
}

// Identifier schemes taken as a USCC: any org-id scheme for China, or a scheme name saying so.
const USCC_SCHEME = /^CN-/i;
const USCC_SCHEME_NAME = /统一社会信用代码|unified\s*social\s*credit|\buscc\b/i;

function usccOf(identifiers: unknown, where: string, warn: Warn): string | null {
  if (!Array.isArray(identifiers)) return null;
  for (const ident of identifiers) {
    if (!isObject(ident)) continue;
    const scheme = str(ident.scheme) ?? '';
    const schemeName = str(ident.schemeName) ?? '';
    const id = str(ident.id);
    if (!id || !(USCC_SCHEME.test(scheme) || USCC_SCHEME_NAME.test(schemeName))) continue;
    const uscc = readUscc(id, where, warn);
    if (uscc) return uscc;
  }
  return null;
}

function entityKind(entityType: unknown): PartyKind | null {
  const type = isObject(entityType) ? str(entityType.type) : str(entityType);
  return type === 'state' || type === 'stateBody' ? 'state' : null;
}

function personFullName(names: unknown): string {
  if (!Array.isArray(names)) return '';
  const named = names.filter(isObject);
  const preferred = named.find((n) => n.type === 'individual' || n.type === 'legal') ?? named[0];
  if (!preferred) return '';
  const parts = [str(preferred.familyName), str(preferred.givenName)].filter((p): p is string => p !== null);
  return str(preferred.fullName) ?? parts.join(parts.every((p) => /^\p{Script=Han}+$/u.test(p)) ? '' : ' ');
}

function entityParty(details: Json, id: string, where: string, warn: Warn): PartyRef {
  const kind = entityKind(details.entityType);
  const type = isObject(details.entityType) ? str(details.entityType.type) : str(details.entityType);
  return partyRef(str(details.name) ?? '', {
    uscc: usccOf(details.identifiers, where, warn),
    kind,
    id,
    ...(type ? { nature: type } : {}),
  });
}

function personParty(details: Json, id: string): PartyRef {
  return partyRef(personFullName(details.names), { kind: 'person', id });
}

/** The share of the current shareholding interest, or why there is none (control is not ownership). */
function shareholding(interests: unknown, where: string, warn: Warn): ShareReading | string {
  const all = Array.isArray(interests) ? interests.filter((i): i is Json => isObject(i) && i.type === 'shareholding') : [];
  const held = all.filter((i) => !str(i.endDate));
  if (held.length === 0) return all.length ? 'the shareholding has ended (endDate)' : 'no shareholding interest (control only)';
  if (held.length > 1) warn(where, `${held.length} current shareholding interests; the first is used`);
  const share = held[0].share;
  if (!isObject(share)) return { kind: 'missing' };
  const exact = num(share.exact);
  if (exact !== null) return { kind: 'share', share: exact, min: exact, max: exact, percentSign: true };
  // Exclusive bounds are taken as the closed bounds of the interval (more than 25% → min 25).
  const min = num(share.minimum) ?? num(share.exclusiveMinimum);
  const max = num(share.maximum) ?? num(share.exclusiveMaximum);
  if (min === null && max === null) return { kind: 'missing' };
  if (min !== null && min === max) return { kind: 'share', share: min, min, max, percentSign: true };
  return { kind: 'share', share: null, min, max, percentSign: true };
}

interface Relationship {
  id: string;
  subject: unknown;
  interestedParty: unknown;
  interests: unknown;
  date: string | null;
}

/** 0.1–0.3: statementID, statementType, subject.describedByEntityStatement, interestedParty.describedBy… */
function fromStatements(statements: Json[], warn: Warn): { parties: Map<string, PartyRef>; relationships: Relationship[] } {
  const replaced = new Set<string>();
  for (const s of statements) {
    if (Array.isArray(s.replacesStatements)) for (const r of s.replacesStatements) if (typeof r === 'string') replaced.add(r);
  }
  const parties = new Map<string, PartyRef>();
  const relationships: Relationship[] = [];
  for (const s of statements) {
    const id = str(s.statementID) ?? str(s.statementId);
    if (!id || replaced.has(id)) continue;
    const where = `statement ${id}`;
    if (s.statementType === 'entityStatement') parties.set(id, entityParty(s, id, where, warn));
    else if (s.statementType === 'personStatement') parties.set(id, personParty(s, id));
    else if (s.statementType === 'ownershipOrControlStatement') {
      const subject = isObject(s.subject) ? str(s.subject.describedByEntityStatement) : null;
      const ip = isObject(s.interestedParty) ? s.interestedParty : {};
      const owner = str(ip.describedByEntityStatement) ?? str(ip.describedByPersonStatement) ?? ip.unspecified;
      relationships.push({ id, subject, interestedParty: owner, interests: s.interests, date: isoDate(str(s.statementDate)) });
    }
  }
  return { parties, relationships };
}

/** 0.4: recordId, recordType, recordDetails; the latest statement of each record wins, closed ones drop. */
function fromRecords(statements: Json[], warn: Warn): { parties: Map<string, PartyRef>; relationships: Relationship[] } {
  const latest = new Map<string, Json>();
  for (const s of statements) {
    const recordId = str(s.recordId);
    if (!recordId || !RECORD_TYPES.has(String(s.recordType))) continue;
    const before = latest.get(recordId);
    if (!before || String(s.statementDate ?? '') >= String(before.statementDate ?? '')) latest.set(recordId, s);
  }
  const parties = new Map<string, PartyRef>();
  const relationships: Relationship[] = [];
  for (const [recordId, s] of latest) {
    const details = isObject(s.recordDetails) ? s.recordDetails : {};
    const where = `statement ${str(s.statementId) ?? recordId}`;
    if (s.recordStatus === 'closed') continue;
    if (s.recordType === 'entity') parties.set(recordId, entityParty(details, recordId, where, warn));
    else if (s.recordType === 'person') parties.set(recordId, personParty(details, recordId));
    else {
      relationships.push({
        id: str(s.statementId) ?? recordId,
        subject: details.subject,
        interestedParty: details.interestedParty,
        interests: details.interests,
        date: isoDate(str(s.statementDate)),
      });
    }
  }
  return { parties, relationships };
}

/** Where a statement's own id is declared in the text, so the snippet can be found again. */
function idOffset(text: string, id: string): number | null {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`"statementI[Dd]"\\s*:\\s*"(${escaped})"`).exec(text);
  return m ? m.index + m[0].length - id.length - 1 : null;
}

export function parseBods(doc: ReadDocument): OwnershipExtract {
  const warnings: string[] = [];
  const warn: Warn = (where, msg) => {
    warnings.push(`${doc.path}: ${where}: ${msg}`);
  };
  const read = readStatements(doc.text);
  if (!read) {
    warn('file', 'not JSON or JSON Lines; nothing read');
    return { holdings: [], warnings };
  }
  for (const b of read.bad) warn(`line ${b.line}`, `${b.reason}; skipped`);
  const statements = read.statements;
  const v04 = statements.filter((s) => RECORD_TYPES.has(String(s.recordType)));
  const older = statements.filter((s) => STATEMENT_TYPES.has(String(s.statementType)));
  const a = fromStatements(older, warn);
  const b = fromRecords(v04, warn);
  const parties = new Map([...a.parties, ...b.parties]);
  const candidates: CandidateHolding[] = [];
  for (const r of [...a.relationships, ...b.relationships]) {
    const where = `statement ${r.id}`;
    if (typeof r.interestedParty !== 'string') {
      warn(where, 'interested party unspecified; skipped');
      continue;
    }
    const owner = parties.get(r.interestedParty);
    const owned = typeof r.subject === 'string' ? parties.get(r.subject) : undefined;
    if (!owner || !owned) {
      const missing = !owner ? r.interestedParty : String(r.subject);
      warn(where, `refers to ${missing}, which is not in the file; skipped`);
      continue;
    }
    const share = shareholding(r.interests, where, warn);
    if (typeof share === 'string') {
      warn(where, `${share}; skipped`);
      continue;
    }
    candidates.push({ owner, owned, share, asOf: r.date, snippet: r.id, offset: idOffset(doc.text, r.id), where });
  }
  return checkHoldings(doc, candidates, warnings);
}

export const bodsSource: OwnershipSource = {
  name: 'bods',
  matches: (doc) => {
    if (doc.html !== null) return false;
    const read = readStatements(doc.text);
    return read !== null && isBods(read.statements);
  },
  parse: parseBods,
};
