// OFAC's legacy CSV files: sdn.csv / cons_prim.csv (one row per listed party), alt.csv (other names),
// add.csv (addresses) and sdn_comments.csv (remarks continued), each with the cons_ twin. No header
// row; `-0-` (sometimes with a trailing space) means empty. Every row starts with OFAC's entity
// number, one numbering for SDN and non-SDN lists, so side files attach to ofac:<ent_num> whatever
// order the files come in.
import type { ListEntryRecord, ListReading, ListSource } from './entry.ts';
import { distinct, emptyEntry, warner } from './entry.ts';
import { ofacList } from './list-ids.ts';
import { readRemarks } from './remarks.ts';
import { textCsv, type CsvUnit } from './units.ts';

const NULL = /^-0-\s*$/;
const value = (raw: string | undefined): string => {
  const v = (raw ?? '').replace(/\s+/g, ' ').trim();
  return NULL.test(v) ? '' : v;
};

type Kind = 'primary' | 'alt' | 'add' | 'comments';

/** Fields per row, and what the second and third fields must look like, for each file kind. */
const SHAPES: Record<Kind, { fields: number; test: (r: string[]) => boolean }> = {
  primary: { fields: 12, test: (r) => /^(?:-0-|individual|vessel|aircraft)?\s*$/i.test(r[2].trim()) && r[1].trim() !== '' },
  alt: { fields: 5, test: (r) => /^\d+$/.test(r[1].trim()) && /^(?:aka|fka|nka)$/i.test(r[2].trim()) },
  add: { fields: 6, test: (r) => /^\d+$/.test(r[1].trim()) },
  comments: { fields: 2, test: (r) => r[1].trim().length > 0 },
};

/** Real files end with a DOS end-of-file character on a line of its own: not a row. */
function withoutEof(r: CsvUnit): CsvUnit | null {
  if (!r.fields.some((f) => f.includes('\u001a'))) return r;
  const fields = r.fields.map((f) => f.replace(/\u001a/g, ''));
  return fields.length === 1 && fields[0].trim() === '' ? null : { ...r, fields };
}

/** Rows looked at to tell the four files apart. */
const HEAD_ROWS = 20;

function kindOf(rows: CsvUnit[]): Kind | null {
  const sample = rows.slice(0, HEAD_ROWS);
  // Most rows, not all: a malformed row among the first ones is reported by parse, not a reason to refuse the file.
  const enough = Math.max(1, sample.length - Math.max(1, Math.floor(sample.length / 5)));
  if (sample.length === 0 || sample.filter((r) => /^\d+$/.test(r.fields[0].trim())).length < enough) return null;
  for (const kind of ['primary', 'alt', 'add', 'comments'] as Kind[]) {
    const shape = SHAPES[kind];
    if (sample.filter((r) => r.fields.length === shape.fields && shape.test(r.fields)).length >= enough) {
      // Primary files mark empty cells with -0-: a 12-column numeric file without one is something else.
      if (kind === 'primary' && !sample.some((r) => r.fields.some((f) => NULL.test(f.trim())))) return null;
      return kind;
    }
  }
  return null;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Rows are taken one at a time; the first 20 decide which of the four files this is (most of them
 * must have its shape), then every row is judged against that shape.
 */
export function ofacReading(path: string): ListReading<CsvUnit> {
  const warnings: string[] = [];
  const warn = warner(path, warnings);
  const byId = new Map<string, ListEntryRecord>();
  const head: CsvUnit[] = [];
  let kind: Kind | null | undefined;
  const row = (r: CsvUnit) => {
    const where = `line ${r.line}`;
    const f = r.fields;
    const shape = SHAPES[kind!];
    const ent = f[0].trim();
    if (!/^\d+$/.test(ent) || f.length !== shape.fields || !shape.test(f)) {
      return warn(where, `not a ${kind === 'primary' ? 'list' : kind} row (${f.length} fields, expected ${shape.fields} starting with an entity number); skipped`);
    }
    const e = byId.get(ent) ?? emptyEntry('ofac', ent, where);
    byId.set(ent, e);
    if (kind === 'primary' && !primaryRow(e, f, path, (msg) => warn(where, msg))) byId.delete(ent);
    else if (kind !== 'primary') sideRow(kind!, e, f, (msg) => warn(where, msg));
  };
  const decide = () => {
    kind = kindOf(head);
    if (kind) head.forEach(row);
  };
  return {
    take: (unit) => {
      const r = withoutEof(unit);
      if (!r) return;
      if (kind === undefined) {
        head.push(r);
        if (head.length === HEAD_ROWS) decide();
      } else if (kind) row(r);
    },
    finish: () => {
      if (kind === undefined) decide();
      if (!kind) return { covers: null, entries: [], nameLinks: [], warnings: [`${path}: not an OFAC legacy CSV file; nothing read`] };
      const entries = [...byId.values()];
      const covers = kind === 'primary' ? { feed: 'ofac' as const, lists: distinct(entries.map((e) => e.list ?? '')) } : null;
      return { covers, entries, nameLinks: [], warnings };
    },
  };
}

/** An sdn.csv / cons_prim.csv row; false when it has no name. */
function primaryRow(e: ListEntryRecord, f: string[], path: string, warn: (msg: string) => void): boolean {
  const name = value(f[1]);
  if (!name) {
    warn('no name; skipped');
    return false;
  }
  const programmes = distinct(value(f[3]).replace(/^\[|\]$/g, '').split(/\]\s*\[|;/));
  const remarks = value(f[11]);
  const facts = readRemarks(remarks);
  for (const p of facts.problems) warn(p);
  e.list = ofacList(programmes, fileName(path));
  e.programmes = programmes;
  e.entityType = value(f[2]) || 'Entity';
  e.name = name;
  e.identifiers = facts.identifiers;
  e.listedOn = facts.listedOn;
  e.remarks = remarks || null;
  return true;
}

/** A row of alt.csv, add.csv or sdn_comments.csv: it adds to the entry of its entity number. */
function sideRow(kind: Exclude<Kind, 'primary'>, e: ListEntryRecord, f: string[], warn: (msg: string) => void): void {
  if (kind === 'alt') {
    const alias = value(f[3]);
    if (alias) e.aliases.push(alias);
  } else if (kind === 'add') {
    const address = [f[2], f[3], f[4]].map(value).filter(Boolean).join(', ');
    if (address) e.addresses.push(address);
  } else {
    const more = value(f[1]);
    const facts = readRemarks(more);
    for (const p of facts.problems) warn(p);
    e.remarks = [e.remarks, more].filter(Boolean).join(' ');
    e.identifiers.push(...facts.identifiers);
    e.listedOn ??= facts.listedOn;
  }
}

export const ofacCsvSource: ListSource = {
  name: 'ofac-csv',
  mediaType: 'text/csv',
  matches: (doc) => {
    if (doc.html !== null || !/^\s*\d+,/.test(doc.text)) return false;
    const head = textCsv(doc.text.slice(0, 8192)).map(withoutEof).filter((r): r is CsvUnit => r !== null);
    return kindOf(doc.text.length > 8192 ? head.slice(0, -1) : head) !== null;
  },
  units: 'csv',
  reading: ofacReading,
};
