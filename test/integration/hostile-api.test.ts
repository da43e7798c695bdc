// The API tried as an attacker would (issue 14): queries built to blow up the limit checks, the
// caches or the database, hostile origins and paths, and a database that cannot be reached. Each
// case asserts the named error, that the refusal came back within a safety bound (seconds: a
// guard against hangs, not a performance figure; bench/api.ts --hostile measures), and that
// nothing else was lost: another client's ordinary query still answers exactly, the graph is
// unchanged.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { listen, type ApiOptions } from '../../src/api/server.ts';
import { queryCaches } from '../../src/api/query-cache.ts';
import { queryShape } from '../../src/api/limits.ts';
import { API_DRIVER_TUNING, createDriver } from '../../src/db/driver.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { errorCodes, graphql, testApi, type GraphQLResponse } from '../support/api-fixtures.ts';
import { CASE_SHA as SHA, caseFiles, caseText, ingestCase } from '../support/api-case.ts';

const HIKVISION_USCC = '91330000733796106P';
const DAHUA_USCC = '91330000727215176K';
/** Company and award ids of the case, by short name (test/support/api-case.ts). */
let C: Record<string, string>;
let A: Record<string, string>;


/** A guard against hangs: the refusals take milliseconds; a regression to the old behaviour took 18 s or more. */
const BOUND_MS = 3_000;

let driver: Driver;
let home: string;
let graphBefore: string;

/** Every node and relationship, as one string: the graph must read the same after each attack. */
async function graphDigest(): Promise<string> {
  const res = await driver.executeQuery(
    `MATCH (n) WITH n ORDER BY elementId(n)
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, collect([type(r), properties(r), m.id, m.code, m.sha256]) AS out
     RETURN collect([labels(n), properties(n), out]) AS all`,
    {},
    { database: testConfig.neo4j.database },
  );
  return createHash('sha256').update(JSON.stringify(res.records[0].get('all'))).digest('hex');
}

const ORDINARY = `{ company(uscc: "${HIKVISION_USCC}") { id name awards(first: 2) { totalCount nodes { id value { amount } } } } }`;
/** Hikvision and its first awards as the case's documents give them (ids are ingest's). */
const ordinaryAnswer = () => ({
  company: {
    id: C['hikvision'],
    name: '杭州海康威视数字技术股份有限公司',
    awards: { totalCount: 3, nodes: [{ id: A['pishan:-'], value: { amount: 310000000.12 } }, { id: A['moyu:1'], value: { amount: 745000000 } }] },
  },
});

type Api = ReturnType<typeof testApi>;

function api(opts: Partial<ApiOptions> = {}): Api {
  return testApi({ driver, home, ...opts });
}

async function timed(run: () => Promise<GraphQLResponse>): Promise<{ res: GraphQLResponse; ms: number }> {
  const t0 = performance.now();
  const res = await run();
  return { res, ms: performance.now() - t0 };
}

/** Sends `query` the way a GraphQL-over-HTTP client does (errors get their HTTP status). */
async function post(target: Api, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  return graphql(target, query, variables, { accept: 'application/graphql-response+json' });
}

/** The hostile request and an ordinary one sent at the same time; the ordinary one must answer exactly. */
async function alongsideOrdinary(target: Api, hostile: () => Promise<GraphQLResponse>): Promise<{ res: GraphQLResponse; ms: number }> {
  const [attack, ordinary] = await Promise.all([timed(hostile), graphql(target, ORDINARY)]);
  assert.deepEqual(ordinary.body, { data: ordinaryAnswer() });
  return attack;
}

function doublingFragments(levels: number): string {
  let text = `query { company(id: "${C['hikvision']}") { ...F0 } }\n`;
  for (let i = 0; i < levels; i++) text += `fragment F${i} on Company { ...F${i + 1} ...F${i + 1} }\n`;
  return text + `fragment F${levels} on Company { id name }\n`;
}

before(async () => {
  driver = await testDriver();
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-hostile-'));
  ({ C, A } = await ingestCase(driver, home));
  graphBefore = await graphDigest();
});

