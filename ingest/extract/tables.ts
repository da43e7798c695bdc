// Tables with a header row (序号 | 供应商名称 | 供应商地址 | 中标金额(万元)): which column holds what, and
// which tables name winners. Rows without a header are label/value pairs and are read in fields.ts.
import { classifyLabel, COLUMN_HEADERS, normaliseLabel, OTHER_COLUMN_HEADER, WON_MARK_NO, WON_MARK_YES } from './labels.ts';
import type { AmountUnit, ColumnRole } from './labels.ts';
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import { compact } from './page.ts';
import type { Line, Page, Span } from './page.ts';

export type { ColumnRole };

export interface Column {
  role: ColumnRole;
  header: Span;
  /** Unit named in the header: 成交金额(万元). */
  unit: AmountUnit | null;
  /** The header says the amount is the award's (中标金额, 成交价), not a bid. */
  awardAmount: boolean;
}

export interface TableRow {
  line: number;
  /** Cells aligned to the columns; null where the row has no cell (rowspan). */
  cells: (Span | null)[];
}

export interface Table {
  headerLine: number;
  /** Sub-header rows right under the header. */
  subHeaderLines: number[];
  columns: Column[];
  rows: TableRow[];
}

const UNIT_IN_HEADER = /(万元|亿元|元)/;
/** A price per something (元/吨, 每人): no sum's unit. A slash before the unit (中标价/万元) only names it. */
const PER_UNIT_HEADER = /(?:万元|亿元|元)\s*\/|每/;
/** The longest cell a header row may hold without naming a column. */
const MAX_UNNAMED_HEADER = 24;

function roleOf(norm: string): ColumnRole | null {
  for (const [role, re] of COLUMN_HEADERS) if (re.test(norm)) return role;
  return OTHER_COLUMN_HEADER.test(norm) ? 'other' : null;
}

/** A header's words less a trailing unit in brackets ((元), (%)); 中标（成交）金额(元) keeps its first brackets. */
function headerWords(text: string): string {
  return normaliseLabel(text).replace(/\([^()]*\)$/, (m) => (/(元|%|％)/.test(m) ? '' : m));
}

/** The role of a column named by `text`, or null when it names none. */
export function columnRoleOf(text: string): ColumnRole | null {
  const norm = headerWords(text);
  return norm === '' ? null : roleOf(norm);
}

/** A cell that names a column (序号, 供应商名称, 中标（成交）金额…) rather than holding a value. */
export function isColumnHeader(text: string): boolean {
  const norm = normaliseLabel(text).replace(/\([^()]*\)$/, '');
  return norm !== '' && norm.length <= 20 && roleOf(norm) !== null && !/[\d，,。；;]/.test(norm);
}

/** A row is a header when most of its non-empty cells are column names and it is not label/value pairs. */
function headerColumns(line: Line): Column[] | null {
  const cells = line.cells;
  if (!cells) return null;
  const filled = cells.filter((c) => c.text !== '');
  if (filled.length < 2) return null;
  let known = 0;
  const columns: Column[] = [];
  for (const cell of cells) {
    const norm = headerWords(cell.text);
    const label = classifyLabel(cell.text);
    const role = cell.text === '' || (label?.key === 'candidate' && label.rank !== null) ? null : roleOf(norm);
    if (role) known++;
    const unit = UNIT_IN_HEADER.exec(cell.text);
    columns.push({
      role: role ?? 'other',
      header: cell,
      unit: role === 'amount' && unit && !PER_UNIT_HEADER.test(cell.text) ? (unit[1] as AmountUnit) : null,
      awardAmount: role === 'amount' && /中标|成交|中选/.test(cell.text),
    });
  }
  if (known < 2 || known / filled.length < 0.6) return null;
  // A header names columns: a long cell that names none is a value (项目信息 | 名称 | 重庆市…服务（第二次）).
  if (columns.some((col, i) => !roleOf(headerWords(cells[i].text)) && compact(cells[i].text).length > MAX_UNNAMED_HEADER)) return null;
  return columns;
}

