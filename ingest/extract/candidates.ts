// Ranked candidates (第一中标候选人：X, 第一名 / 单位名称：X, X为第一中标候选人, ranked tables) and the proposed
// winner (拟中标人, 预中标单位). None of them is a winner.
import { canonicalName, looksLikeCompanyName, nameKey } from '../../src/domain/names.ts';
import { rankOf, winnerColumn } from './awards.ts';
import { MEMBER_IN_BRACKETS, splitSuppliers } from './consortium.ts';
import type { Field } from './fields.ts';
import { subSpan } from './page.ts';
import type { Line, Page, Span } from './page.ts';
import type { Sections } from './sections.ts';
import { REJECTION_WORDS, smallNumber } from './labels.ts';
import type { SectionKind } from './labels.ts';
import { LOT_WORDS_AFTER, lotsOfHeading } from './lots.ts';
import type { SidewaysTable } from './sideways.ts';
import { column } from './tables.ts';
import type { Table } from './tables.ts';
import { isPlaceholder, nameSpan, readMoney } from './values.ts';
import type { Found, MoneyFound } from './values.ts';

export interface CandidateDraft {
  rank: number | null;
  name: Found<string>;
  bid: MoneyFound | null;
  line: number;
}

export interface CandidateScan {
  candidates: CandidateDraft[];
  /** The proposed winner (拟中标人), which is also listed among the candidates. */
  proposed: CandidateDraft | null;
}

/** How many lines under a rank label (第二名) its name may come. */
const RANK_REACH = 3;
const FREE_TEXT = /(?:^|[：:，,。；;\s])(?:[A-Za-z\d一二三四五六七八九十]{1,3}(?:包|标段))?([^：:，,。；;\s]{2,60}?)(?:为|是)(?:推荐的?)?第([一二三四五六七八九十\d]{1,3})(?:中标|成交|中选)?候选(?:人|供应商|单位)/d;
/** The rank first, each in its own clause of one sentence: 第一中标候选人为X（联合体），投标报价…；第二中标候选人为Y，…. */
const RANK_FIRST_TEXT = /第([一二三四五六七八九十\d]{1,3})(?:中标|成交|中选)?候选(?:人|供应商|单位)(?:为|是)\s*([^：:，,。；;\s]{4,80}?)(?=[，,。；;\s]|$)/dg;
const FREE_BID = /(?:中标价|投标报价|谈判报价|磋商报价|报价|中标金额|投标价)(?:为|是)?[:：]?\s*([^，,；;。]+)/;

/** A candidate's name; a consortium written lead(member) (南昌市…集团有限公司(浙江…有限公司)) is named by its lead. */
function candidateName(page: Page, span: Span): Found<string> | null {
  const bracketed = MEMBER_IN_BRACKETS.exec(span.text);
  if (bracketed && looksLikeCompanyName(bracketed[1]) && looksLikeCompanyName(bracketed[2])) {
    span = subSpan(page, span, 0, bracketed[1].length);
  }
  const s = nameSpan(page, span);
  if (!s || !looksLikeCompanyName(s.text)) return null;
  return { value: canonicalName(s.text).name, span: s };
}

const LIST_SEPARATOR = /[、；;，,]/g;

/** The names of an unranked list, when every piece is one. */
function candidateList(page: Page, span: Span): Found<string>[] {
  const names: Found<string>[] = [];
  let from = 0;
  LIST_SEPARATOR.lastIndex = 0;
  for (let m = LIST_SEPARATOR.exec(span.text); ; m = LIST_SEPARATOR.exec(span.text)) {
    const to = m ? m.index : span.text.length;
    const piece = subSpan(page, span, from, to);
    if (piece.text) {
      const name = candidateName(page, piece);
      if (!name) return [];
      names.push(name);
    }
    if (!m) break;
    from = m.index + m[0].length;
  }
  return names;
}

