// Candidate tables written sideways: the headers run down the first column and each candidate is a
// column (排名 | 第一名 | 第二名 | 第三名 / 投标人名称 | A | B | C / 投标报价 | … ). Read column by column.
import { classifyLabel, normaliseLabel } from './labels.ts';
import type { AmountUnit } from './labels.ts';
import type { Page, Span } from './page.ts';
import { columnRoleOf } from './tables.ts';

export interface SidewaysTable {
  /** Every line of the table, so that its rows are not also read as label/value pairs. */
  lines: number[];
  /** Per candidate column: its rank cell, name cell and bid cell (null where the table has none). */
  columns: { rank: Span | null; name: Span; bid: Span | null }[];
  bidUnit: AmountUnit | null;
}

/** A header cell that says the row holds ranks: 排名, 排序, 名次, 中标候选人, 候选人排序. */
const RANK_HEADER = /^(?:推荐)?(?:排名|排序|名次|顺序|中标候选人排序|候选人排序|(?:中标|成交|中选)?候选人|(?:中标|成交|中选)?候选人顺序)$/;
/** A header cell that says the row holds the candidates' names. */
const NAME_HEADER = /^(?:投标人|投标单位|报价人|响应人|供应商|候选人|中标候选人|成交候选人|单位|企业|公司)?(?:名称|全称)$|^(?:投标人|投标单位|投标供应商|响应供应商)$/;
const RANK_CELL = /^(?:\d{1,2}|第[一二三四五六七八九十\d]{1,3}(?:名|(?:中标|成交|中选)?候选(?:人|单位|供应商)))$/;
/** How many lines below the rank row the name and bid rows may come. */
const REACH = 6;

/** The rank row's first cell: a header that says so, or empty (| 第一名 | 第二名 | 第三名 over 中标候选人名称 | A | B | C). */
function rankRow(cells: Span[]): boolean {
  if (cells.length < 3 || !(cells[0].text.trim() === '' || RANK_HEADER.test(normaliseLabel(cells[0].text)))) return false;
  const rest = cells.slice(1).filter((c) => c.text !== '');
  return rest.length >= 2 && rest.every((c) => RANK_CELL.test(c.text.replace(/\s+/g, '')));
}

function nameRow(cells: Span[]): boolean {
  return NAME_HEADER.test(normaliseLabel(cells[0].text));
}

function bidRow(cells: Span[]): AmountUnit | null | false {
  const label = classifyLabel(cells[0].text);
  if (label && (label.key === 'bid' || label.key === 'awardValue')) return label.unit === 'per' ? false : label.unit;
  if (columnRoleOf(cells[0].text) !== 'amount') return false;
  const unit = /(万元|亿元|元)/.exec(cells[0].text);
  return unit ? (unit[1] as AmountUnit) : null;
}

export function findSidewaysTables(page: Page): SidewaysTable[] {
  const out: SidewaysTable[] = [];
  const lines = page.lines;
  for (let i = 0; i < lines.length; i++) {
    const ranks = lines[i].cells;
    if (!ranks || !rankRow(ranks)) continue;
    let names: Span[] | null = null;
    let bids: Span[] | null = null;
    let bidUnit: AmountUnit | null = null;
    const used = [i];
    for (let j = i + 1; j < lines.length && j <= i + REACH && lines[j].cells; j++) {
      const cells = lines[j].cells!;
      if (rankRow(cells)) break;
      used.push(j);
      if (!names && nameRow(cells)) names = cells;
      else if (!bids) {
        const unit = bidRow(cells);
        if (unit !== false) {
          bids = cells;
          bidUnit = unit;
        }
      }
    }
    if (!names) continue;
    const columns: SidewaysTable['columns'] = [];
    for (let c = 1; c < ranks.length; c++) {
      const name = names[c];
      if (!name || !name.text) continue;
      columns.push({ rank: ranks[c].text ? ranks[c] : null, name, bid: bids?.[c]?.text ? bids[c] : null });
    }
    if (columns.length === 0) continue;
    out.push({ lines: used, columns, bidUnit });
    i = used[used.length - 1];
  }
  return out;
}