after(async () => {
  assert.equal(await graphDigest(), graphBefore, 'the graph changed under the hostile requests');
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('queries built to blow up the limit checks', () => {
  it('refuses the 936-byte doubling-fragment query (2^20 fields once expanded) with TOO_MANY_FIELDS, at once', async () => {
    const target = api();
    const query = doublingFragments(20);
    assert.ok(query.length < 1000, `${query.length} bytes`);
    const { res, ms } = await alongsideOrdinary(target, () => post(target, query));
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(res), ['TOO_MANY_FIELDS']);
    assert.equal(res.body.errors?.[0].message, 'Query asks for 2097153 fields once its fragments are expanded; the limit is 2000. Split it into several queries.');
    assert.ok(ms < BOUND_MS, `refused in ${ms.toFixed(0)} ms`);
  });

  it('measures a fragment once however often it is spread: 100 doubling levels are refused as fast as 10', async () => {
    const target = api();
    const { res, ms } = await timed(() => post(target, doublingFragments(100)));
    assert.deepEqual(errorCodes(res), ['TOO_MANY_FIELDS']);
    assert.match(res.body.errors?.[0].message ?? '', /^Query asks for more than 9007199254740991 fields/);
    assert.ok(ms < BOUND_MS, `refused in ${ms.toFixed(0)} ms`);
  });

  it('counts depth through doubling fragments too, without walking every spread', async () => {
    let text = `query { company(id: "${C['hikvision']}") { ...D0 } }\n`;
    for (let i = 0; i < 30; i++) text += `fragment D${i} on Company { holdings { owned { ...D${i + 1} } } branchOf { ...D${i + 1} } }\n`;
    text += 'fragment D30 on Company { id }\n';
    const { res, ms } = await timed(() => post(api(), text));
    assert.deepEqual(errorCodes(res), ['QUERY_TOO_DEEP']);
    assert.equal(res.body.errors?.[0].message, 'Query is nested 62 levels deep; the limit is 12. Split it into several queries.');
    assert.ok(ms < BOUND_MS, `refused in ${ms.toFixed(0)} ms`);
  });

  it('answers a 5,000-deep query with 400 QUERY_TOO_DEEP before parsing it (no stack overflow, no 500)', async () => {
    const target = api();
    const query = `{ company(id: "${C['hikvision']}") {${' branchOf {'.repeat(5000)} id${' }'.repeat(5000)} } }`;
    const { res, ms } = await alongsideOrdinary(target, () => post(target, query));
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(res), ['QUERY_TOO_DEEP']);
    assert.equal(res.body.errors?.[0].message, 'Query nests brackets more than 64 levels deep. Split it into several queries.');
    assert.ok(ms < BOUND_MS, `refused in ${ms.toFixed(0)} ms`);
    // Deep list values in arguments count too, and brackets inside strings do not.
    const deepList = await post(target, `{ search(text: "${'{'.repeat(500)}", first: 1) { score } company(id: ${'['.repeat(200)}"x"${']'.repeat(200)}) { id } }`);
    assert.deepEqual(errorCodes(deepList), ['QUERY_TOO_DEEP']);
  });

  it('answers a subscription with 400 OPERATION_NOT_SUPPORTED, not 500', async () => {
    const res = await post(api(), `subscription { company(id: "${C['hikvision']}") { id } }`);
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(res), ['OPERATION_NOT_SUPPORTED']);
    assert.equal(res.body.errors?.[0].message, 'This API answers queries (and, with a token, mutations); it has no subscriptions.');
    // A client that asks for plain JSON gets the same error (with 200, as GraphQL over HTTP says for application/json).
    const legacy = await graphql(api(), `subscription { company(id: "${C['hikvision']}") { id } }`);
    assert.deepEqual(errorCodes(legacy), ['OPERATION_NOT_SUPPORTED']);
  });
});

