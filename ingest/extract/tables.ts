// Tables with a header row (序号 | 供应商名称 | 供应商地址 | 中标金额(万元)): which column holds what, and
// which tables name winners. Rows without a header are label/value pairs and are read in fields.ts.
import { classifyLabel, normaliseLabel } from './labels.ts';
import type { AmountUnit } from './labels.ts';
import type { Line, Page, Span } from './page.ts';

export type ColumnRole =
  | 'lot' | 'winner' | 'supplier' | 'bidder' | 'address' | 'amount' | 'unitPrice' | 'rank' | 'failReason'
  | 'uscc' | 'other';

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

const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ['other', /得分|分值|评分|分数|比例|权重/],
  ['failReason', /(废标|流标|失败|终止)(原因|理由)/],
  ['rank', /^(推荐)?(排名|排序|名次|顺序|排序号|名次排序)$|^(中标)?候选人排序$/],
  ['lot', /^(包号|分包号|包|标包|标段|标项|分包|包别|合同包|标段号|包件号?|采购包|包组|标包号|分标|包号\/标段)$/],
  ['uscc', /信用代码/],
  ['bidder', /^(投标人|报价人|投标单位|候选人|中标候选人|成交候选人|响应人|响应供应商|投标供应商|参与供应商)(名称|全称)?$/],
  ['winner', /^(中标|成交|中选|入围)(\((成交|选)\))?(供应商|人|单位|商)(名称|全称)?$/],
  ['supplier', /^(供应商|单位|公司|企业)?(名称|全称)$|^供应商$/],
  ['address', /地址|住所/],
  ['unitPrice', /单价|\(元\/[^)]+\)/],
  ['amount', /金额|价格|报价|总价|价款|中标价|成交价|合同价|投标价|费用|^价$/],
];

const OTHER_HEADER = /^(序号|编号|备注|规格|型号|数量|服务|分包内容|分包名称|货物|得分|评审|服务响应|报价时间|品牌|产地|单位|比例|其他|标的|项目|工期|质量|技术|商务|综合|交货|联系|电话|内容|采购内容|主要|资质|项目经理|建造师|说明|时间|日期|计量|规格型号|品目|描述|名称)/;
const UNIT_IN_HEADER = /(万元|亿元|元)/;

function roleOf(norm: string): ColumnRole | null {
  for (const [role, re] of ROLE_PATTERNS) if (re.test(norm)) return role;
  return OTHER_HEADER.test(norm) ? 'other' : null;
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
    const norm = normaliseLabel(cell.text).replace(/\(.*?\)$/, (m) => (/(元|%|％)/.test(m) ? '' : m));
    const label = classifyLabel(cell.text);
    const role = cell.text === '' || label?.key === 'candidate' ? null : roleOf(norm);
    if (role) known++;
    const unit = UNIT_IN_HEADER.exec(cell.text);
    columns.push({
      role: role ?? 'other',
      header: cell,
      unit: role === 'amount' && unit && !/\/|每/.test(cell.text) ? (unit[1] as AmountUnit) : null,
      awardAmount: role === 'amount' && /中标|成交|中选/.test(cell.text),
    });
  }
  if (known < 2 || known / filled.length < 0.6) return null;
  return columns;
}

/** Cells aligned to `width` columns; a short row lost its leading cells to a rowspan above it. */
function align(cells: Span[], width: number, previous: (Span | null)[] | null): (Span | null)[] {
  if (cells.length >= width) return cells.slice(0, width);
  const missing = width - cells.length;
  const lead: (Span | null)[] = [];
  for (let i = 0; i < missing; i++) lead.push(previous ? previous[i] : null);
  return [...lead, ...cells];
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
    // A second header right under the first is a sub-header (比例 35% | 比例 55%): skip it.
    if (j < lines.length && headerColumns(lines[j])) table.subHeaderLines.push(j++);
    for (; j < lines.length; j++) {
      const row = lines[j];
      if (!row.cells || headerColumns(row)) break;
      const cells = align(row.cells, columns.length, previous);
      table.rows.push({ line: j, cells });
      previous = cells;
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
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
