// Streams the graph out in the field's formats: pages are read, mapped and handed to a sink one at a
// time, so memory stays bounded whatever the graph's size. The sink decides where the text goes.
import type { GraphReader } from '../graph/reader.ts';
import type { ProjectFilter } from '../graph/exports.ts';
import { exportOwnershipParties, exportProjects } from '../graph/exports.ts';
import type { BodsOptions } from './bods.ts';
import { entityStatement, personStatement, relationshipStatement } from './bods.ts';
import type { OcdsOptions } from './ocds.ts';
import { PACKAGE_CLOSE, projectRelease, releasePackageOpen } from './ocds.ts';

/** Receives the export's text in order; may return a promise to apply backpressure. */
export type Sink = (chunk: string) => void | Promise<void>;

export interface OcdsExportOptions extends OcdsOptions {
  /** JSON Lines of compiled releases instead of one release package. */
  jsonl: boolean;
  /** ISO date-time of the run: the package's publishedDate and the date of undated releases. */
  now: string;
  publisher: string;
}

export interface ExportCount {
  written: number;
}

export async function exportOcds(reader: GraphReader, filter: ProjectFilter, opts: OcdsExportOptions, sink: Sink, onProgress?: (n: number) => void): Promise<ExportCount> {
  let written = 0;
  if (!opts.jsonl) await sink(releasePackageOpen({ uri: `urn:bidgraph:ocds:${opts.prefix}:${opts.now}`, publishedDate: opts.now, publisher: opts.publisher }));
  for await (const row of exportProjects(reader, filter)) {
    const release = projectRelease(row, opts, opts.now, opts.jsonl);
    await sink(opts.jsonl ? JSON.stringify(release) + '\n' : (written ? ',' : '') + JSON.stringify(release));
    written++;
    if (written % 1000 === 0) onProgress?.(written);
  }
  if (!opts.jsonl) await sink(PACKAGE_CLOSE + '\n');
  return { written };
}

/**
 * BODS 0.4 statements as one JSON array (or JSON Lines): every entity and person first, then the
 * relationships, so each statement only refers to records already stated. Two passes over the pages.
 */
export async function exportBods(reader: GraphReader, opts: BodsOptions & { jsonl: boolean }, sink: Sink): Promise<ExportCount> {
  let written = 0;
  const emit = async (statement: unknown) => {
    const text = JSON.stringify(statement);
    await sink(opts.jsonl ? text + '\n' : (written ? ',\n' : '') + text);
    written++;
  };
  if (!opts.jsonl) await sink('[');
  for await (const row of exportOwnershipParties(reader)) {
    await emit(row.company ? entityStatement(row.company, opts) : personStatement(row.person!, opts));
  }
  for await (const row of exportOwnershipParties(reader)) {
    let previous = '';
    for (const h of row.holdings) {
      await emit(relationshipStatement(h, opts, h.ownedId === previous));
      previous = h.ownedId;
    }
  }
  if (!opts.jsonl) await sink(']\n');
  return { written };
}