export function scanCandidates(page: Page, fields: Field[], tables: Table[], sections: Sections, tableRows: Set<number>,
  sideways: SidewaysTable[] = []): CandidateScan {
  const out: CandidateDraft[] = [];
  let proposed: CandidateDraft | null = null;
  let rank: number | null = null;
  let current: CandidateDraft | null = null;
  let lastProposedLine = -1;
  /** The latest proposal: the first is the notice's (proposed), each further one (第二包拟中标供应商：…) another lot's candidate. */
  let latest: CandidateDraft | null = null;
  const headingLines = new Set(sections.headings.map((h) => h.line));
  let lastLine = -1;
  let rankLine = -1;
  const underWinnerLabels: CandidateDraft[] = [];
  for (const f of fields) {
    if (tableRows.has(f.line)) continue;
    for (let l = lastLine + 1; l <= f.line; l++) {
      if (headingLines.has(l)) {
        rank = null;
        current = null;
      }
    }
    lastLine = f.line;
    const v = f.value;
    switch (f.key) {
      case 'candidate': {
        rank = f.info.rank;
        rankLine = f.line;
        current = null;
        // 中标候选人（排名不分先后）：A、B、C — several names, no rank.
        const listed = v && rank === null ? candidateList(page, v) : [];
        if (listed.length > 1) {
          for (const name of listed) out.push({ rank: null, name, bid: null, line: f.line });
          break;
        }
        const name = v ? candidateName(page, v) : null;
        if (name) {
          current = { rank, name, bid: null, line: f.line };
          out.push(current);
        }
        break;
      }
      case 'winnerName': {
        // 二、成交供应商候选人 / 中标公司：X — under a heading of candidates only, a winner's label names one.
        const name = rank === null && v && underCandidatesOnly(sections, f.line) ? candidateName(page, v) : null;
        if (name) underWinnerLabels.push({ rank: null, name, bid: null, line: f.line });
        break;
      }
      case 'unitName':
      case 'partyName': {
        // 定标候选人及相关内容 / 单位名称：A … 单位名称：B: an unranked list under a candidates heading.
        // A bare 名称 there names the next party block (监督机构 / 名称：X), not a candidate.
        if (rank === null && v && f.info.norm !== '名称' && sections.kindOf[f.line] === 'candidates' && headingLines.size > 0) {
          const name = candidateName(page, v);
          if (name) {
            current = { rank: null, name, bid: null, line: f.line };
            out.push(current);
          }
          break;
        }
        // 第一名 / 单位名称：X: the name comes right under its rank, not from a later block (监督机构 / 名称).
        if (rank === null || current || !v || f.line - rankLine > RANK_REACH) break;
        const name = candidateName(page, v);
        if (name) {
          current = { rank, name, bid: null, line: f.line };
          out.push(current);
        }
        break;
      }
      case 'bid': {
        if (!v) break;
        const bid = readMoney(page, v, f.info.unit);
        if (current && !current.bid && f.line - current.line <= 6) current.bid = bid;
        else if (latest && !latest.bid && f.line - lastProposedLine <= 3) latest.bid = bid;
        break;
      }
      case 'awardValue': {
        if (!v || !latest || latest.bid || f.line - lastProposedLine > 3) break;
        latest.bid = readMoney(page, v, f.info.unit);
        break;
      }
      case 'proposedWinner': {
        const name = v ? candidateName(page, v) : null;
        if (name) {
          latest = { rank: null, name, bid: null, line: f.line };
          if (proposed) out.push(latest);
          else proposed = latest;
          lastProposedLine = f.line;
        }
        rank = null;
        current = null;
        break;
      }
    }
  }
  freeText(page, tableRows, out);
  gluedRanks(page, tableRows, out);
  rankedTables(page, tables, sections, fields, out);
  numberedRankings(page, sections, tableRows, out);
  sidewaysCandidates(page, sideways, out);
  // Only where nothing else names a candidate: a ranking elsewhere may repeat the winner under its label.
  if (out.length === 0 && !proposed) out.push(...underWinnerLabels);
  return merge(out, proposed);
}

/** The heading a line stands under speaks of candidates and of no result (二、成交供应商候选人, not 推荐及定标结果). */
function underCandidatesOnly(sections: Sections, line: number): boolean {
  const heading = sections.headings.filter((h) => h.line < line).at(-1);
  return !!heading && heading.kind === 'candidates' && /候选/.test(heading.text) && !/结果|定标|确定|中标人|成交人/.test(heading.text);
}

/** Sideways tables: each column one candidate, its rank at the top. */
function sidewaysCandidates(page: Page, tables: SidewaysTable[], out: CandidateDraft[]): void {
  for (const table of tables) {
    for (const column of table.columns) {
      const name = candidateName(page, column.name);
      if (!name) continue;
      out.push({
        rank: column.rank ? rankOf(column.rank.text) : null,
        name,
        bid: column.bid ? readMoney(page, column.bid, table.bidUnit) : null,
        line: page.lines.findIndex((l) => l.span.start <= column.name.start && column.name.end <= l.span.end),
      });
    }
  }
}

