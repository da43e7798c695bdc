// "Label：value" pairs, from paragraphs and from two-column (label, value) table rows. One line can hold
// several pairs (联 系 人：杨利峰 电 话：0476-7866605); a label's value ends where the next label starts.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import { classifyLabel, isNotALabel, RESULT_ONLY_WINNER_LABELS, VALUE_MAY_FOLLOW } from './labels.ts';
import type { AmountUnit, FieldKey, LabelInfo } from './labels.ts';
import { labelAlone, labelGluedToParty, labelSpacedFromParty, spacedPairs } from './bare-labels.ts';
import { LOT_BEFORE_LABEL, LOT_WORDS_AFTER } from './lots.ts';
import { joinSpans, trimmedSpan } from './page.ts';
import { columnRoleOf } from './tables.ts';
import type { Line, Page, Span } from './page.ts';

export interface Field {
  key: FieldKey;
  info: LabelInfo;
  /** False for a label that is not in the vocabulary (any short words before a colon). */
  known: boolean;
  label: Span;
  /** Null when the label has nothing after it. */
  value: Span | null;
  line: number;
}

export interface FieldScan {
  fields: Field[];
  /** Lines whose text became the value of a label on the line before. */
  consumed: Set<number>;
}

interface LabelHit {
  info: LabelInfo | null;
  start: number;
  colon: number;
}

const COLON = /[：:]/g;
const LABEL_CHAR = /[\u3400-\u9fffA-Za-z()（）\[\]【】、/\s\u3000]/;
const CJK = /[\u3400-\u9fff]/;
const MAX_LABEL_CHARS = 30;
const TRAILING_NUMBER = /(?<=[\u3400-\u9fff])\d{1,2}$/;
const LOT_NUMBER_BEFORE = /第\s*\d{1,3}\s*$/;
const LOT_WORD = new RegExp(`^(?:${LOT_WORDS_AFTER})$`);
const MAX_UNKNOWN_LABEL = 20;

const OTHER: Omit<LabelInfo, 'norm'> = { key: 'other', unit: null, rank: null };
const CANDIDATE_BEFORE = /候选(?:人|单位|供应商)?$/;
/** Words before a winner's label that make it a panel's proposal (推荐 + 中标单位, 推荐第一 + 中标单位). */
const PROPOSAL_BEFORE = /推荐(?:为)?(?:第[一1])?$/;
/** Words before a winner's label that make it a bidder's: 投标 + 人名称, 未 + 中标公司名称 (the losers'). */
const BIDDER_BEFORE = /(?:投标|报价|响应|参与|未中标|未成交|未|落选)(?:人|单位)?$/;
/** The next item's number, and the words of its label in front of the part known as a label (2.中标候选人 + 地址：). */
const NEXT_ITEM_NUMBER = /\s\d{1,2}\s*(?:[.．、)）]\s*([\u4e00-\u9fff]{0,10})|[.．、)）]?)\s*$/;
/** …glued to the value's last word, where the page's lines were run together (成交供应商：X有限公司4.预算金额：). */
const GLUED_ITEM_NUMBER = /(?<=[\u4e00-\u9fff）)])\d{1,2}[.．、]\s*$/;
/** An item's number in brackets: （三）, (2). */
const ITEM_IN_BRACKETS = /^[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]/;
/** The same, or ⑵: closing a value, the next item's number when the value's own label has one (（二）名称：X（三）). */
const ITEM_NUMBER = String.raw`(?:[（(][一二三四五六七八九十]{1,3}[)）]|[⑴-⒇])`;
const ITEM_NUMBER_AT_END = new RegExp(String.raw`\s*${ITEM_NUMBER}\s*$`);
const ITEM_NUMBER_BEFORE = new RegExp(String.raw`${ITEM_NUMBER}\s*$`);
const ITEM_NUMBER_FIRST = new RegExp(`^${ITEM_NUMBER}`);
/** Words before a date label that make it an earlier notice's date: the tender's (招标信息 + 发布日期), the original's (原公告 + 发布日期). */
const EARLIER_NOTICE_BEFORE = /(?:(?:招标|采购|谈判|磋商|询价|比选|竞价|资格预审)(?:信息|文件)|原(?:公告)?)$/;
/** Words before a date label that make it a correction's date (变更 + 公告发布日期): this notice's only if it is the correction. */
const CHANGE_NOTICE_BEFORE = /(?:变更|更正|补充|澄清|答疑)(?:公告)?$/;

