// Serves the Neo4j Browser guide and style from browser/: `:play <origin>/guide` (or `:guide <origin>/guide`)
// and `:style <origin>/guide/bidgraph.grass`. The Browser fetches them cross-origin, from its own port.
import fs from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { repoRoot } from '../config.ts';

const BROWSER_DIR = path.join(repoRoot, 'browser');

export const GUIDE_PATH = '/guide';
export const STYLE_PATH = '/guide/bidgraph.grass';

interface Asset {
  file: string;
  contentType: string;
  /** The guide names its own URL (for `:style`), so it is filled in per request. */
  templated: boolean;
}

const assets: Record<string, Asset> = {
  [GUIDE_PATH]: { file: 'guide.html', contentType: 'text/html; charset=utf-8', templated: true },
  [`${GUIDE_PATH}/`]: { file: 'guide.html', contentType: 'text/html; charset=utf-8', templated: true },
  [STYLE_PATH]: { file: 'bidgraph.grass', contentType: 'text/plain; charset=utf-8', templated: false },
};

// Neo4j Browser sends Pragma and Cache-Control with a guide request, which makes the fetch preflighted.
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Cache-Control, Pragma, Content-Type',
  'access-control-max-age': '600',
};

const HOST_PATTERN = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The origin the client used to reach this server, from its Host header; null when absent or malformed. */
export function requestOrigin(headers: IncomingHttpHeaders): string | null {
  const host = headers.host;
  if (!host || !HOST_PATTERN.test(host)) return null;
  const forwarded = headers['x-forwarded-proto'];
  const proto = forwarded === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

/** Fills the guide's {{origin}} placeholders. The origin has passed HOST_PATTERN, so it needs no escaping. */
export function renderGuide(template: string, origin: string): string {
  return template.replaceAll('{{origin}}', origin);
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const q = raw.search(/[?#]/);
  return q === -1 ? raw : raw.slice(0, q);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string, head = false): void {
  const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
  res.writeHead(status, { ...corsHeaders, ...headers, ...(bytes ? { 'content-length': String(bytes.length) } : {}) });
  res.end(head ? undefined : bytes);
}

/**
 * Answers GET, HEAD and OPTIONS for /guide, /guide/ and /guide/bidgraph.grass; returns false for any other
 * path so the caller can pass the request on.
 */
export function guideHandler(req: IncomingMessage, res: ServerResponse): boolean {
  const asset = assets[pathOf(req.url)];
  if (!asset) return false;
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    send(res, 204, {});
    return true;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    send(res, 405, { allow: 'GET, HEAD, OPTIONS', 'content-type': 'text/plain; charset=utf-8' }, `${method} is not allowed here\n`);
    return true;
  }
  let text: string;
  try {
    text = fs.readFileSync(path.join(BROWSER_DIR, asset.file), 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    send(res, 500, { 'content-type': 'text/plain; charset=utf-8' }, `browser/${asset.file} could not be read (${reason})\n`);
    return true;
  }
  if (asset.templated) {
    text = renderGuide(text, requestOrigin(req.headers) ?? 'http://localhost:4000');
  }
  send(
    res,
    200,
    { 'content-type': asset.contentType, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
    text,
    method === 'HEAD',
  );
  return true;
}