/** "X为第一中标候选人，中标价为…元" written as sentences. */
function freeText(page: Page, tableRows: Set<number>, out: CandidateDraft[]): void {
  const lines = page.lines;
  for (const line of lines) {
    if (line.cells || tableRows.has(line.index)) continue;
    const m = FREE_TEXT.exec(line.span.text);
    if (!m) {
      rankFirstText(page, line, out);
      continue;
    }
    const [from, to] = m.indices![1];
    const name = candidateName(page, subSpan(page, line.span, from, to));
    if (!name) continue;
    const draft: CandidateDraft = { rank: rankOf(`第${m[2]}`), name, bid: null, line: line.index };
    for (const l of [line, lines[line.index + 1]]) {
      if (!l || (l !== line && FREE_TEXT.test(l.span.text))) break;
      const searchFrom = l === line ? m.index + m[0].length : 0;
      const bid = FREE_BID.exec(l.span.text.slice(searchFrom));
      if (bid) {
        const start = searchFrom + bid.index + bid[0].length - bid[1].length;
        draft.bid = readMoney(page, subSpan(page, l.span, start, start + bid[1].length), null);
        break;
      }
    }
    out.push(draft);
  }
}

/** 第一中标候选人为A与B（联合体），投标报价…；第二中标候选人为C，…: each clause a candidate (a consortium's each member), its bid before the next. */
function rankFirstText(page: Page, line: Line, out: CandidateDraft[]): void {
  const text = line.span.text;
  const found = [...text.matchAll(RANK_FIRST_TEXT)];
  found.forEach((m, k) => {
    const [from, to] = m.indices![2];
    const rank = rankOf(`第${m[1]}`);
    const bidText = text.slice(to, found[k + 1]?.index ?? text.length);
    const bid = FREE_BID.exec(bidText);
    const bidStart = bid ? to + bid.index + bid[0].length - bid[1].length : -1;
    const money = bid ? readMoney(page, subSpan(page, line.span, bidStart, bidStart + bid[1].length), null) : null;
    for (const member of splitSuppliers(page, subSpan(page, line.span, from, to)).suppliers) {
      const name = candidateName(page, member.raw);
      if (name) out.push({ rank, name, bid: money, line: line.index });
    }
  });
}

/**
 * A rank label run straight into its name, page text that lost every space and colon (…第一中标候选人福建
 * 示例水利水电工程有限公司林某；闽2352…): the name runs to its legal form, the first one, and on through a
 * longer form glued after it (研究院 + 有限公司). A word that starts a sentence's verb (第一成交候选人到…领取) is no name.
 */
const GLUED_RANK = /第([一二三四五六七八九十\d]{1,2})(?:中标|成交|中选)?候选(?:人|供应商|单位)(?!名称|单位|公示|[的为是及到在于须应请将按持凭携自向从由与和对：:\s])/g;
const LONGER_FORM = /^(?:[（(]集团[)）])?(?:集团)?(?:股份)?(?:有限责任公司|有限公司|公司)/;

/** The header of a ranking flattened with no separators: 排序中标候选人名称…, 排序投标人名称…, 候选人：排名单位名称…. */
const GLUED_HEAD = /(?:排名|排序|名次)(?:中标候选人名称|候选人名称|中标候选人|投标人名称|投标单位名称|投标单位|供应商名称)|候选人[：:]?(?:排名|排序|名次)单位名称/g;
const NAME_TO_FORM = /^[\u3400-\u9fff（）()A-Za-z]{2,50}?(?:有限责任公司|有限公司|公司|研究院|设计院|研究所|事务所|集团)/;
/** How far after the header (other column names) the first row's rank may come, and after a row the next. */
const GLUED_HEAD_REACH = 30;
const GLUED_ROW_REACH = 80;

/** A name from `at` to its legal form and any longer form glued after it, or null. */
function nameToForm(text: string, at: number): number | null {
  const m = NAME_TO_FORM.exec(text.slice(at));
  if (!m) return null;
  const lazyEnd = at + m[0].length;
  return lazyEnd + (LONGER_FORM.exec(text.slice(lazyEnd))?.[0].length ?? 0);
}

