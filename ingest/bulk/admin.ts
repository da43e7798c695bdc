// neo4j-admin `database import full`, run as org.neo4j.cli.AdminTool on the local server's own classpath,
// or written out as the command to run where the database lives (a server this machine cannot stop).
import { spawnSync } from 'node:child_process';
import type { LocalServerConfig } from '../../src/config.ts';
import { javaBinary, javaEnv, resolveClasspath } from '../../src/db/local-server.ts';

export interface AdminImport {
  database: string;
  /** [label or type, files] — files in neo4j-admin's form: `header.csv,body.csv` or one file with its header. */
  nodes: [string, string][];
  relationships: [string, string][];
  reportFile: string;
  /** Importer options, such as '--array-delimiter=;' or '--max-off-heap-memory=2g'. */
  options: string[];
}

/** The arguments after `neo4j-admin`. */
export function importArguments(spec: AdminImport): string[] {
  return [
    'database',
    'import',
    'full',
    // The database name goes first: the --nodes/--relationships options take several values and would swallow it.
    spec.database,
    '--overwrite-destination=true',
    `--report-file=${spec.reportFile}`,
    ...spec.options,
    ...spec.nodes.map(([label, files]) => `--nodes=${label}=${files}`),
    ...spec.relationships.map(([type, files]) => `--relationships=${type}=${files}`),
  ];
}

/** The command as a shell line, for a server on another machine (its neo4j-admin, its files' paths). */
export function importCommandLine(spec: AdminImport): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['neo4j-admin', ...importArguments(spec)].map(quote).join(' \\\n  ');
}

/**
 * Replaces a database of the stopped local server with the CSV graph. Returns the importer's closing
 * lines (counts, peak memory); throws with its last lines when it fails.
 */
export function runImport(cfg: LocalServerConfig, spec: AdminImport, heap: string, cwd: string, log: (line: string) => void = () => {}): string[] {
  const args = [
    `-Xmx${heap}`,
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-cp',
    resolveClasspath(cfg, log),
    'org.neo4j.cli.AdminTool',
    ...importArguments(spec),
  ];
  const res = spawnSync(javaBinary(), args, { cwd, env: javaEnv(cfg), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) {
    throw new Error(`neo4j-admin database import failed (exit ${res.status}): ${(res.stderr || res.stdout).trim().split('\n').slice(-8).join(' | ')}`);
  }
  const summary = res.stdout.split('\n').filter((l) => /IMPORT DONE|Imported:|nodes|relationships|properties|Peak memory/.test(l));
  return summary.slice(-6).map((l) => l.trim());
}
