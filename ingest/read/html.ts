// HTML pages and article fragments: decode the bytes (BOM, declared charset, sniffing), then the readable text.
import type { ReadContent } from './document.ts';
import { ReadError } from './document.ts';
import { declaredHtmlCharset, decodeText } from './encoding.ts';
import { htmlToText } from './html-text.ts';
import type { ReadOptions, Reader } from './reader.ts';
import { checkSize, extensionOf, resolveOptions } from './reader.ts';

export { htmlToText } from './html-text.ts';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml', '.jsp', '.asp', '.aspx', '.php']);

// Tags that article fragments start with, besides full documents.
const HTML_MARKER = /<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|tbody|tr|td|span|br|font|strong|b|a|h[1-6]|center|section|article|ul|ol|li|style|script|form|input|img)\b/i;

/** True when the first 4 KB look like markup. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  return HTML_MARKER.test(head);
}

export async function readHtml(bytes: Buffer, path: string, options?: Partial<ReadOptions>): Promise<ReadContent> {
  checkSize(path, bytes.length, resolveOptions(options).maxTextBytes);
  const decoded = decodeText(bytes, declaredHtmlCharset(bytes));
  if (!decoded) throw new ReadError(path, 'not a text document (binary content)');
  const text = htmlToText(decoded.text);
  const warnings = [...decoded.warnings];
  if (text === '') {
    const images = decoded.text.match(/<img\b/gi)?.length ?? 0;
    warnings.push(images > 0 ? `page has no readable text, only ${images} image(s) (a scanned notice?)` : 'page has no readable text');
  }
  return {
    path,
    mediaType: 'text/html',
    encoding: decoded.encoding,
    html: decoded.text,
    text,
    pages: null,
    warnings,
  };
}

export const htmlReader: Reader = {
  name: 'html',
  matches: (bytes, path) => looksLikeHtml(bytes) || HTML_EXTENSIONS.has(extensionOf(path)),
  read: readHtml,
};