describe('queries built to fill the caches', () => {
  it('refuses the 529 KB query of 30,000 aliased __typename while parsing, with QUERY_TOO_LARGE', async () => {
    const target = api();
    const query = `{ ${Array.from({ length: 30_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const { res, ms } = await alongsideOrdinary(target, () => post(target, query));
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(res), ['QUERY_TOO_LARGE']);
    assert.equal(res.body.errors?.[0].message, 'Query is longer than 10000 tokens. Split it into several queries.');
    assert.ok(ms < BOUND_MS, `refused in ${ms.toFixed(0)} ms`);
  });

  it('refuses aliases past the limit with TOO_MANY_ALIASES, and counts them through fragments', async () => {
    const aliases = `{ ${Array.from({ length: 201 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    assert.deepEqual(errorCodes(await post(api(), aliases)), ['TOO_MANY_ALIASES']);
    const viaFragments = `{ company(id: "${C['hikvision']}") { ...A ...B } } fragment A on Company { ${Array.from({ length: 101 }, (_, i) => `x${i}: id`).join(' ')} } fragment B on Company { ...A }`;
    const res = await post(api(), viaFragments);
    assert.deepEqual(errorCodes(res), ['TOO_MANY_ALIASES']);
    assert.equal(res.body.errors?.[0].message, 'Query has 202 aliased fields; the limit is 200.');
  });

  it('keeps the parsed and compiled queries within their byte budget, however many distinct large queries arrive', async () => {
    const budget = 16 * 1024 * 1024;
    const caches = queryCaches(budget, (doc) => queryShape(doc).fields);
    const target = api({ queryCache: caches });
    // 300 distinct queries of 8 KB each, reckoned at 1.5 MB each once parsed and compiled: 30 times the budget.
    for (let q = 0; q < 300; q++) {
      const fields = Array.from({ length: 150 }, (_, i) => `q${q}f${i}: __typename`).join(' ');
      const padding = `# ${'x'.repeat(5_000)}\n`;
      const res = await post(target, `${padding}{ ${fields} }`);
      assert.equal(res.body.data?.[`q${q}f149`], 'Query');
    }
    const held = caches.documentCache.calculatedSize + caches.errorCache.calculatedSize;
    assert.ok(held <= budget, `${held} bytes held`);
    assert.ok(caches.documentCache.size < 300 && caches.documentCache.size > 0, `${caches.documentCache.size} documents kept`);
    assert.deepEqual((await graphql(target, ORDINARY)).body, { data: ordinaryAnswer() });
  });
});

describe('lookups by name, USCC and id', () => {
  it('answers 50 aliased lookups with one query per kind (not one each)', async () => {
    const asked: string[] = [];
    const target = api({ onQuery: (entry) => asked.push(entry.name) });
    const names = ['杭州海康威视数字技术股份有限公司', '浙江大华技术股份有限公司', '中国电子科技集团公司', '示例不存在有限公司'];
    const lookups = [
      ...Array.from({ length: 20 }, (_, i) => `n${i}: company(name: "${names[i % names.length]}") { id }`),
      ...Array.from({ length: 20 }, (_, i) => `u${i}: company(uscc: "${i % 2 ? HIKVISION_USCC : DAHUA_USCC}") { id }`),
      ...Array.from({ length: 10 }, (_, i) => `r${i}: region(code: "65320${i % 4}") { code }`),
    ];
    const res = await post(target, `{ ${lookups.join(' ')} }`);
    assert.equal(res.body.errors, undefined, res.text);
    assert.equal(res.body.data?.n0.id, C['hikvision']);
    assert.equal(res.body.data?.n1.id, C['dahua']);
    assert.equal(res.body.data?.n2.id, C['cetc']);
    assert.equal(res.body.data?.n3, null);
    assert.equal(res.body.data?.u0.id, C['dahua']);
    assert.equal(res.body.data?.u1.id, C['hikvision']);
    assert.deepEqual(asked.sort(), ['companiesByNameKeys', 'companiesByUscc', 'regionsByCode']);
  });

  it('keeps AMBIGUOUS_NAME per lookup inside a batch', async () => {
    const res = await post(api(), '{ a: company(name: "示例同名科技有限公司") { id } b: company(name: "浙江大华技术股份有限公司") { id } }');
    assert.deepEqual(errorCodes(res), ['AMBIGUOUS_NAME']);
    assert.deepEqual(res.body.errors?.[0].path, ['a']);
    assert.deepEqual(res.body.data, { a: null, b: { id: C['dahua'] } });
  });

  it('refuses 20,000 aliased company(name:) lookups with TOO_MANY_LOOKUPS before any reaches the database', async () => {
    const asked: string[] = [];
    const target = api({ onQuery: (entry) => asked.push(entry.name) });
    // 20,000 lookups need more tokens than a query may hold; the lookup limit is met first below it.
    const many = `{ ${Array.from({ length: 20_000 }, (_, i) => `c${i}:company(name:"n${i}"){id}`).join(' ')} }`;
    assert.ok(many.length < 1_048_576, `${many.length} bytes`);
    const { res: tooLong, ms } = await alongsideOrdinary(target, () => post(target, many));
    assert.deepEqual(errorCodes(tooLong), ['QUERY_TOO_LARGE']);
    assert.ok(ms < BOUND_MS, `refused in ${ms.toFixed(0)} ms`);
    const fifty1 = `{ ${Array.from({ length: 51 }, (_, i) => `c${i}: company(name: "示例${i}有限公司") { id }`).join(' ')} }`;
    const res = await post(target, fifty1);
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(res), ['TOO_MANY_LOOKUPS']);
    assert.equal(res.body.errors?.[0].message, 'Query asks for 51 lookups at its root; the limit is 50. Send them in several requests.');
    // Spreading a fragment of lookups twice counts twice.
    const spread = `{ ...L ...L2 } fragment L on Query { ${Array.from({ length: 26 }, (_, i) => `c${i}: company(id: "c:${i}") { id }`).join(' ')} } fragment L2 on Query { ...L }`;
    assert.deepEqual(errorCodes(await post(target, spread)), ['TOO_MANY_LOOKUPS']);
    // Only the ordinary client's queries reached the database.
    assert.equal(asked.includes('companiesByNameKeys') || asked.includes('companiesById'), false, asked.join());
  });
});

describe('the web', () => {
  async function served(opts: Partial<ApiOptions>, run: (base: string) => Promise<void>): Promise<void> {
    const server = await listen({ driver, home, logging: false, timeoutMs: 30_000, ...opts }, 0);
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('sends no CORS headers by default: another web page cannot read the graph', async () => {
    await served({}, async (base) => {
      for (const target of ['/graphql', `/documents/${SHA.award}`]) {
        const res = await fetch(`${base}${target}${target === '/graphql' ? '?query=%7B__typename%7D' : ''}`, { headers: { origin: 'http://evil.example' } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), null, target);
        assert.equal(res.headers.get('access-control-allow-credentials'), null, target);
        await res.arrayBuffer();
      }
      const preflight = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    });
  });

  it('allows exactly the origins of the allow-list, without credentials', async () => {
    await served({ corsOrigins: ['http://localhost:8888', 'https://notebook.example.org'] }, async (base) => {
      const allowed = await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { origin: 'https://notebook.example.org' } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://notebook.example.org');
      assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
      const other = await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { origin: 'https://notebook.example.org.evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      await Promise.all([allowed.arrayBuffer(), other.arrayBuffer()]);
    });
  });

  it('serves archived originals under a policy that runs and loads nothing, never sniffed', async () => {
    const res = await api().fetch(`http://localhost/documents/${SHA.award}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await res.text(), caseText(caseFiles.award));
  });

  it('answers bad escapes and odd paths with 4xx and no internals', async () => {
    await served({}, async (base) => {
      const odd = ['/documents/%zz', '/documents/%', `/documents/${'%E0%A4%A'}`, '/documents/..%2f..%2fetc%2fpasswd', `/documents/${SHA.award}/x`, '/documents/%00', '/%zz', '/graphql/%zz', '/guide/%zz'];
      for (const target of odd) {
        const res = await fetch(`${base}${target}`);
        const text = await res.text();
        assert.ok(res.status >= 400 && res.status < 500, `${target}: ${res.status}`);
        assert.doesNotMatch(text, /URIError|at [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+/, target);
      }
      const bad = await fetch(`${base}/documents/%zz`);
      assert.equal(bad.status, 400);
      assert.deepEqual(await bad.json(), { error: 'BAD_USER_INPUT', message: 'A document is named by the sha256 of its bytes: 64 hexadecimal characters, as in /documents/<sha256>.' });
    });
  });
});

describe('a database that cannot be reached', () => {
  it('fails fast with DATABASE_UNAVAILABLE (no internals), then answers every request at once until the database is back', async () => {
    const unreachable = createDriver({ ...testConfig.neo4j, uri: 'bolt://127.0.0.1:1' }, API_DRIVER_TUNING);
    try {
      const target = api({ driver: unreachable });
      const first = await timed(() => post(target, `{ company(id: "${C['hikvision']}") { id } }`));
      assert.equal(first.res.status, 503);
      assert.deepEqual(errorCodes(first.res), ['DATABASE_UNAVAILABLE']);
      assert.equal(first.res.body.errors?.[0].message, 'The database is unavailable; try again in a few seconds.');
      assert.doesNotMatch(first.res.text, /127\.0\.0\.1|ECONNREFUSED|MATCH|Neo4jError|at /);
      assert.ok(first.ms < 10_000, `first refusal after ${first.ms.toFixed(0)} ms`);
      const next = await timed(() => post(target, '{ health { ok } }'));
      assert.deepEqual(errorCodes(next.res), ['DATABASE_UNAVAILABLE']);
      assert.ok(next.ms < BOUND_MS, `next refusal after ${next.ms.toFixed(0)} ms`);
      // The API in front of the reachable database is untouched.
      assert.deepEqual((await graphql(api(), ORDINARY)).body, { data: ordinaryAnswer() });
    } finally {
      await unreachable.close();
    }
  });
});
