// Runs the real readers and extractor over every labelled document and sums the comparisons into
// figures: per field, per document group (repository, shared corpus folders) and per site.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import type { Notice } from '../../ingest/extract/notice.ts';
import { readFile } from '../../ingest/read/index.ts';
import { compareNotice, emptyCounts, fields } from './compare.ts';
import type { Counts, DocumentComparison, Field } from './compare.ts';
import { skipUnlessShared } from '../support/shared-corpus.ts';
import { documentPath, groupOf } from './labels.ts';
import { relaid } from './layouts.ts';
import type { Layout } from './layouts.ts';
import type { DocumentGroup, Label } from './labels.ts';

export interface DocumentResult extends DocumentComparison {
  label: Label;
  group: DocumentGroup;
  /** Why the document gave nothing to compare (not found, unreadable, the extractor threw), else null. */
  error: string | null;
}

export interface Skipped { group: DocumentGroup; labels: number; reason: string }

export interface Evaluation { results: DocumentResult[]; skipped: Skipped[] }

export interface FieldFigures extends Counts {
  /** TP / (TP + FP); null when nothing was extracted for the field. */
  precision: number | null;
  /** TP / (TP + FN); null when the labels hold nothing for the field. */
  recall: number | null;
}

export interface Figures {
  documents: number;
  fields: Record<Field, FieldFigures>;
  /** All fields together: comparisons made and how many were right (TP). */
  checks: number;
  right: number;
  falseWinners: number;
}

/** Why a group's documents cannot be read here, or null when they can. */
export function unavailable(group: DocumentGroup): string | null {
  return group === 'repo' ? null : skipUnlessShared(group.slice('shared:'.length)) || null;
}

async function extract(file: string, layout: Layout | null): Promise<{ notice: Notice | null; error: string | null }> {
  if (!fs.existsSync(file)) return { notice: null, error: `document not found: ${path.relative(repoRoot, file)}` };
  try {
    const doc = await readFile(file);
    if (!layout || doc.html === null) return { notice: extractNotice(doc), error: null };
    // The page as plain text laid out again: what a crawler of another site would have kept of it.
    return { notice: extractNotice({ ...doc, mediaType: 'text/plain', html: null, text: relaid(doc.html, layout) }), error: null };
  } catch (error) {
    return { notice: null, error: (error as Error).message };
  }
}

/**
 * Every label's document through the extractor. With a layout, only HTML documents, their text laid out again
 * (test/eval/layouts.ts): the same truth on a layout no fixture covers.
 */
export async function evaluate(labels: Label[], layout: Layout | null = null): Promise<Evaluation> {
  const results: DocumentResult[] = [];
  const skipped = new Map<DocumentGroup, Skipped>();
  for (const label of labels) {
    const group = groupOf(label.document);
    const reason = unavailable(group);
    if (reason) {
      const s = skipped.get(group) ?? { group, labels: 0, reason };
      s.labels++;
      skipped.set(group, s);
      continue;
    }
    if (layout && !/\.html?$/i.test(label.document)) continue;
    const { notice, error } = await extract(documentPath(label.document), layout);
    results.push({ label, group, error, ...compareNotice(label, notice) });
  }
  return { results, skipped: [...skipped.values()] };
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

export function figures(results: DocumentResult[]): Figures {
  const sums = Object.fromEntries(fields.map((f) => [f, emptyCounts()])) as Record<Field, Counts>;
  for (const r of results) {
    for (const f of fields) {
      sums[f].tp += r.counts[f].tp;
      sums[f].fp += r.counts[f].fp;
      sums[f].fn += r.counts[f].fn;
      sums[f].checks += r.counts[f].checks;
    }
  }
  const byField = Object.fromEntries(fields.map((f) => {
    const c = sums[f];
    return [f, { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }];
  })) as Record<Field, FieldFigures>;
  return {
    documents: results.length,
    fields: byField,
    checks: fields.reduce((s, f) => s + sums[f].checks, 0),
    right: fields.reduce((s, f) => s + sums[f].tp, 0),
    falseWinners: results.reduce((s, r) => s + r.falseWinners.length, 0),
  };
}

/** "label-id: name" of every false winner, sorted. */
export function falseWinnerKeys(results: DocumentResult[]): string[] {
  return results.flatMap((r) => r.falseWinners.map((w) => `${r.label.id}: ${w.name}`)).sort();
}

/** Figures for each value of `key` (a group, a site), sorted by key. */
export function figuresBy(results: DocumentResult[], key: (r: DocumentResult) => string): Map<string, Figures> {
  const groups = new Map<string, DocumentResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => [k, figures(rs)]));
}
