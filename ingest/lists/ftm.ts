import type { ReadDocument } from '../read/document.ts';
// OpenSanctions / FollowTheMoney entities, one JSON object per line (entities.ftm.json). Listed
// parties are the `target` entities of an organisation schema; `Sanction` entities give their
// programme and dates. One entry per entity and dataset: list opensanctions:<dataset>.
import { normalizeUscc } from '../../src/domain/uscc.ts';
import { listDate } from './dates.ts';
import type { Identifier, ListEntryRecord, ListExtract, ListReading, ListSource } from './entry.ts';
import { distinct, emptyEntry, warner } from './entry.ts';
import { openSanctionsList } from './list-ids.ts';
import type { LineUnit } from './units.ts';

interface FtmEntity {
  id: string;
  schema: string;
  target?: boolean;
  datasets?: string[];
  first_seen?: string;
  properties: Record<string, string[]>;
}

const ORGANISATIONS = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);

function asEntity(v: unknown): FtmEntity | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.schema !== 'string' || !o.properties || typeof o.properties !== 'object') return null;
  const properties: Record<string, string[]> = {};
  for (const [k, vals] of Object.entries(o.properties as Record<string, unknown>)) {
    properties[k] = (Array.isArray(vals) ? vals : [vals]).filter((x): x is string => typeof x === 'string');
  }
  const datasets = Array.isArray(o.datasets) ? o.datasets.filter((d): d is string => typeof d === 'string') : [];
  return { id: o.id, schema: o.schema, target: o.target === true, datasets, first_seen: typeof o.first_seen === 'string' ? o.first_seen : undefined, properties };
}

/** Identifiers: the USCC (FtM 4.x uscCode; older files may carry it in registrationNumber) and the others. */
function identifiersOf(p: Record<string, string[]>): Identifier[] {
  const out: Identifier[] = [];
  for (const v of p.uscCode ?? []) {
    const uscc = normalizeUscc(v);
    if (uscc) out.push({ type: 'USCC', value: uscc });
  }
  for (const v of p.registrationNumber ?? []) {
    const uscc = normalizeUscc(v);
    out.push(uscc ? { type: 'USCC', value: uscc } : { type: 'Registration Number', value: v });
  }
  for (const [prop, type] of [['innCode', 'INN'], ['leiCode', 'LEI'], ['isinCode', 'ISIN'], ['okpoCode', 'OKPO'], ['taxNumber', 'Tax ID']] as const) {
    for (const v of p[prop] ?? []) out.push({ type, value: v });
  }
  const seen = new Set<string>();
  return out.filter((i) => !seen.has(`${i.type}:${i.value}`) && seen.add(`${i.type}:${i.value}`));
}

/** What a Sanction entity says of the entity it lists: programmes and dates, nothing else is kept. */
interface SanctionFacts {
  programmes: string[];
  starts: string[];
  ends: string[];
}

/**
 * Reads entities line by line. Only what can make an entry is kept: listed organisations and the
 * facts of the Sanctions naming them (a Sanction may come before or after its entity), so memory
 * follows the number of listed organisations, not the size of the file.
 */
export function ftmReading(path: string): ListReading<LineUnit> {
  const warnings: string[] = [];
  const warn = warner(path, warnings);
  const targets: { e: FtmEntity; line: number }[] = [];
  const sanctions = new Map<string, SanctionFacts[]>();
  let persons = 0;
  const take = ({ line, text: raw }: LineUnit) => {
    const text = raw.trim();
    if (text === '') return;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return warn(`line ${line}`, 'not JSON; skipped');
    }
    const e = asEntity(v);
    if (!e) return warn(`line ${line}`, 'not a FollowTheMoney entity (id, schema, properties); skipped');
    if (e.schema === 'Sanction') {
      const p = e.properties;
      const facts = { programmes: p.program ?? [], starts: [...(p.listingDate ?? []), ...(p.startDate ?? [])], ends: p.endDate ?? [] };
      for (const target of p.entity ?? []) {
        const known = sanctions.get(target);
        if (known) known.push(facts);
        else sanctions.set(target, [facts]);
      }
    }
    if (!e.target) return;
    if (ORGANISATIONS.has(e.schema)) targets.push({ e, line });
    else if (e.schema === 'Person') persons++;
  };
  const finish = (): ListExtract => {
    const out = targets.flatMap(({ e, line }) => entriesOf(e, line, sanctions.get(e.id) ?? [], warn));
    if (persons) warnings.push(`${path}: ${persons} listed person(s) not loaded (bidgraph matches organisations only)`);
    return { covers: { feed: 'opensanctions', lists: distinct(out.map((e) => e.list ?? '')) }, entries: out, nameLinks: [], warnings };
  };
  return { take, finish };
}

