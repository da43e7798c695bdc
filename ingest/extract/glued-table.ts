// Result tables whose cells page text runs together with nothing between them, as crawlers keep the national
// template's pages (ccgp.gov.cn local notices):
//   序号中标（成交）金额(元)中标供应商名称中标供应商地址评审总得分1磋商报价：667113（元）东阳市宏华建设有限公司东阳市…号二楼84.46
// The header is cut at the known header cells; each row is then cut by what its columns hold (a row number, an
// amount, a name ending in a legal form, free text, a score), and must use up the line to the next row's number
// or the line's end. Anything that does not cut cleanly is left as it was: nothing is guessed.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import { GLUED_TABLE_HEADERS } from './labels.ts';
import type { GluedCellKind } from './labels.ts';
import type { Line, Page, Span } from './page.ts';

/** A header cell's words as a pattern: either width of bracket, spaces anywhere between its words. */
function cellPattern(words: string): string {
  return [...words].map((ch) => (/[(（]/.test(ch) ? '[(（]' : /[)）]/.test(ch) ? '[)）]' : ch.replace(/[.*+?^${}|[\]\\]/g, '\\$&'))).join('\\s*');
}

const HEADER_CELL = new RegExp(`^\\s*(?:${[...GLUED_TABLE_HEADERS].sort((a, b) => b[0].length - a[0].length).map(([w]) => cellPattern(w)).join('|')})`);
const KIND_OF = GLUED_TABLE_HEADERS.map(([w, kind]) => [new RegExp(`^${cellPattern(w)}$`), kind] as const);
const MIN_COLUMNS = 3;
/** Bounds on the work: a result table's glued rows are short, and few. */
const MAX_ROWS = 20;
const MAX_REST = 4000;
const ANOTHER_PARTY = /公司|集团|联合体|牵头|成员/;

/**
 * An organisation's name up to its legal form, never cut inside it (…体检中心 then 有限公司), with its branch; a note
 * in brackets after it (（评审总得分：87.80分，综合排名第一）) is no part of it.
 */
const NAME = String.raw`([^\n]{1,60}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|研究院|研究所|设计院|事务所|中心|厂|合作社|医院|学校)`
  + String.raw`(?:[\u4e00-\u9fff]{1,10}分(?:公司|院|中心|厂))?(?:[(（](?:有限公司|有限责任公司|普通合伙|特殊普通合伙|有限合伙)[)）])?)`
  + String.raw`(?:[(（](?![^()（）]*(?:牵头|成员|联合体))[^()（）]{1,40}[)）])?(?![有股]限|公司|集团|分公司)`;
/** An amount with its label and unit (磋商报价：667113（元）, 总价：858800（元）, 2717418), and any further priced items. */
const NUMBER = String.raw`[¥￥]?\d[\d,]*(?:\.\d+)?`;
const UNIT = String.raw`\s*(?:[(（](?:元|万元)[)）]|万元|元)`;
/** A price's own label: its words, not a run of any text (an address's 房间 before 报价： is the address's). */
const LABEL = String.raw`(?:磋商|投标|最终|谈判|评审|响应)?(?:报价|总价|总报价|单价合计|合计|价格|金额|成交价|中标价)(?:[(（][^()（）]{0,8}[)）])?[：:]`;
/** A further priced item's label (男职工（元/人）：343（元）). */
const ITEM_LABEL = String.raw`[^\d：:，,]{0,16}[：:]`;
const MORE_ITEMS = String.raw`(?:[，,]${ITEM_LABEL}\d[\d,]*(?:\.\d+)?(?:${UNIT})?)*`;
const AMOUNT = String.raw`((?:${LABEL})?${NUMBER}(?:${UNIT})?${MORE_ITEMS})`;
/** After free text an amount must say where it starts or ends (a label or a unit): an address's house number is none. */
const MARKED_AMOUNT = String.raw`((?:${LABEL}${NUMBER}(?:${UNIT})?|${NUMBER}${UNIT})${MORE_ITEMS})`;
const PATTERN: Record<Exclude<GluedCellKind, 'serial'>, string> = {
  name: NAME,
  text: '([^\\n]{1,120}?)',
  amount: AMOUNT,
  score: String.raw`(\d{1,3}(?:\.\d{1,2})?|-|—|/)?`,
  uscc: '([0-9A-Z]{18})',
};

interface GluedHeader {
  cells: Span[];
  kinds: GluedCellKind[];
  /** Where the rows start. */
  end: number;
}

