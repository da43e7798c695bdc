// Labels without a colon: a known label alone on its line (its value on the next), a party's label run
// straight into the name (中标供应商湖南…有限公司), and a table row written out as 名称 值；名称 值. Page text
// that lost its layout writes fields so.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import type { Field } from './fields.ts';
import { classifyLabel, GENERIC_WINNER_LABELS, labelsOf, VALUE_MAY_FOLLOW } from './labels.ts';
import type { FieldKey, LabelInfo } from './labels.ts';
import { trimmedSpan } from './page.ts';
import type { Line, Page } from './page.ts';

/** A table row written out as text: its number, then column name, a space and the value, pairs parted by ；. */
const ROW_NUMBER = /^\d{1,3}\s*[：:.、]\s*/;
const SPACED_PAIR = /^\s*([^\s：:；;]{2,24})\s+(\S[^；;]*?)\s*$/d;

/** Pieces parted by runs of three spaces or more, in a line with no colon (项目名称 X   项目编号 Y). */
const WIDE_GAP = /\s{3,}/g;
const SEMICOLON = /[；;]/g;

/**
 * 1：供应商名称 广州某某有限公司 ；供应商地址 广州… ；中标（成交）金额 1267500；备注 服务期：1年 (the 2020 national
 * template's result table as page text), or a portal's page text with no colons (项目名称 X   项目编号 Y): fields
 * when at least two of the pieces start with a known label.
 */
export function spacedPairs(page: Page, line: Line): Field[] {
  const text = line.span.text;
  const parting = /[；;]/.test(text) ? SEMICOLON : /[：:]/.test(text) ? null : WIDE_GAP;
  if (!parting) return [];
  const fields: Field[] = [];
  let from = ROW_NUMBER.exec(text)?.[0].length ?? 0;
  const ends = [...text.slice(from).matchAll(parting)].map((m) => [from + m.index, from + m.index + m[0].length]);
  ends.push([text.length, text.length]);
  for (const [end, next] of ends) {
    const piece = text.slice(from, end);
    const m = SPACED_PAIR.exec(piece);
    const info = m ? classifyLabel(m[1]) : null;
    if (m && info) {
      const labelAt = from + piece.indexOf(m[1]);
      const valueAt = labelAt + m[1].length + piece.slice(piece.indexOf(m[1]) + m[1].length).indexOf(m[2]);
      const label = trimmedSpan(page.text, line.span.start + labelAt, line.span.start + labelAt + m[1].length);
      const value = trimmedSpan(page.text, line.span.start + valueAt, line.span.start + valueAt + m[2].length);
      fields.push({ key: info.key, info, label, value, line: line.index, known: true });
    }
    from = next;
  }
  return fields.filter((f) => f.key !== 'other').length >= 2 ? fields : [];
}

const MAX_LABEL_ALONE = 24;
const WINNER_KEYS = new Set<FieldKey>(['winnerName', 'consortiumLead', 'consortiumMember', 'awardValue', 'totalValue']);

/** A known label that makes up the whole line (no colon): 工程名称, 第一中标排序单位名称, 投标报价. */
export function labelAlone(page: Page, line: Line): Field | null {
  const info = bareLabel(line);
  if (!info || !VALUE_MAY_FOLLOW.has(info.key)) return null;
  // A winner's label alone on a line is as often a table cell's value (评审结果: 中标供应商); it starts a
  // field only where the page marks its cells, or between label / value pairs (a two-column table flattened), and
  // then not a bare 供应商名称, which heads every bidder's pair as well.
  if (WINNER_KEYS.has(info.key) && !line.cell && (GENERIC_WINNER_LABELS.has(info.norm) || !amongPairs(page, line.index))
    && !(AMOUNT_KEYS.has(info.key) && winnerPairAbove(page, line.index))) return null;
  return { key: info.key, info, label: line.span, value: null, line: line.index, known: true };
}

const AMOUNT_KEYS = new Set<FieldKey>(['awardValue', 'totalValue']);
/** How far above its price a winner's pair may stand (中标人 / X / 资质等级 / 壹级 / 中标价 / Z). */
const PRICE_AFTER_WINNER = 6;

