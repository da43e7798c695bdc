// `bidgraph ingest`: walks the inputs, skips documents already loaded, parses the rest in worker
// processes, and writes them in input order, in batches, one transaction per batch. Every document
// ends as ok, unchanged or failed (with a reason); nothing here prints or exits.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { awaitSearchIndexes } from '../src/db/migrate.ts';
import { allRegions } from '../src/domain/region.ts';
import { listInputs, specialKind } from './inputs.ts';
import type { BatchOutcome, Counters, KnownDocument } from './load/loader.ts';
import { addCounters, emptyCounters, Loader } from './load/loader.ts';
import { ListLoader, type ListLoadItem } from './load/lists.ts';
import { matchListings, type MatchSummary } from './load/listings.ts';
import type { DocumentMeta, LoadItem } from './load/plan.ts';
import { loadRegions } from './load/regions.ts';
import { defaultReadOptions } from './read/index.ts';
import { sha256Hex } from './read/reader.ts';
import type { ParseBudget, WorkerReply } from './workers/pool.ts';
import type { Parsed } from './workers/parse.ts';
import { archiveDocument, archiveFile } from '../src/archive.ts';
import { listSourceOfFile } from './lists/stream.ts';
import { ParsePool } from './workers/pool.ts';
import type { RunState } from './run-state.ts';
import { record, unchanged } from './run-state.ts';
import { EXTRACTOR_VERSION } from './extract/version.ts';
import { loadNoticeLines } from './notice-lines.ts';
import type { RecordedDocument, ReextractMode, ReextractSummary } from './reextract.ts';
import { documentsToReextract, extractHashOf, summariseReextraction } from './reextract.ts';

export interface ManifestEntry {
  url: string | null;
  retrievedAt: string | null;
}

/** Where notices and holdings go: Neo4j through the Loader, or a bulk import's graph in memory (ingest/bulk/). */
export interface NoticeSink {
  readonly version: string;
  knownDocuments(shas: string[]): Promise<Map<string, KnownDocument>>;
  load(items: readonly LoadItem[]): Promise<BatchOutcome>;
}

export interface DocumentSink extends NoticeSink {
  /** Restriction lists and name-link files, each on its own. */
  readonly lists: ListSink;
}

export type ListSink = Pick<ListLoader, 'load'>;

export interface IngestOptions {
  inputs: string[];
  /** The database written, or null when `sink` takes the documents instead (no regions, re-extraction, index wait or list matching then). */
  driver: Driver | null;
  sink?: DocumentSink;
  database?: string;
  /** BIDGRAPH_HOME: originals are archived under <home>/archive. Null skips archiving. */
  home: string | null;
  /** Source URLs by absolute path (see readManifest). */
  manifest?: Map<string, ManifestEntry>;
  /** Parse workers; default: the number of cores. */
  concurrency?: number;
  /** Documents per write transaction; default 200. */
  batchSize?: number;
  /** The writer lease (src/db/writer-lease.ts) this run holds: every write transaction renews it first. */
  lease?: { guard(tx: ManagedTransaction): Promise<void> };
  /** Each document's time and memory in its parse worker; default 60 s and 512 MB. */
  budget?: ParseBudget;
  /**
   * Documents in the graph read by another extractor (or written by another loader): 'auto' re-reads their
   * archived originals, 'force' re-reads every archived document, 'off' leaves them. Default 'auto'.
   */
  reextract?: ReextractMode;
  /** JSON Lines of Notices that `bidgraph extract --json` wrote, loaded as they are (see ingest/notice-lines.ts). */
  notices?: string[];
  /** Where to look for the originals of those notices when their paths do not resolve. */
  originals?: string;
  onProgress?: (p: IngestProgress) => void;
  /** Called after each write transaction with the items it held (benchmarks replay them). */
  onBatchWritten?: (items: readonly LoadItem[]) => void;
  /** Match list entries to companies at the end (ingest/load/listings.ts); default true. */
  matchListings?: boolean;
}

export interface IngestProgress {
  total: number;
  done: number;
  ok: number;
  failed: number;
  unchanged: number;
}

