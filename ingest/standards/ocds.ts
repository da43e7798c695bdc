// Open Contracting Data Standard in: release packages, record packages (their compiled releases),
// single releases or records, as one JSON document or JSON Lines, recognised by content (an ocid and a
// release's sections). Each release gives Notices the loader takes like extracted ones; every fact's
// evidence is the exact `"key": value` slice of the file it was read from.
import type { Node } from 'jsonc-parser';
import { fenFromYuan } from '../../src/domain/amount.ts';
import { canonicalName } from '../../src/domain/names.ts';
import { getRegion, regionPath } from '../../src/domain/region.ts';
import { normalizeUscc } from '../../src/domain/uscc.ts';
import { awardAt, candidateAt, NOTICE_ITSELF } from '../extract/notice.ts';
import type { Award, Candidate, Evidence, EvidenceTarget, Money, Notice, NoticeType, Party, RegionRef, Source, Supplier, SupplierRole } from '../extract/notice.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import type { ReadDocument } from '../read/document.ts';
import type { NoticeSource, NoticesExtract } from './source.ts';
import { child, complete, elements, isObject, readJson, spanOf, valueOf, type Json, type JsonRead, type Located } from './json-tree.ts';

/** org-id.guide's scheme for the 统一社会信用代码. */
const USCC_SCHEME = 'CN-USCI';
const USCC_SCHEME_NAME = /统一社会信用代码|unified\s*social\s*credit|\buscc\b/i;
/** How bidgraph's own export names a consortium's lead in the award's description. */
const LEAD = /consortium led by ([^;]+)|联合体牵头人[:：]\s*([^;；，,]+)/i;
/** Statuses of a lot that cannot have a winner. */
const FAILED_LOT = new Set(['unsuccessful', 'cancelled']);

type DateKind = 'decision' | 'publication' | 'publicityStart';

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

