// The CETC → Hikvision case for the API tests, built the way a user builds a graph: the documents under
// test/fixtures/api-case/ (award and tender notices, ownership CSVs, a manifest of source URLs) go through
// ingest(). Ids are the pipeline's own (c:<sha1>…); tests name parties by the short names below.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ingest, readManifest } from '../../ingest/pipeline.ts';
import { repoRoot } from '../../src/config.ts';
import { testConfig } from './neo4j.ts';

export const CASE_DIR = path.join(repoRoot, 'test', 'fixtures', 'api-case');

/** The case's documents by short name, relative to CASE_DIR. */
export const caseFiles = {
  tender: 'notices/moyu-tender.html',
  award: 'notices/moyu-award.html',
  shareholders: 'ownership/hikvision-shareholders.csv',
  groups: 'ownership/groups.csv',
} as const;

export function caseText(file: string): string {
  return fs.readFileSync(path.join(CASE_DIR, file), 'utf8');
}

/** sha256 of each named document's bytes. */
export const CASE_SHA = Object.fromEntries(
  Object.entries(caseFiles).map(([k, f]) => [k, createHash('sha256').update(fs.readFileSync(path.join(CASE_DIR, f))).digest('hex')]),
) as Record<keyof typeof caseFiles, string>;

/** Companies of the case by short name: [name, uscc when two companies share the name]. */
const COMPANIES: Record<string, [string, string?]> = {
  sasac: ['国务院国有资产监督管理委员会'],
  cetc: ['中国电子科技集团有限公司'],
  cethik: ['中电海康集团有限公司'],
  'cetc-invest': ['中电科投资控股有限公司'],
  cetc52: ['中国电子科技集团公司第五十二研究所'],
  hikvision: ['杭州海康威视数字技术股份有限公司'],
  'hik-xj': ['杭州海康威视数字技术股份有限公司新疆分公司'],
  hkscc: ['香港中央结算有限公司'],
  spv: ['示例墨玉智慧城市运营有限公司'],
  'spv-range': ['示例和田安防工程有限公司'],
  dahua: ['浙江大华技术股份有限公司'],
  telecom: ['示例通信工程有限公司'],
  'moyu-police': ['墨玉县公安局'],
  'pishan-police': ['皮山县公安局'],
  'urumqi-police': ['乌鲁木齐市公安局'],
  agency: ['示例新疆招标代理有限公司'],
  'twin-1': ['示例同名科技有限公司', '91650100MA77XK0Y0Y'],
  'twin-2': ['示例同名科技有限公司', '91330100MA2H0C4X13'],
  'cycle-a': ['示例循环甲有限公司'],
  'cycle-b': ['示例循环乙有限公司'],
  'cycle-root': ['示例循环控股有限公司'],
};

const PERSONS: Record<string, string> = { gong: '龚虹嘉', fu: '傅利泉', range: '示例自然人' };

const PROJECTS: Record<string, string> = {
  moyu: '墨玉县社会治安防控体系建设PPP项目',
  pishan: '皮山县公共安全视频监控建设项目',
  urumqi: '乌鲁木齐市平安城市建设项目',
  spv: '示例墨玉县智慧城市运营服务项目',
  hangzhou: '示例滨江区电子设备采购项目',
  undated: '示例墨玉县监控维护项目',
};

export interface CaseIds {
  /** Company ids by short name. */
  C: Record<string, string>;
  P: Record<string, string>;
  J: Record<string, string>;
  /** Award ids by '<project short name>:<lot or ->'. */
  A: Record<string, string>;
}

async function rows(driver: Driver, cypher: string): Promise<Record<string, any>[]> {
  const res = await driver.executeQuery(cypher, {}, { database: testConfig.neo4j.database });
  return res.records.map((r) => r.toObject());
}

/** The one id whose row matches, failing loudly when there is none or more than one. */
function only(list: Record<string, any>[], what: string, match: (r: Record<string, any>) => boolean): string {
  const found = list.filter(match);
  assert.equal(found.length, 1, `one node for ${what}, found ${found.length}`);
  return found[0].id as string;
}

/** Looks the case's nodes up by what the documents say about them. */
export async function caseIds(driver: Driver): Promise<CaseIds> {
  const companies = await rows(driver, 'MATCH (c:Company) RETURN c.id AS id, c.name AS name, c.uscc AS uscc');
  const persons = await rows(driver, 'MATCH (p:Person) RETURN p.id AS id, p.name AS name');
  const projects = await rows(driver, 'MATCH (p:Project) RETURN p.id AS id, p.name AS name');
  const awards = await rows(driver, 'MATCH (p:Project)-[:HAS_AWARD]->(a:Award) RETURN a.id AS id, p.id AS project, a.lot AS lot');
  const C = Object.fromEntries(
    Object.entries(COMPANIES).map(([k, [name, uscc]]) => [k, only(companies, k, (r) => r.name === name && (!uscc || r.uscc === uscc))]),
  );
  const P = Object.fromEntries(Object.entries(PERSONS).map(([k, name]) => [k, only(persons, k, (r) => r.name === name)]));
  const J = Object.fromEntries(Object.entries(PROJECTS).map(([k, name]) => [k, only(projects, k, (r) => r.name === name)]));
  const A: Record<string, string> = {};
  for (const [k, id] of Object.entries(J)) {
    for (const a of awards.filter((r) => r.project === id)) A[`${k}:${a.lot ?? '-'}`] = a.id;
  }
  return { C, P, J, A };
}

/**
 * Ingests documents (files or folders, archived under `home`) as a user's ingest run does, failing on
 * any failed file, with `concurrency` parse workers.
 */
export async function ingestDocuments(
  driver: Driver,
  home: string,
  inputs: string[],
  manifest: Awaited<ReturnType<typeof readManifest>>['entries'] = new Map(),
  concurrency = 1,
): Promise<void> {
  const summary = await ingest({
    inputs,
    driver,
    database: testConfig.neo4j.database,
    home,
    manifest,
    concurrency,
    reextract: 'off',
    matchListings: false,
  });
  assert.equal(summary.failed, 0, JSON.stringify(summary));
}

/** Ingests the case's documents (archived under `home`) and returns its ids. */
export async function ingestCase(driver: Driver, home: string): Promise<CaseIds> {
  const { entries, problems } = await readManifest(path.join(CASE_DIR, 'manifest.jsonl'));
  assert.deepEqual(problems, []);
  await ingestDocuments(driver, home, [path.join(CASE_DIR, 'notices'), path.join(CASE_DIR, 'ownership')], entries);
  return caseIds(driver);
}

/** The id of the one company of this name. */
export async function companyIdOf(driver: Driver, name: string): Promise<string> {
  const res = await driver.executeQuery('MATCH (c:Company {name: $name}) RETURN c.id AS id', { name }, { database: testConfig.neo4j.database });
  assert.equal(res.records.length, 1, `one company named ${name}`);
  return res.records[0].get('id') as string;
}

/** The one award of the project of this name. */
export async function awardOfProject(driver: Driver, projectName: string): Promise<string> {
  const res = await driver.executeQuery(
    'MATCH (:Project {name: $projectName})-[:HAS_AWARD]->(a:Award) RETURN a.id AS id',
    { projectName },
    { database: testConfig.neo4j.database },
  );
  assert.equal(res.records.length, 1, `one award for ${projectName}`);
  return res.records[0].get('id') as string;
}
