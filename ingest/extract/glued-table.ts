// Result tables whose cells page text runs together with nothing between them, as crawlers keep the national
// template's pages (ccgp.gov.cn local notices):
//   序号中标（成交）金额(元)中标供应商名称中标供应商地址评审总得分1磋商报价：667113（元）东阳市宏华建设有限公司东阳市…号二楼84.46
// The header is cut at the known header cells; each row is then cut by what its columns hold (a row number, an
// amount, a name ending in a legal form, free text, a score), and must use up the line to the next row's number
// or the line's end. Anything that does not cut cleanly is left as it was: nothing is guessed.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import { GLUED_TABLE_HEADERS } from './labels.ts';
import type { GluedCellKind } from './labels.ts';
import { lineOfCells, withLines } from './page.ts';
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
/** A second party in a free-text cell (a consortium's member, a note of who leads). */
const ANOTHER_PARTY = /公司|集团|联合体|牵头|成员/;
/** Legal forms that, in the words right after a name, say the name went on (…集团 then 股份有限公司, …事务所 then 浙江分所). */
const NAME_GOES_ON = /公司|集团|医院|卫生院|研究院|设计院|研究所|事务所|分所|合作社/;
/** The words that end an address's road or house, which no address starts with (北路1号, 号楼). */
const ADDRESS_TAIL = /^(?:[东南西北中]?路|街|巷|弄|\d*号)/;
/** Only a result's own table: a header cell that speaks of the award (中标供应商名称, 中标（成交）金额), not a ranking's. */
const RESULT_HEADER = /中标|成交|中选/;

/**
 * An organisation's name up to its legal form, never cut inside it (…体检中心 then 有限公司, 中心 then 医院), with its
 * branch; a note in brackets after it (（评审总得分：87.80分，综合排名第一）) is no part of it.
 */
const NAME = String.raw`[^\n]{1,60}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|研究院|研究所|设计院|事务所|卫生院|中心|厂|合作社|医院|学校)`
  + String.raw`(?:[\u4e00-\u9fff]{1,10}分(?:公司|院|所|中心|厂))?(?:[(（](?:有限公司|有限责任公司|普通合伙|特殊普通合伙|有限合伙)[)）])?`
  + String.raw`(?![有股]限|股份|公司|集团|分公司|分所|医院|卫生院)`;
/**
 * A consortium in one cell, its lead then all its members, the two parts on lines of their own in 政采云's template
 * (牵头供应商：X / 投标联合体：X、Y): the only cell that may go on to the next line.
 */
const MEMBER = NAME.replace(String.raw`[^\n]{1,60}?`, String.raw`[^\n、，,：:]{1,60}?`);
const CONSORTIUM = String.raw`牵头(?:供应商|人|单位)[：:]\s*${MEMBER}\s*(?:投标)?联合体(?:成员)?[：:]\s*${MEMBER}(?:[、，,]\s*${MEMBER}){1,9}`;
const NAME_NOTE = String.raw`(?:[(（](?![^()（）]*(?:牵头|成员|联合体))[^()（）]{1,40}[)）])?`;
/** An amount with its label and unit (磋商报价：667113（元）, 总价：858800（元）, 2717418), and any further priced items. */
const NUMBER = String.raw`[¥￥]?\d[\d,]{0,17}(?:\.\d{1,4})?`;
const UNIT = String.raw`\s*(?:[(（](?:元|万元|%|％)[)）]|万元|元|%|％)`;
/** A price's own label: its words, not a run of any text (an address's 房间 before 报价： is the address's). */
const LABEL = String.raw`(?:磋商|投标|最终|谈判|评审|响应)?(?:报价|总价|总报价|单价合计|单价|合计|价格|金额|成交价|中标价)(?:[(（][^()（）]{0,8}[)）])?[：:]`;
/** A further priced item's label (男职工（元/人）：343（元）). */
const ITEM_LABEL = String.raw`[^\d：:，,]{0,16}[：:]`;
const MORE_ITEMS = String.raw`(?:[，,]${ITEM_LABEL}${NUMBER}(?:${UNIT})?){0,10}`;
const AMOUNT = String.raw`(?:${LABEL})?${NUMBER}(?:${UNIT})?${MORE_ITEMS}`;
/** After free text an amount must say where it starts or ends (a label or a unit): an address's house number is none. */
const MARKED_AMOUNT = String.raw`(?:${LABEL}${NUMBER}(?:${UNIT})?|${NUMBER}${UNIT})${MORE_ITEMS}`;
const SCORE = String.raw`\d{1,3}(?:\.\d{1,2})?分?|-|—|/`;