const NAME_ROLES = new Set<ColumnRole>(['winner', 'supplier', 'bidder']);
const NUMBER_ROLES = new Set<ColumnRole>(['amount', 'unitPrice', 'rank', 'lot', 'uscc', 'candidateMark', 'wonMark']);
const MONEY_CELL = /^[¥￥]?\s*\d[\d,，]*(\.\d+)?\s*(元|万元)?$/;

/** A cell that holds an amount and nothing else (¥98,000.00, 3950000.00元). */
export function isMoneyCell(text: string): boolean {
  return MONEY_CELL.test(text);
}

/** How well cells sit under columns from `at` on: a name under a name column or money under an amount fits; the other way round does not. */
function fit(cells: Span[], columns: Column[], at: number): number {
  let score = 0;
  cells.forEach((cell, i) => {
    const role = columns[at + i].role;
    if (looksLikeCompanyName(cell.text)) score += NAME_ROLES.has(role) ? 1 : NUMBER_ROLES.has(role) ? -1 : 0;
    else if (MONEY_CELL.test(cell.text)) score += role === 'amount' || role === 'unitPrice' ? 1 : NAME_ROLES.has(role) || role === 'address' ? -1 : 0;
  });
  return score;
}

/** A name and a sum run into one cell, as PDF text joins neighbouring cells (深圳市…有限公司 ￥340,000.00). */
const NAME_THEN_MONEY = /^(.+?)\s+([¥￥]\s*\d[\d,，]*(?:\.\d+)?|\d[\d,，]*(?:\.\d+)?\s*(?:元|万元))$/;

/** A row short of the header's width has any name-and-sum cell parted in two, when the sum's column is an amount's. */
function partedCells(cells: Span[], columns: Column[]): Span[] {
  if (cells.length >= columns.length) return cells;
  const out: Span[] = [];
  for (const cell of cells) {
    const m = NAME_THEN_MONEY.exec(cell.text);
    const next = columns[out.length + 1];
    if (m && next && (next.role === 'amount' || next.role === 'unitPrice') && looksLikeCompanyName(m[1]) && out.length + 1 < columns.length) {
      const moneyAt = cell.text.length - m[2].length;
      out.push({ text: m[1], start: cell.start, end: cell.start + m[1].length }, { text: m[2], start: cell.start + moneyAt, end: cell.end });
    } else out.push(cell);
  }
  return out;
}

/**
 * Cells aligned to the columns. A short row lost its leading cells to a rowspan above it, unless that reading
 * puts a cell where it cannot stand and the first columns take it better (哈尔滨…有限公司 | 不通过符合性审查…:
 * a row cut short at its end, whose name would otherwise stand under a rank).
 */
function align(cells: Span[], columns: Column[], previous: (Span | null)[] | null): (Span | null)[] {
  const width = columns.length;
  if (cells.length >= width) return cells.slice(0, width);
  const missing = width - cells.length;
  if (spansToEnd(cells, columns)) return [...cells.slice(0, -1), ...new Array<Span>(missing + 1).fill(cells.at(-1)!)];
  const shifted = fit(cells, columns, missing);
  if (shifted < 0 && fit(cells, columns, 0) > shifted) return [...cells, ...new Array<null>(missing).fill(null)];
  const lead: (Span | null)[] = [];
  for (let i = 0; i < missing; i++) lead.push(previous ? previous[i] : null);
  return [...lead, ...cells];
}

const SERIAL = /^(?:第)?(?:[A-Za-z]{1,2}|\d{1,3}|[一二三四五六七八九十]{1,3})(?:包|标段|标包|分包)?$/;
const SERIAL_HEADER = /序号|包号|标段|标包|分包|标项/;
const SPANNING_SENTENCE = 20;

/**
 * A short row that starts at its own number (1 | 眼科超声乳化仪 | 1套 | 经评审…有效投标人不足三家，…作废标处理) and ends in a
 * sentence: the sentence spans the columns to the end (a colspan), it does not start the row's lost rowspans.
 */
function spansToEnd(cells: Span[], columns: Column[]): boolean {
  const last = cells.at(-1)!;
  return cells.length >= 2 && SERIAL.test(compact(cells[0].text))
    && (columns[0].role === 'lot' || SERIAL_HEADER.test(columns[0].header.text))
    && compact(last.text).length >= SPANNING_SENTENCE && /[，,。；;]/.test(last.text);
}

