// A synthetic bidgraph graph at scale, for the API and ownership benchmarks: regions, buyers,
// suppliers with a skewed (Zipf) share of the awards, corporate groups under state bodies and
// persons, projects with one or more lots, consortia, failed lots and rate bids. It follows
// schema/model.json and is written as CSV for `neo4j-admin database import full` (the same Maven
// classpath as the local server), which loads a million awards in a couple of minutes.
//
// Run alone:  node --import tsx bench/gen-graph.ts --awards 1000000 --out /tmp/graph-csv
// Library:    generateGraphCsv(dir, { awards }) then importGraph(localServerConfig, dir).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LocalServerConfig } from '../src/config.ts';
import { nameKey } from '../src/domain/names.ts';
import { Csv, nodeHeader, relHeader } from './support/csv.ts';
import { importCsv } from './support/import.ts';
import { random, zipf } from './support/random.ts';

export interface GraphOptions {
  awards: number;
  seed?: number;
}

/** Ids worth benchmarking, known once the graph is generated. */
export interface Landmarks {
  awards: number;
  projects: number;
  companies: number;
  persons: number;
  holdings: number;
  provinces: string[];
  /** Every supplier with at least one award, by rank (rank 0 wins the most). */
  suppliers: string[];
  /** Companies that have at least one owner. */
  owned: string[];
  /** Companies that hold stakes in others (group heads and intermediate holdings). */
  holders: string[];
  hikvision: string;
  cetc: string;
  sasac: string;
}



const PROVINCE_PREFIXES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
const METHODS = ['公开招标', '竞争性磋商', '竞争性谈判', '询价', '单一来源', '邀请招标'];
const RATE_KINDS = ['下浮率', '折扣率', '费率'];

