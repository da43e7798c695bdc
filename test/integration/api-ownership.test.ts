// The database's ownership figures (Cypher over OWNS paths) equal those of the pure reference
// implementation, src/domain/ownership.ts, on the same graphs: the CETC → Hikvision case and seeded
// random shareholder tables with ranges, open ranges, missing shares, repeated rows, cycles and
// persons, all ingested through the pipeline; the reference reads the holdings the pipeline loaded.
// Two graphs are written by hand because the pipeline never writes them, though a user's own
// database may hold them: parallel holdings of one owner in one company, and self-holdings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';
import { controllingParties, effectiveShares, stateShare, ultimateOwners, type OwnershipEdge } from '../../src/domain/ownership.ts';
import { random } from '../../bench/support/random.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { type GraphFixture, type HoldingFixture, graphql, testApi, writeFixture } from '../support/api-fixtures.ts';
import { ingestCase, ingestDocuments } from '../support/api-case.ts';
import { type GeneratedHolding, holdingsCsv } from '../support/generated-documents.ts';

let driver: Driver;
let api: ReturnType<typeof createApi>;
let home: string;


interface Case {
  companies: string[];
  persons: Set<string>;
  states: Set<string>;
  edges: OwnershipEdge[];
}

/** A holding as the reference reads it: an exact share, or a range with open ends. */
function toEdge(h: HoldingFixture): OwnershipEdge {
  return { owner: h.owner, owned: h.owned, share: h.share ?? null, shareMin: h.shareMin ?? null, shareMax: h.shareMax ?? null };
}

/** A seeded shareholder table over 18 companies (the first three state-owned) and 4 persons. */
function randomHoldings(seed: number): { holdings: GeneratedHolding[]; companies: string[]; states: Set<string>; persons: string[] } {
  const rnd = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
  const percent = () => Math.round(rnd() * 10000) / 100;
  const companies = Array.from({ length: 18 }, (_, i) => `示例随机${seed}号${i}有限公司`);
  const states = new Set(companies.slice(0, 3));
  const persons = Array.from({ length: 4 }, (_, i) => `示例随机自然人${seed}-${i}`);
  const holdings: GeneratedHolding[] = [];
  // Mostly downwards (owner index below the owned one), some upwards for cycles.
  for (let i = 0; i < 34; i++) {
    const owned = pick(companies.slice(2));
    const up = rnd() < 0.12;
    const idx = companies.indexOf(owned);
    const owner = rnd() < 0.18 ? pick(persons) : up ? pick(companies.slice(idx)) : pick(companies.slice(0, idx));
    const kinds = { ownerKind: persons.includes(owner) ? ('person' as const) : states.has(owner) ? ('state' as const) : undefined, ownedKind: states.has(owned) ? ('state' as const) : undefined };
    const kind = rnd();
    if (kind < 0.65) holdings.push({ owner, owned, share: percent(), ...kinds });
    else if (kind < 0.8) {
      const a = percent();
      const b = percent();
      holdings.push({ owner, owned, shareMin: Math.min(a, b), shareMax: Math.max(a, b), ...kinds });
    } else if (kind < 0.87) holdings.push({ owner, owned, shareMin: percent(), ...kinds });
    else if (kind < 0.93) holdings.push({ owner, owned, shareMax: percent(), ...kinds });
    else holdings.push({ owner, owned, ...kinds });
  }
  holdings.push({ ...holdings[0] }); // a row repeated, as tables do: one holding
  return { holdings, companies, states, persons };
}

