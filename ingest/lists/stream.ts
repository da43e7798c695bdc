// List files too large to hold as one text (the full OpenSanctions export, the CSL JSON, OFAC's
// sdn.csv): recognised by their head, then read piece by piece from the file, so memory follows
// what the file lists, not its size. The pieces go to the same readings as a text held whole.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ListExtract, ListSource } from './entry.ts';
import { listSourceFor } from './index.ts';
import { ResultsSplitter } from './json-results.ts';
import { CsvLines, type LineUnit } from './units.ts';

/** Bytes of the head a list format is recognised by (every `matches` looks at less). */
export const HEAD_BYTES = 128 * 1024;

const CHUNK_BYTES = 1024 * 1024;

/** The file's head as text: complete lines only when the file goes on. */
export async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const text = new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead)).replace(/^\ufeff/, '');
    return bytesRead < HEAD_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  } finally {
    await handle.close();
  }
}

/** The list format of a file, judged by its head; null when none recognises it. */
export async function listSourceOfFile(path: string): Promise<ListSource | null> {
  return listSourceFor({ html: null, text: await readHead(path) });
}

/** The file's text in chunks, decoded as UTF-8 (the lists' encoding), with its byte-order mark dropped. */
async function* chunks(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: chunkBytes })) {
    yield first ? (chunk as string).replace(/^\ufeff/, '') : (chunk as string);
    first = false;
  }
}

/** Lines as the text reader gives them: \r\n and a lone \r end a line like \n. */
export async function* fileLines(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<LineUnit> {
  let carry = '';
  let line = 0;
  for await (const chunk of chunks(path, chunkBytes)) {
    const text = carry + chunk;
    // A \r at the end may be the first half of \r\n.
    const cut = text.endsWith('\r') ? text.length - 1 : text.length;
    const parts = text.slice(0, cut).split(/\r\n?|\n/);
    carry = parts.pop()! + text.slice(cut);
    for (const part of parts) yield { line: ++line, text: part };
  }
  if (carry !== '') yield { line: ++line, text: carry.replace(/\r$/, '') };
}

/** Lines where bytes were not UTF-8 (decoded as U+FFFD): one warning for the file, with the first. */
function encodingWatch(path: string): { see(u: LineUnit): LineUnit; warnings(): string[] } {
  let first = 0;
  let count = 0;
  return {
    see: (u) => {
      if (u.text.includes('\ufffd')) {
        count++;
        first ||= u.line;
      }
      return u;
    },
    warnings: () => (count ? [`${path}: line ${first}: not UTF-8 (${count} line(s) with undecodable bytes, shown as \ufffd)`] : []),
  };
}

async function readPieces(source: ListSource, path: string): Promise<ListExtract> {
  if (source.units === 'json-results') {
    const r = source.reading(path);
    const splitter = new ResultsSplitter();
    for await (const chunk of chunks(path)) for (const u of splitter.push(chunk)) r.take(u);
    for (const u of splitter.end()) r.take(u);
    return r.finish();
  }
  const watch = encodingWatch(path);
  let extract: ListExtract;
  if (source.units === 'lines') {
    const r = source.reading(path);
    for await (const u of fileLines(path)) r.take(watch.see(u));
    extract = r.finish();
  } else {
    const r = source.reading(path);
    const csv = new CsvLines();
    for await (const u of fileLines(path)) for (const record of csv.take(watch.see(u))) r.take(record);
    for (const record of csv.end()) r.take(record);
    extract = r.finish();
  }
  return { ...extract, warnings: [...watch.warnings(), ...extract.warnings] };
}

/** Reads a list file piece by piece; null when its head is no list format. */
export async function readListFile(path: string): Promise<(ListExtract & { source: string; mediaType: string }) | null> {
  const source = await listSourceOfFile(path);
  if (!source) return null;
  return { source: source.name, mediaType: source.mediaType, ...(await readPieces(source, path)) };
}
