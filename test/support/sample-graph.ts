// A small graph shaped like what `bidgraph ingest samples/` should load: the Xinjiang reconstruction of
// samples/README.md (Hikvision wins Moyu and Pishan, Dahua an Urumqi lot, CETC's chain up to SASAC).
// Names, USCCs, region codes and shares follow samples/; amounts are the samples' illustrative ones.
// Written with Cypher so the browser tests do not depend on the loaders.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';

function sha256Of(sample: string): string {
  return createHash('sha256').update(fs.readFileSync(path.join(repoRoot, 'samples', sample))).digest('hex');
}

export const HIKVISION = '杭州海康威视数字技术股份有限公司';
export const CETC = '中国电子科技集团有限公司';
export const HOTAN_PREFECTURE = '653200';

interface SampleAward {
  project: string;
  code: string;
  region: string;
  buyer: string;
  agency: string | null;
  winner: string;
  amount: number;
  amountLabel: string;
  date: string;
  sample: string;
  title: string;
  snippet: string;
}

const awards: SampleAward[] = [
  {
    project: '墨玉县公共安全视频监控建设PPP项目',
    code: 'MYX-PPP-2017-01',
    region: '653222',
    buyer: '墨玉县公安局',
    agency: '墨玉县公共资源交易中心',
    winner: HIKVISION,
    amount: 569_800_000,
    amountLabel: '¥569.8M',
    date: '2017-04-10',
    sample: 'moyu-ppp-award.html',
    title: '墨玉县公共安全视频监控建设PPP项目中标公告',
    snippet: '杭州海康威视数字技术股份有限公司杭州市滨江区阡陌路555号91330000733796106P56,980.00万元',
  },
  {
    project: '皮山县公共安全视频监控建设PPP项目',
    code: 'PSX-PPP-2017-03',
    region: '653223',
    buyer: '皮山县公安局',
    agency: '皮山县公共资源交易中心',
    winner: HIKVISION,
    amount: 312_000_000,
    amountLabel: '¥312M',
    date: '2017-06-20',
    sample: 'pishan-ppp-award.html',
    title: '皮山县公共安全视频监控建设PPP项目成交公告',
    snippet: '成交金额：人民币叁亿壹仟贰佰万元整（￥312,000,000.00）',
  },
  {
    project: '乌鲁木齐市平安城市视频监控系统建设项目',
    code: 'WLMQ-AQCS-2017-08',
    region: '650104',
    buyer: '乌鲁木齐市公安局新市区分局',
    agency: null,
    winner: '浙江大华技术股份有限公司',
    amount: 98_650_000,
    amountLabel: '¥98.65M',
    date: '2017-08-15',
    sample: 'urumqi-safe-city-award.pdf',
    title: '乌鲁木齐市平安城市视频监控系统建设项目（第二包）中标公告',
    snippet: '中标金额：￥98,650,000.00元',
  },
];

const regions = [
  { code: '650000', name: '新疆维吾尔自治区', level: 'province', parent: null },
  { code: '653200', name: '和田地区', level: 'prefecture', parent: '650000' },
  { code: '653222', name: '墨玉县', level: 'county', parent: '653200' },
  { code: '653223', name: '皮山县', level: 'county', parent: '653200' },
  { code: '650100', name: '乌鲁木齐市', level: 'prefecture', parent: '650000' },
  { code: '650104', name: '新市区', level: 'county', parent: '650100' },
];

const companies = [
  { name: HIKVISION, kind: 'enterprise', uscc: '91330000733796106P' },
  { name: '浙江大华技术股份有限公司', kind: 'enterprise', uscc: '91330000727215176K' },
  { name: '国务院国有资产监督管理委员会', kind: 'state', uscc: null },
  { name: CETC, kind: 'enterprise', uscc: null },
  { name: '中电海康集团有限公司', kind: 'enterprise', uscc: null },
  { name: '中电科投资控股有限公司', kind: 'enterprise', uscc: null },
  { name: '中国电子科技集团公司第五十二研究所', kind: 'enterprise', uscc: null },
  ...awards.map((a) => ({ name: a.buyer, kind: 'public', uscc: null })),
  ...awards.flatMap((a) => (a.agency ? [{ name: a.agency, kind: 'public', uscc: null }] : [])),
];

