// Hostile documents, built by the tests in a temporary folder (none is committed: some are tens of MB).
import fs from 'node:fs';
import path from 'node:path';
import { buildPdf, textPage } from '../fixtures/make/pdf-writer.ts';

const ucs2 = (s: string) => Buffer.from(s, 'utf16le').swap16();

/** An award notice wrapped in `depth` nested <div>s. */
export function nestedDivs(depth: number): Buffer {
  return Buffer.from(
    '<html><head><meta charset="utf-8"><title>中标公告</title></head><body>' + '<div>'.repeat(depth) + '中标人：示例科技有限公司' + '</div>'.repeat(depth) + '</body></html>',
  );
}

/** A one-page PDF whose page tree names that page `times` times. */
export function repeatedPagePdf(times: number): Buffer {
  return buildPdf([textPage(['中标公告'], ucs2)], 'UniGB-UCS2-H', { repeatEachPage: times });
}

/** A PDF of `pages` pages, one short line each. */
export function manyPagesPdf(pages: number): Buffer {
  return buildPdf(Array.from({ length: pages }, (_, i) => textPage([`第${i + 1}页`], ucs2)), 'UniGB-UCS2-H');
}

/** An HTML page of `paragraphs` tiny paragraphs: small on disk, large as a DOM. */
export function wideHtml(paragraphs: number): Buffer {
  return Buffer.from('<html><body>' + '<p>某</p>'.repeat(paragraphs) + '</body></html>');
}

export function writeFile(dir: string, name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}
