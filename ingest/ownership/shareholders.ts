// Shareholder tables (an annual report's 前十名股东持股情况, a registry extract's 股东信息): find the
// header, map its columns, turn each data row into a candidate holding of the document's company.
import type { ReadDocument } from '../read/document.ts';
import type { CandidateHolding } from './checks.ts';
import type { PartyKind, PartyRef } from './holding.ts';
import { partyRef, readUscc } from './party.ts';
import { readShare } from './share.ts';
import type { Table, TableRow } from './table.ts';
import { htmlTables, linesOf, offsetFinder, textCells } from './table.ts';

export interface ColumnSpec {
  name: RegExp;
  share: RegExp;
  nature?: RegExp;
  uscc?: RegExp;
  /** A column that must also be present (e.g. 认缴出资额), to tell this table from look-alikes. */
  required?: RegExp;
}

interface Columns {
  name: number;
  share: number;
  nature: number | null;
  uscc: number | null;
  /** The share column's header carries the unit (持股比例(%)), so bare numbers are percents. */
  percentHeader: boolean;
}

type Warn = (where: string, msg: string) => void;

function squeeze(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

export function headerColumns(cells: string[], spec: ColumnSpec): Columns | null {
  const texts = cells.map(squeeze);
  const find = (re: RegExp | undefined): number | null => {
    if (!re) return null;
    const i = texts.findIndex((t) => re.test(t));
    return i < 0 ? null : i;
  };
  const name = find(spec.name);
  const share = find(spec.share);
  if (name === null || share === null || name === share) return null;
  if (spec.required && find(spec.required) === null) return null;
  return { name, share, nature: find(spec.nature), uscc: find(spec.uscc), percentHeader: texts[share].includes('%') };
}

/** The party type a 股东性质 / 股东类型 word states, or null when it says nothing certain. */
export function kindFromNature(nature: string): PartyKind | null {
  const n = squeeze(nature);
  if (n === '' || /非自然人/.test(n)) return null;
  if (/自然人/.test(n)) return 'person';
  if (/^国家(股)?$/.test(n)) return 'state';
  // 机关法人, 事业法人 and the like are left to the name rules (SASAC is a 机关法人 and a state owner).
  if (/机关|事业|社会团体/.test(n)) return null;
  // 国有法人 is a state-owned company, not a state body: its own owners carry the state share.
  if (/法人|企业|公司/.test(n)) return 'enterprise';
  return null;
}

// The page separator pdf-parse writes between pages.
const PAGE_MARKER = /^--\s*\d+\s*of\s*\d+\s*--$/;
const USCC_LIKE = /^[0-9A-Z]{18}$/i;
const TOTAL_ROW = /^(合计|总计|小计|共计)$/;
// A name ends like this when it is complete; a PDF line that does not is continued on the next line.
const NAME_END = /(公司|所|院|会|局|厅|委|部|中心|厂|行|社|户|账户|计划|基金|合伙[）)]|[）)])$/;

interface RowValues {
  name: string;
  share: string;
  nature: string;
  uscc: string;
}

function valuesOnGrid(row: TableRow, c: Columns): RowValues {
  const at = (i: number | null): string => (i === null ? '' : (row.cells[i] ?? ''));
  return { name: at(c.name), share: at(c.share), nature: at(c.nature), uscc: at(c.uscc) };
}

/** PDF text drops empty cells, so positions shift: fall back to the first cell that looks right. */
function valuesInText(cells: string[], c: Columns, natureWord: RegExp | undefined): RowValues {
  const values = valuesOnGrid({ cells, snippet: '', ownCells: cells.length, spanned: [], number: 0 }, c);
  const rest = cells.slice(c.name + 1);
  if (readShare(values.share).kind !== 'share' || (!/%/.test(values.share) && !c.percentHeader)) {
    values.share = rest.find((cell) => /^-?\d+(?:\.\d+)?\s*%$/.test(cell)) ?? values.share;
  }
  if (c.nature !== null && natureWord && !natureWord.test(squeeze(values.nature))) {
    values.nature = rest.find((cell) => natureWord.test(squeeze(cell))) ?? '';
  }
  if (c.uscc !== null && !USCC_LIKE.test(squeeze(values.uscc))) {
    values.uscc = rest.find((cell) => USCC_LIKE.test(squeeze(cell))) ?? '';
  }
  return values;
}

export interface TableContext {
  doc: ReadDocument;
  spec: ColumnSpec;
  owned: PartyRef;
  asOf: string | null;
  /** Which tables to read, by the text just before them. */
  heading?: (heading: string) => boolean;
  /** A word of the nature column (股东性质), to find it in PDF rows whose empty cells vanished. */
  natureWord?: RegExp;
  warn: Warn;
}

