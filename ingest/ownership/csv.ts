// Ownership CSV: owner,owned,share,as_of,source[,owner_uscc,owned_uscc,owner_kind,owned_kind], any
// column order, header required. RFC 4180 quoting (commas, quotes and line breaks inside quotes).
import type { ReadDocument } from '../read/document.ts';
import type { CandidateHolding } from './checks.ts';
import { checkHoldings } from './checks.ts';
import { isoDate } from './date.ts';
import type { OwnershipExtract, OwnershipSource, PartyKind } from './holding.ts';
import { partyRef, readUscc } from './party.ts';
import { readShare } from './share.ts';

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** Offset of the record in the text, and its raw text (without the line break). */
  offset: number;
  raw: string;
}

/** Splits CSV text into records. An unclosed quote runs to the end of the text (reported by `unclosed`). */
export function parseCsv(text: string): { records: CsvRecord[]; unclosed: boolean } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let start = 0;
  let line = 1;
  let startLine = 1;
  const src = text.startsWith('\ufeff') ? text.slice(1) : text;
  const base = text.length - src.length;
  const endRecord = (end: number): void => {
    fields.push(field);
    const raw = src.slice(start, end);
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ fields, line: startLine, offset: base + start, raw });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      endRecord(i);
      if (ch === '\r' && src[i + 1] === '\n') i++;
      line++;
      start = i + 1;
      startLine = line;
    } else field += ch;
  }
  if (start < src.length || field !== '' || fields.length) endRecord(src.length);
  return { records, unclosed: quoted };
}

const COLUMNS = ['owner', 'owned', 'share', 'as_of', 'source', 'owner_uscc', 'owned_uscc', 'owner_kind', 'owned_kind'] as const;
type Column = (typeof COLUMNS)[number];
const KINDS = new Set<string>(['person', 'enterprise', 'public', 'state']);

function headerOf(record: CsvRecord): Map<Column, number> | null {
  const map = new Map<Column, number>();
  record.fields.forEach((f, i) => {
    const name = f.trim().toLowerCase().replace(/[\s-]+/g, '_') as Column;
    if ((COLUMNS as readonly string[]).includes(name) && !map.has(name)) map.set(name, i);
  });
  return map.has('owner') && map.has('owned') ? map : null;
}

function firstRecord(text: string): CsvRecord | null {
  const firstLines = text.slice(0, 4096);
  return parseCsv(firstLines).records[0] ?? null;
}

function readKind(raw: string, where: string, warn: (where: string, msg: string) => void): PartyKind | null {
  const kind = raw.trim().toLowerCase();
  if (kind === '') return null;
  if (KINDS.has(kind)) return kind as PartyKind;
  warn(where, `kind "${raw}" is not one of person, enterprise, public, state; ignored`);
  return null;
}

export function parseOwnershipCsv(doc: ReadDocument): OwnershipExtract {
  const warnings: string[] = [];
  const warn = (where: string, msg: string): void => {
    warnings.push(`${doc.path}: ${where}: ${msg}`);
  };
  const { records, unclosed } = parseCsv(doc.text);
  const header = records[0] ? headerOf(records[0]) : null;
  if (!header) {
    warn('line 1', 'no header with owner and owned columns; nothing read');
    return { holdings: [], warnings };
  }
  if (unclosed) warn(`line ${records[records.length - 1].line}`, 'a quoted field is never closed; the last record may be cut');
  const candidates: CandidateHolding[] = [];
  for (const record of records.slice(1)) {
    const where = `line ${record.line}`;
    const get = (c: Column): string => {
      const i = header.get(c);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    };
    const ownerUscc = readUscc(get('owner_uscc'), where, warn);
    const ownedUscc = readUscc(get('owned_uscc'), where, warn);
    const asOfRaw = get('as_of');
    const asOf = isoDate(asOfRaw);
    if (asOfRaw && !asOf) warn(where, `as_of "${asOfRaw}" is not a date; left empty`);
    const reference = get('source');
    candidates.push({
      owner: partyRef(get('owner'), { uscc: ownerUscc, kind: readKind(get('owner_kind'), where, warn) }),
      owned: partyRef(get('owned'), { uscc: ownedUscc, kind: readKind(get('owned_kind'), where, warn) }),
      share: readShare(get('share')),
      asOf,
      snippet: record.raw,
      offset: record.offset,
      ...(reference ? { reference } : {}),
      where,
    });
  }
  return checkHoldings(doc, candidates, warnings);
}

export const csvSource: OwnershipSource = {
  name: 'csv',
  matches: (doc) => {
    if (doc.html !== null) return false;
    const first = firstRecord(doc.text);
    return first !== null && headerOf(first) !== null;
  },
  parse: parseOwnershipCsv,
};
