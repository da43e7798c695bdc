// One winner field can name a consortium: 联合体牵头人：X；成员：Y, X（联合体牵头人）、Y（联合体成员）,
// X与Y联合体. Each company becomes a supplier with its role; a plain name is the sole supplier.
import { canonicalName, looksLikeCompanyName } from '../../src/domain/names.ts';
import type { SupplierRole } from './notice.ts';
import { subSpan, trimTrailingPunctuation } from './page.ts';
import type { Page, Span } from './page.ts';
import { nameSpan } from './values.ts';

export interface NamedSupplier {
  raw: Span;
  name: string;
  role: SupplierRole;
}

export interface SupplierSplit {
  suppliers: NamedSupplier[];
  /** Several companies named without saying they form a consortium (each is reported, none guessed). */
  unclear: boolean;
  warnings: string[];
}

const SEPARATOR = /[、；;，,／/]/g;
const SEPARATOR_OR_SPACE = /[、；;，,／/]|\s+(?=\S)/g;
const PAIR = /^(.+?)(?:与|和|及)(.+?)(?:组成的?|的)?联合体$/;
/** X、Y联合体 / X、Y组成的联合体 / X、Y（联合体）: the word closing a list of members. */
const LIST_CLOSER = /(?:组成的?|的)?联合体$|[（(]\s*联合体\s*[)）]$/;
/** Short role notes in brackets that the canonical name does not read: X（牵头）. */
const SHORT_LEAD_NOTE = /\s*[（(]\s*(?:牵头|主办|主体)\s*[)）]\s*$/;

/** Splits a winner value into suppliers. Returns an empty list when no usable name is in it. */
export function splitSuppliers(page: Page, value: Span): SupplierSplit {
  // The punctuation that ends a field (X（Y）联合体；) would hide the word closing a consortium.
  const span = trimTrailingPunctuation(page, value);
  const text = span.text;
  const consortium = /联合体|牵头|（主）|\(主\)/.test(text);
  const warnings: string[] = [];
  if (!consortium) {
    const parts = pieces(page, span, SEPARATOR).filter((p) => looksLikeCompanyName(p.text));
    if (parts.length > 1) {
      return { suppliers: parts.map((p) => named(p, 'sole')), unclear: true, warnings };
    }
    const lines = oneNameALine(page, span);
    if (lines) return { suppliers: lines.map((p) => named(p, 'sole')), unclear: true, warnings };
    const whole = nameSpan(page, span);
    return { suppliers: whole ? [named(whole, 'sole')] : [], unclear: false, warnings };
  }
  const listed = leadThenAll(page, span);
  if (listed) return { suppliers: listed, unclear: false, warnings };
  const pair = PAIR.exec(text.replace(/[(（]\s*联合体\s*[)）]$/, '联合体'));
  let parts: Span[];
  if (pair) {
    parts = [subSpan(page, span, 0, pair[1].length), subSpan(page, span, pair[1].length + 1, pair[1].length + 1 + pair[2].length)];
  } else {
    const closer = LIST_CLOSER.exec(text);
    const list = closer && closer.index > 0 ? subSpan(page, span, 0, closer.index) : span;
    const bracketed = closer ? leadWithMember(page, list) : null;
    if (bracketed) return { suppliers: bracketed, unclear: false, warnings };
    parts = pieces(page, list, SEPARATOR_OR_SPACE);
  }
  const suppliers: NamedSupplier[] = [];
  for (const part of parts) {
    const lead = SHORT_LEAD_NOTE.exec(part.text);
    const raw = lead && lead.index > 0 ? subSpan(page, part, 0, lead.index) : part;
    const c = canonicalName(raw.text);
    if (!c.name || !looksLikeCompanyName(c.name)) continue;
    suppliers.push({ raw, name: c.name, role: lead ? 'lead' : c.role ?? 'sole' });
  }
  if (suppliers.length === 1 && suppliers[0].role === 'sole') return { suppliers, unclear: false, warnings };
  const hasLead = suppliers.some((s) => s.role === 'lead');
  for (const s of suppliers) if (s.role === 'sole') s.role = 'member';
  if (!hasLead && suppliers.length > 1) {
    warnings.push(`consortium ${suppliers.map((s) => s.name).join(' + ')} names no lead; all recorded as members`);
  }
  return { suppliers, unclear: false, warnings };
}

/** 牵头供应商：X 投标联合体：X、Y — the lead, then every member with the lead among them again. */
const LEAD_THEN_ALL = /^(牵头(?:供应商|人|单位)[：:]\s*)(\S.*?)\s*(?:投标)?联合体(?:成员)?[：:]\s*(\S.*)$/s;

