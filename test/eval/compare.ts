// One labelled document against what the extractor made of it: per-field counts (TP/FP/FN), every
// disagreement, and the false winners. The counting rules are spelt out in test/eval/README.md.
import type { Notice } from '../../ingest/extract/notice.ts';
import type { Label } from './labels.ts';

export const fields = [
  'noticeType', 'publishedAt', 'decisionDate', 'project.name', 'project.code', 'buyer', 'budget',
  'winners', 'winner role', 'winner USCC', 'award amount', 'lots', 'failed lots', 'candidates',
] as const;
export type Field = (typeof fields)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Comparisons made (a scalar with a value on either side; each name or lot in either set). */
  checks: number;
}

/** `about` names the winner a role, USCC or amount belongs to. */
export interface Disagreement { field: Field; about?: string; expected: string | null; got: string | null }

export interface FalseWinner { name: string; lot: string | null; listedAsNotWinner: boolean }

export interface DocumentComparison {
  counts: Record<Field, Counts>;
  disagreements: Disagreement[];
  falseWinners: FalseWinner[];
  /** False while the Notice contract has no decision date to compare. */
  decisionDateCompared: boolean;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, checks: 0 };
}

/** Equal for a reader: width, whitespace and trailing punctuation do not count. */
export function normalise(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const n = s.normalize('NFKC').replace(/\s+/g, '').replace(/[。.，,；;：:、]+$/, '');
  return n === '' ? null : n;
}

/** Yuan to the fen, as text, so that 99550 and 99550.004 are equal and 99550.01 is not. */
function fen(amount: number | null | undefined): string | null {
  return amount === null || amount === undefined ? null : (Math.round(amount * 100) / 100).toFixed(2);
}

/** Fen as yuan text, to compare with fen(). */
function fenText(amount: number | null | undefined): string | null {
  return amount === null || amount === undefined ? null : (amount / 100).toFixed(2);
}

function day(date: string | null | undefined): string | null {
  return date ? date.slice(0, 10) : null;
}

const CHINESE_DIGITS = '零一二三四五六七八九';

function chineseNumber(s: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? CHINESE_DIGITS.indexOf(m[1]) : null;
  return (m[1] ? CHINESE_DIGITS.indexOf(m[1]) : 1) * 10 + (m[3] ? CHINESE_DIGITS.indexOf(m[3]) : 0);
}

/** 第1包, 1包, 包一, 01, 第一标段, 第一标包 → "1"; a → A; anything else as written (normalised). */
export function lotKey(lot: string | null): string | null {
  const n = normalise(lot);
  if (n === null) return null;
  const m = /^(?:第|包)?([0-9]+|[一二三四五六七八九十]{1,3})(?:包|标段|标包|标|分包|合同包|包组|批次|号|子包)?$/.exec(n);
  // A lettered lot is one lot however its letter is written (a包, A包).
  if (!m) return /^[a-z]$/i.test(n) ? n.toUpperCase() : n;
  const value = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
  return value === null ? n : String(value);
}

class Tally {
  readonly counts = Object.fromEntries(fields.map((f) => [f, emptyCounts()])) as Record<Field, Counts>;
  readonly disagreements: Disagreement[] = [];

  scalar(field: Field, expected: string | null, got: string | null, about?: string): void {
    if (expected === null && got === null) return;
    const c = this.counts[field];
    c.checks++;
    if (expected === got) {
      c.tp++;
      return;
    }
    if (got !== null) c.fp++;
    if (expected !== null) c.fn++;
    this.disagreements.push(about ? { field, about, expected, got } : { field, expected, got });
  }

  /** Sets keyed by normalised value; the maps give the text shown in a disagreement. */
  set(field: Field, expected: Map<string, string>, got: Map<string, string>): void {
    const c = this.counts[field];
    for (const key of new Set([...expected.keys(), ...got.keys()])) {
      c.checks++;
      if (expected.has(key) && got.has(key)) c.tp++;
      else if (got.has(key)) c.fp++;
      else c.fn++;
    }
    const same = expected.size === got.size && [...expected.keys()].every((k) => got.has(k));
    if (!same) this.disagreements.push({ field, expected: show(expected), got: show(got) });
  }
}

function show(values: Map<string, string>): string | null {
  return values.size === 0 ? null : [...values.values()].join(' | ');
}

function keyed(values: (string | null)[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of values) {
    const k = normalise(v);
    if (k !== null && !map.has(k)) map.set(k, v!);
  }
  return map;
}

