// Winners, lots and amounts. Sources, read in document order: winner fields (中标供应商：X), tables whose
// header names the winner (成交供应商 | 成交金额(万元)), lines under a result heading that start with a
// company name, lot markers (分包号：1, 第一标包) and failed lots (废标原因). Candidates and bidders' tables
// never give winners; budgets, ceilings, fees and deposits are never award values.
import type { RateKind } from '../../src/domain/amount.ts';
import { looksLikeCompanyName, nameKey } from '../../src/domain/names.ts';
import { normalizeUscc } from '../../src/domain/uscc.ts';
import { splitSuppliers, statedConsortium } from './consortium.ts';
import type { Field } from './fields.ts';
import { fillListedAmounts } from './listed-amounts.ts';
import { CALL_FAILED_SENTENCE, CALL_FAILED_TITLE, classifyLabel, ENDS_FAILED, GENERIC_WINNER_LABELS, LOT_FAILED, NO_WINNER, NONE_WON, NOT_RESULT_SECTIONS, RESULT_ONLY_WINNER_LABELS, REJECTION_WORDS, smallNumber, WON_MARK_NO, WON_MARK_YES } from './labels.ts';
import type { LabelInfo } from './labels.ts';
import type { SupplierRole } from './notice.ts';
import { subSpan, trimmedSpan, unwrapped } from './page.ts';
import type { Line, Page, Span } from './page.ts';
import type { Sections } from './sections.ts';
import { column } from './tables.ts';
import type { Table, TableRow } from './tables.ts';
import type { LotBlock } from './lot-blocks.ts';
import { LOT_BEFORE_LABEL, LOT_NUMBER, LOT_WORDS_AFTER, lotKeyOf, lotsOfHeading } from './lots.ts';
import { contactListLines, signOffLines } from './sentences.ts';
import { gluedAmount, gluedName } from './winners.ts';
import { addressOf, isPlaceholder, isSeeOriginal, lotIdOf, notASum, readMoney, readRate } from './values.ts';
import type { Found, MoneyFound } from './values.ts';

export interface SupplierDraft {
  raw: Span;
  name: string;
  role: SupplierRole;
  address: Found<string> | null;
  uscc: Found<string> | null;
}

export type RateFound = Found<{ kind: RateKind; percent: number }>;

export interface AwardDraft {
  lot: Found<string> | null;
  status: 'active' | 'unsuccessful';
  suppliers: SupplierDraft[];
  value: MoneyFound | null;
  rate: RateFound | null;
  line: number;
  lastLine: number;
  /** Where the winner was read: a labelled field, a table row, a sentence, or a class marker. */
  source: 'field' | 'table' | 'text' | 'marker';
  /** Why a lot failed (废标原因), for an unsuccessful award. */
  reason?: Span;
  /** The value is the winner's bid (投标报价), which an award amount read later replaces. */
  valueIsBid?: boolean;
  /** The name came under a label that also heads bidders (供应商名称), not a winner's own (中标供应商). */
  genericLabel?: boolean;
  /** The name came under a panel's proposal (评标委员会推荐中标人): a winner only where the notice says it is a result. */
  proposed?: boolean;
  /** The only row of a table with no amount column: an amount on the lines right under it (成交金额：…) is its. */
  takesValueBelow?: boolean;
  /**
   * The winner's amount was given otherwise than as a sum (单价合计（元/人）：1132, 按审定金额的0.8%收取): the summary
   * block's total, which the platform derives from it, is no value of it.
   */
  pricedOtherwise?: Span;
}

export interface AwardScan {
  drafts: AwardDraft[];
  /** 总中标金额 / 总成交金额: the sum over lots. */
  total: MoneyFound | null;
  /** The total is the summary block's (公告概要: 总中标金额), the platform's figure, not the result's own words. */
  totalInSummary: boolean;
  /** Winner fields that only say 见公告原文 / 详见公告. */
  seeOriginal: Span[];
  /** A rate given in the result section with no winner beside it, with its label. */
  orphanRate: { rate: RateFound; label: string } | null;
  warnings: string[];
}

export interface AwardInput {
  page: Page;
  fields: Field[];
  consumed: Set<number>;
  tables: Table[];
  sections: Sections;
  /** Runs of fields written lot by lot in parallel blocks; their lines are among the table rows no other reader takes. */
  lotBlocks: LotBlock[][];
}

type Event =
  /** `range`: the lots a heading line names (品目 14-15：), set for heading lines only. */
  | { kind: 'lot'; pos: number; line: number; id: Found<string> | null; range?: Found<string>[] }
  | { kind: 'lotFail'; pos: number; line: number; reason: Span }
  | { kind: 'fail'; pos: number; line: number; reason: Span }
  | { kind: 'field'; pos: number; line: number; field: Field }
  | { kind: 'row'; pos: number; line: number; draft: AwardDraft }
  | { kind: 'text'; pos: number; line: number; name: Span; value: Span | null }
  | { kind: 'heading'; pos: number; line: number }
  // Class markers (marked.ts), in the page's order: a winner, its address, its USCC, the award's price.
  | { kind: 'markedWinner' | 'markedAddress' | 'markedUscc' | 'markedPrice'; pos: number; line: number; span: Span };

/** What a class-marked page gives the award builder: lot markers and winner markers, in their order. */
export type MarkerEvent = Extract<Event, { kind: 'lot' | 'markedWinner' | 'markedAddress' | 'markedUscc' | 'markedPrice' }>;

const AWARD_KEYS = new Set(['resultIntro', 'lot', 'failReason', 'winnerName', 'consortiumLead', 'consortiumMember', 'winnerAddress',
  'address', 'uscc', 'awardValue', 'totalValue', 'rate', 'buyerName', 'agencyName', 'partyName', 'candidate',
  'proposedWinner', 'unitName', 'bid']);
const PARTY_KEYS = new Set(['buyerName', 'agencyName', 'partyName', 'candidate', 'proposedWinner', 'unitName']);
/** How far below the result's heading its bare 名称 may stand (the heading, then a line of its own). */
const MAX_LINES_UNDER_HEADING = 2;
const ENUMERATOR = /^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．)）]\s*/;
const NAME_STOP = /[，,；;：:]|\s|中标|成交|为|总价/;
/** A price in a sentence, up to the clause's end; a comma between digit groups (2,880.00万元) ends no clause. */
const INLINE_AMOUNT = /(总价|总金额|中标价|成交价|中标金额|成交金额|价格)(?:为|是)?[:：]?\s*((?:[^，,；;。\s]|[,，](?=\d{3}))(?:[^，,；;。]|[,，](?=\d{3}))*)/;
const INLINE_WINNER = /(?:中标|成交)(?:供应商|单位|人)(?:名称)?\s+([^\s：:，,；;]{4,60})/d;
/** …为本项目的中标人, …为成交供应商: what a sentence names the winner, after the name (never 为中标候选人). */
const AS_THE_WINNER = String.raw`\s*为\s*(?:本项目|本包|该项目|本标段|该包)?的?(?:中标|成交|中选)(?:供应商|人|单位)(?![候])`;
/**
 * The sentence that settles the result, wherever it stands (under 评审结果 too): 确定排名第一的X为中标供应商,
 * 确定X为本项目成交人, 经招标人确定，排名第一的中标候选人：X为中标人. A candidate (为中标候选人, 为第一中标候选人) is
 * never settled so.
 */
