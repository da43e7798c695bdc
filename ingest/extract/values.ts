// Field values made into Notice values: money, rates, names, codes, methods. Each reader returns the
// value with the span it came from, or null; problems become warnings, never guesses.
import { parseAmount, parseRate } from '../../src/domain/amount.ts';
import type { RateKind } from '../../src/domain/amount.ts';
import { canonicalName, looksLikeCompanyName } from '../../src/domain/names.ts';
import { PERSON_NAME, smallNumber } from './labels.ts';
import type { AmountUnit, LabelInfo } from './labels.ts';
import { subSpan, tidy, trimTrailingPunctuation, unwrapped } from './page.ts';
import type { Page, Span } from './page.ts';

export interface Found<T> {
  value: T;
  span: Span;
}

/** An amount found in the text; `value` is in integer fen. */
export interface MoneyFound extends Found<number> {
  warnings: string[];
}

/** Values that stand for "nothing here" or "look elsewhere", or a form's blank for a seal or signature ((盖单位章)). */
const PLACEHOLDER = /^[\s/\\—\-－_.。*×xX无空略]*$|^(无|暂无|空|略|同上|待定|不详|未知|\/+|-+|—+|－+)$|见公告原文|详见|见附件|见公告|见下表|见上表|附件|另行公告|^见|^[（(](?:加盖|盖)?(?:单位)?(?:公章|印章|签章|章|签字|签名|盖章|签字或盖章|签字盖章)[)）]$/;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.replace(/\s+/g, ''));
}

/** Says "see the original" instead of a name (见公告原文, 详见公告). */
export function isSeeOriginal(text: string): boolean {
  return /见.{0,4}(原文|公告|附件)|详见/.test(text);
}

/** What a price may be given per (每人每月, 每平方米, 每台): a year's figure (每年) is a sum still. */
const PER = String.raw`每\s*(?:人|位|名|台|套|件|个|只|平方米|平米|㎡|吨|公里|千米|米|次|天|日|小时|月|车|床|间|户|亩|辆|张|册|本)`;
/**
 * The value's first number a price per unit: its words right before it (每人每月2474.00元) or right after it (2474元每人
 * 每月). A sum with a per-unit note after it (1,200,000元（每月100,000元）) is a sum.
 */
const PRICE_PER = new RegExp(String.raw`^\D*?${PER}(?:\s*${PER})?[^\d，,；;。]{0,6}\d|^\D*\d[\d,.]*\s*(?:万?元)\s*[（(]?\s*[/／∕]?\s*${PER}`);