/** A cell's value as a pattern without groups; `after` is the kind of the cell before it. */
function valuePattern(kind: Exclude<GluedCellKind, 'serial'>, after: GluedCellKind | undefined): string {
  switch (kind) {
    case 'name': return `(?:${CONSORTIUM}|${NAME})`;
    case 'text': return String.raw`[^\n]{1,120}?`;
    case 'amount': return after === 'text' ? MARKED_AMOUNT : AMOUNT;
    case 'score': return SCORE;
    case 'uscc': return '[0-9A-Z]{18}';
  }
}

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
  if (!glued || cells.length < MIN_COLUMNS || kinds.filter((k) => k === 'name').length !== 1 || kinds.filter((k) => k === 'serial').length > 1) return null;
  if (!cells.some((c) => RESULT_HEADER.test(c.text))) return null;
  // Where free text ends and a name or more free text begins, nothing says: such a table is not cut.
  if (kinds.some((k, i) => i > 0 && kinds[i - 1] === 'text' && (k === 'text' || k === 'name'))) return null;
  return { cells, kinds, end: at };
}

/**
 * Row `n`: its cells, each a named group (an amount taken whole: a lookahead's capture, matched again, is never
 * cut shorter, which keeps the search small), then the end of the line or the start of row n + 1 (its number, its
 * first cells up to its name).
 */
function rowPattern(kinds: GluedCellKind[], n: number): RegExp {
  const cell = (k: GluedCellKind, i: number): string => {
    if (k === 'serial') return `(?<c${i}>${n})`;
    const value = valuePattern(k, kinds[i - 1]);
    if (k === 'amount') return `(?<c${i}>(?=(?<a${i}>${value}))\\k<a${i}>)`;
    // A consortium's cell is taken whole, as an amount is: matched again shorter it could only be worse, and slow.
    if (k === 'name') return `(?<c${i}>(?=(?<k${i}>${CONSORTIUM}))\\k<k${i}>|${NAME})${NAME_NOTE}`;
    return k === 'score' ? `(?<c${i}>${value})?` : `(?<c${i}>${value})`;
  };
  const row = kinds.map(cell).join('\\s*');
  const upToName = kinds.slice(0, kinds.indexOf('name') + 1);
  const next = kinds[0] === 'serial'
    ? upToName.map((k, i) => (k === 'serial' ? String(n + 1) : `(?:${valuePattern(k, kinds[i - 1])})`)).join('\\s*')
    : null;
  return new RegExp(`^\\s*${row}\\s*(?=$${next ? `|${next}` : ''})`, 'd');
}

const CONSORTIUM_CELL = new RegExp(`^${CONSORTIUM}$`);