const DECLARED_WINNER = new RegExp(String.raw`确定[，,]?\s*(?:(?:排名|排序)?第[一二三四五六七八九十\d]{1,2}(?:名|位)?的?(?:(?:中标|成交|中选)?候选(?:人|供应商|单位))?[：:]?)?\s*([^，,；;：:。\s]{4,60}?)` + AS_THE_WINNER, 'd');
/**
 * …and the sentence that gives the panel's or the buyer's finding, then the winner: 经评标委员会评定，X为中标单位,
 * 经评审，X为成交供应商. Not a proposal (经评审，推荐X为中标单位) nor a candidate (X为中标候选人).
 */
const FOUND_WINNER = new RegExp(String.raw`(?:评定|评审|评选|研究|审定)[^，,。；;]{0,8}[，,]\s*(?!推荐|拟)([^，,；;：:。\s]{4,60}?)` + AS_THE_WINNER, 'd');
const PROPOSAL_LABEL = /推荐/;
/**
 * 包2.办公设备维修：A、B、C为本标包的入围中标单位: the suppliers a sentence names as this lot's winners, right after the
 * lot's label or at the line's start (not 拟确定X为…, a proposal).
 */
const NAMED_AS_WINNERS = /(?:^|[：:])\s*([^：:，,；;。\s]{4,200}?)\s*为\s*(?:本项目|本包|本标包|本标段|该项目|该包|该标包|该标段)?的?\s*(?:入围)?(?:中标|成交|中选)(?:供应商|人|单位)(?![候])/d;
/** 中标人为X, 本项目中标人为：X: the winner said in a sentence; never an old one's (原中标人为) nor a proposal's (拟中标人为). */
const WINNER_IS = /(?<![原拟预荐选])(?:中标|成交|中选)(?:人|单位|供应商)(?:名称)?(?:为|是)[：:]?\s*([^，,；;：:。\s]{4,60}?)\s*(?=[，,。；;]|$)/d;
/** An award's own price label (中标价格, 成交金额), not another sum's (原中标金额, 首批预付款合同金额). */
const AWARD_OWN_LABEL = /^(?:中标|成交|中选|承包)/;
/** Labels that name a consortium but not whose: only right after a winner label do they name winners. */
const BARE_CONSORTIUM = new Set(['联合体', '联合体单位', '联合体名称', '联合体各方', '投标联合体']);
/** 合同包1：, also with the lot's name before the colon, in brackets (合同包1(医疗设备采购及服务):) or after a dot (包1.日常办公用品:). */
const LOT_LINE = /^(?:标项|包号|分包号|分包|标段|标包|合同包|采购包|包)\s*([A-Za-z]|\d{1,3})\s*(?:[(（][^()（）]{1,40}[)）]\s*|[.．、]\s*[^:：，,。；;\d][^:：，,。；;]{0,29})?[:：]/;
/**
 * A lot run into the label after it (d包中标人：X, 第一标段中标单位：X, with the lot's subject between: 第一标段风机类中标人：X)
 * or alone before its colon (q包：流标).
 */
const LOT_LEADS = /^(?:第\s*)?([A-Za-z]{1,2}|\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:包|标段|标包|分包|标项)\s*(?:[\u4e00-\u9fff]{1,8}?(?=(?:中标|成交|中选)(?:人|单位|供应商)))?(?=(?:中标|成交|中选)|[:：])/;

/** The failed award of a termination whose whole call failed, with its words as the evidence; null when it does not say so. */
export function callFailure(page: Page, title: Span | null): AwardDraft | null {
  const failed = (reason: Span, line: number): AwardDraft =>
    ({ lot: null, status: 'unsuccessful', suppliers: [], value: null, rate: null, line, lastLine: line, source: 'text', reason });
  for (const line of page.lines) {
    if (line.cells) continue;
    const m = CALL_FAILED_SENTENCE.exec(line.span.text);
    if (m) return failed(subSpan(page, line.span, m.index, m.index + m[0].length), line.index);
  }
  const m = title ? CALL_FAILED_TITLE.exec(title.text) : null;
  if (!m || !title) return null;
  const line = page.lines.findIndex((l) => l.span.end >= title.end);
  return failed(subSpan(page, title, m.index, m.index + m[0].length), line);
}

/** A reason for failing that says something (not 无, /, 详见…): only then did the lot fail. */
function saysWhyItFailed(reason: Span): boolean {
  return reason.text !== '' && !isPlaceholder(reason.text);
}

