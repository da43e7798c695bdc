// `npm run bench:ingest -- --notices N [--concurrency C] [--batch-size B] [--keep]`
//
// Starts its own Neo4j (fresh home in a temp folder, free ports), generates a synthetic corpus,
// and measures three things in the same run, each on an empty graph (the gazetteer kept):
//  1. end to end: `bidgraph ingest` of the corpus (read + extract on workers, write in batches);
//  2. the write path alone: the same Notices through the loader (identity read + plan + write);
//  3. the baseline: the very rows the loader wrote, replayed as plain UNWIND statements in one
//     transaction per batch, with no extraction, no identity read and no planning.
// Phases 2 and 3 restart the server on a fresh store, as phase 1 began on one.
// Targets: ≥1,000 notices/s written; the write path within 2× the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { connect } from '../src/db/driver.ts';
import { start, status, stop } from '../src/db/local-server.ts';
import { migrate } from '../src/db/migrate.ts';
import { allRegions } from '../src/domain/region.ts';
import type { Statement } from '../ingest/load/loader.ts';
import { Loader } from '../ingest/load/loader.ts';
import { loadRegions } from '../ingest/load/regions.ts';
import type { LoadItem } from '../ingest/load/plan.ts';
import { ingest, readManifest } from '../ingest/pipeline.ts';
import { writeCorpus } from './gen-corpus.ts';
import { benchHome, graphSize } from './support/bench-home.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const notices = Number(arg('--notices', '10000'));
const concurrency = Number(arg('--concurrency', String(os.availableParallelism())));
const batchSize = Number(arg('--batch-size', '200'));
const keep = process.argv.includes('--keep');

