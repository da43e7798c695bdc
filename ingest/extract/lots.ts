// How notices number their lots (包, 标段, 品目…): the words, and the lots a heading or a sentence names.

/** Words written before a lot's number: 品目 7, 包2, 标段3, 合同包1. */
export const LOT_WORDS_BEFORE = '品目|标项|包号|分包号|分包|标段|标包|合同包|采购包|包';
/** Words written after it: 第3包, 第2标段. */
export const LOT_WORDS_AFTER = '包|标段|标包|分包|标项|合同包|包件|分标';

const NUMBERS = String.raw`\d{1,3}(?:\s*(?:-|－|—|~|～|至|、|,|，)\s*\d{1,3})*`;
/**
 * A heading that opens one lot or a run of lots, alone on its line or before a colon: 品目 7, 品目 14-15：,
 * 品目 45、46：, 第3-5包：, or one lot lettered: A分标：, B包：.
 */
const LOT_HEADING = new RegExp(String.raw`^(?:(?:${LOT_WORDS_BEFORE})号?\s*(${NUMBERS})|第\s*(${NUMBERS})\s*(?:${LOT_WORDS_AFTER})|([A-Za-z])\s*(?:${LOT_WORDS_AFTER}))\s*(?:[:：]\s*)?$`);
const MAX_LOTS_IN_RANGE = 30;
/** A lot named inside a sentence: 第2包, 包2, 标段 3, 品目 84, B分标, 包A. */
const LOT_NAMED = new RegExp(String.raw`第\s*(\d{1,3})\s*(?:${LOT_WORDS_AFTER})|(?:${LOT_WORDS_BEFORE})\s*号?\s*(\d{1,3}|[A-Za-z](?![A-Za-z]))(?!\d)`
  + String.raw`|(?<![A-Za-z])([A-Za-z])\s*(?:${LOT_WORDS_AFTER})`, 'g');

/** The lots a heading names: 14-15 → 14, 15; 45、46 → 45, 46. Null when it names none or too many. */
export function lotsOfHeading(text: string): string[] | null {
  const m = LOT_HEADING.exec(text.trim());
  if (!m) return null;
  if (m[3]) return [m[3].toUpperCase()];
  const list = (m[1] ?? m[2]).replace(/\s+/g, '');
  const out: number[] = [];
  for (const part of list.split(/[、,，]/)) {
    const range = /^(\d+)(?:[-－—~～至](\d+))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from || to - from >= MAX_LOTS_IN_RANGE) return null;
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out.length > 0 ? out.map(String) : null;
}

/** The lots a sentence names (第2包…因…无效: 2), as lotKeyOf gives them; null when none. */
export function lotsNamed(text: string): string[] | null {
  const lots = [...text.matchAll(LOT_NAMED)].map((m) => lotKeyOf(m[1] ?? m[2] ?? m[3]));
  return lots.length > 0 ? lots : null;
}

/** One form of a lot's number for comparing: 02 → 2, b → B. */
export function lotKeyOf(value: string): string {
  const v = value.trim();
  return /^\d+$/.test(v) ? String(Number(v)) : v.toUpperCase();
}