/** The labels in a span, each with the offset where it starts and of its colon. */
function findLabels(span: Span): LabelHit[] {
  const hits: LabelHit[] = [];
  const local = span.text;
  let floor = 0;
  COLON.lastIndex = 0;
  for (let m = COLON.exec(local); m; m = COLON.exec(local)) {
    const colon = m.index;
    if (local[colon] === ':' && /\d/.test(local[colon - 1] ?? '') && /\d/.test(local[colon + 1] ?? '')) continue;
    let end = colon;
    while (end > floor && /\s/.test(local[end - 1])) end--;
    // A label may end in its number (候选人1：), when words stand before it.
    const numberAt = end - (TRAILING_NUMBER.exec(local.slice(Math.max(floor, end - 3), end))?.[0].length ?? 0);
    let start = numberAt;
    while (start > floor && numberAt - start < MAX_LABEL_CHARS && LABEL_CHAR.test(local[start - 1])) start--;
    while (start < numberAt && /[\s、/]/.test(local[start])) start++;
    if (start === numberAt) continue;
    // Only a candidate's rank so: 供应商名称1： or 投标报价1： number rows of a list, whose labels say nothing of rank.
    if (numberAt < end && classifyLabel(local.slice(start, end))?.key !== 'candidate') continue;
    // A lot numbered in digits (第14包：) is a label too.
    const numbered = LOT_NUMBER_BEFORE.exec(local.slice(Math.max(floor, start - 6), start));
    if (numbered && LOT_WORD.test(local.slice(start, end))) start -= numbered[0].length;
    const read = bestLabel(local, start, end);
    const hit = read?.info && read.info.key !== 'other' ? read : notedLabel(local, floor, end) ?? read;
    if (!hit) continue;
    // （大写：…） and other unknown words right after an opening bracket annotate the value before them.
    if (isNotALabel(local.slice(hit.start, end)) || (!hit.info && /[（(]/.test(local[hit.start - 1] ?? ''))) continue;
    // The tail of a note in brackets right after the last label's colon (金额：（可填写…或 费率）：X) is no label of its own.
    if (!hit.info && hits.length > 0 && noteOpening(local, floor, end) === floor + /^\s*/.exec(local.slice(floor))![0].length) continue;
    hits.push({ info: hit.info, start: hit.start, colon });
    floor = colon + 1;
  }
  return hits;
}

const MAX_LABEL_NOTE = 60;

/** Where the bracketed note that ends at `end` (…（可填写下浮率、折扣率或费率）) opens, not before `floor`; -1 if none. */
function noteOpening(local: string, floor: number, end: number): number {
  if (!/[)）]/.test(local[end - 1] ?? '')) return -1;
  for (let i = end - 2, depth = 0; i >= Math.max(floor, end - MAX_LABEL_NOTE); i--) {
    if (/[)）]/.test(local[i])) depth++;
    else if (/[(（]/.test(local[i])) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * A known label with a note in brackets before its colon, the note too long or too punctuated to be read as
 * part of it: 项目编号（或招标编号、政府采购计划编号、采购计划备案文号等，如有）：. Null when no known label stands
 * right before the brackets.
 */
function notedLabel(local: string, floor: number, end: number): { info: LabelInfo; start: number } | null {
  const open = noteOpening(local, floor, end);
  if (open <= floor) return null;
  let start = open;
  while (start > floor && open - start < MAX_LABEL_CHARS && LABEL_CHAR.test(local[start - 1])) start--;
  while (start < open && /[\s、/]/.test(local[start])) start++;
  if (start === open) return null;
  const hit = bestLabel(local, start, open);
  return hit && hit.info && hit.info.key !== 'other' ? { info: hit.info, start: hit.start } : null;
}

/** The longest known label ending at `end`, else the whole run as an unknown label if it is short. */
function bestLabel(local: string, start: number, end: number): { info: LabelInfo | null; start: number } | null {
  for (let s = start; s < end; s++) {
    if (/\s/.test(local[s])) continue;
    if (s > start && !/[\s、)）]/.test(local[s - 1]) && !CJK.test(local[s])) continue;
    const info = classifyLabel(local.slice(s, end));
    // A date label glued to other words (本项目采购公告日期) is some other date, not the publication date.
    // A title run into its date label (…中标结果公示发布时间：, …采购项目发布时间：) still dates the notice.
    if (info && info.key === 'publishedAt' && s > start && !/[\s【\[（(]/.test(local[s - 1])
      && !/(公告|公示|通知|结果)$/.test(local.slice(start, s)) && !/^发布/.test(info.norm)) continue;
    if (info) return withWordsBefore(local, start, s, end, info) ?? gluedToName(local, start, s, end, info) ?? { info, start: s };
  }
  // An unknown label: after a space it is the last word (X有限公司 负责人姓名), else the whole run.
  const lastGap = local.slice(start, end).search(/\s\S*$/);
  if (lastGap >= 0 && end - (start + lastGap + 1) >= 2) start += lastGap + 1;
  // Inside brackets only the bracketed words count: 84.8651万元（大写：…）.
  // An item's number in brackets ((三)项目内容：) is no such note: the label follows it.
  const bracket = Math.max(local.lastIndexOf('（', end - 1), local.lastIndexOf('(', end - 1));
  if (bracket >= start) start = bracket + (ITEM_IN_BRACKETS.exec(local.slice(bracket, end))?.[0].length ?? 1);
  const run = local.slice(start, end).replace(/\s+/g, '');
  if (run.length <= MAX_UNKNOWN_LABEL && CJK.test(run)) return { info: null, start };
  return null;
}

/**
 * What the words run into a known label's front make of it, or null when they change nothing: after 中标候选人
 * a winner's label names a candidate, after 投标/报价 a bidder; 名称 after other words (包件名称) names that
 * thing; 发布日期 after 招标信息 or 采购文件 is the tender's date. The label then starts with the last word before
 * it, not with the value before that word.
 */
function withWordsBefore(local: string, start: number, s: number, end: number, info: LabelInfo): { info: LabelInfo; start: number } | null {
  if (s === start) return null;
  const before = local.slice(start, s);
  const from = start + before.search(/\S*$/);
  const as = (key: FieldKey) => ({ info: { key, norm: local.slice(from, end), unit: null, rank: null }, start: from });
  const winnerish = info.key === 'winnerName' || info.key === 'awardValue';
  if (info.key === 'winnerName' && CANDIDATE_BEFORE.test(before)) return as('candidate');
  // 推荐(第一)中标单位 keeps the panel's word in its label: a result may adopt the proposal, a review result only makes it.
  if (info.key === 'winnerName' && PROPOSAL_BEFORE.test(before)) return as('winnerName');
  if (winnerish && (CANDIDATE_BEFORE.test(before) || BIDDER_BEFORE.test(before))) return as('other');
  // 参与投标的供应商：, 本项目供应商： — a bare 供应商 after other words is theirs, no winner's label.
  if (info.key === 'winnerName' && RESULT_ONLY_WINNER_LABELS.has(info.norm) && /\S/.test(before)) return as('other');
  if (info.key === 'partyName' && CJK.test(local[s - 1])) return as('other');
  if (info.key === 'publishedAt' && EARLIER_NOTICE_BEFORE.test(before)) return as('other');
  if (info.key === 'publishedAt' && CHANGE_NOTICE_BEFORE.test(before)) return as('changeNoticeDate');
  return null;
}

/**
 * 采购项目编号 glued to the value before it (项目名称：…浴池热水采购项目编号：…): names so often end in 采购
 * that the label is the plain 项目编号 and 采购 ends the name. Null when that reading does not apply.
 */
function gluedToName(local: string, start: number, s: number, end: number, info: LabelInfo): { info: LabelInfo; start: number } | null {
  if (s === start || /[\s、)）(（]/.test(local[s - 1]) || !local.startsWith('采购项目', s)) return null;
  const plain = classifyLabel(local.slice(s + 2, end));
  return plain && plain.key === info.key ? { info: plain, start: s + 2 } : null;
}

/** The offset of the bracket that closes one opened before `from`, or -1. */
function closingBracket(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}


/** Splits a span into its lead text and its label：value fields. */
export function segment(page: Page, span: Span, line: number): { lead: Span | null; fields: Field[] } {
  const hits = findLabels(span);
  if (hits.length === 0) return { lead: span.text ? span : null, fields: [] };
  const fields: Field[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    let valueEnd = i + 1 < hits.length ? hits[i + 1].start : span.text.length;
    // The next label's list number is not this value's end (X有限公司  2.中标供应商地址：).
    if (i + 1 < hits.length) {
      const number = NEXT_ITEM_NUMBER.exec(span.text.slice(hit.colon + 1, valueEnd))
        ?? GLUED_ITEM_NUMBER.exec(span.text.slice(hit.colon + 1, valueEnd));
      // Words after the number are the next label's front or block (2、采购代理机构信息 名称：), unless they are a name (2.乙某公司).
      if (number && !looksLikeCompanyName(number[1] ?? '')) {
        valueEnd = hit.colon + 1 + number.index;
      } else if (ITEM_NUMBER_BEFORE.test(span.text.slice(0, hit.start)) || ITEM_NUMBER_FIRST.test(span.text.slice(hit.start))) {
        const bracketed = ITEM_NUMBER_AT_END.exec(span.text.slice(hit.colon + 1, valueEnd));
        if (bracketed) valueEnd = hit.colon + 1 + bracketed.index;
      }
    }
    // …X公司，43000元。第二包 | 中标人：: the next label's lot is not this value's.
    if (i + 1 < hits.length) {
      const lot = LOT_BEFORE_LABEL.exec(span.text.slice(hit.colon + 1, valueEnd));
      if (lot) valueEnd = hit.colon + 1 + lot.index;
    }
    // A label opened by a bracket in running text (（项目编号：X）组织采购) ends at the closing bracket.
    if ((hit.start > 0 && /[（(]/.test(span.text[hit.start - 1])) || /^[（(][^）)]*$/.test(span.text.slice(hit.start, hit.colon))) {
      const close = closingBracket(span.text, hit.colon + 1, valueEnd);
      if (close >= 0) valueEnd = close;
    }
    const value = trimmedSpan(page.text, span.start + hit.colon + 1, span.start + valueEnd);
    const label = trimmedSpan(page.text, span.start + hit.start, span.start + hit.colon);
    const info = hit.info ?? { ...OTHER, norm: label.text };
    fields.push({ key: info.key, info, label, value: value.text ? value : null, line, known: hit.info !== null });
  }
  const lead = trimmedSpan(page.text, span.start, span.start + hits[0].start);
  return { lead: lead.text ? lead : null, fields };
}

/**
 * All fields of the page. Rows listed in `tableRows` belong to tables with a header and are read as
 * tables, not as label/value pairs.
 */
export function scanFields(page: Page, tableRows: Set<number>): FieldScan {
  const fields: Field[] = [];
  const consumed = new Set<number>();
  const lines = page.lines;
  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i) || tableRows.has(i)) continue;
    const line = lines[i];
    const before = fields.length;
    if (line.cells) scanRow(page, line, fields);
    else {
      const pairs = spacedPairs(page, line);
      fields.push(...(pairs.length > 0 ? pairs : segment(page, line.span, i).fields));
    }
    if (fields.length === before && !line.cells) {
      // A label alone on its line, its value on the next (page text of a two-column table: 工程名称 / X).
      const alone = labelAlone(page, line) ?? labelGluedToParty(page, line) ?? labelSpacedFromParty(page, line);
      if (alone) fields.push(alone);
    }
    const last = fields.length > before ? fields[fields.length - 1] : null;
    if (last && last.value === null && VALUE_MAY_FOLLOW.has(last.key) && endsLine(line, last)) {
      const next = lines[i + 1];
      if (next && !next.cells && !tableRows.has(i + 1) && segment(page, next.span, i + 1).fields.length === 0
        && !looksLikeHeading(next.span.text) && !classifyLabel(next.span.text) && !WRAPPED_NOTE.test(next.span.text)) {
        last.value = next.span;
        consumed.add(i + 1);
      }
    }
  }
  unitsFromTheirOwnField(fields);
  return { fields, consumed };
}

/** A unit given as a field of its own right after the amount (中标（成交）价格： 121.5 价格单位： 万元). */
const UNIT_FIELD = /^(?:价格|金额|报价|计价|货币)单位$/;
const UNIT_VALUE = /^(万元|亿元|元)$/;
const MONEY_KEYS = new Set<FieldKey>(['awardValue', 'bid', 'budget', 'totalValue']);

function unitsFromTheirOwnField(fields: Field[]): void {
  for (let i = 1; i < fields.length; i++) {
    const unit = fields[i].value ? UNIT_VALUE.exec(fields[i].value!.text.trim()) : null;
    const amount = fields[i - 1];
    if (!unit || !UNIT_FIELD.test(fields[i].info.norm) || !MONEY_KEYS.has(amount.key) || amount.info.unit !== null) continue;
    if (fields[i].line - amount.line > 1) continue;
    amount.info = { ...amount.info, unit: unit[1] as AmountUnit };
  }
}

/** A bracketed note alone on the next line is the label's own, wrapped (建设单位 / （或招标人）), not its value. */
const WRAPPED_NOTE = /^[（(][^（()）]{1,12}[)）]$/;

function endsLine(line: Line, field: Field): boolean {
  const after = line.span.end - field.label.end;
  return after <= 2 || (field.value === null && line.span.text.trimEnd().endsWith(':'))
    || (field.value === null && /[：:]\s*$/.test(line.span.text));
}

const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

function looksLikeHeading(text: string): boolean {
  return HEADING.test(text);
}

/** A table row without a header: cells alternate label, value (a cell may also hold "label：value"). */
function scanRow(page: Page, line: Line, fields: Field[]): void {
  const cells = [...line.cells!]; // a unit taken into the value before it leaves the rest of its cell
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell.text) continue;
    const seg = segment(page, cell, line.index);
    const next = cells[c + 1];
    if (seg.fields.length > 0) {
      const last = seg.fields[seg.fields.length - 1];
      if (last.value === null && next && next.text && isPlainValue(page, next, line.index)) {
        last.value = next;
        c++;
      } else if (last.value === null && next && next.text && !classifyLabel(next.text)) {
        // 采购代理机构名称、地址和联系方式: | 某某有限公司、某某路476号、联系人：王先生…: the words before the cell's own labels
        const inner = segment(page, next, line.index);
        if (inner.lead) {
          last.value = inner.lead;
          fields.push(...seg.fields, ...inner.fields);
          c++;
          continue;
        }
      }
      if (last.value && next) last.value = withUnitCell(page, last.value, cells, c + 1);
      fields.push(...seg.fields);
      continue;
    }
    const info = classifyLabel(cell.text);
    if (!info) {
      const block = partyBlock(page, cells, c, line.index);
      if (block) {
        fields.push(block);
        c += 2;
      }
      continue;
    }
    const field: Field = { key: info.key, info, label: cell, value: null, line: line.index, known: true };
    fields.push(field);
    // …| 采购单位 | 报价单位 |… in a table's header row: the cell after a label is the next column's name, not its value.
    if (!next || classifyLabel(next.text) || (columnRoleOf(next.text) !== null && isHeaderRow(cells))) continue;
    c++;
    if (!next.text) continue;
    // 一．采购人名称 | ：浙江某某有限公司: the label's colon, pushed into the value's cell, is no part of the value.
    const colon = /^\s*[：:]\s*/.exec(next.text);
    if (colon && colon[0].length < next.text.length) cells[c] = trimmedSpan(page.text, next.start + colon[0].length, next.end);
    const value = cells[c];
    const inner = segment(page, value, line.index);
    if (inner.fields.length === 0) {
      field.value = withUnitCell(page, value, cells, c + 1);
    } else {
      field.value = inner.lead;
      fields.push(...inner.fields);
    }
  }
}

