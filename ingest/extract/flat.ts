// Tables flattened to one cell per line, as crawlers keep a notice's page text:
//   序号 / 供应商名称 / 供应商地址 / 中标（成交）金额 / 1 / 某某公司 / 某地 / 报价：999200（元）
// A run of short lines that starts with a header of known column labels is rebuilt into rows, the
// header giving the number of cells; each rebuilt line keeps its cells as slices of the document text,
// so evidence offsets stay exact. A row that does not fit (a missing cell, a heading, a second header)
// ends the table: nothing is guessed.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import { classifyLabel, NO_WINNER } from './labels.ts';
import type { ColumnRole } from './labels.ts';
import { joinSpans, lineOfCells, withLines } from './page.ts';
import type { Line, Page, Span } from './page.ts';
import { headingText, NUMBERED_LEAD } from './sections.ts';
import { columnRoleOf, isMoneyCell } from './tables.ts';

const MAX_HEADER_CELL = 20;
const MAX_CELL = 150;
const MIN_COLUMNS = 3;
const MAX_SHORT_ROWS = 50;
const STRONG = new Set<ColumnRole>(['winner', 'supplier', 'bidder', 'address', 'amount', 'rank', 'lot', 'uscc', 'failReason']);
const NAMES = new Set<ColumnRole>(['winner', 'supplier', 'bidder']);
const SERIAL = /^(序号|编号|序)$/;
const LIST_ITEM = /^\d{1,2}\s*[、.．]\s*\D/;

/** The role of a short text that names a column (no clause, no number outside brackets), or null. */
function headerRoleOf(text: string): ColumnRole | null {
  if (text.length > MAX_HEADER_CELL || /[：:，,。；;]/.test(text) || /\d/.test(text.replace(/[(（][^)）]*[)）]/g, ''))) return null;
  return columnRoleOf(text);
}

/** A numbered line (六、报价明细, 七、评审日期：…) opens a section: it is neither a header's cell nor a row's. */
function headerRole(line: Line): ColumnRole | null {
  return line.cells || NUMBERED_LEAD.test(line.span.text) ? null : headerRoleOf(line.span.text);
}

/** A sentence (two clauses or more) is running text, not a cell; 1,798,196.00 has thousands separators, not clauses. */
const SENTENCE = /[。；;!！?？].|[，,].*[，,]/;
const THOUSANDS = /(?<=\d)[,，](?=\d{3})/g;

function cellLike(line: Line): boolean {
  const text = line.span.text;
  return !line.cells && text.length <= MAX_CELL && !SENTENCE.test(text.replace(THOUSANDS, '')) && headingText(text) === null
    && !NUMBERED_LEAD.test(text) && headerRole(line) === null;
}

function merged(page: Page, cells: Line[]): Line {
  return lineOfCells(page, cells.map((c) => c.span));
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
      // 1、甲公司 / 2、乙公司: the cell holds a list that runs on over the lines after it, no row of one line a cell.
      if (LIST_ITEM.test(cell)) break;
      if (!looksLikeCompanyName(cell) && !(cell.length <= MAX_HEADER_CELL && NO_WINNER.test(cell))) break;
    }
    if (runsIntoNextRow(roles, row, lines[j + width])) break;
    rows.push(row);
  }
  return rows;
}

/**
 * A row cut too far: blank cells dropped, one of its later cells is the next row's name (… | 1 | 1 | 乙公司, then 通过),
 * so the line after it is no name. An address that ends like a firm (…路8号某某大厦) is no name.
 */
function runsIntoNextRow(roles: ColumnRole[], row: Line[], after: Line | undefined): boolean {
  if (!NAMES.has(roles[0]) || (after && looksLikeCompanyName(after.span.text))) return false;
  return row.some((l, c) => c > 0 && !NAMES.has(roles[c]) && looksLikeCompanyName(l.span.text) && !ADDRESS_WORDS.test(l.span.text));
}

/** Columns a row may leave blank at its end (备注, 下浮率, 优惠价): page text drops blank cells, so a row stops before them. */
const BLANK_AT_END = /备注|说明|其他|其它|下浮|费率|折扣|优惠|附件/;
const RANK_CELL = /^(?:第?[一二三四五六七八九十\d]{1,3}名?)$/;

/** Whether a cell's words can stand in a column of its role: money under an amount, a number under a rank, a name under a name. */
function fitsColumn(role: ColumnRole, text: string): boolean {
  if (NAMES.has(role)) return looksLikeCompanyName(text);
  if (looksLikeCompanyName(text)) return false;
  if (role === 'amount' || role === 'unitPrice') return isMoneyCell(text) || /^[-—/／]$/.test(text);
  return role === 'rank' ? RANK_CELL.test(text) : true;
}

