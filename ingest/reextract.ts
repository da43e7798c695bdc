// Re-extraction after an upgrade: documents in the graph that were read by another extractor version (or
// written by another loader) are read again from their archived originals, so a fixed extractor reaches
// what was loaded before the fix, false winners included. The pipeline runs them as a pass of their own.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { archivePath } from '../src/archive.ts';
import { evidencePath } from './extract/notice.ts';
import type { Notice } from './extract/notice.ts';
import type { HoldingRecord } from './ownership/holding.ts';
import type { ListExtract } from './lists/entry.ts';
import type { DocumentReport } from './pipeline.ts';
import * as Q from './load/cypher.ts';

export type ReextractMode = 'auto' | 'force' | 'off';

/** A document to read again: its archived original, and the path and source the graph keeps for it. */
export interface RecordedDocument {
  sha256: string;
  path: string;
  url: string | null;
  retrievedAt: string | null;
  archived: string;
}

export interface ReextractSummary {
  reextracted: number;
  changed: number;
  /** Documents that should be read again but whose original is not in the archive. */
  missing: { sha256: string; path: string }[];
}

/**
 * A fingerprint of what the extractor gave, without what depends on where the file sat or which version
 * read it: two readings with the same fingerprint put the same facts in the graph.
 */
export function extractHashOf(extracted: Notice | Notice[] | HoldingRecord[] | ListExtract): string {
  // Evidence is hashed under its path in the notice, the form the graph stores, so a hash does not move
  // when only the Notice's way of pointing at what a snippet supports changes.
  const bareNotice = (n: Notice) => ({
    ...n,
    source: { ...n.source, path: null },
    extractorVersion: null,
    evidence: n.evidence.map((e) => ({ field: evidencePath(e), text: e.text, start: e.start, end: e.end })),
  });
  const bare = Array.isArray(extracted)
    ? extracted.map((x) => ('extractorVersion' in x ? bareNotice(x) : { ...x, source: { ...x.source, path: null } }))
    : 'entries' in extracted
      ? extracted
      : bareNotice(extracted);
  return createHash('sha256').update(JSON.stringify(bare)).digest('hex');
}

/** Documents to read again, with their archived originals; none when every document is current (one count). */
export async function documentsToReextract(
  driver: Driver,
  database: string | undefined,
  home: string,
  force: boolean,
  versions: { loader: string; extractor: string },
): Promise<{ documents: RecordedDocument[]; missing: { sha256: string; path: string }[] }> {
  const params = { force, extractor: versions.extractor, loader: versions.loader };
  if (!force) {
    const counts = await driver.executeQuery(Q.COUNT_CURRENT_DOCUMENTS, params, { database, routing: 'READ' });
    const row = counts.records[0];
    if (Number(row.get('total')) === Number(row.get('current'))) return { documents: [], missing: [] };
  }
  const res = await driver.executeQuery(Q.READ_DOCUMENTS_TO_REEXTRACT, params, { database, routing: 'READ' });
  const documents: RecordedDocument[] = [];
  const missing: { sha256: string; path: string }[] = [];
  for (const r of res.records) {
    const sha256 = r.get('sha256') as string;
    const recordedPath = (r.get('path') as string | null) ?? sha256;
    const archived = archivePath(home, sha256);
    if (!fs.existsSync(archived)) {
      missing.push({ sha256, path: recordedPath });
      continue;
    }
    documents.push({ sha256, path: recordedPath, url: r.get('url'), retrievedAt: r.get('retrievedAt'), archived });
  }
  return { documents, missing };
}

export function summariseReextraction(reports: DocumentReport[]): Omit<ReextractSummary, 'missing'> {
  const read = reports.filter((d) => d.reextracted);
  return { reextracted: read.length, changed: read.filter((d) => d.changed).length };
}
