// Every question the API asks Neo4j, as the Cypher and parameters the query layer sends for typical
// arguments, compared with the snapshots in test/snapshots/cypher/ (one Markdown file per module of
// src/graph/). No database: a recording driver stands in for it. A change to a query shows up as a
// change to a snapshot in review. UPDATE_SNAPSHOTS=1 rewrites them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import neo4j from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { companyId, nameRecord, personId, projectId } from '../../src/domain/identity.ts';
import { readRestrictionRules } from '../../src/restriction-rules-file.ts';
import { GraphReader, type NamedQuery } from '../../src/graph/reader.ts';
import * as awards from '../../src/graph/awards.ts';
import * as companies from '../../src/graph/companies.ts';
import * as documents from '../../src/graph/documents.ts';
import * as dossier from '../../src/graph/dossier.ts';
import * as exportsQ from '../../src/graph/exports.ts';
import * as ownership from '../../src/graph/ownership.ts';
import * as projects from '../../src/graph/projects.ts';
import * as regions from '../../src/graph/regions.ts';
import * as restrictions from '../../src/graph/restrictions.ts';
import * as restrictedAwards from '../../src/graph/restricted-awards.ts';
import * as search from '../../src/graph/search.ts';
import { addAlias } from '../../src/graph/aliases.ts';
import { confirmMatch } from '../../src/graph/match-review.ts';
import { refreshAwardRollups, rollupsFresh } from '../../src/graph/rollups.ts';
import { recordingDriver, type RecordedStatement, type Responder } from '../support/recording-driver.ts';

const SNAPSHOTS = path.join(repoRoot, 'test', 'snapshots', 'cypher');
const GRAPH = path.join(repoRoot, 'src', 'graph');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

// Typical arguments, as the resolvers pass them.
const HIKVISION = companyId('uscc:91330000733796106P');
const DAHUA = companyId('uscc:91330000727215176K');
const PROJECT = projectId({ buyer: '墨玉县公安局', code: 'MYX-2017-001', name: null, sha256: '' });
const AWARD = `a:${PROJECT}:-`;
const SHA256 = '3f5a1c0b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807f6e5d4c3b2a19080';
const HOTAN = '653200';
const CURSOR = { date: '2017-04-18', id: AWARD };
const HIKVISION_NAME = '杭州海康威视数字技术股份有限公司';

interface Scenario {
  title: string;
  /** Rows the stand-in database answers with, for paths that need an answer to go on. */
  respond?: Responder;
  run: (reader: GraphReader, driver: ReturnType<typeof recordingDriver>['driver']) => Promise<unknown>;
}

const drain = async (rows: AsyncGenerator<unknown>) => {
  for await (const _ of rows) void _;
};

const companyRow = (id: string, name: string) => ({ id, name, names: [name], uscc: null, address: null, kind: 'enterprise', isBranch: false });

