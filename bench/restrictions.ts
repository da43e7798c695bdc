// `npm run bench:restrictions`: the restriction fixpoint over a graph of a million companies and
// three million holdings (bench/gen-ownership.ts) seeded with 1,000 listed parties, and the awards
// of restricted winners in a province (issue #16: p95 under 100 ms).
//
// 1. A Neo4j of its own in a fresh temporary home on free ports. The ownership graph comes from
//    bench/gen-ownership.ts; this file adds regions (31 provinces, 10 prefectures each, 5 counties
//    each), projects and awards won by random companies, and 1,000 list entries linked to random
//    companies (half SDN, half Entity List), all loaded with neo4j-admin's importer (bench/support/import.ts).
// 2. The whole fixpoint for one date, through the API's own code (computeFromGraph in
//    src/graph/restrictions.ts): wall time, waves (queries), companies reached, heap growth.
//    That one result answers `restricted` for every company. Baseline in the same process: the
//    plain effective-share query (controllingPartiesOf, threshold 50) for a sample of companies,
//    per company, and what asking it for every company would cost.
// 3. restrictedAwards for each province through the in-process API (the fixpoint cached, as a
//    server has it after its first request for a date, and the award rollups refreshed as
//    `bidgraph serve` does at start), p50/p95, against Region.awards' first page.
//
// Options: --companies 1000000 --links 3000000 --listed 1000 --awards 300000 --seed N --rounds 3 --sample 200 --keep
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../src/db/driver.ts';
import { start, stop } from '../src/db/local-server.ts';
import { migrate } from '../src/db/migrate.ts';
import { createApi } from '../src/api/server.ts';
import { computeFromGraph } from '../src/graph/restrictions.ts';
import { loadControllingParties } from '../src/graph/ownership.ts';
import { refreshAwardRollups } from '../src/graph/rollups.ts';
import { GraphReader, isTimeout } from '../src/graph/reader.ts';
import { readRestrictionRules } from '../src/restriction-rules-file.ts';
import { generateOwnershipCsv } from './gen-ownership.ts';
import { Csv, nodeHeader, relHeader } from './support/csv.ts';
import { importCsv } from './support/import.ts';
import { random, shuffled } from './support/random.ts';
import { percentile } from './support/stats.ts';
import { benchServer, endBenchServer } from './support/server.ts';

