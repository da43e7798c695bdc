import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { browserStyle } from '../../schema/browser-style.ts';
import { model } from '../../schema/model.ts';
import { repoRoot } from '../../src/config.ts';
import { guideHandler, renderGuide, requestOrigin } from '../../src/api/guide.ts';
import { guideCypher, guideQueries } from '../support/guide-queries.ts';

const grassText = fs.readFileSync(path.join(repoRoot, 'browser', 'bidgraph.grass'), 'utf8');

/** Rules in file order: selector → properties, for the plain `selector { key: value; }` form the file keeps to. */
function grassRules(text: string): [string, Record<string, string>][] {
  // Quoted captions hold braces: set them aside while splitting the rules.
  const quoted: string[] = [];
  const bare = text.replace(/'[^']*'/g, (q) => `\u0000${quoted.push(q) - 1}\u0000`);
  const restore = (s: string) => s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => quoted[Number(i)]);
  return [...bare.matchAll(/([^{}\s]+)\s*\{([^}]*)\}/g)].map(([, selector, body]) => [
    selector,
    Object.fromEntries(
      body
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => {
          const i = p.indexOf(':');
          return [p.slice(0, i).trim(), restore(p.slice(i + 1).trim())];
        }),
    ),
  ]);
}

describe('requestOrigin', () => {
  it('takes the Host header the client used', () => {
    assert.equal(requestOrigin({ host: 'localhost:4000' }), 'http://localhost:4000');
    assert.equal(requestOrigin({ host: '127.0.0.1:4100' }), 'http://127.0.0.1:4100');
    assert.equal(requestOrigin({ host: '[::1]:4000' }), 'http://[::1]:4000');
    assert.equal(requestOrigin({ host: 'bidgraph.example.org', 'x-forwarded-proto': 'https' }), 'https://bidgraph.example.org');
  });

  it('refuses a missing or malformed host rather than echo it into the page', () => {
    assert.equal(requestOrigin({}), null);
    assert.equal(requestOrigin({ host: 'evil"><script>' }), null);
    assert.equal(requestOrigin({ host: 'a b:4000' }), null);
    assert.equal(requestOrigin({ host: 'host:4000/path' }), null);
  });
});

describe('renderGuide', () => {
  it('fills every {{origin}}', () => {
    assert.equal(renderGuide('{{origin}}/a {{origin}}/b', 'http://h:1'), 'http://h:1/a http://h:1/b');
  });
});