/** YYYY-MM-DD of an OCDS date-time, as written (its own time zone). */
function day(v: unknown): string | null {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

function looksLikeRelease(v: unknown): v is Json {
  return isObject(v) && typeof v.ocid === 'string' && (isObject(v.tender) || Array.isArray(v.awards) || Array.isArray(v.parties) || isObject(v.buyer) || Array.isArray(v.tag));
}

/** A release to read, with where it is (for evidence offsets and for messages). */
interface ReleaseAt {
  node: Node;
  loc: Located;
  label: string;
}

function releaseLabel(v: unknown, where: string): string {
  const id = isObject(v) ? (str(v.id) ?? str(v.ocid)) : null;
  return [id ? `release ${id}` : null, where || null].filter(Boolean).join(' at ') || 'release';
}

/**
 * The releases of the file: a package's releases, a record's compiled release (else its embedded
 * releases), or releases themselves. Elements of `releases` that are no release are named.
 */
function releasesIn(read: JsonRead): (ReleaseAt | { skipped: string })[] {
  const out: (ReleaseAt | { skipped: string })[] = [];
  const take = (node: Node, loc: Located, where: string) => {
    const v = valueOf(node);
    if (!complete(read, node)) return;
    if (looksLikeRelease(v)) out.push({ node, loc, label: releaseLabel(v, where) });
    else out.push({ skipped: `${where || 'release'}: not an OCDS release (no ocid, or no parties, buyer, tender or awards); skipped` });
  };
  const record = (node: Node, loc: Located, where: string) => {
    const compiled = child(node, 'compiledRelease');
    if (compiled) return take(compiled, loc, `${where}compiledRelease`);
    elements(child(node, 'releases')).forEach((r, i) => {
      if (isObject(valueOf(r)) && 'url' in (valueOf(r) as Json) && !('ocid' in (valueOf(r) as Json))) return; // a linked release: nothing to read here
      take(r, loc, `${where}releases[${i}]`);
    });
  };
  for (const loc of read.roots) {
    const prefix = loc.where ? `${loc.where}: ` : '';
    const roots = loc.node.type === 'array' ? elements(loc.node).map((n, i) => ({ n, at: `[${i}]` })) : [{ n: loc.node, at: '' }];
    for (const { n, at } of roots) {
      const v = valueOf(n);
      if (!isObject(v)) continue;
      if (Array.isArray(v.releases) && !('ocid' in v)) elements(child(n, 'releases')).forEach((r, i) => take(r, loc, `${prefix}${at}releases[${i}]`));
      else if (Array.isArray(v.records)) elements(child(n, 'records')).forEach((r, i) => record(r, loc, `${prefix}${at}records[${i}].`));
      else if ('compiledRelease' in v || (Array.isArray(v.releases) && 'ocid' in v)) record(n, loc, `${prefix}${at}`);
      else take(n, loc, `${prefix}${at}`.replace(/: $/, ''));
    }
  }
  return out;
}

/** Reads one release into Notices: one per award date (a Notice has one decision date), tender facts in the first. */
class ReleaseReader {
  private readonly v: Json;
  private readonly parties = new Map<string, { value: Json; node: Node }>();
  private readonly evidence: Evidence[] = [];

  constructor(
    private readonly r: ReleaseAt,
    private readonly text: string,
    private readonly source: Source,
    private readonly warn: (m: string) => void,
  ) {
    this.v = valueOf(r.node) as Json;
    for (const p of elements(child(r.node, 'parties'))) {
      const value = valueOf(p);
      const id = isObject(value) ? str(value.id) : null;
      if (id && isObject(value)) this.parties.set(id, { value, node: p });
    }
  }

  private say(m: string): void {
    this.warn(`${this.r.label}: ${m}`);
  }

  /** Evidence for a field: the member that holds `node` in the file. */
  private cite(field: string, node: Node | undefined, evidence: Evidence[] = this.evidence, about: EvidenceTarget = NOTICE_ITSELF): void {
    if (!node) return;
    const { start, end } = spanOf(this.r.loc, node);
    evidence.push({ about, field, text: this.text.slice(start, end), start, end });
  }

  /** The party an organisation reference points at (by id), else the reference itself. */
  private party(ref: Node | undefined): { value: Json; node: Node } | null {
    const v = valueOf(ref);
    if (!ref || !isObject(v)) return null;
    const id = str(v.id);
    return (id && this.parties.get(id)) || { value: v, node: ref };
  }

  private withRole(role: string): { value: Json; node: Node } | null {
    for (const p of this.parties.values()) if (Array.isArray(p.value.roles) && p.value.roles.includes(role)) return p;
    return null;
  }

  /** The name of an organisation reference: its own, else its party's; with the node that says it. */
  private nameOf(ref: Node | undefined): { name: string; node: Node; party: { value: Json; node: Node } | null } | null {
    const own = child(ref, 'name');
    const party = this.party(ref);
    if (str(valueOf(own))) return { name: str(valueOf(own))!, node: own!, party };
    const theirs = party ? child(party.node, 'name') : undefined;
    return str(valueOf(theirs)) ? { name: str(valueOf(theirs))!, node: theirs!, party } : null;
  }

  /** An organisation by reference, else the party with the role; its name's node is cited by the caller. */
  private organisation(ref: Node | undefined, role: string): { party: Party; node: Node } | null {
    let named = this.nameOf(ref);
    if (!named) {
      const p = this.withRole(role);
      const n = p ? child(p.node, 'name') : undefined;
      named = p && n && str(valueOf(n)) ? { name: str(valueOf(n))!, node: n, party: p } : null;
    }
    if (!named) return null;
    return { party: { name: canonicalName(named.name).name, address: this.address(named.party) }, node: named.node };
  }

  private address(party: { value: Json } | null): string | null {
    const a = party?.value.address;
    if (!isObject(a)) return null;
    return str(a.streetAddress) ?? ([a.region, a.locality].map(str).filter(Boolean).join('') || null);
  }

  /** The USCC among a party's identifiers (scheme CN-USCI), check character verified. */
  private uscc(party: { value: Json; node: Node } | null, field: string, evidence: Evidence[], about: EvidenceTarget): string | null {
    if (!party) return null;
    const candidates = [child(party.node, 'identifier'), ...elements(child(party.node, 'additionalIdentifiers'))];
    for (const node of candidates) {
      const ident = valueOf(node);
      if (!isObject(ident)) continue;
      const scheme = str(ident.scheme) ?? '';
      if (scheme.toUpperCase() !== USCC_SCHEME && !USCC_SCHEME_NAME.test(str(ident.schemeName) ?? '')) continue;
      const raw = str(ident.id);
      const uscc = raw ? normalizeUscc(raw) : null;
      if (!uscc) {
        this.say(`${JSON.stringify(raw)} is given as a ${USCC_SCHEME} identifier but is no valid 统一社会信用代码; left out`);
        continue;
      }
      this.cite(field, child(node, 'id'), evidence, about);
      return uscc;
    }
    return null;
  }

  /** A value in yuan (amount a number, currency CNY or none given), as fen. */
  private money(node: Node | undefined, where: string): { money: Money; node: Node } | null {
    const v = valueOf(node);
    if (v === undefined || v === null) return null;
    const amountNode = child(node, 'amount');
    const amount = isObject(v) ? v.amount : undefined;
    if (amount === undefined || amount === null) return null;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      this.say(`${where}: amount ${JSON.stringify(amount)} is not a number; left out`);
      return null;
    }
    const currency = str((v as Json).currency) ?? 'CNY';
    if (currency !== 'CNY') {
      this.say(`${where}: value in ${currency}, not yuan; left out`);
      return null;
    }
    const fen = fenFromYuan(amount);
    if (!fen) {
      this.say(`${where}: amount ${amount} is too large; left out`);
      return null;
    }
    if (fen.rounded) this.say(`${where}: amount ${amount} rounded to the fen`);
    return { money: { fen: fen.fen, currency: 'CNY' }, node: amountNode! };
  }

  /** Lots of the tender by id: title and status. */
  private lots(): Map<string, { title: string | null; status: string | null; node: Node }> {
    const out = new Map<string, { title: string | null; status: string | null; node: Node }>();
    for (const l of elements(child(child(this.r.node, 'tender'), 'lots'))) {
      const v = valueOf(l);
      const id = isObject(v) ? str(v.id) : null;
      if (id && isObject(v)) out.set(id, { title: str(v.title), status: str(v.status), node: l });
    }
    return out;
  }

  read(): Notice[] {
    const v = this.v;
    const tenderNode = child(this.r.node, 'tender');
    const tender = isObject(v.tender) ? v.tender : {};
    const buyerRef = this.organisation(child(this.r.node, 'buyer'), 'buyer');
    const procuring = this.organisation(child(tenderNode, 'procuringEntity'), 'procuringEntity');
    // The procuring entity is an agency only when it is not the buyer itself.
    const agencyRef = procuring && procuring.party.name !== buyerRef?.party.name ? procuring : null;
    this.cite('buyer.name', buyerRef?.node);
    this.cite('agency.name', agencyRef?.node);
    const buyer = buyerRef?.party ?? null;
    const agency = agencyRef?.party ?? null;

    const title = str(tender.title) ?? str(v.title);
    this.cite('project.name', str(tender.title) ? child(tenderNode, 'title') : child(this.r.node, 'title'));
    // tender.id may just repeat the ocid (OCDS allows it): then it is no procurement number.
    const tenderId = str(tender.id);
    const code = tenderId && !tenderId.startsWith(String(v.ocid)) ? tenderId : null;
    if (code) this.cite('project.code', child(tenderNode, 'id'));
    const method = str(tender.procurementMethodDetails) ?? str(tender.procurementMethod);
    if (method) this.cite('project.method', child(tenderNode, str(tender.procurementMethodDetails) ? 'procurementMethodDetails' : 'procurementMethod'));
    const budget = this.money(child(tenderNode, 'value'), 'tender');
    if (budget) this.cite('budget', budget.node);
    const ext = isObject(v.bidgraph) ? v.bidgraph : {};
    const region = this.region(ext);
    const contractModel = Array.isArray(ext.contractModel) ? ext.contractModel.filter((m): m is string => typeof m === 'string') : [];

    const awards = this.awards();
    const candidates = this.candidates(tenderNode);
    if (!buyer && !title && !code && awards.length === 0) {
      this.say('names no buyer, tender or award; skipped');
      return [];
    }
    const released = day(v.date);
    this.cite('publishedAt', released ? child(this.r.node, 'date') : undefined);
    const tenderStatus = str(tender.status);
    const noticeType: NoticeType =
      awards.length > 0 ? 'award' : tenderStatus && FAILED_LOT.has(tenderStatus) ? 'termination' : isObject(v.tender) ? 'tender' : 'other';

    // One Notice per award date and kind (tender facts and candidates in the first).
    const groups = new Map<string, typeof awards>();
    for (const a of awards) groups.set(`${a.date ?? ''}|${a.kind}`, [...(groups.get(`${a.date ?? ''}|${a.kind}`) ?? []), a]);
    if (groups.size === 0) groups.set('|none', []);
    const notices: Notice[] = [];
    for (const group of groups.values()) {
      const first = notices.length === 0;
      const date = group[0]?.date ?? null;
      const kind = group[0]?.kind ?? 'none';
      const evidence = first ? [...this.evidence] : this.evidence.filter((e) => e.field !== 'budget' && e.field !== 'publishedAt');
      group.forEach((a, i) => {
        for (const e of a.evidence) evidence.push({ ...e, about: awardAt(i) });
      });
      if (first) for (const c of candidates.evidence) evidence.push(c);
      notices.push({
        source: this.source,
        extractorVersion: EXTRACTOR_VERSION,
        noticeType,
        title,
        publishedAt: kind === 'publication' ? date : kind === 'publicityStart' ? null : released,
        decisionDate: kind === 'decision' ? date : null,
        publicityPeriod: kind === 'publicityStart' ? { start: date, end: null } : null,
        project: { name: title, code, method, contractModel },
        buyer,
        agency,
        region,
        budget: first ? (budget?.money ?? null) : null,
        awards: group.map((a) => a.award),
        candidates: first ? candidates.list : [],
        evidence,
        warnings: [],
      });
    }
    return notices;
  }

  private region(ext: Json): RegionRef | null {
    const code = isObject(ext.region) ? str(ext.region.code) : null;
    const known = code ? getRegion(code) : null;
    if (!code || !known) return null;
    this.cite('region', child(child(child(this.r.node, 'bidgraph'), 'region'), 'code'));
    return { code, name: known.name, path: regionPath(code) };
  }

  private candidates(tenderNode: Node | undefined): { list: Candidate[]; evidence: Evidence[] } {
    const list: Candidate[] = [];
    const evidence: Evidence[] = [];
    for (const t of elements(child(tenderNode, 'tenderers'))) {
      const named = this.nameOf(t);
      if (!named) continue;
      this.cite('name', named.node, evidence, candidateAt(list.length));
      list.push({ rank: null, name: canonicalName(named.name).name, bid: null });
    }
    return { list, evidence };
  }

  /** The awards that are results: active (with winners) or unsuccessful (never with winners); failed lots without an award too. */
  private awards(): { award: Award; date: string | null; kind: DateKind | 'none'; evidence: Evidence[] }[] {
    const out: { award: Award; date: string | null; kind: DateKind | 'none'; evidence: Evidence[] }[] = [];
    const lots = this.lots();
    const lotsWithAward = new Set<string>();
    const awardsNode = child(this.r.node, 'awards');
    if (awardsNode && awardsNode.type !== 'array') this.say('"awards" is not a list; no award read');
    elements(awardsNode).forEach((node, n) => {
      const a = valueOf(node);
      if (!isObject(a)) {
        this.say(`awards[${n}] is not an object; skipped`);
        return;
      }
      const name = `award ${str(a.id) ?? `awards[${n}]`}`;
      const evidence: Evidence[] = [];
      const i = out.length;
      const related = Array.isArray(a.relatedLots) ? a.relatedLots.map(str).filter((l): l is string => l !== null) : [];
      const lotInfo = related.map((l) => lots.get(l)).find((l) => l !== undefined);
      const lot = str(a.title) ?? lotInfo?.title ?? related[0] ?? null;
      const said = str(a.status);
      if (said !== 'active' && said !== 'unsuccessful') {
        this.say(`${name} is ${said ?? 'without a status'}, not a result; left out`);
        return;
      }
      let status: Award['status'] = said;
      for (const l of related) lotsWithAward.add(l);
      const failedLots = related.filter((l) => FAILED_LOT.has(lots.get(l)?.status ?? ''));
      if (status === 'active' && related.length > 0 && failedLots.length === related.length) {
        this.say(`${name} is active but its lot ${failedLots.join(', ')} is ${lots.get(failedLots[0])!.status}; read as unsuccessful, no winner`);
        status = 'unsuccessful';
        this.cite('status', child(lots.get(failedLots[0])!.node, 'status'), evidence, awardAt(i));
      } else {
        this.cite('status', child(node, 'status'), evidence, awardAt(i));
      }
      if (lot) this.cite('lot', str(a.title) ? child(node, 'title') : (lotInfo ? child(lotInfo.node, 'title') : child(node, 'relatedLots')), evidence, awardAt(i));
      const active = status === 'active';
      const value = active ? this.money(child(node, 'value'), name) : null;
      if (value) this.cite('value', value.node, evidence, awardAt(i));
      const suppliers = active ? this.suppliers(node, a, i, name, evidence) : [];
      if (active && suppliers.length === 0) {
        this.say(`${name} is active but names no supplier; left out`);
        return;
      }
      const { date, kind } = this.dateOf(node, a, i, evidence);
      out.push({ award: { lot, status, suppliers, value: value?.money ?? null, rate: null }, date, kind, evidence });
    });
    // A lot the tender marks unsuccessful or cancelled, and no award speaks of: a failed lot.
    for (const [id, l] of lots) {
      if (lotsWithAward.has(id) || !FAILED_LOT.has(l.status ?? '')) continue;
      const evidence: Evidence[] = [];
      this.cite('status', child(l.node, 'status'), evidence, awardAt(out.length));
      out.push({ award: { lot: l.title ?? id, status: 'unsuccessful', suppliers: [], value: null, rate: null }, date: null, kind: 'none', evidence });
    }
    return out;
  }

  /** An award's date and what it is: OCDS's award date is the decision's, unless bidgraph's extension says otherwise. */
  private dateOf(node: Node, a: Json, i: number, evidence: Evidence[]): { date: string | null; kind: DateKind | 'none' } {
    const date = day(a.date);
    if (!date) return { date: null, kind: 'none' };
    this.cite('date', child(node, 'date'), evidence, awardAt(i));
    const said = isObject(a.bidgraph) ? str(a.bidgraph.dateKind)?.toLowerCase() : null;
    const kind: DateKind = said === 'publication' ? 'publication' : said === 'publicitystart' ? 'publicityStart' : 'decision';
    return { date, kind };
  }

  private suppliers(node: Node, a: Json, i: number, name: string, evidence: Evidence[]): Supplier[] {
    const refs = elements(child(node, 'suppliers'));
    const lead = LEAD.exec(str(a.description) ?? '');
    const leadName = lead ? (lead[1] ?? lead[2]).trim() : null;
    const out: Supplier[] = [];
    refs.forEach((ref, j) => {
      const named = this.nameOf(ref);
      if (!named) {
        this.say(`${name}: suppliers[${j}] has no name; left out`);
        return;
      }
      const k = out.length;
      const role: SupplierRole = refs.length === 1 ? 'sole' : named.name === leadName ? 'lead' : 'member';
      this.cite(`suppliers[${k}].name`, named.node, evidence, awardAt(i));
      const uscc = this.uscc(named.party, `suppliers[${k}].uscc`, evidence, awardAt(i));
      out.push({ name: canonicalName(named.name).name, rawName: named.name, address: this.address(named.party), uscc, role });
    });
    return out;
  }
}

