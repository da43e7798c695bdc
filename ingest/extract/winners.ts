// A winner must look like a party. Before a name is stored as a winner it must end like an
// organisation that takes contracts (公司, 研究院, 事务所, 中心, 厂, 合作社…) or be a person the notice
// names as such (张三（自然人）). A table header, a number, the buyer or the agency named again in a
// sign-off, a department of the buyer, or a bidder the notice says was rejected never is. Whatever is
// turned away becomes a warning that says why; nothing doubtful is stored.
import { canonicalName, looksLikeCompanyName, nameKey } from '../../src/domain/names.ts';
import type { AwardDraft } from './awards.ts';
import { classifyLabel, PARTY_FORMS, PERSON_NAME, PERSON_NOTE, REJECTION_WORDS } from './labels.ts';
import type { LabelInfo } from './labels.ts';
import { lotKeyOf, lotsNamed, lotsOfHeading } from './lots.ts';
import { compact, subSpan } from './page.ts';
import type { Page, Span } from './page.ts';
import type { Sections } from './sections.ts';
import { isColumnHeader } from './tables.ts';
import type { Table } from './tables.ts';

export interface WinnerContext {
  buyer: string | null;
  agency: string | null;
  /** Every line that says bidders were turned down. */
  rejections: Rejection[];
}

/** A line that says bidders were turned down, and the lots it is about. */
export interface Rejection {
  line: number;
  /** The line compacted and lower-cased, for finding names in it. */
  text: string;
  /** The lots the line names (第2包…) or stands under (品目 84：), [] when it is about none in particular. */
  lots: string[];
}

function rejectionsNaming(key: string, ctx: WinnerContext): Rejection[] {
  return ctx.rejections.filter((r) => rejects(r, key));
}

/** A pass (通过, not 未通过/不通过) and another party's name: a row of a review table that the name passed. */
const PASSED = /(?<![未不])通过/;
const ANOTHER_PARTY_END = /公司|集团|研究院|研究所|设计院|事务所|医院|中心|厂/;
/** A score or a price with decimals, as a review table's cells give them. */
const SCORE = /\d\.\d{2}/;

/**
 * Whether a line that turns bidders down turns down `key`: a line of rejection words before the name, or after it
 * with nothing between saying otherwise. In a review table run into one line (甲公司 通过 通过 …100.00 1 1 乙公司 …
 * 丙公司 不通过符合性审查) the words after a name that passed, with other bidders between, are about another.
 */
function rejects(r: Rejection, key: string): boolean {
  const first = r.text.search(REJECTION_WORDS);
  for (let at = r.text.indexOf(key); at >= 0; at = r.text.indexOf(key, at + 1)) {
    if (first < 0 || first < at) return true;
    const between = r.text.slice(at + key.length, first);
    // Only a table's row says so (scores, no sentence): in prose (甲通过资格审查，但…其投标无效) 其 may point back.
    const tableRow = SCORE.test(between) && !/[，。；,;]/.test(between.replace(/(?<=\d)[,，](?=\d{3})/g, ''));
    if (!(tableRow && PASSED.test(between) && ANOTHER_PARTY_END.test(between))) return true;
  }
  return false;
}

const NUMBER_ONLY = /^[\d\s.,，、%％()（）元万亿¥￥:：\-—]+$/u;
/** The next item of a numbered list run into a name (甲科技有限公司 2.乙科技有限公司). */
const NUMBERED_NAMES = /[\u4e00-\u9fff）)]\s*\d{1,2}\s*[.．、]\s*[\u4e00-\u9fff]/u;
const FORMS = [...new Set(PARTY_FORMS)].sort((a, b) => b.length - a.length);
/** A legal form in brackets after a trading name: 某某宾馆（有限公司）, 某某律师事务所（特殊普通合伙）. */
const FORM_IN_BRACKETS = /（(?:[^（）]*(?:公司|合伙|企业|集团))）$/u;
const HAN = /\p{Script=Han}/u;
/** The inner units of a body (办公室, 设备科, 后勤处, 采购领导小组): what a sign-off names, never a contractor. */
const DEPARTMENT = /(办公室|办|科|处|股|室|组|部|司|委员会)$/u;

function endsLikeParty(name: string): boolean {
  if (!HAN.test(name)) return looksLikeCompanyName(name);
  return FORMS.some((f) => name.endsWith(f)) || FORM_IN_BRACKETS.test(name);
}