const log = (line: string) => process.stderr.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000))}/s`;

/** An empty graph again: the server restarted on a fresh store (the system database, hence the password, kept). */
async function freshGraph(current: Driver): Promise<Driver> {
  await current.close();
  await stop(cfg.local);
  for (const dir of ['databases', 'transactions']) fs.rmSync(path.join(cfg.local.home, 'data', dir, 'neo4j'), { recursive: true, force: true });
  await start(cfg.local, log);
  const driver = await connect(cfg.neo4j);
  await migrate(driver);
  await loadRegions(driver, allRegions());
  return driver;
}


/**
 * CPU time spent by a process (Linux /proc), in ms: on a shared machine wall time says more about
 * the neighbours than about bidgraph, CPU time does not.
 */
function processCpuMs(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface Cpu { neo4jMs: number | null; nodeMs: number }

function cpuMeter(pid: number | null): () => Cpu {
  const n0 = processCpuMs(pid);
  const c0 = process.cpuUsage();
  return () => {
    const n1 = processCpuMs(pid);
    const c = process.cpuUsage(c0);
    return { neo4jMs: n0 === null || n1 === null ? null : n1 - n0, nodeMs: (c.user + c.system) / 1000 };
  };
}

function perCoreSecond(docs: number, cpu: Cpu): number | null {
  return cpu.neo4jMs === null ? null : Math.round(docs / ((cpu.neo4jMs + cpu.nodeMs) / 1000));
}

async function* lines(file: string): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) if (line) yield line;
}

const { work, cfg } = await benchHome('bidgraph-bench-');

log(`bench: ${notices} notices, concurrency ${concurrency}, batch size ${batchSize}, ${os.availableParallelism()} cores, work dir ${work}`);
const tg = performance.now();
const corpus = writeCorpus(path.join(work, 'corpus'), { notices });
const genMs = performance.now() - tg;
log(`generated ${corpus.count} notices in ${secs(genMs)} (${rate(corpus.count, genMs)})`);

const started = await start(cfg.local, log);
log(`Neo4j up at ${started.boltUri} in ${secs(started.millis)}`);
let neo4jPid = status(cfg.local).pid;
let driver = await connect(cfg.neo4j);
try {
  await migrate(driver);
  const itemsFile = path.join(work, 'items.jsonl');
  const itemsOut = fs.openSync(itemsFile, 'w');

  // 1. End to end.
  const { entries } = await readManifest(corpus.manifest);
  let lastLine = 0;
  const cpu1 = cpuMeter(neo4jPid);
  const e2e = await ingest({
    inputs: [corpus.dir],
    driver,
    home: work,
    manifest: entries,
    concurrency,
    batchSize,
    onBatchWritten: (items) => fs.writeSync(itemsOut, JSON.stringify(items) + '\n'),
    onProgress: (p) => {
      if (Date.now() - lastLine > 10_000) {
        lastLine = Date.now();
        log(`  ingest ${p.done}/${p.total}`);
      }
    },
  });
  const e2eCpu = cpu1();
  fs.closeSync(itemsOut);
  const size1 = await graphSize(driver);
  const firstResult = {
    seconds: +(e2e.elapsedMs / 1000).toFixed(1),
    ok: e2e.ok,
    failed: e2e.failed,
    noticesPerSecond: Math.round(e2e.ok / (e2e.elapsedMs / 1000)),
    parseSeconds: +(e2e.parseMs / 1000).toFixed(1),
    writeSeconds: +(e2e.writeMs / 1000).toFixed(1),
    cpu: e2eCpu,
    graph: size1,
  };
  log(`end to end: ${JSON.stringify(firstResult)}`);

  // 2. The write path alone, on an empty graph.
  driver = await freshGraph(driver);
  neo4jPid = status(cfg.local).pid;
  const statementsFile = path.join(work, 'statements.jsonl');
  const statementsOut = fs.openSync(statementsFile, 'w');
  let pending: Statement[][] = [];
  const loader = new Loader(driver, { knownRegions: new Set(allRegions().map((r) => r.code)), onWritten: (s) => pending.push(s) });
  let writeOnlyMs = 0;
  let writeOnlyDocs = 0;
  const writeCpu: Cpu = { neo4jMs: 0, nodeMs: 0 };
  const addCpu = (into: Cpu, c: Cpu) => {
    into.neo4jMs = into.neo4jMs === null || c.neo4jMs === null ? null : into.neo4jMs + c.neo4jMs;
    into.nodeMs += c.nodeMs;
  };
  for await (const line of lines(itemsFile)) {
    const items = JSON.parse(line) as LoadItem[];
    const t = performance.now();
    const meter = cpuMeter(neo4jPid);
    const out = await loader.load(items);
    addCpu(writeCpu, meter());
    writeOnlyMs += performance.now() - t;
    writeOnlyDocs += out.documents.filter((d) => d.status === 'ok').length;
    for (const s of pending) fs.writeSync(statementsOut, JSON.stringify(s, keepIntegers) + '\n');
    pending = [];
  }
  fs.closeSync(statementsOut);
  const size2 = await graphSize(driver);

  log(`write path alone: ${(writeOnlyMs / 1000).toFixed(1)}s for ${writeOnlyDocs} notices`);

  // 3. Baseline: the same rows, plain UNWIND, one transaction per batch.
  driver = await freshGraph(driver);
  neo4jPid = status(cfg.local).pid;
  let baselineMs = 0;
  const baselineCpu: Cpu = { neo4jMs: 0, nodeMs: 0 };
  for await (const line of lines(statementsFile)) {
    const statements = JSON.parse(line, readIntegers) as Statement[];
    const t = performance.now();
    const meter = cpuMeter(neo4jPid);
    const session = driver.session();
    try {
      await session.executeWrite(async (tx) => {
        for (const [query, rows] of statements) await tx.run(query, { rows });
      });
    } finally {
      await session.close();
    }
    addCpu(baselineCpu, meter());
    baselineMs += performance.now() - t;
  }
  const size3 = await graphSize(driver);

  const ok = e2e.ok;
  const result = {
    notices: corpus.count,
    cores: os.availableParallelism(),
    loadAverageAtEnd: os.loadavg().map((l) => +l.toFixed(1)),
    concurrency,
    batchSize,
    endToEnd: {
      ok: e2e.ok,
      failed: e2e.failed,
      unchanged: e2e.unchanged,
      seconds: +(e2e.elapsedMs / 1000).toFixed(1),
      noticesPerSecond: Math.round(ok / (e2e.elapsedMs / 1000)),
      parseSecondsSummedOverWorkers: +(e2e.parseMs / 1000).toFixed(1),
      parseNoticesPerSecondPerWorker: Math.round(ok / (e2e.parseMs / 1000)),
      writeSeconds: +(e2e.writeMs / 1000).toFixed(1),
      writeNoticesPerSecond: Math.round(ok / (e2e.writeMs / 1000)),
      checkSeconds: +(e2e.checkMs / 1000).toFixed(1),
      cpuSeconds: { neo4j: e2eCpu.neo4jMs === null ? null : +(e2eCpu.neo4jMs / 1000).toFixed(1), node: +(e2eCpu.nodeMs / 1000).toFixed(1) },
      noticesPerCpuSecond: perCoreSecond(ok, e2eCpu),
      nodesCreated: e2e.counters.nodesCreated,
      relationshipsCreated: e2e.counters.relationshipsCreated,
    },
    writePathAlone: {
      seconds: +(writeOnlyMs / 1000).toFixed(1),
      noticesPerSecond: Math.round(writeOnlyDocs / (writeOnlyMs / 1000)),
      cpuSeconds: { neo4j: writeCpu.neo4jMs === null ? null : +(writeCpu.neo4jMs / 1000).toFixed(1), node: +(writeCpu.nodeMs / 1000).toFixed(1) },
      noticesPerCpuSecond: perCoreSecond(writeOnlyDocs, writeCpu),
    },
    baseline: {
      seconds: +(baselineMs / 1000).toFixed(1),
      noticesPerSecond: Math.round(writeOnlyDocs / (baselineMs / 1000)),
      cpuSeconds: { neo4j: baselineCpu.neo4jMs === null ? null : +(baselineCpu.neo4jMs / 1000).toFixed(1), node: +(baselineCpu.nodeMs / 1000).toFixed(1) },
      noticesPerCpuSecond: perCoreSecond(writeOnlyDocs, baselineCpu),
    },
    writePathOverBaseline: +(writeOnlyMs / baselineMs).toFixed(2),
    writePathOverBaselineInCpu:
      writeCpu.neo4jMs === null || baselineCpu.neo4jMs === null ? null : +((writeCpu.neo4jMs + writeCpu.nodeMs) / (baselineCpu.neo4jMs + baselineCpu.nodeMs)).toFixed(2),
    graph: { endToEnd: size1, writePathAlone: size2, baseline: size3 },
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(
    [
      `end to end: ${ok} notices in ${secs(e2e.elapsedMs)} = ${result.endToEnd.noticesPerSecond} notices/s ` +
        `(parse ${secs(e2e.parseMs)} summed over ${concurrency} workers, write ${secs(e2e.writeMs)} = ${result.endToEnd.writeNoticesPerSecond} notices/s written)`,
      `write path alone: ${secs(writeOnlyMs)} = ${result.writePathAlone.noticesPerSecond} notices/s; ` +
        `baseline (same rows, plain UNWIND): ${secs(baselineMs)} = ${result.baseline.noticesPerSecond} notices/s; ratio ${result.writePathOverBaseline}×`,
      `CPU (Neo4j + node): write path ${result.writePathAlone.noticesPerCpuSecond} notices per CPU-second, baseline ${result.baseline.noticesPerCpuSecond}; ` +
        `ratio ${result.writePathOverBaselineInCpu}×; load average ${result.loadAverageAtEnd.join(' ')} on ${result.cores} cores`,
    ].join('\n') + '\n',
  );
} finally {
  await driver.close();
  await stop(cfg.local);
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

// The loader's rows carry Neo4j integers (fen, counts); JSON would turn one into {low, high}, a map
// Neo4j refuses as a property. They are written as {"$int": "…"} and read back as integers.
function keepIntegers(_key: string, value: unknown): unknown {
  return neo4j.isInt(value) ? { $int: value.toString() } : value;
}

function readIntegers(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$int') return neo4j.int((value as { $int: string }).$int);
  }
  return value;
}