/**
 * Rows whose blank cells at the end the page text dropped (X公司 / 通过 / 98.76 / 1 and no 备注): each row starts at its
 * name, the first column, runs to the next row's name, and fills every column before those that may be blank; the last
 * row takes only those. Rows are padded with empty cells to the header's width. None when they do not cut so.
 */
function shortRows(page: Page, roles: ColumnRole[], header: Line[], from: number): Line[][] {
  const width = roles.length;
  const need = filledColumns(header);
  const name = roles.findIndex((r) => NAMES.has(r));
  if (name < 0 || need === width || need <= name || need < MIN_COLUMNS - 1) return [];
  const lines = page.lines;
  const starts = (k: number) => k < lines.length && cellLike(lines[k]) && looksLikeCompanyName(lines[k].span.text);
  // Cells before the name (包号 a / 评审日期 / 中标金额) leave no row's start to find: one row only, up to its blank-able cells.
  if (name > 0) {
    const row = lines.slice(from, from + need);
    return row.length === need && row.every((l, c) => cellLike(l) && fitsColumn(roles[c], l.span.text)) ? [row] : [];
  }
  const rows: Line[][] = [];
  for (let j = from; starts(j) && rows.length < MAX_SHORT_ROWS; ) {
    let end = j + 1;
    while (end < lines.length && end - j < width && cellLike(lines[end]) && !starts(end)) end++;
    // The last row: lines after it may be the page's own (a sign-off, a date), so it takes no blank-able column.
    if (!starts(end)) end = j + need;
    const row = lines.slice(j, end);
    if (row.length < need || !row.every((l, c) => cellLike(l) && fitsColumn(roles[c], l.span.text))) break;
    rows.push(row);
    j = end;
  }
  return rows;
}

/** How many columns a row must fill: all but those at its end that may be blank. */
function filledColumns(header: Line[]): number {
  let need = header.length;
  while (need > 0 && BLANK_AT_END.test(header[need - 1].span.text)) need--;
  return need;
}

/**
 * The last row cut by the header's width, when what it took for its blank-able cells are fields of the page (评标委员会：…,
 * 发布媒体：…): it is taken from the rows and returned short, and those lines stay lines.
 */
function lastRowCut(header: Line[], rows: Line[][]): Line[][] {
  const need = filledColumns(header);
  const last = rows[rows.length - 1];
  if (!last.slice(need).some((l) => /[：:]/.test(l.span.text))) return [];
  rows.pop();
  return [last.slice(0, need)];
}

/** A short row as a line of the header's width, the blank cells empty at its end. */
function paddedRow(page: Page, row: Line[], width: number): Line {
  const end = row[row.length - 1].span.end;
  const blanks = Array.from({ length: width - row.length }, () => ({ text: '', start: end, end }));
  return lineOfCells(page, [...row.map((l) => l.span), ...blanks]);
}

/**
 * Two column headers in a row, a firm's and another strong one (中标候选人 / 推荐名次): a table of pairs, whose rows
 * must each name a firm. A label and its value never read so, as a value is no column's header.
 */
function isNamePairHeader(roles: ColumnRole[]): boolean {
  return roles.length === 2 && roles.every((r) => STRONG.has(r)) && roles.some((r) => NAMES.has(r));
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
    const pair = isNamePairHeader(roles);
    const table = pair || (roles.length >= MIN_COLUMNS && strong >= 2);
    const header = lines.slice(i, i + roles.length);
    const rows = table ? rowsUnder(page, roles, i + roles.length) : [];
    const short = !table || pair ? [] : rows.length === 0 ? shortRows(page, roles, header, i + roles.length) : lastRowCut(header, rows);
    if (rows.length === 0 && short.length === 0) {
      out.push(lines[i]);
      i++;
      continue;
    }
    changed = true;
    out.push(merged(page, lines.slice(i, i + roles.length)));
    for (const row of rows) out.push(merged(page, row));
    for (const row of short) out.push(paddedRow(page, row, roles.length));
    i += roles.length * (rows.length + 1) + short.reduce((n, row) => n + row.length, 0);
  }
  return changed ? withLines(page, out) : page;
}

// A table whose cells a crawler joined with spaces, the header and its row on one line:
//   供应商名称 供应商地址 中标（成交）金额 评审总得分 某某公司 某市某路1号某大厦 4楼 3,950,000.00元 100.00
// The header is the run of known column labels that opens the line; the row is the rest. Only the address
// may hold spaces of its own: the cells before it are read from the left, those after it from the right.
const TOKEN = /[^\s\u00a0\u3000]+/g;
/** The unit of an amount written apart from its number (125.8 万元). */
const MONEY_UNIT = /^(?:元|万元|万|人民币)$/;