/** The rank written in a cell: 1, 一, 1（推荐）, 第一名, 推荐第一成交候选人. */
export function rankOf(text: string): number | null {
  const t = text.replace(/\s+/g, '');
  const lead = /^(\d{1,2}|[一二三四五六七八九十]{1,3})(?:$|[（(])/.exec(t);
  if (lead) return smallNumber(lead[1]);
  const m = /第([一二三四五六七八九十\d]{1,3})/.exec(t);
  return m ? smallNumber(m[1]) : null;
}

/** The heading's text without its colon, as the lot's evidence. */
function trimmedLabel(page: Page, span: Span): Span {
  const m = /\s*[:：]\s*$/.exec(span.text);
  return m ? subSpan(page, span, 0, m.index) : span;
}

function lotFromField(f: Field): Found<string> | null {
  const fromLabel = /\d|第[一二三四五六七八九十]/.test(f.info.norm) ? lotIdOf(f.info.norm) : null;
  if (fromLabel) return { value: fromLabel, span: f.label };
  if (!f.value) return null;
  const id = lotIdOf(f.value.text);
  return id ? { value: id, span: f.value } : null;
}

/**
 * Which column of a table names winners, or -1. Bidders' and scores' tables name none; when the notice
 * has a result section, only a table inside it (or right under "中标供应商：") names winners, however
 * much another table looks like the winners' one.
 */
export function winnerColumn(table: Table, sections: Sections, fields: Field[]): number {
  // 投标人 | 报价 | 是否中标 in the result section: a column that says row by row who won makes a bidders' table the
  // winners' one (a bidders' section's, like an opening record's, never is: the result may have changed since).
  const marked = column(table, 'wonMark') >= 0;
  const bidder = column(table, 'bidder');
  if (bidder >= 0 && column(table, 'winner') < 0 && !marked) return namesTheWinners(table, sections) ? bidder : -1;
  if (NOT_RESULT_SECTIONS.has(sections.kindOf[table.headerLine])) return -1;
  const announced = fields.some((f) => f.key === 'winnerName' && f.value === null && f.line >= table.headerLine - 2 && f.line < table.headerLine);
  const inResult = sections.inResult[table.headerLine] || announced;
  if (!inResult && sections.inResult.some(Boolean)) return -1;
  const winner = column(table, 'winner');
  if (winner >= 0) return winner;
  const supplier = column(table, 'supplier');
  if (marked) return supplier >= 0 ? supplier : column(table, 'bidder');
  if (supplier < 0) return -1;
  const awardAmount = table.columns.some((c) => c.role === 'amount' && c.awardAmount);
  if (awardAmount) return supplier;
  return inResult && !givesVerdicts(table, supplier) && !ranksBidders(table) ? supplier : -1;
}

/** A heading that names the winning party itself (四、中标（成交）供应商：), not the result at large (中标结果, 成交信息). */
const WINNERS_HEADING = /^(?:中标|成交|中选)(?:（成交）|\(成交\))?(?:供应商|人|单位)(?:名称|名单)?$/;

/**
 * Whether a bidders' table (包组 | 投标供应商, 成交金额（元） | 成交候选供应商) names the winners: in the result, under a
 * heading that names the winners or beside the award's own amount, one row a lot and nothing that ranks or scores
 * them — the site's template reused its bidders' column for the winners.
 */
function namesTheWinners(table: Table, sections: Sections): boolean {
  if (!sections.inResult[table.headerLine]) return false;
  const heading = [...sections.headings].reverse().find((h) => h.line <= table.headerLine);
  const headed = heading !== undefined && WINNERS_HEADING.test(heading.text.replace(/\s+/g, ''));
  if (!headed && !table.columns.some((c) => c.role === 'amount' && c.awardAmount)) return false;
  if (column(table, 'rank') >= 0 || column(table, 'candidateMark') >= 0 || table.columns.some((c) => SCORE_HEADER.test(c.header.text))) return false;
  const lot = column(table, 'lot');
  if (lot < 0) return table.rows.length === 1;
  const lots = table.rows.map((r) => (r.cells[lot]?.text ?? '').replace(/\s+/g, ''));
  return lots.every((l) => l !== '') && new Set(lots).size === lots.length;
}

const SCORE_HEADER = /得分|分值|评分|分数/;

/** A suppliers' table with scores and several rows, and no award amount: every bidder ranked, none named as winner. */
function ranksBidders(table: Table): boolean {
  return table.rows.length > 1 && table.columns.some((c) => SCORE_HEADER.test(c.header.text));
}

/**
 * A review's verdict alone in a cell (通过, 不合格, 符合要求): a table of them is a review's, whoever it names. Not 是 / 否:
 * they answer other yes-no columns too (是否中小企业, 是否联合体).
 */
const VERDICT = /^(?:通过|未通过|不通过|合格|不合格|符合|不符合|符合要求|不符合要求|有效|无效|满足|不满足|未中标|未成交|不中标|落选|未入围)$/;

function isVerdict(text: string): boolean {
  return VERDICT.test(text.replace(/\s+/g, '')) || (text.length <= 12 && REJECTION_WORDS.test(text));
}

/** Whether a suppliers' table, with no award amount column, gives a verdict beside its names: a review table. */
function givesVerdicts(table: Table, name: number): boolean {
  return table.rows.some((row) => row.cells.some((c, i) => i !== name && c !== null && isVerdict(c.text)));
}

/** The column of the award's amount: the one headed so (成交金额), else a final price (最终报价) over a first one, else the first. */
function amountColumn(table: Table): number {
  const award = table.columns.findIndex((c) => c.role === 'amount' && c.awardAmount);
  if (award >= 0) return award;
  const final = table.columns.findIndex((c) => c.role === 'amount' && /最终|最后|末轮/.test(c.header.text) && !RATE_HEADER.test(c.header.text));
  return final >= 0 ? final : table.columns.findIndex((c) => c.role === 'amount');
}

/** A header of a rate or a unit price (最终报价优惠率（%）, 成交费率, 单价): the award may be given there instead of a sum. */
const RATE_HEADER = /率|%|％|单价/;

/**
 * An award amount's cell that says there is none: 未成交 always; a dash or nought beside a bidder's generic name,
 * unless the table gives rates or unit prices, where the award may be one of those.
 */
function noAwardIn(table: Table, cell: Span | null, generic: boolean): boolean {
  const text = (cell?.text ?? '').replace(/\s+/g, '');
  if (/^(未成交|未中标|不成交|无成交|未中选|落选)$/.test(text)) return true;
  return generic && /^([-—－/／]+|0+(\.0+)?(元)?)$/.test(text) && !table.columns.some((c) => RATE_HEADER.test(c.header.text));
}

/** Whether a row of a table with a 是否中标 column won: true, false, or null when its cell says neither. */
function markedWon(row: TableRow, mark: number): boolean | null {
  const text = (row.cells[mark]?.text ?? '').replace(/\s+/g, '');
  return WON_MARK_YES.test(text) ? true : WON_MARK_NO.test(text) ? false : null;
}

function tableEvents(input: AwardInput, events: Event[], warnings: string[]): void {
  const { page, tables, sections, fields } = input;
  for (const table of tables) {
    const fail = column(table, 'failReason');
    if (fail >= 0) {
      for (const row of table.rows) {
        const reason = row.cells[fail];
        if (reason && saysWhyItFailed(reason)) {
          events.push({ kind: 'fail', pos: reason.start, line: row.line, reason });
        }
      }
      continue;
    }
    const name = winnerColumn(table, sections, fields);
    if (name < 0) continue;
    const rank = column(table, 'rank');
    const address = column(table, 'address');
    const amount = amountColumn(table);
    const awardAmount = amount >= 0 && table.columns[amount].awardAmount;
    const generic = table.columns[name].role !== 'winner';
    const lot = column(table, 'lot');
    const uscc = column(table, 'uscc');
    const mark = column(table, 'wonMark');
    const unitPrice = column(table, 'unitPrice');
    /** The lot of the row above, which a row without a lot cell of its own (a rowspan) shares. */
    let lotAbove: Found<string> | null = null;
    for (const row of table.rows) {
      const lotCell = lot >= 0 ? row.cells[lot] : null;
      if (lot >= 0) lotAbove = lotCell ? lotOfCell(lotCell) : lotAbove;
      const cell = row.cells[name];
      if (!cell || !cell.text) continue;
      if (mark >= 0) {
        // The row's own 是/否 decides; a cell saying neither leaves the name out, with a warning.
        const won = markedWon(row, mark);
        // A blank mark beside another row's 中标 says this row did not win.
        const blank = (row.cells[mark]?.text ?? '').trim() === '' && table.rows.some((r) => markedWon(r, mark) === true);
        if (won === null && !blank && !isPlaceholder(cell.text)) {
          warnings.push(`"${cell.text}" is not stored as a winner: its ${table.columns[mark].header.text} cell says "${row.cells[mark]?.text ?? ''}", neither yes nor no`);
        }
        if (won !== true) continue;
      } else if (awardAmount && noAwardIn(table, row.cells[amount], generic)) {
        // 成交金额 | — / 未成交 beside a bidder's name: the row lost.
        continue;
      } else if (rank >= 0) {
        const r = row.cells[rank];
        if (!r || rankOf(r.text) !== 1) continue;
      }
      const draft: AwardDraft = {
        lot: lotAbove,
        status: 'active', suppliers: [], value: null, rate: null, line: row.line, lastLine: row.line, source: 'table',
      };
      if (NO_WINNER.test(cell.text) || isPlaceholder(cell.text)) {
        if (!NO_WINNER.test(cell.text)) continue;
        draft.status = 'unsuccessful';
        draft.reason = cell;
        events.push({ kind: 'row', pos: cell.start, line: row.line, draft });
        continue;
      }
      const split = splitSuppliers(page, cell);
      if (split.suppliers.length === 0) continue;
      draft.suppliers = split.suppliers.map((s) => ({ ...s, address: null, uscc: null }));
      const addr = address >= 0 ? row.cells[address] : null;
      if (addr && draft.suppliers.length === 1) draft.suppliers[0].address = addressOf(page, addr);
      const code = uscc >= 0 ? row.cells[uscc] : null;
      const usccValue = code ? normalizeUscc(code.text) : null;
      if (code && usccValue && draft.suppliers.length === 1) draft.suppliers[0].uscc = { value: usccValue, span: code };
      draft.takesValueBelow = amount < 0 && table.rows.length === 1;
      const money = amount >= 0 ? row.cells[amount] : null;
      if (money && money.text) {
        draft.rate = readRate(page, money, null);
        const otherwise = !draft.rate && notASum(money.text, table.columns[amount].unit);
        if (otherwise) draft.pricedOtherwise = money;
        else if (!draft.rate) draft.value = readMoney(page, money, table.columns[amount].unit);
      }
      const perUnit = amount < 0 && unitPrice >= 0 ? row.cells[unitPrice] : null;
      if (perUnit && perUnit.text) draft.pricedOtherwise = perUnit;
      events.push({ kind: 'row', pos: cell.start, line: row.line, draft });
    }
  }
}

/** A lot cell's lot: 1, 第二包, or the lot and its name (1包：低压工程施工供应商库). */
function lotOfCell(cell: Span): Found<string> | null {
  const named = LOT_CELL_NAMED.exec(cell.text);
  const id = lotIdOf(cell.text) ?? (named ? lotIdOf(named[1]) : null) ?? writtenLot(cell.text);
  return id ? { value: id, span: cell } : null;
}

/**
 * A lot the column names in words (监理标, 施工标, 设备采购（标段1）) or by its package code (CEZB190506998001, the
 * tender's number and the package's): kept as written, short and with no sum in it.
 */
function writtenLot(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  if (PACKAGE_CODE.test(t) && /[A-Za-z]/.test(t) && /\d/.test(t)) return t;
  return t.length >= 2 && t.length <= 20 && /[\u4e00-\u9fff]/.test(t) && !isPlaceholder(t) && !/\d+(?:\.\d+)?(?:万?元|%)/.test(t) ? t : null;
}
const PACKAGE_CODE = /^[A-Za-z0-9][A-Za-z0-9_/-]{3,29}$/;
const LOT_CELL_NAMED = new RegExp(`^((?:第\\s*)?(?:\\d{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])\\s*(?:${LOT_WORDS_AFTER}))\\s*[:：]`);

/**
 * Winners written as sentences under a result heading: "重庆惠友久隆工程机械有限公司，总价355000.00元。",
 * "1、山西迎泽宾馆中标A类标准间协议价：400元∕天", "中标供应商名称 X 法人代表 Y 地址 Z" (labels without colons).
 */
function textEvents(input: AwardInput, events: Event[], tableRows: Set<number>): void {
  const { page, fields, sections, consumed } = input;
  const firstField = new Map<number, Field>();
  for (const f of fields) if (!firstField.has(f.line)) firstField.set(f.line, f);
  // The organisation signing off above the closing date publishes the notice, and a contacts' list says whom to ask:
  // neither wins it.
  const signers = new Set([...signOffLines(page), ...contactListLines(page)]);
  for (const line of page.lines) {
    const i = line.index;
    if (line.cells || tableRows.has(i) || consumed.has(i) || signers.has(i)) continue;
    const text = line.span.text;
    const declared = sections.kindOf[i] === 'rejected' ? null : DECLARED_WINNER.exec(text) ?? WINNER_IS.exec(text) ?? NAMED_AS_WINNERS.exec(text)
      ?? FOUND_WINNER.exec(text);
    if (declared && looksLikeCompanyName(declared[1])) {
      const [from, to] = declared.indices![1];
      // …为中标人，中标价为人民币…（¥12,345,600.00）: the sentence's price is the winner's.
      const price = INLINE_AMOUNT.exec(text.slice(to));
      const value = price ? subSpan(page, line.span, to + price.index + price[0].length - price[2].length, to + price.index + price[0].length) : null;
      events.push({ kind: 'text', pos: line.span.start + from, line: i, name: subSpan(page, line.span, from, to), value });
      continue;
    }
    if (!sections.inResult[i]) continue;
    if (/候选|排名|排序|委托|第[一二三四五六七八九十\d]+名/.test(text)) continue;
    const inline = INLINE_WINNER.exec(text);
    if (inline) {
      const [from, to] = inline.indices![1];
      if (looksLikeCompanyName(inline[1])) {
        events.push({ kind: 'text', pos: line.span.start + from, line: i, name: subSpan(page, line.span, from, to), value: null });
        continue;
      }
    }
    const field = firstField.get(i);
    const enumerator = ENUMERATOR.exec(text);
    const from = enumerator ? enumerator[0].length : 0;
    if (field && field.known && field.label.start - line.span.start <= from) continue;
    const rest = text.slice(from);
    const stop = rest.search(NAME_STOP);
    const nameText = stop < 0 ? rest : rest.slice(0, stop);
    if (nameText.length < 4 || !looksLikeCompanyName(nameText)) continue;
    // A name alone beside a verdict alone (甲公司 / 通过 / 乙公司 / 未通过): a review table flattened, no result.
    if (nameText === rest && [page.lines[i - 1], page.lines[i + 1]].some((l) => l && !l.cells && isVerdict(l.span.text))) continue;
    const name = subSpan(page, line.span, from, from + nameText.length);
    const amount = INLINE_AMOUNT.exec(rest);
    const value = amount ? subSpan(page, line.span, from + amount.index + amount[0].length - amount[2].length, from + amount.index + amount[0].length) : null;
    events.push({ kind: 'text', pos: name.start, line: i, name, value });
  }
}

/** The lot event of a heading line that names `lots` (品目 14-15：, 标项一、二、三：), just before the line's first word. */
function headingLots(line: Line, lots: string[], span: Span): Event {
  const ids = lots.map((value) => ({ value, span }));
  return { kind: 'lot', pos: line.span.start - 0.5, line: line.index, id: ids.length === 1 ? ids[0] : null, range: ids };
}

function lineEvents(input: AwardInput, events: Event[], tableRows: Set<number>): void {
  const { page, sections } = input;
  for (const h of sections.headings) {
    events.push({ kind: 'heading', pos: page.lines[h.line].span.start, line: h.line });
    // A section headed by the reason for failing (2、招标失败原因) gives the reason in its first line.
    const reason = page.lines[h.line + 1];
    if (classifyLabel(h.text)?.key === 'failReason' && reason && !reason.cells && saysWhyItFailed(reason.span)
      && !sections.headings.some((o) => o.line === reason.index)) {
      events.push({ kind: 'fail', pos: reason.span.start, line: reason.index, reason: reason.span });
    }
  }
  for (const line of page.lines) {
    if (tableRows.has(line.index)) continue;
    if (!line.cells && !NOT_RESULT_SECTIONS.has(sections.kindOf[line.index])) {
      const lots = lotsOfHeading(line.span.text);
      if (lots) {
        events.push(headingLots(line, lots, trimmedLabel(page, line.span)));
        continue;
      }
      // 标项一、二、三：有效投标商不足三家，流标。: the lots the heading names, and their failure after it
      const colon = line.span.text.search(/[:：]/);
      const headed = colon > 0 ? lotsOfHeading(line.span.text.slice(0, colon + 1)) : null;
      const after = headed ? line.span.text.slice(colon + 1) : '';
      if (headed && (LOT_FAILED.test(after) || ENDS_FAILED.test(after))) {
        events.push(headingLots(line, headed, subSpan(page, line.span, 0, colon)));
        events.push({ kind: 'lotFail', pos: line.span.start + colon + 1, line: line.index, reason: subSpan(page, line.span, colon + 1, line.span.text.length) });
        continue;
      }
      const failed = LOT_FAILED.exec(line.span.text);
      if (failed) {
        const named = lotNamedBeforeFailure(page, line, failed.index);
        if (named) events.push(named);
        events.push({ kind: 'lotFail', pos: line.span.start + failed.index, line: line.index, reason: line.span });
      }
    }
    const first = line.cells ? line.cells[0] : line.span;
    const lead = line.cells ? null : LOT_LEADS.exec(first.text);
    const leadId = lead ? lotIdOf(lead[1]) : null;
    if (lead && leadId) {
      events.push({ kind: 'lot', pos: first.start - 0.5, line: line.index, id: { value: leadId, span: subSpan(page, first, 0, lead[0].length) } });
      const rest = first.text.slice(lead[0].length).replace(/^\s*[:：]/, '');
      if (/^\s*(?:废标|流标)[。.]?\s*$/.test(rest)) events.push({ kind: 'lotFail', pos: first.start + lead[0].length, line: line.index, reason: line.span });
      continue;
    }
    const m = LOT_LINE.exec(first.text);
    if (!m) continue;
    const id = lotIdOf(m[1]);
    if (id) events.push({ kind: 'lot', pos: first.start - 0.5, line: line.index, id: { value: id, span: subSpan(page, first, 0, m[0].length - 1) } });
  }
}

/** 供应商名称：第一包：X — the lot written between the winner's label and its name: X is that lot's winner. */
function winnerAroundLot(page: Page, before: Field | undefined, lot: Field): Field | null {
  if (!before || before.key !== 'winnerName' || before.value || before.line !== lot.line || !lot.value) return null;
  return page.text.slice(before.label.end, lot.label.start).replace(/[\s:：]/g, '') === '' ? { ...before, value: lot.value } : null;
}

/** 本项目02包无有效供应商，本包废标。: the one lot the failing sentence names before its failure is the lot that failed. */
function lotNamedBeforeFailure(page: Page, line: Line, at: number): Extract<Event, { kind: 'lot' }> | null {
  const text = line.span.text;
  const from = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1), text.lastIndexOf(';', at - 1)) + 1;
  const named = [...text.slice(from, at).matchAll(LOT_IN_SENTENCE)];
  const id = named.length === 1 ? lotIdOf(named[0][0]) : null;
  if (!id) return null;
  const span = subSpan(page, line.span, from + named[0].index, from + named[0].index + named[0][0].length);
  return { kind: 'lot', pos: span.start - 0.5, line: line.index, id: { value: id, span } };
}
const LOT_IN_SENTENCE = /(?:第\s*)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:包|标段|标包|分包)(?![件号名])/g;