export interface DocumentReport {
  path: string;
  sha256: string | null;
  status: 'ok' | 'failed' | 'unchanged';
  reason?: string;
  warnings: string[];
  /** Read again from the archive after an upgrade; `changed` when the new reading differs from the old one. */
  reextracted?: boolean;
  changed?: boolean;
}

export interface IngestSummary extends IngestProgress {
  counters: Counters;
  regionsLoaded: number;
  elapsedMs: number;
  /** Read + extract time summed over workers (CPU-ish), and the wall time the writer spent writing. */
  parseMs: number;
  writeMs: number;
  /** Hashing and the already-loaded check, on the main thread. */
  checkMs: number;
  concurrency: number;
  batchSize: number;
  /** Documents read again from the archive, how many of them gave a different result, and how many had no archived original. */
  reextracted: number;
  reextractedChanged: number;
  reextractMissing: number;
  /** Restriction-list and name-link files written. */
  listsLoaded?: number;
  /** Links and match candidates after the run; null when nothing was loaded. */
  matching?: MatchSummary | null;
  documents: DocumentReport[];
}

// ------------------------------------------------------------------------------------ manifest

export interface ManifestProblem { line: number; reason: string }

/**
 * Parses a manifest: JSON Lines of {path, url, retrievedAt}. Paths are taken relative to the
 * manifest's folder (absolute paths as they are). Bad lines are reported, not fatal.
 */
export function parseManifest(text: string, baseDir: string): { entries: Map<string, ManifestEntry>; problems: ManifestProblem[] } {
  const entries = new Map<string, ManifestEntry>();
  const problems: ManifestProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, reason: 'not JSON' });
      return;
    }
    const o = v as { path?: unknown; url?: unknown; retrievedAt?: unknown };
    if (!o || typeof o !== 'object' || typeof o.path !== 'string' || o.path === '') {
      problems.push({ line: i + 1, reason: 'no "path"' });
      return;
    }
    const url = typeof o.url === 'string' && o.url !== '' ? o.url : null;
    const retrievedAt = typeof o.retrievedAt === 'string' && o.retrievedAt !== '' ? o.retrievedAt : null;
    entries.set(path.resolve(baseDir, o.path), { url, retrievedAt });
  });
  return { entries, problems };
}

export async function readManifest(file: string): Promise<{ entries: Map<string, ManifestEntry>; problems: ManifestProblem[] }> {
  return parseManifest(await fs.readFile(file, 'utf8'), path.dirname(path.resolve(file)));
}

// ------------------------------------------------------------------------------------ pipeline

type Slot =
  | { state: 'waiting' }
  | { state: 'written' }
  | { state: 'done'; report: DocumentReport }
  | { state: 'parsed'; item: LoadItem | ListLoadItem; warnings: string[]; changed?: boolean; original: Original | null };

/**
 * The bytes of a parsed document, kept until its write succeeds: only then is it archived. A list
 * file read piece by piece is not held: its file is copied, and checked against the hash, instead.
 */
type Original = { bytes: Buffer; name: string | null } | { file: string; name: string | null };

const WRITTEN: Slot = { state: 'written' };
const MAX_BYTES = Math.max(defaultReadOptions.maxTextBytes, defaultReadOptions.maxPdfBytes);
const CHECK_CHUNK = 256;


/** The sha256 of a file read as a stream, for files too large to hold. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function sameStamp(file: string, stamp: FileStamp): Promise<boolean> {
  try {
    const now = await fs.stat(file);
    return now.size === stamp.size && now.mtimeMs === stamp.mtimeMs;
  } catch {
    return false;
  }
}

/** A list file read piece by piece gets one document's parse time per 20 MB it holds. */
function budgetShares(size: number): number {
  return Math.max(1, Math.ceil(size / defaultReadOptions.maxTextBytes));
}

/** One file to read in a pass; `recorded` keeps the path and source of a document read again from the archive. */
interface PassEntry {
  file: string;
  recorded?: RecordedDocument;
}

function driverOf(opts: IngestOptions): Driver {
  if (!opts.driver) throw new Error('ingest needs a driver, or a sink that takes the documents');
  return opts.driver;
}

