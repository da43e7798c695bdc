// Name links: `name,alias,source` — a company's name and another name of it (most often the Chinese
// name and the English one its own annual report gives), and where that is said. The link is the
// cited evidence that lets an English list name reach a Chinese company name.
import type { ReadDocument } from '../read/document.ts';
import { parseCsv } from '../ownership/csv.ts';
import { columnsOf, csvWithHeader } from './csv-header.ts';
import type { ListExtract, ListSource, NameLinkRecord } from './entry.ts';
import { clean, warner } from './entry.ts';

function header(fields: string[]): Map<string, number> | null {
  const columns = columnsOf(fields);
  const map = new Map(['name', 'alias', 'source'].map((c) => [c, columns.get(c) ?? -1] as [string, number]));
  return [...map.values()].every((i) => i >= 0) && !columns.has('owner') ? map : null;
}

export function parseNameLinks(doc: ReadDocument): ListExtract {
  const warnings: string[] = [];
  const warn = warner(doc, warnings);
  const { records } = parseCsv(doc.text);
  const h = records[0] ? header(records[0].fields) : null;
  if (!h) return { covers: null, entries: [], nameLinks: [], warnings: [`${doc.path}: line 1: no header name,alias,source; nothing read`] };
  const nameLinks: NameLinkRecord[] = [];
  for (const r of records.slice(1)) {
    const get = (c: string) => clean(r.fields[h.get(c)!]);
    const link = { name: get('name'), alias: get('alias'), source: get('source'), line: r.line };
    if (!link.name || !link.alias) warn(`line ${r.line}`, 'name or alias empty; skipped');
    else if (!link.source) warn(`line ${r.line}`, 'no source: a name link needs one; skipped');
    else nameLinks.push(link);
  }
  return { covers: null, entries: [], nameLinks, warnings };
}

export const nameLinksSource: ListSource = {
  name: 'name-links',
  mediaType: 'text/csv',
  matches: csvWithHeader(header),
  parse: parseNameLinks,
};
