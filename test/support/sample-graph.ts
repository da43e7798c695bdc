// The bundled samples (samples/README.md: Hikvision wins Moyu and Pishan, Dahua an Urumqi lot, CETC's chain up
// to SASAC), loaded the way a user loads them: `bidgraph ingest samples` against the test server.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';

export const HIKVISION = '杭州海康威视数字技术股份有限公司';
export const CETC = '中国电子科技集团有限公司';


/** Runs `bidgraph ingest samples` with the test environment; throws with its output when it fails. */
export async function ingestSamples(driver: Driver): Promise<void> {
  const res = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bidgraph.js'), 'ingest', 'samples', '--quiet'], {
    cwd: repoRoot,
    env: process.env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (res.status !== 0) {
    throw new Error(`bidgraph ingest samples exited ${res.status ?? res.signal}:\n${res.stdout}\n${res.stderr}`);
  }
}
