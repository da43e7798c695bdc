// The readable text of an HTML page, line by line. Evidence offsets point into this string, so the
// extractor must build its text with this same function.
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements whose content is never readable text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select']);

/** Elements that start and end a line. Table parts are handled separately. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'option', 'p', 'pre', 'section', 'summary', 'title', 'ul', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'td', 'th', 'textarea', 'xmp', 'listing', 'plaintext',
]);

/** A cell longer than this is page layout, not data: its paragraphs keep their own lines. */
const MAX_INLINE_CELL = 300;

// Whitespace that HTML collapses, plus no-break and ideographic spaces (Word and Chinese indents).
const SPACES = /[ \t\n\r\f\u00a0\u3000\u2002\u2003\u2009]+/g;
// Invisible characters that would otherwise split words.
const ZERO_WIDTH = /[\u200b\u200c\u200d\ufeff]/g;

/** Accumulates lines; a pending break is only written when more text follows. */
class LineWriter {
  private readonly lines: string[] = [];
  private current = '';
  private pendingSpace = false;

  text(s: string): void {
    const collapsed = s.replace(ZERO_WIDTH, '').replace(SPACES, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (collapsed === ' ' && this.current !== '') this.pendingSpace = true;
      return;
    }
    let piece = collapsed;
    if (piece.startsWith(' ')) {
      piece = piece.slice(1);
      if (this.current !== '') this.pendingSpace = true;
    }
    const trailing = piece.endsWith(' ');
    if (trailing) piece = piece.slice(0, -1);
    if (this.pendingSpace && this.current !== '' && !this.current.endsWith('\t')) this.current += ' ';
    this.current += piece;
    this.pendingSpace = trailing;
  }

  /** Text that is written as is (a table row already assembled). */
  raw(s: string): void {
    this.current += s;
    this.pendingSpace = false;
  }

  newline(): void {
    if (this.current !== '') this.lines.push(this.current);
    this.current = '';
    this.pendingSpace = false;
  }

  finish(): string[] {
    this.newline();
    return this.lines;
  }
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Depth-first, with an explicit stack: a page may nest elements deeper than the call stack allows. */
function hasDescendant(node: Element, name: string): boolean {
  const stack: AnyNode[] = [...node.children];
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (!isElement(child)) continue;
    if (child.name === name) return true;
    for (const c of child.children) stack.push(c);
  }
  return false;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
}

function renderChildrenToLines(node: Element): string[] {
  const writer = new LineWriter();
  renderAll(node.children, writer);
  return writer.finish();
}

/** A step of the walk: a node to render, or a line break owed after a block's children. */
type Step = AnyNode | 'newline';

/**
 * A data row (two or more short cells, no nested table) becomes one line with cells separated by a tab;
 * anything else (layout tables wrapping a whole page) keeps the line structure of its content: its
 * children, then a line break, are added to `later` (in document order) instead of rendered here.
 */
function renderRow(row: Element, out: LineWriter, later: Step[]): void {
  const cells = cellsOf(row);
  const layout = cells.length < 2 || cells.some((c) => hasDescendant(c, 'table'));
  // A data row's cells hold no table, hence no row: this nests one level at most.
  const cellLines = layout ? null : cells.map(renderChildrenToLines);
  if (!cellLines || cellLines.some((lines) => lines.join(' ').length > MAX_INLINE_CELL)) {
    out.newline();
    for (const child of row.children) later.push(child);
    later.push('newline');
    return;
  }
  const texts = cellLines.map((lines) => lines.join(' '));
  if (texts.every((t) => t === '')) return; // spacer rows
  out.newline();
  out.raw(texts.join('\t'));
  out.newline();
}

/** The steps of a table: its rows (inside thead/tbody/tfoot or not), between two line breaks. */
function tableSteps(table: Element): Step[] {
  const steps: Step[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const row of child.children) if (isElement(row)) steps.push(row);
    } else steps.push(child);
  }
  steps.push('newline');
  return steps;
}

/** Renders the nodes in document order, depth first, without recursion. */
function renderAll(nodes: readonly AnyNode[], out: LineWriter): void {
  const stack: Step[] = [...nodes].reverse();
  const later = (steps: Step[]) => {
    for (let i = steps.length - 1; i >= 0; i--) stack.push(steps[i]);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'newline') {
      out.newline();
      continue;
    }
    if (node.type === 'text') {
      out.text((node as unknown as { data: string }).data);
      continue;
    }
    if (!isElement(node)) continue; // comments, directives, CDATA
    const name = node.name;
    if (SKIPPED.has(name) || node.type !== 'tag') continue;
    if (name === 'br') {
      out.newline();
    } else if (name === 'table') {
      out.newline();
      later(tableSteps(node));
    } else if (name === 'tr') {
      const rest: Step[] = [];
      renderRow(node, out, rest);
      later(rest);
    } else if (BLOCKS.has(name)) {
      out.newline();
      later([...node.children, 'newline']);
    } else {
      later([...node.children]);
    }
  }
}

/**
 * Readable text of an HTML page or fragment: block elements start new lines, table cells of a data row are
 * separated by a tab, scripts, styles and comments are dropped, entities decoded, runs of spaces collapsed
 * and lines trimmed; empty lines are dropped.
 */
export function htmlToText(html: string): string {
  const $ = load(html);
  const root = $.root()[0];
  const writer = new LineWriter();
  renderAll(root.children, writer);
  return writer.finish().join('\n');
}