/** The value's first number a price per unit written with a slash (400元/天, 1132（元/人）), not a note's (…元（其中3.2元/月）). */
const PRICE_PER_SLASH = /^\D*\d[\d,.]*\s*[（(]?\s*万?元\s*[/／∕]\s*[\u4e00-\u9fff]/;

/** 400元/天, 单价合计（元/人）：1132, 每人每月2474.00元: a price per unit, no award's value. */
export function isUnitPrice(text: string): boolean {
  return PRICE_PER_SLASH.test(text) || PRICE_PER.test(text);
}

/** An amount's text that is no sum: a price per unit (1132元/人, 单价：1132（元）, a 单价（元/人） column) or a rate (0.8%, 下浮15%). */
export function notASum(text: string, unit: AmountUnit | 'per' | null): boolean {
  // A percentage with no sum in 元 beside it (3.5（%）, 按审定金额的0.8%收取); 100万元（优惠率5%） is a sum.
  return unit === 'per' || isUnitPrice(text) || /单价/.test(text) || (/\d\s*[（(]?\s*[%％‰]/.test(text) && !/元/.test(text));
}

/** An amount of money in a value; `unit` comes from the label or the column header. */
export function readMoney(page: Page, span: Span, unit: AmountUnit | 'per' | null): MoneyFound | null {
  if (unit === 'per' || isPlaceholder(span.text)) return null;
  if (isUnitPrice(span.text)) return null;
  const parsed = parseAmount(span.text, unit ? { unit } : undefined);
  if (!parsed) return null;
  return { value: parsed.fen, span: trimTrailingPunctuation(page, span), warnings: parsed.warnings };
}

const RATE_BY_LABEL: [RegExp, RateKind][] = [
  [/下浮|降点|降幅/, '下浮率'],
  [/折扣/, '折扣率'],
  [/费率/, '费率'],
  [/优惠/, '优惠率'],
];
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/;

/** A bid given as a rate: in the value itself (下浮率8.5%) or a rate label with a percentage value. */
export function readRate(page: Page, span: Span, label: LabelInfo | null): Found<{ kind: RateKind; percent: number }> | null {
  const own = parseRate(span.text);
  if (own) return { value: own, span: trimTrailingPunctuation(page, span) };
  if (!label || label.key !== 'rate') return null;
  const kind = RATE_BY_LABEL.find(([re]) => re.test(label.norm))?.[1];
  const percent = PERCENT.exec(span.text) ?? (/\(%\)|%/.test(label.norm) ? /^\s*(\d+(?:\.\d+)?)\s*$/.exec(span.text) : null);
  if (!kind || !percent) return null;
  const value = Number(percent[1]);
  if (!(value >= 0 && value <= 100)) return null;
  return { value: { kind, percent: value }, span: trimTrailingPunctuation(page, span) };
}

// Where a name written in a field stops: a date, a seal note, a contact label, a trailing province tag.
const NAME_END = /\s*(?:\d{4}\s*年|(?<=[\u3400-\u9fff)）])[¥￥]?\d[\d,.]*\s*(?:万元|亿元|元)|（?\(?\s*(?:单位)?(?:公章|盖章|签章|印章)|[（(]\s*(?:单位)?章\s*[)）]|(?<=\S)\s+\(?(?:0\d{2,3}\)?[-－]?)?\d{7,8}(?!\d)|联系人|联系电话|电话|法人代表|法定代表人|地址[:：]?|[（(]?\s*(?:统一)?社会信用代码|[，,；;。]).*$/;
const PROVINCE_TAG = /[/／](北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)$/;

/** A form's placeholder between runs of one symbol before the name it stands for: &&&招标人盖章位置2&&&南京… */
const PLACEHOLDER_MARK = /^([&#*$%@~^=_])\1+.*?\1\1+/;

/** The lot a party is named for, in brackets before its name: 采购人：（品目一）某某委员会. */
const LOT_NOTE_FIRST = /^[（(]\s*(?:品目|包|标段|标包|分包|第)[^（()）]{0,6}[)）]\s*/;

/** Question marks where a page's encoding lost its spaces (????? ??某某勘察院): no part of the name after them. */
const LOST_CHARACTERS = /^[?？][?？\s\u3000]*(?=[\u3400-\u9fff])/;

/** The part of a value that is a name, cut before dates, seal notes and contact details. */
export function nameSpan(page: Page, whole: Span): Span | null {
  const mark = PLACEHOLDER_MARK.exec(whole.text) ?? LOT_NOTE_FIRST.exec(whole.text) ?? LOST_CHARACTERS.exec(whole.text);
  const span = mark ? subSpan(page, whole, mark[0].length, whole.text.length) : unwrapped(page, whole);
  let text = span.text.replace(NAME_END, '');
  const tag = PROVINCE_TAG.exec(text);
  if (tag) text = text.slice(0, tag.index);
  const cut = subSpan(page, span, 0, text.length);
  const clean = trimTrailingPunctuation(page, cut);
  if (!clean.text || isPlaceholder(clean.text) || clean.text.length > 80) return null;
  if (!/[\u3400-\u9fffA-Za-z]{2}/.test(clean.text)) return null;
  // A name starts with a letter, a digit or an opening bracket; symbols first are some other mark, never a name.
  if (!/^[\p{L}\p{N}（(【\[《“"]/u.test(clean.text)) return null;
  const twice = NAMED_TWICE.exec(clean.text);
  return twice ? subSpan(page, clean, 0, twice[1].length) : clean;
}

/** A name, a space, the same name: a crawler joined the label's cell and a table's caption cell that repeats it. */
const NAMED_TWICE = /^(\S{4,})\s+\1$/;

/**
 * A buyer's or agency's name: canonical spelling of a name span. A person's name alone is not one: it is a contact
 * listed under the party's role (（3）招标代理机构：祁某某 0937-…).
 */
export function partyNameOf(page: Page, span: Span): Found<string> | null {
  const s = nameSpan(page, withoutListedContact(page, span));
  if (!s) return null;
  const name = canonicalName(s.text).name;
  if (PERSON_NAME.test(name) && !looksLikeCompanyName(name)) return null;
  return name ? { value: name, span: s } : null;
}

/** 某某招标有限公司、某某市某某路476号、邮编…: a party's name and then its address and contact, listed with 、. */
function withoutListedContact(page: Page, span: Span): Span {
  const listed = span.text.indexOf('、');
  if (listed <= 0 || !looksLikeCompanyName(span.text.slice(0, listed))) return span;
  return looksLikeCompanyName(span.text.slice(listed + 1).split('、')[0]) ? span : subSpan(page, span, 0, listed);
}

export function addressOf(page: Page, span: Span): Found<string> | null {
  const s = trimTrailingPunctuation(page, span);
  if (!s.text || isPlaceholder(s.text) || !/[\u3400-\u9fff]/.test(s.text)) return null;
  return { value: tidy(s.text), span: s };
}

// Hyphens include the full-width and typographic ones codes are typed with (2016-KJBJ－1008-2, KXZBF—2015—131).
// Brackets include braces, full-width square ones and the small forms (晋锦招{2015}b010号, ｌｃｃｇ［2015］007号,
// 宜政采谈﹝2015﹞26号), letters the full-width ones.
const CODE_TOKEN = /[A-Za-z0-9\uff21-\uff3a\uff41-\uff5a\u3400-\u9fff[\]〔〕【】（）(){}［］｛｝﹝﹞\-_#/.－‐‑–—]*\d[A-Za-z0-9\uff21-\uff3a\uff41-\uff5a\u3400-\u9fff[\]〔〕【】（）(){}［］｛｝﹝﹞\-_#/.－‐‑–—]*/g;

/**
 * A code of Latin letters and digits that runs straight into words (page text with its breaks lost:
 * 招标编号:S110000A001021220002本石景山区…, HTWZ2020-06各投标人) ends where the words start. Codes that
 * start with words (赣建洪招字【2026】第01号, 徐采中招2026-040) or end with 号 (HZZFCG2016货字406号, …（东2026010号）) are
 * left whole.
 */
const RUN_ON_CODE = /^[A-Za-z0-9][A-Za-z0-9\-_#/.]{4,}(?=[〕】\])）]?[\u3400-\u9fff])/;

function runOnCut(token: { text: string; index: number }): { text: string; index: number } {
  if (/号[)）]?$/.test(token.text)) return token;
  const m = RUN_ON_CODE.exec(token.text);
  // A code whose Latin part ends in a joiner goes on in words (330783263601470000008-浙建航招（东2026010号）).
  return m && /\d/.test(m[0]) && !/[-_#/.]$/.test(m[0]) ? { text: m[0], index: token.index } : token;
}

/** A bracket the code opens but does not close is the lots' note after it (TAHP-ZB-2023-1790（1-12 包）). */
function unclosedCut(token: { text: string; index: number }): { text: string; index: number } {
  const open = token.text.search(/[（(〔【\[［｛{][^）)〕】\]］｝}]*$/);
  return open > 0 ? { text: token.text.slice(0, open), index: token.index } : token;
}

/** A project code; when the field lists several, the first is kept and the rest reported. */
export function projectCodeOf(page: Page, span: Span): (Found<string> & { others: string[] }) | null {
  const s = trimTrailingPunctuation(page, span);
  if (!s.text || isPlaceholder(s.text) || s.text.length > 120) return null;
  const tokens: { text: string; index: number }[] = [];
  for (const m of s.text.matchAll(CODE_TOKEN)) {
    if (m[0].length >= 3) tokens.push({ text: m[0], index: m.index ?? 0 });
  }
  if (tokens.length === 0) return null;
  // A code typed with a space before its joiner (XJZCYSCS2026 -018) is one code.
  while (tokens.length > 1 && /^[-－—_/]/.test(tokens[1].text) && /^[ \t]+$/.test(s.text.slice(tokens[0].index + tokens[0].text.length, tokens[1].index))) {
    const joined = s.text.slice(tokens[0].index, tokens[1].index + tokens[1].text.length);
    tokens.splice(0, 2, { text: joined, index: tokens[0].index });
  }
  // A template's number spaced out between 第 and 号 (农垦招备（公）字（2015sg）第 003 号) is the code's own.
  const spaced = /第$/.test(tokens[0].text) ? /^[ \t]*\d{1,6}[ \t]*号/.exec(s.text.slice(tokens[0].index + tokens[0].text.length)) : null;
  if (spaced) {
    const end = tokens[0].index + tokens[0].text.length + spaced[0].length;
    tokens.splice(0, tokens.filter((t) => t.index < end).length, { text: s.text.slice(tokens[0].index, end), index: tokens[0].index });
  }
  // A letters-only prefix spaced off the number (ydzcg 2015-zb069, jsgjzx [2015]003b) is the code's own.
  const prefix = /^([A-Za-z]{2,12})[ \t]+$/.exec(s.text.slice(0, tokens[0].index));
  if (prefix) tokens[0] = { text: s.text.slice(0, tokens[0].index + tokens[0].text.length), index: 0 };
  const first = unclosedCut(runOnCut(tokens[0]));
  const between = (a: { text: string; index: number }, b: { text: string; index: number }) =>
    s.text.slice(a.index + a.text.length, b.index);
  // Only separate numbers count as "several": 16A4937,16A5022 — not words around one code.
  const others = tokens.slice(1).filter((t, i) => /^[\s,，、;；和及]+$/.test(between(i === 0 ? first : tokens[i], t)))
    .map((t) => t.text);
  const codeSpan = subSpan(page, s, first.index, first.index + first.text.length);
  return { value: codeSpan.text.replace(/[ \t]+/g, ''), span: codeSpan, others };
}

const METHODS = ['公开招标', '邀请招标', '竞争性谈判', '竞争性磋商', '单一来源', '询价', '框架协议', '竞争性比选', '网上竞价',
  '电子竞价', '比选', '竞价', '协议供货', '定点采购'];
const CHECKED = /[√☑■✔✓]\s*([\u3400-\u9fff]{2,8})/;

/** The procurement method, in the domain's words (公开招标, 竞争性谈判...). */
export function methodOf(page: Page, span: Span): Found<string> | null {
  const s = trimTrailingPunctuation(page, span);
  if (!s.text || isPlaceholder(s.text)) return null;
  const checked = CHECKED.exec(s.text);
  if (checked) {
    const method = METHODS.find((m) => checked[1].startsWith(m)) ?? checked[1];
    return { value: method, span: subSpan(page, s, checked.index, checked.index + checked[0].length) };
  }
  if (/[□☐]/.test(s.text)) return null;
  const found = METHODS.filter((m) => s.text.includes(m));
  const distinct = found.filter((m) => !found.some((o) => o !== m && o.includes(m)));
  if (distinct.length === 1) {
    const at = s.text.indexOf(distinct[0]);
    return { value: distinct[0], span: subSpan(page, s, at, at + distinct[0].length) };
  }
  return null;
}

/** The lot's identifier: 分包号 1, 第6包, 第一标包, 1包, 标项1, A包 → "1", "6", "1", "1", "1", "A". */
export function lotIdOf(text: string): string | null {
  const t = text.replace(/\s+/g, '').replace(/[：:]$/, '');
  if (!t || isPlaceholder(t)) return null;
  // A package code of a letter or two and a number (P02, A1) is kept as written.
  if (/^[A-Za-z]{1,2}\d{1,3}$/.test(t)) return t.toUpperCase();
  const m = /^(?:第)?([A-Za-z]{1,2}|\d{1,3}|[一二三四五六七八九十]{1,3})(?:标包|包件|包|标段|标项|分包|合同包|号包|标)?(?:入围)?$/.exec(t)
    ?? /^(?:分包号|包号|标包|标段|标项|分包|合同包|包件|采购包|包)(?:号)?[:：]?([A-Za-z]|\d{1,3}|[一二三四五六七八九十]{1,3})$/.exec(t)
    ?? /[(（]包([一二三四五六七八九十\d]{1,3})[)）]$/.exec(t);
  if (!m) return null;
  const id = m[1];
  if (/^[A-Za-z]$/.test(id)) return id.toUpperCase();
  // Lettered lots past z go on aa, ab…: kept as written.
  if (/^[A-Za-z]{2}$/.test(id)) return id;
  const n = smallNumber(id);
  return n === null ? null : String(n);
}
