// The notice's title and publication date: from the page's meta tags and #pubTime when the markup has
// them, else from the first heading-like lines and the date fields or the sign-off date of the text.
import { findDates, parseDate } from '../../src/domain/date.ts';
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import { dateAt, fieldDates, publicityDay, tableDate } from './dates.ts';
import type { Field } from './fields.ts';
import { classifyLabel, labelsOf } from './labels.ts';
import type { FieldKey } from './labels.ts';
import type { Table } from './tables.ts';
import { joinSpans, Locator, subSpan, tidy } from './page.ts';
import type { Line, Page, Span } from './page.ts';
import type { Markup } from './markup.ts';
import { BREADCRUMB, contentStart } from './notice-type.ts';
import type { Found } from './values.ts';

/** Found values may lack a span only when they come from markup that is not in the text. */
export interface Maybe<T> {
  value: T;
  span: Span | null;
  note: string | null;
}

const NOTICE_WORD = /(公告|公示|结果|通知|通知书|公示表|公告表)[)）]?$|(公告|公示)(信息|表)?[(（][^)）]{1,8}[)）]$/;
/** A portal's own lines: its breadcrumb, links, counters and credits. */
const CHROME = new RegExp(String.raw`首页|--|>>|${BREADCRUMB.source}|打印|关闭|访问次数|技术支持|来源[:：]|[【\[]打印|网$`);
const SENTENCE = /[，。；]|[:：]/;
const TOP_LINES = 8;

function titleLike(text: string): boolean {
  return text.length >= 4 && text.length <= 100 && !SENTENCE.test(text) && !CHROME.test(text);
}

/**
 * A publication-date label (发布时间：), longest first. Labels that start with a notice word (公示发布时间) are
 * left out: in 中标结果公示发布时间： that word ends the title.
 */
const PUBLISHED_LABEL = new RegExp(`(?:${labelsOf('publishedAt').filter((l) => !/^(公告|公示|结果)/.test(l))
  .sort((a, b) => b.length - a.length).join('|')})\\s*[：:]`);

/**
 * Page text saved with its line breaks lost starts with the title run into its date:
 * 省级粮食储备库器材库和钢架棚项目中标结果公示发布时间：2020-11-23…信息来源：… The words before the first
 * line's date label are the title.
 */
function titleBeforeDate(page: Page): Found<string> | null {
  const first = page.lines[0];
  if (!first || first.cells) return null;
  const label = PUBLISHED_LABEL.exec(first.span.text);
  // …or run straight into the bare date (…中标（成交）结果公告[2022]2022年02月11日00:15来源：…)
  // (a banner's date, on a short line above the notice's own title, ends no title)
  const lineEnd = page.text.indexOf('\n', first.span.start);
  const glued = (lineEnd < 0 ? page.text.length : lineEnd) - first.span.start >= GLUED_FIRST_LINE;
  const titleBelow = page.lines.slice(1, 3).some((l) => !l.cells && titleLike(l.span.text) && NOTICE_WORD.test(l.span.text.replace(/\s+/g, '')));
  const end = label ? label.index : glued || !titleBelow ? NOTICE_WORD_THEN_DATE.exec(first.span.text)?.[1].length ?? -1 : -1;
  if (end < 4) return null;
  const span = subSpan(page, first.span, 0, end);
  return titleLike(span.text) ? { value: tidy(span.text), span } : null;
}

/** A first line at least this long is a page whose line breaks were lost. */
const GLUED_FIRST_LINE = 200;

/**
 * A notice word run into the date and time of its publishing (or its source), with the site's year tag between them
 * or not: 结果公告[2022]2022年02月11日00:15来源：. A date alone (交易公告2024年03月15日星期五) may be a site's banner.
 */
const NOTICE_WORD_THEN_DATE = /^(.{4,100}?(?:公告|公示|结果)[)）]?)\s*(?:\[\d{4}\]\s*)?(?=\d{4}\s*(?:年|-|\/|\.)\s*\d{1,2}\s*(?:月|-|\/|\.)\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}|来源))/;

