// neo4j-admin `database import full` of the benchmarks' generated CSV graphs (ingest/bulk/admin.ts runs
// it): how they load in minutes instead of hours.
import path from 'node:path';
import type { LocalServerConfig } from '../../src/config.ts';
import { runImport } from '../../ingest/bulk/admin.ts';

export interface CsvImport {
  /** JVM heap of the importer, e.g. '4g'. */
  heap: string;
  /** [label, file] and [type, file], files relative to the CSV folder. */
  nodes: [string, string][];
  relationships: [string, string][];
  /** Extra importer options, such as '--max-off-heap-memory=2g'. */
  options?: string[];
}

/**
 * Replaces the `neo4j` database of a stopped local server with the CSV graph in `dir`. Returns the
 * importer's closing lines (counts, peak memory).
 */
export function importCsv(cfg: LocalServerConfig, dir: string, spec: CsvImport, log: (line: string) => void = () => {}): string[] {
  const inDir = ([name, file]: [string, string]): [string, string] => [name, path.join(dir, file)];
  return runImport(
    cfg,
    {
      database: 'neo4j',
      reportFile: path.join(dir, 'import.report'),
      options: ['--array-delimiter=;', ...(spec.options ?? [])],
      nodes: spec.nodes.map(inDir),
      relationships: spec.relationships.map(inDir),
    },
    spec.heap,
    dir,
    log,
  );
}
