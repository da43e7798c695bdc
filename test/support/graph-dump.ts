// The whole graph as sorted lines: every node with its labels and properties, every relationship
// with its type, end keys and properties. Two graphs are the same when their dumps are equal.
import type { Driver } from 'neo4j-driver';
import { model } from '../../schema/model.ts';
import { testConfig } from './neo4j.ts';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** Every node as labels + properties, every relationship as type + end keys + properties; sorted. */
export async function dumpGraph(driver: Driver): Promise<string[]> {
  const keyOf = Object.fromEntries(Object.entries(model.nodes).map(([label, n]) => [label, n.key]));
  const db = { database: testConfig.neo4j.database };
  const nodes = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props', {}, db);
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a)[0] AS al, properties(a) AS ap, labels(b)[0] AS bl, properties(b) AS bp, properties(r) AS props',
    {},
    db,
  );
  // When the rollups were refreshed and the listings updated is bookkeeping, not a fact of the graph; so are
  // the days a list entry was first and last seen, which are the run's day when a list copy has no manifest.
  const bookkeeping: Record<string, Record<string, null>> = {
    RollupState: { refreshedAt: null },
    RestrictionState: { updatedAt: null },
    ListEntry: { firstSeenOn: null, lastSeenOn: null },
  };
  const factsOf = (labels: string[], props: Record<string, unknown>) =>
    labels.reduce((facts, label) => ({ ...facts, ...bookkeeping[label] }), props);
  const lines = nodes.records.map((r) => JSON.stringify(canonical({ labels: r.get('labels'), props: factsOf(r.get('labels'), r.get('props')) })));
  for (const r of rels.records) {
    const end = (label: string, props: Record<string, unknown>) => `${label}:${String(props[keyOf[label]])}`;
    // When a list entry was matched to a company (LISTS.at) is bookkeeping too: the link and its evidence are the facts.
    const props = r.get('type') === 'LISTS' ? { ...r.get('props'), at: null } : r.get('props');
    lines.push(JSON.stringify(canonical({ type: r.get('type'), from: end(r.get('al'), r.get('ap')), to: end(r.get('bl'), r.get('bp')), props })));
  }
  return lines.sort();
}
