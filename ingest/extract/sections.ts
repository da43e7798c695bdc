// Headings (一、项目信息 / 四、成交信息 / 六、中标结果) and what each section is about. Only the section under a
// result heading names winners; tables and lists elsewhere (scores, candidates) do not.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import type { Field } from './fields.ts';
import { SECTION_HEADINGS } from './labels.ts';
import type { SectionKind } from './labels.ts';
import type { Page } from './page.ts';

export type { SectionKind };

export interface Heading {
  line: number;
  text: string;
  kind: SectionKind;
}

export interface Sections {
  headings: Heading[];
  /** The kind of section each line is in ('other' before the first heading). */
  kindOf: SectionKind[];
  /** Lines inside a result section or after a "results are as follows" sentence. */
  inResult: boolean[];
}

const NUMBERED = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．\s])\s*([^：:]{1,40}?)\s*[：:]?\s*$/;
/** Arabic numbers also number list items (6、太原铁路…分公司): a heading of that kind is short or ends in a colon. */
const NUMBERED_ARABIC = /^\d{1,2}\s*[、.．](?!\d)\s*(?:([^：:]{1,40}?)\s*[：:]|([^：:]{1,12}))\s*$/;
const BARE = /^((?:中标|成交|中选)(?:\(成交\)|（成交）)?(?:结果|信息|情况|公告|公示)|(?:中标|成交|定标|中选)候选人.{0,12}|采购人信息|采购代理机构信息|项目信息|(?:第\S{1,3}(?:包|标段))?(?:参与|参加)?(?:投标|报价|响应|磋商|谈判|询价)的?(?:其他|其余)?(?:供应商|单位|人)(?:名单|情况|信息)?)\s*[：:]?$/;
/** Lines that close a result block: sign-off, contacts, reviewers, notice period. */
const RESULT_END = /^(特此公告|特此通知|联系事项|附件|评标委员会|评审委员会|谈判小组|磋商小组|询价小组|评审专家|专业评委|评委名单|公告期限|本公告期限|公示期|质疑|投诉|各有关当事人|如有异议|对本结果)/;
/** A line that is only a date (2015/03/30 09:46:33, 二〇一五年三月三十日): the sign-off or a log's stamp, past the result. */
const DATE_LINE = /^\s*(?:\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$/;
const RESULT_SENTENCE = /(中标|成交|中选|采购|评审|比选)(\(成交\)|（成交）)?结果(公告|公布|公示)?如下|中标人名单公告如下|(中标|成交)(情况|信息)如下/;
/**
 * 入围供应商公示如下 / 中标单位名单如下: the winners listed, unless the list is of losers (未入围, 未中标人如下) or of
 * applicants who passed a qualification review (通过资格预审的入围单位如下), which wins nothing.
 */
const WINNERS_LISTED = /(?<![未不落])(中标|成交|中选|入围)(供应商|单位|人|企业)(名单)?(公示|公告|公布)?如下/;
const QUALIFICATION = /资格|预审|短名单/;
/**
 * A sentence that opens a list of losers or of the other bidders (未入围供应商名单如下：, 未中标人如下, 其他投标单位名单如下：):
 * it closes the winners' list.
 */
const LOSERS_LISTED = /[未不落](中标|成交|中选|入围)(供应商|单位|人|企业)?(名单)?(公示|公告)?(如下|[：:]\s*$)|(其他|其余)[^，,。；;]{0,6}(单位|人|供应商|企业)(名单)?(如下|[：:]\s*$)|(投标|参与|响应|报价)(单位|人|供应商)(名单|情况)?如下/;

function announcesResults(text: string): boolean {
  return RESULT_SENTENCE.test(text) || (WINNERS_LISTED.test(text) && !QUALIFICATION.test(text));
}

/** A section's number (六、, （二）) opening a line: the line opens a section, never a table's cell. */
export const NUMBERED_LEAD = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）])/;

export function kindOf(text: string): SectionKind {
  for (const [kind, re] of SECTION_HEADINGS) if (re.test(text)) return kind;
  return 'other';
}

/** The heading text of a line, or null when the line is not a heading. */
export function headingText(text: string): string | null {
  const numbered = NUMBERED.exec(text);
  if (numbered) return numbered[1];
  const arabic = NUMBERED_ARABIC.exec(text);
  if (arabic && !looksLikeCompanyName(arabic[1] ?? arabic[2])) return arabic[1] ?? arabic[2];
  const compactText = text.replace(/\s+/g, '');
  if (compactText.length <= 16 && BARE.test(compactText)) return compactText.replace(/[：:]$/, '');
  return null;
}

/**
 * The heading run into a line before its first field (八、中标信息  1.中标供应商名称：X, 1.采购人信息 名称：X), less the
 * list number of the field; null when the words before the field are no heading.
 */
export function leadHeading(page: Page, field: Field): string | null {
  const lead = page.text.slice(page.lines[field.line].span.start, field.label.start).replace(/\s*\d{1,2}\s*[.．、]?\s*$/, '').trim();
  return lead ? headingText(lead) : null;
}

export function findSections(page: Page, fields: Field[]): Sections {
  const n = page.lines.length;
  const kinds: SectionKind[] = new Array(n).fill('other');
  const inResult: boolean[] = new Array(n).fill(false);
  const headings: Heading[] = [];
  const introLines = new Set(fields.filter((f) => f.key === 'resultIntro').map((f) => f.line));
  const firstField = new Map<number, Field>();
  for (const f of fields) if (!firstField.has(f.line)) firstField.set(f.line, f);
  let kind: SectionKind = 'other';
  let result = false;
  for (const line of page.lines) {
    let opensResult = false;
    const first = firstField.get(line.index);
    // Only a heading numbered 一、 opens a section from a line's lead: 1、X宾馆中标… is a list item.
    const lead = first && NUMBERED_LEAD.test(line.span.text) ? leadHeading(page, first) : null;
    // …and a row that opens with one (六、全部投标人信息 | 甲公司,￥13,098,499.00: a heading and its first line, tab-joined)
    const firstCell = line.cells?.find((c) => c.text.trim() !== '');
    const cellHeading = firstCell && NUMBERED_LEAD.test(firstCell.text) ? headingText(firstCell.text) : null;
    const text = line.cells ? cellHeading : headingText(line.span.text) ?? lead;
    if (text !== null) {
      kind = kindOf(text);
      headings.push({ line: line.index, text, kind });
      result = kind === 'result';
    } else if (introLines.has(line.index) || (!line.cells && announcesResults(line.span.text))) {
      // The sentence that announces the results is not itself one of them.
      opensResult = !result;
      result = true;
    } else if (!line.cells && (RESULT_END.test(line.span.text.replace(/^[\s\d、.．（）()]+/, '')) || LOSERS_LISTED.test(line.span.text)
      || DATE_LINE.test(line.span.text))) {
      result = false;
    }
    kinds[line.index] = kind;
    inResult[line.index] = result && !opensResult;
  }
  return { headings, kindOf: kinds, inResult };
}