function gluedHeader(line: Line): GluedHeader | null {
  const text = line.span.text;
  const cells: Span[] = [];
  const kinds: GluedCellKind[] = [];
  let at = 0;
  let glued = false;
  for (let m = HEADER_CELL.exec(text); m; m = HEADER_CELL.exec(text.slice(at))) {
    const lead = m[0].length - m[0].trimStart().length;
    const words = m[0].trimStart();
    const kind = KIND_OF.find(([re]) => re.test(words))?.[1];
    if (!kind) return null;
    if (cells.length > 0 && lead === 0) glued = true;
    cells.push({ text: words, start: line.span.start + at + lead, end: line.span.start + at + m[0].length });
    kinds.push(kind);
    at += m[0].length;
  }
  // A header spaced throughout is the spaced tables' (flat.ts), whose cells the spaces part.
  if (!glued || cells.length < MIN_COLUMNS || !kinds.includes('name') || kinds.filter((k) => k === 'serial').length > 1) return null;
  // Where free text ends and a name or more free text begins, nothing says: such a table is not cut.
  if (kinds.some((k, i) => i > 0 && kinds[i - 1] === 'text' && (k === 'text' || k === 'name'))) return null;
  return { cells, kinds, end: at };
}

/** The cells' patterns in the header's order; a row's number is filled in per row. */
function cellPatterns(kinds: GluedCellKind[]): (string | null)[] {
  return kinds.map((k, i) => (k === 'amount' && kinds[i - 1] === 'text' ? MARKED_AMOUNT : k === 'serial' ? null : PATTERN[k]));
}

/**
 * Row `n`: its cells, then the end of the line or the start of row n + 1 (its number and its first cell, and its
 * name when the name comes second), so that a row's free text never swallows the next row's number.
 */
function rowPattern(cells: (string | null)[], kinds: GluedCellKind[], n: number): RegExp {
  const row = cells.map((cell) => cell ?? `(${n})`).join('\\s*');
  const next = kinds[0] === 'serial' ? cells.slice(0, kinds.indexOf('name') + 1).map((cell) => cell ?? String(n + 1)).join('\\s*') : null;
  // The lookahead's groups are not wanted: they are made non-capturing.
  const ahead = next ? `|${next.replace(/\((?!\?)/g, '(?:')}` : '';
  return new RegExp(`^\\s*${row}\\s*(?=$${ahead})`, 'd');
}

/** The rows after the header, one after another, each cut at the first place that lets the next row start. */
function gluedRows(page: Page, line: Line, head: GluedHeader): Line[] | null {
  const end = line.span.end;
  let at = line.span.start + head.end;
  if (end - at > MAX_REST) return null;
  const cells = cellPatterns(head.kinds);
  const width = head.kinds.length;
  const rows: Line[] = [];
  for (let n = 1; at < end && page.text.slice(at, end).trim() !== ''; n++) {
    if (n > MAX_ROWS || (n > 1 && head.kinds[0] !== 'serial')) return null;
    const m = rowPattern(cells, head.kinds, n).exec(page.text.slice(at, end));
    if (!m) return null;
    const row: Span[] = [];
    for (let c = 0; c < width; c++) {
      const range = m.indices![c + 1];
      const from = range ? range[0] : row.length > 0 ? row[row.length - 1].end - at : 0;
      const to = range ? range[1] : from;
      row.push({ text: m[c + 1] ?? '', start: at + from, end: at + to });
    }
    if (!looksLikeCompanyName(row[head.kinds.indexOf('name')].text)) return null;
    // A second party in a free-text cell (a consortium's member, a note of who leads) makes the row's cut unsure.
    if (head.kinds.some((k, c) => k === 'text' && ANOTHER_PARTY.test(row[c].text))) return null;
    const first = row[0];
    const last = row[width - 1];
    rows.push({ index: -1, span: { text: page.text.slice(first.start, last.end), start: first.start, end: last.end }, cells: row });
    at += m[0].length;
  }
  return rows.length > 0 ? rows : null;
}

/** The page with each glued result table cut into a header line and a line per row, cells kept as slices of the text. */
export function cutGluedTables(page: Page): Page {
  let changed = false;
  const out: Line[] = [];
  for (const line of page.lines) {
    const head = line.cells ? null : gluedHeader(line);
    const rows = head ? gluedRows(page, line, head) : null;
    if (!head || !rows) {
      out.push(line);
      continue;
    }
    changed = true;
    const last = head.cells[head.cells.length - 1];
    out.push({ index: -1, span: { text: page.text.slice(head.cells[0].start, last.end), start: head.cells[0].start, end: last.end }, cells: head.cells }, ...rows);
  }
  return changed ? { text: page.text, lines: out.map((l, index) => ({ ...l, index })) } : page;
}
