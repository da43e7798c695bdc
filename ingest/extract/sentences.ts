// What the notice's own sentences say of its parties and project: the intro (X受Y的委托，就Z项目（项目编号：…）
// 组织采购; [buyer]对[project]进行公开招标; [buyer]的[project]评标工作已经结束) and the sign-off above the closing
// date. Read only when no field says it.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import { compact, proseOf, subSpan, tidy } from './page.ts';
import { GENERIC_STEM } from './headings.ts';
import { METHOD_AFTER_NAME } from './labels.ts';
import { footerStart } from './navigation.ts';
import { BREADCRUMB } from './notice-type.ts';
import { headingText } from './sections.ts';
import type { Page, Span } from './page.ts';
import type { PartyFound } from './parties.ts';
import { partyNameOf } from './values.ts';
import type { Found } from './values.ts';

const INTRO_LINES = 15;
/** A site's menu above the notice (首页┆服务项目┆…); its breadcrumb is BREADCRUMB. */
const MENU_LINE = /[┆|｜>»].*[┆|｜>»]/;
const SHORT_LINE = 10;
const introCache = new WeakMap<Page, Page['lines']>();

/**
 * The notice's opening lines: the first INTRO_LINES that say something, so that a site's menus and navigation above
 * the notice (twenty short lines of 首页 / 工程招标 / 设备招标…) do not push its intro out of reach.
 */
