// Headless Debian Chromium driven by playwright-core, for the end-to-end tests. Nothing here downloads a
// browser: scripts/install-browser.sh installs /usr/bin/chromium. The machine may have no internet, so every
// request that leaves loopback is recorded and refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { repoRoot } from '../../src/config.ts';

export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface HeadlessBrowser {
  context: BrowserContext;
  page: Page;
  /** URLs outside loopback that pages asked for, all refused. */
  refused: string[];
  close(): Promise<void>;
}

function isLocal(url: URL, files: string | null): boolean {
  if (url.protocol === 'file:') return files !== null && url.href.startsWith(files);
  return ['data:', 'blob:'].includes(url.protocol) || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * Starts Chromium with a fresh profile in a temporary folder, removed on close. `filesUnder`: the one
 * folder whose files pages may open (a dossier's); any other file is refused like the internet.
 */
export async function launchHeadlessBrowser(filesUnder?: string): Promise<HeadlessBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/install-browser.sh (Debian's chromium package)`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const refused: string[] = [];
  const files = filesUnder ? pathToFileURL(filesUnder + path.sep).href : null;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(new URL(url), files)) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  return {
    context,
    page,
    refused,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a PNG under test/artifacts/ (git-ignored); with UPDATE_SCREENSHOTS=1 also under docs/screenshots/.
 * Returns the paths written.
 */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<string[]> {
  const png = await target.screenshot({ animations: 'disabled' });
  const dirs = [path.join(repoRoot, 'test', 'artifacts')];
  if (process.env.UPDATE_SCREENSHOTS === '1') dirs.push(path.join(repoRoot, 'docs', 'screenshots'));
  return dirs.map((dir) => {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    fs.writeFileSync(file, png);
    return file;
  });
}

// Neo4j Browser 5 marks its controls with data-testid attributes; these are the ones the tests use.
export const neo4jBrowser = {
  boltAddress: 'input[data-testid="boltaddress"]',
  username: 'input[data-testid="username"]',
  password: 'input[data-testid="password"]',
  connect: 'button[data-testid="connect"]',
  mainEditor: '#monaco-main-editor',
  run: '[data-testid="editor-Run"]',
  frame: '[data-testid="frame"]',
  frameCommand: '[data-testid="frameCommand"]',
  databaseDrawer: '[data-testid="navigationDBMS"]',
  sidebarLabel: '[data-testid="sidebarMetaItem"]',
  nextSlide: '[data-testid="nextSlide"]',
  /** The ▶ icon the Browser puts before each runnable guide query: runs it in a new frame. */
  runIcon: 'i.fa-play-circle-o',
};

/**
 * Fills the connect form and waits until the Browser has read the server's settings and metadata, seen as
 * `readyLabel` listed in its database drawer.
 */
export async function connectNeo4jBrowser(page: Page, boltUri: string, user: string, password: string, readyLabel: string): Promise<void> {
  await page.fill(neo4jBrowser.boltAddress, boltUri);
  await page.fill(neo4jBrowser.username, user);
  await page.fill(neo4jBrowser.password, password);
  await page.click(neo4jBrowser.connect);
  await page.locator(neo4jBrowser.frameCommand, { hasText: ':play start' }).first().waitFor();
  // `:play start` shows before the Browser has read the server's settings (dbms.clientConfig: the allowlist for
  // :play and :style); a command run in between can go astray. The labels in the database drawer come after.
  await page.click(neo4jBrowser.databaseDrawer);
  await page.locator(neo4jBrowser.sidebarLabel, { hasText: readyLabel }).first().waitFor();
  await page.click(neo4jBrowser.databaseDrawer);
}

/** Types a command or query into the main editor and runs it; returns the frame it opens. */
export async function runInNeo4jBrowser(page: Page, command: string): Promise<Locator> {
  const before = await page.locator(neo4jBrowser.frame).count();
  await page.click(neo4jBrowser.mainEditor);
  // Pasted, the command arrives whole: typed, it meets the editor's auto-closing and suggestions.
  await pasteText(page, command);
  await page.click(neo4jBrowser.run);
  await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector as string).length > (n as number),
    [neo4jBrowser.frame, before] as const,
  );
  return page.locator(neo4jBrowser.frame).first();
}

/** Pastes text into the focused element, as a clipboard paste: code editors take it as is, without auto-closing. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
