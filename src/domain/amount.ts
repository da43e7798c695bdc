// Money in notices: digits with 元/万元/亿元 units, currency marks and full-width forms, and capital
// numerals (大写). Values are computed in integer fen from the decimal digits, so no float drifts in.
// Rates (下浮率, 折扣率...) are not money and have their own parser.

export type AmountUnit = '元' | '万元' | '亿元';
export type RateKind = '下浮率' | '折扣率' | '费率' | '优惠率';

export interface ParsedAmount {
  /** The amount as an integer number of fen (1/100 yuan), rounded half up; yuan only where it is shown. */
  fen: number;
  warnings: string[];
  /** The substring of the input that gave the number. */
  matched: string;
}

export interface ParsedRate { kind: RateKind; percent: number }

/** Powers of ten that turn a number in the unit into fen. */
const FEN_EXPONENT: Record<AmountUnit, number> = { 元: 2, 万元: 6, 亿元: 10 };

/**
 * NFKC where it maps one UTF-16 unit to one (full-width digits, ￥, ：, （, ideographic space...), so every
 * offset in the result is an offset in the input too.
 */
function foldWidth(s: string): string {
  return s.replace(/[^\x00-\x7f\u4e00-\u9fff]/g, (c) => {
    const n = c.normalize('NFKC');
    return n.length === 1 ? n : c;
  });
}

/** Markup left in a value (an unrendered <fmt:formatNumber> tag) becomes spaces of the same length. */
function maskTags(s: string): string {
  return s.replace(/<[^<>]*>/g, (tag) => ' '.repeat(tag.length));
}

function prepare(raw: string): string {
  return foldWidth(maskTags(raw));
}

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}

// ---------------------------------------------------------------- capital numerals

const CAPITAL_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const PLAIN_DIGITS: Record<string, number> = {
  一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const DIGIT_VALUE: Record<string, number> = { ...CAPITAL_DIGITS, ...PLAIN_DIGITS };
const SMALL_UNITS: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };
const TEN_THOUSAND = new Set(['万', '萬']);
const HUNDRED_MILLION = new Set(['亿', '億']);
const YUAN = new Set(['元', '圆', '圓']);

/** A run of capital numerals with their units: what parseAmount looks for. */
const CAPITAL_RUN = /[零〇○壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億元圆圓角分整正]+/g;
const CAPITAL_NUMERAL = /[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]/;
const MONEY_UNIT = /[元圆圓角分]/;
/** parseCapitalAmount also accepts ordinary numerals (一百二十万元). */
const ANY_NUMERAL_RUN = /[零〇○壹贰貳叁參肆伍陆陸柒捌玖拾佰仟一二两兩三四五六七八九十百千万萬亿億元圆圓角分整正]+/g;

/** Value in fen of a run of Chinese numerals, or null if the run is not a well-formed amount. */
function capitalToFen(run: string): number | null {
  let total = 0; // groups closed by 万 or 亿
  let section = 0; // the part below 万 being built
  let digit: number | null = null;
  let lastSmall = Infinity; // units inside a section must decrease (仟 > 佰 > 拾)
  let wanClosed = false; // one 万 per 亿 group
  let yuan: number | null = null;
  let jiao = 0;
  let fen = 0;
  let numerals = 0;
  for (const ch of run) {
    if (ch in DIGIT_VALUE) {
      const value = DIGIT_VALUE[ch];
      if (digit !== null && digit !== 0 && value !== 0) return null; // 伍伍: two digits without a unit
      digit = value;
      numerals++;
    } else if (ch in SMALL_UNITS) {
      if (yuan !== null) return null;
      const unit = SMALL_UNITS[ch];
      if (unit >= lastSmall) return null;
      const d = digit ?? (unit === 10 ? 1 : null); // 拾万 is 100000; 佰 alone means nothing
      if (d === null || d === 0) return null;
      section += d * unit;
      digit = null;
      lastSmall = unit;
      numerals++;
    } else if (TEN_THOUSAND.has(ch)) {
      if (yuan !== null || wanClosed) return null;
      const group = section + (digit ?? 0);
      if (group === 0) return null;
      total += group * 1e4;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      wanClosed = true;
    } else if (HUNDRED_MILLION.has(ch)) {
      if (yuan !== null) return null;
      const group = total + section + (digit ?? 0);
      if (group === 0) return null;
      total = group * 1e8;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      wanClosed = false;
    } else if (YUAN.has(ch)) {
      if (yuan !== null) return null;
      yuan = total + section + (digit ?? 0);
      digit = null;
    } else if (ch === '角') {
      if (digit === null) return null;
      yuan ??= total + section;
      jiao = digit;
      digit = null;
    } else if (ch === '分') {
      if (digit === null) return null;
      yuan ??= total + section;
      fen = digit;
      digit = null;
    } else if (ch === '整' || ch === '正') {
      break;
    } else {
      return null;
    }
  }
  if (numerals === 0) return null;
  if (yuan === null) yuan = total + section + (digit ?? 0);
  else if (digit !== null && digit !== 0) return null; // a stray digit after 元 with no 角/分
  return yuan * 100 + jiao * 10 + fen;
}