export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const concurrency = Math.max(1, opts.concurrency ?? os.availableParallelism());
  const batchSize = Math.max(1, opts.batchSize ?? 200);

  const regions = allRegions();
  // With a sink, the driver is not written to: the sink's owner loads regions, waits for indexes and matches lists.
  const driver = opts.sink ? null : opts.driver;
  const regionsLoaded = driver ? await loadRegions(driver, regions, opts.database) : 0;
  const lease = opts.lease;
  const guard = lease ? { guard: (tx: ManagedTransaction) => lease.guard(tx) } : {};
  const loader: NoticeSink = opts.sink ?? new Loader(driverOf(opts), { database: opts.database, knownRegions: new Set(regions.map((r) => r.code)), ...guard });
  const listLoader: ListSink = opts.sink?.lists ?? new ListLoader(driverOf(opts), { database: opts.database, loaderVersion: loader.version, ...guard });
  let listsLoaded = 0;
  let matching: MatchSummary | null = null;

  const { files, problems } = listInputs(opts.inputs);
  const run: RunState = {
    reports: problems.map((p) => ({ path: p.path, sha256: null, status: 'failed', reason: p.reason, warnings: [] })),
    progress: { total: files.length + problems.length, done: problems.length, ok: 0, failed: problems.length, unchanged: 0 },
    counters: emptyCounters(),
    parseMs: 0,
    writeMs: 0,
    checkMs: 0,
  };
  /** Notices and holdings go through the Loader in one batch; list files each in a transaction of their own. */
  const writeBatch = async (all: { item: LoadItem | ListLoadItem; warnings: string[] }[]): Promise<DocumentReport[]> => {
    const lists = all.filter((b): b is { item: ListLoadItem; warnings: string[] } => b.item.kind === 'list');
    const batch = all.filter((b): b is { item: LoadItem; warnings: string[] } => b.item.kind !== 'list');
    const tw = performance.now();
    const listReports: DocumentReport[] = [];
    for (const b of lists) {
      const r = await listLoader.load(b.item);
      addCounters(run.counters, r.counters);
      listsLoaded += r.outcome.status === 'ok' ? 1 : 0;
      const { reason, ...rest } = r.outcome;
      listReports.push({ ...rest, ...(reason ? { reason } : {}), warnings: [...b.warnings, ...r.outcome.warnings] });
    }
    let notices: DocumentReport[] = [];
    if (batch.length > 0) {
      const outcome: BatchOutcome = await loader.load(batch.map((b) => b.item));
      addCounters(run.counters, outcome.counters);
      opts.onBatchWritten?.(batch.map((b) => b.item));
      notices = outcome.documents.map((d, i) => ({
        path: d.path,
        sha256: d.sha256,
        status: d.status,
        ...(d.reason ? { reason: d.reason } : {}),
        warnings: [...batch[i].warnings, ...d.warnings],
      }));
    }
    run.writeMs += performance.now() - tw;
    let n = 0;
    let l = 0;
    return all.map((b) => (b.item.kind === 'list' ? listReports[l++] : notices[n++]));
  };

  let onReply: (reply: WorkerReply) => void = () => {};
  const pool = new ParsePool(concurrency, { budget: opts.budget }, (reply) => onReply(reply));
  const passOptions = { opts, loader, pool, run, writeBatch, batchSize, concurrency, setReplyHandler: (h: (r: WorkerReply) => void) => (onReply = h) };
  let reextract: ReextractSummary = { reextracted: 0, changed: 0, missing: [] };
  try {
    opts.onProgress?.({ ...run.progress });
    await runPass(passOptions, files.map((file) => ({ file })), false);
    for (const file of opts.notices ?? []) {
      await loadNoticeLines(file, { loader, run, writeBatch, batchSize, originals: opts.originals ?? null, home: opts.home, onProgress: opts.onProgress });
    }
    const mode = opts.reextract ?? 'auto';
    if (mode !== 'off' && opts.home && driver) {
      const stale = await documentsToReextract(driver, opts.database, opts.home, mode === 'force', { loader: loader.version, extractor: EXTRACTOR_VERSION });
      reextract.missing = stale.missing;
      if (stale.documents.length > 0) {
        run.progress.total += stale.documents.length;
        const from = run.reports.length;
        await runPass(passOptions, stale.documents.map((d) => ({ file: d.archived, recorded: d })), mode === 'force');
        reextract = { ...summariseReextraction(run.reports.slice(from)), missing: stale.missing };
      }
    }
    if (run.progress.ok > 0 && driver) {
      await awaitSearchIndexes(driver, opts.database);
      // New companies, names, entries or name links can each make or unmake a link: match again.
      if (opts.matchListings !== false) matching = await matchListings(driver, opts.database);
    }
  } finally {
    await pool.close();
  }

  return {
    ...run.progress,
    counters: run.counters,
    regionsLoaded,
    elapsedMs: performance.now() - t0,
    parseMs: run.parseMs,
    writeMs: run.writeMs,
    checkMs: run.checkMs,
    concurrency,
    batchSize,
    reextracted: reextract.reextracted,
    reextractedChanged: reextract.changed,
    reextractMissing: reextract.missing.length,
    listsLoaded,
    matching,
    documents: run.reports,
  };
}

