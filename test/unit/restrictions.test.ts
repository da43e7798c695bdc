// The ownership rule as a fixpoint: OFAC's three worked examples (FAQ 401) as golden cases, ranges,
// cycles, branches, rule dates and the rules file's checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeRestrictions, type HoldingFact, type ListingFact, type Restriction } from '../../src/domain/restrictions.ts';
import { parseRestrictionRules, RulesError, ruleInForce } from '../../src/domain/restriction-rules.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rulesFile = path.join(root, 'schema/restriction-rules.json');
const rules = parseRestrictionRules(fs.readFileSync(rulesFile, 'utf8'), rulesFile);

/** owner→owned share, or [min, max]. */
function graph(edges: [string, string, number | [number, number]][], branches: [string, string][] = []) {
  const by = new Map<string, HoldingFact[]>();
  for (const [o, c, s] of edges) {
    const [min, max] = Array.isArray(s) ? s : [s, s];
    by.set(o, [...(by.get(o) ?? []), { ownerId: o, ownedId: c, share: Array.isArray(s) ? null : s, min, max, sha256: null, asOf: null }]);
  }
  const br = new Map<string, string[]>();
  for (const [b, p] of branches) br.set(p, [...(br.get(p) ?? []), b]);
  let calls = 0;
  return {
    holdingsBy: (ids: string[]) => {
      calls++;
      return new Map(ids.map((id) => [id, by.get(id) ?? []]));
    },
    branchesOf: (ids: string[]) => new Map(ids.map((id) => [id, br.get(id) ?? []])),
    calls: () => calls,
  };
}

const listed = (companyId: string, list = 'us_ofac_sdn', listedOn: string | null = '2020-01-01', delistedOn: string | null = null): ListingFact => ({ companyId, list, entryId: `e:${companyId}:${list}`, listedOn, delistedOn, endedOn: null });
const one = (m: Map<string, Restriction[]>, id: string, list = 'us_ofac_sdn') => m.get(id)?.find((r) => r.list === list);
const explained = (r: Restriction | undefined) => r?.holdings.map((h) => `${h.ownerId} ${h.min}% of ${h.ownedId}`);
const pathText = (r: Restriction | undefined) => r?.paths.map((p) => [p[0].ownerId, ...p.map((s) => s.ownedId)].join('→'));

test('OFAC example 1: X owns 50% of A, A owns 50% of B: B is blocked through A', async () => {
  const m = await computeRestrictions(rules, [listed('X')], '2024-01-01', graph([['X', 'A', 50], ['A', 'B', 50]]));
  assert.equal(one(m, 'X')?.status, 'LISTED');
  assert.equal(one(m, 'A')?.status, 'OWNED');
  const b = one(m, 'B');
  assert.equal(b?.status, 'OWNED');
  assert.equal(b?.rule, 'OFAC 50 percent rule');
  assert.deepEqual(explained(b), ['A 50% of B']);
  assert.equal(b?.aggregateMin, 50);
  assert.deepEqual(pathText(b), ['X→A→B']);
});

test('OFAC example 2: X owns 50% of A and of B, A and B each 25% of C: B is blocked, and C by 25 + 25', async () => {
  const m = await computeRestrictions(rules, [listed('X')], '2024-01-01', graph([['X', 'A', 50], ['X', 'B', 50], ['A', 'C', 25], ['B', 'C', 25]]));
  const b = one(m, 'B');
  assert.equal(b?.status, 'OWNED');
  assert.deepEqual(explained(b), ['X 50% of B']);
  const c = one(m, 'C');
  assert.equal(c?.status, 'OWNED');
  assert.deepEqual(explained(c), ['A 25% of C', 'B 25% of C']);
  assert.equal(c?.aggregateMin, 50);
  assert.deepEqual(pathText(c), ['X→A→C', 'X→B→C']);
});

test('OFAC example 3: X owns 50% of A and 10% of B, A owns 40% of B: B is blocked by 10 + 40, not by a product', async () => {
  const m = await computeRestrictions(rules, [listed('X')], '2024-01-01', graph([['X', 'A', 50], ['X', 'B', 10], ['A', 'B', 40]]));
  const b = one(m, 'B');
  assert.equal(b?.status, 'OWNED');
  assert.deepEqual(explained(b), ['A 40% of B', 'X 10% of B']);
  assert.equal(b?.aggregateMin, 50);
  assert.deepEqual(pathText(b), ['X→A→B', 'X→B']);
});

test('below the threshold nothing is caught; unrelated holdings do not count', async () => {
  const m = await computeRestrictions(rules, [listed('X')], '2024-01-01', graph([['X', 'A', 49.99], ['P', 'A', 30]]));
  assert.equal(one(m, 'A'), undefined);
});

test('ranges: caught for sure when the minimum reaches 50, possibly when only the maximum does', async () => {
  const m = await computeRestrictions(rules, [listed('X')], '2024-01-01', graph([['X', 'A', [40, 60]], ['X', 'B', [50, 70]], ['A', 'C', 60]]));
  assert.equal(one(m, 'A')?.status, 'POSSIBLY_OWNED');
  assert.deepEqual([one(m, 'A')?.aggregateMin, one(m, 'A')?.aggregateMax], [40, 60]);
  assert.equal(one(m, 'B')?.status, 'OWNED');
  assert.deepEqual([one(m, 'B')?.aggregateMin, one(m, 'B')?.aggregateMax], [50, 70]);
  // C is held 60% by A, which is only possibly caught: C is possibly caught too.
  assert.equal(one(m, 'C')?.status, 'POSSIBLY_OWNED');
  assert.deepEqual(pathText(one(m, 'C')), ['X→A→C']);
});

