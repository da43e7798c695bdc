// What every resolver gets: the request's graph reader and batchers, the limits, and whether the
// request carries the API token.
import type { Driver } from 'neo4j-driver';
import { Batcher, Loaders } from './batch.ts';
import type { QueryLimits } from './limits.ts';
import type { GraphReader } from '../graph/reader.ts';
import type { RestrictionCache } from '../graph/restrictions.ts';

export interface ApiContext {
  reader: GraphReader;
  loaders: Loaders;
  limits: QueryLimits;
  /** For the mutations, which write. */
  driver: Driver;
  database: string | undefined;
  timeoutMs: number;
  /** The request carried `Authorization: Bearer <BIDGRAPH_API_TOKEN>`. */
  authorized: boolean;
  /** Restrictions by date, shared by every request of the server (src/graph/restrictions.ts). */
  restrictions: RestrictionCache;
}

/** Loads one value for `key` through the request's batcher for this question and arguments. */
export function batched<V>(
  ctx: ApiContext,
  name: string,
  args: unknown,
  key: string,
  loadMany: (reader: GraphReader, keys: readonly string[]) => Promise<Map<string, V>>,
): Promise<V | undefined> {
  const batcher: Batcher<V> = ctx.loaders.get(name, args, (keys) => loadMany(ctx.reader, keys));
  return batcher.load(key);
}
