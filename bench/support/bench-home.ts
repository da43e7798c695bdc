// A benchmark's own Neo4j: a fresh home in a temp folder on free ports, never the user's server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../../src/config.ts';
import { loadConfig } from '../../src/config.ts';
import { freePort } from '../../src/db/local-server.ts';

export async function benchHome(prefix: string): Promise<{ work: string; cfg: Config }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env = {
    ...process.env,
    BIDGRAPH_HOME: work,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_PASSWORD: 'bidgraph-bench-pw',
    NEO4J_URI: '',
    BIDGRAPH_NEO4J_HEAP: process.env.BIDGRAPH_NEO4J_HEAP || '2g',
    BIDGRAPH_NEO4J_PAGECACHE: process.env.BIDGRAPH_NEO4J_PAGECACHE || '1g',
  };
  return { work, cfg: loadConfig(env) };
}

export async function graphSize(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const n = await driver.executeQuery('MATCH (n) RETURN count(n) AS c');
  const r = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: Number(n.records[0].get('c')), relationships: Number(r.records[0].get('c')) };
}
