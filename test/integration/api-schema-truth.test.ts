// The schema tells the truth (issue 14): a graph ingested through the real pipeline from the samples
// (and the shared corpus of real notices, when present) is walked through the API, every entity from
// every root, every field the schema declares down to three levels of objects; no answer may carry an
// error, so no field the schema calls non-null is null in the data (a null there would also null
// its parent: `region: null`, `company: null`, which reads as "not found").
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildASTSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Driver } from 'neo4j-driver';
import { ingest } from '../../ingest/pipeline.ts';
import { repoRoot } from '../../src/config.ts';
import { typeDefs } from '../../src/api/server.ts';
import { refreshAwardRollups } from '../../src/graph/rollups.ts';
import { warmUp } from '../../src/graph/warmup.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { graphql, testApi } from '../support/api-fixtures.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const schema: GraphQLSchema = buildASTSchema(typeDefs(false));
const LEVELS = 2;
const CHUNK = 20;

let driver: Driver;
let home: string;

/**
 * Every field without required arguments, objects down to `levels`, both members of a union. A type
 * already expanded on the way down gets its scalars only: its objects were walked where it was
 * first met (every type is met fully from some root), and ownership walks do not multiply.
 */
export function selectionOf(type: GraphQLNamedType, levels: number, expanded: ReadonlySet<string> = new Set()): string {
  if (isUnionType(type)) {
    return `__typename ${type.getTypes().map((member) => `... on ${member.name} { ${selectionOf(member, levels, expanded)} }`).join(' ')}`;
  }
  if (!isObjectType(type)) return '';
  const deeper = expanded.has(type.name) ? -1 : levels;
  const inner = new Set(expanded).add(type.name);
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (deeper > 0) parts.push(`${field.name} { ${selectionOf(named, deeper - 1, inner)} }`);
  }
  return parts.length ? parts.join(' ') : '__typename';
}

interface Root {
  field: string;
  argument: string;
  type: string;
  keys: string;
}

/** The roots, and the Cypher that lists every key they are asked by. */
const ROOTS: Root[] = [
  { field: 'company', argument: 'id', type: 'Company', keys: 'MATCH (x:Company) RETURN x.id AS key' },
  { field: 'person', argument: 'id', type: 'Person', keys: 'MATCH (x:Person) RETURN x.id AS key' },
  { field: 'project', argument: 'id', type: 'Project', keys: 'MATCH (x:Project) RETURN x.id AS key' },
  { field: 'award', argument: 'id', type: 'Award', keys: 'MATCH (x:Award) RETURN x.id AS key' },
  { field: 'document', argument: 'sha256', type: 'Document', keys: 'MATCH (x:Document) RETURN x.sha256 AS key' },
  { field: 'region', argument: 'code', type: 'Region', keys: 'MATCH (x:Region)<-[:IN_REGION]-(:Project) RETURN DISTINCT x.code AS key' },
];

async function keysOf(root: Root): Promise<string[]> {
  const res = await driver.executeQuery(`${root.keys} ORDER BY key`, {}, { database: testConfig.neo4j.database });
  return res.records.map((r) => String(r.get('key')));
}

interface Walked {
  /** Entities asked for, per root. */
  asked: Record<string, number>;
  /** Every error, as "message at path". */
  errors: string[];
  /** Roots that answered null for a key the graph holds. */
  missing: string[];
}

/** Asks the API for every entity of every root with every field; returns what went wrong. */
async function walk(): Promise<Walked> {
  // Limits lifted: this walk asks for far more than any client may.
  const api = testApi({
    driver,
    limits: { maxCost: 1e12, maxFields: 1e7, maxAliases: 1e5, maxRootFields: 1e5, maxTokens: 1e7, maxDepth: 50, maxNesting: 500 },
  });
  await warmUp(driver, testConfig.neo4j.database);
  const out: Walked = { asked: {}, errors: [], missing: [] };
  for (const root of ROOTS) {
    const keys = await keysOf(root);
    out.asked[root.field] = keys.length;
    const type = schema.getType(root.type) as GraphQLNamedType;
    const selection = selectionOf(type, LEVELS);
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      const query = `{ ${chunk.map((key, j) => `k${j}: ${root.field}(${root.argument}: ${JSON.stringify(key)}) { ${selection} }`).join(' ')} }`;
      const res = await graphql(api, query);
      for (const e of res.body.errors ?? []) {
        const at = (e.path ?? []).map((p, n) => (n === 0 ? `${root.field}(${chunk[Number(String(p).slice(1))]})` : String(p))).join('.');
        out.errors.push(`${e.message} at ${at}`);
      }
      chunk.forEach((key, j) => {
        if (res.body.data?.[`k${j}`] === null && !(res.body.errors ?? []).some((e) => e.path?.[0] === `k${j}`)) out.missing.push(`${root.field}(${key})`);
      });
    }
  }
  return out;
}

/** Errors of one kind reported once, with how often they came. */
function summary(errors: string[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const kind = e.replace(/\(.*?\)/g, '(…)').replace(/\.\d+\./g, '.N.');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join('\n');
}

async function ingestInto(inputs: string[]): Promise<void> {
  const result = await ingest({ inputs, driver, database: testConfig.neo4j.database, home, concurrency: 2 });
  assert.ok(result.ok > 0, 'nothing was ingested');
  // As `bidgraph ingest` does at the end: totals and rankings then read the rollups, not live sums.
  await refreshAwardRollups(driver, testConfig.neo4j.database);
}

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-schema-truth-'));
});

after(async () => {
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('the schema against the data', () => {
  it('builds a selection of every field of a type, both members of a union, objects to the depth asked', () => {
    // The scalars of a type, in the schema's order: what a type met again is asked for.
    const scalars = (name: string) =>
      Object.values((schema.getType(name) as GraphQLObjectType).getFields())
        .filter((f) => isLeafType(getNamedType(f.type)))
        .map((f) => f.name)
        .join(' ');
    const party = `__typename ... on Company { ${scalars('Company')} } ... on Person { ${scalars('Person')} }`;
    const holding = selectionOf(schema.getType('Holding') as GraphQLNamedType, 1);
    assert.ok(holding.startsWith(`owner { ${party} } owned { ${scalars('Company')} } share `), holding);
    assert.ok(holding.endsWith(`source { ${scalars('Document')} }`), holding);
    // A company under a company's holdings: its scalars only.
    const company = selectionOf(schema.getType('Company') as GraphQLNamedType, 2);
    assert.ok(company.includes(` owners { owner { ${party} } owned { ${scalars('Company')} } share `), company);
  });

  it('finds no null where the schema promises a value, in a graph of the samples', async () => {
    await ingestInto([path.join(repoRoot, 'samples')]);
    const walked = await walk();
    assert.ok(walked.asked.company > 10 && walked.asked.project >= 3 && walked.asked.award >= 3 && walked.asked.document >= 5, JSON.stringify(walked.asked));
    assert.equal(walked.errors.length, 0, summary(walked.errors));
    assert.deepEqual(walked.missing, []);
  });

  it('finds none either once the shared corpus of real notices is added', { skip: skipUnlessShared('real') }, async () => {
    const parts = ['real', 'real-more'].map((p) => sharedCorpus(p)).filter((d): d is string => d !== null);
    await ingestInto(parts);
    const walked = await walk();
    assert.ok(walked.asked.project > 50, JSON.stringify(walked.asked));
    assert.equal(walked.errors.length, 0, summary(walked.errors));
    assert.deepEqual(walked.missing, []);
  });
});