/** Value in fen of capital (or ordinary) Chinese numerals: 壹元伍角陆分 → 156. Null when there are none. */
export function parseCapitalAmount(raw: string): number | null {
  const runs = [...prepare(raw).matchAll(ANY_NUMERAL_RUN)]
    .map((m) => ({ run: m[0], fen: capitalToFen(m[0]) }))
    .filter((r): r is { run: string; fen: number } => r.fen !== null);
  // A run with 元/角/分 is the amount; otherwise the longest (so 一、 in a heading does not win).
  const best = runs.find((r) => MONEY_UNIT.test(r.run)) ?? runs.sort((a, b) => b.run.length - a.run.length)[0];
  return best ? best.fen : null;
}

interface Candidate { start: number; end: number; fen: number | null; text: string }

/** Runs of capitals with a money unit; `fen` is null for a malformed run (人民币壹佰玖拾伍万万元整). */
function capitalCandidates(text: string, raw: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(CAPITAL_RUN)) {
    const run = m[0];
    if (!CAPITAL_NUMERAL.test(run) || !MONEY_UNIT.test(run)) continue;
    const start = m.index;
    found.push({ start, end: start + run.length, fen: capitalToFen(run), text: raw.slice(start, start + run.length) });
  }
  return found;
}

// ---------------------------------------------------------------- digits

// A number with thousands separators (comma, or a space that Word left between groups), or plain digits.
const DIGIT_AMOUNT = new RegExp(
  String.raw`((?:(?:人民币|RMB|CNY|¥)\s*:?\s*)+)?` // currency marks, possibly several (人民币 ¥:)
  + String.raw`(?<![\d.,])(\d{1,3}(?:(?:,\s?|\s)\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)` // the number
  + String.raw`(?:\s*\(\s*(亿元|万元|元)\s*\)|\s*(亿元|万元|元|亿|万))?` // a unit, maybe in brackets
  + String.raw`(\s*[%‰])?`, // a percentage is a rate, not money
  'g',
);

interface DigitCandidate {
  start: number;
  end: number;
  digits: string;
  unit: AmountUnit | null;
  currency: boolean;
  spaced: boolean;
}

function unitOf(word: string | undefined): AmountUnit | null {
  if (!word) return null;
  if (word.startsWith('亿')) return '亿元';
  if (word.startsWith('万')) return '万元';
  return '元';
}

/** A unit in brackets that ends a label right before the number: 投标报价（万元）： 890.068859. */
const LABEL_UNIT = /\(\s*(亿元|万元|元)\s*\)\s*:?\s*$/;

function digitCandidates(text: string): DigitCandidate[] {
  const found: DigitCandidate[] = [];
  for (const m of text.matchAll(DIGIT_AMOUNT)) {
    if (m[5]) continue;
    const number = m[2];
    const labelUnit = m[1] === undefined && !m[3] && !m[4] ? LABEL_UNIT.exec(text.slice(Math.max(0, m.index - 20), m.index)) : null;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      digits: number.replace(/[,\s]/g, ''),
      unit: unitOf(m[3] ?? m[4] ?? labelUnit?.[1]),
      currency: m[1] !== undefined,
      spaced: /\d\s+\d/.test(number),
    });
  }
  return found;
}

/** Fen for a decimal string in a unit, rounded half up; `rounded` says whether digits were dropped. */
function toFen(digits: string, unit: AmountUnit): { fen: number; rounded: boolean } | null {
  const [whole, fraction = ''] = digits.split('.');
  const shift = FEN_EXPONENT[unit];
  const all = whole + fraction;
  const point = whole.length + shift;
  const kept = all.length <= point ? all + '0'.repeat(point - all.length) : all.slice(0, point);
  const dropped = all.length <= point ? '' : all.slice(point);
  const fen = Number(kept) + (dropped !== '' && dropped[0] >= '5' ? 1 : 0);
  if (!Number.isSafeInteger(fen)) return null;
  return { fen, rounded: /[1-9]/.test(dropped) };
}

/**
 * Fen of an amount another source gives as a number of yuan (an OCDS value), rounded half up on its
 * shortest decimal form, so 0.285 is 29 fen and not 28; `rounded` says whether digits were dropped.
 * Null for a negative, infinite or unsafe value.
 */
