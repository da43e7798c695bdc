// Plans every named query once, so that the first real request does not pay for Cypher planning
// (a second or more for the larger statements on a busy machine, counted in the read timeout).
// Each query runs with ids that match nothing and the parameter types real requests use: the
// plan cache keys on them (an empty list is not a list of strings).
import neo4j, { type Driver } from 'neo4j-driver';
import * as awards from './awards.ts';
import * as companies from './companies.ts';
import * as documents from './documents.ts';
import * as ownership from './ownership.ts';
import * as projects from './projects.ts';
import * as regions from './regions.ts';
import * as restrictions from './restrictions.ts';
import * as search from './search.ts';
import type { NamedQuery } from './reader.ts';

const SAMPLE: Record<string, unknown> = {
  ids: ['bidgraph-warm-up'],
  companyIds: ['bidgraph-warm-up'],
  limit: neo4j.int(1),
  afterDate: null,
  afterId: null,
  from: null,
  to: null,
  regionCode: null,
  minShare: 50.0,
  threshold: 50.0,
  includeSubregions: true,
  uscc: '',
  usccs: [''],
  key: '',
  keys: [{ key: 'bidgraph-warm-up', lucene: '"bidgraph-warm-up"' }],
  lucene: '"bidgraph-warm-up"',
};

export function namedQueries(): NamedQuery<object, unknown>[] {
  const all: NamedQuery<object, unknown>[] = [];
  for (const mod of [awards, companies, documents, ownership, projects, regions, restrictions, search]) {
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && 'cypher' in value && 'name' in value) all.push(value as NamedQuery<object, unknown>);
    }
  }
  return all;
}

function paramsOf(cypher: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [, name] of cypher.matchAll(/\$(\w+)/g)) params[name] = name in SAMPLE ? SAMPLE[name] : null;
  return params;
}

export interface WarmUpOptions {
  /** Server-side timeout of each query; none by default. */
  timeoutMs?: number;
  /** No new query is started past this many milliseconds; the rest stay cold. None by default. */
  deadlineMs?: number;
}

/** Runs every named query once (two at a time); returns how many were planned and how long it took. */
export async function warmUp(driver: Driver, database?: string, opts: WarmUpOptions = {}): Promise<{ queries: number; millis: number }> {
  const t0 = Date.now();
  const queue = namedQueries();
  const total = queue.length;
  let planned = 0;
  const worker = async () => {
    for (let q = queue.shift(); q; q = queue.shift()) {
      if (opts.deadlineMs !== undefined && Date.now() - t0 > opts.deadlineMs) return;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run(q.cypher, paramsOf(q.cypher)), opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined);
        planned++;
      } finally {
        await session.close();
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return { queries: opts.deadlineMs === undefined ? total : planned, millis: Date.now() - t0 };
}
