// The US Consolidated Screening List (trade.gov): JSON ({results: [...]}) and CSV, read by header
// name (older copies start with `_id`, newer ones do not). Multi-valued CSV cells are `;`-separated.
import { createHash } from 'node:crypto';
import { columnsOf, csvWithHeader } from './csv-header.ts';
import { listDate } from './dates.ts';
import type { ListEntryRecord, ListExtract, ListReading, ListSource } from './entry.ts';
import { clean, distinct, emptyEntry, warner } from './entry.ts';
import { cslList } from './list-ids.ts';
import { splitListedName } from './names.ts';
import { ResultsSplitter, type ResultsUnit } from './json-results.ts';
import { readRemarks } from './remarks.ts';
import type { CsvUnit } from './units.ts';

/** One CSL record with its fields as strings and lists, whichever format it came in. */
interface CslFields {
  id: string;
  source: string;
  entityNumber: string;
  type: string;
  name: string;
  altNames: string[];
  programs: string[];
  remarks: string;
  addresses: string[];
  ids: { type: string; number: string; country: string }[];
  startDate: string;
  endDate: string;
  federalRegisterNotice: string;
}

function entryOf(f: CslFields, where: string, warn: (where: string, msg: string) => void): ListEntryRecord | null {
  if (!f.source) {
    warn(where, 'no source (list name); row skipped');
    return null;
  }
  const listed = splitListedName(f.name);
  if (!listed.name) {
    warn(where, 'no name; row skipped');
    return null;
  }
  const list = cslList(f.source);
  // Treasury rows carry OFAC's entity number; other lists only the CSL's own id.
  const sourceId = f.id || (f.entityNumber ? `${list}:${f.entityNumber}` : createHash('sha1').update(`${f.source}\u0000${f.name}\u0000${f.startDate}`).digest('hex').slice(0, 16));
  const e = emptyEntry('csl', sourceId, where);
  const remarks = readRemarks(f.remarks);
  for (const p of remarks.problems) warn(where, p);
  e.list = list;
  e.listTitle = f.source;
  e.programmes = distinct(f.programs);
  e.entityType = f.type || null;
  e.name = listed.name;
  e.aliases = distinct([...listed.aliases, ...f.altNames.flatMap((a) => a.split(/;\s*/))]).filter((a) => a !== listed.name);
  e.addresses = distinct(f.addresses);
  e.identifiers = [
    ...f.ids.filter((i) => i.type && i.number).map((i) => ({ type: i.type, value: i.number, country: i.country || null })),
    ...remarks.identifiers,
  ];
  e.listedOn = listDate(f.startDate) ?? remarks.listedOn;
  if (f.startDate && !listDate(f.startDate)) warn(where, `start_date "${f.startDate}" is not a date; left empty`);
  e.endedOn = listDate(f.endDate);
  e.remarks = f.remarks || null;
  e.notes = listed.notes;
  if (f.federalRegisterNotice) e.notes.push(`Federal Register: ${f.federalRegisterNotice}`);
  return e;
}

// ------------------------------------------------------------------------------------ JSON

const text = (v: unknown): string => clean(v);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(clean).filter(Boolean) : clean(v) ? [clean(v)] : []);

function addressText(a: unknown): string {
  if (typeof a === 'string') return clean(a);
  if (!a || typeof a !== 'object') return '';
  const o = a as Record<string, unknown>;
  return ['address', 'city', 'state', 'postal_code', 'country'].map((k) => clean(o[k])).filter(Boolean).join(', ');
}

function jsonFields(r: Record<string, unknown>): CslFields {
  return {
    id: text(r.id),
    source: text(r.source),
    entityNumber: text(r.entity_number),
    type: text(r.type),
    // Not collapsed: a double space in an Entity List name separates the name from a note.
    name: typeof r.name === 'string' ? r.name.trim() : '',
    altNames: texts(r.alt_names),
    programs: texts(r.programs),
    remarks: text(r.remarks),
    addresses: (Array.isArray(r.addresses) ? r.addresses : []).map(addressText).filter(Boolean),
    ids: (Array.isArray(r.ids) ? r.ids : []).map((i) => {
      const o = (i ?? {}) as Record<string, unknown>;
      return { type: text(o.type), number: text(o.number), country: text(o.country) };
    }),
    startDate: text(r.start_date),
    endDate: text(r.end_date),
    federalRegisterNotice: text(r.federal_register_notice),
  };
}

/** The first result of a CSL JSON file has a source and a name (a file with no results is read, and reports none). */
function isCslRecord(v: unknown): boolean {
  return !!v && typeof v === 'object' && 'source' in v && 'name' in v;
}

/** The lists a file covers: the sources it names (JSON sources_used) and those its records carry. */
function covers(entries: ListEntryRecord[], sourcesUsed: unknown): ListExtract['covers'] {
  const named = (Array.isArray(sourcesUsed) ? sourcesUsed : []).map((s) => cslList(typeof s === 'string' ? s : text((s as { source_name?: unknown })?.source_name)));
  return { feed: 'csl', lists: distinct([...named, ...entries.map((e) => e.list ?? '')]) };
}