function date(rnd: () => number): string {
  const day = Math.floor(rnd() * 3652); // 2015-01-01 … 2024-12-30
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Award amounts: log-uniform from 10 thousand to 1 billion yuan, in whole fen. */
function amountFen(rnd: () => number): number {
  return Math.round(Math.pow(10, 4 + rnd() * 5) * 100);
}

const OWNS_COLUMNS = ['share:double', 'shareMin:double', 'shareMax:double', 'asOf'] as const;

function companyRow(csv: Csv, id: string, name: string, kind: string, uscc: string | null = null): void {
  const names = [name];
  csv.row([id, name, names.join(';'), names.map(nameKey).join(';'), uscc, kind, false, names.join(' '), 'Company']);
}

/** Writes the graph as CSV files under `dir`; returns what the benchmarks need to know. */
export function generateGraphCsv(dir: string, opts: GraphOptions): Landmarks {
  fs.mkdirSync(dir, { recursive: true });
  const rnd = random(opts.seed ?? 20240601);
  const nAwards = opts.awards;
  const nSuppliers = Math.max(50, Math.round(nAwards / 5));
  const nPersons = Math.max(20, Math.round(nAwards / 40));
  const nGroups = Math.max(5, Math.round(nAwards / 500));
  const f = (name: string) => path.join(dir, name);

  // Regions: 31 provinces, 10 prefectures each, 9 counties each.
  const regions = new Csv(f('regions.csv'), nodeHeader('Region', ['name', 'level', 'status'], { labelColumn: true }));
  const partOf = new Csv(f('part_of.csv'), relHeader('PART_OF', [], { typeColumn: true }));
  const provinces: string[] = [];
  const counties: string[] = [];
  const countyWeights: number[] = [];
  for (const [pi, p] of PROVINCE_PREFIXES.entries()) {
    const province = `${p}0000`;
    provinces.push(province);
    regions.row([province, `示例省${p}`, 'province', 'current', 'Region']);
    for (let c = 1; c <= 10; c++) {
      const prefecture = `${p}${String(c).padStart(2, '0')}00`;
      regions.row([prefecture, `示例市${prefecture}`, 'prefecture', 'current', 'Region']);
      partOf.row([prefecture, province, 'PART_OF']);
      for (let k = 1; k <= 9; k++) {
        const county = `${p}${String(c).padStart(2, '0')}${String(k).padStart(2, '0')}`;
        regions.row([county, `示例县${county}`, 'county', 'current', 'Region']);
        partOf.row([county, prefecture, 'PART_OF']);
        counties.push(county);
        // Provinces differ in size (some publish far more notices than others).
        countyWeights.push(1 + (pi % 7));
      }
    }
  }
  regions.close();
  partOf.close();
  const countyCdf: number[] = [];
  countyWeights.reduce((acc, w, i) => (countyCdf[i] = acc + w), 0);
  const pickCounty = () => {
    const x = rnd() * countyCdf[countyCdf.length - 1];
    let lo = 0;
    let hi = countyCdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (countyCdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return counties[lo];
  };

  // Companies: the CETC case, state bodies, group heads and their subsidiaries, suppliers, buyers.
  const companies = new Csv(f('companies.csv'), nodeHeader('Company', ['name', 'names:string[]', 'nameKeys:string[]', 'uscc', 'kind', 'isBranch:boolean', 'searchText'], { labelColumn: true }));
  const persons = new Csv(f('persons.csv'), nodeHeader('Person', ['name', 'names:string[]', 'searchText'], { labelColumn: true }));
  const ownsC = new Csv(f('owns_company.csv'), relHeader('OWNS', OWNS_COLUMNS, { from: 'Company', typeColumn: true }));
  const ownsP = new Csv(f('owns_person.csv'), relHeader('OWNS', OWNS_COLUMNS, { from: 'Person', typeColumn: true }));
  let holdings = 0;
  const own = (owner: string, owned: string, share: number | [number, number]) => {
    holdings++;
    const csv = owner.startsWith('p:') ? ownsP : ownsC;
    if (Array.isArray(share)) csv.row([owner, owned, null, share[0], share[1], '2023-12-31', 'OWNS']);
    else csv.row([owner, owned, share, null, null, '2023-12-31', 'OWNS']);
  };

  const sasac = 'c:state:0';
  companyRow(companies, sasac, '国务院国有资产监督管理委员会', 'state');
  const stateBodies = [sasac];
  for (let i = 1; i < 40; i++) {
    stateBodies.push(`c:state:${i}`);
    companyRow(companies, `c:state:${i}`, `示例省${PROVINCE_PREFIXES[i % 31]}国有资产监督管理委员会${i}`, 'state');
  }
  const cetc = 'c:cetc';
  const hikvision = 'c:hikvision';
  companyRow(companies, cetc, '中国电子科技集团有限公司', 'enterprise');
  companyRow(companies, 'c:cethik', '中电海康集团有限公司', 'enterprise');
  companyRow(companies, 'c:cetc-invest', '中电科投资控股有限公司', 'enterprise');
  companyRow(companies, 'c:cetc52', '中国电子科技集团公司第五十二研究所', 'enterprise');
  companyRow(companies, hikvision, '杭州海康威视数字技术股份有限公司', 'enterprise', '91330000733796106P');
  own(sasac, cetc, 100);
  own(cetc, 'c:cethik', 100);
  own(cetc, 'c:cetc-invest', 100);
  own(cetc, 'c:cetc52', 100);
  own('c:cethik', hikvision, 36.35);
  own('c:cetc-invest', hikvision, 2.63);
  own('c:cetc52', hikvision, 1.96);
  persons.row(['p:gong', '龚虹嘉', '龚虹嘉', '龚虹嘉', 'Person']);
  own('p:gong', hikvision, 10.4);

  // Suppliers by rank: rank 0 is Hikvision, the rest are generated.
  const suppliers: string[] = [hikvision];
  for (let i = 1; i < nSuppliers; i++) {
    const id = `c:s:${i}`;
    suppliers.push(id);
    companyRow(companies, id, `示例供应商${i}科技有限公司`, 'enterprise');
  }
  for (let i = 0; i < nPersons; i++) persons.row([`p:${i}`, `示例自然人${i}`, `示例自然人${i}`, `示例自然人${i}`, 'Person']);

  // Corporate groups: a head (owned by a state body for 40% of them, else by persons), subsidiaries
  // drawn from the suppliers in two or three tiers, some held jointly (diamonds) or by ranges.
  const owned = new Set<string>([cetc, 'c:cethik', 'c:cetc-invest', 'c:cetc52', hikvision]);
  const holders = new Set<string>([sasac, cetc, 'c:cethik', 'c:cetc-invest', 'c:cetc52']);
  let nextSupplier = 1;
  const takeSupplier = (): string | null => (nextSupplier < suppliers.length ? suppliers[nextSupplier++] : null);
  // Hikvision's own subsidiaries: suppliers too (project companies and the like).
  for (let i = 0; i < 20; i++) {
    const s = takeSupplier();
    if (s) {
      own(hikvision, s, i % 4 === 0 ? 51 : 100);
      owned.add(s);
    }
  }
  holders.add(hikvision);
  for (let g = 0; g < nGroups; g++) {
    const head = `c:g:${g}`;
    companyRow(companies, head, `示例集团${g}有限公司`, 'enterprise');
    holders.add(head);
    owned.add(head);
    if (g % 5 < 2) own(stateBodies[g % stateBodies.length], head, 100);
    else {
      own(`p:${Math.floor(rnd() * nPersons)}`, head, Math.round(20 + rnd() * 50));
      own(`p:${Math.floor(rnd() * nPersons)}`, head, Math.round(5 + rnd() * 15));
    }
    const tier1: string[] = [];
    const size = 2 + Math.floor(rnd() * 6);
    for (let i = 0; i < size; i++) {
      const s = takeSupplier();
      if (!s) break;
      tier1.push(s);
      owned.add(s);
      own(head, s, rnd() < 0.1 ? [30, 60] : Math.round(30 + rnd() * 70));
    }
    for (const parent of tier1) {
      if (rnd() < 0.5) continue;
      holders.add(parent);
      for (let i = 0; i < 1 + Math.floor(rnd() * 3); i++) {
        const s = takeSupplier();
        if (!s) break;
        owned.add(s);
        own(parent, s, Math.round(40 + rnd() * 60));
        if (rnd() < 0.15) own(head, s, Math.round(5 + rnd() * 10)); // a diamond
      }
    }
  }
  // Independent suppliers: one to three persons each.
  for (let i = nextSupplier; i < suppliers.length; i++) {
    if (rnd() < 0.4) continue; // no ownership data for many
    const holdersOf = 1 + Math.floor(rnd() * 3);
    let left = 100;
    for (let h = 0; h < holdersOf; h++) {
      const share = h === holdersOf - 1 ? left : Math.round(rnd() * left * 0.8);
      left -= share;
      if (share > 0) own(`p:${Math.floor(rnd() * nPersons)}`, suppliers[i], share);
    }
    owned.add(suppliers[i]);
  }
  // A few cross-holdings between group heads: cycles the traversal must survive.
  for (let i = 0; i + 1 < nGroups && i < 40; i += 2) own(`c:g:${i}`, `c:g:${i + 1}`, 5);

  // Buyers: public bodies, five per county; agencies.
  const buyersOf = (county: string, k: number) => `c:b:${county}:${k}`;
  for (const county of counties) for (let k = 0; k < 5; k++) companyRow(companies, buyersOf(county, k), `示例县${county}采购单位${k}`, 'public');
  const nAgencies = 500;
  for (let i = 0; i < nAgencies; i++) companyRow(companies, `c:ag:${i}`, `示例招标代理${i}有限公司`, 'enterprise');
  companies.close();
  persons.close();
  ownsC.close();
  ownsP.close();

  // Projects, their awards (lots) and suppliers.
  const projects = new Csv(f('projects.csv'), nodeHeader('Project', ['code', 'name', 'method', 'status', 'searchText'], { labelColumn: true }));
  const awards = new Csv(f('awards.csv'), nodeHeader('Award', ['lot', 'status', 'amountFen:long', 'currency', 'rateKind', 'ratePercent:double', 'date', 'sha256', 'amountLabel'], { labelColumn: true }));
  const documents = new Csv(f('documents.csv'), nodeHeader('Document', ['title', 'url', 'publishedAt', 'mediaType', 'noticeType'], { labelColumn: true }));
  const inRegion = new Csv(f('in_region.csv'), relHeader('IN_REGION', [], { typeColumn: true }));
  const hasBuyer = new Csv(f('has_buyer.csv'), relHeader('HAS_BUYER', [], { typeColumn: true }));
  const hasAgency = new Csv(f('has_agency.csv'), relHeader('HAS_AGENCY', [], { typeColumn: true }));
  const hasAward = new Csv(f('has_award.csv'), relHeader('HAS_AWARD', [], { typeColumn: true }));
  const awardedTo = new Csv(f('awarded_to.csv'), relHeader('AWARDED_TO', ['role'], { typeColumn: true }));
  const publishedIn = new Csv(f('published_in.csv'), relHeader('PUBLISHED_IN', ['noticeType'], { typeColumn: true }));
  const pickSupplier = zipf(suppliers.length, 0.9, rnd);
  const winners = new Uint8Array(suppliers.length);
  let a = 0;
  let p = 0;
  while (a < nAwards) {
    const project = `j:${p}`;
    const county = pickCounty();
    const d = date(rnd);
    const sha = createHash('sha256').update(project).digest('hex');
    const lots = rnd() < 0.8 ? 1 : 2 + Math.floor(rnd() * 4);
    projects.row([project, `BJ-${p}`, `示例县${county}第${p}号采购项目`, METHODS[p % METHODS.length], 'awarded', `示例县${county}第${p}号采购项目`, 'Project']);
    inRegion.row([project, county, 'IN_REGION']);
    hasBuyer.row([project, buyersOf(county, p % 5), 'HAS_BUYER']);
    hasAgency.row([project, `c:ag:${p % nAgencies}`, 'HAS_AGENCY']);
    documents.row([sha, `示例县${county}第${p}号采购项目中标公告`, `http://www.ccgp.gov.cn/example/${p}.htm`, d, 'text/html', 'award', 'Document']);
    publishedIn.row([project, sha, 'award', 'PUBLISHED_IN']);
    for (let l = 0; l < lots && a < nAwards; l++, a++) {
      const lot = lots === 1 ? null : String(l + 1);
      const id = `a:${project}:${lot ?? '-'}`;
      hasAward.row([project, id, 'HAS_AWARD']);
      const kind = rnd();
      if (kind < 0.05) {
        awards.row([id, lot, 'unsuccessful', null, null, null, null, d, sha, 'unsuccessful', 'Award']);
        continue;
      }
      if (kind < 0.08) {
        awards.row([id, lot, 'active', null, null, RATE_KINDS[p % 3], Math.round(rnd() * 2000) / 100, d, sha, 'award', 'Award']);
      } else {
        const fen = amountFen(rnd);
        awards.row([id, lot, 'active', fen, 'CNY', null, null, d, sha, fen >= 1e8 ? `¥${(fen / 1e8).toFixed(1)}M` : `¥${Math.round(fen / 100)}`, 'Award']);
      }
      const members = rnd() < 0.9 ? 1 : 2 + Math.floor(rnd() * 2);
      const chosen = new Set<number>();
      while (chosen.size < members) chosen.add(pickSupplier());
      [...chosen].forEach((rank, i) => {
        winners[rank] = 1;
        awardedTo.row([id, suppliers[rank], members === 1 ? 'sole' : i === 0 ? 'lead' : 'member', 'AWARDED_TO']);
      });
    }
    p++;
  }
  for (const csv of [projects, awards, documents, inRegion, hasBuyer, hasAgency, hasAward, awardedTo, publishedIn]) csv.close();

  return {
    awards: nAwards,
    projects: p,
    companies: companies.rows,
    persons: persons.rows,
    holdings,
    provinces,
    suppliers: suppliers.filter((_, rank) => winners[rank] === 1),
    owned: [...owned],
    holders: [...holders],
    hikvision,
    cetc,
    sasac,
  };
}

const NODE_FILES: [string, string][] = [
  ['Region', 'regions.csv'],
  ['Company', 'companies.csv'],
  ['Person', 'persons.csv'],
  ['Project', 'projects.csv'],
  ['Award', 'awards.csv'],
  ['Document', 'documents.csv'],
];
const RELATIONSHIP_FILES: [string, string][] = [
  ['PART_OF', 'part_of.csv'],
  ['OWNS', 'owns_company.csv'],
  ['OWNS', 'owns_person.csv'],
  ['IN_REGION', 'in_region.csv'],
  ['HAS_BUYER', 'has_buyer.csv'],
  ['HAS_AGENCY', 'has_agency.csv'],
  ['HAS_AWARD', 'has_award.csv'],
  ['AWARDED_TO', 'awarded_to.csv'],
  ['PUBLISHED_IN', 'published_in.csv'],
];

/** Replaces the `neo4j` database of a stopped local server with the generated graph. */
export function importGraph(cfg: LocalServerConfig, dir: string, log: (line: string) => void = () => {}): void {
  const lines = importCsv(cfg, dir, { heap: '4g', options: ['--high-parallel-io=on'], nodes: NODE_FILES, relationships: RELATIONSHIP_FILES }, log);
  for (const line of lines) log(line);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({ options: { awards: { type: 'string', default: '1000000' }, out: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.out) throw new Error('usage: node --import tsx bench/gen-graph.ts --awards 1000000 --out <dir>');
  const t0 = Date.now();
  const marks = generateGraphCsv(values.out, { awards: Number(values.awards), seed: values.seed ? Number(values.seed) : undefined });
  process.stdout.write(
    `${marks.awards} awards, ${marks.projects} projects, ${marks.companies} companies, ${marks.persons} persons, ${marks.holdings} holdings → ${values.out} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
}
