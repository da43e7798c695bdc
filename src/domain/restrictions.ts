// Who a restriction list reaches on a date: its listed parties, and — where the list has an
// ownership rule in force — every company in which listed or caught parties hold, together, the
// threshold or more. A caught intermediate counts with its whole holding (OFAC FAQ 401: shares are
// not multiplied down), so this runs to a fixpoint, downwards from the listed parties, over
// whatever part of the ownership graph they reach; cycles end because a company is caught once.
// Share ranges travel as [min, max]: caught for sure when the minimum reaches the threshold
// (OWNED), possibly when only the maximum does (POSSIBLY_OWNED). A branch (分公司) is part of its
// parent: it carries the parent's status. Pure: holdings and branches come from callbacks.
import type { OwnershipRule, RestrictionRules } from './restriction-rules.ts';
import { ruleInForce, ruleOf } from './restriction-rules.ts';

export type RestrictionStatus = 'LISTED' | 'OWNED' | 'POSSIBLY_OWNED';

/** A company linked to a list entry. */
export interface ListingFact {
  companyId: string;
  list: string;
  entryId: string;
  listedOn: string | null;
  delistedOn: string | null;
  endedOn: string | null;
}

/** A direct holding, shares in percent; an exact share has min = max = share. */
export interface HoldingFact {
  ownerId: string;
  ownedId: string;
  share: number | null;
  min: number;
  max: number;
  sha256: string | null;
  asOf: string | null;
}

/** One link of an explanation: a holding, or a branch belonging to its parent (branch: true). */
export interface PathStep extends HoldingFact {
  branch: boolean;
}

export interface Restriction {
  companyId: string;
  list: string;
  status: RestrictionStatus;
  /** The rule that reaches the company; null for a listing. */
  rule: string | null;
  /** Sum of the holdings of caught owners: the minimum over caught-for-sure owners, the maximum over all. */
  aggregateMin: number | null;
  aggregateMax: number | null;
  /** The direct holdings that add up (the explanation), largest first. */
  holdings: HoldingFact[];
  /** From a listed party down to the company, each step with its share. */
  paths: PathStep[][];
  /** The listing entries (LISTED), the parent's when the company is a branch. */
  entryIds: string[];
}

export interface RestrictionSources {
  /** Direct holdings by each of these owners. */
  holdingsBy(ownerIds: string[]): Promise<Map<string, HoldingFact[]>> | Map<string, HoldingFact[]>;
  /** Branches (BRANCH_OF) of each of these companies. */
  branchesOf(ids: string[]): Promise<Map<string, string[]>> | Map<string, string[]>;
}

export interface RestrictionOptions {
  /** Most paths kept per company (the explanation, not an enumeration). Default 10. */
  maxPaths?: number;
}

const EPSILON = 1e-9;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A listing counts on `day` when listed by then and not delisted or ended before. */
export function listingActive(l: ListingFact, day: string): boolean {
  return (l.listedOn === null || l.listedOn <= day) && (l.delistedOn === null || day < l.delistedOn) && (l.endedOn === null || day <= l.endedOn);
}

interface Reach {
  sure: Map<string, number>;
  possible: Map<string, number>;
  minIn: Map<string, HoldingFact[]>;
  maxIn: Map<string, HoldingFact[]>;
}

/** The fixpoint for one rule, from its seeds. The maps hold the order in which companies were caught. */
async function reach(rule: OwnershipRule, seeds: Set<string>, sources: RestrictionSources, edges: Map<string, HoldingFact[]>): Promise<Reach> {
  const r: Reach = { sure: new Map(), possible: new Map(), minIn: new Map(), maxIn: new Map() };
  const minSum = new Map<string, number>();
  const maxSum = new Map<string, number>();
  let step = 0;
  let queue: { id: string; sure: boolean }[] = [];
  const enter = (id: string, sure: boolean) => {
    if (!r.possible.has(id)) {
      r.possible.set(id, step);
      queue.push({ id, sure: false });
    }
    if (sure && !r.sure.has(id)) {
      r.sure.set(id, step);
      queue.push({ id, sure: true });
    }
  };
  for (const s of seeds) enter(s, true);
  const aggregate = (sum: Map<string, number>, id: string, add: number) => {
    const next = rule.aggregation === 'sum' ? (sum.get(id) ?? 0) + add : Math.max(sum.get(id) ?? 0, add);
    sum.set(id, next);
    return next;
  };
  while (queue.length) {
    step++;
    const batch = queue;
    queue = [];
    const missing = [...new Set(batch.map((b) => b.id))].filter((id) => !edges.has(id));
    if (missing.length) {
      const got = await sources.holdingsBy(missing);
      for (const id of missing) edges.set(id, got.get(id) ?? []);
    }
    for (const { id, sure } of batch) {
      for (const h of edges.get(id) ?? []) {
        if (h.ownedId === id) continue;
        const into = sure ? r.minIn : r.maxIn;
        into.set(h.ownedId, [...(into.get(h.ownedId) ?? []), h]);
        const total = aggregate(sure ? minSum : maxSum, h.ownedId, sure ? h.min : h.max);
        if (total + EPSILON >= rule.threshold) enter(h.ownedId, sure);
      }
    }
  }
  return r;
}