/** A package's releases or records: some element has an ocid. */
function holdsOcids(v: unknown): boolean {
  return Array.isArray(v) && v.some((x) => isObject(x) && typeof x.ocid === 'string');
}

const parsed = new WeakMap<ReadDocument, JsonRead | null>();

function jsonOf(doc: ReadDocument): JsonRead | null {
  if (!parsed.has(doc)) parsed.set(doc, doc.html === null && doc.text.includes('"ocid"') ? readJson(doc.text) : null);
  return parsed.get(doc) ?? null;
}

export function parseOcds(doc: ReadDocument): NoticesExtract {
  const warnings: string[] = [];
  const warn = (m: string) => void warnings.push(`${doc.path}: ${m}`);
  const read = jsonOf(doc);
  if (!read) return { notices: [], warnings: [`${doc.path}: no JSON found`], title: null };
  for (const b of read.bad) warn(`line ${b.line}: ${b.reason}`);
  const source = { path: doc.path, sha256: doc.sha256, mediaType: doc.mediaType, encoding: doc.encoding };
  const notices: Notice[] = [];
  let releases = 0;
  for (const r of releasesIn(read)) {
    if ('skipped' in r) {
      warn(r.skipped);
      continue;
    }
    releases++;
    notices.push(...new ReleaseReader(r, doc.text, source, warn).read());
  }
  if (releases === 0) warn('no OCDS release in the file');
  return { notices, warnings, title: titleOf(read, releases) };
}

/** "OCDS release package of <publisher>, N releases". */
function titleOf(read: JsonRead, releases: number): string {
  const root = read.roots.length === 1 ? valueOf(read.roots[0].node) : null;
  const kind = isObject(root) ? (Array.isArray(root.releases) && !('ocid' in root) ? 'release package' : Array.isArray(root.records) ? 'record package' : 'release') : 'JSON Lines';
  const publisher = isObject(root) && isObject(root.publisher) ? str(root.publisher.name) : null;
  return `OCDS ${kind}${publisher ? ` of ${publisher}` : ''}, ${releases} release${releases === 1 ? '' : 's'}`;
}

export const ocdsSource: NoticeSource = {
  name: 'ocds',
  mediaType: 'application/json',
  matches: (doc) => {
    const read = jsonOf(doc);
    if (!read) return false;
    return read.roots.some((r) => {
      const v = valueOf(r.node);
      const tops = Array.isArray(v) ? v : [v];
      return tops.some((t) => isObject(t) && (typeof t.ocid === 'string' || holdsOcids(t.releases) || holdsOcids(t.records)));
    });
  },
  parse: parseOcds,
};