const MODULES: Record<string, Scenario[]> = {
  companies: [
    { title: 'company(id:) for two ids in one request', run: (r) => companies.loadCompanies(r, [HIKVISION, DAHUA]) },
    { title: 'company(uscc:)', run: (r) => companies.loadCompaniesByUscc(r, ['91330000733796106P']) },
    {
      title: 'company(name:) with a traditional-script variant, keyed as ingest keys names',
      run: (r) => companies.loadCompaniesByNameKeys(r, nameRecord('杭州海康威視數字技術股份有限公司')!.keys),
    },
    {
      title: 'company(name:) with a former name: the keys of its rename group',
      run: (r) => companies.loadCompaniesByNameKeys(r, nameRecord('中国电子科技集团公司')!.keys),
    },
    { title: 'Person by id', run: (r) => companies.loadPersons(r, [personId('陈宗年', HIKVISION)]) },
    { title: 'Company.owners', run: (r) => companies.loadOwners(r, [HIKVISION]) },
    { title: 'Company.holdings', run: (r) => companies.loadHoldings(r, [HIKVISION]) },
    { title: 'Company.branchOf', run: (r) => companies.loadBranchParents(r, [HIKVISION]) },
    { title: 'Company.branches', run: (r) => companies.loadBranches(r, [HIKVISION]) },
  ],
  awards: [
    {
      title: 'Company.awards(regionCode, from, first: 20), first page',
      run: (r) => awards.loadAwardPages(r, awards.awardsOfCompanies, [HIKVISION], { regionCode: HOTAN, from: '2017-01-01', to: null }, 20, null),
    },
    {
      title: 'Company.awards(first: 20, after: cursor), next page',
      run: (r) => awards.loadAwardPages(r, awards.awardsOfCompanies, [HIKVISION], { regionCode: null, from: null, to: null }, 20, CURSOR),
    },
    { title: 'Company.awards.totalCount', run: (r) => awards.loadAwardCounts(r, awards.awardCountOfCompanies, [HIKVISION], { regionCode: HOTAN, from: null, to: null }) },
    { title: 'Company.totalAwarded', run: (r) => awards.loadAwardTotals(r, awards.awardTotalOfCompanies, [HIKVISION], { regionCode: null, from: null, to: null }) },
    { title: 'Company.groupAwards(minShare: 50, first: 10)', run: (r) => awards.loadAwardPages(r, awards.awardsOfGroups, [HIKVISION], { minShare: 50, regionCode: null }, 10, null) },
    { title: 'Company.groupAwards.totalCount', run: (r) => awards.loadAwardCounts(r, awards.awardCountOfGroups, [HIKVISION], { minShare: 50, regionCode: HOTAN }) },
    { title: 'Company.groupTotalAwarded', run: (r) => awards.loadAwardTotals(r, awards.awardTotalOfGroups, [HIKVISION], { minShare: 50, regionCode: null }) },
    { title: 'Region.awards(includeSubregions: true, first: 20)', run: (r) => awards.loadAwardPages(r, awards.awardsInRegions, [HOTAN], { includeSubregions: true }, 20, null) },
    { title: 'Region.awards.totalCount', run: (r) => awards.loadAwardCounts(r, awards.awardCountInRegions, [HOTAN], { includeSubregions: false }) },
    { title: 'Region.totalAwarded', run: (r) => awards.loadAwardTotals(r, awards.awardTotalInRegions, [HOTAN], { includeSubregions: true }) },
    { title: 'award(id:)', run: (r) => awards.loadAwardsById(r, [AWARD]) },
    { title: 'Region.topSuppliers(first: 5)', run: (r) => awards.loadTopSuppliers(r, [HOTAN], true, 5) },
  ],
  documents: [{ title: 'document(sha256:)', run: (r) => documents.loadDocuments(r, [SHA256]) }],
  ownership: [
    { title: 'Company.ultimateOwners', run: (r) => ownership.loadUltimateOwners(r, [HIKVISION]) },
    { title: 'Company.stateShare', run: (r) => ownership.loadStateShares(r, [HIKVISION]) },
    { title: 'Company.controllingParties(threshold: 50)', run: (r) => ownership.loadControllingParties(r, [HIKVISION], 50) },
    { title: 'Company.groupMembers(minShare: 50)', run: (r) => ownership.loadGroupMembers(r, [HIKVISION], 50) },
  ],
  projects: [
    { title: 'project(id:)', run: (r) => projects.loadProjects(r, [PROJECT]) },
    { title: 'Award.project', run: (r) => projects.loadProjectsOfAwards(r, [AWARD]) },
    { title: 'Project.region', run: (r) => projects.loadRegionsOfProjects(r, [PROJECT]) },
    { title: 'Project.buyer and Project.agency', run: (r) => projects.loadPartiesOfProjects(r, [PROJECT]) },
    { title: 'Project.awards', run: (r) => projects.loadAwardsOfProjects(r, [PROJECT]) },
    { title: 'Project.documents', run: (r) => projects.loadDocumentsOfProjects(r, [PROJECT]) },
    { title: 'Project.candidates', run: (r) => projects.loadCandidates(r, [PROJECT]) },
    { title: 'Award.suppliers', run: (r) => projects.loadSuppliers(r, [AWARD]) },
    { title: 'Award.evidence and Project.evidence', run: (r) => projects.loadEvidence(r, [AWARD, PROJECT]) },
  ],
  regions: [
    { title: 'region(code:)', run: (r) => regions.loadRegions(r, [HOTAN]) },
    { title: 'Region.parent', run: (r) => regions.loadParents(r, [HOTAN]) },
    { title: 'Region.children', run: (r) => regions.loadChildren(r, [HOTAN]) },
    { title: 'Region.path', run: (r) => regions.loadRegionPaths(r, ['653222']) },
  ],
  search: [{ title: 'search(text: "海康威视 AND 大华", first: 10): operators escaped', run: (r) => search.searchByName(r, '海康威视 AND 大华', 10) }],
  restrictions: [
    {
      title: 'restrictions(asOf): the data stamp, the listings, then one wave of holdings and branches',
      respond: (cypher) => {
        if (cypher === restrictions.restrictionStamp.cypher) return [{ stamp: [0, 1, 0, 1, 2, 1] }];
        if (cypher === restrictions.listingsForRestrictions.cypher) {
          return [{ companyId: HIKVISION, list: 'us_ofac_sdn', entryId: 'e:1', listedOn: '2020-12-03', delistedOn: null, endedOn: null }];
        }
        return [];
      },
      run: (r) => new restrictions.RestrictionCache(readRestrictionRules()).at(r, '2025-01-01'),
    },
    { title: 'Company.listings', run: (r) => restrictions.loadListings(r, [HIKVISION]) },
    { title: 'Company.matchCandidates', run: (r) => restrictions.loadMatchCandidates(r, [HIKVISION]) },
    {
      title: 'restrictedAwards(regionCode, first: 20): the restricted companies already known',
      run: (r) => restrictions.loadRestrictedAwardPages(r, [HOTAN], { companyIds: [HIKVISION, DAHUA], from: '2017-01-01', to: '2017-12-31' }, 20, null),
    },
    { title: 'restrictedAwards.totalCount', run: (r) => restrictions.loadRestrictedAwardCounts(r, [HOTAN], { companyIds: [HIKVISION], from: null, to: null }) },
    { title: 'Region.restrictedTotalAwarded', run: (r) => restrictions.loadRestrictedAwardTotals(r, [HOTAN], { companyIds: [HIKVISION], from: null, to: null }) },
    { title: 'ListEntry by id', run: (r) => restrictions.loadListEntries(r, ['e:1']) },
  ],
  'restricted-awards': [
    {
      title: 'restrictedAwards(regionCode, first: 20) with fresh award rollups: the award data stamp, the restricted awards placed once, then the page by id',
      respond: (cypher) => {
        if (cypher === restrictedAwards.awardDataStamp.cypher) return [{ usable: true, stamp: ['2025-01-01T00:00:00Z', 1, 1, 1, 1, 1, 1, 2] }];
        if (cypher === restrictedAwards.placedAwardsOf.cypher) return [{ id: AWARD, date: '2017-04-18', regions: [HOTAN, '650000'] }];
        return [];
      },
      run: async (r) => {
        const placed = await new restrictedAwards.RestrictedAwardIndex().placed(r, new Map(), '[null,false]', [HIKVISION, DAHUA]);
        return restrictedAwards.placedPages(r, placed!, [HOTAN], { from: '2017-01-01', to: '2017-12-31' }, 20, null);
      },
    },
  ],
  dossier: [
    { title: "a company's awards for its dossier (region, as of a date)", run: (r) => dossier.loadDossierAwards(r, [HIKVISION, DAHUA], { regionCode: HOTAN, asOf: '2025-01-01' }, 501) },
    { title: 'ownership links above a company', run: (r) => dossier.loadOwnershipLinksAbove(r, HIKVISION, 200) },
    { title: "name links of a company's names", run: (r) => dossier.loadNameLinks(r, ['杭州海康威视数字技术股份有限公司']) },
    { title: 'how much ownership the graph holds', run: (r) => dossier.loadGraphHoldings(r) },
  ],
  exports: [
    {
      title: 'export ocds --region 653200 --from 2017-01-01: the first page',
      run: (r) => drain(exportsQ.exportProjects(r, { regionCode: HOTAN, from: '2017-01-01', to: null, supplierIds: null })),
    },
    { title: 'export bods: the first page', run: (r) => drain(exportsQ.exportOwnershipParties(r)) },
    { title: 'export ftm: the first page of listed companies', run: (r) => drain(exportsQ.exportListings(r)) },
  ],
  aliases: [
    {
      title: 'addAlias(companyId, name: a traditional-script variant): lease, check, write, wait for the search index',
      respond: (cypher) => {
        if (cypher.includes('WriterLease')) return [{ token: null, host: null, pid: null, command: null, started: null, expires: null, now: 0 }];
        if (cypher.includes('aliasNotes')) return [{ company: companyRow(HIKVISION, HIKVISION_NAME) }];
        if (cypher.includes('companyKeys')) return [{ company: companyRow(HIKVISION, HIKVISION_NAME), known: false, other: null }];
        return [];
      },
      run: (_r, driver) => {
        const name = nameRecord('海康威視數字技術股份有限公司')!;
        return addAlias(driver, undefined, 5000, { companyId: HIKVISION, name, source: 'https://example.org/registry', at: '2025-01-01T00:00:00.000Z' });
      },
    },
  ],
  'match-review': [
    {
      title: 'confirmMatch(entryId, companyId, source)',
      run: (_r, driver) => confirmMatch(driver, undefined, 5000, { entryId: 'e:1', companyId: HIKVISION, source: 'https://example.org/listing', at: '2025-01-01T00:00:00.000Z' }),
    },
  ],
  rollups: [
    { title: 'after an ingest: the award rollups refreshed', run: (_r, driver) => refreshAwardRollups(driver) },
    { title: 'whether the rollups are fresh', run: (_r, driver) => rollupsFresh(driver) },
  ],
};