/** Rows 1, 2, 3… of a flattened candidates' table: each rank straight before its name (1济南市…有限责任公司946000.00 2中国…). */
function gluedTable(page: Page, line: Line, out: CandidateDraft[]): void {
  const text = line.span.text;
  for (const head of text.matchAll(GLUED_HEAD)) {
    let from = head.index + head[0].length;
    let reach = GLUED_HEAD_REACH;
    for (let rank = 1; ; rank++) {
      let found: { start: number; end: number } | null = null;
      for (let at = text.indexOf(String(rank), from); at >= 0 && at <= from + reach; at = text.indexOf(String(rank), at + 1)) {
        const end = nameToForm(text, at + String(rank).length);
        if (end !== null) {
          found = { start: at + String(rank).length, end };
          break;
        }
      }
      if (!found) break;
      const name = candidateName(page, subSpan(page, line.span, found.start, found.end));
      if (name) out.push({ rank, name, bid: null, line: line.index });
      from = found.end;
      reach = GLUED_ROW_REACH;
    }
  }
}

function gluedRanks(page: Page, tableRows: Set<number>, out: CandidateDraft[]): void {
  for (const line of page.lines) {
    if (line.cells || tableRows.has(line.index)) continue;
    gluedTable(page, line, out);
    for (const m of line.span.text.matchAll(GLUED_RANK)) {
      const from = m.index + m[0].length;
      const to = nameToForm(line.span.text, from);
      if (to === null) continue;
      const name = candidateName(page, subSpan(page, line.span, from, to));
      if (name) out.push({ rank: rankOf(`第${m[1]}`), name, bid: null, line: line.index });
    }
  }
}

/** A list item that is only a name: 1.杭州…有限公司； */
const NUMBERED_NAME = /^\s*(\d{1,2})\s*[.．、)）]\s*([^：:]+?)\s*[；;。，,]?\s*$/d;
/** …or ranked in words run into the name: 第一名中通某某股份有限公司. */
const RANK_WORD_NAME = /^\s*第([一二三四五六七八九十\d]{1,2})名\s*[：:]?\s*([^：:]+?)\s*[；;。，,]?\s*$/d;
/** Headings under which names numbered 1, 2, 3 are a ranking (四、评审结果, 推荐排序), not a list of bidders. */
const RANKING_HEADING = /候选|排序|排名|名次|推荐|(评审|评标|评选|比选|谈判|磋商)结果/;
const NOT_RANKING = new Set<SectionKind>(['bidders', 'rejected']);
/** A list said to be in no order (排名不分先后): no ranking. */
const IN_NO_ORDER = /不分先后|无先后|不分排名|不排序/;
/** A short label alone on its line, ending in a colon. */
const RANKING_LABEL = /^[^：:，,。；;]{2,20}[：:]$/;

/** A lot numbered in words, its name after it: 第一包：便携式气压发生器. */
const LOT_IN_WORDS = new RegExp(`^第[一二三四五六七八九十\\d]+(?:${LOT_WORDS_AFTER})`);

/** A line that opens a list other than a ranking: it turns bidders down, or is a label (…的供应商：) that is no lot's or rank's. */
function introducesOtherList(text: string): boolean {
  if (REJECTION_WORDS.test(text)) return true;
  const t = text.trim();
  return /[：:]$/.test(t) && lotsOfHeading(t) === null && !LOT_IN_WORDS.test(t) && !RANKING_HEADING.test(t);
}

/**
 * Names numbered 1, 2, 3… one per line under a heading of results or ranks (四、评审结果 / 第一包 / 1.X；2.Y；3.Z；):
 * the panel's ranking, rank by rank. A run must start at 1 and count up; a bidders' or rejected bidders' section is none.
 */
