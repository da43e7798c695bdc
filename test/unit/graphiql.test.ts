import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { createApi } from '../../src/api/server.ts';

// Rendering the page touches no database, so no driver is needed.
const noDriver = {} as Driver;

describe('GraphiQL', () => {
  it('is served from the installed bundle, with nothing loaded from a CDN', async () => {
    const res = await createApi({ driver: noDriver, logging: false }).fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /GraphiQL/);
    assert.doesNotMatch(html, /https?:\/\/(unpkg\.com|cdn\.jsdelivr\.net|esm\.sh)/);
    assert.ok(html.length > 100_000, 'the GraphiQL bundle is inlined');
  });

  it('is absent in public mode', async () => {
    const res = await createApi({ driver: noDriver, logging: false, publicMode: true }).fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    assert.notEqual(res.status, 200);
  });
});
