// The document text cut into lines and table cells. Every string the extractor reads is a slice of the
// document text with its offset, so evidence offsets are right by construction.

/** A piece of the document text: `text === doc.text.slice(start, end)`. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface Line {
  index: number;
  /** The whole line, trimmed. */
  span: Span;
  /** Cells when the line is a table row (tab-separated); an empty cell has empty text. */
  cells: Span[] | null;
  /** The line is one table cell: it ended with the " |" marker of crawlers' page text. */
  cell?: boolean;
  /** The line is a piece of the national platform's summary block (公告概要), cut at its labels. */
  summary?: boolean;
}

export interface Page {
  text: string;
  lines: Line[];
}

// Whitespace the readers leave in place: ASCII, no-break, ideographic and zero-width spaces.
const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;

function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** The slice [start, end) of text with surrounding whitespace removed; empty slices keep their position. */
export function trimmedSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { text: text.slice(start, end), start, end };
}

/** A sub-span of a span, by offsets relative to the span's start, trimmed. */
export function subSpan(page: Page, span: Span, from: number, to: number): Span {
  return trimmedSpan(page.text, span.start + from, span.start + to);
}

/** The span from the start of `a` to the end of `b` (b after a). */
export function joinSpans(page: Page, a: Span, b: Span): Span {
  return { text: page.text.slice(a.start, b.end), start: a.start, end: b.end };
}

/** A line rebuilt from cells (a table's header or row), spanning its first cell to its last; numbered by withLines. */
export function lineOfCells(page: Page, cells: Span[]): Line {
  return { index: -1, span: joinSpans(page, cells[0], cells[cells.length - 1]), cells };
}

/** The page with its lines replaced by rebuilt ones, numbered anew. */
export function withLines(page: Page, lines: Line[]): Page {
  return { text: page.text, lines: lines.map((l, index) => ({ ...l, index })) };
}