/** The holdings the pipeline loaded among companies whose names start with `prefix`, as the reference reads them. */
async function loadedCase(prefix: string): Promise<Case> {
  const res = await driver.executeQuery(
    `MATCH (o)-[r:OWNS]->(c:Company) WHERE c.name STARTS WITH $prefix
     RETURN o.id AS owner, o:Person AS person, o.kind = 'state' AS ownerState, c.id AS owned, c.kind = 'state' AS ownedState,
            r.share AS share, r.shareMin AS shareMin, r.shareMax AS shareMax`,
    { prefix },
  );
  const companies = new Set<string>();
  const persons = new Set<string>();
  const states = new Set<string>();
  const edges: OwnershipEdge[] = res.records.map((r) => {
    const [owner, owned] = [r.get('owner') as string, r.get('owned') as string];
    companies.add(owned);
    if (r.get('person')) persons.add(owner);
    else companies.add(owner);
    if (r.get('ownerState')) states.add(owner);
    if (r.get('ownedState')) states.add(owned);
    return { owner, owned, share: r.get('share'), shareMin: r.get('shareMin'), shareMax: r.get('shareMax') };
  });
  return { companies: [...companies].sort(), persons, states, edges };
}

/** A random case as a user's own database may hold it: with parallel holdings and a self-holding. */
function handWrittenCase(seed: number): Case & { fixture: GraphFixture } {
  const table = randomHoldings(seed);
  const id = new Map([...table.companies, ...table.persons].map((name, i) => [name, `${table.persons.includes(name) ? 'p' : 'c'}:r${seed}:${i}`]));
  const holdings: HoldingFixture[] = table.holdings.map((h) => ({ owner: id.get(h.owner)!, owned: id.get(h.owned)!, share: h.share, shareMin: h.shareMin, shareMax: h.shareMax }));
  holdings.push({ owner: id.get(table.companies[5])!, owned: id.get(table.companies[5])!, share: 3 }); // a company holding its own shares
  const companies = table.companies.map((name) => id.get(name)!);
  const persons = table.persons.map((name) => id.get(name)!);
  return {
    fixture: {
      companies: table.companies.map((name) => ({ id: id.get(name)!, name, kind: table.states.has(name) ? ('state' as const) : ('enterprise' as const) })),
      persons: table.persons.map((name) => ({ id: id.get(name)!, name })),
      holdings,
    },
    companies,
    persons: new Set(persons),
    states: new Set(table.companies.filter((n) => table.states.has(n)).map((n) => id.get(n)!)),
    edges: holdings.map(toEdge), // the repeated row is two edges here, as in the reference
  };
}

const PARTY = '... on Company { id } ... on Person { id }';
const FIELDS = `id stateShare stateShareMin stateShareMax
  ultimateOwners { owner { ${PARTY} } effectiveShare effectiveShareMin effectiveShareMax paths { ${PARTY} } }
  majority: controllingParties { owner { ${PARTY} } effectiveShare direct }
  twenty: controllingParties(threshold: 20) { owner { ${PARTY} } effectiveShare direct }
  group: groupMembers(minShare: 25) { company { id } effectiveShare }`;

async function apiFigures(ids: string[]): Promise<Map<string, any>> {
  const query = `{ ${ids.map((id, i) => `c${i}: company(id: ${JSON.stringify(id)}) { ${FIELDS} }`).join('\n')} }`;
  const res = await graphql(api, query);
  assert.equal(res.body.errors, undefined, res.text);
  return new Map(ids.map((id, i) => [id, res.body.data?.[`c${i}`]]));
}

const sortedPaths = (paths: string[][]) => paths.map((p) => p.join(' > ')).sort();