/** Why `name` (as written: `raw`) cannot be a winner, or null when it looks like a party. */
export function notAWinner(name: string, raw: string, ctx: WinnerContext, ownLabel = false): string | null {
  const key = nameKey(name);
  if (key === '') return 'it is empty';
  if (NUMBER_ONLY.test(name)) return 'it is a number';
  if (NUMBERED_NAMES.test(name)) return 'it is a numbered list of several names, not one';
  if (classifyLabel(raw) !== null || isColumnHeader(raw)) return 'it is a label or a table header';
  if (ctx.buyer && key === nameKey(ctx.buyer)) return 'it is the buyer (a sign-off or contact line)';
  if (ctx.agency && key === nameKey(ctx.agency)) return 'it is the agency (a sign-off or contact line)';
  if (ctx.buyer) {
    const buyer = nameKey(ctx.buyer);
    if (buyer.length >= 4 && key.startsWith(buyer) && DEPARTMENT.test(key.slice(buyer.length))) return `it is a department of the buyer ${ctx.buyer}`;
  }
  if (rejectionsNaming(key, ctx).length > 0) return 'the notice says this bidder was rejected';
  if (PERSON_NOTE.test(name) || (ownLabel && PERSON_NAME.test(name))) return null;
  if (!looksLikeCompanyName(name) || !endsLikeParty(canonicalName(name).name)) {
    return 'it does not end like an organisation (公司, 研究院, 事务所, 中心, 厂, 合作社…)';
  }
  return null;
}

/** Lines that say bidders were rejected: rejection wording, a rejected-bidders section, or rows of a table headed so. */
export function rejectionLines(page: Page, sections: Sections, tables: Table[]): Rejection[] {
  const lines = new Set<number>();
  for (const line of page.lines) {
    if (sections.kindOf[line.index] === 'rejected' || REJECTION_WORDS.test(line.span.text)) lines.add(line.index);
  }
  for (const t of tables) {
    if (!REJECTION_WORDS.test(page.lines[t.headerLine].span.text)) continue;
    // A column of reasons (未通过资格审查原因 | -) turns down only the rows that give one.
    const reason = t.columns.findIndex((c) => REJECTION_WORDS.test(c.header.text));
    for (const r of t.rows) if (reason < 0 || namesARejectionReason(r.cells[reason]?.text ?? '')) lines.add(r.line);
  }
  const headingLines = new Set(sections.headings.map((h) => h.line));
  return [...lines].sort((a, b) => a - b).map((i) => {
    const text = rejectionScope(page.lines[i].span.text);
    return { line: i, text: compact(text).toLowerCase(), lots: lotsNamed(text) ?? lotsAbove(page, i, headingLines) };
  });
}

/** A winner's label, where a line joined from several says who won after saying who was turned down. */
const WINNER_LABEL_AFTER = /(?:中标|成交|中选)(?:供应商|人|单位)(?:情况|名称|信息)?\s*[：:]/g;

/**
 * The part of a line a rejection speaks of: all of it, unless a winner's label follows the rejection words
 * (以下响应人未通过初审：…X公司… 成交供应商情况： 供应商名称：Y, the page's lines run together): then up to that label.
 */
function rejectionScope(text: string): string {
  const m = REJECTION_WORDS.exec(text);
  if (!m) return text;
  WINNER_LABEL_AFTER.lastIndex = m.index + m[0].length;
  const w = WINNER_LABEL_AFTER.exec(text);
  return w ? text.slice(0, w.index) : text;
}

/** The lots of the nearest lot heading above a line (品目 84： then its sentence), within its section. */
function lotsAbove(page: Page, line: number, headingLines: Set<number>): string[] {
  for (let i = line - 1; i >= 0 && !headingLines.has(i); i--) {
    const lots = lotsOfHeading(page.lines[i].span.text);
    if (lots) return lots;
  }
  return [];
}

const NO_REASON = /^[\s\-—－/／无否]*$|^(无|不涉及|通过|合格)$/;

/** A reason-for-rejection cell that gives one (not -, 无, 通过): only its row was turned down. */
function namesARejectionReason(cell: string): boolean {
  return !NO_REASON.test(cell.trim());
}

/**
 * A lot's winner that a line turns down elsewhere: in a notice of several lots, it may have lost the others
 * (九、未中标供应商… lists it; 品目 84：X资格审查未通过), which does not unmake the result that names it for
 * its own lot. Only a line outside the award's own lines, about another lot or none in particular, counts so.
 */
function turnedDownForAnotherLot(d: AwardDraft, rejections: Rejection[]): boolean {
  const lot = d.lot ? lotKeyOf(d.lot.value) : null;
  return rejections.every((r) => (r.line < d.line || r.line > d.lastLine) && !(lot !== null && r.lots.includes(lot)));
}

