// Project, buyer and agency: the first usable field of each kind, then what the notice's sentences say
// (sentences.ts: the intro X受Y的委托，就Z项目（项目编号：…）组织采购, the sign-off) when the fields say nothing.
import { looksLikeCompanyName } from '../../src/domain/names.ts';
import type { Field } from './fields.ts';
import type { FieldKey } from './labels.ts';
import { compact, subSpan, tidy, trimTrailingPunctuation } from './page.ts';
import type { Page, Span } from './page.ts';
import { kindOf, leadHeading } from './sections.ts';
import { headNumber, introCode, introMethod, introParties, introProject, partiesInBrackets, signOffAgency, signOffPair } from './sentences.ts';
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

const CODE_LINE = /^[A-Za-z0-9][A-Za-z0-9\-_#[\]/()（）〔〕.]{3,40}$/;
/** 妇科医疗设备采购（GXZC2018-J1-21797-KLZB（重））: the code may end in a short note of its own in brackets. */
const NAME_AND_CODE_IN_BRACKETS = /^(.+?)[（(]([A-Za-z0-9][^（）()]*\d[^（）()]*(?:[（(][^（）()]{1,6}[)）])?)[)）]$/;
const NAME_AND_CODE = /^(.+?)[、\s]+([A-Za-z0-9\u3400-\u9fff[\]〔〕\-#]*\d[A-Za-z0-9[\]〔〕\-#号]*)$/;

function first<T>(fields: Field[], keys: FieldKey[], read: (f: Field) => T | null): T | null {
  for (const f of fields) {
    if (!keys.includes(f.key) || !f.value) continue;
    const v = read(f);
    if (v) return v;
  }
  return null;
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
  let previous: Field | null = null;
  for (const f of fields) {
    const v = f.value;
    const section = sections.kindOf[f.line];
    const before = previous;
    previous = f;
    let who: 'buyer' | 'agency' | null = null;
    if (f.key === 'buyerName') who = 'buyer';
    else if (f.key === 'agencyName') who = 'agency';
    else if (f.key === 'partyName') {
      const block = section === 'buyer' || section === 'agency' ? section : headedBy(page, f, before);
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
  if (buyer && agency && compact(buyer.name.value) === compact(agency.name.value)) {
    buyer = buyerBesideAgency(page, fields, agency, warnings) ?? buyer;
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
  if (!buyer) {
    const signers = signOffPair(page);
    if (signers && (!agency || compact(agency.name.value) === compact(signers.agency.name.value))) {
      buyer = signers.buyer;
      agency ??= signers.agency;
    }
  }
  return { buyer, agency, warnings };
}

const BUYER_OWN_LABEL = /^采购(?:人|单位)(?:名称)?$/;

/**
 * The first buyer, when it is also the agency (a cover's 招标单位：某区政府采购中心, then 采购人：某管理中心 and 采购代理机构：
 * 某区政府采购中心): a party named the buyer elsewhere that is not the agency. Null when none is.
 */
function buyerBesideAgency(page: Page, fields: Field[], agency: PartyFound, warnings: string[]): PartyFound | null {
  const agencyName = compact(agency.name.value);
  for (const f of fields) {
    // Only the buyer's own label (采购人), not one a bidder's record of past work may hold (建设单位).
    if (f.key !== 'buyerName' || !f.value || !BUYER_OWN_LABEL.test(f.info.norm)) continue;
    const name = partyNameOf(page, f.value);
    if (!name || compact(name.value) === agencyName) continue;
    const kept = warnings.findIndex((w) => w.startsWith(`buyer: the notice also names ${name.value} (`));
    if (kept >= 0) warnings.splice(kept, 1);
    warnings.push(`buyer: ${agency.name.value} is named both buyer and agency; kept ${name.value}, named the buyer elsewhere`);
    return { name, address: null, raw: name.span };
  }
  return null;
}

/** A numbered block heading right before a field, after the last one on its line: …联系方式：X 2、采购代理机构信息 名 称：Y. */
const ITEM_HEADING_BEFORE = /(?:^|\s)\d{1,2}\s*[、.．]\s*([\u3400-\u9fff]{2,12})\s*$/;

/** The kind of block a heading run into the field's line opens: 1.采购人信息 名称：X, also mid-line. */
function headedBy(page: Page, f: Field, before: Field | null): SectionKind | null {
  const from = before && before.line === f.line ? (before.value ?? before.label).end : page.lines[f.line].span.start;
  const item = ITEM_HEADING_BEFORE.exec(page.text.slice(from, f.label.start));
  const heading = item ? item[1] : leadHeading(page, f);
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

function projectNameOf(page: Page, f: Field): { name: Found<string>; code: Found<string> | null } | null {
  const v = bracketClosed(page, f, trimTrailingPunctuation(page, f.value!));
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

/**
 * A name cut inside its own brackets by a label-like word there (…招标（三标段：球墨铸铁井盖）): it runs on to the
 * bracket's close on the same line.
 */
function bracketClosed(page: Page, f: Field, v: Span): Span {
  const open = (v.text.match(/[(（]/g) ?? []).length - (v.text.match(/[)）]/g) ?? []).length;
  if (open !== 1) return v;
  const line = page.lines[f.line].span;
  const close = page.text.slice(v.end, line.end).search(/[)）]/);
  if (close < 0 || /[(（]/.test(page.text.slice(v.end, v.end + close))) return v;
  const end = v.end + close + 1;
  return { text: page.text.slice(v.start, end), start: v.start, end };
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
    // The first name stands; a later 项目名称及编号 may still give the code (妇科医疗设备采购（GXZC2018-J1-21797-KLZB（重））).
    name ??= found.name;
    code ??= found.code;
    if (code) break;
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
  // Numbers no label names (the intro's bracket, a bare 编号 under the title) go through the same code rules as fields.
  const numbered = code ? null : introCode(page) ?? headNumber(page);
  const numberedCode = numbered ? projectCodeOf(page, numbered) : null;
  if (numberedCode) code = { value: numberedCode.value, span: numberedCode.span };
  const region = first(fields, ['region'], (f) => (isPlaceholder(f.value!.text) ? null : f.value));
  return { name, code, method, region, warnings };
}


/**
 * The name and number of the one lot a page names (标段名称 / 标段编号), which stand for the project's when the page
 * gives no other; null on a page naming several lots.
 */
export function onlyLotNamed(page: Page, fields: Field[]): { name: Found<string> | null; code: Found<string> | null } | null {
  const names = fields.filter((f) => f.key === 'lotName' && f.value);
  const codes = fields.filter((f) => f.key === 'lotCode' && f.value);
  if (names.length > 1 || codes.length > 1 || names.length + codes.length === 0) return null;
  const code = codes.length === 1 ? projectCodeOf(page, codes[0].value!) : null;
  return { name: names.length === 1 ? projectNameOf(page, names[0])?.name ?? null : null, code: code && { value: code.value, span: code.span } };
}