/** Caught companies reachable from these parties through the holdings that caught them. */
function downstream(from: string[], r: Reach): Set<string> {
  const out = new Map<string, string[]>();
  for (const ins of [r.minIn, r.maxIn]) for (const hs of ins.values()) for (const h of hs) out.set(h.ownerId, [...(out.get(h.ownerId) ?? []), h.ownedId]);
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length) {
    for (const next of out.get(stack.pop()!) ?? []) {
      if (!seen.has(next) && r.possible.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Paths from seeds down to `target` through holdings whose owner was caught earlier (so no cycle). */
function pathsTo(target: string, incoming: Map<string, HoldingFact[]>, order: Map<string, number>, seeds: Set<string>, max: number): PathStep[][] {
  const out: PathStep[][] = [];
  const walk = (id: string, below: PathStep[]) => {
    if (out.length >= max) return;
    if (seeds.has(id) && below.length > 0) {
      out.push(below);
      return;
    }
    const mine = order.get(id) ?? Infinity;
    const ins = (incoming.get(id) ?? []).filter((h) => (order.get(h.ownerId) ?? Infinity) < mine).sort((a, b) => b.max - a.max || a.ownerId.localeCompare(b.ownerId));
    for (const h of ins) walk(h.ownerId, [{ ...h, branch: false }, ...below]);
  };
  walk(target, []);
  return out;
}

/**
 * Every company each list reaches on `asOf`, by company id. One Restriction per list that reaches
 * the company; branches carry their parent's.
 */
export async function computeRestrictions(
  rules: RestrictionRules,
  listings: readonly ListingFact[],
  asOf: string,
  sources: RestrictionSources,
  opts: RestrictionOptions = {},
): Promise<Map<string, Restriction[]>> {
  const maxPaths = opts.maxPaths ?? 10;
  const active = listings.filter((l) => listingActive(l, asOf));
  const listedOn = new Map<string, Map<string, string[]>>();
  for (const l of active) {
    const byCompany = listedOn.get(l.list) ?? new Map<string, string[]>();
    byCompany.set(l.companyId, [...(byCompany.get(l.companyId) ?? []), l.entryId]);
    listedOn.set(l.list, byCompany);
  }
  const results = new Map<string, Restriction[]>();
  const add = (r: Restriction) => results.set(r.companyId, [...(results.get(r.companyId) ?? []), r]);
  const edges = new Map<string, HoldingFact[]>();
  const lists = [...listedOn.keys(), ...[...rules.lists.keys()].filter((l) => !listedOn.has(l))].sort();
  for (const list of lists) {
    const own = listedOn.get(list) ?? new Map<string, string[]>();
    for (const [companyId, entryIds] of own) {
      add({ companyId, list, status: 'LISTED', rule: null, aggregateMin: null, aggregateMax: null, holdings: [], paths: [], entryIds: [...new Set(entryIds)].sort() });
    }
    const rule = ruleOf(rules, list);
    // A list's rule reaches only what its own parties reach, though others' holdings may add to theirs.
    if (!rule || !ruleInForce(rule, asOf) || own.size === 0) continue;
    const seeds = new Set(rule.countsHoldingsOf.flatMap((l) => [...(listedOn.get(l)?.keys() ?? [])]));
    for (const id of own.keys()) seeds.add(id);
    const r = await reach(rule, seeds, sources, edges);
    const reached = downstream([...own.keys()], r);
    for (const id of r.possible.keys()) {
      if (seeds.has(id) || !reached.has(id)) continue;
      const sure = r.sure.has(id);
      const minIn = (r.minIn.get(id) ?? []).filter((h) => r.sure.has(h.ownerId));
      const maxIn = r.maxIn.get(id) ?? [];
      const sum = (hs: HoldingFact[], pick: (h: HoldingFact) => number) => round(rule.aggregation === 'sum' ? hs.reduce((s, h) => s + pick(h), 0) : Math.max(0, ...hs.map(pick)));
      const holdings = (sure ? minIn : maxIn).slice().sort((a, b) => b.max - a.max || a.ownerId.localeCompare(b.ownerId));
      add({
        companyId: id,
        list,
        status: sure ? 'OWNED' : 'POSSIBLY_OWNED',
        rule: rule.name,
        aggregateMin: sum(minIn, (h) => h.min),
        aggregateMax: Math.min(100, sum(maxIn, (h) => h.max)),
        holdings,
        paths: pathsTo(id, sure ? r.minIn : r.maxIn, sure ? r.sure : r.possible, seeds, maxPaths),
        entryIds: [],
      });
    }
  }
  // Branches share their parent's listings and restrictions.
  const parents = [...results.keys()];
  if (parents.length) {
    const branches = await sources.branchesOf(parents);
    for (const parent of parents) {
      for (const branch of branches.get(parent) ?? []) {
        const own = new Set((results.get(branch) ?? []).map((r) => r.list));
        for (const r of results.get(parent) ?? []) {
          if (own.has(r.list)) continue;
          const step: PathStep = { ownerId: parent, ownedId: branch, share: null, min: 100, max: 100, sha256: null, asOf: null, branch: true };
          add({ ...r, companyId: branch, paths: r.paths.length ? r.paths.map((p) => [...p, step]) : [[step]] });
        }
      }
    }
  }
  for (const list of results.values()) list.sort((a, b) => a.list.localeCompare(b.list));
  return results;
}
