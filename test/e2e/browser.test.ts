// Neo4j Browser and GraphiQL in headless Chromium, against the test Neo4j and the API started in-process:
// connect, play the bidgraph guide, apply its style, run guide queries, check the drawn graph, screenshot.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isNode, isPath, type Driver } from 'neo4j-driver';
import type { Locator, Page } from 'playwright-core';
import { model } from '../../schema/model.ts';
import { listen } from '../../src/api/server.ts';
import { warmUp } from '../../src/graph/warmup.ts';
import { boltUri, browserUrl } from '../../src/db/local-server.ts';
import {
  connectNeo4jBrowser,
  launchHeadlessBrowser,
  neo4jBrowser,
  pasteText,
  runInNeo4jBrowser,
  saveScreenshot,
  type HeadlessBrowser,
} from '../support/browser.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { guideCypher } from '../support/guide-queries.ts';
import { HIKVISION, ingestSamples } from '../support/sample-graph.ts';

// Colours of browser/bidgraph.grass, which the model's display gives.
const companyLooks = model.nodes.Company.display.extraLabels!;
const STATE_FILL = companyLooks.State.color;
const PUBLIC_BODY_FILL = companyLooks.PublicBody.color;
const AWARD_FILL = model.nodes.Award.display.color;
const COMPANY_FILL = model.nodes.Company.display.color;
/** Companies on a restriction list (label Listed): the samples list Hikvision. */
const LISTED_FILL = companyLooks.Listed.color;

/** The guide frame: the one whose slides hold runnable queries. */
function guideFrame(page: Page): Locator {
  return page.locator(neo4jBrowser.frame).filter({ has: page.locator('pre.runnable') }).first();
}

/** Shows slide `n` (1-based) of the guide through its slide picker, and checks its heading. */
async function showSlide(page: Page, n: number, title: string): Promise<Locator> {
  const guide = guideFrame(page);
  await guide.locator(`[data-testid="carousel"] [aria-label="${n}"]`).click();
  await guide.locator('h3', { hasText: title }).waitFor({ state: 'visible' });
  return guide;
}

/** Clicks the ▶ of the guide query containing `marker` and waits for its graph to settle. */
async function runGuideQuery(page: Page, slide: [number, string], marker: string | RegExp): Promise<Locator> {
  const guide = await showSlide(page, ...slide);
  const before = await page.locator(neo4jBrowser.frame).count();
  await guide.locator('pre.runnable', { hasText: marker }).locator(neo4jBrowser.runIcon).click();
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s as string).length > (n as number), [neo4jBrowser.frame, before] as const);
  const frame = page.locator(neo4jBrowser.frame).first();
  await frame.locator('svg g.node').first().waitFor();
  await settle(frame);
  return frame;
}

/** Waits until the force layout stops moving nodes (their transforms stay the same for half a second). */
async function settle(frame: Locator): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = (await frame.locator('svg g.node').evaluateAll((gs) => gs.map((g) => g.getAttribute('transform')))).join('|');
    if (now === last) return;
    last = now;
    await frame.page().waitForTimeout(500);
  }
}

/** The one guide query matching `marker`. */
function guideQuery(marker: string | RegExp): string {
  const found = guideCypher().filter((q) => (typeof marker === 'string' ? q.text.includes(marker) : marker.test(q.text)));
  assert.equal(found.length, 1, String(marker));
  return found[0].text;
}