function numberedRankings(page: Page, sections: Sections, tableRows: Set<number>, out: CandidateDraft[]): void {
  let heading: string | null = null;
  let headingAt = 0;
  let run: CandidateDraft[] = [];
  const flush = () => {
    if (run.length >= 2) out.push(...run);
    run = [];
  };
  let introducedOtherwise = false;
  for (const line of page.lines) {
    while (headingAt < sections.headings.length && sections.headings[headingAt].line <= line.index) {
      heading = sections.headings[headingAt++].text;
      introducedOtherwise = false;
      flush();
    }
    // A list's own label ends its line (竞标候选人：, …推荐以下投标人为中标候选人：) and heads the numbered names under it as a heading would.
    const lastClause = line.span.text.split(/[，,。；;]/).at(-1)!;
    if (!line.cells && RANKING_LABEL.test(lastClause) && RANKING_HEADING.test(lastClause) && !IN_NO_ORDER.test(lastClause)) {
      flush();
      heading = line.span.text;
      introducedOtherwise = false;
      continue;
    }
    const m = line.cells || tableRows.has(line.index) ? null : NUMBERED_NAME.exec(line.span.text) ?? RANK_WORD_NAME.exec(line.span.text);
    // 未通过符合性审查的供应商： under 评审结果 introduces a list of another kind.
    if (!m && introducesOtherList(line.span.text)) introducedOtherwise = true;
    const ranking = heading !== null && RANKING_HEADING.test(heading) && !introducedOtherwise && !NOT_RANKING.has(sections.kindOf[line.index]);
    if (!m || !ranking) {
      flush();
      continue;
    }
    const rank = smallNumber(m[1]) ?? 0;
    if (rank !== run.length + 1) flush();
    const name = rank === run.length + 1 ? candidateName(page, subSpan(page, line.span, ...m.indices![2])) : null;
    // the whole item is the name: 1.X有限公司 中标金额… is no bare ranking
    if (!name || name.span.text !== m[2]) {
      flush();
      continue;
    }
    run.push({ rank, name, bid: null, line: line.index });
  }
  flush();
}

/** Tables with a rank column: bidders' rankings, and winners' tables that rank several bidders. */
function rankedTables(page: Page, tables: Table[], sections: Sections, fields: Field[], out: CandidateDraft[]): void {
  for (const table of tables) {
    const rank = column(table, 'rank');
    let name = column(table, 'bidder');
    if (name < 0) name = winnerColumn(table, sections, fields);
    if (name < 0) name = column(table, 'supplier');
    if (name < 0) continue;
    const amount = table.columns.findIndex((c) => c.role === 'amount');
    const unitPrice = table.columns.findIndex((c) => c.role === 'unitPrice');
    // 是否中标候选人 | 是 / 否 says row by row who was put forward.
    const mark = column(table, 'candidateMark');
    // …or whose names' own header says they are candidates (中标候选人名称), ranked or not
    const ranked = rank >= 0 || mark >= 0 || /候选/.test(table.columns[name].header.text)
      || table.rows.some((r) => /候选|第[一二三四五六七八九十\d]+名/.test(r.cells[0]?.text ?? ''));
    if (!ranked) continue;
    for (const row of table.rows) {
      const cell = row.cells[name];
      if (!cell || !cell.text || isPlaceholder(cell.text)) continue;
      if (mark >= 0 && !/^是/.test(row.cells[mark]?.text.trim() ?? '')) continue;
      // 1、甲公司 2、乙公司 in one cell: the ranking itself
      const listed = numberedInCell(page, cell);
      if (listed.length >= 2) {
        out.push(...listed.map((c) => ({ ...c, line: row.line })));
        continue;
      }
      const nameFound = candidateName(page, cell);
      if (!nameFound) continue;
      const rankCell = rank >= 0 ? row.cells[rank] : row.cells[0];
      // A row the ranking leaves unranked (哈尔滨…有限公司 | 不通过符合性审查) was turned down, not put forward.
      if (rank >= 0 && mark < 0 && rankOf(rankCell?.text ?? '') === null) continue;
      const money = amount >= 0 && unitPrice < 0 ? row.cells[amount] : null;
      out.push({
        rank: rankCell ? rankOf(rankCell.text) : null,
        name: nameFound,
        bid: money ? readMoney(page, money, table.columns[amount].unit) : null,
        line: row.line,
      });
    }
  }
}

/** Names numbered 1, 2, 3 in one cell (1、甲公司 2、乙公司), each at its rank; none unless every piece is a name. */
function numberedInCell(page: Page, cell: Span): Omit<CandidateDraft, 'line'>[] {
  const marks = [...cell.text.matchAll(/(?:^|\s)(\d{1,2})\s*[、.．]\s*/g)];
  if (marks.length < 2 || marks[0].index !== 0) return [];
  const out: Omit<CandidateDraft, 'line'>[] = [];
  for (let k = 0; k < marks.length; k++) {
    const from = marks[k].index + marks[k][0].length;
    const to = k + 1 < marks.length ? marks[k + 1].index : cell.text.length;
    const name = candidateName(page, subSpan(page, cell, from, to));
    if (!name || Number(marks[k][1]) !== k + 1) return [];
    out.push({ rank: k + 1, name, bid: null });
  }
  return out;
}

