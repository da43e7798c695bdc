// `npm run golden:graph [-- --update]`: runs the graph-equality test (test/integration/golden-graph.test.ts)
// on its own Neo4j; with --update it writes test/golden-graph/ anew from what the corpora give now.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../src/config.ts';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log('usage: npm run golden:graph [-- --update]\n  compares the graph of the samples and the shared corpus with test/golden-graph/; --update rewrites it');
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--update');
if (unknown.length) {
  console.error(`golden:graph: unknown option ${unknown.join(' ')} (only --update)`);
  process.exit(2);
}
const env = { ...process.env, ...(args.includes('--update') ? { BIDGRAPH_GOLDEN_GRAPH: 'update' } : {}) };
const res = spawnSync(process.execPath, ['--import', 'tsx', 'test/run.ts', path.join('test', 'integration', 'golden-graph.test.ts')], {
  cwd: repoRoot,
  env,
  stdio: 'inherit',
});
if (args.includes('--update') && res.status === 0) console.error('test/golden-graph/ rewritten: review `git diff test/golden-graph` and say in the commit why the graph changed.');
process.exit(res.status ?? 1);
