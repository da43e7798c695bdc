// List files in CSV are recognised by their header line: the columns by name, in any order.
import type { ReadDocument } from '../read/document.ts';
import { parseCsv } from '../ownership/csv.ts';

/** Column positions by name (trimmed, lower case); the first of two same-named columns stands. */
export function columnsOf(fields: string[]): Map<string, number> {
  const map = new Map<string, number>();
  fields.forEach((f, i) => {
    const name = f.trim().toLowerCase();
    if (!map.has(name)) map.set(name, i);
  });
  return map;
}

/** A `matches` for a ListSource: plain text whose first CSV record (within 4 KiB) is a header `headerOf` accepts. */
export function csvWithHeader(headerOf: (fields: string[]) => unknown): (doc: Pick<ReadDocument, 'html' | 'text'>) => boolean {
  return (doc) => {
    if (doc.html !== null) return false;
    const first = parseCsv(doc.text.slice(0, 4096)).records[0];
    return first !== undefined && headerOf(first.fields) !== null;
  };
}