function checkCase(c: Case, figures: Map<string, any>, label: string): number {
  const edgesInto = (id: string) => c.edges.filter((e) => e.owned === id);
  const isPerson = (id: string) => c.persons.has(id);
  const isState = (id: string) => c.states.has(id);
  let compared = 0;
  for (const target of c.companies) {
    const got = figures.get(target);
    const where = `${label} ${target}`;
    const expectedOwners = ultimateOwners(target, edgesInto, { isPerson });
    assert.deepEqual(
      got.ultimateOwners.map((u: any) => ({ owner: u.owner.id, effectiveShare: u.effectiveShare, effectiveShareMin: u.effectiveShareMin, effectiveShareMax: u.effectiveShareMax, paths: sortedPaths(u.paths.map((p: any[]) => p.map((n) => n.id))) })),
      expectedOwners.map((u) => ({ ...u, paths: sortedPaths(u.paths) })),
      `${where}: ultimate owners`,
    );
    const state = stateShare(target, edgesInto, isState, { isPerson });
    const hasOwners = c.edges.some((e) => e.owned === target && e.owner !== target);
    const none = hasOwners ? 0 : null;
    assert.deepEqual(
      [got.stateShare, got.stateShareMin, got.stateShareMax],
      state ? [state.share, state.min, state.max] : [none, none, none],
      `${where}: state share`,
    );
    for (const [field, threshold] of [['majority', 50], ['twenty', 20]] as const) {
      assert.deepEqual(
        got[field].map((p: any) => ({ owner: p.owner.id, effectiveShare: p.effectiveShare, direct: p.direct })),
        controllingParties(target, edgesInto, threshold, { isPerson }),
        `${where}: controlling parties at ${threshold}%`,
      );
    }
    // The group of `target` at 25%: itself and every company whose effective share held by target has a lower bound ≥ 25.
    const expectedGroup = c.companies
      .filter((s) => s !== target)
      .map((s) => ({ id: s, share: effectiveShares(s, edgesInto, { isPerson }).get(target)?.min }))
      .filter((m): m is { id: string; share: number } => m.share !== undefined && m.share >= 25)
      .map((m) => ({ company: { id: m.id }, effectiveShare: m.share }));
    const byShare = (a: any, b: any) => b.effectiveShare - a.effectiveShare || (a.company.id < b.company.id ? -1 : 1);
    assert.deepEqual(got.group, [{ company: { id: target }, effectiveShare: 100 }, ...expectedGroup.sort(byShare)], `${where}: group members`);
    compared++;
  }
  return compared;
}

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-ownership-'));
  api = testApi({ driver, logging: false });
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

/** The companies some of whose owners are reached over two or more edges: the graph is not trivial. */
function indirect(figures: Map<string, any>): number {
  return [...figures.values()].filter((f) => f.ultimateOwners.some((u: any) => u.paths.some((p: unknown[]) => p.length > 2))).length;
}

describe('ownership figures in Cypher equal the reference implementation', () => {
  it('on the CETC → Hikvision case', async () => {
    const { C } = await ingestCase(driver, path.join(home, 'case'));
    const c = await loadedCase('');
    assert.equal(c.edges.length, 16); // the rows of the case's two shareholder tables
    const compared = checkCase(c, await apiFigures(c.companies), 'case');
    assert.equal(compared, c.companies.length);
    // And the figure the case is about.
    assert.equal((await apiFigures([C.hikvision])).get(C.hikvision).stateShare, 40.94);
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    it(`on random shareholder table ${seed}`, async () => {
      const table = randomHoldings(seed);
      const documents = path.join(home, `seed-${seed}`);
      fs.mkdirSync(documents, { recursive: true });
      fs.writeFileSync(path.join(documents, 'holdings.csv'), holdingsCsv(table.holdings));
      await ingestDocuments(driver, path.join(home, `home-${seed}`), [documents]);
      const c = await loadedCase(`示例随机${seed}号`);
      // One holding per owner and company (a repeated row once), none of a company in itself, and
      // every state-owned company that a loaded row names is marked so.
      const rows = table.holdings.filter((h) => h.owner !== h.owned);
      assert.equal(c.edges.length, new Set(rows.map((h) => `${h.owner}>${h.owned}`)).size, `seed ${seed}: holdings loaded`);
      const named = new Set(rows.flatMap((h) => [h.owner, h.owned]));
      assert.equal(c.states.size, [...table.states].filter((n) => named.has(n)).length, `seed ${seed}: state-owned companies`);
      const figures = await apiFigures(c.companies);
      checkCase(c, figures, `seed ${seed}`);
      assert.ok(indirect(figures) > 0, `seed ${seed} has no indirect ownership`);
    });
  }

  for (const seed of [13, 14]) {
    it(`on hand-written graph ${seed}, with parallel holdings and a self-holding`, async () => {
      const c = handWrittenCase(seed);
      await writeFixture(driver, c.fixture);
      const figures = await apiFigures(c.companies);
      checkCase(c, figures, `seed ${seed}`);
      assert.ok(indirect(figures) > 0, `seed ${seed} has no indirect ownership`);
    });
  }
});
