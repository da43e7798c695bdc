// The dates a result turns on, besides the publication date: when the winner was decided (成交日期,
// 中标日期, 定标日期) and the publicity period (公示期：2020年5月6日至2020年5月8日). Read from label/value
// fields, from table columns named so, and from sentences (本公示自…起至…止); every date keeps its span.
import { findDates, findPeriod } from '../../src/domain/date.ts';
import type { FoundDate, FoundPeriod } from '../../src/domain/date.ts';
import type { Field } from './fields.ts';
import { classifyLabel } from './labels.ts';
import type { FieldKey } from './labels.ts';
import type { Page, Span } from './page.ts';
import type { Table } from './tables.ts';
import { isPlaceholder } from './values.ts';
import type { Found } from './values.ts';

export interface PeriodFound {
  start: Found<string> | null;
  end: Found<string> | null;
}

/** Words that open a publicity period in a sentence: 公示期为, 公示时间：, 本公示自…, 公告期限：. */
const PERIOD_WORDS = /(公示|公告)(期限?|时间|期间|日期|时限|起止时间)|本公示|公示自|公示从|公示于/;
const WINDOW = 40;

export function dateAt(page: Page, base: number, d: FoundDate): Found<string> {
  const start = base + d.start;
  const end = base + d.end;
  return { value: d.date, span: { text: page.text.slice(start, end), start, end } };
}

/** The text of a value and of the line after it, so that a date split across two lines (2020年5月\n6日) is whole. */
function valueWithNext(page: Page, value: Span, line: number): Span {
  const next = page.lines[line + 1];
  if (!next || next.span.text.length > 30) return value;
  return { text: page.text.slice(value.start, next.span.end), start: value.start, end: next.span.end };
}

/** Dates in a field's value; when the value has none (and is no placeholder), in the next short line. */
export function fieldDates(page: Page, f: Field): { base: number; text: string; dates: FoundDate[] } | null {
  const span = f.value ?? page.lines[f.line + 1]?.span;
  if (!span) return null;
  let dates = findDates(span.text);
  let used = span;
  // …unless the value says there is none (定标日期：无): the next line is another field's.
  if (dates.length === 0 && f.value && !isPlaceholder(f.value.text)) {
    used = valueWithNext(page, f.value, f.line);
    dates = findDates(used.text);
  }
  return dates.length > 0 ? { base: used.start, text: used.text, dates } : null;
}

/** From a value to the end of its line. */
function restOfLine(page: Page, value: Span, line: number): string {
  return page.text.slice(value.start, Math.max(value.end, page.lines[line].span.end));
}

function periodAt(page: Page, base: number, p: FoundPeriod): PeriodFound {
  return { start: dateAt(page, base, p.start), end: dateAt(page, base, p.end) };
}

/** The first column of a table whose header is one of `keys`, with the first row's date in it. */
export function tableDate(page: Page, tables: Table[], keys: Set<FieldKey>): Found<string> | null {
  for (const t of tables) {
    const col = t.columns.findIndex((c) => { const k = classifyLabel(c.header.text)?.key; return k !== undefined && keys.has(k); });
    if (col < 0) continue;
    for (const row of t.rows) {
      const cell = row.cells[col];
      const d = cell ? findDates(cell.text)[0] : undefined;
      if (cell && d) return dateAt(page, cell.start, d);
    }
  }
  return null;
}

const DECISION = new Set<FieldKey>(['decisionDate']);

/** After a date in the same sentence: the winner was decided then (…于2016年11月18日…确定成交人, 于…定标). */
/** …the date of another step, though: 于2015年3月25日开标，发包人已确定中标人 opened the bids that day. */
const OTHER_STEP = /^\s*(?:上午|下午)?\s*(?:\d{1,2}\s*[:：时点]\s*(?:\d{1,2}\s*分?)?)?\s*(?:在[^，,。；;]{0,30})?(?:开标|截止|递交)/;
const DECIDED = /^[^。；;]{0,80}?(?:(?:确定|选定|评定|决定)了?(?:中标|成交|中选)(?:人|供应商|单位|结果)(?!候选)|定标(?!候选|委员|办法|原则))/;

