// The figures last recorded (test/eval/baseline.json), one entry per document group, each with the
// labels it covers: a clone without the shared corpus still checks the repository's own labels, and a
// label added since the recording does not move the floors of the others.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config.ts';
import { fields } from './compare.ts';
import type { Evaluation, Figures } from './evaluate.ts';
import { figures } from './evaluate.ts';
import type { DocumentGroup } from './labels.ts';

export const baselinePath = path.join(repoRoot, 'test/eval/baseline.json');

export interface BaselineGroup { labels: string[]; figures: Figures }

export interface Baseline {
  about: string;
  groups: Partial<Record<DocumentGroup, BaselineGroup>>;
}

export function readBaseline(file: string = baselinePath): Baseline {
  if (!fs.existsSync(file)) return { about: '', groups: {} };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline;
}

/** The figures of every group evaluated now; groups that were skipped keep their recorded entry. */
export function recordBaseline(evaluation: Evaluation, previous: Baseline): Baseline {
  const groups: Baseline['groups'] = { ...previous.groups };
  for (const group of new Set(evaluation.results.map((r) => r.group))) {
    const results = evaluation.results.filter((r) => r.group === group);
    groups[group] = { labels: results.map((r) => r.label.id).sort(), figures: figures(results) };
  }
  return {
    about: 'Floors for the regression guard (test/unit/eval-guard.test.ts), written by `npm run eval -- --record`.',
    groups: Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b))),
  };
}

// Ratios are recomputed from the same integer counts, so only float noise needs allowing for.
const EPSILON = 1e-9;

/** Each field whose precision or recall fell below the recorded figure, in words. */
export function belowFloors(now: Figures, recorded: Figures): string[] {
  const falls: string[] = [];
  for (const f of fields) {
    const was = recorded.fields[f];
    const is = now.fields[f];
    if (!was) continue;
    for (const m of ['precision', 'recall'] as const) {
      if (was[m] === null) continue;
      if (is[m] === null || is[m]! < was[m]! - EPSILON) {
        falls.push(`${f} ${m} ${is[m] === null ? 'n/a' : is[m]!.toFixed(3)} < recorded ${was[m]!.toFixed(3)} (TP ${is.tp} FP ${is.fp} FN ${is.fn}; was TP ${was.tp} FP ${was.fp} FN ${was.fn})`);
      }
    }
  }
  return falls;
}