/** The title from the first lines: a line ending in a notice word, joined to short lines above it. */
function titleFromText(page: Page): Found<string> | null {
  const beforeDate = titleBeforeDate(page);
  if (beforeDate) return beforeDate;
  const lines = page.lines.slice(0, TOP_LINES).filter((l) => !l.cells);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].span.text;
    if (!titleLike(text) || !NOTICE_WORD.test(text.replace(/\s+/g, ''))) continue;
    let first = i;
    const bare = text.replace(/\s+/g, '').length <= 16;
    while (bare && first > 0 && lines[first - 1].index === lines[first].index - 1 && titleLike(lines[first - 1].span.text)
      && lines[first - 1].span.text.length <= 40 && i - first < 2) first--;
    if (bare && first === i && text.replace(/\s+/g, '').length <= 6) break;
    const span = joinSpans(page, lines[first].span, lines[i].span);
    return { value: tidy(span.text.replace(/\n/g, '')), span };
  }
  const below = titleBelowChrome(page);
  if (below) return below;
  const first = page.lines[0];
  if (first && !first.cells && titleLike(first.span.text) && first.span.text.length <= 60) {
    return { value: tidy(first.span.text), span: first.span };
  }
  return null;
}

/** How far below a portal's menus a notice's own title may stand (商洛市人民政府: 80 menu lines first). */
const CHROME_LINES = 150;
/** Longer than a menu's item (公示公告, 中标公告, 政府采购公告). */
const MIN_TITLE_BELOW = 10;
const NUMBERED = /^(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.．]/;

/** A menu's item, a special's name or a page's tag line: short, no sentence. */
const MENU_ITEM = 30;

/**
 * A whole line below a portal's menus that reads as a notice's title: every line above it a menu's item, so that a
 * notice pasted into the body of another (五、…竞争性谈判公告 under a result) never titles the page.
 */
function titleBelowChrome(page: Page): Found<string> | null {
  const lines = page.lines.slice(contentStart(page), CHROME_LINES);
  const titled = (l: Line | undefined) => {
    const text = l && !l.cells ? l.span.text.replace(/\s+/g, '') : '';
    return text.length >= MIN_TITLE_BELOW && !NUMBERED.test(text) && titleLike(l!.span.text) && NOTICE_WORD.test(text);
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const text = l.span.text.replace(/\s+/g, '');
    // A title right above another is a list of links (a sidebar's notices), not the notice's own: the last one is.
    if (titled(l)) {
      if (titled(lines[i + 1])) continue;
      return { value: tidy(l.span.text), span: l.span };
    }
    if (!l.cells && !CHROME.test(text) && (text.length > MENU_ITEM || SENTENCE.test(text))) return null;
  }
  return null;
}

/**
 * A portal's heading right below its breadcrumb and over the notice's date line (新港路提升改造工程 / 发布日期：2015-03-30):
 * the page's own title, when it has no notice word to be found by. It may name the project; it is no notice's title.
 */
export function headingOverDate(page: Page): Span | null {
  const start = contentStart(page);
  if (start === 0) return null;
  const [head, next] = page.lines.slice(start, start + TOP_LINES).filter((l) => l.span.text.trim() !== '');
  if (!head || !next || head.cells || !titleLike(head.span.text.trim())) return null;
  return PUBLISHED_LABEL.test(next.cells ? next.cells.map((c) => c.text).join('') : next.span.text) ? head.span : null;
}

export function findTitle(page: Page, fields: Field[], markup: Markup | null, locator: () => Locator): Maybe<string> | null {
  const meta = markup?.title;
  if (meta) {
    const span = locator().find(meta);
    return { value: tidy(meta), span, note: span ? null : 'title taken from <meta name="ArticleTitle">, which is not in the text' };
  }
  // The page's own field for it (公示名称 | …成交结果公示), when it reads as a notice's title.
  const labelled = fields.find((f) => f.key === 'title' && f.value && titleLike(f.value.text) && NOTICE_WORD.test(f.value.text.replace(/\s+/g, '')));
  if (labelled?.value) return { value: tidy(labelled.value.text), span: labelled.value, note: null };
  const found = titleFromText(page);
  return found ? { value: found.value, span: found.span, note: null } : null;
}

const SIGN_OFF_LINES = 15;
/** Seal notes after a sign-off date: （单位公章）, (盖章). */
const SEAL = /[（(]?\s*(?:单位)?(?:公章|盖章|签章|印章|章)\s*[)）]?/g;
/** What may stand beside a sign-off date: the signer's name, 日期, brackets — not another date's label. */
const NOT_SIGN_OFF = /时间|截止|开标|评标|期限|[至到起前后止]|[，。；,;]|\d/;

const SIGNER_KEYS = new Set<FieldKey>(['buyerName', 'agencyName', 'partyName']);