export function fenFromYuan(yuan: number): { fen: number; rounded: boolean } | null {
  if (!Number.isFinite(yuan) || yuan < 0) return null;
  const decimal = String(yuan);
  if (/e/i.test(decimal)) return yuan < 1 ? { fen: 0, rounded: yuan > 0 } : null;
  return toFen(decimal, '元');
}

/** Yuan of an amount in fen: for the edges that show yuan (the API's Money, exports). */
export function yuanFromFen(fen: number): number {
  return fen / 100;
}

/** True when nothing but punctuation and spaces surrounds the candidate: the text is just a number. */
function standsAlone(text: string, c: DigitCandidate): boolean {
  const rest = text.slice(0, c.start) + text.slice(c.end);
  return rest.replace(/[\s\p{P}\p{S}]/gu, '') === '';
}

/**
 * The amount in a field value or table cell, in fen. The unit written in the text wins over
 * `opts.unit` (a column header such as 成交金额(万元)). When capital numerals are present too, they are
 * checked against the digits; the digits win and a mismatch is reported in `warnings`.
 * Returns null when the text holds no amount (rates such as 下浮率8.5% are not amounts).
 */
export function parseAmount(raw: string, opts?: { unit?: AmountUnit }): ParsedAmount | null {
  const text = prepare(raw);
  const digits = digitCandidates(text);
  const capitals = capitalCandidates(text, raw);
  const money = digits.filter((c) => c.unit !== null || c.currency);
  const chosen = money[0] ?? (digits.length === 1 && standsAlone(text, digits[0]) ? digits[0] : undefined);

  const warnings = capitals.filter((c) => c.fen === null).map((c) => `capital amount "${c.text}" is malformed; ignored`);
  const readable = capitals.filter((c): c is Candidate & { fen: number } => c.fen !== null);

  if (!chosen) {
    const capital = readable[0];
    if (!capital) return null;
    if (readable.length > 1) warnings.push(`${readable.length} amounts in the text; used the first`);
    if (capital.fen === 0) warnings.push('amount is zero');
    return { fen: capital.fen, warnings, matched: capital.text };
  }

  const matched = raw.slice(chosen.start, chosen.end);
  let unit: AmountUnit;
  if (chosen.unit) {
    unit = chosen.unit;
    if (opts?.unit && opts.unit !== chosen.unit) warnings.push(`unit ${chosen.unit} in "${matched}" overrides the given unit ${opts.unit}`);
  } else if (opts?.unit) {
    unit = opts.unit;
  } else {
    unit = '元';
    if (!chosen.currency) warnings.push(`no unit given for "${matched}"; assumed 元`);
  }
  const value = toFen(chosen.digits, unit);
  if (!value) return null;
  if (value.rounded) warnings.push(`"${matched}" rounded to the fen`);
  if (chosen.spaced) warnings.push(`digits separated by spaces were joined in "${matched}"`);
  const others = new Set(money.slice(1).map((c) => toFen(c.digits, c.unit ?? unit)?.fen).filter((f) => f !== value.fen));
  if (others.size > 0) warnings.push(`${others.size + 1} different amounts in the text; used the first, "${matched}"`);
  for (const capital of readable) {
    if (capital.fen !== value.fen) {
      warnings.push(`capital amount "${capital.text}" (${formatYuan(capital.fen)}) disagrees with "${matched}" (${formatYuan(value.fen)}); used the digits`);
    }
  }
  if (value.fen === 0) warnings.push('amount is zero');
  return { fen: value.fen, warnings, matched };
}

// ---------------------------------------------------------------- rates

const RATE_KINDS = '下浮率|折扣率|费率|优惠率';
const RATE_AFTER_LABEL = new RegExp(String.raw`(${RATE_KINDS})\s*(\(\s*%\s*\))?\s*(?:[:=]|为|是)?\s*(\d+(?:\.\d+)?)\s*(%)?`);
const RATE_BEFORE_LABEL = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*%\s*\(?\s*(${RATE_KINDS})`);

/** A bid given as a rate (下浮率8.5%, 折扣率：95%, 费率(%)：1.2). Null when no rate with a percentage is found. */
export function parseRate(raw: string): ParsedRate | null {
  const text = prepare(raw);
  let kind: string | undefined;
  let percent: number | undefined;
  const after = RATE_AFTER_LABEL.exec(text);
  if (after && (after[2] || after[4])) {
    kind = after[1];
    percent = Number(after[3]);
  } else {
    const before = RATE_BEFORE_LABEL.exec(text);
    if (before) {
      kind = before[2];
      percent = Number(before[1]);
    }
  }
  if (kind === undefined || percent === undefined || !(percent >= 0 && percent <= 100)) return null;
  return { kind: kind as RateKind, percent };
}