/** One entry per dataset the listed organisation is in. */
function entriesOf(e: FtmEntity, line: number, own: SanctionFacts[], warn: (where: string, msg: string) => void): ListEntryRecord[] {
  const p = e.properties;
  const name = p.name?.[0];
  if (!name) {
    warn(`line ${line}`, `entity ${e.id} has no name; skipped`);
    return [];
  }
  const dates = own.flatMap((s) => s.starts).map(listDate).filter((d): d is string => d !== null).sort();
  const ends = own.flatMap((s) => s.ends).map(listDate).filter((d): d is string => d !== null).sort();
  return (e.datasets?.length ? e.datasets : ['unknown']).map((dataset) => {
    const entry = emptyEntry('opensanctions', `${dataset}:${e.id}`, `line ${line}`);
    entry.list = openSanctionsList(dataset);
    entry.programmes = distinct([...(p.program ?? []), ...own.flatMap((s) => s.programmes)]);
    entry.entityType = e.schema;
    entry.name = name;
    entry.aliases = distinct([...(p.name ?? []).slice(1), ...(p.alias ?? []), ...(p.previousName ?? [])]).filter((a) => a !== name);
    entry.addresses = distinct(p.address ?? []);
    entry.identifiers = identifiersOf(p);
    entry.listedOn = dates[0] ?? null;
    entry.endedOn = ends.at(-1) ?? null;
    entry.remarks = distinct(p.notes ?? []).join(' ') || null;
    entry.notes = distinct(p.topics ?? []).map((t) => `topic: ${t}`);
    // weakAlias: too weak to match on (OpenSanctions' own word); kept visible as a note.
    for (const w of p.weakAlias ?? []) entry.notes.push(`weak alias: ${w}`);
    return entry;
  });
}

/** The first JSON object of a JSON Lines text, or null when it does not start with one. */
function firstObject(doc: Pick<ReadDocument, 'text' | 'html'>): Record<string, unknown> | null {
  if (doc.html !== null) return null;
  const first = doc.text.slice(0, 20_000).split('\n').find((l) => l.trim() !== '');
  if (!first) return null;
  try {
    const v = JSON.parse(first) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** OpenSanctions marks what a list file holds: the datasets of each entity, its caption, the listed targets. */
const isListExport = (v: Record<string, unknown>) => 'datasets' in v || 'caption' in v || 'target' in v;

/**
 * Why FollowTheMoney entities that are no restriction list are not loaded (null when the document is
 * not such entities). Without datasets or targets nothing says who is listed where: an FtM export of a
 * graph (`bidgraph export ftm` writes one) re-ingested must not turn its companies into listed parties,
 * and bidgraph reads FtM only as a list.
 */
export function ftmNotAList(doc: ReadDocument): string | null {
  const v = firstObject(doc);
  if (!v || asEntity(v) === null || isListExport(v)) return null;
  return (
    'FollowTheMoney entities without datasets, target or caption: not a restriction list (OpenSanctions files mark their datasets and listed targets). ' +
    'It looks like an FtM export of a graph such as `bidgraph export ftm` writes; bidgraph reads FtM only as a list, so it is not loaded. ' +
    'Ingest the notices, ownership files or OCDS/BODS exports instead.'
  );
}

export const ftmSource: ListSource = {
  name: 'ftm',
  mediaType: 'application/x-ndjson',
  matches: (doc) => {
    // id, schema and properties make an entity; datasets, caption or target say it is OpenSanctions' export.
    const v = firstObject(doc);
    return v !== null && asEntity(v) !== null && isListExport(v);
  },
  units: 'lines',
  reading: ftmReading,
};
