// Request bodies are bounded: by the HTTP server in front of yoga (`listen`), and by yoga itself when
// the API is used without it (`createApi`). Neither answer touches the database.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi, listen } from '../../src/api/server.ts';

const noDriver = {} as Driver;
const LIMIT = 200;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A raw POST: `chunks` are written one by one, so without a length Node sends them chunked. */
function post(port: number, chunks: string[], length?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
    if (length !== undefined) headers['content-length'] = length;
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const small = JSON.stringify({ query: '{ __typename }' });
const large = JSON.stringify({ query: `{ __typename }${' '.repeat(LIMIT)}` });

describe('the HTTP server bounds request bodies before yoga reads them', () => {
  let server: http.Server;
  let port: number;
  before(async () => {
    server = await listen({ driver: noDriver, logging: false, maxRequestBytes: LIMIT }, 0);
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  it('answers a body within the limit', async () => {
    const res = await post(port, [small], Buffer.byteLength(small));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { data: { __typename: 'Query' } });
  });

  it('refuses a body over the limit with 413, by its Content-Length, and closes the connection', async () => {
    const res = await post(port, [large], Buffer.byteLength(large));
    assert.equal(res.status, 413);
    assert.equal(res.headers.connection, 'close');
    assert.deepEqual(res.body.errors?.map((e) => [e.extensions?.code, e.message]), [
      ['REQUEST_ENTITY_TOO_LARGE', `Request body too large (${Buffer.byteLength(large)} bytes; the limit is ${LIMIT}).`],
    ]);
  });

  it('refuses a chunked body, whose length is unknown, with 411', async () => {
    const res = await post(port, [small.slice(0, 5), small.slice(5)]);
    assert.equal(res.status, 411);
    assert.equal(res.body.errors?.[0].extensions?.code, 'LENGTH_REQUIRED');
  });
});

describe('yoga bounds request bodies when the API is used without the HTTP server', () => {
  it('refuses a body over the limit with 413', async () => {
    const api = createApi({ driver: noDriver, logging: false, maxRequestBytes: LIMIT });
    const ok = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: small });
    assert.deepEqual(await ok.json(), { data: { __typename: 'Query' } });
    const res = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: large });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as Answer['body']).errors?.[0].extensions?.code, 'REQUEST_ENTITY_TOO_LARGE');
  });
});
