// Restriction-list sources, chosen like ownership sources: the first whose `matches` accepts the
// document parses it. Each format is recognised by its content.
import type { ReadDocument } from '../read/document.ts';
import { cslCsvSource, cslJsonSource } from './csl.ts';
import type { ListExtract, ListSource } from './entry.ts';
import { ftmSource } from './ftm.ts';
import { resultsUnits } from './json-results.ts';
import { nameLinksSource } from './name-links.ts';
import { ofacCsvSource } from './ofac.ts';
import { textCsv, textLines } from './units.ts';

export type { Feed, Identifier, ListEntryRecord, ListExtract, ListSource, NameLinkRecord } from './entry.ts';

export const listSources: readonly ListSource[] = [cslJsonSource, ftmSource, cslCsvSource, nameLinksSource, ofacCsvSource];

export function listSourceFor(doc: Pick<ReadDocument, 'html' | 'text'>): ListSource | null {
  return listSources.find((s) => s.matches(doc)) ?? null;
}

/** Every unit of a whole text, through the source's reading. */
function readText(source: ListSource, path: string, text: string): ListExtract {
  if (source.units === 'lines') {
    const r = source.reading(path);
    for (const u of textLines(text)) r.take(u);
    return r.finish();
  }
  if (source.units === 'csv') {
    const r = source.reading(path);
    for (const u of textCsv(text)) r.take(u);
    return r.finish();
  }
  const r = source.reading(path);
  for (const u of resultsUnits(text)) r.take(u);
  return r.finish();
}

/** The entries and name links in the document, with the source's name; null when no list format recognises it. */
export function extractList(doc: ReadDocument): (ListExtract & { source: string; mediaType: string }) | null {
  const source = listSourceFor(doc);
  if (!source) return null;
  return { source: source.name, mediaType: source.mediaType, ...readText(source, doc.path, doc.text) };
}