interface PassOptions {
  opts: IngestOptions;
  loader: NoticeSink;
  pool: ParsePool;
  run: RunState;
  writeBatch: (batch: { item: LoadItem | ListLoadItem; warnings: string[] }[]) => Promise<DocumentReport[]>;
  batchSize: number;
  concurrency: number;
  setReplyHandler: (h: (reply: WorkerReply) => void) => void;
}

/** A file read and hashed, or why it cannot be: the dispatch stage. */
interface ReadEntry {
  file: string;
  /** The path reports name it by (the recorded one for a document read again from the archive). */
  shown: string;
  /** Null when the file is too large to hold (the reader opens it itself, within its limits). */
  bytes: Buffer | null;
  sha256: string;
  /** A list file too large to hold, hashed as a stream: its size and time when hashed, to see that it stays the same. */
  streamed?: FileStamp;
  error?: string;
}

interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A document sent to a worker, and what the pass needs of it when the worker answers. */
interface Dispatched {
  sha256: string;
  abs: string;
  known: KnownDocument | undefined;
  bytes: Buffer | null;
  streamed?: FileStamp;
}

/** Reads one file and hashes it, once: the hash travels with the bytes to the reader and the archive. */
async function readAndHash({ file, recorded }: PassEntry): Promise<ReadEntry> {
  const shown = recorded?.path ?? file;
  try {
    const stat = await fs.stat(file);
    // A FIFO or a device would block the read forever.
    if (!stat.isFile()) return { file, shown, bytes: null, sha256: '', error: `${specialKind(stat)}, not a regular file; refused (reading it could block forever)` };
    if (stat.size > defaultReadOptions.maxTextBytes && (await listSourceOfFile(file))) {
      return { file, shown, bytes: null, sha256: await hashFile(file), streamed: { size: stat.size, mtimeMs: stat.mtimeMs } };
    }
    if (stat.size > MAX_BYTES) return { file, shown, bytes: null, sha256: '' };
    const bytes = await fs.readFile(file);
    return { file, shown, bytes, sha256: sha256Hex(bytes) };
  } catch (err) {
    return { file, shown, bytes: null, sha256: '', error: `cannot open file (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}

/** The parsing stage's result as the loader takes it: the document's metadata and what it says. */
function loadItemOf(parsed: Parsed, sha256: string, reportPath: string, source: ManifestEntry | undefined): LoadItem | ListLoadItem {
  const base = {
    sha256,
    path: reportPath,
    url: source?.url ?? null,
    retrievedAt: source?.retrievedAt ?? null,
    mediaType: parsed.mediaType,
    extractorVersion: EXTRACTOR_VERSION,
  };
  if (parsed.kind === 'list') {
    const title = parsed.extract.nameLinks.length ? 'name links' : `restriction list (${parsed.source})`;
    const document: DocumentMeta = { ...base, extractHash: extractHashOf(parsed.extract), title, publishedAt: null, noticeType: 'restriction-list' };
    return { kind: 'list', document, source: parsed.source, extract: parsed.extract };
  }
  if (parsed.kind === 'notices') {
    const document: DocumentMeta = { ...base, extractHash: extractHashOf(parsed.notices), title: parsed.title, publishedAt: null, noticeType: parsed.source as DocumentMeta['noticeType'] };
    return { kind: 'notices', document, notices: parsed.notices };
  }
  if (parsed.kind === 'notice') {
    const n = parsed.notice;
    const document: DocumentMeta = { ...base, extractHash: extractHashOf(n), title: n.title, publishedAt: n.publishedAt, noticeType: n.noticeType };
    return { kind: 'notice', document, notice: n };
  }
  const document: DocumentMeta = { ...base, extractHash: extractHashOf(parsed.holdings), title: null, publishedAt: null, noticeType: 'ownership' };
  return { kind: 'holdings', document, holdings: parsed.holdings };
}

/**
 * The archiving stage: the originals of documents whose write succeeded, under the sha256 computed
 * when they were read. A document that could not be archived stays loaded, with a warning that says so.
 */
async function archiveWritten(home: string | null, slots: Slot[], reports: DocumentReport[]): Promise<void> {
  if (!home) return;
  await Promise.all(
    slots.map(async (s, i) => {
      const report = reports[i];
      if (s.state !== 'parsed' || !s.original || report.status !== 'ok' || !report.sha256) return;
      const meta = { sha256: report.sha256, mediaType: s.item.document.mediaType, originalName: s.original.name };
      try {
        await ('bytes' in s.original ? archiveDocument(home, s.original.bytes, meta) : archiveFile(home, s.original.file, meta));
      } catch (err) {
        report.warnings.push(`original not archived (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
    }),
  );
}

