// The hand-checked labels of the evaluation set (format: test/eval/README.md): loading, checking
// their shape, and finding the document each one describes.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config.ts';
import { sharedCorpusRoot } from '../support/shared-corpus.ts';
import type { NoticeType, SupplierRole } from '../../ingest/extract/notice.ts';

export const labelsDir = path.join(repoRoot, 'test/eval/labels');

export interface LabelSupplier { name: string; role: SupplierRole; uscc: string | null }

export interface LabelAward {
  lot: string | null;
  status: 'active' | 'unsuccessful';
  suppliers: LabelSupplier[];
  amount: number | null;
  rate: string | null;
}

export interface Label {
  /** The label file's name without .json. */
  id: string;
  document: string;
  site: string;
  url: string | null;
  noticeType: NoticeType;
  title: string | null;
  publishedAt: string | null;
  decisionDate: string | null;
  project: { name: string | null; code: string | null } | null;
  buyer: string | null;
  budget: number | null;
  awards: LabelAward[];
  candidates: string[];
  notWinners: string[];
  notes: string;
}

/** Where a label's document comes from: the repository, or one folder of the shared corpus. */
export type DocumentGroup = 'repo' | 'shared:real' | 'shared:real-more' | 'shared:gathered';

export const documentGroups: readonly DocumentGroup[] = ['repo', 'shared:real', 'shared:real-more', 'shared:gathered'];

export function groupOf(document: string): DocumentGroup {
  if (document.startsWith('shared:real-more/')) return 'shared:real-more';
  if (document.startsWith('shared:real/')) return 'shared:real';
  if (document.startsWith('shared:gathered/')) return 'shared:gathered';
  return 'repo';
}

/** The document's path on disk: repository paths from the root, shared ones under the shared corpus. */
export function documentPath(document: string): string {
  const shared = /^shared:(.+)$/.exec(document);
  return shared ? path.join(sharedCorpusRoot, shared[1]) : path.resolve(repoRoot, document);
}

const TYPES: readonly string[] = ['award', 'candidate', 'tender', 'correction', 'termination', 'other'];
const ROLES: readonly string[] = ['sole', 'lead', 'member'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

/** Throws an Error naming the label file and the first thing wrong with it. */
export function parseLabel(file: string, text: string): Label {
  const fail = (why: string): never => { throw new Error(`${file}: ${why}`); };
  let raw: Json;
  try {
    raw = JSON.parse(text) as Json;
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  const str = (v: unknown, what: string, nullable = true): string | null => {
    if (v === null && nullable) return null;
    if (typeof v !== 'string' || v.trim() === '') return fail(`${what} must be a non-empty string${nullable ? ' or null' : ''}`);
    return v;
  };
  const num = (v: unknown, what: string): number | null => {
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return fail(`${what} must be a number of yuan or null`);
    return v;
  };
  const day = (v: unknown, what: string): string | null => {
    const s = str(v, what);
    if (s !== null && !DAY.test(s)) fail(`${what} must be YYYY-MM-DD or null, not ${s}`);
    return s;
  };
  const names = (v: unknown, what: string): string[] => {
    if (!Array.isArray(v)) return fail(`${what} must be an array of names`);
    return v.map((n, i) => str(n, `${what}[${i}]`, false)!);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be a JSON object');
  const noticeType = str(raw.noticeType, 'noticeType', false)!;
  if (!TYPES.includes(noticeType)) fail(`noticeType ${noticeType} is not one of ${TYPES.join(', ')}`);
  const project = raw.project === null ? null : raw.project as Json | undefined;
  if (project === undefined || (project !== null && typeof project !== 'object')) fail('project must be an object or null');
  if (!Array.isArray(raw.awards)) fail('awards must be an array');
  const awards = (raw.awards as Json[]).map((a, i): LabelAward => {
    const at = `awards[${i}]`;
    if (a.status !== 'active' && a.status !== 'unsuccessful') fail(`${at}.status must be active or unsuccessful`);
    if (!Array.isArray(a.suppliers)) fail(`${at}.suppliers must be an array`);
    return {
      lot: str(a.lot ?? null, `${at}.lot`),
      status: a.status as LabelAward['status'],
      suppliers: (a.suppliers as Json[]).map((s, j) => {
        const role = str(s.role, `${at}.suppliers[${j}].role`, false)!;
        if (!ROLES.includes(role)) fail(`${at}.suppliers[${j}].role must be one of ${ROLES.join(', ')}`);
        return { name: str(s.name, `${at}.suppliers[${j}].name`, false)!, role: role as SupplierRole, uscc: str(s.uscc ?? null, `${at}.suppliers[${j}].uscc`) };
      }),
      amount: num(a.amount ?? null, `${at}.amount`),
      rate: str(a.rate ?? null, `${at}.rate`),
    };
  });
  return {
    id: path.basename(file, '.json'),
    document: str(raw.document, 'document', false)!,
    site: str(raw.site, 'site', false)!,
    url: str(raw.url ?? null, 'url'),
    noticeType: noticeType as NoticeType,
    title: str(raw.title ?? null, 'title'),
    publishedAt: day(raw.publishedAt ?? null, 'publishedAt'),
    decisionDate: day(raw.decisionDate ?? null, 'decisionDate'),
    project: project ? { name: str(project.name ?? null, 'project.name'), code: str(project.code ?? null, 'project.code') } : null,
    buyer: str(raw.buyer ?? null, 'buyer'),
    budget: num(raw.budget ?? null, 'budget'),
    awards,
    candidates: names(raw.candidates ?? [], 'candidates'),
    notWinners: names(raw.notWinners ?? [], 'notWinners'),
    notes: typeof raw.notes === 'string' ? raw.notes : '',
  };
}

/** Every label file in the folder, sorted by name; a malformed one throws with its file name. */
export function loadLabels(dir: string = labelsDir): Label[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => parseLabel(path.join(path.relative(repoRoot, dir), f), fs.readFileSync(path.join(dir, f), 'utf8')));
}
