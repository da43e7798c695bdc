// `bidgraph ingest --notices FILE.jsonl`: Notices that `bidgraph extract --json` wrote, possibly on other
// machines, loaded as they are: no parsing here. The originals are archived when they can be found (the
// notice's own path, or a folder given with --originals) and their bytes match the notice's sha256.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { archiveDocument } from '../src/archive.ts';
import { sha256Hex } from './read/reader.ts';
import { awardAt, candidateAt, NOTICE_ITSELF } from './extract/notice.ts';
import type { Evidence, Notice, NoticeType } from './extract/notice.ts';
import type { LoadItem } from './load/plan.ts';
import type { DocumentReport, NoticeSink, IngestProgress } from './pipeline.ts';
import { extractHashOf } from './reextract.ts';
import type { RunState } from './run-state.ts';
import { record, recordFailure, unchanged } from './run-state.ts';

const NOTICE_TYPES: ReadonlySet<NoticeType> = new Set(['award', 'candidate', 'tender', 'correction', 'termination', 'other']);
const SHA256 = /^[0-9a-f]{64}$/;

export interface NoticeLinesContext {
  loader: NoticeSink;
  run: RunState;
  writeBatch: (batch: { item: LoadItem; warnings: string[] }[]) => Promise<DocumentReport[]>;
  batchSize: number;
  /** A folder holding the originals (found by file name or by sha256), when their recorded paths do not resolve. */
  originals: string | null;
  /** BIDGRAPH_HOME, whose archive receives the originals; null skips archiving. */
  home: string | null;
  onProgress?: (p: IngestProgress) => void;
}

/** The parts of a Notice the loader relies on, checked; the reason when the line is no Notice. */
export function asNotice(value: unknown): Notice | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const n = value as Partial<Notice>;
  if (!n.source || typeof n.source !== 'object' || typeof n.source.sha256 !== 'string' || !SHA256.test(n.source.sha256)) {
    return 'no source.sha256 (a Notice from `bidgraph extract --json` has one)';
  }
  if (typeof n.source.path !== 'string' || typeof n.source.mediaType !== 'string') return 'no source.path or source.mediaType';
  if (!NOTICE_TYPES.has(n.noticeType as NoticeType)) return `unknown noticeType ${JSON.stringify(n.noticeType)}`;
  if (!n.project || typeof n.project !== 'object') return 'no project';
  for (const key of ['awards', 'candidates', 'evidence', 'warnings'] as const) {
    if (!Array.isArray(n[key])) return `no ${key} list`;
  }
  const evidence: Evidence[] = [];
  for (const [i, e] of (n.evidence as unknown[]).entries()) {
    const read = asEvidence(e);
    if (typeof read === 'string') return `evidence[${i}]: ${read}`;
    evidence.push(read);
  }
  return { ...(n as Notice), evidence };
}

/** Notices written before evidence named what it supports kept the whole path in `field` ("awards[0].value"). */
const OLDER_PATH = /^(awards|candidates)\[(\d+)\](?:\.(.+))?$/;

/** One evidence entry, checked; the older form (a whole path, no `about`) is read into the typed one here, once. */
function asEvidence(value: unknown): Evidence | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const e = value as Partial<Evidence>;
  if (typeof e.field !== 'string' || typeof e.text !== 'string' || !Number.isInteger(e.start) || !Number.isInteger(e.end)) {
    return 'needs field, text, start and end';
  }
  const span = { field: e.field, text: e.text, start: e.start!, end: e.end! };
  if (e.about === undefined) {
    const m = OLDER_PATH.exec(e.field);
    if (!m) return { about: NOTICE_ITSELF, ...span };
    return { about: (m[1] === 'awards' ? awardAt : candidateAt)(Number(m[2])), ...span, field: m[3] ?? '' };
  }
  const about = e.about as { part?: unknown; index?: unknown };
  if (about.part === 'notice') return { about: NOTICE_ITSELF, ...span };
  if (about.part !== 'award' && about.part !== 'candidate') return `about.part ${JSON.stringify(about.part)} is none of notice, award, candidate`;
  if (!Number.isInteger(about.index) || (about.index as number) < 0) return `about.index ${JSON.stringify(about.index)} is no position`;
  return { about: (about.part === 'award' ? awardAt : candidateAt)(about.index as number), ...span };
}


