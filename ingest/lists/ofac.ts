// OFAC's legacy CSV files: sdn.csv / cons_prim.csv (one row per listed party), alt.csv (other names),
// add.csv (addresses) and sdn_comments.csv (remarks continued), each with the cons_ twin. No header
// row; `-0-` (sometimes with a trailing space) means empty. Every row starts with OFAC's entity
// number, one numbering for SDN and non-SDN lists, so side files attach to ofac:<ent_num> whatever
// order the files come in.
import type { ReadDocument } from '../read/document.ts';
import { parseCsv, type CsvRecord } from '../ownership/csv.ts';
import type { ListEntryRecord, ListExtract, ListSource } from './entry.ts';
import { distinct, emptyEntry, warner } from './entry.ts';
import { ofacList } from './list-ids.ts';
import { readRemarks } from './remarks.ts';

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

function records(doc: ReadDocument): CsvRecord[] {
  // Real files end with a DOS end-of-file character on a line of its own.
  return parseCsv(doc.text.replace(/\u001a/g, '')).records;
}

function kindOf(rows: CsvRecord[]): Kind | null {
  const sample = rows.slice(0, 20);
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

function fileName(doc: ReadDocument): string {
  return doc.path.split(/[\\/]/).pop() ?? doc.path;
}

export function parseOfacCsv(doc: ReadDocument): ListExtract {
  const warnings: string[] = [];
  const warn = warner(doc, warnings);
  const rows = records(doc);
  const kind = kindOf(rows);
  if (!kind) return { covers: null, entries: [], nameLinks: [], warnings: [`${doc.path}: not an OFAC legacy CSV file; nothing read`] };
  const shape = SHAPES[kind];
  const byId = new Map<string, ListEntryRecord>();
  for (const r of rows) {
    const where = `line ${r.line}`;
    const f = r.fields;
    const ent = f[0].trim();
    if (!/^\d+$/.test(ent) || f.length !== shape.fields || !shape.test(f)) {
      warn(where, `not a ${kind === 'primary' ? 'list' : kind} row (${f.length} fields, expected ${shape.fields} starting with an entity number); skipped`);
      continue;
    }
    const e = byId.get(ent) ?? emptyEntry('ofac', ent, where);
    byId.set(ent, e);
    if (kind === 'primary') {
      const name = value(f[1]);
      if (!name) {
        warn(where, 'no name; skipped');
        byId.delete(ent);
        continue;
      }
      const programmes = distinct(value(f[3]).replace(/^\[|\]$/g, '').split(/\]\s*\[|;/));
      const remarks = value(f[11]);
      const facts = readRemarks(remarks);
      for (const p of facts.problems) warn(where, p);
      e.list = ofacList(programmes, fileName(doc));
      e.programmes = programmes;
      e.entityType = value(f[2]) || 'Entity';
      e.name = name;
      e.identifiers = facts.identifiers;
      e.listedOn = facts.listedOn;
      e.remarks = remarks || null;
    } else if (kind === 'alt') {
      const alias = value(f[3]);
      if (alias) e.aliases.push(alias);
    } else if (kind === 'add') {
      const address = [f[2], f[3], f[4]].map(value).filter(Boolean).join(', ');
      if (address) e.addresses.push(address);
    } else {
      const more = value(f[1]);
      const facts = readRemarks(more);
      for (const p of facts.problems) warn(where, p);
      e.remarks = [e.remarks, more].filter(Boolean).join(' ');
      e.identifiers.push(...facts.identifiers);
      e.listedOn ??= facts.listedOn;
    }
  }
  const entries = [...byId.values()];
  const covers = kind === 'primary' ? { feed: 'ofac' as const, lists: distinct(entries.map((e) => e.list ?? '')) } : null;
  return { covers, entries, nameLinks: [], warnings };
}

export const ofacCsvSource: ListSource = {
  name: 'ofac-csv',
  mediaType: 'text/csv',
  matches: (doc) => {
    if (doc.html !== null || !/^\s*\d+,/.test(doc.text)) return false;
    const head = parseCsv(doc.text.slice(0, 8192).replace(/\u001a/g, '')).records;
    return kindOf(doc.text.length > 8192 ? head.slice(0, -1) : head) !== null;
  },
  parse: parseOfacCsv,
};