/**
 * Blocks written lot by lot (中标供应商名称： / 第一标段：A； 第二标段：B / 中标金额： / 第一标段…): each lot read as if written
 * together, in the place of its first heading: the lot, then its value of each block, as fields of that heading's line.
 */
function lotBlockEvents(runs: LotBlock[][], events: Event[]): void {
  for (const run of runs) {
    const firsts = new Map<string, LotBlock['segments'][number]>();
    for (const b of run) for (const s of b.segments) if (!firsts.has(s.lot)) firsts.set(s.lot, s);
    for (const [lot, first] of firsts) {
      const pos = first.heading.start;
      events.push({ kind: 'lot', pos: pos - 0.5, line: first.line, id: { value: lot, span: first.heading } });
      for (const [k, b] of run.entries()) {
        const s = b.segments.find((x) => x.lot === lot);
        if (!s) continue;
        const field: Field = { key: b.info.key, info: b.info, known: true, label: b.label, value: s.value, line: first.line };
        events.push({ kind: 'field', pos: pos + k / (run.length + 1), line: first.line, field });
      }
    }
  }
}

/** 标段名称：…回迁房项目（第a、b、c标段）施工a标段: the lot the name ends with opens it, its winner's label below. */
function lotEndingLotName(page: Page, value: Span): Found<string> | null {
  const m = LOT_ENDS_NAME.exec(value.text);
  const id = m ? lotIdOf(m[1]) : null;
  return m && id ? { value: id, span: subSpan(page, value, m.index, value.text.length) } : null;
}
const LOT_ENDS_NAME = new RegExp(`(?<![、,，\\-~～至])((?:第\\s*)?(?:${LOT_NUMBER}|[A-Za-z])\\s*(?:${LOT_WORDS_AFTER}))\\s*$`);