/** The consortium of the form above, the lead once; null when it is not that form or the lead is not in the list. */
function leadThenAll(page: Page, span: Span): NamedSupplier[] | null {
  const m = LEAD_THEN_ALL.exec(span.text);
  if (!m) return null;
  const lead = subSpan(page, span, m[1].length, m[1].length + m[2].length);
  const listAt = span.text.length - m[3].length;
  const all = pieces(page, subSpan(page, span, listAt, span.text.length), SEPARATOR);
  const leadName = canonicalName(lead.text).name;
  const members = all.filter((p) => canonicalName(p.text).name !== leadName);
  if (!looksLikeCompanyName(leadName) || members.length !== all.length - 1 || members.length === 0) return null;
  if (!members.every((p) => looksLikeCompanyName(canonicalName(p.text).name))) return null;
  return [named(lead, 'lead'), ...members.map((p) => named(p, 'member'))];
}

/** A consortium written lead（member）: the lead first, its partner in brackets (winners add 联合体 after it). */
export const MEMBER_IN_BRACKETS = /^(.+?)\s*[（(]([^（）()]+)[)）]$/;

/** The two companies of 河北省安装工程有限公司（唐钢国际工程技术股份有限公司）联合体, or null when it is not that form. */
function leadWithMember(page: Page, list: Span): NamedSupplier[] | null {
  const m = MEMBER_IN_BRACKETS.exec(list.text);
  if (!m) return null;
  const lead = subSpan(page, list, 0, m[1].length);
  const memberStart = list.text.lastIndexOf(m[2]);
  const member = subSpan(page, list, memberStart, memberStart + m[2].length);
  const [a, b] = [canonicalName(lead.text), canonicalName(member.text)];
  // Both must be companies in their own right: X（北京）有限公司 or X（联合体牵头人） are one name, not two.
  if (!a.name || !b.name || a.role || b.role || !looksLikeCompanyName(a.name) || !looksLikeCompanyName(b.name)) return null;
  return [{ raw: lead, name: a.name, role: 'lead' }, { raw: member, name: b.name, role: 'member' }];
}

/** Where a cell's lines meet: a line break, or the space a page's reader joins a cell's paragraphs with. */
const LINE_BREAK = /\s+/g;
/** A list item's number opening a line (1. / 二、 / 3）). */
const LIST_NUMBER = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．)）]/;
/** A branch's form: on the line after its parent's name (某某有限公司 / 上海分公司) it ends that name, no second one. */
const BRANCH_END = /(?:分公司|分厂|分店|分行|支行|分部|分院|分所|办事处)$/;

/**
 * Companies written one a line in one cell (金刚化工(昆山)有限公司 / 上海涂料有限公司振华造漆厂): every line a company's
 * name in its own right, none a branch that continues the line above; null when the lines are one wrapped name or a
 * name and something else (an address, a note).
 */
function oneNameALine(page: Page, span: Span): Span[] | null {
  const lines = pieces(page, span, LINE_BREAK);
  if (lines.length < 2) return null;
  // A numbered list (1.甲公司 2.乙公司) in one winner's field is read elsewhere: it may rank rather than name winners.
  if (lines.some((l) => LIST_NUMBER.test(l.text))) return null;
  return lines.every((l) => looksLikeCompanyName(l.text) && !BRANCH_END.test(l.text.trim())) ? lines : null;
}

function pieces(page: Page, span: Span, separator: RegExp): Span[] {
  const out: Span[] = [];
  let from = 0;
  const text = span.text;
  separator.lastIndex = 0;
  for (let m = separator.exec(text); ; m = separator.exec(text)) {
    const to = m ? m.index : text.length;
    const piece = subSpan(page, span, from, to);
    if (piece.text) out.push(piece);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

function named(span: Span, role: SupplierRole): NamedSupplier {
  const c = canonicalName(span.text);
  return { raw: span, name: c.name, role: c.role ?? role };
}

/** 本项目中标供应商为联合体，牵头单位为X，联合体成员为：Y、Z — a sentence that says whom a winner won with. */
const STATED_CONSORTIUM = /(?:中标|成交|中选)(?:供应商|人|单位)(?:为|是)联合体/;
const STATED_LEAD = /牵头(?:单位|人|方)(?:为|是)?[:：]?\s*([^，,。；;：:\s]{4,60})/d;
const STATED_MEMBERS = /成员(?:单位)?(?:为|是)?[:：]?\s*([^，,。；;：:\s]{4,200})/d;

/**
 * The members a sentence adds to the winner it names as the consortium's lead; null when the line says no such
 * thing or a member is no organisation.
 */
export function statedConsortium(page: Page, line: Span): { lead: string; members: NamedSupplier[] } | null {
  if (!STATED_CONSORTIUM.test(line.text)) return null;
  const lead = STATED_LEAD.exec(line.text);
  const members = STATED_MEMBERS.exec(line.text);
  if (!lead || !members || members.index < lead.index) return null;
  const [from, to] = members.indices![1];
  const list = trimTrailingPunctuation(page, subSpan(page, line, from, to));
  const parts = pieces(page, list, SEPARATOR);
  if (parts.length === 0 || !parts.every((p) => looksLikeCompanyName(p.text))) return null;
  return { lead: canonicalName(lead[1]).name, members: parts.map((p) => named(p, 'member')) };
}
