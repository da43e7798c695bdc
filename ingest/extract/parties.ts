// Project, buyer and agency: the first usable field of each kind, then the intro sentence
// ("X受Y的委托，就Z项目（项目编号：…）组织采购") when the fields say nothing.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import type { Field } from './fields.ts';
import type { FieldKey } from './labels.ts';
import { compact, proseOf, subSpan, tidy, trimTrailingPunctuation } from './page.ts';
import type { Page, Span } from './page.ts';
import { kindOf, leadHeading } from './sections.ts';
import type { SectionKind, Sections } from './sections.ts';
import { addressOf, isPlaceholder, methodOf, partyNameOf, projectCodeOf } from './values.ts';
import type { Found } from './values.ts';

export interface PartyFound {
  name: Found<string>;
  address: Found<string> | null;
  /** The raw span of the name, for region inference. */
  raw: Span;
}

export interface ProjectFound {
  name: Found<string> | null;
  code: Found<string> | null;
  method: Found<string> | null;
  region: Span | null;
  warnings: string[];
}

const INTRO_LINES = 15;
const INTRO_PARTIES = /([^，,。；;：:\s]{2,50}?)受([^，,。；;：:\s]{2,50}?)(?:的)?委托/d;
const INTRO_AGENCY_AFTER = /受([^，,。；;：:\s]{2,50}?)(?:的)?委托[，,]\s*([^，,。；;：:\s]{2,50}?)(?:于|就|对|根据|按照|在)/d;
// 本…（招标项目编号：…） and 本招标项目…，招标人为… open the national platform's result template; 本 ending a word
// (成本, 资本, 日本) starts no name.
const INTRO_PROJECT = /(?:就|对|关于(?:我(?:司|公司|中心|单位))?(?:代理|组织)?的?|(?<![成资日基样账文版课脚剧标])本(?:招标项目)?)\s*([^，,。；;：:]{2,120}?)\s*(?:项目)?\s*[（(](?:招标项目编号|项目编号|采购编号|招标编号|编号)[：:]/d;
// …and the standard tender template's 本招标项目…已由…批准建设.
const INTRO_TENDER_PROJECT = /本招标项目\s*([^，,。；;：:]{2,120}?)\s*(?:[，,]\s*招标人为|已由)/d;
// …the sentence that reports the procedure: [buyer]对[project]进行协议采购 and [buyer]的[project]评标工作已经结束.
const INTRO_CONDUCTED = /对\s*([^，,。；;：:]{2,120}?)\s*进行了?(?:公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源|协议|定点|竞价|网上竞价|电子竞价)?(?:采购|招标)/d;
const INTRO_FINISHED = /([^，,。；;：:\s]{4,50}?)的([^，,。；;：:]{4,120}?)(?:评标|评审|招标|采购)工作已(?:经)?(?:结束|完成)/d;
/** Each intro sentence that names the project, with the group that holds the name. */
const INTRO_PROJECT_SENTENCES: [RegExp, number][] = [[INTRO_PROJECT, 1], [INTRO_TENDER_PROJECT, 1], [INTRO_CONDUCTED, 1], [INTRO_FINISHED, 2]];
/** The method written after the project's name in an intro: …存储备份一体机国内竞争性磋商项目. */
const METHOD_AFTER_NAME = /(?:国内|国际)?(?:公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源)(?:采购)?$/;
/** "YY（采购人）" in a sentence; the words before the name (本项目由…) are cut off. */
const ROLE_IN_BRACKETS = /([^，,。；;：:\s（()）]{4,60})[（(](采购人|招标人|采购单位|采购代理机构|招标代理机构|代理机构)[)）]/dg;
const CLAUSE_BEFORE_NAME = /^.*(?:由|受|经|向|委托)/;
/** The intro speaks as the agency: 我司代理的…, 我中心受采购人的委托…; the sign-off then names it. */
const AGENCY_SPEAKS = /我(?:司|公司|中心|单位)(?:受|代理|接受|组织)/;
const SIGN_OFF_LINES = 8;
const INTRO_METHOD = /(?:采用|以|通过)(公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源)(?:采购)?(?:的)?方式|进行了(公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源)(?:采购)?/d;
const CODE_LINE = /^[A-Za-z0-9][A-Za-z0-9\-_#[\]/()（）〔〕.]{3,40}$/;
const NAME_AND_CODE_IN_BRACKETS = /^(.+?)[（(]([A-Za-z0-9][^（）()]*\d[^（）()]*)[)）]$/;
const NAME_AND_CODE = /^(.+?)[、\s]+([A-Za-z0-9\u3400-\u9fff[\]〔〕\-#]*\d[A-Za-z0-9[\]〔〕\-#号]*)$/;

function first<T>(fields: Field[], keys: FieldKey[], read: (f: Field) => T | null): T | null {
  for (const f of fields) {
    if (!keys.includes(f.key) || !f.value) continue;
    const v = read(f);
    if (v) return v;
  }
  return null;
}

function groupSpan(page: Page, line: Span, m: RegExpExecArray, group: number): Span {
  const [from, to] = m.indices![group];
  return subSpan(page, line, from, to);
}

/**
 * Buyer and agency. Generic 名称/地址 fields count under a heading that names the party (一、采购人 /
 * 名称：X / 地址：Y); a generic 地址 right after a party's name is that party's address.
 */
export function findParties(page: Page, fields: Field[], sections: Sections): {
  buyer: PartyFound | null; agency: PartyFound | null; warnings: string[];
} {
  let buyer: PartyFound | null = null;
  let agency: PartyFound | null = null;
  const warnings: string[] = [];
  // A pasted original may name the party again; a different name there is reported, not merged.
  const also = (kept: PartyFound, other: Found<string>, who: string) => {
    const a = kept.name.value;
    const b = other.value;
    const message = `${who}: the notice also names ${b} (kept ${a}, the first)`;
    if (!a.includes(b) && !b.includes(a) && !warnings.includes(message)) warnings.push(message);
  };
  let last: { who: 'buyer' | 'agency' | 'other'; line: number } = { who: 'other', line: -1 };
  for (const f of fields) {
    const v = f.value;
    const section = sections.kindOf[f.line];
    let who: 'buyer' | 'agency' | null = null;
    if (f.key === 'buyerName') who = 'buyer';
    else if (f.key === 'agencyName') who = 'agency';
    else if (f.key === 'partyName') {
      const block = section === 'buyer' || section === 'agency' ? section : headedBy(page, f);
      if (block === 'buyer' || block === 'agency') who = block;
    }
    if (who) {
      last = { who, line: f.line };
      const name = v ? firstOfSeveral(page, partyNameOf(page, v), who, warnings) : null;
      if (!name || !v) continue;
      if (who === 'buyer') {
        if (!buyer) buyer = { name, address: null, raw: name.span };
        else if (f.key === 'buyerName') also(buyer, name, 'buyer');
      }
      if (who === 'agency') {
        if (!agency) agency = { name, address: null, raw: name.span };
        else if (f.key === 'agencyName') also(agency, name, 'agency');
      }
      continue;
    }
    if (['winnerName', 'candidate', 'proposedWinner', 'unitName', 'consortiumLead'].includes(f.key)) {
      last = { who: 'other', line: f.line };
      continue;
    }
    if (!v) continue;
    let target: 'buyer' | 'agency' | null = null;
    if (f.key === 'buyerAddress') target = 'buyer';
    else if (f.key === 'agencyAddress') target = 'agency';
    else if (f.key === 'address') {
      if (last.who !== 'other' && f.line - last.line <= 3) target = last.who;
      else if (section === 'buyer' || section === 'agency') target = section;
    }
    const party = target === 'buyer' ? buyer : target === 'agency' ? agency : null;
    if (party && !party.address) party.address = addressOf(page, v);
  }
  if (!buyer || !agency) {
    const intro = introParties(page);
    buyer ??= intro.buyer;
    agency ??= intro.agency;
  }
  if (!buyer || !agency) {
    const roles = partiesInBrackets(page);
    buyer ??= roles.buyer;
    agency ??= roles.agency;
  }
  agency ??= signOffAgency(page);
  return { buyer, agency, warnings };
}

/** The kind of block a heading run into the field's line opens: 1.采购人信息 名称：X. */
function headedBy(page: Page, f: Field): SectionKind | null {
  const heading = leadHeading(page, f);
  return heading ? kindOf(heading) : null;
}

/**
 * A party field that names several organisations joined by 、 (招标人：…物资供应处、…采供部): a Party is one
 * organisation, so the first is kept and the others are reported. Parts that are not all organisations
 * are one name and stay whole.
 */
function firstOfSeveral(page: Page, found: Found<string> | null, who: string, warnings: string[]): Found<string> | null {
  if (!found || !found.span.text.includes('、')) return found;
  const parts = found.span.text.split('、');
  if (parts.some((p) => !looksLikeCompanyName(p))) return found;
  const first = partyNameOf(page, subSpan(page, found.span, 0, parts[0].length));
  if (!first) return found;
  warnings.push(`${who}: the field names ${parts.length} organisations (${parts.join('; ')}); kept the first`);
  return first;
}

function asParty(page: Page, span: Span | null): PartyFound | null {
  const found = span ? partyNameOf(page, span) : null;
  return found && looksLikeCompanyName(found.value) ? { name: found, address: null, raw: found.span } : null;
}

/** "重庆市XX局（采购人）", "XX招标有限公司（采购代理机构）" in the opening sentences. */
function partiesInBrackets(page: Page): { buyer: PartyFound | null; agency: PartyFound | null } {
  let buyer: PartyFound | null = null;
  let agency: PartyFound | null = null;
  for (const line of page.lines.slice(0, INTRO_LINES)) {
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

/** When the intro speaks as the agency (我司代理的…), the organisation signing off above the date. */
function signOffAgency(page: Page): PartyFound | null {
  if (!page.lines.slice(0, INTRO_LINES).some((l) => !l.cells && AGENCY_SPEAKS.test(l.span.text))) return null;
  const lines = page.lines;
  for (let i = lines.length - 1; i > Math.max(0, lines.length - SIGN_OFF_LINES); i--) {
    const date = lines[i].span.text.replace(/\s+/g, '');
    if (lines[i].cells || !/^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/.test(date)) continue;
    const above = lines[i - 1];
    return above.cells ? null : asParty(page, above.span);
  }
  return null;
}

/** "X受Y(的)委托" (agency X, buyer Y), or "受Y的委托，X于…" when the agency comes after. */
function introParties(page: Page): { buyer: PartyFound | null; agency: PartyFound | null } {
  const company = (span: Span | null): PartyFound | null => asParty(page, span);
  for (const line of page.lines.slice(0, INTRO_LINES)) {
    const prose = proseOf(line);
    if (!prose) continue;
    const before = INTRO_PARTIES.exec(prose.text);
    const after = INTRO_AGENCY_AFTER.exec(prose.text);
    if (!before && !after) {
      const finished = INTRO_FINISHED.exec(prose.text);
      const buyer = finished ? company(groupSpan(page, prose, finished, 1)) : null;
      if (buyer) return { buyer, agency: null };
      continue;
    }
    const buyer = company(before ? groupSpan(page, prose, before, 2) : groupSpan(page, prose, after!, 1));
    const agency = company(before ? groupSpan(page, prose, before, 1) : null)
      ?? company(after ? groupSpan(page, prose, after, 2) : null);
    return { buyer, agency };
  }
  return { buyer: null, agency: null };
}

function projectNameOf(page: Page, f: Field): { name: Found<string>; code: Found<string> | null } | null {
  const v = trimTrailingPunctuation(page, f.value!);
  if (!v.text || isPlaceholder(v.text)) return null;
  if (f.info.norm.includes('编号')) {
    const m = NAME_AND_CODE_IN_BRACKETS.exec(v.text) ?? NAME_AND_CODE.exec(v.text);
    if (m) {
      const nameSpan = subSpan(page, v, 0, m[1].length);
      const codeStart = v.text.lastIndexOf(m[2]);
      const codeSpan = subSpan(page, v, codeStart, codeStart + m[2].length);
      return { name: { value: tidy(nameSpan.text), span: nameSpan }, code: { value: codeSpan.text, span: codeSpan } };
    }
    const next = page.lines[f.line + 1];
    if (next && !next.cells && CODE_LINE.test(next.span.text)) {
      return { name: { value: tidy(v.text), span: v }, code: { value: next.span.text, span: next.span } };
    }
  }
  return { name: completedName(page, f, v), code: null };
}

/** How a project's name ends: 项目, 工程, 采购, 服务, a closing bracket… */
const PROJECT_NAME_END = /(项目|工程|采购|服务|招标|建设|改造|维护|运维|保障|设计|监理|施工|购置|租赁|标段|[)）])$/;
const MAX_WRAPPED = 40;
const NAME_TAIL_LINE = /^(?:采购|建设|工程|服务|招标)?项目$/;

/**
 * A name that a PDF's line broke or split into text runs (项目名称：2025 \t年纸质图书采购项目, …运维服\n务采购项目):
 * the rest of the line's runs and the next line complete it, but only when the short name does not end like a
 * project's name and the completed one does.
 */
function completedName(page: Page, f: Field, v: Span): Found<string> {
  const plain = { value: tidy(v.text), span: v };
  const next = page.lines[f.line + 1];
  // A line that is only the name's last word (…技术服务 / 采购项目) can be nothing but its end.
  if (next && !next.cells && NAME_TAIL_LINE.test(compact(next.span.text)) && v.end <= page.lines[f.line].span.end) {
    const span: Span = { text: page.text.slice(v.start, next.span.end), start: v.start, end: next.span.end };
    return { value: tidy(span.text.replace(/\s*\n\s*/g, '')), span };
  }
  if (PROJECT_NAME_END.test(plain.value)) return plain;
  const line = page.lines[f.line];
  let end = v.end;
  const rest = line.cells ? line.cells.filter((c) => c.start >= v.end && c.text) : [];
  if (rest.length > 0 && rest.every((c) => !/[：:]/.test(c.text))) end = rest[rest.length - 1].end;
  const ends: number[] = [end];
  // Counted without spaces: a cover page spaces its characters out (一 期 、 二 期 … 项 目).
  if (next && compact(next.span.text).length <= MAX_WRAPPED && !/[：:]/.test(next.span.text)) ends.push(next.span.end);
  for (const to of ends) {
    if (to === v.end) continue;
    const span: Span = { text: page.text.slice(v.start, to), start: v.start, end: to };
    const joined = span.text.replace(/[ \t]*\t[ \t]*|\s*\n\s*/g, '');
    if (PROJECT_NAME_END.test(tidy(joined))) return { value: tidy(joined), span };
  }
  return plain;
}

export function findProject(page: Page, fields: Field[]): ProjectFound {
  const warnings: string[] = [];
  let code: Found<string> | null = null;
  let name: Found<string> | null = null;
  for (const f of fields) {
    if (f.key !== 'projectName' || !f.value) continue;
    const found = projectNameOf(page, f);
    if (!found) continue;
    name = found.name;
    code = found.code;
    break;
  }
  const codeField = first(fields, ['projectCode'], (f) => projectCodeOf(page, f.value!));
  if (codeField) {
    if (codeField.others.length > 0) {
      warnings.push(`project code field lists several numbers (${[codeField.value, ...codeField.others].join(', ')}); kept the first`);
    }
    code = { value: codeField.value, span: codeField.span };
  }
  const method = first(fields, ['method'], (f) => methodOf(page, f.value!)) ?? introMethod(page);
  name ??= introProject(page);
  const region = first(fields, ['region'], (f) => (isPlaceholder(f.value!.text) ? null : f.value));
  return { name, code, method, region, warnings };
}

function introProject(page: Page): Found<string> | null {
  for (const line of page.lines.slice(0, INTRO_LINES)) {
    const prose = proseOf(line);
    if (!prose) continue;
    const found = INTRO_PROJECT_SENTENCES.map(([re, group]) => [re.exec(prose.text), group] as const).find(([m]) => m);
    if (!found) continue;
    const [m, group] = found;
    let span = groupSpan(page, prose, m!, group);
    const method = METHOD_AFTER_NAME.exec(span.text);
    if (method && method.index >= 2) span = subSpan(page, span, 0, method.index);
    return span.text ? { value: tidy(span.text), span } : null;
  }
  return null;
}

/** "采用公开招标方式", "进行了询价采购": anywhere, since pasted originals carry the sentence too. */
function introMethod(page: Page): Found<string> | null {
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
