// Tables flattened to one cell per line, as crawlers keep a notice's page text:
//   序号 / 供应商名称 / 供应商地址 / 中标（成交）金额 / 1 / 某某公司 / 某地 / 报价：999200（元）
// A run of short lines that starts with a header of known column labels is rebuilt into rows, the
// header giving the number of cells; each rebuilt line keeps its cells as slices of the document text,
// so evidence offsets stay exact. A row that does not fit (a missing cell, a heading, a second header)
// ends the table: nothing is guessed.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import type { ColumnRole } from './labels.ts';
import { joinSpans } from './page.ts';
import type { Line, Page, Span } from './page.ts';
import { headingText } from './sections.ts';
import { columnRoleOf } from './tables.ts';

const MAX_HEADER_CELL = 20;
const MAX_CELL = 150;
const MIN_COLUMNS = 3;
const STRONG = new Set<ColumnRole>(['winner', 'supplier', 'bidder', 'address', 'amount', 'rank', 'lot', 'uscc', 'failReason']);
const NAMES = new Set<ColumnRole>(['winner', 'supplier', 'bidder']);
const SERIAL = /^(序号|编号|序)$/;
const NO_WINNER = /无供应商|无人?投标|流标|废标|无效|无成交|未成交|无中标|失败/;

function headerRole(line: Line): ColumnRole | null {
  const text = line.span.text;
  if (line.cells || text.length > MAX_HEADER_CELL || /[：:，,。；;]/.test(text) || /\d/.test(text.replace(/[(（][^)）]*[)）]/g, ''))) return null;
  return columnRoleOf(text);
}

/** A sentence (two clauses or more) is running text, not a cell; 1,798,196.00 has thousands separators, not clauses. */
const SENTENCE = /[。；;!！?？].|[，,].*[，,]/;
const THOUSANDS = /(?<=\d)[,，](?=\d{3})/g;

function cellLike(line: Line): boolean {
  const text = line.span.text;
  return !line.cells && text.length <= MAX_CELL && !SENTENCE.test(text.replace(THOUSANDS, '')) && headingText(text) === null
    && headerRole(line) === null;
}

function merged(page: Page, cells: Line[]): Line {
  const spans: Span[] = cells.map((c) => c.span);
  return { index: -1, span: joinSpans(page, spans[0], spans[spans.length - 1]), cells: spans };
}

/** The rows under a header of `width` columns starting at line `from`; each row is its lines. */
function rowsUnder(page: Page, roles: ColumnRole[], from: number): Line[][] {
  const lines = page.lines;
  const width = roles.length;
  const serial = SERIAL.test(lines[from - width].span.text.replace(/\s+/g, ''));
  const name = roles.findIndex((r) => NAMES.has(r));
  const rows: Line[][] = [];
  for (let j = from; j + width <= lines.length; j += width) {
    const row = lines.slice(j, j + width);
    if (!row.every(cellLike)) break;
    if (serial && row[0].span.text !== String(rows.length + 1)) break;
    if (name >= 0) {
      const cell = row[name].span.text;
      if (!looksLikeCompanyName(cell) && !(cell.length <= MAX_HEADER_CELL && NO_WINNER.test(cell))) break;
    }
    rows.push(row);
  }
  return rows;
}

/** The page with flattened tables rebuilt into rows of cells; the page itself when there are none. */
export function rebuildFlatTables(page: Page): Page {
  const lines = page.lines;
  const out: Line[] = [];
  let changed = false;
  for (let i = 0; i < lines.length; ) {
    const roles: ColumnRole[] = [];
    for (let k = i; k < lines.length; k++) {
      const role = headerRole(lines[k]);
      if (role === null) break;
      roles.push(role);
    }
    const strong = roles.filter((r) => STRONG.has(r)).length;
    const rows = roles.length >= MIN_COLUMNS && strong >= 2 ? rowsUnder(page, roles, i + roles.length) : [];
    if (rows.length === 0) {
      out.push(lines[i]);
      i++;
      continue;
    }
    changed = true;
    out.push(merged(page, lines.slice(i, i + roles.length)));
    for (const row of rows) out.push(merged(page, row));
    i += roles.length * (rows.length + 1);
  }
  if (!changed) return page;
  return { text: page.text, lines: out.map((l, index) => ({ ...l, index })) };
}