/** The original's bytes when they can be found and match the notice; otherwise why not. */
function findOriginal(n: Notice, listDir: string, originals: string | null): { bytes: Buffer } | { problem: string } {
  const recorded = n.source.path;
  const candidates = [path.resolve(recorded), path.resolve(listDir, recorded)];
  if (originals) candidates.push(path.join(originals, path.basename(recorded)), path.join(originals, n.source.sha256));
  for (const file of [...new Set(candidates)]) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    if (sha256Hex(bytes) === n.source.sha256) return { bytes };
    return { problem: `the file at ${file} is not the original (its sha256 differs); original not archived` };
  }
  return { problem: `original not found (${recorded}${originals ? ` nor in ${originals}` : ''}); not archived` };
}

/** Loads one JSON Lines file of Notices; bad lines are reported with their number, the rest is loaded. */
export async function loadNoticeLines(file: string, ctx: NoticeLinesContext): Promise<void> {
  const { run } = ctx;
  const listDir = path.dirname(path.resolve(file));
  let stream: fs.ReadStream;
  try {
    stream = fs.createReadStream(file, { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  } catch (err) {
    recordFailure(run, { path: file, sha256: null, status: 'failed', reason: `cannot open notices file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, warnings: [] });
    ctx.onProgress?.({ ...run.progress });
    return;
  }
  let pending: { line: number; notice: Notice }[] = [];
  let lineNo = 0;
  const flush = async () => {
    const chunk = pending;
    pending = [];
    await loadChunk(chunk, file, listDir, ctx);
    ctx.onProgress?.({ ...run.progress });
  };
  for await (const raw of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      recordFailure(run, { path: `${file} line ${lineNo}`, sha256: null, status: 'failed', reason: 'not JSON', warnings: [] });
      continue;
    }
    const notice = asNotice(parsed);
    if (typeof notice === 'string') {
      recordFailure(run, { path: `${file} line ${lineNo}`, sha256: null, status: 'failed', reason: notice, warnings: [] });
      continue;
    }
    pending.push({ line: lineNo, notice });
    if (pending.length >= ctx.batchSize) await flush();
  }
  if (pending.length > 0) await flush();
}

async function loadChunk(chunk: { line: number; notice: Notice }[], file: string, listDir: string, ctx: NoticeLinesContext): Promise<void> {
  const { run } = ctx;
  run.progress.total += chunk.length;
  const known = await ctx.loader.knownDocuments([...new Set(chunk.map((c) => c.notice.source.sha256))]);
  const batch: { item: LoadItem; warnings: string[] }[] = [];
  const seen = new Set<string>();
  const settle = (report: DocumentReport) => record(run, report);
  for (const { notice: n } of chunk) {
    const sha256 = n.source.sha256;
    const was = known.get(sha256);
    const version = typeof n.extractorVersion === 'string' ? n.extractorVersion : null;
    if (seen.has(sha256) || unchanged(was, { loader: ctx.loader.version, extractor: version })) {
      settle({ path: n.source.path, sha256, status: 'unchanged', warnings: seen.has(sha256) ? [`same document twice in ${file}`] : [] });
      continue;
    }
    seen.add(sha256);
    const warnings: string[] = [...n.warnings];
    if (version === null) warnings.push('the notice does not say which extractor version wrote it; it will be read again from the archive after an upgrade');
    const original = findOriginal(n, listDir, ctx.originals);
    if ('problem' in original) warnings.push(original.problem);
    else if (ctx.home) await archiveDocument(ctx.home, original.bytes, { sha256: n.source.sha256, mediaType: n.source.mediaType, originalName: path.basename(n.source.path) });
    const item: LoadItem = {
      kind: 'notice',
      notice: n,
      document: {
        sha256,
        path: n.source.path,
        url: was?.url ?? null,
        retrievedAt: was?.retrievedAt ?? null,
        title: n.title,
        publishedAt: n.publishedAt,
        mediaType: n.source.mediaType,
        noticeType: n.noticeType,
        ...(version !== null ? { extractorVersion: version } : {}),
        extractHash: extractHashOf(n),
      },
    };
    batch.push({ item, warnings });
  }
  for (const report of await ctx.writeBatch(batch)) settle(report);
}
