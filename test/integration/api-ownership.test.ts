// The database's ownership figures (Cypher over OWNS paths) equal those of the pure reference
// implementation, src/domain/ownership.ts, on the same graphs: the CETC → Hikvision case and seeded
// random graphs with ranges, missing shares, parallel holdings, cycles, self-holdings and persons.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';
import { controllingParties, effectiveShares, stateShare, ultimateOwners, type OwnershipEdge } from '../../src/domain/ownership.ts';
import { random } from '../../bench/support/random.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { type GraphFixture, type HoldingFixture, caseDocuments, caseFixture, graphql, testApi, writeFixture } from '../support/api-fixtures.ts';

let driver: Driver;
let api: ReturnType<typeof createApi>;


interface Case {
  fixture: GraphFixture;
  companies: string[];
  persons: Set<string>;
  states: Set<string>;
  edges: OwnershipEdge[];
}

/** A holding as the reference reads it: an exact share, or a range with open ends. */
function toEdge(h: HoldingFixture): OwnershipEdge {
  return { owner: h.owner, owned: h.owned, share: h.share ?? null, shareMin: h.shareMin ?? null, shareMax: h.shareMax ?? null };
}

function randomCase(seed: number): Case {
  const rnd = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
  const percent = () => Math.round(rnd() * 10000) / 100;
  const companies = Array.from({ length: 18 }, (_, i) => `c:r${seed}:${i}`);
  const states = new Set(companies.slice(0, 3));
  const persons = Array.from({ length: 4 }, (_, i) => `p:r${seed}:${i}`);
  const holdings: HoldingFixture[] = [];
  // Mostly downwards (owner index below the owned one), some upwards for cycles.
  for (let i = 0; i < 34; i++) {
    const owned = pick(companies.slice(2));
    const up = rnd() < 0.12;
    const idx = companies.indexOf(owned);
    const owner = rnd() < 0.18 ? pick(persons) : up ? pick(companies.slice(idx)) : pick(companies.slice(0, idx));
    const kind = rnd();
    if (kind < 0.65) holdings.push({ owner, owned, share: percent() });
    else if (kind < 0.8) {
      const a = percent();
      const b = percent();
      holdings.push({ owner, owned, shareMin: Math.min(a, b), shareMax: Math.max(a, b) });
    } else if (kind < 0.87) holdings.push({ owner, owned, shareMin: percent() });
    else if (kind < 0.93) holdings.push({ owner, owned, shareMax: percent() });
    else holdings.push({ owner, owned });
  }
  holdings.push({ owner: companies[5], owned: companies[5], share: 3 }); // a company holding its own shares
  holdings.push({ ...holdings[0] }); // the same holding stated twice: two edges, as in the reference
  const edges = holdings.map(toEdge);
  return {
    fixture: {
      companies: companies.map((id, i) => ({ id, name: `示例随机${seed}号${i}有限公司`, kind: states.has(id) ? ('state' as const) : ('enterprise' as const) })),
      persons: persons.map((id, i) => ({ id, name: `示例随机自然人${seed}-${i}` })),
      holdings,
    },
    companies,
    persons: new Set(persons),
    states,
    edges,
  };
}

function hikvisionCase(): Case {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const fixture = caseFixture({ tender: sha(caseDocuments.tender.text), award: sha(caseDocuments.award.text), shareholders: sha(caseDocuments.shareholders.text) });
  const edges = (fixture.holdings ?? []).map(toEdge);
  return {
    fixture,
    companies: (fixture.companies ?? []).map((c) => c.id),
    persons: new Set((fixture.persons ?? []).map((p) => p.id)),
    states: new Set((fixture.companies ?? []).filter((c) => c.kind === 'state').map((c) => c.id)),
    edges,
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
  api = testApi({ driver, logging: false });
});

after(() => driver.close());

describe('ownership figures in Cypher equal the reference implementation', () => {
  it('on the CETC → Hikvision case', async () => {
    const c = hikvisionCase();
    await writeFixture(driver, c.fixture);
    const compared = checkCase(c, await apiFigures(c.companies), 'case');
    assert.equal(compared, c.companies.length);
    // And the figure the case is about.
    assert.equal((await apiFigures(['c:hikvision'])).get('c:hikvision').stateShare, 40.94);
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    it(`on random graph ${seed}`, async () => {
      const c = randomCase(seed);
      await writeFixture(driver, c.fixture);
      checkCase(c, await apiFigures(c.companies), `seed ${seed}`);
      // The graph is not trivial: some company has an owner reached over two or more edges.
      const figures = await apiFigures(c.companies);
      assert.ok([...figures.values()].some((f) => f.ultimateOwners.some((u: any) => u.paths.some((p: unknown[]) => p.length > 2))), `seed ${seed} has no indirect ownership`);
    });
  }
});
