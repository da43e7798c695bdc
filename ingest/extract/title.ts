// The notice's title and publication date: from the page's meta tags and #pubTime when the markup has
// them, else from the first heading-like lines and the date fields or the sign-off date of the text.
import { findDates, parseDate } from '../../src/domain/date.ts';
import type { Field } from './fields.ts';
import { joinSpans, Locator, tidy } from './page.ts';
import type { Page, Span } from './page.ts';
import type { Markup } from './markup.ts';
import type { Found } from './values.ts';

/** Found values may lack a span only when they come from markup that is not in the text. */
export interface Maybe<T> {
  value: T;
  span: Span | null;
  note: string | null;
}

const NOTICE_WORD = /(公告|公示|结果|通知|公示表|公告表)[)）]?$|(公告|公示)(信息|表)?[(（][^)）]{1,8}[)）]$/;
const CHROME = /首页|--|>>|当前位置|您的位置|打印|关闭|访问次数|技术支持|来源[:：]|[【\[]打印|网$/;
const SENTENCE = /[，。；]|[:：]/;
const TOP_LINES = 8;

function titleLike(text: string): boolean {
  return text.length >= 4 && text.length <= 100 && !SENTENCE.test(text) && !CHROME.test(text);
}

/** The title from the first lines: a line ending in a notice word, joined to short lines above it. */
function titleFromText(page: Page): Found<string> | null {
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
  const first = page.lines[0];
  if (first && !first.cells && titleLike(first.span.text) && first.span.text.length <= 60) {
    return { value: tidy(first.span.text), span: first.span };
  }
  return null;
}

export function findTitle(page: Page, markup: Markup | null, locator: () => Locator): Maybe<string> | null {
  const meta = markup?.title;
  if (meta) {
    const span = locator().find(meta);
    return { value: tidy(meta), span, note: span ? null : 'title taken from <meta name="ArticleTitle">, which is not in the text' };
  }
  const found = titleFromText(page);
  return found ? { value: found.value, span: found.span, note: null } : null;
}

const PUBLISHED_LABEL = new Set(['publishedAt']);

/** A date alone on a line near the end: the notice's sign-off date. */
function signOffDate(page: Page): Found<string> | null {
  const lines = page.lines;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    const text = lines[i].span.text;
    if (text.length > 20 || lines[i].cells) continue;
    const dates = findDates(text);
    if (dates.length !== 1) continue;
    const rest = text.slice(0, dates[0].start) + text.slice(dates[0].end);
    if (rest.replace(/[\s（）()]/g, '') !== '') continue;
    const start = lines[i].span.start + dates[0].start;
    return { value: dates[0].date, span: { text: page.text.slice(start, start + dates[0].raw.length), start, end: start + dates[0].raw.length } };
  }
  return null;
}

export function findPublishedAt(page: Page, fields: Field[], markup: Markup | null, locator: () => Locator): Maybe<string> | null {
  for (const raw of [markup?.pubTime, markup?.pubDate]) {
    if (!raw) continue;
    const date = parseDate(raw);
    if (!date) continue;
    const span = locator().find(raw.trim());
    return { value: date, span, note: span ? null : 'publication date taken from the page metadata, which is not in the text' };
  }
  for (const f of fields) {
    if (!PUBLISHED_LABEL.has(f.key) || !f.value) continue;
    const dates = findDates(f.value.text);
    // "公告时间：2014年03月17日 至 2014年03月25日" is the publicity period, not the publication date.
    if (dates.length !== 1) continue;
    const start = f.value.start + dates[0].start;
    return { value: dates[0].date, span: { text: page.text.slice(start, start + dates[0].raw.length), start, end: start + dates[0].raw.length }, note: null };
  }
  const signOff = signOffDate(page);
  return signOff ? { value: signOff.value, span: signOff.span, note: null } : null;
}
