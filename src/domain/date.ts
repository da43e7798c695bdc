// Calendar dates in notices: 2016年11月30日, 2016-11-30 15:58:59, 2016/11/30, 2016.11.30, full-width digits,
// and Chinese numerals (二○一六年11月 14 日, 二○一七年八月十五日). Only whole, valid dates count: a year and
// month alone, or 2月30日, are not dates.

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  /** Offsets of `raw` in the searched text. */
  start: number;
  end: number;
  raw: string;
}

/** Dates outside this range are treated as typos or other numbers. */
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

/** NFKC where it maps one UTF-16 unit to one, so offsets in the result are offsets in the input. */
function foldWidth(s: string): string {
  return s.replace(/[^\x00-\x7f\u4e00-\u9fff]/g, (c) => {
    const n = c.normalize('NFKC');
    return n.length === 1 ? n : c;
  });
}

const NUMERAL: Record<string, number> = {
  〇: 0, '○': 0, 零: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** A year in digits or written digit by digit in Chinese numerals (二○一六). */
function yearValue(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  let year = 0;
  for (const ch of s) {
    const d = NUMERAL[ch];
    if (d === undefined) return null;
    year = year * 10 + d;
  }
  return year;
}

/** A month or day in digits, or in Chinese numerals up to 三十一 (also 廿 and 卅). */
function smallValue(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (/^\d{1,2}$/.test(t)) return Number(t);
  const digit = (ch: string | undefined): number | null => (ch === undefined ? null : NUMERAL[ch] ?? null);
  const tenAt = t.indexOf('十');
  if (tenAt !== -1) {
    if (tenAt > 1 || t.length > tenAt + 2) return null;
    const tens = tenAt === 0 ? 1 : digit(t[0]);
    const units = t.length === tenAt + 1 ? 0 : digit(t[tenAt + 1]);
    return tens === null || units === null ? null : tens * 10 + units;
  }
  if (t[0] === '廿' || t[0] === '卅') {
    if (t.length > 2) return null;
    const units = t.length === 1 ? 0 : digit(t[1]);
    return units === null ? null : (t[0] === '廿' ? 20 : 30) + units;
  }
  return t.length === 1 ? digit(t) : null;
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const CN_YEAR = '[〇○零Oo一二三四五六七八九]{4}';
const CN_SMALL = '[一二三四五六七八九十廿卅]{1,3}';
const DATE = new RegExp(
  // 2016年11月30日, 二○一七年八月十五日, 二○一六年11月 14 日 (spaces between parts are common)
  String.raw`(?<![\d])(\d{4}|${CN_YEAR})\s*年\s*(\d{1,2}|${CN_SMALL})\s*月\s*(\d{1,2}(?!\d)|${CN_SMALL})(?:\s*[日号])?`
  // 2016-11-30, 2016/11/30, 2016.11.30 (one separator throughout)
  // (a time glued to the day, as page text run together gives it: 2020-11-2318:40)
  + String.raw`|(?<![\d.])(\d{4})\s?([-/.])\s?(\d{1,2})\s?\5\s?(\d{1,2})(?:(?![\d])|(?=\d{1,2}[:：]\d{2}))`,
  'g',
);

/** Every valid date in `text`, in order, with offsets into `text`. */
export function findDates(text: string): FoundDate[] {
  const folded = foldWidth(text);
  const found: FoundDate[] = [];
  for (const m of folded.matchAll(DATE)) {
    const [year, month, day] = m[1] !== undefined
      ? [yearValue(m[1]), smallValue(m[2]), smallValue(m[3])]
      : [Number(m[4]), Number(m[6]), Number(m[7])];
    if (year === null || month === null || day === null) continue;
    const date = validDate(year, month, day);
    if (!date) continue;
    found.push({ date, start: m.index, end: m.index + m[0].length, raw: text.slice(m.index, m.index + m[0].length) });
  }
  return found;
}

/** The first valid date in `raw` as YYYY-MM-DD, or null. A time after the date is ignored. */
export function parseDate(raw: string): string | null {
  return findDates(raw)[0]?.date ?? null;
}

export interface FoundPeriod {
  start: FoundDate;
  end: FoundDate;
}

/** Between the two ends of a period: 至, 到, —, ~, also after a time of day (2020年5月6日9:00至…). */
const RANGE_GAP = /^\s*(?:[(（]?\s*(?:\d{1,2}\s*[:：时点]\s*(?:\d{1,2}\s*分?)?(?:\s*[:：]\s*\d{1,2})?(?:\s*秒)?|上午|下午|\d{1,2}\s*[时点]整?)\s*[)）]?\s*)?(?:起)?\s*(?:至|到|止|—+|－+|-+|~|～|–)\s*(?:[(（]?\s*(?:上午|下午)\s*[)）]?)?\s*/;
/** An end written without its year (至5月8日) or its month (至8日): it takes them from the start. */
const SHORT_END = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|^(\d{1,2})\s*[日号]/;

/**
 * A period written as two dates joined by a range word: 自2020年5月6日至2020年5月8日,
 * 2017年1月9日—— 2017年1月11日, 2020年5月6日9:00至5月8日17:00 (the end takes the start's year). The
 * end must not come before the start.
 */
export function findPeriod(text: string): FoundPeriod | null {
  const folded = foldWidth(text);
  const dates = findDates(text);
  for (const start of dates) {
    const gap = RANGE_GAP.exec(folded.slice(start.end));
    if (!gap) continue;
    const at = start.end + gap[0].length;
    const next = dates.find((d) => d.start === at);
    let end: FoundDate | null = next ?? null;
    if (!end) {
      const short = SHORT_END.exec(folded.slice(at));
      if (short) {
        const [y, m] = start.date.split('-').map(Number);
        const month = short[1] !== undefined ? Number(short[1]) : m;
        const day = Number(short[2] ?? short[3]);
        const date = validDate(y, month, day);
        if (date) end = { date, start: at, end: at + short[0].length, raw: text.slice(at, at + short[0].length) };
      }
    }
    if (end && end.date >= start.date) return { start, end };
  }
  return null;
}