const AWARD_AMOUNT = new Set(['awardValue', 'totalValue']);
/** A building's name in an address (…红星路二段159号成都报业大厦) ends like a firm's; its street and number say otherwise. */
const ADDRESS_WORDS = /[路街巷道]|\d+号/;

export function tokensOf(page: Page, line: Line): Span[] {
  return [...line.span.text.matchAll(TOKEN)].map((m) => {
    const start = line.span.start + m.index;
    return { text: m[0], start, end: start + m[0].length };
  });
}

/** The row's cells for a header of `roles`, or null when the tokens do not fit it. */
function spacedCells(page: Page, roles: ColumnRole[], values: Span[]): Span[] | null {
  const width = roles.length;
  if (values.length === width) return values;
  const address = roles.indexOf('address');
  if (address < 0 || roles.lastIndexOf('address') !== address || values.length < width) return null;
  const after = width - address - 1;
  const inAddress = values.slice(address, values.length - after);
  // A name (a second row's, a consortium member's) or the words of an amount never belong to an address.
  if (inAddress.some((t) => (looksLikeCompanyName(t.text) && !ADDRESS_WORDS.test(t.text)) || isMoneyCell(t.text) || MONEY_UNIT.test(t.text))) return null;
  return [...values.slice(0, address), joinSpans(page, inAddress[0], inAddress[inAddress.length - 1]), ...values.slice(values.length - after)];
}

interface SpacedHeader {
  roles: ColumnRole[];
  header: Span[];
  /** The tokens after the header on its own line: a row's cells, or none. */
  rest: Span[];
  name: number;
}

/** A line that starts with the words of a result's header, written with spaces between them. */
function spacedHeader(page: Page, line: Line): SpacedHeader | null {
  if (line.cells) return null;
  const tokens = tokensOf(page, line);
  const roles: ColumnRole[] = [];
  for (const t of tokens) {
    const role = headerRoleOf(t.text);
    if (role === null) break;
    roles.push(role);
  }
  const name = roles.findIndex((r) => NAMES.has(r));
  if (roles.length < MIN_COLUMNS || roles.filter((r) => STRONG.has(r)).length < 2 || name < 0) return null;
  const header = tokens.slice(0, roles.length);
  // Only a result's own rows: a winner's column, the award's amount, a 是否中标 column, or only who and where (供应商名称
  // 供应商地址 供应商编码); a ranking of bids and scores is no result.
  const whoAndWhere = roles.every((r) => r === 'supplier' || r === 'address' || r === 'uscc') && roles.filter((r) => r === 'supplier').length === 1;
  if (!roles.includes('winner') && !roles.includes('wonMark') && !whoAndWhere
    && !header.some((t) => AWARD_AMOUNT.has(classifyLabel(t.text)?.key ?? ''))) return null;
  return { roles, header, rest: tokens.slice(roles.length), name };
}

/** The line as a row of the header's cells, or null when its tokens do not fit or it names no firm. */
function spacedRow(page: Page, head: SpacedHeader, tokens: Span[]): Line | null {
  const cells = tokens.length > 0 ? spacedCells(page, head.roles, tokens) : null;
  if (!cells || !looksLikeCompanyName(cells[head.name].text)) return null;
  return lineOfCells(page, cells);
}

/**
 * A spaced header and its rows: on one line (中标供应商 地址 金额 X公司 某地 100万元), or a header line alone and
 * a row on each line under it (序号 供应商名称 报价 是否成交 / 1 X公司 560000.00 否); the rows end at the first
 * line that does not fit.
 */
function spacedTable(page: Page, at: number): { lines: Line[]; used: number } | null {
  const head = spacedHeader(page, page.lines[at]);
  if (!head) return null;
  if (head.rest.length > 0) {
    const row = spacedRow(page, head, head.rest);
    return row ? { lines: [lineOfCells(page, head.header), row], used: 1 } : null;
  }
  const rows: Line[] = [];
  for (let j = at + 1; j < page.lines.length; j++) {
    const row = page.lines[j].cells ? null : spacedRow(page, head, tokensOf(page, page.lines[j]));
    if (!row) break;
    rows.push(row);
  }
  return rows.length > 0 ? { lines: [lineOfCells(page, head.header), ...rows], used: rows.length + 1 } : null;
}

/** The page with each spaced header-and-row line split into a header line and a row line of cells. */
export function splitSpacedRows(page: Page): Page {
  let changed = false;
  const out: Line[] = [];
  for (let i = 0; i < page.lines.length; i++) {
    const table = spacedTable(page, i);
    if (!table) {
      out.push(page.lines[i]);
      continue;
    }
    changed = true;
    out.push(...table.lines);
    i += table.used - 1;
  }
  return changed ? withLines(page, out) : page;
}
