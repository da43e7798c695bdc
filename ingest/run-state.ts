// What every pass of one ingest (files, notice lines, re-extraction) shares: the reports and progress it
// adds to, and the rule for a document that loading again would not change.
import type { Counters, KnownDocument } from './load/loader.ts';
import type { DocumentReport, IngestProgress, ManifestEntry } from './pipeline.ts';

/** Loading it again would change nothing: same bytes, read by this extractor, written by this loader, same source. */
export function unchanged(known: KnownDocument | undefined, versions: { loader: string; extractor: string | null }, source?: ManifestEntry): boolean {
  if (!known || versions.extractor === null) return false;
  if (known.loaderVersion !== versions.loader || known.extractorVersion !== versions.extractor) return false;
  if (source?.url && source.url !== known.url) return false;
  if (source?.retrievedAt && source.retrievedAt !== known.retrievedAt) return false;
  return true;
}

/** What every pass of one ingest adds to: the reports, the progress, the graph counters and the timings. */
export interface RunState {
  reports: DocumentReport[];
  progress: IngestProgress;
  counters: Counters;
  parseMs: number;
  writeMs: number;
  checkMs: number;
}

export function record(run: RunState, report: DocumentReport): void {
  run.reports.push(report);
  run.progress.done++;
  if (report.status === 'ok') run.progress.ok++;
  else if (report.status === 'failed') run.progress.failed++;
  else run.progress.unchanged++;
}

/** A document that failed before it could be counted (a bad line of a notices file): counted and reported at once. */
export function recordFailure(run: RunState, report: DocumentReport): void {
  run.progress.total++;
  record(run, report);
}
