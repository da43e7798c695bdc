// `npm run style:browser`: writes browser/bidgraph.grass from schema/model.json (test/unit/guide.test.ts
// fails while the committed file and the model disagree).
import fs from 'node:fs';
import path from 'node:path';
import { browserStyle } from '../schema/browser-style.ts';
import { model } from '../schema/model.ts';
import { repoRoot } from '../src/config.ts';

const file = path.join(repoRoot, 'browser', 'bidgraph.grass');
fs.writeFileSync(file, browserStyle(model));
console.log(`wrote ${path.relative(repoRoot, file)}`);