function candidate(ctx: TableContext, v: RowValues, percentHeader: boolean, snippet: string, offset: number | null, where: string): CandidateHolding {
  const nature = v.nature.trim();
  const kind = kindFromNature(nature);
  const uscc = v.uscc ? readUscc(v.uscc, where, ctx.warn) : null;
  const share = readShare(v.share);
  if (share.kind === 'share' && !share.percentSign && !percentHeader) {
    ctx.warn(where, `share "${v.share}" has no % sign; read as a percent`);
  }
  return {
    owner: partyRef(v.name, { uscc, kind, ...(nature ? { nature } : {}) }),
    owned: ctx.owned,
    share,
    asOf: ctx.asOf,
    snippet,
    offset,
    where,
  };
}

function isDataRow(row: TableRow, c: Columns, values: RowValues, spec: ColumnSpec): boolean {
  if (row.ownCells <= 1) return false; // a note spanning the table
  if (row.spanned[c.name] || row.spanned[c.share]) return false; // 上述股东关联关系的说明 | a note across the columns
  if (headerColumns(row.cells, spec)) return false; // a repeated or second header row
  const name = squeeze(values.name);
  if (TOTAL_ROW.test(name)) return false;
  return name !== '' || squeeze(values.share) !== '';
}

/** Candidates from the HTML tables whose header fits the spec. */
export function candidatesFromHtml(ctx: TableContext, html: string): CandidateHolding[] {
  const findOffset = offsetFinder(ctx.doc.text);
  const out: CandidateHolding[] = [];
  const tables = htmlTables(html);
  const chosen = chooseTables(tables, ctx);
  chosen.forEach(({ table, headerIndex, columns }, t) => {
    const label = chosen.length > 1 ? `table ${t + 1} ` : '';
    for (const row of table.rows.slice(headerIndex + 1)) {
      const values = valuesOnGrid(row, columns);
      if (!isDataRow(row, columns, values, ctx.spec)) continue;
      out.push(candidate(ctx, values, columns.percentHeader, row.snippet, findOffset(row.snippet), `${label}row ${row.number}`));
    }
  });
  return out;
}

function chooseTables(tables: Table[], ctx: TableContext): { table: Table; headerIndex: number; columns: Columns }[] {
  const found: { table: Table; headerIndex: number; columns: Columns }[] = [];
  for (const table of tables) {
    for (let i = 0; i < table.rows.length; i++) {
      const columns = headerColumns(table.rows[i].cells, ctx.spec);
      if (columns) {
        found.push({ table, headerIndex: i, columns });
        break;
      }
    }
  }
  const headed = ctx.heading ? found.filter((f) => ctx.heading!(f.table.heading)) : found;
  return headed.length ? headed : found;
}

/** Candidates from extracted PDF text: a header line, then one row per line until the table ends. */
export function candidatesFromText(ctx: TableContext, text: string): CandidateHolding[] {
  const lines = linesOf(text);
  const out: CandidateHolding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const columns = headerColumns(textCells(lines[i].text), ctx.spec);
    if (!columns) continue;
    let pending: { values: RowValues; snippet: string; offset: number; where: string } | null = null;
    const flush = (): void => {
      if (pending) out.push(candidate(ctx, pending.values, columns.percentHeader, pending.snippet, pending.offset, pending.where));
      pending = null;
    };
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (PAGE_MARKER.test(line.text.trim())) continue;
      const cells = textCells(line.text);
      if (cells.length === 0) continue;
      if (headerColumns(cells, ctx.spec)) break;
      // Every data row has figures; a line without any, before the first row, is the header's second line.
      if (!pending && !/\d/.test(line.text)) continue;
      if (cells.length === 1) {
        // A wrapped name: 中国电子科技集团公司第五十二 / 研究所.
        const p = pending as { values: RowValues; snippet: string } | null;
        if (p && !NAME_END.test(p.values.name) && NAME_END.test(cells[0]) && !/\d/.test(cells[0]) && cells[0].length <= 20) {
          p.values.name += cells[0];
          p.snippet += `\n${line.text}`;
          continue;
        }
        break;
      }
      const values = valuesInText(cells, columns, ctx.natureWord);
      if (TOTAL_ROW.test(squeeze(values.name))) continue;
      flush();
      pending = { values, snippet: line.text, offset: line.offset, where: `line ${line.number}` };
    }
    flush();
    i = j - 1;
  }
  return out;
}

/** `label：value` or `label<TAB>value` in the document text; the first found. */
export function labelValue(text: string, labels: RegExp): string | null {
  for (const line of text.split('\n')) {
    const cells = line.split('\t').map((c) => c.trim());
    for (let i = 0; i < cells.length; i++) {
      const m = new RegExp(`^(?:${labels.source})\\s*[:：]\\s*(.+)$`).exec(cells[i]);
      if (m) return m[1].trim();
      if (new RegExp(`^(?:${labels.source})\\s*[:：]?$`).test(cells[i]) && cells[i + 1]) return cells[i + 1];
    }
  }
  return null;
}