function merge(drafts: CandidateDraft[], proposed: CandidateDraft | null): CandidateScan {
  const sorted = [...drafts].sort((a, b) => a.name.span.start - b.name.span.start);
  const out: CandidateDraft[] = [];
  const keys = new Map(sorted.map((d) => [d, nameKey(d.name.value)]));
  for (const d of sorted) {
    // The same name with no rank (竞标候选人：1.X read as the label's value) and with its rank is one candidate.
    const same = out.find((o) => (o.rank === d.rank || o.rank === null || d.rank === null) && keys.get(o) === keys.get(d));
    if (!same) out.push(d);
    else {
      same.bid ??= d.bid;
      same.rank ??= d.rank;
    }
  }
  if (proposed) {
    const proposedKey = nameKey(proposed.name.value);
    const listed = out.find((o) => keys.get(o) === proposedKey);
    if (listed) {
      listed.bid ??= proposed.bid;
      return { candidates: out, proposed: listed };
    }
    out.push(proposed);
  }
  return { candidates: out, proposed };
}

/**
 * The notice's own rule that its first-ranked candidate wins (注：排位在第一的中标候选人为中标单位, 排名第一的中标候选人即为
 * 中标人). Not the law's rule for the buyer (招标人应当确定排名第一的中标候选人为中标人), nor what happens if that one declines.
 */
const FIRST_RANKED_WINS = /排(?:名|位|序)(?:在|为)?第[一1](?:名|位)?的?(?:中标|成交|中选)?候选(?:人|供应商|单位)(?:即)?(?:为|是|确定为)(?:本项目的?)?(?:中标|成交|中选)(?:人|单位|供应商)/;
const ONLY_A_RULE = /应当?|可以|放弃|如果?|若|不能|未能|依法/;
/** Words anywhere on the page that the first-ranked one did not take the award (放弃中标, 取消…资格, 递补). */
const FIRST_DID_NOT_WIN = /放弃|取消.{0,10}资格|递补|顺延|依次确定|不再/;

/** Ranks given twice: several lots' rankings, not one consortium's members named at one rank on one line. */
export function ranksRepeat(candidates: CandidateDraft[]): boolean {
  const seen = new Map<number, number>();
  for (const c of candidates) {
    if (c.rank === null) continue;
    if (seen.has(c.rank) && seen.get(c.rank) !== c.line) return true;
    seen.set(c.rank, c.line);
  }
  return false;
}

/** A winner's value that names a rank, not a party: 中标人：第二中标候选人（第一中标候选人放弃中标）. */
const RANK_REFERENCE = /^(?:排名|排序)?第([一二三四五六七八九十\d]{1,2})(?:名|位|(?:中标|成交|中选)?候选(?:人|供应商|单位))/;

/** The candidate a winner's field names by its rank (中标人：第二中标候选人), when one ranking gives that rank once. */
export function rankNamedWinner(fields: Field[], scan: CandidateScan): { candidate: CandidateDraft; reference: Span } | null {
  if (ranksRepeat(scan.candidates)) return null;
  for (const f of fields) {
    if (f.key !== 'winnerName' || !f.value) continue;
    const m = RANK_REFERENCE.exec(f.value.text.replace(/\s+/g, ''));
    const rank = m ? rankOf(`第${m[1]}`) : null;
    const named = rank === null ? [] : scan.candidates.filter((c) => c.rank === rank);
    if (named.length === 1) return { candidate: named[0], reference: f.value };
  }
  return null;
}

/** The one first-ranked candidate, when a line of the notice says the first-ranked one wins; null otherwise. */
export function firstRankedWinner(page: Page, scan: CandidateScan): { candidate: CandidateDraft; rule: Span } | null {
  const ranks = scan.candidates.map((c) => c.rank).filter((r) => r !== null);
  const firsts = scan.candidates.filter((c) => c.rank === 1);
  // Ranks that repeat are several lots' rankings: whose first would be unclear.
  if (firsts.length !== 1 || new Set(ranks).size < ranks.length || FIRST_DID_NOT_WIN.test(page.text)) return null;
  for (const line of page.lines) {
    const text = line.cells ? line.cells.map((c) => c.text).join(' ') : line.span.text;
    const m = FIRST_RANKED_WINS.exec(text);
    if (!m || ONLY_A_RULE.test(text)) continue;
    const cell = line.cells?.find((c) => c.text.includes(m[0]));
    const span = cell ?? line.span;
    const at = span.text.indexOf(m[0]);
    return { candidate: firsts[0], rule: subSpan(page, span, at, at + m[0].length) };
  }
  return null;
}
