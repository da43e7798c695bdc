// The Neo4j of one benchmark: a fresh temporary home on free ports, memory from the environment
// (BIDGRAPH_NEO4J_HEAP, BIDGRAPH_NEO4J_PAGECACHE) or the benchmark's defaults.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { freePort, stop } from '../../src/db/local-server.ts';

export async function benchServer(prefix: string, memory: { heap: string; pageCache: string }): Promise<{ home: string; cfg: Config }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const cfg = loadConfig({
    BIDGRAPH_HOME: home,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_PASSWORD: 'bidgraph-bench-pw',
    BIDGRAPH_NEO4J_HEAP: process.env.BIDGRAPH_NEO4J_HEAP || memory.heap,
    BIDGRAPH_NEO4J_PAGECACHE: process.env.BIDGRAPH_NEO4J_PAGECACHE || memory.pageCache,
  });
  return { home, cfg };
}

/** Stops the benchmark's Neo4j and removes its home, unless asked to keep it. */
export async function endBenchServer(bench: { home: string; cfg: Config }, keep: boolean, log: (line: string) => void): Promise<void> {
  await stop(bench.cfg.local);
  if (!keep) fs.rmSync(bench.home, { recursive: true, force: true });
  else log(`Kept ${bench.home}.`);
}
