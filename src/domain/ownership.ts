// Effective ownership over an in-memory edge list: the reference implementation that the
// database traversal is tested against.
//
// Algorithm (the same one the Cypher version must reproduce):
//  1. Walk upwards from the target, depth first, along SIMPLE paths only: no node appears twice on
//     a path (the target included), and a path has at most `maxDepth` edges (default 10).
//  2. Every path owner → … → target contributes the product of its edge shares (as fractions).
//     A party's effective share is the sum of the contributions of all its paths.
//  3. Ranges travel as [min, max]: an exact edge is [s, s], a range edge [min ?? 0, max ?? 100], an
//     edge with no share at all [0, 100]. Path bounds are the products of the edge bounds; a
//     party's bounds are the sums over its paths, the upper bound capped at 100 (never below the
//     lower bound). `share` is exact only when every edge on every contributing path is exact.
//  4. Figures are rounded to 1e-6 of a percent at the very end, never in between.
//
// Why simple paths rather than the matrix (I − A)⁻¹: each contribution is a listable path, which is
// the evidence a reader needs; it always terminates; and it is what a Cypher path match with a
// node-uniqueness predicate returns. The matrix form also counts walks round a cycle (A→B→A→B…),
// an infinite series that diverges on bad data whose shares add up to more than 100. On acyclic
// graphs the two are identical (every walk is a simple path); on cycles the simple-path figure is
// the direct part only (see the cycle test for both figures worked out by hand).

export interface OwnershipEdge {
  owner: string;
  owned: string;
  share: number | null;
  shareMin: number | null;
  shareMax: number | null;
}

export type EdgesInto = (id: string) => OwnershipEdge[];

export interface OwnershipOptions {
  /** Longest path followed, in edges. Default 10. */
  maxDepth?: number;
  /** Report only parties whose effective share may reach this percent (upper bound ≥ minShare). Default 0. */
  minShare?: number;
  /** Stop enumerating after this many paths (the walk says so). Default 100 000. */
  maxPaths?: number;
  /** Natural persons: always ultimate owners, and never walked above. */
  isPerson?: (id: string) => boolean;
}

export interface ShareRange {
  share: number | null;
  min: number;
  max: number;
}

export interface UltimateOwnerResult {
  owner: string;
  effectiveShare: number | null;
  effectiveShareMin: number;
  effectiveShareMax: number;
  /** Each path runs owner … target. */
  paths: string[][];
}

export interface AncestorShare extends ShareRange {
  paths: string[][];
  /** The party has no known owner (within the data given). */
  root: boolean;
}

export interface OwnershipWalk {
  target: string;
  ancestors: Map<string, AncestorShare>;
  /** Some path was cut at maxDepth although its top still has owners. */
  depthLimited: boolean;
  /** Enumeration stopped at maxPaths: figures are lower bounds. */
  pathLimited: boolean;
}

const DEFAULT_MAX_DEPTH = 10;
const DEFAULT_MAX_PATHS = 100_000;

interface Accumulator {
  lo: number;
  hi: number;
  exact: boolean;
  paths: string[][];
}

interface RawWalk {
  acc: Map<string, Accumulator>;
  isRoot: (id: string) => boolean;
  depthLimited: boolean;
  pathLimited: boolean;
}

interface WalkSettings {
  maxDepth: number;
  maxPaths: number;
  /** Contributions are recorded for a node, but the walk goes no higher. */
  stopAt: (id: string) => boolean;
}

/** Bounds of one edge as fractions of 1, and whether the share is exact. */
function edgeBounds(edge: OwnershipEdge): { lo: number; hi: number; exact: boolean } {
  if (edge.share !== null) return { lo: edge.share / 100, hi: edge.share / 100, exact: true };
  const lo = (edge.shareMin ?? 0) / 100;
  const hi = (edge.shareMax ?? 100) / 100;
  return { lo, hi, exact: false };
}

function roundPercent(fraction: number): number {
  // As src/graph/fragments.ts PERCENT: one product, so both round ties the same way.
  return Math.round(fraction * 1e8) / 1e6;
}

function toRange(acc: Accumulator): ShareRange {
  const min = roundPercent(acc.lo);
  const max = Math.max(Math.min(roundPercent(acc.hi), 100), min);
  return { share: acc.exact ? min : null, min, max };
}

function walk(target: string, edgesInto: EdgesInto, settings: WalkSettings): RawWalk {
  const cache = new Map<string, OwnershipEdge[]>();
  const owners = (id: string): OwnershipEdge[] => {
    let edges = cache.get(id);
    if (!edges) {
      edges = edgesInto(id).filter((e) => e.owned === id && e.owner !== id);
      cache.set(id, edges);
    }
    return edges;
  };
  const acc = new Map<string, Accumulator>();
  const onPath = new Set<string>([target]);
  const path: string[] = [target]; // target … current, reversed when reported
  let depthLimited = false;
  let pathCount = 0;
  let pathLimited = false;

  const visit = (node: string, lo: number, hi: number, exact: boolean): void => {
    if (path.length - 1 >= settings.maxDepth) {
      if (owners(node).some((e) => !onPath.has(e.owner))) depthLimited = true;
      return;
    }
    for (const edge of owners(node)) {
      if (onPath.has(edge.owner)) continue; // a cycle: simple paths never revisit a node
      if (pathCount >= settings.maxPaths) {
        pathLimited = true;
        return;
      }
      pathCount++;
      const b = edgeBounds(edge);
      const pLo = lo * b.lo;
      const pHi = hi * b.hi;
      const pExact = exact && b.exact;
      const a = acc.get(edge.owner) ?? { lo: 0, hi: 0, exact: true, paths: [] };
      a.lo += pLo;
      a.hi += pHi;
      a.exact &&= pExact;
      a.paths.push([edge.owner, ...path.slice().reverse()]);
      acc.set(edge.owner, a);
      if (settings.stopAt(edge.owner)) continue;
      onPath.add(edge.owner);
      path.push(edge.owner);
      visit(edge.owner, pLo, pHi, pExact);
      path.pop();
      onPath.delete(edge.owner);
    }
  };
  visit(target, 1, 1, true);
  return { acc, isRoot: (id) => owners(id).length === 0, depthLimited, pathLimited };
}

