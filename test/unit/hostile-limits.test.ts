// The pure parts of the API's defences (issue 14): the shape and cost walks stay linear on fragments
// built to make them exponential, bracket nesting is counted outside strings and comments, the
// query cache is bounded by bytes, the CORS allow-list is read strictly, and unreachable-database
// errors are told from bad queries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildASTSchema, getIntrospectionQuery, parse } from 'graphql';
import { DEFAULT_LIMITS, bracketNesting, estimateCost, queryShape, shapeError } from '../../src/api/limits.ts';
import { documentBytes, queryCaches } from '../../src/api/query-cache.ts';
import { typeDefs } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config.ts';
import { isUnavailable } from '../../src/db/driver.ts';

const schema = buildASTSchema(typeDefs(false));

function doubling(levels: number, leaf = 'id'): string {
  let text = 'query { company(id: "x") { ...F0 } }\n';
  for (let i = 0; i < levels; i++) text += `fragment F${i} on Company { ...F${i + 1} ...F${i + 1} }\n`;
  return text + `fragment F${levels} on Company { ${leaf} }\n`;
}

test('shape: each fragment is walked once, so 1,000 doubling levels are measured (not expanded)', () => {
  assert.deepEqual(queryShape(parse(doubling(10))), { depth: 2, fields: 1 + 1024, aliases: 0, rootFields: 1 });
  const huge = queryShape(parse(doubling(1000)));
  assert.ok(huge.fields > 1e300);
  assert.equal(huge.depth, 2);
  assert.deepEqual(shapeError(huge, DEFAULT_LIMITS)?.extensions, { code: 'TOO_MANY_FIELDS', fields: 'more than 9007199254740991', maxFields: 2000 });
});

test('shape: depth, aliases and root lookups through fragments, inline fragments and unions', () => {
  const shape = queryShape(parse(`{
    a: company(id: "x") { ...Owners }
    b: company(id: "y") { ... on Company { id } }
    ...Root
    __typename
  }
  fragment Owners on Company { owners { owner { ... on Company { x: id owners { owned { id } } } } } }
  fragment Root on Query { c: region(code: "650000") { code } }`));
  assert.deepEqual(shape, { depth: 6, fields: 12, aliases: 4, rootFields: 3 });
  // A cycle or an unknown fragment is validation's to report; the walk just ends.
  assert.deepEqual(queryShape(parse('{ company(id: "x") { ...A ...Nope } } fragment A on Company { ...B } fragment B on Company { ...A id }')), {
    depth: 2,
    fields: 2,
    aliases: 0,
    rootFields: 1,
  });
});

test('cost: each fragment is costed once per request, with the same figures as before', () => {
  const t0 = performance.now();
  const cost = estimateCost(schema, parse(doubling(1000, 'ultimateOwners { effectiveShare }')), undefined, {});
  assert.ok(performance.now() - t0 < 1_000);
  assert.ok(cost > 1e300);
  assert.equal(estimateCost(schema, parse(doubling(3, 'ultimateOwners { effectiveShare }')), undefined, {}), 1 + 8 * 20);
});

test("GraphiQL's introspection query passes every limit", () => {
  for (const options of [{}, { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }]) {
    const text = getIntrospectionQuery(options);
    assert.equal(shapeError(queryShape(parse(text)), DEFAULT_LIMITS), null);
    assert.ok(bracketNesting(text) <= DEFAULT_LIMITS.maxNesting);
  }
});

test('bracket nesting counts {, [ and ( outside strings, block strings and comments', () => {
  assert.equal(bracketNesting('{ a { b(x: [1, [2]]) } }'), 5);
  assert.equal(bracketNesting('{ a(x: "{{{{\\"{{") # {{{{{\n }'), 2);
  assert.equal(bracketNesting('{ a(x: """ {{{{ \\""" {{ """) }'), 2);
  assert.equal(bracketNesting('}}}} { }'), 1);
  assert.equal(bracketNesting('{'.repeat(100_000), 64), 65); // stops counting past the limit
});

test('the query cache is bounded by bytes: many large documents never hold more than the budget', () => {
  const budget = 2 * 1024 * 1024;
  const caches = queryCaches(budget, (doc) => queryShape(doc).fields);
  for (let q = 0; q < 500; q++) {
    const text = `{ ${Array.from({ length: 100 }, (_, i) => `q${q}_${i}: __typename`).join(' ')} }`;
    caches.documentCache.set(text, parse(text));
    caches.errorCache.set(`${text} }`, new Error('Syntax Error'));
  }
  assert.ok(caches.documentCache.calculatedSize <= budget / 2, String(caches.documentCache.calculatedSize));
  assert.ok(caches.errorCache.calculatedSize <= budget / 2, String(caches.errorCache.calculatedSize));
  assert.ok(caches.documentCache.size > 0 && caches.documentCache.size < 500);
  // A single document over half the budget is not kept at all (it would empty the cache).
  const big = `{ ${Array.from({ length: 3000 }, (_, i) => `b${i}: __typename`).join(' ')} }`;
  assert.ok(documentBytes(big.length, 3000) > budget / 2);
  caches.documentCache.set(big, parse(big));
  assert.equal(caches.documentCache.has(big), false);
});

test('BIDGRAPH_CORS_ORIGINS: none by default, exact origins only', () => {
  assert.deepEqual(loadConfig({}).corsOrigins, []);
  assert.deepEqual(loadConfig({ BIDGRAPH_CORS_ORIGINS: ' https://notebook.example.org , http://localhost:8888' }).corsOrigins, [
    'https://notebook.example.org',
    'http://localhost:8888',
  ]);
  for (const bad of ['*', 'https://notebook.example.org/', 'https://notebook.example.org/path', 'notebook.example.org', 'file:///tmp', 'null']) {
    assert.throws(() => loadConfig({ BIDGRAPH_CORS_ORIGINS: bad }), /BIDGRAPH_CORS_ORIGINS: .* is not an origin/, bad);
  }
});

test('an unreachable database is told from a bad query', () => {
  assert.equal(isUnavailable(Object.assign(new Error('Failed to connect to server'), { code: 'ServiceUnavailable' })), true);
  assert.equal(isUnavailable(Object.assign(new Error('x'), { code: 'SessionExpired' })), true);
  assert.equal(isUnavailable(Object.assign(new Error('database starting'), { code: 'Neo.TransientError.General.DatabaseUnavailable' })), true);
  assert.equal(isUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:7687')), true);
  assert.equal(isUnavailable(Object.assign(new Error('Invalid input'), { code: 'Neo.ClientError.Statement.SyntaxError' })), false);
  assert.equal(isUnavailable(Object.assign(new Error('timed out'), { code: 'Neo.ClientError.Transaction.TransactionTimedOut' })), false);
  assert.equal(isUnavailable(null), false);
});