/** Every named query the modules of src/graph/ export, by the Cypher it sends. */
async function allNamedQueries(): Promise<Map<string, NamedQuery<object, unknown>>> {
  const byCypher = new Map<string, NamedQuery<object, unknown>>();
  for (const file of fs.readdirSync(GRAPH).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(path.join(GRAPH, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && 'cypher' in value && 'name' in value && typeof (value as NamedQuery<object, unknown>).cypher === 'string') {
        const q = value as NamedQuery<object, unknown>;
        byCypher.set(q.cypher, q);
      }
    }
  }
  return byCypher;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Parameters as JSON; Neo4j integers (what LIMIT needs) are marked as such, fresh random tokens masked. */
function showParams(params: Record<string, unknown>): string {
  return JSON.stringify(params, (_k, v) => (neo4j.isInt(v) ? `Integer(${String(v)})` : typeof v === 'string' && UUID.test(v) ? '<random uuid>' : v), 2);
}

/** Statements lose the indentation of the source they were written in (the first line has none); blank lines go. */
function showCypher(cypher: string): string {
  const [first, ...rest] = cypher.trim().split('\n').filter((l) => l.trim() !== '');
  const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length));
  return [first, ...rest.map((l) => l.slice(indent).trimEnd())].join('\n');
}

async function render(module: string, scenarios: Scenario[], named: Map<string, NamedQuery<object, unknown>>, asked: Set<string>): Promise<string> {
  const out = [`# src/graph/${module}.ts`, '', 'What the query layer sends to Neo4j for typical arguments. Written by test/unit/cypher-snapshots.test.ts (UPDATE_SNAPSHOTS=1).', ''];
  for (const s of scenarios) {
    const { driver, sent } = recordingDriver(s.respond);
    const reader = new GraphReader(driver, { timeoutMs: 5000 });
    await s.run(reader, driver);
    assert.ok(sent.length > 0, `${module}: "${s.title}" sent nothing`);
    out.push(`## ${s.title}`, '');
    for (const st of sent as RecordedStatement[]) {
      const q = named.get(st.cypher);
      if (q) asked.add(q.name);
      out.push(`### ${q ? q.name : 'statement'}`, '', '```cypher', showCypher(st.cypher), '```', '');
      if (Object.keys(st.params).length) out.push('```json', showParams(st.params), '```', '');
    }
  }
  return out.join('\n');
}