const MIN_HEADER_CELLS = 4;

/** A row of column names (包号 | 数量 | 金额 | 采购单位 | 报价单位 | 地址): most of its cells name a field or a column. */
function isHeaderRow(cells: Span[]): boolean {
  const filled = cells.filter((c) => c.text);
  const named = filled.filter((c) => classifyLabel(c.text) || columnRoleOf(c.text) !== null).length;
  return filled.length >= MIN_HEADER_CELLS && named * 2 > filled.length;
}

const PARTY_KEYS = new Set<FieldKey>(['buyerName', 'agencyName', 'winnerName']);

/**
 * A party's block written as a row: 中标人信息 | 名称 | X (招标人信息, 招标代理机构信息 alike). The role with
 * 信息 names the block, the generic 名称 the cell after it: X is the role's party.
 */
function partyBlock(page: Page, cells: Span[], c: number, line: number): Field | null {
  const [head, sub, value] = [cells[c], cells[c + 1], cells[c + 2]];
  if (!sub || !value?.text || !/信息$/.test(head.text)) return null;
  const role = classifyLabel(head.text.replace(/信息$/, ''));
  if (!role || !PARTY_KEYS.has(role.key) || classifyLabel(sub.text)?.key !== 'partyName') return null;
  if (classifyLabel(value.text)) return null;
  return { key: role.key, info: role, label: joinSpans(page, head, sub), value, line, known: true };
}

/** A money unit opening a cell, alone or before a separator: 万元, (万元), 元、… */
const UNIT_LEAD = /^[（(]?\s*(?:人民币)?\s*(?:亿元|万元|元)\s*[)）]?(?=$|[\s、，,；;。])/;

/**
 * A value ending in a number whose unit opens the next cell (项目预算：437.677 | 万元, or | 万元、最高限价：…):
 * in a PDF's text layer a number's unit often lands in a cell of its own. The unit joins the value,
 * and the rest of that cell stays to be read. Otherwise the value as it was.
 */
function withUnitCell(page: Page, value: Span, cells: Span[], next: number): Span {
  const cell = cells[next];
  const unit = cell && /\d$/.test(value.text) ? UNIT_LEAD.exec(cell.text) : null;
  if (!unit) return value;
  const unitEnd = cell.start + unit[0].length;
  cells[next] = trimmedSpan(page.text, unitEnd, cell.end);
  return joinSpans(page, value, { text: page.text.slice(cell.start, unitEnd), start: cell.start, end: unitEnd });
}

function isPlainValue(page: Page, cell: Span, line: number): boolean {
  return !classifyLabel(cell.text) && segment(page, cell, line).fields.length === 0;
}
