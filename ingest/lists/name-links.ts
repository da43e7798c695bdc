// Name links: `name,alias,source` — a company's name and another name of it (most often the Chinese
// name and the English one its own annual report gives), and where that is said. The link is the
// cited evidence that lets an English list name reach a Chinese company name.
import { columnsOf, csvWithHeader } from './csv-header.ts';
import type { ListExtract, ListReading, ListSource, NameLinkRecord } from './entry.ts';
import { clean, warner } from './entry.ts';
import type { CsvUnit } from './units.ts';

function header(fields: string[]): Map<string, number> | null {
  const columns = columnsOf(fields);
  const map = new Map(['name', 'alias', 'source'].map((c) => [c, columns.get(c) ?? -1] as [string, number]));
  return [...map.values()].every((i) => i >= 0) && !columns.has('owner') ? map : null;
}

export function nameLinksReading(path: string): ListReading<CsvUnit> {
  const warnings: string[] = [];
  const warn = warner(path, warnings);
  const nameLinks: NameLinkRecord[] = [];
  let h: Map<string, number> | null | undefined;
  const take = (r: CsvUnit) => {
    if (h === undefined) return void (h = header(r.fields));
    if (!h) return;
    const get = (c: string) => clean(r.fields[h!.get(c)!]);
    const link = { name: get('name'), alias: get('alias'), source: get('source'), line: r.line };
    if (!link.name || !link.alias) warn(`line ${r.line}`, 'name or alias empty; skipped');
    else if (!link.source) warn(`line ${r.line}`, 'no source: a name link needs one; skipped');
    else nameLinks.push(link);
  };
  const finish = (): ListExtract =>
    h ? { covers: null, entries: [], nameLinks, warnings } : { covers: null, entries: [], nameLinks: [], warnings: [`${path}: line 1: no header name,alias,source; nothing read`] };
  return { take, finish };
}

export const nameLinksSource: ListSource = {
  name: 'name-links',
  mediaType: 'text/csv',
  matches: csvWithHeader(header),
  units: 'csv',
  reading: nameLinksReading,
};