/** Why a cut row cannot be trusted, or null. */
function unsure(page: Page, head: GluedHeader, row: Span[], last: boolean): string | null {
  const kinds = head.kinds;
  const name = row[kinds.indexOf('name')];
  if (!looksLikeCompanyName(name.text) && !CONSORTIUM_CELL.test(name.text)) return 'name';
  // Where the name ends is unsure when the words after it hold another legal form.
  const after = /^\s*(?:[(（][^()（）]{0,40}[)）])?([\u4e00-\u9fff]{0,25})/.exec(page.text.slice(name.end, name.end + 80));
  if (after && NAME_GOES_ON.test(after[1])) return 'name goes on';
  if (kinds.some((k, c) => k === 'text' && ANOTHER_PARTY.test(row[c].text))) return 'another party';
  // An address starts at a place, never at its road's or house's word (…中心 / 北路1号): the name was cut inside it.
  const next = kinds.indexOf('name') + 1;
  if (kinds[next] === 'text' && /地址|住所/.test(head.cells[next].text) && ADDRESS_TAIL.test(row[next].text)) return 'address cut';
  // Free text ending in a digit, run into the next row's number: where one ends and the other starts is unknown.
  if (!last && kinds[kinds.length - 1] === 'text' && /\d$/.test(row[row.length - 1].text)) return 'digits run on';
  return null;
}

/** The rows after the header, one after another, each cut at the first place that lets the next row start. */
function gluedRows(page: Page, line: Line, head: GluedHeader, end = line.span.end): Line[] | null {
  let at = line.span.start + head.end;
  if (end - at > MAX_REST) return null;
  const width = head.kinds.length;
  const rows: Line[] = [];
  for (let n = 1; at < end && page.text.slice(at, end).trim() !== ''; n++) {
    if (n > MAX_ROWS || (n > 1 && head.kinds[0] !== 'serial')) return null;
    const m = rowPattern(head.kinds, n).exec(page.text.slice(at, end));
    if (!m) return null;
    const row: Span[] = [];
    for (let c = 0; c < width; c++) {
      const range = m.indices!.groups![`c${c}`];
      const from = range ? range[0] : row.length > 0 ? row[row.length - 1].end - at : 0;
      row.push({ text: m.groups![`c${c}`] ?? '', start: at + from, end: at + (range ? range[1] : from) });
    }
    at += m[0].length;
    if (unsure(page, head, row, page.text.slice(at, end).trim() === '')) return null;
    rows.push(lineOfCells(page, row));
  }
  return rows.length > 0 ? rows : null;
}

/** How many lines after its header's a glued table may go on over. */
const MAX_LINES_ON = 6;
const LEAD_ENDS_LINE = /牵头(?:供应商|人|单位)[：:][^：:]{2,60}$/;
const MEMBERS_START_LINE = /^(?:投标)?联合体(?:成员)?[：:]/;
const ROW_STARTS_LINE = /^\d{1,2}(?=[\u4e00-\u9fff])/;

/**
 * Whether a line goes on with the glued table above it: the members of a consortium whose lead ended the line
 * before ('members'), or a row of its own, its number run into its first words ('row'); null when neither.
 */
function goesOn(before: Line, line: Line, head: GluedHeader): 'members' | 'row' | null {
  if (line.cells) return null;
  if (MEMBERS_START_LINE.test(line.span.text) && LEAD_ENDS_LINE.test(before.span.text)) return 'members';
  return head.kinds[0] === 'serial' && ROW_STARTS_LINE.test(line.span.text) ? 'row' : null;
}

/** The page with each glued result table cut into a header line and a line per row, cells kept as slices of the text. */
export function cutGluedTables(page: Page): Page {
  let changed = false;
  const out: Line[] = [];
  const lines = page.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const head = line.cells ? null : gluedHeader(line);
    let rows = head ? gluedRows(page, line, head) : null;
    // Lines that go on with the table: a consortium's members after its lead, the next rows on lines of their own.
    // The table ends at the last of them after which its rows cut cleanly, each line adding to them.
    const from = i;
    for (let j = from + 1; head && j < lines.length && j - from <= MAX_LINES_ON && goesOn(lines[j - 1], lines[j], head); j++) {
      const more = gluedRows(page, line, head, lines[j].span.end);
      if (more && more.length >= (rows?.length ?? 0)) {
        rows = more;
        i = j;
      }
    }
    if (!head || !rows) {
      out.push(line);
      continue;
    }
    changed = true;
    out.push(lineOfCells(page, head.cells), ...rows);
  }
  return changed ? withLines(page, out) : page;
}
