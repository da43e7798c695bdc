import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  controllingParties,
  effectiveShares,
  stateShare,
  ultimateOwners,
  walkOwnership,
  type OwnershipEdge,
} from '../../src/domain/ownership.ts';

type Holding = [owner: string, owned: string, share: number | [number | null, number | null] | null];

function graph(holdings: Holding[]): (id: string) => OwnershipEdge[] {
  const edges: OwnershipEdge[] = holdings.map(([owner, owned, s]) =>
    Array.isArray(s)
      ? { owner, owned, share: null, shareMin: s[0], shareMax: s[1] }
      : { owner, owned, share: s, shareMin: s, shareMax: s },
  );
  return (id) => edges.filter((e) => e.owned === id);
}

const SASAC = '国务院国有资产监督管理委员会';
const CETC = '中国电子科技集团有限公司';
const CETHIK = '中电海康集团有限公司';
const CETC_INVEST = '中电科投资控股有限公司';
const CETC_52 = '中国电子科技集团公司第五十二研究所';
const HIKVISION = '杭州海康威视数字技术股份有限公司';
const GONG = '龚虹嘉';
const HKSCC = '香港中央结算有限公司';

const hikvisionCase = graph([
  [SASAC, CETC, 100],
  [CETC, CETHIK, 100],
  [CETC, CETC_INVEST, 100],
  [CETC, CETC_52, 100],
  [CETHIK, HIKVISION, 36.35],
  [CETC_INVEST, HIKVISION, 2.63],
  [CETC_52, HIKVISION, 1.96],
  [GONG, HIKVISION, 10.4],
  [HKSCC, HIKVISION, 8],
]);

test('chain: 60% of 50% is 30%', () => {
  const edges = graph([['R', 'X', 60], ['X', 'T', 50]]);
  assert.deepEqual(effectiveShares('T', edges), new Map([
    ['X', { share: 50, min: 50, max: 50 }],
    ['R', { share: 30, min: 30, max: 30 }],
  ]));
  assert.deepEqual(ultimateOwners('T', edges), [
    { owner: 'R', effectiveShare: 30, effectiveShareMin: 30, effectiveShareMax: 30, paths: [['R', 'X', 'T']] },
  ]);
});

test('diamond: the two paths add up', () => {
  // R→A→T = 60% × 50% = 30%; R→B→T = 40% × 25% = 10%; together 40%.
  const edges = graph([['R', 'A', 60], ['R', 'B', 40], ['A', 'T', 50], ['B', 'T', 25]]);
  const [r] = ultimateOwners('T', edges);
  assert.equal(r.owner, 'R');
  assert.equal(r.effectiveShare, 40);
  assert.deepEqual(r.paths, [['R', 'A', 'T'], ['R', 'B', 'T']]);
});

test('cycle: simple paths terminate and count each holding once', () => {
  // A owns 10% of B, B owns 20% of A, R owns 90% of A (A's recorded owners add up to 110%:
  // bad data as given; the parsers warn on such tables, the computation must still terminate).
  // Target B. Simple paths into B: A→B (10%), R→A→B (90% × 10% = 9%). B→A→B repeats B: excluded.
  //   A = 10%, R = 9%; R is the only root, so the only ultimate owner.
  // The matrix form (I − A)⁻¹ would also count the walks round the loop, ratio 10% × 20% = 2%:
  //   A = 10% / (1 − 0.02) = 10.204082%, R = 9% / 0.98 = 9.183673%. We deliberately do not.
  const edges = graph([['A', 'B', 10], ['B', 'A', 20], ['R', 'A', 90]]);
  assert.deepEqual(effectiveShares('B', edges), new Map([
    ['A', { share: 10, min: 10, max: 10 }],
    ['R', { share: 9, min: 9, max: 9 }],
  ]));
  assert.deepEqual(ultimateOwners('B', edges).map((u) => [u.owner, u.effectiveShare]), [['R', 9]]);
  // Target A: R→A (90%) and B→A (20%); A→B→A repeats A. R = 90%, B = 20%.
  assert.deepEqual(effectiveShares('A', edges), new Map([
    ['R', { share: 90, min: 90, max: 90 }],
    ['B', { share: 20, min: 20, max: 20 }],
  ]));
});

