// The request body limit, checked on the raw Node request before yoga sees it. Node's HTTP parser
// never reads past Content-Length, so the header alone bounds the body; yoga's own limit pipes
// every body through an extra stream, which cost about a third of the time before execution.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const DEFAULT_MAX_REQUEST_BYTES = 1_048_576;

function refuse(res: ServerResponse, status: number, code: string, message: string): true {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  // The body was not read: the connection cannot carry another request.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
  return true;
}

/** Answers the request with an error and returns true when its body is too large or of unknown length. */
export function refuseBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  const length = req.headers['content-length'];
  if (length === undefined) {
    if (req.headers['transfer-encoding'] === undefined) return false; // no body
    return refuse(res, 411, 'LENGTH_REQUIRED', 'Send the request body with a Content-Length header; chunked bodies are not accepted.');
  }
  if (!/^\d+$/.test(length)) return refuse(res, 400, 'BAD_REQUEST', 'Content-Length header is invalid.');
  if (Number(length) > maxBytes) {
    return refuse(res, 413, 'REQUEST_ENTITY_TOO_LARGE', `Request body too large (${length} bytes; the limit is ${maxBytes}).`);
  }
  return false;
}
