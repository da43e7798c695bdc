// The shared corpus of real notices lives beside the project on its own machines (../shared/corpus), not
// in a clone. Tests that read it take its place from BIDGRAPH_SHARED_CORPUS and, without it, skip and say why.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config.ts';

export const sharedCorpusRoot = path.resolve(repoRoot, process.env.BIDGRAPH_SHARED_CORPUS ?? '../shared/corpus');

/** The folder of one part of the shared corpus ('real', 'real-more'), or null when it is absent. */
export function sharedCorpus(part: string): string | null {
  const dir = path.join(sharedCorpusRoot, part);
  return fs.existsSync(dir) ? dir : null;
}

/** For node:test's `skip` option: false when the part is there, else the reason the test is skipped. */
export function skipUnlessShared(part: string): false | string {
  return sharedCorpus(part) ? false : `shared corpus absent: ${path.join(sharedCorpusRoot, part)} (set BIDGRAPH_SHARED_CORPUS)`;
}
