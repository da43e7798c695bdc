// How notices number their lots (包, 标段, 品目…): the words, and the lots a heading or a sentence names.
import { smallNumber } from './labels.ts';

/** Words written before a lot's number: 品目 7, 包2, 标段3, 合同包1. */
export const LOT_WORDS_BEFORE = '品目|标项|包号|分包号|分包|标段|标包|合同包|采购包|包';
/** Words written after it: 第3包, 第2标段. */
export const LOT_WORDS_AFTER = '包|标段|标包|分包|标项|合同包|包件|分标';

/** A lot's number: digits, Chinese numerals, or one Roman numeral character (ⅲ标段). */
export const LOT_NUMBER = String.raw`(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[\u2160-\u216b\u2170-\u217b])`;
const NUMBERS = String.raw`${LOT_NUMBER}(?:\s*(?:-|－|—|~|～|至|、|,|，)\s*${LOT_NUMBER})*`;
/** The lot's own name in brackets (标段一（智慧政务）：, 合同包1(动物疫病检测试剂（第1包）):), unless the brackets say the lot failed. */
const LOT_NAME = String.raw`(?:[(（](?![^()（）]*(?:流标|废标|失败|终止|无效))(?:[^()（）]|[(（][^()（）]{1,20}[)）]){1,40}[)）])?`;
/**
 * A heading that opens one lot or a run of lots, alone on its line or before a colon: 品目 7, 品目 14-15：,
 * 品目 45、46：, 第3-5包：, 1标段, 标段一（智慧政务）：, or one lot lettered: A分标：, B包：.
 */
const LOT_HEADING = new RegExp(String.raw`^(?:(?:${LOT_WORDS_BEFORE})号?\s*(${NUMBERS})|第?\s*(${NUMBERS})\s*(?:${LOT_WORDS_AFTER})|([A-Za-z])\s*(?:${LOT_WORDS_AFTER}))\s*${LOT_NAME}\s*(?:[:：]\s*)?$`);
const MAX_LOTS_IN_RANGE = 30;
/** One lot's heading with its name after the colon: 01包：数字式监测系统采购, 第2包：输液泵采购, 包3：A4纸. */
const NAMED_LOT_HEADING = new RegExp(String.raw`^(?:(?:${LOT_WORDS_BEFORE})号?\s*(${LOT_NUMBER})|(?:第\s*)?(${LOT_NUMBER})\s*(?:${LOT_WORDS_AFTER})|([A-Za-z])\s*(?:${LOT_WORDS_AFTER}))`
  + String.raw`\s*${LOT_NAME}\s*[:：]\s*[^:：]{2,60}$`);
/** Words that make the text after the colon a field's value (第1包：中标单位X, 包2：成交金额…), not a lot's name. */
const NOT_A_LOT_NAME = /中标|成交|中选|供应商|单位|金额|报价|价格|预算|废标|流标|[\d.]+\s*(?:万?元|%)/;

/** The match of a one-lot heading with its name after it, in LOT_HEADING's groups; null when it is not one. */
function namedLotHeading(text: string): RegExpExecArray | null {
  const m = NAMED_LOT_HEADING.exec(text);
  if (!m || NOT_A_LOT_NAME.test(text.slice(text.search(/[:：]/) + 1))) return null;
  return m;
}
/**
 * A lot run into the label after it in the middle of a line, after the last value's full stop or comma
 * (第一包中标人：X，43000元。第二包中标人：Y，39500元。): the lot's words, which end the value before them.
 */
export const LOT_BEFORE_LABEL = new RegExp(String.raw`(?<=[。；;，,\s])(?:第\s*)?(?:${LOT_NUMBER}|[A-Za-z]{1,2})\s*(?:${LOT_WORDS_AFTER})\s*$`);
/** A lot named inside a sentence: 第2包, 第二包, 包2, 标段 3, 品目 84, B分标, 包A. */
const LOT_NAMED = new RegExp(String.raw`第\s*(${LOT_NUMBER})\s*(?:${LOT_WORDS_AFTER})|(?:${LOT_WORDS_BEFORE})\s*号?\s*(\d{1,3}|[A-Za-z](?![A-Za-z]))(?!\d)`
  + String.raw`|(?<![A-Za-z])([A-Za-z])\s*(?:${LOT_WORDS_AFTER})`, 'g');

/** The lots a heading names: 14-15 → 14, 15; 45、46 → 45, 46. Null when it names none or too many. */
export function lotsOfHeading(text: string): string[] | null {
  const m = LOT_HEADING.exec(text.trim()) ?? namedLotHeading(text.trim());
  if (!m) return null;
  if (m[3]) return [m[3].toUpperCase()];
  const list = (m[1] ?? m[2]).replace(/\s+/g, '');
  const out: number[] = [];
  for (const part of list.split(/[、,，]/)) {
    const range = /^([^-－—~～至]+)(?:[-－—~～至]([^-－—~～至]+))?$/.exec(part);
    const from = range ? smallNumber(range[1]) : null;
    const to = range?.[2] === undefined ? from : smallNumber(range[2]);
    if (from === null || to === null || to < from || to - from >= MAX_LOTS_IN_RANGE) return null;
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out.length > 0 ? out.map(String) : null;
}

/** The lots a sentence names (第2包…因…无效: 2), as lotKeyOf gives them; null when none. */
export function lotsNamed(text: string): string[] | null {
  const lots = [...text.matchAll(LOT_NAMED)].map((m) => lotKeyOf(m[1] ?? m[2] ?? m[3]));
  return lots.length > 0 ? lots : null;
}

/** One form of a lot's number for comparing: 02 → 2, 二 → 2, b → B. */
export function lotKeyOf(value: string): string {
  const v = value.trim();
  const n = smallNumber(v);
  return n !== null ? String(n) : v.toUpperCase();
}

/**
 * A lot numbered inside its own name (…项目三标段施工, …第2包, 标段3, …项目（一包）): 第 or a word that only numbers lots (标段, not
 * 包, which also counts things: 500包). A number after another (一、二标段, 1-3标段, 第1至3包) is part of a run.
 */
const LOT_IN_NAME = new RegExp(String.raw`(?<![\d一二三四五六七八九十、,，\-－—~～至])(?:第\s*(${LOT_NUMBER})\s*(?:${LOT_WORDS_AFTER})|(${LOT_NUMBER})\s*(?:标段|标包|分标))(?![a-zA-Z\d])`
  + String.raw`|(?:标段|标包|分标|合同包|采购包)\s*(${LOT_NUMBER})(?![\d一二三四五六七八九十、,，\-－—~～至])`
  // a lot in brackets of its own: …家具采购项目（一包）
  + String.raw`|[(（]\s*(${LOT_NUMBER})\s*(?:包|标段|标包|分标)\s*[)）]`, 'g');
const LOT_RUN = new RegExp(String.raw`${LOT_NUMBER}\s*(?:[、,，]|[-－—~～至])\s*${LOT_NUMBER}\s*(?:${LOT_WORDS_AFTER})`);
/** The one lot a lot's name numbers; null when it numbers none or several, or a run (一、二标段, 1-3标段). */
export function lotOfName(text: string): { id: string; at: number; length: number } | null {
  if (LOT_RUN.test(text)) return null;
  const found = [...text.matchAll(LOT_IN_NAME)];
  if (found.length !== 1) return null;
  const n = smallNumber(found[0][1] ?? found[0][2] ?? found[0][3] ?? found[0][4]);
  return n === null ? null : { id: String(n), at: found[0].index, length: found[0][0].length };
}