const NOTE = /^(?:注|备注|说明)\s*\d*\s*[：:]/;

/**
 * A row whose only words are a note (注：排位在第一的中标候选人为中标单位, 备注：一标段含附属排水工程) is no row: read as one,
 * the rowspans above would lend it the last row's name. The rows under it go on.
 */
function isFootnote(cells: Span[]): boolean {
  const own = cells.filter((c) => c.text.trim() !== '');
  return own.length === 1 && NOTE.test(own[0].text.trim());
}

export function findTables(page: Page): Table[] {
  const tables: Table[] = [];
  const lines = page.lines;
  for (let i = 0; i < lines.length; i++) {
    const columns = headerColumns(lines[i]);
    if (!columns) continue;
    const table: Table = { headerLine: i, subHeaderLines: [], columns, rows: [] };
    let previous: (Span | null)[] | null = null;
    let j = i + 1;
    if (rankedRowLabels(lines[j], columns)) columns.unshift({ role: 'rank', header: { text: '', start: lines[i].span.start, end: lines[i].span.start }, unit: null, awardAmount: false });
    // A second header right under the first is a sub-header (比例 35% | 比例 55%): skip it.
    if (j < lines.length && headerColumns(lines[j])) table.subHeaderLines.push(j++);
    for (; j < lines.length; j++) {
      const row = lines[j];
      if (!row.cells || headerColumns(row) || opensAField(row.cells)) break;
      if (isFootnote(row.cells)) continue;
      const cells = align(partedCells(row.cells, columns), columns, previous);
      table.rows.push({ line: j, cells });
      previous = cells;
    }
    marksByContent(table);
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/**
 * Rows one cell wider than the header, the first cell naming the row's rank (第一候选人 | 甲公司 | 18496367.07元 under
 * 中标候选人全称 | 投标总价（元）): the header left the ranks' column unnamed. The first row decides.
 */
function rankedRowLabels(row: Line | undefined, columns: Column[]): boolean {
  if (!row?.cells || row.cells.length !== columns.length + 1 || columns.some((c) => c.role === 'rank')) return false;
  const label = classifyLabel(row.cells[0].text);
  return label?.key === 'candidate' && label.rank !== null;
}

/** A line of the form after the table (9、定标日期：\t2015年03月27日): its first cell a known label with its colon. */
function opensAField(cells: Span[]): boolean {
  const first = cells.find((c) => c.text.trim() !== '');
  return first !== undefined && /[:：]\s*$/.test(first.text) && classifyLabel(first.text) !== null;
}

/**
 * A column whose cells say row by row who won in words (中标 / 未中标, 中标人 / 放弃中标), whatever its header (备注, 评审结果),
 * says it as 是否中标 does: one row won. Not 是 / 否 nor signs: they answer other yes-no columns too.
 */
function marksByContent(table: Table): void {
  if (table.rows.length < 2 || table.columns.some((c) => c.role === 'wonMark')) return;
  table.columns.forEach((col, k) => {
    if (col.role !== 'other') return;
    const said = table.rows.map((r) => compact(r.cells[k]?.text ?? '')).filter((t) => t !== '');
    const words = said.every((t) => /[\u4e00-\u9fff]/.test(t) && (WON_MARK_YES.test(t) || WON_MARK_NO.test(t)) && !/^[是否]$/.test(t));
    if (said.length >= 2 && words && said.filter((t) => WON_MARK_YES.test(t)).length === 1) col.role = 'wonMark';
  });
}

const READ_AS_TABLE = new Set<ColumnRole>(['winner', 'supplier', 'bidder', 'failReason', 'rank']);

/**
 * Line numbers of the rows of tables read as tables (winners, bidders, failed lots); rows of other tables
 * (items, prices) are still read as label/value pairs.
 */
export function tableLines(tables: Table[]): Set<number> {
  const set = new Set<number>();
  for (const t of tables) {
    if (!t.columns.some((c) => READ_AS_TABLE.has(c.role))) continue;
    set.add(t.headerLine);
    for (const l of t.subHeaderLines) set.add(l);
    for (const r of t.rows) set.add(r.line);
  }
  return set;
}

export function column(table: Table, role: ColumnRole): number {
  return table.columns.findIndex((c) => c.role === role);
}
