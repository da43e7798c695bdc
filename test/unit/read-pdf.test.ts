import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PDFParse } from 'pdf-parse';
import { ReadError } from '../../ingest/read/document.ts';
import { readDocument, readFile } from '../../ingest/read/index.ts';
import { pdfResources, readPdf } from '../../ingest/read/pdf.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/read');
const fixture = (name: string) => path.join(fixtures, name);

const noticeLines = [
  '示例县视频监控设备采购项目中标公告',
  '项目名称：示例县视频监控设备采购项目',
  '采购人：示例县公安局',
  '中标供应商：示例科技有限公司',
  '中标金额：1,200,000.00元（人民币壹佰贰拾万元整）',
];

async function rejectsWith(promise: Promise<unknown>, reason: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ReadError, `expected a ReadError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    return true;
  });
}

describe('PDF reader', () => {
  // Any network access would go through fetch: count the calls while these tests run.
  const realFetch = globalThis.fetch;
  let fetchCalls: string[] = [];
  beforeEach(() => {
    fetchCalls = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      fetchCalls.push(String(input));
      throw new Error('network access is not allowed in the PDF reader');
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    assert.deepEqual(fetchCalls, []);
  });

  it('extracts Chinese text set in the non-embedded font STSong-Light with the UniGB-UCS2-H CMap', async () => {
    const doc = await readFile(fixture('cid-ucs2.pdf'));
    assert.equal(doc.mediaType, 'application/pdf');
    assert.equal(doc.encoding, null);
    assert.equal(doc.html, null);
    assert.equal(doc.pages, 2);
    assert.deepEqual(doc.warnings, []);
    assert.equal(doc.sha256, 'f41f70cbdcb9350014d18a87a6a7c15466802d2fd7dc9176b1845d7a8b6f46ee');
    // Pages are joined with a newline.
    assert.equal(doc.text, [...noticeLines, '发布日期：2016年11月30日'].join('\n'));
  });

  it('extracts the same notice encoded with the GBK-EUC-H CMap', async () => {
    const doc = await readFile(fixture('cid-gbk-euc.pdf'));
    assert.equal(doc.pages, 1);
    assert.equal(doc.text, noticeLines.join('\n'));
  });

  it('gets nothing from these fixtures without the CMaps, so they do exercise the CMap path', async () => {
    for (const name of ['cid-ucs2.pdf', 'cid-gbk-euc.pdf']) {
      const parser = new PDFParse({ data: new Uint8Array(readFileSync(fixture(name))) });
      try {
        const result = await parser.getText({ pageJoiner: '' });
        assert.deepEqual(result.pages.map((p) => p.text), name === 'cid-ucs2.pdf' ? ['', ''] : ['']);
      } finally {
        await parser.destroy();
      }
    }
  });

  it('reads the CMaps and fonts from the installed pdfjs-dist folders', () => {
    assert.ok(existsSync(path.join(pdfResources.cMapUrl, 'UniGB-UCS2-H.bcmap')));
    assert.ok(existsSync(path.join(pdfResources.cMapUrl, 'GBK-EUC-H.bcmap')));
    assert.ok(existsSync(path.join(pdfResources.cMapUrl, 'Adobe-GB1-UCS2.bcmap')));
    assert.ok(existsSync(path.join(pdfResources.standardFontDataUrl, 'FoxitSerif.pfb')));
    assert.equal(pdfResources.cMapPacked, true);
  });

  it('refuses an encrypted PDF', async () => {
    await rejectsWith(readFile(fixture('encrypted.pdf')), 'PDF is encrypted (password required)');
  });

  it('refuses a PDF cut in half', async () => {
    await rejectsWith(readFile(fixture('truncated.pdf')), 'corrupt or truncated PDF (Invalid PDF structure.)');
  });

  it('refuses a page with an image and no text layer', async () => {
    await rejectsWith(readFile(fixture('scanned.pdf')), 'no text layer (scanned PDF?); OCR is not supported');
  });

  it('warns when the end-of-file marker is missing but the content still reads', async () => {
    const bytes = readFileSync(fixture('cid-gbk-euc.pdf'));
    const cut = bytes.subarray(0, bytes.lastIndexOf('%%EOF'));
    const doc = await readDocument('cut.pdf', cut);
    assert.equal(doc.text, noticeLines.join('\n'));
    assert.deepEqual(doc.warnings, ['no %%EOF marker at the end of the file (truncated?)']);
  });

  it('refuses a file named .pdf that is not a PDF', async () => {
    await rejectsWith(readDocument('notice.pdf', Buffer.from('中标公告')), 'not a PDF (no %PDF- header)');
  });

  it('takes a configured size limit', async () => {
    await rejectsWith(readPdf(readFileSync(fixture('cid-ucs2.pdf')), 'a.pdf', { maxPdfBytes: 1024 }),
      'file too large (2.0 KB > 1 KB limit)');
  });
});
