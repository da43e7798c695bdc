// Buyer and project read from the title lines, for pages that give no field for them. Titles are
// commonly written [buyer][project][notice kind] (山西省财政厅山西省太原市区…采购项目中标公告), but where
// the buyer ends and the project starts is only certain when the page itself draws the line: the
// buyer on a heading line of its own, a project name known from a field, or the body repeating the
// words. A project no field names is the title's words when they end like a project's name and hold no
// party's name; anything less is left empty.
import { isPublicBody, looksLikeCompanyName } from '../../src/domain/names.ts';
import { METHOD_AFTER_NAME } from './labels.ts';
import { compact, Locator, tidy } from './page.ts';
import type { Page, Span } from './page.ts';
import type { PartyFound } from './parties.ts';
import { partyNameOf } from './values.ts';
import type { Found } from './values.ts';

/** The notice kind that ends a title: 中标公告, 采购结果公告, 中标候选人公示, 成交公示表, 中标公示通知, a bare 中标结果… */
const KIND_END = /(?:(?:中标|成交|中选)[(（]成交[)）]|中标|成交|中选|采购|比选|竞价|招标|谈判|磋商|询价|评标|评审)?(?:候选人|候选供应商)?(?:结果)?(?:公告|公示|通知书)(?:表|信息|通知)?$|(?:中标|成交|中选|评标|评审)结果$/u;
/** A project code in brackets after the name: (16A5569), （16A4937,16A5022）, （项目编号tg2015a040006）. */
const CODE_END = /[(（](?:(?:项目|招标|采购)?编号[：:]?\s*)?[A-Za-z0-9\-_,，、.\s[\]〔〕]{3,60}[)）]$/u;
/** Words a project name ends with, so that a platform or site name (…电子交易平台) is not taken. */
const PROJECT_END = /(?:项目|工程|采购|招标|建设|改造|施工|监理|设计|服务|设备|系统|一批|购置|维修|维护|整改|修缮|加固|安装|整治|勘察|勘测|咨询|检测|测量|测绘|租赁|运维|保险|印刷|物业|保洁|保安|审计|审核|评估|培训|开发|升级|扩容|标段|包)(?:[(（][^()（）]{1,12}[)）])?$/u;
/** 关于 before the title's subject, after its publisher or none, and 的 after it (关于X项目的中标公告). */
const ABOUT = /关于\s*/u;
const ABOUT_END = /的$/u;
const LONGEST_PUBLISHER = 40;
/** A name in quotes that is all of the subject but a word of its kind after it: “十七楼病房装修工程”项目. */
const QUOTED_NAME = /^[“"「]([^“”"「」]{4,80})[”"」](?:项目|工程|采购)?$/u;
/** Names that are agencies, not buyers. */
const AGENCY_WORDS = /招标|代理|咨询|采购中心|交易中心|项目管理|造价|监理/u;

export interface FromHeadings {
  buyer: PartyFound | null;
  project: Found<string> | null;
}

export interface KnownParts {
  buyer: string | null;
  agency: string | null;
  project: Found<string> | null;
}

/** The title's lines without the notice kind and a trailing code: what names buyer and project. */
function stemLines(page: Page, title: Span): Span[] {
  const whole = page.lines.filter((l) => !l.cells && l.span.start >= title.start && l.span.end <= title.end).map((l) => l.span);
  // A title that is the head of a longer line (…中标结果公示发布时间：…) is its own stem.
  const lines = whole.length > 0 || title.text.includes('\n') ? whole : [title];
  while (lines.length > 0) {
    const last = lines[lines.length - 1];
    let text = last.text;
    for (let previous = ''; previous !== text; ) {
      previous = text;
      text = text.replace(KIND_END, '').trimEnd().replace(CODE_END, '').trimEnd().replace(ABOUT_END, '');
      // …工程项目竞争性谈判采购: the method after the name is not the name's.
      const method = METHOD_AFTER_NAME.exec(text);
      if (method && method.index >= 4) text = text.slice(0, method.index).trimEnd();
    }
    if (text === last.text) break;
    lines.pop();
    // A line that was only the kind (采购结果公告) leaves the lines above it.
    if (text === '') continue;
    lines.push({ text, start: last.start, end: last.start + text.length });
    break;
  }
  // 关于“十七楼病房装修工程”项目的中标公告: the words 关于 … 的 wrap the project, quotes mark where its name stands.
  const first = lines[0];
  const about = first ? ABOUT.exec(first.text) : null;
  // …and its publisher may stand before 关于 (江西省瑞昌市公共资源交易中心关于X的中标公告).
  const publisher = about ? first.text.slice(0, about.index).trim() : '';
  if (about && about.index <= LONGEST_PUBLISHER && (publisher === '' || looksLikeCompanyName(publisher))) {
    const subject = about.index + about[0].length;
    const quoted = lines.length === 1 ? QUOTED_NAME.exec(first.text.slice(subject)) : null;
    const from = subject + (quoted ? quoted.index + 1 : 0);
    const to = quoted ? from + quoted[1].length : first.text.length;
    lines[0] = { text: first.text.slice(from, to), start: first.start + from, end: first.start + to };
  }
  return lines;
}

/** The first occurrence of `words` outside the title, if the page repeats them. */
function repeated(locator: Locator, words: string, title: Span): Span | null {
  const after = locator.find(words, title.end);
  if (after) return after;
  const before = locator.find(words);
  return before && before.end <= title.start ? before : null;
}

function buyerLike(name: string, known: KnownParts): boolean {
  return looksLikeCompanyName(name) && !AGENCY_WORDS.test(name) && (known.agency === null || compact(known.agency) !== compact(name));
}

function party(page: Page, found: Span): PartyFound | null {
  const name = partyNameOf(page, found);
  return name ? { name, address: null, raw: name.span } : null;
}

export function readHeadings(page: Page, title: Span | null, known: KnownParts, locator: () => Locator): FromHeadings {
  if (known.buyer !== null && known.project !== null) return { buyer: null, project: null };
  const fromTitle = title === null ? { buyer: null, project: null } : splitTitle(page, title, known, locator);
  const project = fromTitle.project;
  let buyer = fromTitle.buyer;

  // [buyer]采购[goods] as a project name: 淮北市人民医院采购存储备份一体机.
  const named = project ?? known.project;
  if (buyer === null && known.buyer === null && named) {
    // (…政府采购 is one word, government procurement: 新民市政府采购 names no buyer.)
    const m = /^(.{4,30}?)(?<!政府)采购(?!中心|代理|办|网|平台|人|单位|机构)(?=.{2})/u.exec(compact(named.value));
    const at = m && buyerLike(m[1], known) && isPublicBody(m[1]) ? locator().find(m[1], named.span.start) : null;
    if (at && at.end <= named.span.end) buyer = party(page, at);
  }
  return { buyer, project };
}

function splitTitle(page: Page, title: Span, known: KnownParts, locator: () => Locator): FromHeadings {
  const lines = stemLines(page, title);
  if (lines.length === 0) return { buyer: null, project: null };
  const stem = compact(lines.map((l) => l.text).join(''));
  let buyer: PartyFound | null = null;

  if (known.buyer === null) {
    const first = lines[0];
    const rest = compact(lines.slice(1).map((l) => l.text).join(''));
    if (rest !== '' && buyerLike(first.text, known) && repeated(locator(), compact(first.text) + rest, title)) {
      // 重庆市市政管理委员会 / 公务员…建设 / 采购结果公告, and the body says 重庆市市政管理委员会公务员…建设的….
      buyer = party(page, first);
    } else if (known.project !== null) {
      // [buyer][the project named in a field][kind]: 山西省财政厅 + 山西省太原市区…采购项目 + 中标公告.
      const project = compact(known.project.value);
      const org = stem.endsWith(project) ? stem.slice(0, stem.length - project.length) : '';
      const at = org.length >= 4 && buyerLike(org, known) ? locator().find(org, first.start) : null;
      if (at && at.end <= first.end) buyer = party(page, at);
    }
  }

  let project: Found<string> | null = null;
  if (known.project === null) {
    const buyerName = buyer?.name.value ?? known.buyer;
    const words = buyerName && stem.startsWith(compact(buyerName)) ? stem.slice(compact(buyerName).length) : stem;
    // A company naming its own project (江西精工…有限公司年产8万吨…项目) writes it so in the body too; a buyer on
    // a title line of its own is drawn apart by the page itself.
    const whole = words !== stem && buyer === null && lines.length === 1 && PROJECT_END.test(stem) ? repeated(locator(), stem, title) : null;
    const found = whole ?? (words.length >= 6 && PROJECT_END.test(words) && !GENERIC_STEM.test(words) ? repeated(locator(), words, title) : null);
    if (found) project = { value: tidy(found.text), span: found };
    else if (lines.length === 1) project = titleStem(page, lines[0], [buyerName, known.agency]);
  }

  return { buyer, project };
}

/**
 * A portal's category as a title (江苏省南京市工程建设项目中标结果公告), or as the intro's project (对新民市政府采购项目
 * （项目编号：…）): places and a kind of project, no project.
 */
export const GENERIC_STEM = /^(?:[\u3400-\u9fff]{2,10}?(?:省|市|县|区|州|盟|旗))*(?:工程建设|建设工程|政府采购|政府|公共资源|工程|货物|服务)?(?:项目|采购|招标)$/u;

/** An organisation's legal form inside the words: a company naming its project, or an agency's name. */
const ORGANISATION_IN = /(?:公司|研究院|研究所|事务所|委员会|管理局|管理处)(?=.)/u;

/** A note in brackets before the name ((市交易中心)) or a project code run into it (G1310002001622001河钢…). */
const LEAD_NOTE = /^(?:[(（][^()（）]{2,12}[)）]|[A-Za-z]{0,4}\d{8,}(?=[\u3400-\u9fff]))/u;

/**
 * The title's own words as the project, when nothing else names it: a one-line title whose stem ends
 * like a project's name, less a leading note or code; none when a party's name or a legal form stands in
 * it. Its evidence is the title itself.
 */
function titleStem(page: Page, line: Span, parties: (string | null)[]): Found<string> | null {
  let start = line.start;
  const lead = LEAD_NOTE.exec(line.text);
  if (lead) start += lead[0].length;
  const text = page.text.slice(start, line.end).trim();
  const words = compact(text);
  if (words.length < 6 || !PROJECT_END.test(words) || GENERIC_STEM.test(words)) return null;
  // A party in the title ([agency][buyer][goods]…) leaves unsure where the project starts: no project.
  if (parties.some((p) => p && words.includes(compact(p))) || ORGANISATION_IN.test(words)) return null;
  const at = page.text.indexOf(text, start);
  return at < 0 ? null : { value: tidy(text), span: { text, start: at, end: at + text.length } };
}
