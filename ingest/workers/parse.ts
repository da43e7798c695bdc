// One document's bytes → what the loader needs: a Notice, or holdings when an ownership source
// recognises the content. Reading and extraction only; no database, no printing.
import { extractNotice } from '../extract/index.ts';
import type { Notice } from '../extract/notice.ts';
import type { ListExtract } from '../lists/entry.ts';
import { ftmNotAList } from '../lists/ftm.ts';
import { extractList } from '../lists/index.ts';
import { readListFile } from '../lists/stream.ts';
import type { HoldingRecord } from '../ownership/holding.ts';
import { extractOwnership } from '../ownership/index.ts';
import { extractNotices } from '../standards/index.ts';
import type { ReadDocument } from '../read/index.ts';
import { ReadError, readDocument, readFile } from '../read/index.ts';

export type Parsed =
  | { kind: 'notice'; mediaType: string; notice: Notice; warnings: string[] }
  | { kind: 'holdings'; mediaType: string; source: string; holdings: HoldingRecord[]; warnings: string[] }
  | { kind: 'list'; mediaType: string; source: string; extract: ListExtract; warnings: string[] }
  | { kind: 'notices'; mediaType: string; source: string; title: string | null; notices: Notice[]; warnings: string[] };

export type ParseOutcome = { ok: true; parsed: Parsed } | { ok: false; reason: string };

/**
 * 'route': a restriction list, a data standard's file of notices (OCDS) or an ownership source if one
 * recognises the content, else a notice (ingest); 'notice': a notice (extract).
 */
export type ParseMode = 'route' | 'notice';

/** Media types of the structured ownership formats, which the text reader sees as plain text. */
const OWNERSHIP_MEDIA_TYPES: Record<string, string> = { csv: 'text/csv', bods: 'application/json' };

function route(doc: ReadDocument, mode: ParseMode): Parsed {
  if (mode === 'route') {
    // Restriction lists first: their formats are exact (a CSL header, OFAC's numbered rows, FtM entities).
    const list = extractList(doc);
    if (list) return { kind: 'list', mediaType: list.mediaType, source: list.source, extract: list, warnings: [...doc.warnings, ...list.warnings] };
    // FtM entities that are no list (our own export, say) are refused, not read as a notice.
    const notAList = ftmNotAList(doc);
    if (notAList) throw new ReadError(doc.path, notAList);
    // Then the data standards (an ocid makes OCDS), before BODS, which is recognised by its statement types.
    const standard = extractNotices(doc);
    if (standard) {
      const { source, mediaType, title, notices, warnings } = standard;
      return { kind: 'notices', mediaType, source, title, notices, warnings: [...doc.warnings, ...warnings] };
    }
  }
  const ownership = mode === 'route' ? extractOwnership(doc) : null;
  if (ownership) {
    return {
      kind: 'holdings',
      mediaType: OWNERSHIP_MEDIA_TYPES[ownership.source] ?? doc.mediaType,
      source: ownership.source,
      holdings: ownership.holdings,
      warnings: [...doc.warnings, ...ownership.warnings],
    };
  }
  const notice = extractNotice(doc);
  return { kind: 'notice', mediaType: doc.mediaType, notice, warnings: [...doc.warnings, ...notice.warnings] };
}

/**
 * Reads and extracts one document. A document the readers refuse (ReadError) fails with their
 * reason; an exception from an extractor is a bug, reported as one, so one page cannot stop a run.
 * Without bytes, the file is read from disk: a restriction list piece by piece, whatever its size;
 * anything else within the reader's size limits, checked before loading it.
 */
export async function parseDocument(path: string, bytes: Buffer | null, mode: ParseMode = 'route', sha256?: string): Promise<ParseOutcome> {
  if (!bytes && mode === 'route') {
    const list = await streamedList(path);
    if (list) return list;
  }
  let doc: ReadDocument;
  try {
    doc = bytes ? await readDocument(path, bytes, undefined, sha256) : await readFile(path);
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, reason: err.reason };
    throw err;
  }
  try {
    return { ok: true, parsed: route(doc, mode) };
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, reason: err.reason };
    return extractionBug(err);
  }
}

function extractionBug(err: unknown): ParseOutcome {
  const e = err as Error;
  const where = e.stack?.split('\n').find((l) => l.includes('/ingest/'))?.trim() ?? '';
  return { ok: false, reason: `extraction failed (a bug): ${e.name}: ${e.message}${where ? ` ${where}` : ''}` };
}

/** A list file read from disk piece by piece; null when its head is no list format. */
async function streamedList(path: string): Promise<ParseOutcome | null> {
  try {
    const list = await readListFile(path);
    return list && { ok: true, parsed: { kind: 'list', mediaType: list.mediaType, source: list.source, extract: list, warnings: list.warnings } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code) return { ok: false, reason: `cannot read file (${code})` };
    return extractionBug(err);
  }
}
