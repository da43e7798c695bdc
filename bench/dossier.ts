// `npm run bench:dossier`: the dossier of a company with 10,000 awards (issue #17: written in under
// 30 s). Benchmark, not a test: it prints figures, it asserts none.
//
// 1. A Neo4j of its own in a fresh temporary home on free ports, loaded with bench/gen-graph.ts's
//    graph (--graph-awards, default 200,000: its Zipf-ranked first supplier, Hikvision with its real
//    ownership chain and subsidiaries, wins over 10,000) by neo4j-admin's importer; Hikvision's
//    wins beyond --awards (default 10,000, lowest award ids kept) are then unlinked, so the
//    company has exactly that many.
// 2. Per round: `bidgraph dossier`'s own steps (findCompany, gatherDossier, buildDossier,
//    writeDossierFolder without PDF) into a fresh folder, and the API's /dossier/<USCC> in process;
//    baseline in the same process: the plain Cypher that fetches the company's awards with their
//    projects, the least any report of them must read.
//
// The generated documents have no archived originals, so the folder copies none (each would be
// one file read and written); the PDF is not printed (Chromium's time, not bidgraph's).
//
// Options: --awards 10000 --graph-awards 200000 --rounds 3 --keep
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { createApi } from '../src/api/server.ts';
import { connect } from '../src/db/driver.ts';
import { start, stop } from '../src/db/local-server.ts';
import { migrate } from '../src/db/migrate.ts';
import { writeDossierFolder } from '../src/dossier/folder.ts';
import { findCompany, gatherDossier } from '../src/dossier/gather.ts';
import { buildDossier } from '../src/dossier/model.ts';
import { GraphReader } from '../src/graph/reader.ts';
import { computeFromGraph } from '../src/graph/restrictions.ts';
import { readRestrictionRules } from '../src/restriction-rules-file.ts';
import { generateGraphCsv, importGraph } from './gen-graph.ts';
import { benchServer, endBenchServer } from './support/server.ts';

const { values: opts } = parseArgs({
  options: {
    awards: { type: 'string', default: '10000' },
    'graph-awards': { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const AWARDS = Number(opts.awards);
const GRAPH_AWARDS = Number(opts['graph-awards']);
const ROUNDS = Number(opts.rounds);
const USCC = '91330000733796106P';
const AS_OF = '2025-01-01';
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await f();
  return [performance.now() - t0, value];
}

const { home, cfg } = await benchServer('bidgraph-bench-dossier-', { heap: '1g', pageCache: '1g' });
try {
  log(`Building a graph of ${GRAPH_AWARDS} awards in ${home}…`);
  await start(cfg.local, log); // writes the configuration and sets the password
  await stop(cfg.local);
  const csv = path.join(home, 'csv');
  const marks = generateGraphCsv(csv, { awards: GRAPH_AWARDS });
  importGraph(cfg.local, csv, log);
  fs.rmSync(csv, { recursive: true, force: true });
  await start(cfg.local, log);
  const driver = await connect(cfg.neo4j);
  try {
    await migrate(driver);
    const trim = await driver.executeQuery(
      `MATCH (:Company {id: $id})<-[w:AWARDED_TO]-(a:Award)
       WITH w ORDER BY a.id SKIP $keep
       DELETE w RETURN count(*) AS cut`,
      { id: marks.hikvision, keep: neo4j.int(AWARDS) },
      { database: cfg.neo4j.database },
    );
    const reader = new GraphReader(driver, { database: cfg.neo4j.database, timeoutMs: 120_000 });
    const awardsOf = `MATCH (:Company {id: $id})<-[w:AWARDED_TO]-(a:Award)
       OPTIONAL MATCH (a)<-[:HAS_AWARD]-(j:Project)
       RETURN a {.*} AS award, w.role AS role, j {.id, .name} AS project`;
    const [{ n }] = (await driver.executeQuery(`MATCH (:Company {id: $id})<-[w:AWARDED_TO]-() RETURN count(w) AS n`, { id: marks.hikvision }, { database: cfg.neo4j.database })).records.map((r) => r.toObject());
    log(`Hikvision has ${n} awards (${trim.records[0].get('cut')} unlinked); ${marks.companies} companies, ${marks.holdings} holdings in the graph.`);
    const rules = readRestrictionRules();
    const api = createApi({ driver, database: cfg.neo4j.database, logging: false, home });
    const rows: { baseline: number; dossier: number; api: number; awards: number; citations: number; bytes: number }[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const [baseline, plain] = await timed(() => driver.executeQuery(awardsOf, { id: marks.hikvision }, { database: cfg.neo4j.database }));
      const out = fs.mkdtempSync(path.join(home, 'dossier-'));
      const [dossier, built] = await timed(async () => {
        const lookup = await findCompany(reader, USCC);
        if (!lookup.found) throw new Error(`no single company ${USCC}`);
        const facts = await gatherDossier(reader, lookup.found, { asOf: AS_OF, regionCode: null, restrictionsAt: (day) => computeFromGraph(reader, rules, day) });
        const d = buildDossier(facts);
        await writeDossierFolder(d, out, { home, chromium: null });
        return d;
      });
      const [served, page] = await timed(async () => {
        const res = await api.fetch(`http://localhost/dossier/${USCC}?asOf=${AS_OF}`);
        if (res.status !== 200) throw new Error(`/dossier answered ${res.status}: ${await res.text()}`);
        return res.text();
      });
      fs.rmSync(out, { recursive: true, force: true });
      if (plain.records.length !== AWARDS) throw new Error(`baseline read ${plain.records.length} awards`);
      // Round 0 warms the plans and caches; it is not counted.
      if (round > 0) rows.push({ baseline, dossier, api: served, awards: built.awards.length, citations: built.citations.length, bytes: Buffer.byteLength(page) });
      log(`round ${round}${round ? '' : ' (warm-up)'}: baseline ${seconds(baseline)}, dossier folder ${seconds(dossier)}, API ${seconds(served)}`);
    }
    const b = median(rows.map((r) => r.baseline));
    const d = median(rows.map((r) => r.dossier));
    const a = median(rows.map((r) => r.api));
    const last = rows[rows.length - 1];
    process.stdout.write(
      [
        `Dossier of a company with ${AWARDS} awards (graph of ${GRAPH_AWARDS} awards; median of ${ROUNDS} rounds after a warm-up)`,
        `  baseline     plain Cypher fetching its ${AWARDS} awards with their projects: ${seconds(b)}`,
        `  dossier      bidgraph dossier (no PDF): ${seconds(d)}  = ${(d / b).toFixed(1)}× baseline; target < 30 s: ${d < 30_000 ? 'met' : 'NOT met'}`,
        `  API          GET /dossier/<USCC>: ${seconds(a)}  = ${(a / b).toFixed(1)}× baseline; page ${(last.bytes / 1e6).toFixed(1)} MB`,
        `  content      ${last.awards} awards listed, ${last.citations} citations`,
        '',
      ].join('\n'),
    );
  } finally {
    await driver.close();
  }
} finally {
  await endBenchServer({ home, cfg }, opts.keep, log);
}