const LOT_LOOKBEHIND = 8;

/** 。第二包中标人：Y: the lot run into a label in the middle of its line (at a line's start LOT_LEADS reads it). */
function lotBeforeLabel(page: Page, field: Field): Extract<Event, { kind: 'lot' }> | null {
  const line = page.lines[field.line];
  const from = Math.max(line.span.start, field.label.start - LOT_LOOKBEHIND);
  const before = page.text.slice(from, field.label.start);
  const m = LOT_BEFORE_LABEL.exec(before);
  const id = m ? lotIdOf(m[0]) : null;
  if (!m || !id) return null;
  const span = trimmedSpan(page.text, from + m.index, field.label.start);
  return { kind: 'lot', pos: span.start, line: field.line, id: { value: id, span } };
}

/** A unit price's own label (中标单价（元/人）, 单价): none of the extractor's keys, but it says how the winner is paid. */
function isUnitPriceField(f: Field): boolean {
  return f.key === 'other' && f.known && (f.info.unit === 'per' || /单价/.test(f.info.norm));
}

export function scanAwards(input: AwardInput, tableRows: Set<number>): AwardScan {
  const { page, fields } = input;
  const events: Event[] = [];
  for (const [i, field] of fields.entries()) {
    const named = field.key === 'lotName' && field.value && !tableRows.has(field.line) ? lotEndingLotName(page, field.value) : null;
    if (named) events.push({ kind: 'lot', pos: field.label.start, line: field.line, id: named });
    if (!(AWARD_KEYS.has(field.key) || isUnitPriceField(field)) || tableRows.has(field.line)) continue;
    const runIn = field.key === 'lot' || field.key === 'failReason' ? null : lotBeforeLabel(page, field);
    if (runIn) events.push(runIn);
    if (field.key === 'lot') {
      events.push({ kind: 'lot', pos: field.label.start, line: field.line, id: lotFromField(field) });
      const winner = winnerAroundLot(page, fields[i - 1], field);
      if (winner) events.push({ kind: 'field', pos: field.label.start + 0.25, line: field.line, field: winner });
    } else if (field.key === 'failReason') {
      if (field.value && saysWhyItFailed(field.value)) events.push({ kind: 'fail', pos: field.label.start, line: field.line, reason: field.value });
    } else events.push({ kind: 'field', pos: field.label.start, line: field.line, field });
  }
  const tableWarnings: string[] = [];
  tableEvents(input, events, tableWarnings);
  textEvents(input, events, tableRows);
  lineEvents(input, events, tableRows);
  lotBlockEvents(input.lotBlocks, events);
  events.sort((a, b) => a.pos - b.pos);
  const scan = new AwardBuilder(input).run(events);
  scan.warnings.push(...tableWarnings);
  fillListedAmounts(page, input.tables, scan.drafts);
  addStatedConsortia(page, scan.drafts);
  return scan;
}

/** A winner that a sentence elsewhere names as a consortium's lead (九、其他补充事宜：…牵头单位为X，联合体成员为：Y) leads it. */
function addStatedConsortia(page: Page, drafts: AwardDraft[]): void {
  for (const line of page.lines) {
    const stated = line.cells ? null : statedConsortium(page, line.span);
    if (!stated) continue;
    for (const d of drafts) {
      const only = d.suppliers.length === 1 ? d.suppliers[0] : null;
      if (d.status !== 'active' || !only || only.role !== 'sole' || only.name !== stated.lead) continue;
      only.role = 'lead';
      d.suppliers.push(...stated.members.filter((m) => m.name !== only.name).map((m) => ({ ...m, address: null, uscc: null })));
    }
  }
}

/** Awards of a page whose fields are class-marked, built by the same builder from its markers' events. */
export function buildMarkedAwards(page: Page, sections: Sections, events: MarkerEvent[]): AwardScan {
  return new AwardBuilder({ page, sections }).run(events);
}

/**
 * 供应商名称 with only a bid (投标报价) beside it, where another supplier of the same lot has an award amount: a
 * bidder the result section lists too, not a second winner. Alone, such a name is the winner at its bid.
 */
