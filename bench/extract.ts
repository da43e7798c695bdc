// `npm run bench:extract`: notices per second for HTML and pages per second for PDF on one core, each
// against a baseline measured in the same run (cheerio parsing alone; pdf-parse text extraction alone).
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { PDFParse, VerbosityLevel } from 'pdf-parse';
import { repoRoot } from '../src/config.ts';
import { readDocument } from '../ingest/read/index.ts';
import { declaredHtmlCharset, decodeText } from '../ingest/read/encoding.ts';
import { pdfResources } from '../ingest/read/pdf.ts';
import { extractNotice } from '../ingest/extract/index.ts';
import { buildPdf, textPage } from '../test/fixtures/make/pdf-writer.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);

interface Doc { path: string; bytes: Buffer }

function htmlDocs(): Doc[] {
  const dirs = [path.resolve(repoRoot, '../shared/corpus/real'), path.join(repoRoot, 'test/golden'), path.join(repoRoot, 'samples')];
  const docs: Doc[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.html')) continue;
      const p = path.join(e.parentPath, e.name);
      const bytes = fs.readFileSync(p);
      if (bytes.length >= 1024) docs.push({ path: p, bytes });
    }
  }
  return docs;
}

function ucs2(s: string): Buffer {
  const b = Buffer.alloc(s.length * 2);
  for (let i = 0; i < s.length; i++) b.writeUInt16BE(s.charCodeAt(i), i * 2);
  return b;
}

/** Award notices of `pages` pages each, set in a non-embedded CID font, like the government PDFs. */
function pdfDocs(count: number, pages: number): Doc[] {
  const docs: Doc[] = [];
  for (let d = 0; d < count; d++) {
    const body = Array.from({ length: pages }, (_, p) => {
      const lines = p === 0
        ? [`第${d + 1}号县级视频监控建设项目中标公告`, `项目编号：BENCH-2017-${d}`, `项目名称：第${d + 1}号县级视频监控建设项目`,
           '采购人：墨玉县公安局', '采购方式：公开招标', '中标供应商：杭州海康威视数字技术股份有限公司', `中标金额：￥${(d + 1) * 1234567}.00元`]
        : [];
      while (lines.length < 30) lines.push(`第${p + 1}页 附件：技术参数与评审说明，前端点位${lines.length}处，传输网络与监控中心建设。`);
      return textPage(lines, ucs2);
    });
    docs.push({ path: `bench-${d}.pdf`, bytes: buildPdf(body, 'UniGB-UCS2-H') });
  }
  return docs;
}

/** Runs `fn` over the documents in rounds until `seconds` have passed; returns documents per second. */
async function rate(docs: Doc[], fn: (d: Doc) => unknown): Promise<number> {
  for (const d of docs) await fn(d); // warm-up
  let n = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    for (const d of docs) await fn(d);
    n += docs.length;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  return n / elapsed;
}

const html = htmlDocs();
const decoded = new Map(html.map((d) => [d.path, decodeText(d.bytes, declaredHtmlCharset(d.bytes))!.text]));
const kb = html.reduce((s, d) => s + d.bytes.length, 0) / html.length / 1024;
const cheerioRate = await rate(html, (d) => cheerio.load(decoded.get(d.path)!));
const htmlRate = await rate(html, async (d) => extractNotice(await readDocument(d.path, d.bytes)));

const PAGES = 5;
const pdfs = pdfDocs(8, PAGES);
const pdfParseRate = await rate(pdfs, async (d) => {
  const parser = new PDFParse({ data: new Uint8Array(d.bytes), verbosity: VerbosityLevel.ERRORS, ...pdfResources });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
});
const pdfRate = await rate(pdfs, async (d) => extractNotice(await readDocument(d.path, d.bytes)));

const f = (x: number) => x.toFixed(1).padStart(9);
console.log(`HTML: ${html.length} documents, mean ${kb.toFixed(1)} KB; PDF: ${pdfs.length} documents of ${PAGES} pages; ${seconds}s per figure, one core`);
console.log(`                                   per second   ratio`);
console.log(`HTML baseline  cheerio.load        ${f(cheerioRate)}   1.00`);
console.log(`HTML bidgraph  read + extract      ${f(htmlRate)}   ${(cheerioRate / htmlRate).toFixed(2)}x the baseline's time`);
console.log(`PDF baseline   pdf-parse getText   ${f(pdfParseRate * PAGES)}   1.00   (pages/s)`);
console.log(`PDF bidgraph   read + extract      ${f(pdfRate * PAGES)}   ${(pdfParseRate / pdfRate).toFixed(2)}x the baseline's time (pages/s)`);