/** Before a sign-off date: nothing, a name, 日期：, or a signer's label (招标人：某某公司) — not 成交日期：. */
function signerLabel(before: string): boolean {
  const colon = before.search(/[：:]/);
  if (colon < 0) return true;
  const label = before.slice(0, colon);
  const key = classifyLabel(label)?.key;
  return label === '日期' || label === '落款日期' || (key !== undefined && SIGNER_KEYS.has(key));
}

/**
 * The notice's sign-off date near the end: alone on a line (2016年11月30日), or after the signer's name
 * (招标人：某某公司 2017年1月9日（单位公章）), also inside a table cell.
 */
function signOffDate(page: Page): Found<string> | null {
  const lines = page.lines;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - SIGN_OFF_LINES); i--) {
    const pieces = lines[i].cells ?? [lines[i].span];
    for (let c = pieces.length - 1; c >= 0; c--) {
      const piece = pieces[c];
      const found = (piece.text.length <= 80 ? signOffIn(page, piece, Boolean(lines[i].cells)) : null)
        ?? signedAtTheEnd(page, piece);
      if (found) return found;
    }
  }
  return null;
}

/** A date with nothing but its signer before it and a seal note after it. */
function signOffIn(page: Page, piece: Span, inCell: boolean): Found<string> | null {
  const dates = findDates(piece.text);
  if (dates.length !== 1) return null;
  const d = dates[0];
  const after = piece.text.slice(d.end).replace(SEAL, '').replace(/[\s（）()]/g, '');
  const before = piece.text.slice(0, d.start).replace(/[\s（）()]/g, '');
  if (after !== '' || before.length > 40 || NOT_SIGN_OFF.test(before) || !signerLabel(before)) return null;
  // A date alone in a cell is the value of the label in the cell before it (中标通知书发出日期 | 2021/5/8).
  if (inCell && before === '') return null;
  return dateAt(page, piece.start, d);
}

/** Where a name may begin inside run-on text: after a sentence, a bracket, a colon or a space. */
const RUN_ON_BREAK = /[。；;，,）)】\]>：:\s]/g;

/**
 * A sign-off glued to the end of run-on text (crawlers that join a page's lines): …（http://…）某某咨询有限公司
 * 2018年9月29日. Only when the date ends the text and a party's name, and nothing else, stands before it.
 */
function signedAtTheEnd(page: Page, piece: Span): Found<string> | null {
  const dates = findDates(piece.text);
  const d = dates[dates.length - 1];
  if (!d || piece.text.slice(d.end).replace(SEAL, '').trim() !== '') return null;
  const before = piece.text.slice(0, d.start).trimEnd();
  let from = 0;
  for (const m of before.matchAll(RUN_ON_BREAK)) from = m.index + 1;
  const signer = before.slice(from);
  // After a label, only a signer's (采购代理机构：X2018年…), not a winner's or another party's.
  const label = /([\u3400-\u9fff]{1,12}[：:])$/.exec(before.slice(0, from));
  if (label && !signerLabel(label[1])) return null;
  return signer.length <= 40 && looksLikeCompanyName(signer) ? dateAt(page, piece.start, d) : null;
}

/** The labels of a notice's own publication date; a correction's also in the words of corrections (更正公告发布日期). */
export const PUBLISHED_DATE_KEYS = new Set<FieldKey>(['publishedAt']);
export const CORRECTION_DATE_KEYS = new Set<FieldKey>(['publishedAt', 'changeNoticeDate']);

export function findPublishedAt(page: Page, fields: Field[], tables: Table[], markup: Markup | null, locator: () => Locator,
  keys: Set<FieldKey> = PUBLISHED_DATE_KEYS): Maybe<string> | null {
  for (const raw of [markup?.pubTime, markup?.pubDate]) {
    if (!raw) continue;
    const date = parseDate(raw);
    if (!date) continue;
    const span = locator().find(raw.trim());
    return { value: date, span, note: span ? null : 'publication date taken from the page metadata, which is not in the text' };
  }
  for (const f of fields) {
    if (!keys.has(f.key)) continue;
    const found = fieldDates(page, f);
    if (!found) continue;
    // "公告时间：2014年03月17日 至 2014年03月25日" is the publicity period, not the publication date.
    if (found.dates.length > 1) continue;
    const date = dateAt(page, found.base, found.dates[0]);
    return { value: date.value, span: date.span, note: null };
  }
  const inTable = tableDate(page, tables, keys) ?? publicityDay(page, fields);
  if (inTable) return { value: inTable.value, span: inTable.span, note: null };
  const signOff = signOffDate(page);
  return signOff ? { value: signOff.value, span: signOff.span, note: null } : null;
}