function withoutBiddersBeside(drafts: AwardDraft[], warnings: string[]): AwardDraft[] {
  const awarded = new Set(drafts.filter((d) => d.value && !d.valueIsBid).map((d) => d.lot?.value ?? null));
  return drafts.filter((d) => {
    const bidder = d.genericLabel && d.valueIsBid && awarded.has(d.lot?.value ?? null);
    if (bidder) warnings.push(`"${d.suppliers.map((s) => s.raw.text).join('、')}" is not stored as a winner: listed with only its bid (投标报价) beside a supplier awarded the same lot`);
    return !bidder;
  });
}

class AwardBuilder {
  private readonly page: Page;
  private readonly sections: Sections;
  private readonly drafts: AwardDraft[] = [];
  private current: AwardDraft | null = null;
  private lot: Found<string> | null = null;
  /** The lots a heading named (品目 14-15), until the next heading. */
  private lotRange: Found<string>[] | null = null;
  /** The line the current lot was opened on. */
  private lotLine = -1;
  private previous: Event | null = null;
  private lastParty: 'winner' | 'other' = 'other';
  /** A ranked candidate's label was read (第一中标候选人：). */
  private rankedCandidates = false;
  /** The line of a winner named by its own label among the candidates (namedAmongCandidates). */
  private candidatesWinnerLine = -Infinity;
  /** The line of another party's consortium lead read after a sole winner. */
  private othersLeadLine = -Infinity;
  private pendingValue: { money: MoneyFound; line: number; label?: string | null } | null = null;
  /** How many values no winner was near enough to take. */
  private unclaimedValues = 0;
  /** A marked price read before any winner of its line (the price column first): the next winner on that line takes it. */
  private priceAhead: { span: Span; line: number } | null = null;
  private total: MoneyFound | null = null;
  private totalInSummary = false;
  private readonly seeOriginal: Span[] = [];
  private orphanRate: { rate: RateFound; label: string } | null = null;
  private readonly warnings: string[] = [];

  private readonly hasResult: boolean;
  /** The line of the last winner label with nothing after it (中标人：联合体：A（牵头）、B). */
  private emptyWinnerLine = -2;

  constructor(input: Pick<AwardInput, 'page' | 'sections'>) {
    this.page = input.page;
    this.sections = input.sections;
    this.hasResult = input.sections.inResult.some(Boolean);
  }

  run(events: Event[]): AwardScan {
    for (const e of events) {
      this.apply(e);
      this.previous = e;
    }
    this.finish();
    this.lonePrice();
    return {
      drafts: mergeDuplicates(withoutBiddersBeside(this.drafts, this.warnings), this.warnings),
      total: this.total,
      totalInSummary: this.totalInSummary,
      seeOriginal: this.seeOriginal,
      orphanRate: this.orphanRate,
      warnings: this.warnings,
    };
  }

  private apply(e: Event): void {
    switch (e.kind) {
      case 'heading':
        this.finish();
        this.lot = null;
        this.lotRange = null;
        this.lastParty = 'other';
        return;
      case 'lot':
        // A lot label that says no number (A分标： read as the label 分标) leaves the lot its line's heading gave.
        if (!e.id && !e.range && this.lotLine === e.line) return;
        // The open lot restated before each of its fields (第1包中标供应商名称：X / 第1包中标金额：Y): the same draft goes on.
        if (this.restatesOpenLot(e)) {
          this.lotLine = e.line;
          return;
        }
        this.finish();
        if (this.followsLotHeading(e)) {
          // Lot headings one under another (01包：X / 02包：Y / 中标单位：Z): what follows is theirs together, no one lot's;
          // a lot restated (第一包 / 包1：物理实验室设备) stays that lot.
          const open = new Set((this.lotRange ?? []).map((l) => lotKeyOf(l.value)));
          if (!e.range!.every((l) => open.has(lotKeyOf(l.value)))) {
            this.lot = null;
            this.lotRange = [...(this.lotRange ?? []), ...e.range!];
          }
          this.lotLine = e.line;
        } else {
          this.lot = e.id;
          this.lotRange = e.range ?? null;
        }
        this.lotLine = e.line;
        return;
      case 'lotFail':
        this.lotFailed(e.reason, e.line);
        return;
      case 'fail':
        this.finish();
        this.drafts.push({ lot: this.lot, status: 'unsuccessful', suppliers: [], value: null, rate: null, line: e.line, lastLine: e.line, source: 'field', reason: e.reason });
        return;
      case 'row':
        this.finish();
        if (!e.draft.lot) e.draft.lot = this.lot;
        if (e.draft.takesValueBelow) this.current = e.draft;
        else this.drafts.push(e.draft);
        return;
      case 'text':
        this.winner(e.name, e.line, 'text');
        if (e.value) this.value(e.value, null, e.line);
        return;
      case 'field':
        this.field(e.field);
        return;
      case 'markedWinner':
        this.markedWinner(e.span, e.line);
        return;
      case 'markedAddress': {
        const last = this.current?.suppliers.at(-1);
        if (last && !last.address) last.address = addressOf(this.page, e.span);
        return;
      }
      case 'markedUscc': {
        const last = this.current?.suppliers.at(-1);
        const code = normalizeUscc(e.span.text);
        if (last && code) last.uscc = { value: code, span: e.span };
        return;
      }
      case 'markedPrice':
        this.settleMarkedPrice();
        if (this.current && this.current.line === e.line) this.markedPrice(this.current, e.span);
        else this.priceAhead = { span: e.span, line: e.line };
    }
  }

  private markedPrice(award: AwardDraft, span: Span): void {
    award.rate ??= readRate(this.page, span, null);
    if (!award.rate) award.value ??= readMoney(this.page, span, null);
  }

  /** A marked price no winner on its line claimed is the current award's, written on a line after its winner. */
  private settleMarkedPrice(): void {
    if (this.priceAhead && this.current) this.markedPrice(this.current, this.priceAhead.span);
    this.priceAhead = null;
  }

  /**
   * 二、中标（成交）信息 / 名 称：X: a bare 名称 first under the result's own heading is the winner's, as 采购人信息 / 名称：
   * is the buyer's under its heading.
   */
  private namesResultParty(f: Field): boolean {
    if (f.key !== 'partyName' || f.info.norm !== '名称' || !this.sections.inResult[f.line]) return false;
    const above = this.sections.headings.filter((h) => h.line < f.line);
    const heading = above[above.length - 1];
    return heading !== undefined && heading.kind === 'result' && f.line - heading.line <= MAX_LINES_UNDER_HEADING;
  }

  /** A marked winner opens its award: the marker says exactly who won, so no name is trimmed or regrouped. */
  private markedWinner(span: Span, line: number): void {
    // A price marked earlier on the winner's own line is this award's (a row whose price column comes first).
    const ownPrice = this.priceAhead?.line === line ? this.priceAhead : null;
    if (ownPrice) this.priceAhead = null;
    this.finish();
    const split = splitSuppliers(this.page, span);
    this.warnings.push(...split.warnings);
    const suppliers = split.suppliers.map((s) => ({ ...s, address: null, uscc: null }));
    this.current = { lot: this.lot, status: 'active', suppliers, value: null, rate: null, line, lastLine: line, source: 'marker' };
    if (ownPrice) this.markedPrice(this.current, ownPrice.span);
  }

