// `npm run bench:bulk -- --notices N [--ingest-share M] [--concurrency C] [--heap 2g]`
//
// Starts its own Neo4j (fresh home in a temp folder, free ports), generates N synthetic notices and
// measures in one run:
//  1. parse: the notices read and extracted on C workers into Notice JSON Lines (as `extract --json`);
//  2. bulk-import of those JSON Lines into an empty database: in-memory planning and CSV, neo4j-admin,
//     the server restarted with schema, matching and rollups;
//  3. ingest of the same JSON Lines into an empty database — of the first M lines only when M < N
//     (default: all): its rate is then extrapolated to N, and the output says so.
// Ratio: bulk-import notices/s over ingest notices/s (both from the same JSON Lines, parse excluded).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { connect } from '../src/db/driver.ts';
import { start, stop } from '../src/db/local-server.ts';
import { migrate } from '../src/db/migrate.ts';
import { refreshAwardRollups } from '../src/graph/rollups.ts';
import { listInputs } from '../ingest/inputs.ts';
import { ingest } from '../ingest/pipeline.ts';
import { parseInOrder } from '../ingest/workers/in-order.ts';
import { adminImport, importLocally, planImport } from '../ingest/bulk/run.ts';
import { writeCorpus } from './gen-corpus.ts';
import { benchHome, graphSize } from './support/bench-home.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const notices = Number(arg('--notices', '10000'));
const share = Math.min(notices, Number(arg('--ingest-share', String(notices))));
const concurrency = Number(arg('--concurrency', String(os.availableParallelism())));
const heap = arg('--heap', '2g');

const log = (line: string) => process.stderr.write(`${line}\n`);
const secs = (ms: number) => +(ms / 1000).toFixed(1);
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));

const { work, cfg } = await benchHome('bidgraph-bench-bulk-');
const loadBefore = os.loadavg().map((l) => +l.toFixed(1));

log(`bench:bulk: ${notices} notices (ingest of ${share}), ${concurrency} workers, ${os.availableParallelism()} cores, load ${loadBefore.join(' ')}, work dir ${work}`);
const tg = performance.now();
const corpus = writeCorpus(path.join(work, 'corpus'), { notices });
const genMs = performance.now() - tg;
log(`generated ${corpus.count} notices in ${secs(genMs)}s`);

// 1. Parse into Notice JSON Lines.
const jsonl = path.join(work, 'notices.jsonl');
const shareFile = path.join(work, 'notices-share.jsonl');
const out = fs.openSync(jsonl, 'w');
const shareOut = fs.openSync(shareFile, 'w');
let parsed = 0;
const tp = performance.now();
await parseInOrder(listInputs([corpus.dir]).files, { concurrency, mode: 'notice' }, (_file, outcome) => {
  if (!outcome.ok || outcome.parsed.kind !== 'notice') return;
  const line = JSON.stringify(outcome.parsed.notice) + '\n';
  fs.writeSync(out, line);
  if (parsed < share) fs.writeSync(shareOut, line);
  parsed++;
  if (parsed % 50_000 === 0) log(`  parsed ${parsed}`);
});
fs.closeSync(out);
fs.closeSync(shareOut);
const parseMs = performance.now() - tp;
log(`parsed ${parsed} notices in ${secs(parseMs)}s`);
fs.rmSync(corpus.dir, { recursive: true, force: true });

async function emptyDatabase(current: Driver | null): Promise<Driver> {
  await current?.close();
  await stop(cfg.local);
  for (const dir of ['databases', 'transactions']) fs.rmSync(path.join(cfg.local.home, 'data', dir, 'neo4j'), { recursive: true, force: true });
  await start(cfg.local, log);
  const driver = await connect(cfg.neo4j);
  await migrate(driver);
  return driver;
}


let driver: Driver | null = null;
try {
  // 2. bulk-import.
  await start(cfg.local, log);
  const tb = performance.now();
  const dir = path.join(work, 'csv');
  const planned = await planImport({ inputs: [], notices: [jsonl], dir, home: work, concurrency, batchSize: 200 });
  const planMs = performance.now() - tb;
  const done = await importLocally(cfg, planned, adminImport(planned.files, dir, 'neo4j'), heap, log);
  await refreshAwardRollups(done.driver, 'neo4j');
  const bulkMs = performance.now() - tb;
  driver = done.driver;
  const bulkGraph = await graphSize(driver);
  log(`bulk-import: ${planned.summary.ok} notices in ${secs(bulkMs)}s`);
  fs.rmSync(dir, { recursive: true, force: true });

  // 3. ingest of the same lines (or a share of them), on an empty database.
  driver = await emptyDatabase(driver);
  const ti = performance.now();
  const ingested = await ingest({ inputs: [], notices: [shareFile], driver, home: work, concurrency, batchSize: 200, reextract: 'off' });
  await refreshAwardRollups(driver);
  const ingestMs = performance.now() - ti;
  const ingestGraph = await graphSize(driver);
  log(`ingest: ${ingested.ok} notices in ${secs(ingestMs)}s`);

  const ingestRate = perSecond(ingested.ok, ingestMs);
  const bulkRate = perSecond(planned.summary.ok, bulkMs);
  const result = {
    notices: parsed,
    cores: os.availableParallelism(),
    loadAverage: { before: loadBefore, atEnd: os.loadavg().map((l) => +l.toFixed(1)) },
    parse: { seconds: secs(parseMs), workers: concurrency, noticesPerSecond: perSecond(parsed, parseMs), noticesPerSecondPerWorker: Math.round(perSecond(parsed, parseMs) / concurrency) },
    bulkImport: {
      ok: planned.summary.ok,
      failed: planned.summary.failed,
      seconds: secs(bulkMs),
      planAndCsvSeconds: secs(planMs),
      neo4jAdminSeconds: secs(done.importMs),
      schemaAndMatchingSeconds: secs(done.finishMs),
      noticesPerSecond: bulkRate,
      graph: bulkGraph,
      importer: done.importer,
    },
    ingest: {
      ok: ingested.ok,
      failed: ingested.failed,
      seconds: secs(ingestMs),
      noticesPerSecond: ingestRate,
      graph: ingestGraph,
      ...(share < parsed ? { measuredShare: `${ingested.ok} of ${parsed} notices`, extrapolatedSecondsForAll: secs((parsed / ingestRate) * 1000) } : {}),
    },
    bulkOverIngest: +(bulkRate / ingestRate).toFixed(2),
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(
    `bulk-import ${bulkRate} notices/s vs ingest ${ingestRate} notices/s${share < parsed ? ` (ingest measured on ${ingested.ok} of ${parsed}, rate extrapolated)` : ''}: ${result.bulkOverIngest}x; parse ${result.parse.noticesPerSecond} notices/s on ${concurrency} workers\n`,
  );
} finally {
  await driver?.close();
  await stop(cfg.local);
  fs.rmSync(work, { recursive: true, force: true });
}