test('a cycle ends: each company is caught once, and paths never loop', async () => {
  const g = graph([['X', 'A', 60], ['A', 'B', 30], ['B', 'A', 20], ['X', 'B', 25]]);
  const m = await computeRestrictions(rules, [listed('X')], '2024-01-01', g);
  assert.equal(one(m, 'A')?.status, 'OWNED');
  assert.equal(one(m, 'B')?.status, 'OWNED');
  assert.deepEqual(explained(one(m, 'B')), ['A 30% of B', 'X 25% of B']);
  for (const p of one(m, 'B')!.paths) assert.equal(new Set(p.map((s) => s.ownedId)).size, p.length);
  assert.ok(g.calls() <= 4);
});

test('a branch carries its parent\u2019s listing and restrictions, with the branch step in the path', async () => {
  const m = await computeRestrictions(rules, [listed('X')], '2024-01-01', graph([['X', 'A', 100]], [['A-branch', 'A'], ['X-branch', 'X']]));
  assert.equal(one(m, 'X-branch')?.status, 'LISTED');
  const br = one(m, 'A-branch');
  assert.equal(br?.status, 'OWNED');
  assert.deepEqual(pathText(br), ['X→A→A-branch']);
  assert.equal(br?.paths[0].at(-1)?.branch, true);
});

test('Entity List affiliates rule: in force on 2025-10-15, suspended on 2026-01-15, back on 2026-11-10; NS-CMIC has none', async () => {
  const g = graph([['H', 'S', 100]]);
  const list = [listed('H', 'us_bis_entity_list', '2019-10-09'), listed('H', 'us_ofac_ns_cmic', '2021-06-03')];
  const during = await computeRestrictions(rules, list, '2025-10-15', g);
  assert.equal(one(during, 'S', 'us_bis_entity_list')?.status, 'OWNED');
  assert.equal(one(during, 'S', 'us_bis_entity_list')?.rule, 'BIS affiliates rule');
  assert.equal(one(during, 'S', 'us_ofac_ns_cmic'), undefined);
  const suspended = await computeRestrictions(rules, list, '2026-01-15', g);
  assert.equal(suspended.get('S'), undefined);
  assert.deepEqual(suspended.get('H')?.map((r) => [r.list, r.status]), [['us_bis_entity_list', 'LISTED'], ['us_ofac_ns_cmic', 'LISTED']]);
  const back = await computeRestrictions(rules, list, '2026-11-10', g);
  assert.equal(one(back, 'S', 'us_bis_entity_list')?.status, 'OWNED');
  const before = await computeRestrictions(rules, list, '2025-09-28', g);
  assert.equal(before.get('S'), undefined);
});

test('a listing counts from its date and until its delisting', async () => {
  const list = [listed('X', 'us_ofac_sdn', '2021-06-03', '2026-02-01')];
  const g = graph([['X', 'A', 50]]);
  assert.equal((await computeRestrictions(rules, list, '2021-06-02', g)).size, 0);
  assert.equal(one(await computeRestrictions(rules, list, '2021-06-03', g), 'A')?.status, 'OWNED');
  assert.equal((await computeRestrictions(rules, list, '2026-02-01', g)).size, 0);
});

test('the rules file: dates as data, and errors that name the file and the field', () => {
  const el = rules.lists.get('us_bis_entity_list')!.rule!;
  assert.deepEqual([ruleInForce(el, '2025-09-29'), ruleInForce(el, '2025-11-09'), ruleInForce(el, '2025-11-10'), ruleInForce(el, '2026-11-09'), ruleInForce(el, '2026-11-10')], [true, true, false, false, true]);
  assert.equal(rules.lists.get('us_ofac_ns_cmic')!.rule, null);
  assert.equal(rules.lists.get('opensanctions:us_ofac_sdn')!.rule!.name, 'OFAC 50 percent rule');
  const bad = JSON.stringify({ lists: { a: { ownershipRule: { threshold: '50%', aggregation: 'avg', inForce: [{ from: '2025-13-01' }] } }, b: { title: 'x' }, c: { sameAs: 'nope' } } });
  assert.throws(() => parseRestrictionRules(bad, 'my-rules.json'), (err: unknown) => {
    assert.ok(err instanceof RulesError);
    assert.deepEqual(err.problems, [
      'lists.a.ownershipRule.threshold must be a percent above 0 and at most 100 (got "50%")',
      'lists.a.ownershipRule.aggregation must be "sum" or "single" (got "avg")',
      'lists.a.ownershipRule.inForce[0].from must be a date YYYY-MM-DD or null (got "2025-13-01")',
      'lists.b.ownershipRule is missing (null for a list without one, or "sameAs": "<list id>")',
      'lists.c.sameAs names "nope", which is not a list with its own rule here',
    ]);
    assert.match(err.message, /^my-rules\.json: 5 problems/);
    return true;
  });
  assert.throws(() => parseRestrictionRules('{', 'r.json'), /^RulesError: r\.json: not JSON/);
});

test("a list's rule reaches only what its own parties reach; another list's holdings may add to theirs", async () => {
  // M is on the Military End-User list, whose holdings count for the Entity List's rule (and the other way round).
  const g = graph([['E', 'A', 30], ['M', 'A', 20], ['M', 'B', 60]]);
  const list = [listed('E', 'us_bis_entity_list'), listed('M', 'us_bis_meu')];
  const m = await computeRestrictions(rules, list, '2025-10-15', g);
  assert.deepEqual(m.get('A')?.map((r) => [r.list, r.status, r.aggregateMin]), [['us_bis_entity_list', 'OWNED', 50], ['us_bis_meu', 'OWNED', 50]]);
  assert.deepEqual(m.get('B')?.map((r) => [r.list, r.status]), [['us_bis_meu', 'OWNED']]);
});
