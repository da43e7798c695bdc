// GET /dossier/<USCC or company id> against the real test Neo4j, on the bundled samples ingested
// with an archive: the page of Hikvision with its headers, listings and awards, every citation
// linking to an original the API serves byte for byte, the same page by company id, and the
// refusals (a document's sha256, malformed keys and filters, unknown companies, other methods,
// too many dossiers at once) as 4xx/503 without internals.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { testApi } from '../support/api-fixtures.ts';

const HIK = '杭州海康威视数字技术股份有限公司';
const HIK_USCC = '91330000733796106P';
const AS_OF = '2025-10-15';

const hrefs = (page: string) => [...page.matchAll(/<a class="original" href="([^"]+)" data-sha256="([0-9a-f]{64})">/g)].map((m) => ({ href: m[1], sha: m[2] }));

describe('the dossier route', () => {
  let driver: Driver;
  let home: string;
  let api: ReturnType<typeof testApi>;
  const get = (p: string, method = 'GET') => api.fetch(`http://localhost${p}`, { method });

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-dossier-api-'));
    const summary = await ingest({ inputs: [path.join(repoRoot, 'samples')], driver, database: testConfig.neo4j.database, home, concurrency: 1 });
    assert.equal(summary.failed, 0, JSON.stringify(summary.documents.filter((d) => d.status === 'failed')));
    api = testApi({ driver, home });
  });
  after(async () => {
    await driver.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('serves the dossier of a USCC as a page that loads nothing, with its listings and awards', async () => {
    const res = await get(`/dossier/${HIK_USCC}?asOf=${AS_OF}`);
    const page = await res.text();
    assert.equal(res.status, 200, page);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(page)));
    assert.match(page, new RegExp(`<h1>${HIK}</h1>`));
    assert.match(page, new RegExp(`<tr><th>USCC \\(统一社会信用代码\\)</th><td>${HIK_USCC}</td></tr>`));
    assert.match(page, /as of 2025-10-15/);
    const lists = [...page.matchAll(/<tr><td>(us_[a-z_]+)<\/td><td>LISTED<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(lists, ['us_bis_entity_list', 'us_ofac_ns_cmic']);
    assert.doesNotMatch(page, /<script/i);
  });

  it('links every citation to an original the API serves, byte for byte', async () => {
    const page = await (await get(`/dossier/${HIK_USCC}?asOf=${AS_OF}`)).text();
    const links = hrefs(page);
    const cited = new Set([...page.matchAll(/ · sha256 ([0-9a-f]{64})/g)].map((m) => m[1]));
    // The notices of Moyu and Pishan, the two ownership files, the Entity List, the OFAC file, the name links.
    assert.equal(cited.size, 7);
    // Every cited document of the samples is archived, so every citation has its link.
    assert.equal(links.length, [...page.matchAll(/<li id="cite-\d+"/g)].length);
    assert.equal(page.includes('original not in the archive'), false);
    assert.deepEqual(new Set(links.map((l) => l.sha)), cited);
    for (const sha of cited) {
      const href = links.find((l) => l.sha === sha)!.href;
      assert.equal(href, `../documents/${sha}`);
      const original = await get(new URL(href, `http://localhost/dossier/${HIK_USCC}`).pathname);
      assert.equal(original.status, 200, href);
      assert.equal(createHash('sha256').update(Buffer.from(await original.arrayBuffer())).digest('hex'), sha);
    }
  });

  it('gives the same company by its id, with or without c:, and by a lower-case USCC; HEAD without a body', async () => {
    const byUscc = await (await get(`/dossier/${HIK_USCC}?asOf=${AS_OF}`)).text();
    const [{ id }] = (await driver.executeQuery('MATCH (c:Company {uscc: $uscc}) RETURN c.id AS id', { uscc: HIK_USCC }, { database: testConfig.neo4j.database })).records.map((r) => r.toObject());
    const hash = (id as string).slice(2);
    const undated = (p: string) => p.replace(/generated [0-9TZ:-]+/, 'generated …');
    for (const key of [encodeURIComponent(id), id, hash, HIK_USCC.toLowerCase()]) {
      const res = await get(`/dossier/${key}?asOf=${AS_OF}`);
      assert.equal(res.status, 200, key);
      assert.equal(undated(await res.text()), undated(byUscc), key);
    }
    const head = await get(`/dossier/${HIK_USCC}?asOf=${AS_OF}`, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('refuses a document sha256 with the way to the document, and malformed keys and filters, as 400', async () => {
    const sha = hrefs(await (await get(`/dossier/${HIK_USCC}`)).text())[0].sha;
    const doc = await get(`/dossier/${sha.toUpperCase()}`);
    assert.equal(doc.status, 400);
    assert.deepEqual(await doc.json(), {
      error: 'BAD_USER_INPUT',
      message: `A sha256 names a document, not a company: its original is at /documents/${sha}. A dossier is addressed by the company's USCC (统一社会信用代码) or its id (c:<40 hex>).`,
    });
    for (const bad of ['', 'abc', encodeURIComponent(HIK), '91330000733796106X', '..%2F..%2Fetc%2Fpasswd', '%zz', `c:${'0'.repeat(39)}`, `${HIK_USCC}?asOf=2025-13-45`, `${HIK_USCC}?asOf=yesterday`, `${HIK_USCC}?region=65`]) {
      const res = await get(`/dossier/${bad}`);
      assert.equal(res.status, 400, bad);
      const body = await res.json();
      assert.equal(body.error, 'BAD_USER_INPUT', bad);
      assert.doesNotMatch(body.message, /at .*\.ts|Neo4j|Cypher/, bad);
    }
  });

  it('says 404 for a company the graph does not hold, 405 for other methods', async () => {
    const none = await get(`/dossier/c:${'0'.repeat(40)}`);
    assert.equal(none.status, 404);
    assert.deepEqual(await none.json(), { error: 'NOT_FOUND', message: `The graph holds no company c:${'0'.repeat(40)}.` });
    const post = await get(`/dossier/${HIK_USCC}`, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  it('builds one dossier at a time when told so, answering 503 with Retry-After to the other', async () => {
    const one = testApi({ driver, home, dossier: { concurrency: 1 } });
    const both = await Promise.all([0, 1].map(() => one.fetch(`http://localhost/dossier/${HIK_USCC}`)));
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 503]);
    const busy = both.find((r) => r.status === 503)!;
    assert.equal(busy.headers.get('retry-after'), '5');
    assert.equal((await busy.json()).error, 'BUSY');
    assert.equal((await one.fetch(`http://localhost/dossier/${HIK_USCC}`)).status, 200);
  });
});
