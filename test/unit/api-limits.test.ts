// The API's pure parts: cost estimate, page sizes, cursors, Lucene escaping, bearer tokens, batching.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError, buildASTSchema, parse } from 'graphql';
import { Batcher } from '../../src/api/batch.ts';
import { estimateCost, pageSize } from '../../src/api/limits.ts';
import { bearerMatches } from '../../src/api/resolvers.ts';
import { typeDefs } from '../../src/api/server.ts';
import { decodeCursor, encodeCursor } from '../../src/graph/cursor.ts';
import { escapeLucene } from '../../src/graph/companies.ts';
import { searchQuery } from '../../src/graph/search.ts';

const schema = buildASTSchema(typeDefs(true));
const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), undefined, variables);

test('cost: object fields cost 1, scalars nothing, heavy fields their weight', () => {
  assert.equal(cost('{ company(id: "x") { id name } }'), 1);
  assert.equal(cost('{ company(id: "x") { stateShare } }'), 11);
  assert.equal(cost('{ company(id: "x") { ultimateOwners { effectiveShare } } }'), 1 + 20);
});

test('cost: lists multiply what is under them, by first or by an estimate', () => {
  // awards(first: 50) costs 1 + 50 × (nodes 1 + 1 × (suppliers 1 + 3 × company 1)).
  assert.equal(cost('{ company(id: "x") { awards(first: 50) { nodes { suppliers { company { id } } } } } }'), 1 + 1 + 50 * (1 + 1 * (1 + 3 * 1)));
  assert.equal(cost('query($n: Int) { company(id: "x") { awards(first: $n) { nodes { id } } } }', { n: 10 }), 1 + 1 + 10 * 1);
  // The default (first: 50) when the argument is left out.
  assert.equal(cost('{ company(id: "x") { awards { nodes { id } } } }'), 1 + 1 + 50 * 1);
  // A list without first: 10 owners, each with an owned company.
  assert.equal(cost('{ company(id: "x") { owners { owned { id } } } }'), 1 + 1 + 10 * 1);
});

test('cost: fragments, aliases and both branches of a union count', () => {
  const viaFragment = cost('query { company(id: "x") { ...F } } fragment F on Company { ultimateOwners { effectiveShare } }');
  assert.equal(viaFragment, 21);
  assert.equal(cost('{ company(id: "x") { a: ultimateOwners { effectiveShare } b: ultimateOwners { effectiveShare } } }'), 41);
  const union = cost('{ company(id: "x") { owners { owner { ... on Company { stateShare } ... on Person { id } } } } }');
  assert.equal(union, 1 + 1 + 10 * (1 + 10));
});

test('pageSize accepts 0..max and refuses the rest with BAD_USER_INPUT', () => {
  assert.equal(pageSize(0, 200), 0);
  assert.equal(pageSize(200, 200), 200);
  for (const bad of [-1, 201, 1.5, Number.NaN]) {
    assert.throws(() => pageSize(bad, 200), (err: unknown) => err instanceof GraphQLError && err.extensions.code === 'BAD_USER_INPUT');
  }
});

test('cursors round-trip and refuse what this API did not make', () => {
  const key = { date: '2017-06-20', id: 'a:j:moyu:1' };
  assert.deepEqual(decodeCursor(encodeCursor(key)), key);
  assert.deepEqual(decodeCursor(encodeCursor({ date: '', id: 'a:x' })), { date: '', id: 'a:x' });
  for (const bad of ['', 'not base64!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["d"]').toString('base64url'), Buffer.from('["d",""]').toString('base64url'), 'x'.repeat(3000)]) {
    assert.equal(decodeCursor(bad), null, bad);
  }
});

test('Lucene: every operator is escaped, and the query is a boosted phrase or its terms', () => {
  assert.equal(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t'), 'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t');
  assert.equal(searchQuery('海康威视'), '"海康威视"^4 OR (海康威视)');
  // Upper-case AND/OR/NOT would be operators; the analyzer lower-cases anyway.
  assert.equal(searchQuery('Hik AND Dahua'), '"hik and dahua"^4 OR (hik and dahua)');
});

test('bearer tokens match exactly, and only when one is configured', () => {
  assert.equal(bearerMatches('Bearer s3cret', 's3cret'), true);
  assert.equal(bearerMatches('bearer s3cret', 's3cret'), true);
  assert.equal(bearerMatches('Bearer s3cre', 's3cret'), false);
  assert.equal(bearerMatches('s3cret', 's3cret'), false);
  assert.equal(bearerMatches(null, 's3cret'), false);
  assert.equal(bearerMatches('Bearer anything', undefined), false);
});

test('the batcher gathers loads of one turn into one call and caches by key', async () => {
  const calls: string[][] = [];
  const batcher = new Batcher<number>(async (keys) => {
    calls.push([...keys]);
    return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.length]));
  });
  const values = await Promise.all(['a', 'bb', 'a', 'missing'].map((k) => batcher.load(k)));
  assert.deepEqual(values, [1, 2, 1, undefined]);
  assert.deepEqual(calls, [['a', 'bb', 'missing']]);
  assert.equal(await batcher.load('bb'), 2);
  assert.equal(calls.length, 1);
});

test('the batcher passes a failure to every waiting load, and tries again later', async () => {
  let fail = true;
  const batcher = new Batcher<string>(async (keys) => {
    if (fail) throw new Error('down');
    return new Map(keys.map((k) => [k, k.toUpperCase()]));
  });
  const results = await Promise.allSettled([batcher.load('x'), batcher.load('y')]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  fail = false;
  assert.equal(await batcher.load('x'), 'X');
});

test('without a token the schema has no Mutation type; with one it has addAlias and confirmMatch', () => {
  assert.equal(buildASTSchema(typeDefs(false)).getMutationType(), undefined);
  assert.deepEqual(Object.keys(buildASTSchema(typeDefs(true)).getMutationType()?.getFields() ?? {}), ['addAlias', 'confirmMatch']);
});
