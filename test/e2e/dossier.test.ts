// The dossier of the sample Hikvision as a user makes it (`bidgraph ingest samples`, then
// `bidgraph dossier`), opened from its folder in headless Chromium: the Vega charts and the
// ownership diagram are drawn as SVG with one mark per figure, every citation number leads to its
// source, every source links to an original in the folder with the sha256 it claims, and the page
// fetches nothing. Saves the screenshot the README shows (docs/screenshots/dossier.png with
// UPDATE_SCREENSHOTS=1).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../src/config.ts';
import { launchHeadlessBrowser, saveScreenshot, type HeadlessBrowser } from '../support/browser.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { HIKVISION, ingestSamples } from '../support/sample-graph.ts';

/** While the Entity List's affiliates rule is in force (schema/restriction-rules.json). */
const AS_OF = '2025-10-15';

/** Texts of the cells of one column of the first table after `selector`'s element. */
async function column(page: Page, tableSelector: string, n: number): Promise<string[]> {
  return page.locator(`${tableSelector} tbody tr td:nth-child(${n})`).allTextContents();
}

describe('the dossier of the sample Hikvision in a browser', () => {
  let driver: Driver;
  let browser: HeadlessBrowser;
  let dir: string;
  let page: Page;

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    await ingestSamples(driver);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-dossier-e2e-'));
    const res = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bidgraph.js'), 'dossier', HIKVISION, '--as-of', AS_OF, '--out', dir], {
      cwd: repoRoot,
      env: process.env,
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.equal(res.status, 0, `${res.stdout}\n${res.stderr}`);
    assert.deepEqual(res.stdout.trim().split('\n'), [path.join(dir, 'index.html'), path.join(dir, 'dossier.pdf')]);
    browser = await launchHeadlessBrowser(dir);
    page = browser.page;
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
    await driver?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('draws one bar per year and per prefecture in the Vega charts, as in their tables', async () => {
    await page.locator('#chart-year svg').waitFor({ state: 'visible' });
    const years = await column(page, '#chart-year + table', 1);
    const prefectures = await column(page, '#chart-prefecture + table', 1);
    assert.deepEqual(years, ['2017']);
    assert.deepEqual(prefectures, ['和田地区']);
    assert.equal(await page.locator('#chart-year svg .mark-rect path').count(), years.length);
    assert.equal(await page.locator('#chart-prefecture svg .mark-rect path').count(), prefectures.length);
    // Each bar is drawn with an area (a total of 0 would be a bar of none).
    for (const bar of await page.locator('.chart svg .mark-rect path').all()) {
      const box = await bar.boundingBox();
      assert.ok(box && box.width > 5 && box.height > 5, JSON.stringify(box));
    }
    // The axis labels are the labels of the data.
    assert.deepEqual(await page.locator('#chart-year svg .role-axis-label text').allTextContents().then((t) => t.filter((x) => /^\d{4}$/.test(x))), ['2017']);
  });

  it('draws the ownership diagram: a box per party, a line and a share per holding, up to the state', async () => {
    const diagram = page.locator('#ownership-diagram svg');
    await diagram.waitFor({ state: 'visible' });
    const holdings = await page.locator('#owners table').nth(1).locator('tbody tr').count();
    const owners = await column(page, '#owners table:nth-of-type(2)', 1);
    const owned = await column(page, '#owners table:nth-of-type(2)', 2);
    const parties = new Set([...owners, ...owned]);
    assert.equal(await diagram.locator('.parties path').count(), parties.size);
    assert.equal(await diagram.locator('.links path').count(), holdings);
    assert.equal(await diagram.locator('.arrows path').count(), holdings);
    assert.deepEqual(new Set(await diagram.locator('.party-names text').allTextContents()), parties);
    assert.ok(parties.has('国务院国有资产监督管理委员会') && parties.has(HIKVISION), [...parties].join(', '));
    assert.deepEqual(await diagram.locator('.party-notes text').filter({ hasText: 'the company of this dossier' }).count(), 1);
  });

  it('leads every citation number to its source, and every source to an original in the folder with its sha256', async () => {
    const cites = await page.locator('a.cite').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(cites.length > 0);
    for (const href of new Set(cites)) assert.equal(await page.locator(href!).count(), 1, href!);
    const sources = await page.locator('ol.sources > li').count();
    const originals = await page.locator('a.original').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, sha: a.getAttribute('data-sha256')! })));
    assert.equal(originals.length, sources);
    for (const { href, sha } of originals) {
      assert.match(href, /^originals\/[0-9a-f]{64}\.(txt|pdf|csv|json|jsonl)$/);
      const file = path.join(dir, href);
      assert.equal(createHash('sha256').update(fs.readFileSync(file)).digest('hex'), sha, href);
      assert.equal(path.basename(href).split('.')[0], sha);
    }
    assert.deepEqual(new Set(fs.readdirSync(path.join(dir, 'originals'))), new Set(originals.map((o) => path.basename(o.href))));
  });

  it('fetches nothing, prints a PDF, and is what the README shows', async () => {
    assert.deepEqual(browser.refused, []);
    assert.equal(fs.readFileSync(path.join(dir, 'dossier.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
    // Who it is and who owns it, diagram whole: the first screen a reader meets.
    const diagram = await page.locator('#ownership-diagram svg').boundingBox();
    await page.setViewportSize({ width: 1100, height: Math.ceil(diagram!.y + diagram!.height + 20) });
    await page.evaluate(() => window.scrollTo(0, 0));
    const written = await saveScreenshot(page, 'dossier');
    assert.ok(written.every((f) => fs.statSync(f).size > 10_000), written.join(', '));
  });
});