describe('Cypher snapshots of the query layer', async () => {
  const named = await allNamedQueries();
  const asked = new Set<string>();

  for (const [module, scenarios] of Object.entries(MODULES)) {
    it(`src/graph/${module}.ts sends what test/snapshots/cypher/${module}.md shows`, async () => {
      const text = await render(module, scenarios, named, asked);
      const file = path.join(SNAPSHOTS, `${module}.md`);
      if (UPDATE || !fs.existsSync(file)) {
        fs.mkdirSync(SNAPSHOTS, { recursive: true });
        fs.writeFileSync(file, text);
        if (!UPDATE) assert.fail(`${path.relative(repoRoot, file)} was missing: written now; review and commit it`);
        return;
      }
      assert.equal(text, fs.readFileSync(file, 'utf8'), `${module}: the Cypher changed; if meant, run UPDATE_SNAPSHOTS=1 and review the diff`);
    });
  }

  it('every named query of src/graph/ has a snapshot, and names are unique', () => {
    const names = [...named.values()].map((q) => q.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], 'two named queries share a name');
    const missing = names.filter((n) => !asked.has(n)).sort();
    assert.deepEqual(missing, [], 'named queries no scenario asks: add a scenario to test/unit/cypher-snapshots.test.ts');
  });

  it('no snapshot file is left over from a module that is gone', () => {
    const files = fs.existsSync(SNAPSHOTS) ? fs.readdirSync(SNAPSHOTS).filter((f) => f.endsWith('.md')) : [];
    assert.deepEqual(files.filter((f) => !(f.replace(/\.md$/, '') in MODULES)), []);
  });
});
