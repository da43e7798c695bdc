// Tables as rows of cell texts, from HTML (cheerio, with colspan/rowspan laid out on a grid) or from
// extracted PDF text (one line per row, cells separated by tabs or runs of spaces).
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

export interface TableRow {
  /** Cell texts on the grid: a spanning cell repeats in every column (and row) it covers. */
  cells: string[];
  /** The row's own cells, joined by tabs: how the HTML reader writes a data row. */
  snippet: string;
  /** Number of cells the row really has (a one-cell row spanning the table is a note, not data). */
  ownCells: number;
  /** Grid positions covered by a cell spanning several columns (notes, group headers). */
  spanned: boolean[];
  /** 1-based row number within its table, for warnings. */
  number: number;
}

export interface Table {
  /** Text just before the table (its caption or heading), for telling tables apart. */
  heading: string;
  rows: TableRow[];
}

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

export function cellText(raw: string): string {
  return raw.replace(SPACES, ' ').trim();
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag';
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const row of child.children) if (isElement(row) && row.name === 'tr') rows.push(row);
    }
  }
  return rows;
}

function span(el: Element, attr: string): number {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 100) : 1;
}

/** The HTML tables of a page, outermost first, each laid out on a grid. */
export function htmlTables(html: string): Table[] {
  const $ = load(html);
  const precedingText = (el: Element): string => {
    const caption = $(el).children('caption').first().text();
    if (cellText(caption)) return cellText(caption);
    let node: AnyNode | null = el;
    while (node) {
      for (let prev: AnyNode | null = node.prev; prev; prev = prev.prev) {
        const text = cellText($(prev).text());
        if (text) return text.slice(-200);
      }
      node = node.parent;
    }
    return '';
  };
  const tables: Table[] = [];
  $('table').each((_, el) => {
    const grid: string[][] = [];
    const wide: boolean[][] = [];
    const rows: TableRow[] = [];
    rowsOf(el).forEach((tr, r) => {
      grid[r] ??= [];
      const own = tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
      let col = 0;
      for (const cell of own) {
        while (grid[r][col] !== undefined) col++;
        const text = cellText($(cell).text());
        const colspan = span(cell, 'colspan');
        for (let dr = 0; dr < span(cell, 'rowspan'); dr++) {
          grid[r + dr] ??= [];
          wide[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) {
            grid[r + dr][col + dc] = text;
            wide[r + dr][col + dc] = colspan > 1;
          }
        }
        col += span(cell, 'colspan');
      }
      const cells = Array.from(grid[r], (c) => c ?? '');
      const snippet = own.map((c) => cellText($(c).text())).join('\t');
      const spanned = Array.from(wide[r] ?? [], (w) => w === true);
      rows.push({ cells, snippet, ownCells: own.length, spanned, number: r + 1 });
    });
    tables.push({ heading: precedingText(el), rows });
  });
  return tables;
}

/**
 * Cells of one line of extracted text: tab-separated when tabs are present (empty cells kept, so
 * positions hold where the writer kept them), else split on runs of spaces.
 */
export function textCells(line: string): string[] {
  if (line.includes('\t')) {
    const cells = line.split('\t').map(cellText);
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells.every((c) => c === '') ? [] : cells;
  }
  const wide = line.trim().split(/\s{2,}/).filter((c) => c !== '');
  return wide.length >= 3 ? wide : line.trim().split(/\s+/).filter((c) => c !== '');
}

export interface TextLine {
  text: string;
  offset: number;
  number: number;
}

export function linesOf(text: string): TextLine[] {
  const out: TextLine[] = [];
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    out.push({ text: line, offset, number: i + 1 });
    offset += line.length + 1;
  });
  return out;
}

/** Finds each row's snippet in the document text, moving forward, so evidence offsets can be kept. */
export function offsetFinder(text: string): (snippet: string) => number | null {
  let cursor = 0;
  return (snippet) => {
    if (!snippet) return null;
    const at = text.indexOf(snippet, cursor);
    if (at < 0) return null;
    cursor = at + snippet.length;
    return at;
  };
}
