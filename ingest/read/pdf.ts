// PDFs through pdf-parse 2 (pdf.js). Government PDFs often use CID fonts that are not embedded
// (STSong-Light with UniGB-UCS2-H, GBK-EUC-H...): pdf.js decodes them only with Adobe's CMap files,
// and without them the text comes out empty with no error. The CMaps and standard fonts that ship in
// pdfjs-dist are read from disk; nothing is fetched over the network.
import { createRequire } from 'node:module';
import path from 'node:path';
import { InvalidPDFException, FormatError, PasswordException, PDFParse, UnknownErrorException, VerbosityLevel } from 'pdf-parse';
import type { ReadContent } from './document.ts';
import { ReadError } from './document.ts';
import type { ReadOptions, Reader } from './reader.ts';
import { checkSize, extensionOf, resolveOptions } from './reader.ts';
import { looksLikeHtml } from './html.ts';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Load parameters that point pdf.js at the local CMap and font folders. In Node, pdf.js reads these
 * with fs.readFile, so they are plain paths (with the trailing separator pdf.js insists on).
 */
export const pdfResources = {
  cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
  cMapPacked: true,
  standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
} as const;

/** `%PDF-` within the first KB (the spec lets junk precede the header). */
export function hasPdfMagic(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-');
}

function hasEofMarker(bytes: Uint8Array): boolean {
  const start = Math.max(0, bytes.byteLength - 1024);
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).includes('%%EOF');
}

/** Turn pdf-parse's exceptions into reasons; anything else is a bug and is rethrown. */
function readErrorFor(path: string, error: unknown): ReadError {
  if (error instanceof PasswordException) return new ReadError(path, 'PDF is encrypted (password required)', { cause: error });
  if (error instanceof InvalidPDFException || error instanceof FormatError) {
    return new ReadError(path, `corrupt or truncated PDF (${error.message})`, { cause: error });
  }
  if (error instanceof UnknownErrorException) return new ReadError(path, `unreadable PDF (${error.message})`, { cause: error });
  throw error;
}

export async function readPdf(bytes: Buffer, path: string, options?: Partial<ReadOptions>): Promise<ReadContent> {
  checkSize(path, bytes.length, resolveOptions(options).maxPdfBytes);
  if (!hasPdfMagic(bytes)) throw new ReadError(path, 'not a PDF (no %PDF- header)');
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, ...pdfResources });
  let pages: { num: number; text: string }[];
  let total: number;
  try {
    const result = await parser.getText({ pageJoiner: '' });
    pages = result.pages;
    total = result.total;
  } catch (error) {
    throw readErrorFor(path, error);
  } finally {
    await parser.destroy();
  }
  if (total === 0) throw new ReadError(path, 'PDF has no pages');
  const texts = pages.map((page) => page.text.trimEnd());
  const blank = pages.filter((page) => page.text.trim() === '').map((page) => page.num);
  if (blank.length === total) throw new ReadError(path, 'no text layer (scanned PDF?); OCR is not supported');
  const warnings: string[] = [];
  if (blank.length > 0) warnings.push(`page(s) ${blank.join(', ')} of ${total} have no text layer (scanned?)`);
  if (!hasEofMarker(bytes)) warnings.push('no %%EOF marker at the end of the file (truncated?)');
  return {
    path,
    mediaType: 'application/pdf',
    encoding: null,
    html: null,
    text: texts.join('\n'),
    pages: total,
    warnings,
  };
}

export const pdfReader: Reader = {
  name: 'pdf',
  // A .pdf name is a hint only: servers often hand out HTML error pages under it.
  matches: (bytes, path) => hasPdfMagic(bytes) || (extensionOf(path) === '.pdf' && !looksLikeHtml(bytes)),
  read: readPdf,
};