/** How many distinct nodes a query returns, in nodes and paths: what the Browser should draw. */
async function nodesReturned(driver: Driver, query: string): Promise<number> {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (isNode(value)) ids.add(value.elementId);
    else if (isPath(value)) {
      ids.add(value.start.elementId);
      for (const segment of value.segments) ids.add(segment.end.elementId);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  const res = await driver.executeQuery(query);
  for (const record of res.records) record.forEach(visit);
  return ids.size;
}

interface DrawnNode {
  fill: string;
  radius: number;
  caption: string;
}

async function drawnNodes(frame: Locator): Promise<DrawnNode[]> {
  return frame.locator('svg g.node').evaluateAll((gs) =>
    gs.map((g) => {
      const circle = g.querySelector('circle.b-outline');
      return {
        fill: (circle?.getAttribute('fill') ?? '').toUpperCase(),
        radius: Number(circle?.getAttribute('r') ?? 0),
        caption: Array.from(g.querySelectorAll('text.caption'), (t) => t.textContent ?? '').join('').trim(),
      };
    }),
  );
}

describe('exploring in Neo4j Browser and GraphiQL', () => {
  let driver: Driver;
  let api: Server;
  let apiOrigin: string;
  let browser: HeadlessBrowser;
  let page: Page;

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    await ingestSamples(driver);
    // The API serves GraphQL (with GraphiQL) and, beside it, the Browser guide and style.
    // Planned in advance as `bidgraph serve` does; the read timeout is raised because a loaded test machine
    // (2 cores shared with Neo4j and Chromium) can take longer than the production 5 s on a cold server.
    await warmUp(driver, testConfig.neo4j.database);
    api = await listen({ driver, database: testConfig.neo4j.database, timeoutMs: 30_000, logging: false }, 0);
    apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    browser = await launchHeadlessBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    api?.close();
    await driver?.close();
  });

  it('opens the local Neo4j Browser and connects with the credentials', async () => {
    await page.goto(browserUrl(testConfig.local));
    await page.waitForSelector(neo4jBrowser.boltAddress);
    await connectNeo4jBrowser(page, boltUri(testConfig.local), testConfig.neo4j.user, testConfig.neo4j.password, 'Company');
    assert.equal(await page.locator('text=Database access not available').count(), 0);
  });

  it('plays the guide served by bidgraph, with one slide per question', async () => {
    const frame = await runInNeo4jBrowser(page, `:play ${apiOrigin}/guide`);
    await frame.locator('pre.runnable').first().waitFor();
    await frame.locator('text=1 / 7').waitFor();
    const style = frame.locator('pre.runnable', { hasText: ':style' });
    assert.equal((await style.textContent())?.trim(), `:style ${apiOrigin}/guide/bidgraph.grass`);
  });

  it("applies the bidgraph style from the guide's :style line", async () => {
    const guide = guideFrame(page);
    await guide.locator('pre.runnable', { hasText: ':style' }).locator(neo4jBrowser.runIcon).click();
    const styleFrame = page.locator(neo4jBrowser.frame).filter({ has: page.locator(neo4jBrowser.frameCommand, { hasText: ':style http' }) });
    await styleFrame.locator('text=node.State').waitFor();
    const grass = await styleFrame.innerText();
    assert.match(grass, /node\.Award \{[^}]*caption: "\{amountLabel\}"/);
    assert.match(grass, /relationship\.SUPPORTED_BY \{[^}]*caption: "\{fields\}"/);
    assert.doesNotMatch(grass, /Error/);
  });

  it("draws Hikvision's awards with their places and evidence, styled and captioned", async () => {
    const marker = 'RETURN won, place, source';
    const frame = await runGuideQuery(page, [2, "A company's awards"], marker);
    const nodes = await drawnNodes(frame);
    // 2 projects, 2 awards, Hikvision, 2 counties, and the documents whose snippets support the awards (SUPPORTED_BY).
    assert.equal(nodes.length, await nodesReturned(driver, guideQuery(marker)));
    assert.ok(nodes.length > 7);
    const awards = nodes.filter((n) => n.fill === AWARD_FILL).map((n) => n.caption).sort();
    assert.deepEqual(awards, ['¥312M', '¥570M']);
    // Hikvision is on the samples' Entity List: drawn in the Listed style, not the plain company one.
    assert.equal(nodes.filter((n) => n.fill === COMPANY_FILL).length, 0);
    const company = nodes.filter((n) => n.fill === LISTED_FILL);
    assert.equal(company.length, 1);
    assert.match(company[0].caption, /^杭州海康/);
    const captions = nodes.map((n) => n.caption);
    assert.ok(captions.includes('墨玉县') && captions.includes('皮山县'), captions.join(', '));
    await saveScreenshot(frame, 'browser-awards');
  });

  it('draws the ownership chain up to the state owner in the state style', async () => {
    const frame = await runGuideQuery(page, [4, 'Up to the state'], /RETURN chain\s+LIMIT/);
    const nodes = await drawnNodes(frame);
    // SASAC, CETC, its three holders of Hikvision shares, Hikvision.
    assert.equal(nodes.length, 6);
    const state = nodes.filter((n) => n.fill === STATE_FILL);
    assert.equal(state.length, 1);
    assert.equal(state[0].radius, 47.5);
    assert.match(state[0].caption, /^国务院/);
  });

  it('draws the suppliers CETC holds and what they won', async () => {
    const frame = await runGuideQuery(page, [5, 'Held by one owner'], 'RETURN held, won');
    const nodes = await drawnNodes(frame);
    // CETC, its three holders of Hikvision shares, Hikvision, 2 awards, 2 projects.
    assert.equal(nodes.length, 9);
    assert.equal(nodes.filter((n) => n.fill === STATE_FILL).length, 0);
  });

  it("draws Hikvision's owners up to the state with its awards, places and buyers; screenshot for the docs", async () => {
    const frame = await runGuideQuery(page, [4, 'Up to the state'], 'RETURN chain, won, buyer, place');
    const nodes = await drawnNodes(frame);
    // 6 in the chains, 2 projects, 2 awards, 2 buyers, 2 counties.
    assert.equal(nodes.length, 14);
    assert.equal(nodes.filter((n) => n.fill === STATE_FILL).length, 1);
    assert.equal(nodes.filter((n) => n.fill === PUBLIC_BODY_FILL).length, 2);
    // Fullscreen gives the picture room; the layout settles again at the new size, then fits the view.
    await frame.locator('button[title="Fullscreen"]').click();
    await settle(frame);
    // Fitting counts the space under the overview panel; one step out keeps every node clear of it.
    await frame.locator('button[aria-label="zoom-to-fit"]').click();
    await frame.locator('button[aria-label="zoom-out"]').click();
    await page.waitForTimeout(1000);
    await saveScreenshot(page, 'browser');
    await frame.locator('button[title="Close fullscreen"]').click();
  });

  it('styles government buyers as public bodies', async () => {
    const frame = await runInNeo4jBrowser(page, "MATCH (p:Project)-[b:HAS_BUYER]->(c:Company {kind: 'public'}) RETURN p, b, c");
    await frame.locator('svg g.node').first().waitFor();
    const nodes = await drawnNodes(frame);
    assert.equal(nodes.filter((n) => n.fill === PUBLIC_BODY_FILL).length, 3);
  });

  it('loads no script or font from outside this machine except known third-party calls', () => {
    // The Browser asks for Google Fonts, Segment and Canny (Community 5.26 cannot turn these off); all are
    // refused here and it works without them. Anything else would be new and worth a look.
    const hosts = new Set(browser.refused.map((u) => new URL(u).hostname));
    const known = new Set(['fonts.googleapis.com', 'fonts.gstatic.com', 'cdn.segment.com', 'canny.io', 'o110884.ingest.sentry.io']);
    assert.deepEqual([...hosts].filter((h) => !known.has(h)), []);
  });

  it("runs a query typed into GraphiQL and shows Hikvision's state share and its awards in 和田地区", async () => {
    await page.goto(`${apiOrigin}/graphql`);
    const editor = page.locator('.graphiql-query-editor');
    await editor.locator('.monaco-editor').first().waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await pasteText(
      page,
      `{ company(name: "${HIKVISION}") { name uscc stateShare ` +
        'awards(regionCode: "653200") { totalCount nodes { date value { amount } project { name } snippet } } } }',
    );
    await page.click('button[aria-label^="Prettify query"]');
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await result.locator('text=totalCount').waitFor();
    // The result pane is an editor: spaces drawn as no-break spaces, long lines wrapped. Read it as flat text.
    const shown = (await result.innerText()).replace(/\s+/g, ' ');
    assert.match(shown, /"uscc": "91330000733796106P"/);
    assert.match(shown, /"stateShare": 40\.94,/);
    assert.match(shown, /"totalCount": 2,/);
    assert.deepEqual([...shown.matchAll(/"amount": (\d+)/g)].map((m) => Number(m[1])).sort(), [312_000_000, 569_800_000]);
    await saveScreenshot(page, 'graphiql');
  });
});