test('a cycle with no outside owner has no ultimate owner', () => {
  const edges = graph([['A', 'B', 50], ['B', 'A', 50]]);
  assert.deepEqual(ultimateOwners('B', edges), []);
  assert.deepEqual([...effectiveShares('B', edges).keys()], ['A']);
});

test('ranges travel as min and max; the exact figure is then null', () => {
  // R holds more than 25% and at most 50% of A; A holds exactly 60% of T: R holds 15%–30% of T.
  const edges = graph([['R', 'A', [25, 50]], ['A', 'T', 60], ['P', 'T', 5]]);
  assert.deepEqual(ultimateOwners('T', edges), [
    { owner: 'R', effectiveShare: null, effectiveShareMin: 15, effectiveShareMax: 30, paths: [['R', 'A', 'T']] },
    { owner: 'P', effectiveShare: 5, effectiveShareMin: 5, effectiveShareMax: 5, paths: [['P', 'T']] },
  ]);
});

test('an unknown share is the range 0–100, and an upper bound never passes 100', () => {
  // R→A unknown, A→T 80%: R in [0, 80]. R→B open above 50, B→T 70%: R in [35, 70].
  // Sum [35, 150], capped to [35, 100].
  const edges = graph([['R', 'A', null], ['A', 'T', 80], ['R', 'B', [50, null]], ['B', 'T', 70]]);
  const r = effectiveShares('T', edges).get('R');
  assert.deepEqual(r, { share: null, min: 35, max: 100 });
});

test('the depth bound cuts long chains and the walk says so', () => {
  // N12 → N11 → … → N1 → T, each 100%: 12 edges.
  const chain: Holding[] = [['N1', 'T', 100]];
  for (let i = 1; i < 12; i++) chain.push([`N${i + 1}`, `N${i}`, 100]);
  const edges = graph(chain);
  const cut = walkOwnership('T', edges);
  assert.equal(cut.depthLimited, true);
  assert.equal(cut.ancestors.size, 10);
  assert.equal(cut.ancestors.get('N10')?.root, false);
  assert.deepEqual(ultimateOwners('T', edges), []);
  const full = walkOwnership('T', edges, { maxDepth: 12 });
  assert.equal(full.depthLimited, false);
  assert.equal(full.ancestors.get('N12')?.root, true);
  assert.deepEqual(ultimateOwners('T', edges, { maxDepth: 12 }).map((u) => u.owner), ['N12']);
  assert.equal(walkOwnership('T', edges, { maxDepth: 3 }).ancestors.size, 3);
});

test('the path bound stops enumeration and the walk says so', () => {
  const edges = graph([['R', 'A', 50], ['R', 'B', 50], ['A', 'T', 50], ['B', 'T', 50]]);
  const walk = walkOwnership('T', edges, { maxPaths: 3 });
  assert.equal(walk.pathLimited, true);
  assert.equal(walkOwnership('T', edges).pathLimited, false);
});

test('minShare keeps only parties that may reach it', () => {
  const edges = graph([['R', 'T', 30], ['Q', 'T', 4], ['S', 'T', [1, 6]]]);
  assert.deepEqual(ultimateOwners('T', edges, { minShare: 5 }).map((u) => u.owner), ['R', 'S']);
  assert.deepEqual([...effectiveShares('T', edges, { minShare: 5 }).keys()], ['R', 'S']);
});

test('persons are ultimate owners and the walk does not go above them', () => {
  // Bad data gives the person an owner; the person still ends the chain.
  const edges = graph([['P', 'T', 40], ['X', 'P', 100]]);
  const isPerson = (id: string): boolean => id === 'P';
  assert.deepEqual(ultimateOwners('T', edges, { isPerson }).map((u) => [u.owner, u.effectiveShare]), [['P', 40]]);
  assert.deepEqual(ultimateOwners('T', edges).map((u) => u.owner), ['X']);
});

test('two holdings by the same owner in the same company add up', () => {
  const edges = graph([['R', 'T', 20], ['R', 'T', 5]]);
  assert.equal(ultimateOwners('T', edges)[0].effectiveShare, 25);
});