/**
 * One pass over a list of files, in stages: dispatch (read and hash each file, skip those loaded
 * already unless `force`), parsing on the workers, writing in input order in batches, and archiving
 * the originals whose write succeeded.
 */
async function runPass(p: PassOptions, entries: PassEntry[], force: boolean): Promise<void> {
  const { opts, loader, pool, run, batchSize, concurrency } = p;
  const manifest = opts.manifest ?? new Map<string, ManifestEntry>();
  const versions = { loader: loader.version, extractor: EXTRACTOR_VERSION };
  const slots: Slot[] = entries.map(() => ({ state: 'waiting' }));

  // The writer waits on `wake`; producers call `notify` when a slot fills.
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const settle = (seq: number, slot: Slot) => {
    slots[seq] = slot;
    notify();
  };

  const metas = new Map<number, Dispatched>();
  p.setReplyHandler((reply: WorkerReply) => {
    run.parseMs += reply.parseMs;
    const meta = metas.get(reply.seq)!;
    metas.delete(reply.seq);
    const entry = entries[reply.seq];
    const reportPath = entry.recorded?.path ?? entry.file;
    if (!reply.outcome.ok) {
      settle(reply.seq, { state: 'done', report: { path: reportPath, sha256: meta.sha256 || null, status: 'failed', reason: reply.outcome.reason, warnings: [] } });
      return;
    }
    const parsed = reply.outcome.parsed;
    const item = loadItemOf(parsed, meta.sha256, reportPath, entry.recorded ?? manifest.get(meta.abs));
    // Read again from the archive: did this extractor give something else than the one before?
    const changed = entry.recorded ? meta.known?.extractHash !== item.document.extractHash : undefined;
    const name = path.basename(entry.file);
    const original = meta.bytes ? { bytes: meta.bytes, name } : meta.streamed ? { file: entry.file, name } : null;
    const slot: Slot = { state: 'parsed', item, warnings: parsed.warnings, changed, original };
    if (!meta.streamed) return settle(reply.seq, slot);
    // Hashed in one read, parsed in another: the file must not have changed in between.
    void sameStamp(entry.file, meta.streamed).then((same) =>
      settle(reply.seq, same ? slot : { state: 'done', report: { path: reportPath, sha256: meta.sha256, status: 'failed', reason: 'the file changed while it was being read; ingest it again', warnings: [] } }),
    );
  });

  // Dispatch: hash a chunk, ask the database which are loaded already, send the rest to workers.
  // The window keeps memory bounded: dispatching stops while too many documents wait for the writer.
  let nextToWrite = 0;
  const window = Math.max(2 * batchSize, 8 * concurrency, CHECK_CHUNK);
  let resumeDispatch: (() => void) | null = null;
  const resume = () => {
    const r = resumeDispatch;
    resumeDispatch = null;
    r?.();
  };
  const seen = new Map<string, string>();
  const dispatch = async () => {
    for (let start = 0; start < entries.length; start += CHECK_CHUNK) {
      while (start - nextToWrite > window) await new Promise<void>((r) => (resumeDispatch = r));
      const tc = performance.now();
      const read = await Promise.all(entries.slice(start, start + CHECK_CHUNK).map(readAndHash));
      const known = await loader.knownDocuments([...new Set(read.map((r) => r.sha256).filter(Boolean))]);
      run.checkMs += performance.now() - tc;
      read.forEach((r, i) => {
        const seq = start + i;
        const abs = path.resolve(r.file);
        if (r.error) {
          settle(seq, { state: 'done', report: { path: r.shown, sha256: null, status: 'failed', reason: r.error, warnings: [] } });
          return;
        }
        if (r.sha256) {
          const first = seen.get(r.sha256);
          if (first !== undefined) {
            settle(seq, { state: 'done', report: { path: r.shown, sha256: r.sha256, status: 'unchanged', warnings: [`same content as ${first}`] } });
            return;
          }
          seen.set(r.sha256, r.shown);
          if (!force && unchanged(known.get(r.sha256), versions, manifest.get(abs))) {
            settle(seq, { state: 'done', report: { path: r.shown, sha256: r.sha256, status: 'unchanged', warnings: [] } });
            return;
          }
        }
        metas.set(seq, { sha256: r.sha256, abs, known: known.get(r.sha256), bytes: r.bytes, streamed: r.streamed });
        pool.submit({ seq, path: r.file, bytes: r.bytes ? new Uint8Array(r.bytes) : null, sha256: r.bytes ? r.sha256 : null, ...(r.streamed ? { budgetShares: budgetShares(r.streamed.size) } : {}) });
      });
    }
  };

  let dispatchError: unknown = null;
  const dispatching = dispatch().catch((err) => {
    dispatchError = err;
    notify();
  });

  while (nextToWrite < entries.length) {
    if (dispatchError) throw dispatchError;
    // Take every document ready in input order, up to a batch; wait for more unless the batch is
    // full or nothing else can come before the next one is ready.
    const batch: { item: LoadItem | ListLoadItem; warnings: string[] }[] = [];
    let seq = nextToWrite;
    while (seq < entries.length && batch.length < batchSize && slots[seq].state !== 'waiting') {
      const s = slots[seq];
      if (s.state === 'parsed') batch.push({ item: s.item, warnings: s.warnings });
      seq++;
    }
    const blocked = seq < entries.length && slots[seq].state === 'waiting';
    if (blocked && batch.length < batchSize && pool.pending > 0 && seq - nextToWrite < window) {
      await new Promise<void>((r) => (wake = r));
      continue;
    }
    if (seq === nextToWrite) {
      await new Promise<void>((r) => (wake = r));
      continue;
    }
    const written = (await p.writeBatch(batch)).values();
    const reports: DocumentReport[] = [];
    for (let i = nextToWrite; i < seq; i++) {
      const s = slots[i];
      const report = s.state === 'done' ? s.report : written.next().value!;
      reports.push(entries[i].recorded ? { ...report, reextracted: true, changed: s.state === 'parsed' && s.changed === true && report.status === 'ok' } : report);
    }
    await archiveWritten(opts.home, slots.slice(nextToWrite, seq), reports);
    for (let i = nextToWrite; i < seq; i++) {
      record(run, reports[i - nextToWrite]);
      slots[i] = WRITTEN;
    }
    nextToWrite = seq;
    resume();
    opts.onProgress?.({ ...run.progress });
  }
  await dispatching;
  if (dispatchError) throw dispatchError;
}
