// Plain text: UTF-8 or the GB family, detected as for HTML but with no charset declaration to honour.
import type { ReadContent } from './document.ts';
import { ReadError } from './document.ts';
import { decodeText } from './encoding.ts';
import { decodeEntities } from './entities.ts';
import type { ReadOptions, Reader } from './reader.ts';
import { checkSize, resolveOptions } from './reader.ts';

export async function readText(bytes: Buffer, path: string, options?: Partial<ReadOptions>): Promise<ReadContent> {
  checkSize(path, bytes.length, resolveOptions(options).maxTextBytes);
  const decoded = decodeText(bytes, null);
  if (!decoded) throw new ReadError(path, 'not a text document (binary content)');
  return {
    path,
    mediaType: 'text/plain',
    encoding: decoded.encoding,
    html: null,
    // One line-ending convention, so offsets do not depend on where the file was written; character
    // references left in by a crawler (&nbsp;) decoded, so they end no name.
    text: decodeEntities(decoded.text.replace(/\r\n?/g, '\n')),
    pages: null,
    warnings: decoded.warnings,
  };
}

/** The fallback: anything that is not a PDF or HTML is tried as text (binary content is refused on read). */
export const textReader: Reader = {
  name: 'text',
  matches: () => true,
  read: readText,
};