  private field(f: Field): void {
    const v = f.value;
    if (this.namesResultParty(f)) {
      if (v && !isPlaceholder(v.text)) this.winner(v, this.valueLine(f), 'field');
      return;
    }
    if (PARTY_KEYS.has(f.key)) {
      this.lastParty = 'other';
      if (f.key === 'candidate') this.rankedCandidates = true;
      return;
    }
    if (NOT_RESULT_SECTIONS.has(this.sections.kindOf[f.line]) && !this.namedAmongCandidates(f)) return;
    if (f.key === 'winnerName' && GENERIC_WINNER_LABELS.has(f.info.norm) && !this.sections.inResult[f.line]
      && (this.hasResult || RESULT_ONLY_WINNER_LABELS.has(f.info.norm))) return;
    // Under 评标结果 only the award's own label names a winner (中标人名称), not a proposal (推荐中标单位) nor 供应商名称.
    if (f.key === 'winnerName' && this.sections.kindOf[f.line] === 'reviewResult' && !AWARD_OWN_LABEL.test(f.info.norm)) return;
    switch (f.key) {
      case 'other':
        // 中标单价（元/人）：1132 under the winner: its price is per unit, whatever total the page adds up.
        if (v && this.current && this.lastParty === 'winner' && f.line - this.current.lastLine <= 2 && !this.current.value) {
          this.current.pricedOtherwise = v;
        }
        return;
      case 'resultIntro': {
        // 成交供应商名称、地址及成交金额： followed by 见公告原文 on the next line.
        const next = this.page.lines[f.line + 1];
        if (!v && next && !next.cells && isSeeOriginal(next.span.text) && isPlaceholder(next.span.text)) this.seeOriginal.push(next.span);
        // 各包中标/成交供应商名称、地址及报价 | X公司163000元: the heading's own cell names the winner, a sum run into it.
        if (v && looksLikeCompanyName(gluedName(this.page, unwrapped(this.page, v)).text)) this.winner(v, this.valueLine(f), 'field');
        return;
      }
      case 'winnerName':
        if (!v) {
          this.emptyWinnerLine = f.line;
          return;
        }
        // 包2 / 中标供应商：无 (废标, 流标): the lot open above failed.
        if (NONE_WON.test(v.text.replace(/\s+/g, ''))) {
          this.finish();
          this.lotFailed(v, f.line);
          return;
        }
        if (isPlaceholder(v.text)) {
          if (isSeeOriginal(v.text)) this.seeOriginal.push(v);
          return;
        }
        this.winner(v, this.valueLine(f), 'field');
        if (this.current && GENERIC_WINNER_LABELS.has(f.info.norm)) this.current.genericLabel = true;
        if (this.current && PROPOSAL_LABEL.test(f.info.norm)) this.current.proposed = true;
        return;
      case 'consortiumLead':
      case 'consortiumMember':
        if (v) this.member(v, f.key === 'consortiumLead' ? 'lead' : 'member', f.line, f.info.norm);
        return;
      case 'winnerAddress':
      case 'address':
        if (!v || !this.current || this.lastParty !== 'winner') return;
        if (f.key === 'address' && f.line - this.current.lastLine > 1) return;
        this.address(v, f.line);
        return;
      case 'uscc': {
        const code = v ? normalizeUscc(v.text) : null;
        if (!v || !code || this.lastParty !== 'winner' || this.sharedByConsortium('USCC', v)) return;
        const last = this.current?.suppliers.at(-1);
        if (last && !last.uscc) {
          last.uscc = { value: code, span: v };
          this.current!.lastLine = f.line; // the winner's block goes on through its code, as through its address
        }
        return;
      }
      case 'awardValue':
        if (v) this.value(v, f, f.line);
        return;
      case 'bid':
        // …and under 评标结果, where only the award's own label named the winner above it
        if (v && (this.sections.inResult[f.line] || this.sections.kindOf[f.line] === 'reviewResult')) this.bidOfWinner(v, f);
        return;
      case 'rate':
        if (v) this.rate(v, f);
        return;
      case 'totalValue': {
        const money = v ? readMoney(this.page, v, f.info.unit) : null;
        if (money && !this.total && money.value > 0) {
          this.total = money;
          this.totalInSummary = this.page.lines[f.line].summary === true;
        }
        return;
      }
    }
  }

  /**
   * 中标候选人公示情况： / 第一中标候选人：X … / 中标人：X / 中标价：Y, with no result section of its own: after the ranking
   * the winner's own label (not 供应商名称, not a proposal) names the winner, and its price follows it.
   */
  private namedAmongCandidates(f: Field): boolean {
    // Only after a ranking (第一中标候选人：…): a lone 中标公司：X under 成交供应商候选人 is the candidate it heads.
    if (this.hasResult || !this.rankedCandidates || this.sections.kindOf[f.line] !== 'candidates') return false;
    if (f.key === 'winnerName') {
      const own = AWARD_OWN_LABEL.test(f.info.norm) && !GENERIC_WINNER_LABELS.has(f.info.norm) && !PROPOSAL_LABEL.test(f.info.norm);
      if (own) this.candidatesWinnerLine = f.line;
      return own;
    }
    return f.key === 'awardValue' && f.line - this.candidatesWinnerLine <= 2;
  }

  /** A lot heading's line (the only lot event with a range) right under another's, nothing read between them. */
  private followsLotHeading(e: Extract<Event, { kind: 'lot' }>): boolean {
    const p = this.previous;
    return e.range !== undefined && p?.kind === 'lot' && p.range !== undefined && p.line === e.line - 1;
  }

  /**
   * A sentence under a lot heading that says the lot failed: one failed lot for each lot the heading names.
   * Only under a lot heading, and only while that lot has no winner.
   */
  private lotFailed(reason: Span, line: number): void {
    const lots = this.lotRange ?? (this.lot ? [this.lot] : null);
    if (!lots || (this.current && this.current.suppliers.length > 0)) return;
    const failed = new Set(this.drafts.filter((d) => d.status === 'unsuccessful' && d.lot).map((d) => d.lot!.value));
    for (const lot of lots) {
      if (failed.has(lot.value)) continue;
      this.drafts.push({ lot, status: 'unsuccessful', suppliers: [], value: null, rate: null, line, lastLine: line, source: 'text', reason });
    }
    this.lotRange = null;
    this.lot = null;
  }

  private winner(whole: Span, line: number, source: AwardDraft['source']): void {
    const span = unwrapped(this.page, whole);
    const name = gluedName(this.page, span);
    const amount = name.end < span.end ? gluedAmount(this.page, span, name) : null;
    this.addWinner(name, line, source);
    if (amount && this.current && this.lastParty === 'winner') this.value(amount.value, null, line, amount.info);
  }

  private addWinner(span: Span, line: number, source: AwardDraft['source']): void {
    const split = splitSuppliers(this.page, span);
    this.warnings.push(...split.warnings);
    if (split.suppliers.length === 0) return;
    if (split.unclear) {
      this.warnings.push(`winner field names several companies without saying they form a consortium: ${split.suppliers.map((s) => s.name).join(', ')}; recorded as separate awards`);
    }
    const groups = split.unclear ? split.suppliers.map((s) => [s]) : [split.suppliers];
    for (const group of groups) {
      const suppliers = group.map((s) => ({ ...s, address: null, uscc: null }));
      const reuse = this.current && this.current.suppliers.length === 0 && line - this.current.lastLine <= 2;
      if (reuse && this.current) {
        this.current.suppliers = suppliers;
        this.current.lastLine = line;
      } else {
        this.finish();
        this.current = { lot: this.lot, status: 'active', suppliers, value: null, rate: null, line, lastLine: line, source };
        if (this.pendingValue && line - this.pendingValue.line <= 2) this.current.value = this.pendingValue.money;
        this.pendingValue = null;
      }
    }
    this.lastParty = 'winner';
  }

