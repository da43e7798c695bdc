// Bytes in, ReadDocument out: the first reader whose `matches` accepts the bytes reads them.
import { readFile as readBytes, stat } from 'node:fs/promises';
import type { ReadDocument } from './document.ts';
import { ReadError } from './document.ts';
import { htmlReader } from './html.ts';
import { pdfReader } from './pdf.ts';
import type { ReadOptions, Reader } from './reader.ts';
import { checkSize, resolveOptions, sha256Hex } from './reader.ts';
import { textReader } from './text.ts';

export type { ReadDocument } from './document.ts';
export { ReadError } from './document.ts';
export type { ReadOptions, Reader } from './reader.ts';
export { defaultReadOptions } from './reader.ts';
export { htmlToText } from './html-text.ts';

/** In order: the PDF magic, then HTML markers, then plain text as the fallback. */
export const readers: readonly Reader[] = [pdfReader, htmlReader, textReader];

export function pickReader(bytes: Buffer, path: string): Reader {
  // textReader matches everything, so find() always succeeds.
  return readers.find((reader) => reader.matches(bytes, path)) ?? textReader;
}

/**
 * Read a document already in memory. Throws ReadError (with the path and a reason) for unreadable
 * input. `sha256` is the bytes' hash when the caller has it already (the pipeline hashes each file
 * once, to know whether it is new), so they are not hashed again.
 */
export async function readDocument(path: string, bytes: Buffer, options?: Partial<ReadOptions>, sha256?: string): Promise<ReadDocument> {
  if (bytes.length === 0) throw new ReadError(path, 'empty file');
  const content = await pickReader(bytes, path).read(bytes, path, options);
  return { ...content, sha256: sha256 ?? sha256Hex(bytes) };
}

/** Read a file from disk; files above every size limit are refused before they are loaded. */
export async function readFile(path: string, options?: Partial<ReadOptions>): Promise<ReadDocument> {
  const limits = resolveOptions(options);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ReadError(path, `cannot open file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  if (!info.isFile()) throw new ReadError(path, 'not a regular file');
  checkSize(path, info.size, Math.max(limits.maxTextBytes, limits.maxPdfBytes));
  return readDocument(path, await readBytes(path), options);
}