/** 成交日期 / 中标日期 / 定标日期: in a field, else in a table column of that name, else in a sentence. */
export function findDecisionDate(page: Page, fields: Field[], tables: Table[]): Found<string> | null {
  for (const f of fields) {
    if (f.key !== 'decisionDate') continue;
    const found = fieldDates(page, f);
    if (found) return dateAt(page, found.base, found.dates[0]);
  }
  return tableDate(page, tables, DECISION) ?? decisionSentence(page);
}

function decisionSentence(page: Page): Found<string> | null {
  for (const line of page.lines) {
    if (line.cells) continue;
    for (const d of findDates(line.span.text)) {
      const after = line.span.text.slice(d.end);
      if (DECIDED.test(after) && !OTHER_STEP.test(after)) return dateAt(page, line.span.start, d);
    }
  }
  return null;
}

/** A publicity label with a single date (公示日期：2015年09月28日): the day the publicity notice went out. */
export function publicityDay(page: Page, fields: Field[]): Found<string> | null {
  for (const f of fields) {
    if (f.key !== 'publicityPeriod' || !f.value) continue;
    const dates = findDates(f.value.text);
    if (dates.length === 1 && !findPeriod(restOfLine(page, f.value, f.line))) return dateAt(page, f.value.start, dates[0]);
  }
  return null;
}

/**
 * The publicity period: a period label with two dates (公示期：…至…), separate start and end labels
 * (公示开始时间 / 公示截止时间), a publication label holding a range (公告时间：2014年03月17日 至 2014年03月25日),
 * or a sentence (本公示自2016年11月14日起至2016年11月16日止). A period label with one date gives the start.
 */
export function findPublicityPeriod(page: Page, fields: Field[]): PeriodFound | null {
  let start: Found<string> | null = null;
  let end: Found<string> | null = null;
  let single: Found<string> | null = null;
  for (const f of fields) {
    if (f.key !== 'publicityPeriod' && f.key !== 'publicityStart' && f.key !== 'publicityEnd' && f.key !== 'publishedAt') continue;
    const found = fieldDates(page, f);
    if (!found) continue;
    // A period split over cells (公示时间 | 2016年11月15日 | 至 | 2016年11月21日) reads on to the line's end.
    const range = findPeriod(found.text) ?? (f.value ? findPeriod(restOfLine(page, f.value, f.line)) : null);
    if (range && (f.key === 'publicityPeriod' || f.key === 'publishedAt')) return periodAt(page, found.base, range);
    if (f.key === 'publicityStart') start ??= dateAt(page, found.base, found.dates[0]);
    else if (f.key === 'publicityEnd') end ??= dateAt(page, found.base, found.dates[0]);
    else if (f.key === 'publicityPeriod' && found.dates.length === 1) single ??= dateAt(page, found.base, found.dates[0]);
  }
  if (start || end) return { start, end };
  const sentence = periodSentence(page);
  if (sentence) return sentence;
  return single ? { start: single, end: null } : null;
}

/** A period written in running text, its opening words on the same line or on the heading just above. */
function periodSentence(page: Page): PeriodFound | null {
  for (const line of page.lines) {
    const text = line.span.text;
    const words = PERIOD_WORDS.exec(text);
    const above = page.lines[line.index - 1];
    const headed = !words && above && above.span.text.length <= 20 && PERIOD_WORDS.test(above.span.text);
    if (!words && !headed) continue;
    const from = words ? words.index : 0;
    const range = findPeriod(text.slice(from));
    if (!range || range.start.start > WINDOW) continue;
    return periodAt(page, line.span.start + from, range);
  }
  return null;
}