/** Removes trailing punctuation that closes a value (。；; ， ,) from a span, and a bracket left open (…项目监理〔). */
export function trimTrailingPunctuation(page: Page, span: Span): Span {
  let end = span.end;
  while (end > span.start && /[。；;，,、.．:：（(〔【\[\s\u3000]/.test(page.text[end - 1])) end--;
  return trimmedSpan(page.text, span.start, end);
}

/** A value a template wraps whole in brackets (中标单位：【某某有限公司】): the words inside them. */
export function unwrapped(page: Page, span: Span): Span {
  return /^[【\[〔][^【】\[\]〔〕]+[】\]〕]$/.test(span.text) ? subSpan(page, span, 1, span.text.length - 1) : span;
}

export interface PageOptions {
  /**
   * Plain text (not HTML): a very long line cut by runs of tabs is a page whose line breaks
   * the crawler replaced by whitespace (公告时间：…\t\t\t\t一、采购编号：\t\t\t\t湘财采计…); each run
   * ends a line.
   */
  glued?: boolean;
}

/** A line at least this long, with at least GLUED_RUNS gaps, is a glued page. */
const GLUED_LINE = 300;
const GLUED_RUNS = 4;
// Runs with a tab, or of four spaces or more: two or three also pad word-spaced labels (联\u00a0\u00a0系\u00a0\u00a0人).
const GAP = /[ \u00a0\u3000]*\t[\t \u00a0\u3000]*|[ \u00a0\u3000]{4,}/g;

const LONE_CHARACTER = /^\s*[\u3400-\u9fff]\s*$/;
const SPACED_LABEL_END = /^[\u3400-\u9fff][：:]$/;

function pushLine(text: string, lines: Line[], start: number, end: number): void {
  const span = withoutCellMarker(text, withoutMarkdownMarker(text, trimmedSpan(text, start, end)));
  if (span.text === '') return;
  // Cells come from the untrimmed line: a row whose last cells are empty ends in tabs.
  const raw = { text: text.slice(start, end), start, end };
  const split = raw.text.includes('\t') ? spacedLabelsJoined(text, splitCells(text, raw)) : null;
  const cells = split && split.length > 1 && !indentedOnly(split) ? split : null;
  const line: Line = { index: lines.length, span, cells };
  if (span.end < raw.end && text.slice(span.end, raw.end).trim() === '|') line.cell = true;
  lines.push(line);
}

/** Tabs that only indent the line's one text (\t\t\t浙江某某有限公司, a page's markup kept as text): no row of cells. */
function indentedOnly(cells: Span[]): boolean {
  return cells.findIndex((c) => c.text !== '') === cells.length - 1;
}

/** A Markdown table's rule under its header (---|---|---, | :--- | ---: |): the page's pipes part cells. */
const PIPE_TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m;
const PIPE_RULE_LINE = new RegExp(PIPE_TABLE_RULE.source);

/**
 * A row of a Markdown table, as crawlers that save pages as Markdown write them (项目名称 | X | 项目编号 | Y, with or
 * without the outer pipes): its cells; the rule line under the header is layout and no line.
 */
function pushPipeRow(text: string, lines: Line[], start: number, end: number): boolean {
  const raw = text.slice(start, end);
  if (PIPE_RULE_LINE.test(raw)) return true;
  const inner = trimmedSpan(text, start, end);
  const from = inner.start + (inner.text.startsWith('|') ? 1 : 0);
  const to = inner.end - (inner.text.endsWith('|') && inner.text.length > 1 ? 1 : 0);
  const cells = splitCells(text, { text: text.slice(from, to), start: from, end: to }, '|');
  if (cells.length < 2) return false;
  lines.push({ index: lines.length, span: inner, cells });
  return true;
}

function pushGlued(text: string, lines: Line[], start: number, end: number): void {
  let from = start;
  GAP.lastIndex = start;
  for (let m = GAP.exec(text); m && m.index < end; m = GAP.exec(text)) {
    // A lone character before spaces is the start of a spaced-out label (电          话：…), not a cell.
    if (!m[0].includes('\t') && LONE_CHARACTER.test(text.slice(from, m.index))) continue;
    // …and a lone character after them, before a colon, its end (采购人信息名    称：X, 地    址：Y).
    if (!m[0].includes('\t') && SPACED_LABEL_END.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    pushLine(text, lines, from, m.index);
    from = m.index + m[0].length;
  }
  if (from < end) pushLine(text, lines, from, end);
}

const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
/** At least this many headings in their order (一、 … 二、 … 三、) before a line is cut at them. */
const MIN_SECTIONS = 3;
/** How many numbers a page may skip between two headings. */
const SKIPPABLE = 2;

/**
 * Where the numbered headings of a page run into one line start (…如下： 一、采购人名称：…二、采购项目名称：…):
 * 一、 then the first 二、 after it, and so on, so that words like 一、二等奖 inside a section do not count.
 */
function sectionCuts(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  let from = start;
  for (let k = 0; k < SECTION_NUMERALS.length; ) {
    // The next heading may skip a number or two (三、 then 五、), never go back.
    const next = SECTION_NUMERALS.slice(k, k + (k === 0 ? 1 : SKIPPABLE + 1))
      .map((numeral, i) => ({ at: headingAt(text, numeral, from, end), i }))
      .filter((h) => h.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (!next) break;
    cuts.push(next.at);
    k += next.i + 1;
    from = next.at + SECTION_NUMERALS[k - 1].length + 1;
  }
  return cuts.length >= MIN_SECTIONS ? cuts.filter((c) => c > start) : [];
}

/**
 * The labels of the national platform's summary block (公告概要, ccgp.gov.cn from 2020), in which page text with
 * no spaces runs each label into its value (采购单位合肥职业技术学院行政区域合肥市公告时间2022年…). Longest first,
 * so that 采购单位地址 is not read as 采购单位.
 */
const SUMMARY_LABELS = ['采购项目名称', '品目', '采购单位', '行政区域', '公告时间', '评审专家名单', '总中标金额', '总成交金额',
  '联系人及联系方式', '项目联系人', '项目联系电话', '采购单位地址', '采购单位联系方式', '代理机构名称', '代理机构地址',
  '代理机构联系方式', '本项目招标公告日期', '中标日期', '成交日期', '首次公告日期', '预算金额'].sort((a, b) => b.length - a.length);
/** One scan finds the next label: at each place the alternatives are tried longest first. */
const SUMMARY_LABEL = new RegExp(SUMMARY_LABELS.join('|'), 'g');
const SUMMARY_START = '公告概要';
/** At least this many labels of the block, each found after the one before, before the block is cut. */
const MIN_SUMMARY_LABELS = 5;

/** Where each label of a glued summary block and its value start, in [start, end); none when there is no such block. */
function summaryCuts(text: string, start: number, end: number, continued: boolean): number[] {
  const at = text.indexOf(SUMMARY_START, start);
  if ((at < 0 || at >= end) && !continued) return [];
  const cuts: number[] = [];
  SUMMARY_LABEL.lastIndex = at >= 0 && at < end ? at + SUMMARY_START.length : start;
  for (let m = SUMMARY_LABEL.exec(text); m && m.index < end; m = SUMMARY_LABEL.exec(text)) cuts.push(m.index, m.index + m[0].length);
  return cuts.length / 2 >= MIN_SUMMARY_LABELS ? cuts : [];
}

/** Where "numeral、" first stands in [from, end), not as the tail of a longer numeral (二十、, 十一、); -1 if nowhere. */
function headingAt(text: string, numeral: string, from: number, end: number): number {
  let at = text.indexOf(numeral + '、', from);
  while (at >= 0 && at < end && /[一二三四五六七八九十]/.test(text[at - 1] ?? '')) at = text.indexOf(numeral + '、', at + 1);
  return at >= 0 && at < end ? at : -1;
}

function isGlued(text: string, start: number, end: number): boolean {
  if (end - start < GLUED_LINE) return false;
  GAP.lastIndex = start;
  let runs = 0;
  for (let m = GAP.exec(text); m && m.index < end; m = GAP.exec(text)) if (++runs >= GLUED_RUNS) return true;
  return false;
}

/** How many lines after the one that opens it (公告概要：公告信息：采购项目名称…品目) the summary block may go on. */
const SUMMARY_LINES = 4;

export function buildPage(text: string, options: PageOptions = {}): Page {
  const lines: Line[] = [];
  let start = 0;
  let summaryLeft = 0;
  const pipes = options.glued === true && PIPE_TABLE_RULE.test(text);
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const opensSummary = options.glued === true && text.slice(start, end).includes(SUMMARY_START);
    // A summary block's line is cut at its labels however short it is.
    if (options.glued && (end - start >= GLUED_LINE || summaryLeft > 0)) {
      // A page whose breaks were lost: first its numbered sections, then the cell gaps inside each.
      const sections = sectionCuts(text, start, end);
      const summary = summaryCuts(text, start, sections[0] ?? end, summaryLeft > 0);
      const cuts = [...new Set([start, ...summary, ...sections, end])].sort((a, b) => a - b);
      const summaryAt = new Set(summary);
      for (let c = 0; c + 1 < cuts.length; c++) {
        const before = lines.length;
        // Once cut at its headings the line is known to be glued: each section is cut at its gaps too.
        if (sections.length > 0 || isGlued(text, cuts[c], cuts[c + 1])) pushGlued(text, lines, cuts[c], cuts[c + 1]);
        else pushLine(text, lines, cuts[c], cuts[c + 1]);
        // The summary block is a table of labels and values: each piece cut at its labels is one cell (only the
        // first piece: what follows a value's gap is no part of the block).
        if (summaryAt.has(cuts[c]) && lines.length > before) Object.assign(lines[before], { cell: true, summary: true });
      }
    } else if (!(pipes && text.slice(start, end).includes('|') && pushPipeRow(text, lines, start, end))) pushLine(text, lines, start, end);
    if (opensSummary) summaryLeft = SUMMARY_LINES;
    else if (text.slice(start, end).trim() !== '') summaryLeft--;
    start = end + 1;
  }
  return { text, lines };
}

/**
 * Page text that crawlers save as Markdown opens headings and list items with # or - (## 三、采购结果, - 首页):
 * the marker is layout, so that the heading is read as one.
 */
function withoutMarkdownMarker(text: string, span: Span): Span {
  // A lone - is an empty cell of a flattened table, not a marker: only a marker before text is dropped.
  const m = /^(?:#{1,6}|[-*+])[ \t]+(?=\S)/.exec(span.text);
  return m ? trimmedSpan(text, span.start + m[0].length, span.end) : span;
}

/**
 * Page text saved by crawlers often ends each table cell with " |" (`工程名称 |`, then the value and ` | `
 * on lines of their own): the marker is layout, not content, and a line holding only it is empty.
 */
function withoutCellMarker(text: string, span: Span): Span {
  // …or starts the next cell's line with it (项目名称 / | 标段号 / | 货物名称).
  if (/^\|\s*[^|\s]/.test(span.text) && !span.text.endsWith('|')) return trimmedSpan(text, span.start + 1, span.end);
  if (!span.text.endsWith('|') || span.text.endsWith('||') || /^\|.*\|$/.test(span.text) && span.text.length > 1) return span;
  return trimmedSpan(text, span.start, span.end - 1);
}

/**
 * The line as a sentence: its whole text when it is not a table row, or its only filled cell (a page
 * laid out in a table puts its intro in one cell: \t本招标项目…，招标人为…); none for a real row.
 */
export function proseOf(line: Line): Span | null {
  if (!line.cells) return line.span;
  const filled = line.cells.filter((c) => c.text !== '');
  return filled.length === 1 ? filled[0] : null;
}

/** The cells of a line, parted by tabs (or a Markdown table's pipes), each trimmed. */
function splitCells(text: string, line: Span, separator = '\t'): Span[] {
  const cells: Span[] = [];
  let from = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || text[i] === separator) {
      cells.push(trimmedSpan(text, from, i));
      from = i + 1;
    }
  }
  return cells;
}

/** The rest of a label spaced out over cells, up to its colon (采\t购\t人：X, 名\t称：X). */
const LABEL_END_CELL = /^[\u3400-\u9fff]{1,4}\s*[：:]/;

/** Lone characters that start a spaced-out label are one cell with the rest of it (PDF text: 采 \t购 \t人：北京…). */
function spacedLabelsJoined(text: string, cells: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < cells.length; i++) {
    let j = i;
    while (j < cells.length && LONE_CHARACTER.test(cells[j].text)) j++;
    if (j > i && j < cells.length && LABEL_END_CELL.test(cells[j].text)) {
      // Leading the line, the label's value runs to its end: PDF text parts 上大路 \t99 \t号 the same way.
      const last = i === 0 ? cells.length - 1 : j;
      out.push(trimmedSpan(text, cells[i].start, cells[last].end));
      i = last;
    } else out.push(cells[i]);
  }
  return out;
}

/** Whitespace removed: the form labels and names are compared in. */
export function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

const CJK_GAP = /([\u3400-\u9fff（）()、，。：；])[\s\u00a0\u3000]+(?=[\u3400-\u9fff（）()、，。：；\d])|(\d)[\s\u00a0\u3000]+(?=[\u3400-\u9fff])/g;

/** A value as people write it: whitespace next to Chinese characters removed, other runs made one space. */
export function tidy(s: string): string {
  return s.replace(CJK_GAP, '$1$2').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * Finds text in the page ignoring whitespace, for values read from the markup (meta tags, class
 * markers) whose spacing may differ from the readable text. Built lazily, once per page.
 */
export class Locator {
  private readonly squeezed: string;
  private readonly offsets: Int32Array;

  constructor(private readonly text: string) {
    const offsets = new Int32Array(text.length);
    const chars: string[] = [];
    for (let i = 0; i < text.length; i++) {
      if (SPACE.test(text[i])) continue;
      offsets[chars.length] = i;
      chars.push(text[i]);
    }
    this.squeezed = chars.join('');
    this.offsets = offsets.subarray(0, chars.length);
  }

  /** The first occurrence of `needle` at or after `from` (an offset into the text), or null. */
  find(needle: string, from = 0): Span | null {
    const key = compact(needle);
    if (key === '') return null;
    const startK = this.firstIndexAtOrAfter(from);
    const k = this.squeezed.indexOf(key, startK);
    if (k < 0) return null;
    const start = this.offsets[k];
    const end = this.offsets[k + key.length - 1] + 1;
    return { text: this.text.slice(start, end), start, end };
  }

  /** The last occurrence of `needle` that starts at or after `from` and ends by `to`, or null. */
  findLast(needle: string, from: number, to: number): Span | null {
    const key = compact(needle);
    if (key === '') return null;
    const startK = this.firstIndexAtOrAfter(from);
    const endK = this.firstIndexAtOrAfter(to); // squeezed characters before `to`
    if (endK - key.length < startK) return null;
    const k = this.squeezed.lastIndexOf(key, endK - key.length);
    if (k < startK) return null;
    const start = this.offsets[k];
    const end = this.offsets[k + key.length - 1] + 1;
    return { text: this.text.slice(start, end), start, end };
  }

  private firstIndexAtOrAfter(from: number): number {
    let lo = 0;
    let hi = this.offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
