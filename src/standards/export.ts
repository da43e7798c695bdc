// Streams the graph out in the field's formats: pages are read, mapped and handed to a sink one at a
// time, so memory stays bounded whatever the graph's size. The sink decides where the text goes.
import type { GraphReader } from '../graph/reader.ts';
import type { ProjectFilter } from '../graph/exports.ts';
import { exportListings, exportOwnershipParties, exportProjects } from '../graph/exports.ts';
import type { BodsOptions } from './bods.ts';
import type { FtmOptions } from './ftm.ts';
import { companyEntity, ftmId, ownershipEntity, personEntity, projectEntities, sanctionEntities } from './ftm.ts';
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

/**
 * FollowTheMoney entities as JSON Lines: projects (Contract, ContractAward, their parties), then
 * ownership (parties, Ownership). Each party is written once, before anything that refers to it;
 * the set of written ids is the only thing that grows with the graph.
 */
export async function exportFtm(reader: GraphReader, filter: ProjectFilter, opts: FtmOptions & { ownership: boolean }, sink: Sink): Promise<ExportCount> {
  let written = 0;
  const seen = new Set<string>();
  const emit = async (e: { id: string }) => {
    await sink(JSON.stringify(e) + '\n');
    written++;
  };
  const party = async (e: { id: string }) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    await emit(e);
  };
  for await (const row of exportProjects(reader, filter)) {
    const { parties, entities } = projectEntities(row, opts);
    for (const c of parties) await party(companyEntity(c, opts));
    for (const e of entities) await emit(e);
  }
  if (opts.ownership) {
    for await (const row of exportOwnershipParties(reader)) {
      await party(row.company ? companyEntity(row.company, opts) : personEntity(row.person!, opts));
    }
    for await (const row of exportOwnershipParties(reader)) {
      for (const h of row.holdings) await emit(ownershipEntity(h, opts));
    }
  }
  // Listings of the companies written above only: a Sanction names its entity, which must be in the export.
  for await (const row of exportListings(reader)) {
    if (!seen.has(ftmId(row.companyId))) continue;
    for (const e of sanctionEntities(row, opts)) await emit(e);
  }
  return { written };
}
