// Plain text: UTF-8 or the GB family, detected as for HTML but with no charset declaration to honour.
import type { ReadContent } from './document.ts';
import { ReadError } from './document.ts';
import { decodeText } from './encoding.ts';
import { decodeEntities } from './entities.ts';
import { htmlToText } from './html-text.ts';
import type { ReadOptions, Reader } from './reader.ts';
import { checkSize, resolveOptions } from './reader.ts';

export async function readText(bytes: Buffer, path: string, options?: Partial<ReadOptions>): Promise<ReadContent> {
  checkSize(path, bytes.length, resolveOptions(options).maxTextBytes);
  const decoded = decodeText(bytes, null);
  if (!decoded) throw new ReadError(path, 'not a text document (binary content)');
  // One line-ending convention, so offsets do not depend on where the file was written; character
  // references left in by a crawler (&nbsp;) decoded, so they end no name.
  const text = decodeEntities(withLineBreaks(decoded.text).replace(/\r\n?/g, '\n'));
  if (isEscapedMarkup(decoded.text)) {
    // A page's markup stored escaped (&lt;span style=…&gt;1、项目名称：…): once unescaped it is read as the page it is.
    // Its own line breaks stay breaks: markup would fold them into spaces.
    return { path, mediaType: 'text/html', encoding: decoded.encoding, html: text, text: htmlToText(text.replace(/\n/g, '<br>\n')), pages: null,
      warnings: [...decoded.warnings, 'markup stored escaped as text (&lt;span…&gt;): read as HTML'] };
  }
  return { path, mediaType: 'text/plain', encoding: decoded.encoding, html: null, text, pages: null, warnings: decoded.warnings };
}

/** At least this many backslash-n pairs in a text of one line: a string stored with its breaks escaped. */
const ESCAPED_BREAKS_MIN = 5;

/** A crawler's string saved with its line breaks written as backslash-n (…公示如下：\\n\\n 一、项目信息) gets them back. */
function withLineBreaks(text: string): string {
  if (text.trimEnd().includes('\n') || (text.match(/\\n/g)?.length ?? 0) < ESCAPED_BREAKS_MIN) return text;
  return text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\\t/g, '\t');
}

const ESCAPED_TAG = /&lt;\/?(?:p|br|span|div|table|tr|td|font|strong|b)\b/gi;
const ESCAPED_TAGS_MIN = 3;

function isEscapedMarkup(text: string): boolean {
  return (text.slice(0, 4096).match(ESCAPED_TAG)?.length ?? 0) >= ESCAPED_TAGS_MIN;
}

/** The fallback: anything that is not a PDF or HTML is tried as text (binary content is refused on read). */
export const textReader: Reader = {
  name: 'text',
  matches: () => true,
  read: readText,
};