  private member(span: Span, role: 'lead' | 'member', line: number, label: string): void {
    const split = splitSuppliers(this.page, span);
    this.warnings.push(...split.warnings);
    // 联合体：A（牵头）、B names every member with its role; a 成员 label names members only.
    const named = split.suppliers.length > 1 && split.suppliers.some((s) => s.role === 'lead');
    const suppliers = split.suppliers.map((s) => ({ ...s, role: named ? s.role : role, address: null, uscc: null }));
    if (suppliers.length === 0) return;
    if (this.current && line - this.current.lastLine <= 3 && this.lastParty === 'winner') {
      const only = this.current.suppliers.length === 1 && this.current.suppliers[0].role === 'sole' ? this.current.suppliers[0] : null;
      const again = only ? suppliers.find((s) => s.name === only.name) : undefined;
      // A lead that is not the winner is another party's (参与报价的还有：牵头供应商：C), and so is the consortium listed
      // under it (投标联合体：C、D); a consortium beside the winner's name (X（联合体：Y、Z）) is the winner's.
      if (only && !again && role === 'lead') {
        this.othersLeadLine = line;
        return;
      }
      if (only && !again && BARE_CONSORTIUM.has(label) && line - this.othersLeadLine <= 1) return;
      // The winner named again in the list keeps the role the list gives it; beside members only, it leads.
      if (only) only.role = again && named && again.role === 'member' ? 'member' : 'lead';
      // 牵头供应商：X 投标联合体：X、Y lists the lead among all members again: it stays one supplier, the lead.
      const known = new Set(this.current.suppliers.map((s) => s.name));
      this.current.suppliers.push(...suppliers.filter((s) => !known.has(s.name)));
      this.current.lastLine = line;
    } else if (/牵头/.test(label) || (/联合体/.test(label) && (!BARE_CONSORTIUM.has(label) || line - this.emptyWinnerLine <= 1))) {
      this.finish();
      this.current = { lot: this.lot, status: 'active', suppliers, value: null, rate: null, line, lastLine: line, source: 'field' };
    } else {
      return; // a bare 成员 label away from any winner is not about a consortium
    }
    this.lastParty = 'winner';
  }

  private address(span: Span, line: number): void {
    if (this.sharedByConsortium('address', span)) return;
    const last = this.current?.suppliers.at(-1);
    if (!last || last.address) return;
    last.address = addressOf(this.page, span);
    if (this.current) this.current.lastLine = line;
  }

  /** One address or code written once for a whole consortium belongs to no member in particular. */
  private sharedByConsortium(what: string, span: Span): boolean {
    const suppliers = this.current?.suppliers ?? [];
    if (suppliers.length < 2) return false;
    this.warnings.push(`${what} "${span.text}" is given once for the consortium ${suppliers.map((s) => s.name).join(' + ')}; not attached to any member`);
    return true;
  }

  /** The line a field's value stands on: its label's, or the next when the label stood alone (中标人 / X). */
  private valueLine(f: Field): number {
    const next = this.page.lines[f.line + 1];
    return f.value && next && f.value.start >= next.span.start ? f.line + 1 : f.line;
  }

  private restatesOpenLot(e: Extract<Event, { kind: 'lot' }>): boolean {
    if (!e.id || e.range || !this.lot || !this.current || this.current.lot !== this.lot) return false;
    return lotKeyOf(e.id.value) === lotKeyOf(this.lot.value);
  }

  private value(span: Span, f: Field | null, line: number, label: LabelInfo | null = f?.info ?? null): void {
    const rate = readRate(this.page, span, label);
    if (rate) {
      this.setRate(rate, f?.label.text ?? label?.norm ?? '');
      return;
    }
    const current = this.current && line - this.current.lastLine <= 4 ? this.current : null;
    const otherwise = notASum(span.text, label?.unit ?? null);
    const money = otherwise ? null : readMoney(this.page, span, label?.unit ?? null);
    if (!money) {
      if (current && otherwise) current.pricedOtherwise = span;
      return;
    }
    if (current) {
      if (!current.value || current.valueIsBid) {
        current.value = money;
        current.valueIsBid = false;
        current.lastLine = line;
      }
      return;
    }
    this.pendingValue = { money, line, label: f?.label.text ?? null };
    this.unclaimedValues++;
  }

  /**
   * 中标单位：X, then candidates and dates, then 中标价格：Y: a result's only winner and its only price left unclaimed,
   * too far apart to meet, go together: only under the award's own label (中标价格, not 原中标金额 or 预付款合同金额), in the
   * winner's section. Not where lots part the result, nor a price read before the winner.
   */
  private lonePrice(): void {
    const won = this.drafts.filter((d) => d.status === 'active' && d.suppliers.length > 0);
    const pending = this.pendingValue;
    if (!pending || this.unclaimedValues !== 1 || won.length !== 1 || this.drafts.some((d) => d.lot)) return;
    const only = won[0];
    if (only.value || only.rate || only.pricedOtherwise || pending.line < only.lastLine || !AWARD_OWN_LABEL.test(pending.label ?? '')) return;
    if (this.sections.headings.some((h) => h.line > only.lastLine && h.line <= pending.line)) return;
    only.value = pending.money;
    this.pendingValue = null;
  }

  /**
   * The winner's own bid right under its name in the result section (成交供应商：X / 投标报价：492800.00元) is
   * what it won at, until an award amount says otherwise.
   */
  private bidOfWinner(span: Span, f: Field): void {
    const current = this.current;
    if (!current || current.suppliers.length === 0 || current.value || current.rate || f.line - current.lastLine > 2) return;
    const money = readMoney(this.page, span, f.info.unit);
    if (!money || money.value === 0) return;
    current.value = money;
    current.valueIsBid = true;
    current.lastLine = f.line;
  }

  private rate(span: Span, f: Field): void {
    const rate = readRate(this.page, span, f.info);
    if (rate) this.setRate(rate, f.label.text);
  }

  private setRate(rate: RateFound, label: string): void {
    if (this.current && !this.current.rate) this.current.rate = rate;
    else if (!this.current && !this.orphanRate) this.orphanRate = { rate, label };
  }

  private finish(): void {
    this.settleMarkedPrice();
    if (this.current && this.current.suppliers.length > 0) this.drafts.push(this.current);
    this.current = null;
  }
}

function supplierKey(d: AwardDraft): string {
  return d.suppliers.map((s) => nameKey(s.name)).sort().join('+');
}

/** The same award written twice (structured part and pasted original) becomes one; gaps are filled. */
function mergeDuplicates(drafts: AwardDraft[], warnings: string[]): AwardDraft[] {
  const out: AwardDraft[] = [];
  const keys = new Map(drafts.map((d) => [d, supplierKey(d)]));
  for (const d of drafts) {
    const key = keys.get(d)!;
    const same = out.find((o) => o.status === d.status && keys.get(o) === key
      && (o.status === 'active' ? key !== '' : true)
      && (o.lot === null || d.lot === null || o.lot.value === d.lot.value));
    if (!same) {
      out.push(d);
      continue;
    }
    same.lot ??= d.lot;
    if (d.value && same.value && d.value.value !== same.value.value) {
      warnings.push(`award to ${d.suppliers.map((s) => s.name).join(' + ') || 'lot ' + (d.lot?.value ?? '?')} has two different amounts (${same.value.span.text} and ${d.value.span.text}); kept the first`);
    }
    same.value ??= d.value;
    same.rate ??= d.rate;
    for (let i = 0; i < same.suppliers.length; i++) {
      const other = d.suppliers.find((s) => nameKey(s.name) === nameKey(same.suppliers[i].name));
      if (!other) continue;
      same.suppliers[i].address ??= other.address;
      same.suppliers[i].uscc ??= other.uscc;
    }
  }
  return out;
}

