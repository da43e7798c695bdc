// The summary `bidgraph ingest` prints: documents loaded with warnings are counted, and the user is
// told where to read them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summaryLines } from '../../bin/commands/ingest.ts';
import type { DocumentReport, IngestSummary } from '../../ingest/pipeline.ts';
import { emptyCounters } from '../../ingest/load/loader.ts';

function summary(documents: DocumentReport[]): IngestSummary {
  const count = (status: DocumentReport['status']) => documents.filter((d) => d.status === status).length;
  return {
    total: documents.length, done: documents.length, ok: count('ok'), failed: count('failed'), unchanged: count('unchanged'),
    counters: emptyCounters(), regionsLoaded: 0, elapsedMs: 1000, parseMs: 10, writeMs: 10, checkMs: 1, concurrency: 1, batchSize: 100,
    reextracted: 0, reextractedChanged: 0, reextractMissing: 0, documents,
  };
}

const warned = (path: string, status: DocumentReport['status'] = 'ok'): DocumentReport => ({ path, sha256: null, status, warnings: ['not recognised as a procurement notice'] });
const clean = (path: string): DocumentReport => ({ path, sha256: null, status: 'ok', warnings: [] });

test('the summary counts the documents loaded with warnings and says where they are listed', () => {
  const s = summary([warned('README.md'), warned('index.json'), clean('a.html'), warned('gone.pdf', 'failed')]);
  assert.deepEqual(summaryLines(s).slice(0, 2), [
    'documents: 3 ok, 0 unchanged, 1 failed (of 4)',
    'warnings: 2 document(s) loaded with warnings; --report <file> lists them',
  ]);
  assert.equal(summaryLines(s, 'report.json')[1], 'warnings: 2 document(s) loaded with warnings; listed in report.json');
});

test('without warnings the summary has no warnings line', () => {
  const lines = summaryLines(summary([clean('a.html')]));
  assert.equal(lines.length, 3);
  assert.ok(!lines.some((l) => l.startsWith('warnings:')));
});