function settingsFrom(opts: OwnershipOptions | undefined, stopAt: (id: string) => boolean): WalkSettings {
  return {
    maxDepth: opts?.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxPaths: opts?.maxPaths ?? DEFAULT_MAX_PATHS,
    stopAt,
  };
}

/** The full walk: every ancestor with its share range, paths and root flag, plus truncation flags. */
export function walkOwnership(target: string, edgesInto: EdgesInto, opts?: OwnershipOptions): OwnershipWalk {
  const isPerson = opts?.isPerson ?? (() => false);
  const raw = walk(target, edgesInto, settingsFrom(opts, isPerson));
  const ancestors = new Map<string, AncestorShare>();
  for (const [id, a] of raw.acc) {
    ancestors.set(id, { ...toRange(a), paths: a.paths, root: raw.isRoot(id) });
  }
  return { target, ancestors, depthLimited: raw.depthLimited, pathLimited: raw.pathLimited };
}

function byShareDesc(a: [string, ShareRange], b: [string, ShareRange]): number {
  return b[1].max - a[1].max || b[1].min - a[1].min || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** Effective share of every ancestor of the target (the target itself excluded). */
export function effectiveShares(
  target: string,
  edgesInto: EdgesInto,
  opts?: OwnershipOptions,
): Map<string, ShareRange> {
  const minShare = opts?.minShare ?? 0;
  const { ancestors } = walkOwnership(target, edgesInto, opts);
  const rows: [string, ShareRange][] = [...ancestors]
    .filter(([, a]) => a.max >= minShare)
    .map(([id, a]) => [id, { share: a.share, min: a.min, max: a.max }]);
  return new Map(rows.sort(byShareDesc));
}

/**
 * Ultimate owners: ancestors with no known owner (roots) and natural persons (opts.isPerson), with
 * their effective shares and the paths that carry them. Sorted by upper bound, largest first.
 */
export function ultimateOwners(
  target: string,
  edgesInto: EdgesInto,
  opts?: OwnershipOptions,
): UltimateOwnerResult[] {
  const minShare = opts?.minShare ?? 0;
  const isPerson = opts?.isPerson ?? (() => false);
  const { ancestors } = walkOwnership(target, edgesInto, opts);
  return [...ancestors]
    .filter(([id, a]) => (a.root || isPerson(id)) && a.max >= minShare)
    .sort(byShareDesc)
    .map(([id, a]) => ({
      owner: id,
      effectiveShare: a.share,
      effectiveShareMin: a.min,
      effectiveShareMax: a.max,
      paths: a.paths,
    }));
}

/**
 * The share of the target held by the state: the sum, over simple paths, of the path products
 * ending at a state body, where each path stops at the FIRST state body met going up. A state
 * body's holding counts once, whoever sits above it (SASAC above CETC is not counted again), and a
 * state body part-owned by another state body still counts in full.
 * Returns null when no state body is reached; 100 when the target is itself a state body.
 */
export function stateShare(
  target: string,
  edgesInto: EdgesInto,
  isState: (id: string) => boolean,
  opts?: OwnershipOptions,
): ShareRange | null {
  if (isState(target)) return { share: 100, min: 100, max: 100 };
  const isPerson = opts?.isPerson ?? (() => false);
  const { acc } = walk(target, edgesInto, settingsFrom(opts, (id) => isState(id) || isPerson(id)));
  const sum: Accumulator = { lo: 0, hi: 0, exact: true, paths: [] };
  let found = false;
  for (const [id, a] of acc) {
    if (!isState(id)) continue;
    found = true;
    sum.lo += a.lo;
    sum.hi += a.hi;
    sum.exact &&= a.exact;
  }
  return found ? toRange(sum) : null;
}

export interface ControllingParty {
  owner: string;
  /** The exact effective share, or its lower bound when a range is involved. */
  effectiveShare: number;
  /** The party's direct holding alone reaches the threshold. */
  direct: boolean;
}

/**
 * Parties holding at least `threshold` percent of the target, directly or through others. Only
 * certain control is reported: with ranges, the lower bound must reach the threshold.
 */
export function controllingParties(
  target: string,
  edgesInto: EdgesInto,
  threshold = 50,
  opts?: OwnershipOptions,
): ControllingParty[] {
  const directMin = new Map<string, number>();
  for (const edge of edgesInto(target)) {
    if (edge.owned !== target || edge.owner === target) continue;
    const lo = edgeBounds(edge).lo * 100;
    directMin.set(edge.owner, (directMin.get(edge.owner) ?? 0) + lo);
  }
  return [...effectiveShares(target, edgesInto, opts)]
    .filter(([, s]) => s.min >= threshold)
    .map(([id, s]) => ({
      owner: id,
      effectiveShare: s.share ?? s.min,
      direct: roundPercent((directMin.get(id) ?? 0) / 100) >= threshold,
    }));
}
