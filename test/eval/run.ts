// `npm run eval`: the extractor against the hand-checked labels. A report, not a test (exit 0 unless
// a label or document is broken); test/unit/eval-guard.test.ts is the guard.
//   npm run eval [-- --json] [-- --record] [-- --as flat|tabs] [-- <filter>...]   filter: part of a label id or document path
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config.ts';
import { baselinePath, readBaseline, recordBaseline } from './baseline.ts';
import { fields } from './compare.ts';
import { evaluate, figures, figuresBy } from './evaluate.ts';
import type { DocumentResult, Evaluation, Figures } from './evaluate.ts';
import { loadLabels } from './labels.ts';
import { layouts } from './layouts.ts';
import type { Layout } from './layouts.ts';

const HELP = `Usage: npm run eval -- [--json] [--record] [--as flat|tabs] [filter...]

Compares the extractor with the labels in test/eval/labels/*.json (format: test/eval/README.md).
  --json     print a machine-readable summary instead of the report
  --record   write the current figures to test/eval/baseline.json (the guard's floors)
  --as L     only the HTML documents, their text laid out again as other sites' crawlers keep it:
             flat (one cell or block a line) or tabs (a table row a line); the same labels, another layout
  filter     only labels whose id or document contains one of these strings
Shared-corpus documents are read from BIDGRAPH_SHARED_CORPUS (default ../shared/corpus).`;

/** Pads to a column width on a terminal, where a Chinese character takes two cells. */
function padCells(s: string, width: number): string {
  const cells = [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, width - cells));
}

const pct = (x: number | null) => (x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

function printFigures(f: Figures, decisionDateCompared: boolean): void {
  console.log(`  ${'field'.padEnd(14)} ${'checks'.padStart(6)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)}  precision  recall`);
  for (const name of fields) {
    const c = f.fields[name];
    if (name === 'decisionDate' && !decisionDateCompared) continue;
    console.log(`  ${name.padEnd(14)} ${String(c.checks).padStart(6)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}     ${pct(c.precision)}  ${pct(c.recall)}`);
  }
  console.log(`  ${'all fields'.padEnd(14)} ${String(f.checks).padStart(6)} ${String(f.right).padStart(5)} right: ${pct(f.checks ? f.right / f.checks : null)}`);
}

function printBreakdown(title: string, byKey: Map<string, Figures>): void {
  console.log(`\n${title}`);
  console.log(`  ${''.padEnd(28)} ${'docs'.padStart(4)} ${'checks'.padStart(6)} ${'right'.padStart(7)}  false winners`);
  for (const [key, f] of byKey) {
    console.log(`  ${padCells(key, 28)} ${String(f.documents).padStart(4)} ${String(f.checks).padStart(6)} ${pct(f.checks ? f.right / f.checks : null).padStart(7)}  ${f.falseWinners}`);
  }
}

function report(evaluation: Evaluation, all: Figures, decisionDateCompared: boolean): void {
  const { results, skipped } = evaluation;
  console.log(`Evaluation: ${results.length} labelled documents compared${skipped.length ? `, ${skipped.reduce((s, k) => s + k.labels, 0)} skipped` : ''}`);
  for (const s of skipped) console.log(`  skipped ${s.labels} labels of ${s.group}: ${s.reason}`);
  if (results.length && !decisionDateCompared) console.log('  decisionDate not compared: the Notice has no decisionDate yet');
  console.log('\nPer field (TP: equal to the label; FP: extracted but wrong or not in the label; FN: labelled but missed or wrong)');
  printFigures(all, decisionDateCompared);

  console.log(`\nFalse winners: ${all.falseWinners}`);
  for (const r of results) {
    for (const w of r.falseWinners) {
      console.log(`  ${padCells(r.label.id, 40)} ${w.name}${w.lot ? ` (lot ${w.lot})` : ''}${w.listedAsNotWinner ? '  [listed in notWinners]' : ''}`);
    }
  }
  printBreakdown('By document group', figuresBy(results, (r) => r.group));
  printBreakdown('By site', figuresBy(results, (r) => r.label.site));

  const errors = results.filter((r) => r.error);
  if (errors.length) {
    console.log(`\nDocuments that gave nothing to compare: ${errors.length}`);
    for (const r of errors) console.log(`  ${r.label.id}: ${r.error}`);
  }
  const count = results.reduce((s, r) => s + r.disagreements.length, 0);
  console.log(`\nDisagreements: ${count}`);
  for (const r of results) {
    for (const d of r.disagreements) {
      console.log(`  ${r.label.id}  ${d.field}${d.about ? ` [${d.about}]` : ''}\n      expected: ${d.expected ?? '(none)'}\n      got:      ${d.got ?? '(none)'}`);
    }
  }
}

function summary(evaluation: Evaluation, all: Figures): unknown {
  const { results, skipped } = evaluation;
  const rows = (rs: DocumentResult[], pick: (r: DocumentResult) => unknown[]) => rs.flatMap((r) => pick(r).map((x) => ({ label: r.label.id, document: r.label.document, ...(x as object) })));
  return {
    figures: all,
    groups: Object.fromEntries(figuresBy(results, (r) => r.group)),
    sites: Object.fromEntries(figuresBy(results, (r) => r.label.site)),
    skipped,
    errors: results.filter((r) => r.error).map((r) => ({ label: r.label.id, document: r.label.document, error: r.error })),
    falseWinners: rows(results, (r) => r.falseWinners),
    disagreements: rows(results, (r) => r.disagreements),
  };
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const asAt = argv.indexOf('--as');
  const layout = asAt >= 0 ? argv[asAt + 1] : null;
  const rest = asAt >= 0 ? argv.filter((_, i) => i !== asAt && i !== asAt + 1) : argv;
  const filters = rest.filter((a) => !a.startsWith('--'));
  const unknown = rest.filter((a) => a.startsWith('--') && !['--json', '--record'].includes(a));
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(', ')}\n\n${HELP}`);
    return 1;
  }
  if (layout !== null && !layouts.includes(layout as Layout)) {
    console.error(`--as takes ${layouts.join(' or ')}, not ${layout ?? 'nothing'}\n\n${HELP}`);
    return 1;
  }
  if (argv.includes('--record') && (filters.length || layout)) {
    console.error('--record writes the figures of the whole label set as written; run it without a filter or --as');
    return 1;
  }
  const labels = loadLabels().filter((l) => filters.length === 0 || filters.some((f) => l.id.includes(f) || l.document.includes(f)));
  const evaluation = await evaluate(labels, layout as Layout | null);
  const all = figures(evaluation.results);
  const decisionDateCompared = evaluation.results.some((r) => r.decisionDateCompared);
  if (argv.includes('--json')) console.log(JSON.stringify(summary(evaluation, all), null, 2));
  else report(evaluation, all, decisionDateCompared);
  if (argv.includes('--record')) {
    const baseline = recordBaseline(evaluation, readBaseline());
    // One line per field's figures keeps the file short and its diffs readable.
    const text = JSON.stringify(baseline, null, 2).replace(/\{\n\s+("tp"[^{}]*?)\n\s+\}/g, (_, body: string) => `{ ${body.replace(/\n\s+/g, ' ')} }`);
    fs.writeFileSync(baselinePath, `${text}\n`);
    console.error(`Recorded ${path.relative(repoRoot, baselinePath)} (${Object.keys(baseline.groups).join(', ')}).`);
  }
  return evaluation.results.some((r) => r.error) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