const holdings = [
  { owner: '国务院国有资产监督管理委员会', owned: CETC, share: 100 },
  { owner: CETC, owned: '中电海康集团有限公司', share: 100 },
  { owner: CETC, owned: '中电科投资控股有限公司', share: 100 },
  { owner: CETC, owned: '中国电子科技集团公司第五十二研究所', share: 100 },
  { owner: '中电海康集团有限公司', owned: HIKVISION, share: 36.35 },
  { owner: '中电科投资控股有限公司', owned: HIKVISION, share: 2.63 },
  { owner: '中国电子科技集团公司第五十二研究所', owned: HIKVISION, share: 1.96 },
];

/** Secondary labels the Browser style keys on, as the loader adds them. */
const kindLabel: Record<string, string | null> = { state: 'State', public: 'PublicBody', enterprise: null };

/** Loads the sample graph into an empty database. */
export async function seedSampleGraph(driver: Driver): Promise<void> {
  await driver.executeQuery(
    `UNWIND $regions AS r
     MERGE (n:Region {code: r.code}) SET n.name = r.name, n.level = r.level
     WITH n, r WHERE r.parent IS NOT NULL
     MERGE (p:Region {code: r.parent})
     MERGE (n)-[:PART_OF]->(p)`,
    { regions },
  );
  const withLabels = companies.map((c) => ({ ...c, id: `c:${c.name}`, extra: kindLabel[c.kind] }));
  await driver.executeQuery(
    `UNWIND $companies AS c
     MERGE (n:Company {id: c.id})
     SET n.name = c.name, n.names = [c.name], n.kind = c.kind, n.uscc = c.uscc
     WITH n, c
     CALL (n, c) { WITH n, c WHERE c.extra = 'State' SET n:State }
     CALL (n, c) { WITH n, c WHERE c.extra = 'PublicBody' SET n:PublicBody }`,
    { companies: withLabels },
  );
  await driver.executeQuery(
    `UNWIND $holdings AS h
     MATCH (o:Company {id: 'c:' + h.owner}), (t:Company {id: 'c:' + h.owned})
     MERGE (o)-[r:OWNS]->(t) SET r.share = h.share, r.asOf = '2021-12-31'`,
    { holdings },
  );
  const rows = awards.map((a) => ({ ...a, sha256: sha256Of(a.sample), mediaType: a.sample.endsWith('.pdf') ? 'application/pdf' : 'text/html' }));
  await driver.executeQuery(
    `UNWIND $awards AS a
     MERGE (d:Document {sha256: a.sha256})
     SET d.title = a.title, d.path = 'samples/' + a.sample, d.mediaType = a.mediaType, d.noticeType = 'award', d.publishedAt = a.date
     MERGE (p:Project {id: 'j:' + a.code}) SET p.name = a.project, p.code = a.code, p.status = 'awarded'
     MERGE (p)-[:PUBLISHED_IN {noticeType: 'award'}]->(d)
     WITH a, d, p
     MATCH (r:Region {code: a.region}), (b:Company {id: 'c:' + a.buyer}), (w:Company {id: 'c:' + a.winner})
     MERGE (p)-[:IN_REGION]->(r)
     MERGE (p)-[:HAS_BUYER {sha256: a.sha256}]->(b)
     MERGE (aw:Award {id: 'a:' + p.id + ':-'})
     SET aw.status = 'active', aw.amount = a.amount, aw.amountLabel = a.amountLabel, aw.currency = 'CNY',
         aw.date = a.date, aw.sha256 = a.sha256, aw.snippet = a.snippet
     MERGE (p)-[:HAS_AWARD]->(aw)
     MERGE (aw)-[:AWARDED_TO {role: 'sole', sha256: a.sha256, snippet: a.snippet, rawName: a.winner}]->(w)
     MERGE (e:Evidence {id: 'e:' + a.sha256 + ':awards[0].amount'})
     SET e.field = 'awards[0].amount', e.text = a.snippet, e.sha256 = a.sha256
     MERGE (aw)-[:SUPPORTED_BY]->(e)
     MERGE (e)-[:QUOTES]->(d)
     WITH a, p
     MATCH (ag:Company {id: 'c:' + a.agency})
     MERGE (p)-[:HAS_AGENCY {sha256: a.sha256}]->(ag)`,
    { awards: rows },
  );
}