/** Results one at a time, as the splitter completes them (json-results.ts). */
export function cslJsonReading(path: string): ListReading<ResultsUnit> {
  const warnings: string[] = [];
  const warn = warner(path, warnings);
  const entries: ListEntryRecord[] = [];
  let results = false;
  let sourcesUsed: unknown = null;
  const take = (u: ResultsUnit) => {
    if (u.kind === 'results') results = true;
    else if (u.kind === 'member') sourcesUsed = u.key === 'sources_used' ? u.value : sourcesUsed;
    else if (u.kind === 'problem') warnings.push(`${path}: ${u.message}`);
    else {
      const where = `results[${u.index}]`;
      if (u.error) return warn(where, `${u.error}; skipped`);
      if (!u.value || typeof u.value !== 'object' || Array.isArray(u.value)) return warn(where, 'not an object; skipped');
      const e = entryOf(jsonFields(u.value as Record<string, unknown>), where, warn);
      if (e) entries.push(e);
    }
  };
  const finish = (): ListExtract =>
    results ? { covers: covers(entries, sourcesUsed), entries, nameLinks: [], warnings } : { covers: null, entries: [], nameLinks: [], warnings: [`${path}: not a CSL JSON file (no results); nothing read`, ...warnings] };
  return { take, finish };
}

/** The head of a CSL JSON file: an object whose `results` start with a record that has a source and a name. */
function cslJsonHead(text: string): boolean {
  const head = text.slice(0, 100_000);
  if (!/^\s*\{/.test(head) || !/"results"\s*:/.test(head)) return false;
  const units = new ResultsSplitter().push(head);
  const first = units.find((u) => u.kind === 'result');
  // Results with none complete in the head: an empty list, or one first record longer than the head.
  if (!first) return units.some((u) => u.kind === 'results');
  return first.kind === 'result' && isCslRecord(first.value);
}

export const cslJsonSource: ListSource = {
  name: 'csl-json',
  mediaType: 'application/json',
  matches: (doc) => doc.html === null && cslJsonHead(doc.text),
  units: 'json-results',
  reading: cslJsonReading,
};

// ------------------------------------------------------------------------------------ CSV

const COLUMNS = ['_id', 'id', 'source', 'entity_number', 'type', 'programs', 'name', 'addresses', 'remarks', 'alt_names', 'ids', 'start_date', 'end_date', 'federal_register_notice'] as const;
type Column = (typeof COLUMNS)[number];

function headerOf(fields: string[]): Map<Column, number> | null {
  const map = new Map([...columnsOf(fields)].filter(([name]) => (COLUMNS as readonly string[]).includes(name)) as [Column, number][]);
  return map.has('source') && map.has('name') && (map.has('alt_names') || map.has('programs')) ? map : null;
}

const cells = (v: string): string[] => v.split(';').map((s) => s.trim()).filter(Boolean);

/** CSV ids: `type, number, country` per `;`-separated item, as trade.gov writes them. */
function csvIds(v: string): CslFields['ids'] {
  return cells(v).map((item) => {
    const [type = '', number = '', country = ''] = item.split(',').map((s) => s.trim());
    return { type, number, country };
  });
}

/** Records one at a time: the first is the header, every other is read by it. */
export function cslCsvReading(path: string): ListReading<CsvUnit> {
  const warnings: string[] = [];
  const warn = warner(path, warnings);
  const entries: ListEntryRecord[] = [];
  let header: { columns: Map<Column, number>; width: number } | null | undefined;
  const take = (record: CsvUnit) => {
    const where = `line ${record.line}`;
    if (header === undefined) {
      const columns = headerOf(record.fields);
      header = columns ? { columns, width: record.fields.length } : null;
      return;
    }
    if (!header) return;
    if (record.unclosed) warn(where, 'a quoted field is never closed; the last record may be cut');
    if (record.fields.length !== header.width) return warn(where, `${record.fields.length} fields where the header has ${header.width}; row skipped`);
    const e = entryOf(csvFields(record.fields, header.columns), where, warn);
    if (e) entries.push(e);
  };
  const finish = (): ListExtract =>
    header ? { covers: covers(entries, null), entries, nameLinks: [], warnings } : { covers: null, entries: [], nameLinks: [], warnings: [`${path}: line 1: no CSL header (source, name, programs or alt_names); nothing read`] };
  return { take, finish };
}

function csvFields(fields: string[], header: Map<Column, number>): CslFields {
  const raw = (c: Column) => {
    const i = header.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const get = (c: Column) => clean(raw(c));
  return {
    id: get('_id') || get('id'),
    source: get('source'),
    entityNumber: get('entity_number'),
    type: get('type'),
    name: raw('name'),
    altNames: cells(get('alt_names')),
    programs: cells(get('programs')),
    remarks: get('remarks'),
    addresses: cells(get('addresses')),
    ids: csvIds(get('ids')),
    startDate: get('start_date'),
    endDate: get('end_date'),
    federalRegisterNotice: get('federal_register_notice'),
  };
}

export const cslCsvSource: ListSource = {
  name: 'csl-csv',
  mediaType: 'text/csv',
  matches: csvWithHeader(headerOf),
  units: 'csv',
  reading: cslCsvReading,
};