function introLines(page: Page): Page['lines'] {
  const cached = introCache.get(page);
  if (cached) return cached;
  const lines: Page['lines'] = [];
  let counted = 0;
  for (const line of page.lines) {
    if (counted >= INTRO_LINES) break;
    lines.push(line);
    const text = compact(line.span.text);
    if (text.length >= SHORT_LINE && !MENU_LINE.test(line.span.text) && !BREADCRUMB.test(line.span.text)) counted++;
  }
  introCache.set(page, lines);
  return lines;
}
const INTRO_PARTIES = /([^，,。；;：:\s]{2,50}?)\s*受\s*([^，,。；;：:\s]{2,50}?)\s*(?:的)?委托/d;
/** [buyer] 委托 [agency] 对…: the client first, the agency it entrusted after (贵州…有限责任公司 委托 同辉招标有限公司 对…). */
const INTRO_CLIENT_ENTRUSTS = /([^，,。；;：:\s]{4,50}?)\s*委托\s*([^，,。；;：:\s]{4,50}?)\s*(?:对|就|进行|于|组织|以|在|公开|邀请|[，,])/d;
/** The agency writing of itself: [buyer]委托我司招标的…. */
const INTRO_ENTRUSTS_US = /([^，,。；;：:\s]{4,50}?)委托(?:我司|我公司|我单位|我中心|本公司|本中心|本单位)/d;
const INTRO_AGENCY_AFTER = /受([^，,。；;：:\s]{2,50}?)(?:的)?委托[，,]\s*([^，,。；;：:\s]{2,50}?)(?:于|就|对|根据|按照|在)/d;
// 本…（招标项目编号：…） and 本招标项目…，招标人为… open the national platform's result template; 本 ending a word
// (成本, 资本, 日本) starts no name.
const INTRO_PROJECT = /(?:就|对|关于(?:我(?:司|公司|中心|单位))?(?:代理|组织)?的?|(?<![成资日基样账文版课脚剧标])本(?:招标项目)?)\s*([^，,。；;：:]{2,120}?)\s*[（(〔【\[](?:招标项目编号|项目编号|采购编号|招标编号|编号)(?:[：:]|(?=[A-Za-z0-9]))/d;
// …and the standard tender template's 本招标项目…已由…批准建设.
const INTRO_TENDER_PROJECT = /本招标项目\s*([^，,。；;：:]{2,120}?)\s*(?:[，,]\s*招标人为|已由)/d;
// …the sentence that reports the procedure: [buyer]对[project]进行协议采购 and [buyer]的[project]评标工作已经结束.
const PROCEDURE = '(?:(?:公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源|协议|定点|竞价|网上竞价|电子竞价)(?:采购)?|采购|招标|(?:公开)?比选)';
/** How it was conducted, between the project and 进行: 以公开的形式, 采用竞争性谈判方式. */
const MANNER = '(?:(?:以|采用|通过|按)[^，,。；;：:]{1,12}?(?:形式|方式)\\s*)?';
const INTRO_CONDUCTED = new RegExp(`对\\s*([^，,。；;：:]{2,120}?)\\s*${MANNER}进行了?${PROCEDURE}`, 'd');
const INTRO_FINISHED = /([^，,。；;：:\s]{4,50}?)\s*的\s*([^，,。；;：:]{4,120}?)\s*的?(?:评标|评审|招标|采购)工作已(?:经)?(?:结束|完成)/d;
/** Who conducted it: [buyer]对…进行了公开招标 — never an agency (…项目管理有限公司代理机构对…). */
const INTRO_CONDUCTOR = new RegExp(`([^，,。；;：:\\s]{4,50}?)对[^，,。；;：:]{2,120}?进行了?${PROCEDURE}`, 'd');
const AGENCY_LIKE = /招标|代理|咨询|采购中心|交易中心|项目管理|造价|监理/;
/**
 * …and a sentence that opens with the project and its code: 2024-2025年…检定项目（项目编号：RAYF-2024-88），采购工作已结束,
 * …弱电系统工程（招标编号：XDSZ201502）项目，于…开标, …监理项目（招标编号：ydcsf2015107）于2015年3月26日…开标.
 */
const INTRO_PROJECT_LEADS = /^\s*([^，,。；;：:（()）]{4,120}?(?:项目|工程|服务|采购))\s*[（(](?:招标项目编号|项目编号|采购编号|招标编号|编号)(?:[：:]|(?=[A-Za-z0-9]))[^（()）]{1,60}[)）]\s*(?:[，,]?\s*(?:的)?(?:采购|招标|评标|评审|比选|谈判|磋商|竞价)|项目\s*[，,]|[，,]?\s*于\s*\d{4}\s*年)/d;
/**
 * …and one that opens with the project and when and where its bids were opened: X工程于2012年11月6日9时30分在…公共资源交易
 * 中心公开开标 (江西's construction results), X（11标段）招标项目于…开标.
 */
const INTRO_OPENED = /^\s*([^，,。；;：:]{4,120}?(?:项目|工程|服务|采购|标段[)）]|[)）]))\s*(?:的?招标项目)?\s*于\s*\d{4}\s*年[^，,。；;]{0,30}?在[^，,。；;]{2,60}?(?:公开)?开标/d;
/** …上海's template: 由[agency]组织的[project]（项目编号:…,预算编号：…）的竞争性磋商方式的采购. */
const INTRO_RUN_BY = /^由[^，,。；;]{2,60}?(?:组织|代理)的\s*([^，,。；;（()）]{2,120}?)\s*[（(](?:项目编号|采购编号|招标编号|编号)(?:[：:]|(?=[A-Za-z0-9]))/d;
/** …and a buyer writing its project's name as a title: 上海市松江区新闵学校《中学部图书馆升级改造项目》项目综合评议采购. */
const INTRO_TITLED_PROJECT = /^([^，,。；;：:《》\s]{4,50}?)《([^《》]{2,120}?)》/d;
/**
 * Each intro sentence that names the project, with the group that holds the name and, where the sentence is
 * only so when an organisation speaks, the group that must name one (…同时在《中国招标投标公共服务平台》 names a medium).
 */
const INTRO_PROJECT_SENTENCES: [RegExp, number, number?][] = [[INTRO_PROJECT, 1], [INTRO_TENDER_PROJECT, 1], [INTRO_CONDUCTED, 1],
  [INTRO_FINISHED, 2], [INTRO_PROJECT_LEADS, 1], [INTRO_RUN_BY, 1], [INTRO_TITLED_PROJECT, 2, 1], [INTRO_OPENED, 1]];
/** Words that refer back instead of naming (其, 该, 此): no project's name starts so. */
const PRONOUN_FIRST = /^(?:其|该|此)/;
/**
 * Who ran it, written before the project's name: 由上海亿越工程咨询有限公司组织的智型美疗仪设备采购, or the agency of
 * itself after 本 (本中心组织实施的深圳市…消防车（编号：…）).
 */
const CONDUCTED_BY = /^(?:由[^，,。；;]{2,60}?|(?:中心|公司|单位|司)[^，,。；;]{0,4}?)(?:组织|代理|负责|实施|承办)的/;
/** "YY（采购人）" in a sentence; the words before the name (本项目由…) are cut off. */
const ROLE_IN_BRACKETS = /([^，,。；;：:\s（()）]{4,60})[（(](采购人|招标人|采购单位|采购代理机构|招标代理机构|代理机构)[)）]/dg;
const CLAUSE_BEFORE_NAME = /^.*(?:由|受|经|向|委托)/;
/** The intro speaks as the agency: 我司代理的…, 我中心受采购人的委托…; the sign-off then names it. */
const AGENCY_SPEAKS = /我(?:司|公司|中心|单位)(?:受|代理|接受|组织)/;
const SIGN_OFF_LINES = 8;
const INTRO_METHOD = /(?:采用|以|通过)(公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源)(?:采购)?(?:的)?方式|进行了(公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源)(?:采购)?/d;
/** The closing date alone on its line (2016年11月10日, or as a platform prints it: 2025-08-21), as the sign-off writes it. */
const SIGN_OFF_DATE = /^(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;

function groupSpan(page: Page, line: Span, m: RegExpExecArray, group: number): Span {
  const [from, to] = m.indices![group];
  return subSpan(page, line, from, to);
}

function asParty(page: Page, span: Span | null): PartyFound | null {
  const found = span ? partyNameOf(page, span) : null;
  return found && looksLikeCompanyName(found.value) ? { name: found, address: null, raw: found.span } : null;
}

/** "重庆市XX局（采购人）", "XX招标有限公司（采购代理机构）" in the opening sentences. */
export function partiesInBrackets(page: Page): { buyer: PartyFound | null; agency: PartyFound | null } {
  let buyer: PartyFound | null = null;
  let agency: PartyFound | null = null;
  for (const line of introLines(page)) {
    const prose = proseOf(line);
    if (!prose) continue;
    for (const m of prose.text.matchAll(ROLE_IN_BRACKETS)) {
      const [from, to] = m.indices![1];
      const cut = CLAUSE_BEFORE_NAME.exec(m[1])?.[0].length ?? 0;
      const found = asParty(page, subSpan(page, prose, from + cut, to));
      if (/代理/.test(m[2])) agency ??= found;
      else buyer ??= found;
    }
  }
  return { buyer, agency };
}

/**
 * Two organisations signing off above the closing date, the buyer first and then its agency (中国联合网络通信有限公司
 * 重庆市分公司 / 中招国际招标有限公司重庆分公司 / 2016年11月10日): only when the second is an agency and the first is not.
 */
export function signOffPair(page: Page): { buyer: PartyFound; agency: PartyFound } | null {
  const i = closingDateLine(page);
  if (i < 2) return null;
  const [first, second] = [page.lines[i - 2], page.lines[i - 1]];
  if (first.cells || second.cells || AGENCY_LIKE.test(first.span.text) || !AGENCY_LIKE.test(second.span.text)) return null;
  const buyer = asParty(page, first.span);
  const agency = asParty(page, second.span);
  return buyer && agency && buyer.name.value === first.span.text && agency.name.value === second.span.text ? { buyer, agency } : null;
}

/** The line of the closing date alone (2016年11月10日) among the last lines above the site's footer, or -1. */
function closingDateLine(page: Page): number {
  const lines = page.lines;
  const end = footerStart(page);
  for (let i = end - 1; i >= 1 && i > end - SIGN_OFF_LINES; i--) {
    if (!lines[i].cells && SIGN_OFF_DATE.test(lines[i].span.text)) return i;
  }
  return -1;
}

/**
 * The lines of the organisations signing off right above the closing date (one or two, each only a name),
 * after a finished statement: names under 中标结果如下：, 第2包： or another name are a list, not signers.
 */
export function signOffLines(page: Page): number[] {
  const lines = page.lines;
  const i = closingDateLine(page);
  if (i < 1) return [];
  const signers: number[] = [];
  let j = i - 1;
  for (; j >= Math.max(0, i - 3); j--) {
    const party = lines[j].cells ? null : asParty(page, lines[j].span);
    if (!party || party.name.value !== lines[j].span.text) break;
    signers.push(j);
  }
  const above = j >= 0 ? lines[j].span.text : '';
  // …or under a heading of their own (三、成交供应商): a heading's names are its content, not its signers.
  return signers.length <= 2 && !OPENS_A_LIST.test(above) && headingText(above) === null ? signers : [];
}

/** A contact's label opening a line: 联系人：, 电 话：, 联系方式：, 传真：. */
const CONTACT_LINE = /^(?:联\s*系\s*人|联\s*系\s*电\s*话|电\s*话|联\s*系\s*方\s*式|传\s*真)\s*[：:]/;

/**
 * The parties of a contacts' list: each name alone on its line over its contact's (天津某某服务中心 / 联系人：毛某 / 电话：…),
 * two or more of them, as results end with whom to ask or complain to. One such name alone may be a winner's block.
 */
export function contactListLines(page: Page): number[] {
  const heads = page.lines.filter((line, i) => {
    const next = page.lines[i + 1];
    if (line.cells || !next || next.cells || !CONTACT_LINE.test(next.span.text)) return false;
    return asParty(page, line.span)?.name.value === line.span.text;
  });
  return heads.length >= 2 ? heads.map((l) => l.index) : [];
}

/** A line that the names under it complete: a label or heading ending in a colon, or a lot's heading. */
const OPENS_A_LIST = /[：:]\s*$|^第\s*\S{1,3}\s*(?:包|标段|标包|分包|分标)|^(?:包|标段|标包|分包|品目)\s*\S{1,3}$/;

/**
 * One organisation, no agency, signing off alone above the date, whose name also opens the title
 * (广西融安鱼峰水泥有限公司2024-2025年…成交结果公告 … 广西融安鱼峰水泥有限公司 / 2024年8月31日): the buyer
 * publishing its own notice.
 */
export function buyerSigningItsTitle(page: Page, title: Span | null): PartyFound | null {
  const signers = signOffLines(page);
  if (!title || signers.length !== 1) return null;
  const signer = asParty(page, page.lines[signers[0]].span);
  if (!signer || AGENCY_LIKE.test(signer.name.value)) return null;
  return compact(title.text).startsWith(compact(signer.name.value)) ? signer : null;
}

/** When the intro speaks as the agency (我司代理的…), the organisation signing off above the date. */
export function signOffAgency(page: Page): PartyFound | null {
  if (!introLines(page).some((l) => !l.cells && AGENCY_SPEAKS.test(l.span.text))) return null;
  const i = closingDateLine(page);
  const above = i >= 1 ? page.lines[i - 1] : null;
  return above && !above.cells ? asParty(page, above.span) : null;
}

/** "X受Y(的)委托" (agency X, buyer Y), or "受Y的委托，X于…" when the agency comes after. */
export function introParties(page: Page): { buyer: PartyFound | null; agency: PartyFound | null } {
  const company = (span: Span | null): PartyFound | null => asParty(page, span);
  for (const line of introLines(page)) {
    const prose = proseOf(line);
    if (!prose) continue;
    const before = INTRO_PARTIES.exec(prose.text);
    const after = INTRO_AGENCY_AFTER.exec(prose.text);
    if (!before && !after) {
      const finished = INTRO_FINISHED.exec(prose.text);
      const conductor = INTRO_CONDUCTOR.exec(prose.text);
      const titled = INTRO_TITLED_PROJECT.exec(prose.text);
      const entrusting = INTRO_ENTRUSTS_US.exec(prose.text);
      const buyer = (finished ? company(groupSpan(page, prose, finished, 1)) : null)
        ?? (entrusting && !AGENCY_LIKE.test(entrusting[1]) ? company(groupSpan(page, prose, entrusting, 1)) : null)
        ?? (conductor && !AGENCY_LIKE.test(conductor[1]) ? company(groupSpan(page, prose, conductor, 1)) : null)
        ?? (titled && !AGENCY_LIKE.test(titled[1]) ? company(groupSpan(page, prose, titled, 1)) : null);
      if (buyer) return { buyer, agency: null };
      const client = INTRO_CLIENT_ENTRUSTS.exec(prose.text);
      if (client && AGENCY_LIKE.test(client[2]) && !AGENCY_LIKE.test(client[1])) {
        const entrusting = company(groupSpan(page, prose, client, 1));
        if (entrusting) return { buyer: entrusting, agency: company(groupSpan(page, prose, client, 2)) };
      }
      continue;
    }
    // 受深圳市政府采购中心委托: a purchasing centre that hands the work on is an agency, not the buyer.
    const client = company(before ? groupSpan(page, prose, before, 2) : groupSpan(page, prose, after!, 1));
    const buyer = client && !AGENCY_LIKE.test(client.name.value) ? client : null;
    const agency = company(before ? groupSpan(page, prose, before, 1) : null)
      ?? company(after ? groupSpan(page, prose, after, 2) : null);
    return { buyer, agency };
  }
  return { buyer: null, agency: null };
}

export function introProject(page: Page): Found<string> | null {
  for (const line of introLines(page)) {
    const prose = proseOf(line);
    if (!prose) continue;
    const found = INTRO_PROJECT_SENTENCES.map(([re, group, by]) => [re.exec(prose.text), group, by] as const)
      .find(([m, , by]) => m && (by === undefined || looksLikeCompanyName(m[by])));
    if (!found) continue;
    const [m, group] = found;
    let span = groupSpan(page, prose, m!, group);
    // 对其义务教育阶段学校所需…进行采购: "its" needs, a description that leaves the project to the title
    if (PRONOUN_FIRST.test(span.text) || GENERIC_STEM.test(compact(span.text))) continue;
    const conductor = CONDUCTED_BY.exec(span.text);
    if (conductor) span = subSpan(page, span, conductor[0].length, span.text.length);
    const method = METHOD_AFTER_NAME.exec(span.text.replace(/项目$/, ''));
    if (method && method.index >= 2) span = subSpan(page, span, 0, method.index);
    return span.text ? { value: tidy(span.text), span } : null;
  }
  return null;
}

/** The number in brackets after the intro's project: 本中心组织实施的X（编号：nscg2015032695）已完成评审. */
const INTRO_CODE = /^[（(〔【\[](?:招标项目编号|项目编号|采购编号|招标编号|编号)(?:[：:]|(?=[A-Za-z0-9]))\s*([^（()）〔〕【】\[\]，,。；;：:]{3,60}?)\s*[)）〕】\]]/d;

/**
 * The project's number as the intro sentence gives it in brackets after the name, for pages whose only label for it
 * is a bare 编号 (which no field reads: it numbers certificates and notices too).
 */
export function introCode(page: Page): Span | null {
  for (const line of introLines(page)) {
    const prose = proseOf(line);
    if (!prose) continue;
    const named = [INTRO_PROJECT, INTRO_PROJECT_LEADS, INTRO_RUN_BY].map((re) => re.exec(prose.text)).find(Boolean);
    if (!named) continue;
    const nameEnd = named.indices![1][1];
    const bracket = prose.text.slice(nameEnd).search(/[（(〔【\[]/);
    if (bracket < 0) return null;
    const from = nameEnd + bracket;
    const m = INTRO_CODE.exec(prose.text.slice(from));
    if (!m) return null;
    return subSpan(page, prose, from + m.indices![1][0], from + m.indices![1][1]);
  }
  return null;
}

/** A bare 编号：X standing alone (a line or a cell of its own) under a notice's title: the notice's number for its project. */
const HEAD_NUMBER = /^\s*编\s*号\s*[:：]\s*(\S(?:.{0,40}\S)?)\s*$/d;

/**
 * The number a notice gives under its title as a bare 编号 (苏州市工程建设项目中标结果 / 编号：3205…), for pages that
 * label no code: read only among the opening lines, where no certificate or notice of another step is numbered.
 */
export function headNumber(page: Page): Span | null {
  for (const line of introLines(page)) {
    for (const piece of line.cells ?? [line.span]) {
      const m = HEAD_NUMBER.exec(piece.text);
      if (m) return subSpan(page, piece, m.indices![1][0], m.indices![1][1]);
    }
  }
  return null;
}

/** "采用公开招标方式", "进行了询价采购": anywhere, since pasted originals carry the sentence too. */
export function introMethod(page: Page): Found<string> | null {
  for (const line of page.lines) {
    if (line.cells) continue;
    const m = INTRO_METHOD.exec(line.span.text);
    if (!m) continue;
    const group = m[1] !== undefined ? 1 : 2;
    const span = groupSpan(page, line.span, m, group);
    return { value: span.text, span };
  }
  return null;
}