test('Hikvision: state share 40.94 through CETC, SASAC and a person among the ultimate owners', () => {
  const isState = (id: string): boolean => id === SASAC;
  const state = stateShare(HIKVISION, hikvisionCase, isState);
  assert.ok(state);
  assert.ok(Math.abs((state.share ?? NaN) - 40.94) < 1e-9);
  assert.deepEqual(state, { share: 40.94, min: 40.94, max: 40.94 });

  const isPerson = (id: string): boolean => id === GONG;
  const owners = ultimateOwners(HIKVISION, hikvisionCase, { isPerson });
  assert.deepEqual(owners.map((u) => [u.owner, u.effectiveShare]), [[SASAC, 40.94], [GONG, 10.4], [HKSCC, 8]]);
  assert.deepEqual(owners[0].paths, [
    [SASAC, CETC, CETHIK, HIKVISION],
    [SASAC, CETC, CETC_INVEST, HIKVISION],
    [SASAC, CETC, CETC_52, HIKVISION],
  ]);
  const shares = effectiveShares(HIKVISION, hikvisionCase);
  assert.equal(shares.get(CETC)?.share, 40.94);
  assert.equal(shares.get(CETHIK)?.share, 36.35);
  assert.equal(shares.size, 7);
});

test('the state share counts each state holding once', () => {
  // Marking CETC as state too must not add SASAC's share on top: paths stop at CETC.
  const both = (id: string): boolean => id === SASAC || id === CETC;
  assert.deepEqual(stateShare(HIKVISION, hikvisionCase, both), { share: 40.94, min: 40.94, max: 40.94 });
  // A state body part-owned by another still counts in full: S1 50% → S2 (state) 40% → T.
  const edges = graph([['S1', 'S2', 50], ['S2', 'T', 40], ['P', 'T', 10]]);
  const isState = (id: string): boolean => id === 'S1' || id === 'S2';
  assert.deepEqual(stateShare('T', edges, isState), { share: 40, min: 40, max: 40 });
  assert.equal(stateShare('T', edges, () => false), null);
  assert.deepEqual(stateShare('S2', edges, isState), { share: 100, min: 100, max: 100 });
});

test('controlling parties: direct and indirect holdings of at least the threshold', () => {
  assert.deepEqual(controllingParties(HIKVISION, hikvisionCase), []);
  assert.deepEqual(controllingParties(CETHIK, hikvisionCase), [
    { owner: CETC, effectiveShare: 100, direct: true },
    { owner: SASAC, effectiveShare: 100, direct: false },
  ]);
  assert.deepEqual(controllingParties(HIKVISION, hikvisionCase, 40), [
    { owner: CETC, effectiveShare: 40.94, direct: false },
    { owner: SASAC, effectiveShare: 40.94, direct: false },
  ]);
  // A range counts only when its lower bound reaches the threshold.
  const edges = graph([['R', 'T', [50, 75]], ['Q', 'T', [25, 60]]]);
  assert.deepEqual(controllingParties('T', edges), [{ owner: 'R', effectiveShare: 50, direct: true }]);
});

// An independent oracle for acyclic graphs: the matrix form (I − A)⁻¹, solved by back-substitution
// in topological order (owners have lower indices than what they own).
function matrixShares(n: number, a: number[][], target: number): number[] {
  const e = new Array<number>(n).fill(0);
  e[target] = 1;
  for (let i = target - 1; i >= 0; i--) {
    for (let j = i + 1; j <= target; j++) e[i] += a[i][j] * e[j];
  }
  return e.map((x) => Math.round(x * 100 * 1e6) / 1e6);
}

test('on acyclic graphs the simple-path sums equal the matrix form', () => {
  let seed = 20240611;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let round = 0; round < 20; round++) {
    const n = 9;
    const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const holdings: Holding[] = [];
    for (let j = 1; j < n; j++) {
      let left = 100;
      for (let i = 0; i < j; i++) {
        if (random() < 0.45) {
          const share = Math.round(random() * left * 100) / 100;
          left -= share;
          a[i][j] = share / 100;
          holdings.push([`n${i}`, `n${j}`, share]);
        }
      }
    }
    const target = n - 1;
    const expected = matrixShares(n, a, target);
    const actual = effectiveShares(`n${target}`, graph(holdings));
    for (let i = 0; i < target; i++) {
      const got = actual.get(`n${i}`);
      if (expected[i] === 0 && !got) continue;
      assert.ok(got, `round ${round}: n${i} missing`);
      assert.ok(Math.abs((got.share ?? NaN) - expected[i]) <= 1e-6, `round ${round}: n${i} ${got.share} vs ${expected[i]}`);
    }
  }
});