const { values: opts } = parseArgs({
  options: {
    companies: { type: 'string', default: '1000000' },
    links: { type: 'string', default: '3000000' },
    listed: { type: 'string', default: '1000' },
    awards: { type: 'string', default: '300000' },
    seed: { type: 'string', default: '20240630' },
    rounds: { type: 'string', default: '3' },
    sample: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const COMPANIES = Number(opts.companies);
const LINKS = Number(opts.links);
const LISTED = Number(opts.listed);
const AWARDS = Number(opts.awards);
const SEED = Number(opts.seed);
const ROUNDS = Number(opts.rounds);
const SAMPLE = Number(opts.sample);
const AS_OF = '2025-10-15'; // both the SDN rule and the Entity List's affiliates rule in force
const TARGET_P95_MS = 100;

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const median = (xs: number[]) => percentile(xs.slice().sort((a, b) => a - b), 50);

/** Regions, projects, awards and list entries over the generated companies, as neo4j-admin CSV. */
function writeExtras(dir: string): { provinces: string[]; listed: number } {
  const rnd = random(SEED + 16);
  const ids = fs.readFileSync(path.join(dir, 'companies.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => JSON.parse(l.slice(0, l.indexOf(','))) as string);
  const regions = new Csv(path.join(dir, 'regions.csv'), nodeHeader('Region', ['name', 'level']));
  const partOf = new Csv(path.join(dir, 'part_of.csv'), relHeader('PART_OF', []));
  const provinces: string[] = [];
  const counties: string[] = [];
  for (let p = 11; p < 11 + 31; p++) {
    const province = `${p}0000`;
    provinces.push(province);
    regions.row([province, `省${p}`, 'province']);
    for (let f = 1; f <= 10; f++) {
      const prefecture = `${p}${String(f).padStart(2, '0')}00`;
      regions.row([prefecture, `地区${p}${f}`, 'prefecture']);
      partOf.row([prefecture, province]);
      for (let c = 1; c <= 5; c++) {
        const county = `${p}${String(f).padStart(2, '0')}${String(c).padStart(2, '0')}`;
        regions.row([county, `县${county}`, 'county']);
        partOf.row([county, prefecture]);
        counties.push(county);
      }
    }
  }
  const projects = new Csv(path.join(dir, 'projects.csv'), nodeHeader('Project', ['name']));
  const inRegion = new Csv(path.join(dir, 'in_region.csv'), relHeader('IN_REGION', []));
  const awards = new Csv(path.join(dir, 'awards.csv'), nodeHeader('Award', ['status', 'amountFen:long', 'currency', 'date']));
  const hasAward = new Csv(path.join(dir, 'has_award.csv'), relHeader('HAS_AWARD', []));
  const awardedTo = new Csv(path.join(dir, 'awarded_to.csv'), relHeader('AWARDED_TO', ['role']));
  for (let a = 0; a < AWARDS; a++) {
    const project = `j:bench:${a}`;
    projects.row([project, `项目${a}`]);
    inRegion.row([project, counties[Math.floor(rnd() * counties.length)]]);
    const fen = Math.floor(rnd() * 1e10);
    const day = `20${String(15 + Math.floor(rnd() * 10))}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    awards.row([`a:bench:${a}`, 'active', fen, 'CNY', day]);
    hasAward.row([project, `a:bench:${a}`]);
    awardedTo.row([`a:bench:${a}`, ids[Math.floor(rnd() * ids.length)], 'sole']);
  }
  const entries = new Csv(path.join(dir, 'list_entries.csv'), nodeHeader('ListEntry', ['feed', 'list', 'name', 'listedOn']));
  const lists = new Csv(path.join(dir, 'lists.csv'), relHeader('LISTS', ['matchedBy']));
  const chosen = shuffled(ids, rnd).slice(0, LISTED);
  chosen.forEach((id, i) => {
    entries.row([`bench:${i}`, 'ofac', i % 2 ? 'us_ofac_sdn' : 'us_bis_entity_list', `Listed party ${i}`, '2020-01-01']);
    lists.row([`bench:${i}`, id, 'uscc']);
  });
  for (const c of [regions, partOf, projects, inRegion, awards, hasAward, awardedTo, entries, lists]) c.close();
  return { provinces, listed: chosen.length };
}

async function migrateWaiting(driver: Awaited<ReturnType<typeof connect>>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await migrate(driver);
      return;
    } catch (err) {
      if (!isTimeout(err) || attempt > 30) throw err;
      log('Indexes still populating; waiting…');
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}

async function main(): Promise<void> {
  const { home, cfg } = await benchServer('bidgraph-bench-restrictions-', { heap: '2g', pageCache: '3g' });
  try {
    log(`Building ${COMPANIES} companies, ${LINKS} holdings, ${AWARDS} awards, ${LISTED} listed parties in ${home}…`);
    await start(cfg.local, log);
    await stop(cfg.local);
    const csv = path.join(home, 'csv');
    let t0 = Date.now();
    const summary = generateOwnershipCsv(csv, { companies: COMPANIES, links: LINKS, seed: SEED });
    const extras = writeExtras(csv);
    log(`Generated ${summary.companies} companies, ${summary.links} links (${summary.rangeLinks} ranges, ${summary.unknownLinks} unknown), extras in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
    t0 = Date.now();
    const lines = importCsv(cfg.local, csv, {
      heap: '2g',
      options: ['--max-off-heap-memory=2g'],
      nodes: [['Company', 'companies.csv'], ['Person', 'persons.csv'], ['Region', 'regions.csv'], ['Project', 'projects.csv'], ['Award', 'awards.csv'], ['ListEntry', 'list_entries.csv']],
      relationships: [['OWNS', 'owns_company.csv'], ['OWNS', 'owns_person.csv'], ['PART_OF', 'part_of.csv'], ['IN_REGION', 'in_region.csv'], ['HAS_AWARD', 'has_award.csv'], ['AWARDED_TO', 'awarded_to.csv'], ['LISTS', 'lists.csv']],
    }, log);
    for (const l of lines) log(`import: ${l}`);
    log(`Imported in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
    fs.rmSync(csv, { recursive: true, force: true });
    await start(cfg.local, log);
    const driver = await connect(cfg.neo4j);
    try {
      await migrateWaiting(driver);
      log('Schema online.');
      // As `bidgraph serve` does at start: restrictedAwards places awards only under fresh rollups.
      t0 = Date.now();
      await refreshAwardRollups(driver);
      log(`Award rollups refreshed in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
      await measure(driver, extras.provinces);
    } finally {
      await driver.close();
    }
  } finally {
    await endBenchServer({ home, cfg }, opts.keep, log);
  }
}

async function measure(driver: Awaited<ReturnType<typeof connect>>, provinces: string[]): Promise<void> {
  const rules = readRestrictionRules();
  let queries = 0;
  const reader = new GraphReader(driver, { timeoutMs: 120_000, onQuery: () => queries++ });
  // Warm the page cache over the holdings once, as a running server would have it.
  await driver.executeQuery('MATCH ()-[r:OWNS]->() RETURN count(r.share) AS n', {}, { routing: 'READ' });

  // 2. The whole fixpoint, several rounds.
  const times: number[] = [];
  const heaps: number[] = [];
  let reached = { companies: 0, owned: 0, possibly: 0, listed: 0, waves: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    queries = 0;
    const t0 = performance.now();
    const result = await computeFromGraph(reader, rules, AS_OF);
    times.push(performance.now() - t0);
    heaps.push(process.memoryUsage().heapUsed - heap0);
    const all = [...result.values()].flat();
    reached = {
      companies: result.size,
      listed: all.filter((x) => x.status === 'LISTED').length,
      owned: all.filter((x) => x.status === 'OWNED').length,
      possibly: all.filter((x) => x.status === 'POSSIBLY_OWNED').length,
      waves: queries,
    };
  }

  // Baseline: the effective-share query (every party holding ≥ 50% in effect), one company at a time.
  const rnd = random(SEED + 7);
  const ids = (await driver.executeQuery('MATCH (c:Company) WITH c SKIP toInteger($skip) LIMIT toInteger($n) RETURN c.id AS id', { skip: Math.floor(rnd() * 1000), n: SAMPLE * 5 }, { routing: 'READ' })).records.map((x) => x.get('id') as string);
  const sample = shuffled(ids, rnd).slice(0, SAMPLE);
  for (const id of sample.slice(0, 20)) await loadControllingParties(reader, [id], 50);
  const base: number[] = [];
  for (const id of sample) {
    const t0 = performance.now();
    await loadControllingParties(reader, [id], 50);
    base.push(performance.now() - t0);
  }
  const baseP50 = median(base);
  const fixpoint = median(times);

  // 3. restrictedAwards per province through the API in process, the fixpoint cached.
  const api = createApi({ driver, logging: false, timeoutMs: 30_000, restrictionRules: rules });
  const ask = async (query: string) => {
    const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown[]; data?: Record<string, { totalCount: number }> };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const restrictedQ = (code: string) => `{ restrictedAwards(regionCode: "${code}", asOf: "${AS_OF}", first: 50) { totalCount nodes { id date value { amount } } } }`;
  const regionQ = (code: string) => `{ region(code: "${code}") { awards(first: 50) { totalCount nodes { id date value { amount } } } } }`;
  let t0 = performance.now();
  await ask(restrictedQ(provinces[0]));
  const firstRequest = performance.now() - t0;
  for (const p of provinces) {
    await ask(restrictedQ(p));
    await ask(regionQ(p));
  }
  const restricted: number[] = [];
  const plain: number[] = [];
  let found = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const p of shuffled(provinces, rnd)) {
      t0 = performance.now();
      found += (await ask(restrictedQ(p))).restrictedAwards.totalCount;
      restricted.push(performance.now() - t0);
      t0 = performance.now();
      await ask(regionQ(p));
      plain.push(performance.now() - t0);
    }
  }
  const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
  const rp = sorted(restricted);
  const pp = sorted(plain);

  const out = [
    '',
    `Restrictions on ${COMPANIES.toLocaleString('en')} companies, ${LINKS.toLocaleString('en')} holdings, ${LISTED} listed parties (asOf ${AS_OF}), ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    '',
    'The whole fixpoint (restricted for every company), in the API process:',
    `  time per run: ${times.map(ms).join(', ')} (median ${ms(fixpoint)})`,
    `  heap growth per run: ${heaps.map(mb).join(', ')}`,
    `  reached: ${reached.companies} companies (${reached.listed} LISTED, ${reached.owned} OWNED, ${reached.possibly} POSSIBLY_OWNED restrictions); ${reached.waves} queries (listings, holdings per wave, branches)`,
    'Baseline: the effective-share query (controllingPartiesOf, ≥ 50%) for one company:',
    `  p50 ${ms(baseP50)}, p95 ${ms(percentile(sorted(base), 95))} over ${base.length} companies`,
    `  the fixpoint costs ${(fixpoint / baseP50).toFixed(0)}× one effective-share query; asking that query for every company would take about ${((baseP50 * COMPANIES) / 1000 / 60).toFixed(0)} min (p50 × ${COMPANIES.toLocaleString('en')}), ${((baseP50 * COMPANIES) / fixpoint).toFixed(0)}× the fixpoint`,
    '',
    `restrictedAwards for a province (${provinces.length} provinces × ${ROUNDS} rounds, first page of 50, in process):`,
    `  first request for the date (fixpoint included): ${ms(firstRequest)}`,
    `  cached: p50 ${ms(percentile(rp, 50))}, p95 ${ms(percentile(rp, 95))}, max ${ms(rp[rp.length - 1])} (target p95 < ${TARGET_P95_MS} ms: ${percentile(rp, 95) < TARGET_P95_MS ? 'met' : 'NOT met'}); ${(found / restricted.length).toFixed(0)} restricted awards per province on average`,
    `  baseline Region.awards, first page: p50 ${ms(percentile(pp, 50))}, p95 ${ms(percentile(pp, 95))}; ratio of p95s ${(percentile(rp, 95) / percentile(pp, 95)).toFixed(2)}`,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

main().catch((err) => {
  process.stderr.write(`bench:restrictions failed: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