/** Drops suppliers that do not look like parties, with a warning each; a draft left with none is dropped. */
export function screenWinners(drafts: AwardDraft[], ctx: WinnerContext, warnings: string[]): AwardDraft[] {
  const out: AwardDraft[] = [];
  const severalLots = new Set(drafts.filter((d) => d.status === 'active' && d.lot).map((d) => d.lot!.value)).size >= 2;
  for (const d of drafts) {
    if (d.status !== 'active' || d.suppliers.length === 0) {
      out.push(d);
      continue;
    }
    const kept = d.suppliers.filter((s) => {
      const against = rejectionsNaming(nameKey(s.name), ctx);
      const ofAnotherLot = severalLots && against.length > 0 && turnedDownForAnotherLot(d, against);
      const ownLabel = d.source === 'field' && !d.genericLabel && !d.proposed;
      const why = notAWinner(s.name, s.raw.text, ofAnotherLot ? { ...ctx, rejections: [] } : ctx, ownLabel);
      if (why) warnings.push(`"${s.raw.text}" is not stored as a winner: ${why}`);
      else if (ownLabel && PERSON_NAME.test(s.name)) warnings.push(`"${s.raw.text}" is taken as a natural person who won: named under the winner's label, with no organisation's form`);
      else if (ofAnotherLot) {
        warnings.push(`"${s.raw.text}" wins lot ${d.lot?.value ?? '?'} and is also listed among the bidders turned down, taken as of another lot`);
      }
      return why === null;
    });
    if (kept.length === 0) continue;
    if (kept.length < d.suppliers.length && kept.length === 1 && kept[0].role !== 'sole') {
      warnings.push(`consortium reduced to ${kept[0].name}; its role is kept as written (${kept[0].role})`);
    }
    out.push({ ...d, suppliers: kept });
  }
  return out;
}

const LONGEST_LABEL = 12;
/** A sum and nothing else, or after a comma: 148.456万元, ￥12,000.00元, ，43000元。 */
const SUM_AFTER_NAME = /^\s*(?:[，,]\s*)?([¥￥]?\d[\d,.]*\s*(?:万元|亿元|元))\s*[。.；;]?\s*$/d;
/** What may stand between a winner's name and the label of its amount: nothing, or a comma. */
const LABEL_AFTER_NAME = /^(?:[，,]\s*)?/;

/**
 * A winner's value that runs into the next field where the page lost its separators
 * (北京爱地地质勘察基础工程公司中标报价446558.00元): cut after the organisation's ending when a known label
 * follows it. The span itself when nothing is glued on.
 */
export function gluedName(page: Page, span: Span): Span {
  const text = span.text;
  for (const form of FORMS) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (end >= text.length) continue;
      // …有限公司148.456万元: a sum run into the name
      if (SUM_AFTER_NAME.test(text.slice(end))) return subSpan(page, span, 0, end);
      // …有限公司中标报价…, or after a comma: …有限公司，中标总价为…
      const skip = LABEL_AFTER_NAME.exec(text.slice(end))![0].length;
      const rest = text.slice(end + skip, end + skip + LONGEST_LABEL);
      // A label glued on has its value after it; words that end the value (X、Y联合体) are part of it.
      for (let n = 2; n <= rest.length && end + skip + n < text.length; n++) {
        if (classifyLabel(rest.slice(0, n)) !== null) return subSpan(page, span, 0, end);
      }
    }
  }
  return span;
}

/**
 * The amount glued after a winner's name (北京爱地地质勘察基础工程公司中标报价446558.00元): the value of an
 * award-amount label that starts right where the name ends, or null.
 */
export function gluedAmount(page: Page, span: Span, name: Span): { value: Span; info: LabelInfo | null } | null {
  const end = name.end - span.start;
  const sum = SUM_AFTER_NAME.exec(span.text.slice(end));
  if (sum) return { value: subSpan(page, span, end + sum.indices![1][0], end + sum.indices![1][1]), info: null };
  const from = end + LABEL_AFTER_NAME.exec(span.text.slice(end))![0].length;
  const rest = span.text.slice(from, from + LONGEST_LABEL + 1);
  for (let n = Math.min(rest.length, LONGEST_LABEL); n >= 2; n--) {
    const info = classifyLabel(rest.slice(0, n));
    if (!info) continue;
    if (info.key !== 'awardValue') return null;
    // 中标总价为418530元: the label's 为 stands where a colon would
    const colon = /^\s*(?:为|是)?\s*[：:]?\s*/.exec(span.text.slice(from + n))![0].length;
    const value = subSpan(page, span, from + n + colon, span.text.length);
    return value.text && /\d/.test(value.text) ? { value, info } : null;
  }
  return null;
}
