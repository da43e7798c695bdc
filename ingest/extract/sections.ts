// Headings (一、项目信息 / 四、成交信息 / 六、中标结果) and what each section is about. Only the section under a
// result heading names winners; tables and lists elsewhere (scores, candidates) do not.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import type { Field } from './fields.ts';
import type { Page } from './page.ts';

export type SectionKind = 'result' | 'candidates' | 'review' | 'buyer' | 'agency' | 'contact' | 'project' | 'other';

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
const BARE = /^((?:中标|成交|中选)(?:\(成交\)|（成交）)?(?:结果|信息|情况|公告|公示)|(?:中标|成交)候选人.{0,12}|采购人信息|采购代理机构信息|项目信息)\s*[：:]?$/;
/** Lines that close a result block: sign-off, contacts, reviewers, notice period. */
const RESULT_END = /^(特此公告|特此通知|联系事项|附件|评标委员会|评审委员会|谈判小组|磋商小组|询价小组|评审专家|专业评委|评委名单|公告期限|本公告期限|公示期|质疑|投诉|各有关当事人|如有异议|对本结果)/;
const RESULT_SENTENCE = /(中标|成交|中选|采购|评审|比选)(\(成交\)|（成交）)?结果(公告|公布|公示)?如下|中标人名单公告如下|(中标|成交)(情况|信息)如下/;

function kindOf(text: string): SectionKind {
  if (/候选|排序|推荐/.test(text)) return 'candidates';
  if (/标的|用途|公告期限|质疑|投诉|补充|附件|需求|概况|说明|媒体|日期|时间|地点/.test(text)) return 'other';
  if (/评审|评标|得分|专家|评委|谈判小组|磋商小组|询价小组|委员会/.test(text)) return 'review';
  if (/^(采购人|采购单位|招标人|建设单位|业主|采购方)(信息|名称|情况)?$/.test(text)) return 'buyer';
  if (/(中标|成交|中选|入围|采购|比选)(\(成交\)|（成交）|\/成交|、成交)?(结果|信息|情况|供应商|人|单位)|^结果|^(中标|成交)$/.test(text)) return 'result';
  if (/代理机构|集中采购机构|代理单位/.test(text)) return 'agency';
  if (/联系/.test(text)) return 'contact';
  if (/项目/.test(text)) return 'project';
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

export function findSections(page: Page, fields: Field[]): Sections {
  const n = page.lines.length;
  const kinds: SectionKind[] = new Array(n).fill('other');
  const inResult: boolean[] = new Array(n).fill(false);
  const headings: Heading[] = [];
  const introLines = new Set(fields.filter((f) => f.key === 'resultIntro').map((f) => f.line));
  let kind: SectionKind = 'other';
  let result = false;
  for (const line of page.lines) {
    let opensResult = false;
    const text = line.cells ? null : headingText(line.span.text);
    if (text !== null) {
      kind = kindOf(text);
      headings.push({ line: line.index, text, kind });
      result = kind === 'result';
    } else if (introLines.has(line.index) || (!line.cells && RESULT_SENTENCE.test(line.span.text))) {
      // The sentence that announces the results is not itself one of them.
      opensResult = !result;
      result = true;
    } else if (!line.cells && RESULT_END.test(line.span.text.replace(/^[\s\d、.．（）()]+/, ''))) {
      result = false;
    }
    kinds[line.index] = kind;
    inResult[line.index] = result && !opensResult;
  }
  return { headings, kindOf: kinds, inResult };
}
