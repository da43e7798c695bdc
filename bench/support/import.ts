// neo4j-admin `database import full`, run as org.neo4j.cli.AdminTool on the local server's own
// classpath: how the benchmarks load their generated CSV graphs in minutes instead of hours.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { LocalServerConfig } from '../../src/config.ts';
import { javaBinary, javaEnv, resolveClasspath } from '../../src/db/local-server.ts';

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
  const args = [
    `-Xmx${spec.heap}`,
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-cp',
    resolveClasspath(cfg, log),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database name goes first: the --nodes/--relationships options take several values and would swallow it.
    'neo4j',
    '--overwrite-destination=true',
    `--report-file=${path.join(dir, 'import.report')}`,
    '--array-delimiter=;',
    ...(spec.options ?? []),
    ...spec.nodes.map(([label, file]) => `--nodes=${label}=${path.join(dir, file)}`),
    ...spec.relationships.map(([type, file]) => `--relationships=${type}=${path.join(dir, file)}`),
  ];
  const res = spawnSync(javaBinary(), args, { cwd: dir, env: javaEnv(cfg), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) {
    throw new Error(`neo4j-admin database import failed (exit ${res.status}): ${(res.stderr || res.stdout).trim().split('\n').slice(-8).join(' | ')}`);
  }
  const summary = res.stdout.split('\n').filter((l) => /IMPORT DONE|Imported:|nodes|relationships|properties|Peak memory/.test(l));
  return summary.slice(-6).map((l) => l.trim());
}