describe('guideHandler over HTTP', () => {
  let server: Server;
  let origin: string;
  before(async () => {
    server = createServer((req, res) => {
      if (!guideHandler(req, res)) res.writeHead(404, { 'x-passed-on': '1' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  for (const route of ['/guide', '/guide/', '/guide?slide=2']) {
    it(`serves the guide at ${route} as HTML that any origin may fetch`, async () => {
      const res = await fetch(origin + route, { headers: { origin: 'http://127.0.0.1:7474' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const html = await res.text();
      assert.match(html, /^<title>bidgraph: awards, places and owners<\/title>/);
      assert.ok(html.includes(`:style ${origin}/guide/bidgraph.grass`));
      assert.ok(!html.includes('{{'));
    });
  }

  it('answers the preflight that Neo4j Browser sends (it adds Pragma and Cache-Control)', async () => {
    const res = await fetch(`${origin}/guide`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:7474', 'access-control-request-method': 'GET', 'access-control-request-headers': 'cache-control,pragma' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Cache-Control.*Pragma/);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /GET/);
  });

  it('serves the style as text, unchanged', async () => {
    const res = await fetch(`${origin}/guide/bidgraph.grass`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(await res.text(), grassText);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${origin}/guide`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.ok(Number(res.headers.get('content-length')) > 1000);
    assert.equal(await res.text(), '');
  });

  it('refuses other methods on its paths', async () => {
    const res = await fetch(`${origin}/guide`, { method: 'POST', body: 'x' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD, OPTIONS');
  });

  it('passes on every other path', async () => {
    for (const route of ['/', '/graphql', '/guides', '/guide/other', '/guide/bidgraph.grass/x']) {
      const res = await fetch(origin + route);
      assert.equal(res.headers.get('x-passed-on'), '1', route);
    }
  });
});

describe('the guide', () => {
  const queries = guideQueries();

  it('has a slide per question, each with click-to-run queries', () => {
    assert.deepEqual([...new Set(queries.map((q) => q.slide))], [
      'bidgraph',
      "A company's awards",
      "A prefecture's awards",
      'Up to the state',
      'Held by one owner',
      'Restricted winners in a prefecture',
      'Next',
    ]);
    assert.equal(queries.filter((q) => q.text.startsWith(':style {{origin}}/guide/bidgraph.grass')).length, 1);
  });

  it('queries with literals only, no parameters', () => {
    for (const q of guideCypher()) assert.doesNotMatch(q.text, /\$\w/, q.text);
  });

  it("uses only the model's labels, relationship types and properties", () => {
    const labels = new Set([...Object.keys(model.nodes), ...Object.values(model.nodes).flatMap((n) => Object.keys(n.extraLabels ?? {}))]);
    const types = new Set(Object.keys(model.relationships));
    const properties = new Set([
      ...Object.values(model.nodes).flatMap((n) => Object.keys(n.properties)),
      ...Object.values(model.relationships).flatMap((r) => Object.keys(r.properties ?? {})),
    ]);
    for (const { text } of guideCypher()) {
      const cypher = text.replace(/CALL db\.index\.fulltext\.queryNodes\([^)]*\)/g, '');
      for (const [, label] of cypher.matchAll(/\(\w*:(\w+)/g)) assert.ok(labels.has(label), `label ${label} in ${text}`);
      for (const [, type] of cypher.matchAll(/\[\w*:(\w+)/g)) assert.ok(types.has(type), `type ${type} in ${text}`);
      for (const [, prop] of cypher.matchAll(/\b[a-z]\w*\.([a-zA-Z]\w*)/g)) assert.ok(properties.has(prop), `property ${prop} in ${text}`);
      for (const [, prop] of cypher.matchAll(/\{(\w+):/g)) assert.ok(properties.has(prop), `property ${prop} in ${text}`);
    }
  });
});

describe('the Browser style', () => {
  const rules = grassRules(grassText);
  const selectors = rules.map(([s]) => s);

  it('is the style the model gives (npm run style:browser rewrites it)', () => {
    assert.equal(grassText, browserStyle(model));
  });

  it('keeps to what the Browser parser reads: no comments, one colon per declaration', () => {
    assert.doesNotMatch(grassText, /\/\*|\/\//);
    for (const [selector, props] of rules) {
      for (const [key, value] of Object.entries(props)) assert.doesNotMatch(value, /:/, `${selector} ${key}`);
    }
  });

  it("gives every label of the model its own rule, captioned by the model's caption property", () => {
    for (const [label, node] of Object.entries(model.nodes)) {
      const rule = rules.find(([s]) => s === `node.${label}`);
      assert.ok(rule, `no rule for ${label}`);
      assert.equal(rule[1].caption, `'{${node.caption}}'`, label);
      assert.match(rule[1].color, /^#[0-9A-F]{6}$/, label);
    }
  });

  it('styles State and PublicBody after Company, since the Browser applies matching rules in file order', () => {
    const company = selectors.indexOf('node.Company');
    for (const label of ['State', 'PublicBody']) {
      const i = selectors.indexOf(`node.${label}`);
      assert.ok(i > company, label);
      assert.notEqual(rules[i][1].color, rules[company][1].color, label);
    }
  });

  it('makes every mirrored label (State, PublicBody, Listed) stand out from its node, after its rule', () => {
    for (const [label, node] of Object.entries(model.nodes)) {
      const own = selectors.indexOf(`node.${label}`);
      for (const extra of Object.keys(node.extraLabels ?? {})) {
        const i = selectors.indexOf(`node.${extra}`);
        assert.ok(i > own, extra);
        assert.notEqual(rules[i][1].color, rules[own][1].color, extra);
        assert.equal(rules[i][1].caption, `'{${node.caption}}'`, extra);
      }
    }
    const listed = rules.find(([s]) => s === 'node.Listed')?.[1];
    assert.deepEqual(listed, {
      diameter: '95px',
      'font-size': '10px',
      color: '#212121',
      'border-color': '#FFD600',
      'border-width': '6px',
      'text-color-internal': '#FFD600',
      caption: "'{name}'",
    });
  });

  it('captions relationships by the property the model names, else by their type', () => {
    const caption = (type: string) => rules.find(([s]) => s === `relationship.${type}`)?.[1].caption;
    assert.equal(caption('SUPPORTED_BY'), "'{fields}'");
    assert.equal(caption('LISTS'), "'{matchedBy}'");
    assert.equal(caption('OWNS'), "'<type>'");
    assert.equal(caption('HAS_BUYER'), undefined);
  });

  it('styles only relationship types of the model', () => {
    for (const s of selectors.filter((x) => x.startsWith('relationship.'))) {
      assert.ok(s.slice('relationship.'.length) in model.relationships, s);
    }
  });
});