/** A winner's label alone, then its name, a few lines above line `i`: the price there is that winner's. */
function winnerPairAbove(page: Page, i: number): boolean {
  for (let k = 2; k <= PRICE_AFTER_WINNER && i - k >= 0; k++) {
    if (bareLabel(page.lines[i - k])?.key === 'winnerName' && bareLabel(page.lines[i - k + 1]) === null) return true;
  }
  return false;
}

/** What a line names when it is a known label and nothing else. */
function bareLabel(line: Line | undefined): LabelInfo | null {
  const text = line?.span.text ?? '';
  if (!line || line.cells || text.length > MAX_LABEL_ALONE || /[：:]/.test(text)) return null;
  return classifyLabel(text);
}

/**
 * A pair (a label alone, its value) ends just above line `i` and another starts just below its value: 代理机构 / X /
 * 中标单位 / Y / 中标价 / Z. A verdicts' column flattened (X公司 / 中标供应商 / Y公司 / 未中标) has no labels so placed.
 */
function amongPairs(page: Page, i: number): boolean {
  const at = (k: number): Line | undefined => page.lines[i + k];
  return bareLabel(at(-2)) !== null && bareLabel(at(-1)) === null && bareLabel(at(2)) !== null && bareLabel(at(1)) === null
    && !at(-1)?.cells && !at(1)?.cells;
}

/** Party labels that page text may run straight into the name (中标供应商湖南…有限公司, its colon lost). */
const GLUED_PARTY_LABELS = ['winnerName', 'buyerName', 'agencyName'] as const;
const GLUED_PARTY_KEYS = new Set<FieldKey>(GLUED_PARTY_LABELS);
const LONGEST_GLUED_LABEL = 12;
/** How those labels start (中标, 成交, 招标…): a line that starts otherwise is not tried. */
const GLUED_PARTY_STARTS = new Set(GLUED_PARTY_LABELS.flatMap((k) => labelsOf(k).map((l) => l.slice(0, 2))));
const MAX_GLUED_LINE = 90;

/**
 * A line that is a party's label run into an organisation's name, nothing else: 中标供应商湖南力唯…有限公司.
 * The longest label wins, and the rest of the line must be a name, so a sentence is never split so.
 */
export function labelGluedToParty(page: Page, line: Line): Field | null {
  const text = line.span.text;
  if (!GLUED_PARTY_STARTS.has(text.slice(0, 2)) || /[：:\s]/.test(text) || text.length > MAX_GLUED_LINE) return null;
  for (let n = Math.min(LONGEST_GLUED_LABEL, text.length - 4); n >= 2; n--) {
    const info = classifyLabel(text.slice(0, n));
    if (!info) continue;
    if (!GLUED_PARTY_KEYS.has(info.key) || !looksLikeCompanyName(text.slice(n))) return null;
    const label = trimmedSpan(page.text, line.span.start, line.span.start + n);
    const value = trimmedSpan(page.text, line.span.start + n, line.span.end);
    return { key: info.key, info, label, value, line: line.index, known: true };
  }
  return null;
}

/** Labels of parties and ranked candidates that page text may part from the name by a space only. */
const SPACED_PARTY_KEYS = new Set<FieldKey>([...GLUED_PARTY_LABELS, 'candidate', 'proposedWinner']);

/**
 * A line that is a party's label, a space and an organisation's name, nothing else (第二中标候选人 梅州市…有限公司), as a
 * crawler joins a two-column form's cells: the rest of the line must be a name, so a sentence is never split so.
 */
export function labelSpacedFromParty(page: Page, line: Line): Field | null {
  const m = line.cells ? null : SPACED_PAIR.exec(line.span.text);
  const info = m ? classifyLabel(m[1]) : null;
  if (!m || !info || !SPACED_PARTY_KEYS.has(info.key) || !looksLikeCompanyName(m[2])) return null;
  const label = trimmedSpan(page.text, line.span.start + m.indices![1][0], line.span.start + m.indices![1][1]);
  const value = trimmedSpan(page.text, line.span.start + m.indices![2][0], line.span.start + m.indices![2][1]);
  return { key: info.key, info, label, value, line: line.index, known: true };
}