const NO_WINNERS_EXPECTED = new Set(['candidate', 'tender', 'termination', 'other']);

interface Winner { key: string; name: string; lot: string | null; role: string; uscc: string | null; amount: string | null }

function labelWinners(label: Label): Winner[] {
  if (NO_WINNERS_EXPECTED.has(label.noticeType)) return [];
  return label.awards.filter((a) => a.status === 'active').flatMap((a) => a.suppliers.map((s) => ({
    key: normalise(s.name)!, name: s.name, lot: lotKey(a.lot), role: s.role, uscc: normalise(s.uscc), amount: fen(a.amount),
  })));
}

/** An extracted supplier takes the label's key when its raw or its canonical name matches one. */
function extractedWinners(notice: Notice, labelKeys: Set<string>): Winner[] {
  return notice.awards.filter((a) => a.status === 'active').flatMap((a) => a.suppliers.map((s) => {
    const keys = [normalise(s.rawName), normalise(s.name)].filter((k): k is string => k !== null);
    return {
      key: keys.find((k) => labelKeys.has(k)) ?? keys[0] ?? '',
      name: s.rawName || s.name, lot: lotKey(a.lot), role: s.role, uscc: normalise(s.uscc), amount: fenText(a.value?.fen),
    };
  }));
}

/** Each label winner with the extracted one of the same name, on the same lot when there is one. */
function pairWinners(expected: Winner[], got: Winner[]): [Winner, Winner][] {
  const used = new Set<Winner>();
  const pairs: [Winner, Winner][] = [];
  for (const e of expected) {
    const same = got.filter((g) => g.key === e.key && !used.has(g));
    const match = same.find((g) => g.lot === e.lot) ?? same[0];
    if (match) {
      used.add(match);
      pairs.push([e, match]);
    }
  }
  return pairs;
}

/** `notice` null: the document could not be read, so nothing was extracted. */
export function compareNotice(label: Label, notice: Notice | null): DocumentComparison {
  const t = new Tally();
  t.scalar('noticeType', label.noticeType, notice?.noticeType ?? null);
  t.scalar('publishedAt', day(label.publishedAt), day(notice?.publishedAt));
  // Compared only once the Notice contract carries a decision date.
  const decisionDateCompared = notice !== null && 'decisionDate' in notice;
  if (decisionDateCompared) {
    t.scalar('decisionDate', day(label.decisionDate), day((notice as unknown as { decisionDate: string | null }).decisionDate));
  }
  t.scalar('project.name', normalise(label.project?.name), normalise(notice?.project.name));
  t.scalar('project.code', normalise(label.project?.code), normalise(notice?.project.code));
  t.scalar('buyer', normalise(label.buyer), normalise(notice?.buyer?.name));
  t.scalar('budget', fen(label.budget), fenText(notice?.budget?.fen));

  const expected = labelWinners(label);
  const got = notice ? extractedWinners(notice, new Set(expected.map((w) => w.key))) : [];
  t.set('winners', new Map(expected.map((w) => [w.key, w.name])), new Map(got.map((w) => [w.key, w.name])));
  for (const [e, g] of pairWinners(expected, got)) {
    t.scalar('winner role', e.role, g.role, e.name);
    t.scalar('winner USCC', e.uscc, g.uscc, e.name);
    t.scalar('award amount', e.amount, g.amount, e.name);
  }
  const expectedKeys = new Set(expected.map((w) => w.key));
  const notWinners = new Set(label.notWinners.map(normalise));
  const falseWinners = got.filter((g) => !expectedKeys.has(g.key))
    .map((g) => ({ name: g.name, lot: g.lot, listedAsNotWinner: notWinners.has(g.key) }));

  const lots = (awards: { lot: string | null }[]) => keyed(awards.map((a) => lotKey(a.lot)));
  t.set('lots', lots(label.awards), lots(notice?.awards ?? []));
  const failed = (awards: { lot: string | null; status: string }[]) =>
    keyed(awards.filter((a) => a.status === 'unsuccessful').map((a) => lotKey(a.lot) ?? '(whole notice)'));
  t.set('failed lots', failed(label.awards), failed(notice?.awards ?? []));
  t.set('candidates', keyed(label.candidates), keyed((notice?.candidates ?? []).map((c) => c.name)));

  return { counts: t.counts, disagreements: t.disagreements, falseWinners, decisionDateCompared };
}
