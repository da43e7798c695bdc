// The same page as other sites' crawlers keep it: an HTML notice's text laid out again, so that the labels of one page
// also measure how the extractor holds on layouts no fixture covers. `flat`: every cell and block on a line of its own
// (a table becomes one cell per line, a label and its value part); `tabs`: a table row on one line, its cells parted
// by tabs. Blank cells vanish from flat text, as they do in crawled page text; tabbed text keeps a blank cell between
// others (two tabs) and drops those at a row's end.
import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';

export type Layout = 'flat' | 'tabs';
export const layouts: readonly Layout[] = ['flat', 'tabs'];

const BLOCKS = new Set(['p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tbody', 'thead', 'section',
  'article', 'ul', 'ol', 'dl', 'dt', 'dd', 'hr', 'form', 'center', 'blockquote', 'pre', 'caption']);

export function relaid(html: string, layout: Layout): string {
  const $ = load(html);
  $('script, style, noscript, head').remove();
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    const text = line.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').trim();
    if (text) lines.push(text);
    line = '';
  };
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      line += node.data.replace(/\s+/g, ' ');
      return;
    }
    const children = 'children' in node ? node.children : [];
    if (node.type !== 'tag') {
      children.forEach(walk);
      return;
    }
    if (node.name === 'td' || node.name === 'th') {
      if (layout === 'flat') flush();
      else if (line.trim()) line += '\t';
      children.forEach(walk);
      if (layout === 'flat') flush();
      return;
    }
    if (BLOCKS.has(node.name)) flush();
    children.forEach(walk);
    if (BLOCKS.has(node.name)) flush();
  };
  walk($.root()[0]);
  flush();
  return `${lines.join('\n')}\n`;
}
