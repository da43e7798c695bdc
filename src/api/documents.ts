// GET /documents/<sha256>: the archived original of a document, with the media type it was ingested
// as. The bytes are third-party pages, so they are served sandboxed under a policy that loads
// nothing (no script, style, image or frame runs or is fetched on our origin), and never sniffed.
import { readArchived } from '../archive.ts';
import type { Plugin } from 'graphql-yoga';

export const DOCUMENTS_PATH = '/documents/';

/** What an archived original may do in a browser: nothing but be shown. */
export const ARCHIVE_CSP = "default-src 'none'; sandbox";

/** A JSON error for a route outside GraphQL: a code and a sentence for the user, never internals. */
export function problem(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error, message }) + '\n', {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-security-policy': ARCHIVE_CSP, ...headers },
  });
}

function contentDisposition(name: string | null, sha256: string): string {
  const fallback = sha256;
  if (!name) return `inline; filename="${fallback}"`;
  return `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Answers one request for /documents/<sha256> from the archive under `home`. */
export async function serveArchived(home: string, method: string, pathname: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  // A sha256 needs no escapes: the name is taken as sent, so a malformed escape (%zz) is just a bad name.
  const sha256 = pathname.slice(DOCUMENTS_PATH.length);
  if (!/^[0-9a-fA-F]{64}$/.test(sha256)) {
    return problem(400, 'BAD_USER_INPUT', 'A document is named by the sha256 of its bytes: 64 hexadecimal characters, as in /documents/<sha256>.');
  }
  const doc = await readArchived(home, sha256.toLowerCase());
  if (!doc) return problem(404, 'NOT_FOUND', `The archive holds no document with sha256 ${sha256.toLowerCase()}.`);
  const headers = {
    'content-type': doc.mediaType,
    'content-length': String(doc.bytes.byteLength),
    'content-disposition': contentDisposition(doc.originalName, sha256.toLowerCase()),
    'content-security-policy': ARCHIVE_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'public, max-age=31536000, immutable',
    etag: `"${sha256.toLowerCase()}"`,
  };
  return new Response(method === 'HEAD' ? null : new Uint8Array(doc.bytes), { status: 200, headers });
}

/** A yoga plugin that answers /documents/… before GraphQL sees the request. */
export function archiveRoute(home: string): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(DOCUMENTS_PATH)) return;
      return serveArchived(home, request.method, url.pathname)
        .catch((err: unknown) => {
          // An unreadable archive is the server's problem: logged here, never described to the client.
          console.error(`GET ${url.pathname}: ${(err as Error)?.stack ?? String(err)}`);
          return problem(500, 'INTERNAL_SERVER_ERROR', 'The document could not be read; the server log says why.');
        })
        .then(endResponse);
    },
  };
}
