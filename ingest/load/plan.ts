// Notices and holdings → the rows a batch writes. Pure: identities are resolved against a snapshot of
// what the database holds, in document order, so a batch writes exactly what loading its documents
// one by one would have written.
import { awardAt, candidateAt, evidencePath, NOTICE_ITSELF, sameTarget } from '../extract/notice.ts';
import type { Award, Evidence, EvidenceTarget, Notice, NoticeType } from '../extract/notice.ts';
import type { HoldingRecord } from '../ownership/holding.ts';
import { garbledName, looksLikeCompanyName } from '../../src/domain/names.ts';
import { yuanFromFen } from '../../src/domain/amount.ts';
import type { PropsOf } from '../../schema/model.ts';
import type { AwardDateKind, AwardState, CompanyMention, CompanyState, ProjectFields, ProjectState, ProjectStatus } from '../../src/domain/identity.ts';
import {
  amendAward,
  amendProject,
  awardId,
  CompanyIdentities,
  lotKey,
  mentionLookup,
  personId,
  projectId,
  searchTextOf,
  stampOf,
} from '../../src/domain/identity.ts';

/** What the Document node says about an ingested original. */
export interface DocumentMeta {
  sha256: string;
  path: string;
  url: string | null;
  retrievedAt: string | null;
  title: string | null;
  publishedAt: string | null;
  mediaType: string;
  /** A notice's type; or what the file is: an ownership source, a restriction list, a data standard's file of many notices (its format, e.g. ocds). */
  noticeType: NoticeType | 'ownership' | 'restriction-list' | 'ocds';
  /** The EXTRACTOR_VERSION that read it, and a hash of what it gave (ingest/reextract.ts compares them). */
  extractorVersion?: string;
  extractHash?: string;
}

export type LoadItem =
  | { kind: 'notice'; document: DocumentMeta; notice: Notice }
  | { kind: 'holdings'; document: DocumentMeta; holdings: HoldingRecord[] }
  | { kind: 'notices'; document: DocumentMeta; notices: Notice[] };

/** The notices an item carries: the one extracted from a notice, or the many of a data standard's file. */
function noticesOf(item: LoadItem): readonly Notice[] {
  return item.kind === 'notice' ? [item.notice] : item.kind === 'notices' ? item.notices : [];
}

/** What a batch must read before it can plan: identity keys, USCCs, projects and awards it touches. */
export interface Lookup {
  /** Documents of the batch (their old evidence is replaced when they are there already). */
  documents: string[];
  keys: string[];
  usccs: string[];
  projectIds: string[];
  awardIds: string[];
}

export interface Snapshot {
  /** sha256 of the batch's documents the database holds already. */
  documents: string[];
  companies: CompanyState[];
  projects: ProjectState[];
  awards: AwardState[];
}

export type Props = Record<string, unknown>;

export interface RegionRow { code: string; name: string; level: string | null; parent: string | null }

export interface WritePlan {
  documents: { sha256: string; props: Props }[];
  /** Documents loaded before (by an older loader, or from another source): their evidence is dropped and written anew. */
  reloaded: { sha256: string }[];
  companies: { id: string; props: Props }[];
  branchOf: { from: string; to: string }[];
  regions: RegionRow[];
  projects: { id: string; props: Props }[];
  /** Projects whose region changed: their IN_REGION is replaced. */
  projectRegions: { projectId: string; code: string }[];
  buyers: { projectId: string; companyId: string; props: Props }[];
  agencies: { projectId: string; companyId: string; props: Props }[];
  published: { projectId: string; sha256: string; noticeType: string }[];
  awards: { id: string; projectId: string; props: Props }[];
  /** Awards whose winners are set by this batch: AWARDED_TO to anyone else is removed. */
  winners: { awardId: string; companyIds: string[]; links: { companyId: string; props: Props }[] }[];
  candidates: { projectId: string; companyId: string; props: Props }[];
  /** Per document: one SUPPORTED_BY per award or project its evidence supports. */
  evidence: { sha256: string; subjects: EvidenceSubject[] }[];
  persons: { id: string; props: Props }[];
  owns: { ownerId: string; ownerIsPerson: boolean; ownedId: string; props: Props }[];
}

/**
 * Snippets of one document in parallel arrays, one entry per field (the first snippet given for it
 * stands), sorted by field then start: the properties of SUPPORTED_BY.
 */
export interface EvidenceArrays {
  fields: string[];
  texts: string[];
  starts: number[];
  ends: number[];
}

/** The evidence one document gives for one award or one project (exactly one of the two ids is set). */
export interface EvidenceSubject extends EvidenceArrays {
  award: string | null;
  project: string | null;
}

export interface PlanResult {
  plan: WritePlan;
  /** The state of every company, project and award the batch touched, once written. */
  touched: { companies: CompanyState[]; projects: ProjectState[]; awards: AwardState[] };
  /** Warnings per document sha256. */
  warnings: Map<string, string[]>;
}

const LEVELS = ['province', 'prefecture', 'county'];

// ------------------------------------------------------------------------------------ lookup

function noticeMentions(n: Notice): CompanyMention[] {
  const stamp = '';
  const out: CompanyMention[] = [];
  if (n.buyer?.name) out.push({ name: n.buyer.name, stamp });
  if (n.agency?.name) out.push({ name: n.agency.name, stamp });
  for (const a of n.awards) for (const s of a.suppliers) out.push({ name: s.name, rawName: s.rawName, uscc: s.uscc, stamp });
  for (const c of n.candidates) out.push({ name: c.name, stamp });
  return out;
}

function holdingMentions(h: HoldingRecord): CompanyMention[] {
  const out: CompanyMention[] = [{ name: h.owned.name, uscc: h.owned.uscc, stamp: '' }];
  if (h.owner.kind !== 'person') out.push({ name: h.owner.name, uscc: h.owner.uscc, stamp: '' });
  return out;
}

/** A notice that names no project, no buyer and no result is a document without a project. */
function hasProject(n: Notice): boolean {
  return Boolean(n.project.code || n.project.name || n.buyer?.name || n.awards.length || n.candidates.length);
}

function noticeProjectId(n: Notice): string {
  return projectId({ buyer: n.buyer?.name ?? null, code: n.project.code, name: n.project.name, sha256: n.source.sha256 });
}

/** Award ids of a notice's lots, in order; lots that repeat inside one notice get #2, #3 … */
function awardIdsOf(n: Notice, pid: string): string[] {
  const seen = new Map<string, number>();
  return n.awards.map((a) => {
    const k = lotKey(a.lot);
    const count = (seen.get(k) ?? 0) + 1;
    seen.set(k, count);
    return awardId(pid, count === 1 ? a.lot : `${k}#${count}`);
  });
}

const AWARD_TYPES: ReadonlySet<NoticeType> = new Set(['award', 'correction', 'termination']);

export function lookupFor(items: readonly LoadItem[]): Lookup {
  const keys = new Set<string>();
  const usccs = new Set<string>();
  const projectIds = new Set<string>();
  const awardIds = new Set<string>();
  for (const item of items) {
    const mentions = item.kind === 'holdings' ? item.holdings.flatMap(holdingMentions) : noticesOf(item).flatMap(noticeMentions);
    for (const m of mentions) {
      const l = mentionLookup(m);
      for (const k of l.keys) keys.add(k);
      if (l.uscc) usccs.add(l.uscc);
    }
    for (const notice of noticesOf(item)) {
      if (!hasProject(notice)) continue;
      const pid = noticeProjectId(notice);
      projectIds.add(pid);
      if (AWARD_TYPES.has(notice.noticeType)) for (const id of awardIdsOf(notice, pid)) awardIds.add(id);
    }
  }
  return { documents: items.map((i) => i.document.sha256), keys: [...keys], usccs: [...usccs], projectIds: [...projectIds], awardIds: [...awardIds] };
}

// ------------------------------------------------------------------------------------ helpers

/** The evidence for a field of what it supports: the exact field, else the first entry under it ('' is under nothing, so any field). */
export function evidenceFor(evidence: readonly Evidence[], about: EvidenceTarget, ...fields: string[]): Evidence | null {
  const of = evidence.filter((e) => sameTarget(e.about, about));
  for (const f of fields) {
    const exact = of.find((e) => e.field === f);
    if (exact) return exact;
  }
  for (const f of fields) {
    const under = of.find((e) => f === '' || e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`));
    if (under) return under;
  }
  return null;
}

function snippetOf(evidence: readonly Evidence[], about: EvidenceTarget, ...fields: string[]): string | null {
  return evidenceFor(evidence, about, ...fields)?.text ?? null;
}

/** A short caption: ¥5.7M, 下浮率 8.5%, unsuccessful. */
export function amountLabel(fen: number | null, rate: { kind: string; percent: number } | null, status: string | null): string {
  if (fen !== null) {
    const amount = yuanFromFen(fen);
    const abs = Math.abs(amount);
    const [div, unit] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'K'] : [1, ''];
    const v = amount / div;
    const digits = unit === '' ? (Number.isInteger(v) ? 0 : 2) : v >= 100 ? 0 : 1;
    const rounded = Math.round(v * 10 ** digits) / 10 ** digits;
    return `¥${rounded.toFixed(digits).replace(/\.0$/, '')}${unit}`;
  }
  if (rate) return `${rate.kind} ${rate.percent}%`;
  return status === 'unsuccessful' ? 'unsuccessful' : 'award';
}

function projectStatus(n: Notice): ProjectStatus | null {
  switch (n.noticeType) {
    case 'tender':
      return 'open';
    case 'award':
      if (n.awards.some((a) => a.status === 'active')) return 'awarded';
      return n.awards.length > 0 ? 'failed' : null;
    case 'termination':
      // A termination that names lots marks those lots (other lots may stand); one that names none ends the project.
      return n.awards.length === 0 ? 'failed' : null;
    default:
      return null;
  }
}

/** The Document node's properties, for every kind of document. */
export function documentProps(d: DocumentMeta, loaderVersion: string): PropsOf<'Document'> {
  return {
    sha256: d.sha256,
    path: d.path,
    url: d.url,
    retrievedAt: d.retrievedAt,
    title: d.title,
    publishedAt: d.publishedAt,
    mediaType: d.mediaType,
    noticeType: d.noticeType,
    loaderVersion,
    extractorVersion: d.extractorVersion ?? null,
    extractHash: d.extractHash ?? null,
  };
}

export function companyProps(c: CompanyState): PropsOf<'Company'> {
  return {
    name: c.name,
    names: c.names,
    nameKeys: c.nameKeys,
    uscc: c.uscc,
    kind: c.kind,
    isBranch: c.isBranch,
    address: c.address,
    searchText: searchTextOf(c.names),
    amendedAt: JSON.stringify(c.amendedAt),
  };
}

export function projectProps(p: ProjectState): PropsOf<'Project'> {
  return {
    code: p.code,
    name: p.name,
    method: p.method,
    contractModel: p.contractModel,
    budgetFen: p.budgetFen,
    status: p.status,
    searchText: p.searchText,
    amendedAt: JSON.stringify(p.amendedAt),
  };
}

/** An award's date: the decision's, else the notice's publication, else the start of its publicity. */
export function awardDate(n: Notice): { date: string | null; dateKind: AwardDateKind | null } {
  if (n.decisionDate) return { date: n.decisionDate, dateKind: 'decision' };
  if (n.publishedAt) return { date: n.publishedAt, dateKind: 'publication' };
  const start = n.publicityPeriod?.start ?? null;
  return start ? { date: start, dateKind: 'publicityStart' } : { date: null, dateKind: null };
}

export function awardProps(a: AwardState): PropsOf<'Award'> {
  const rate = a.rateKind && a.ratePercent !== null ? { kind: a.rateKind, percent: a.ratePercent } : null;
  return {
    lot: a.lot,
    status: a.status,
    amountFen: a.amountFen,
    currency: a.currency,
    rateKind: a.rateKind,
    ratePercent: a.ratePercent,
    date: a.date,
    dateKind: a.dateKind,
    amountLabel: amountLabel(a.amountFen, rate, a.status),
    sha256: a.sha256,
    snippet: a.snippet,
    amendedAt: JSON.stringify(a.amendedAt),
  };
}

interface EvidenceOf {
  award: string | null;
  project: string | null;
  snippets: Evidence[];
}

/** Snippets as parallel arrays under their paths in the notice, sorted by path then start (code-unit order, as Cypher sorts strings). */
export function evidenceArrays(snippets: readonly Evidence[]): EvidenceArrays {
  const sorted = snippets.map((e) => ({ path: evidencePath(e), e })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.e.start - b.e.start));
  return { fields: sorted.map((x) => x.path), texts: sorted.map((x) => x.e.text), starts: sorted.map((x) => x.e.start), ends: sorted.map((x) => x.e.end) };
}

// ------------------------------------------------------------------------------------ planning

export interface PlanOptions {
  loaderVersion: string;
  /** Codes of the gazetteer loaded once; other region codes a notice names are created from its path. */
  knownRegions: ReadonlySet<string>;
}

class Planner {
  readonly identities: CompanyIdentities;
  private readonly projects = new Map<string, ProjectState>();
  private readonly awards = new Map<string, AwardState>();
  /** Awards this batch touches, with their project. */
  private readonly awardProject = new Map<string, string>();
  private readonly projectRegions = new Map<string, string>();
  private readonly winners = new Map<string, WritePlan['winners'][number]>();
  private readonly regions = new Map<string, RegionRow>();
  private readonly persons = new Map<string, Props>();
  /** Per document: the fields it has given evidence for, and that evidence per subject ('' for none). */
  private readonly evidence = new Map<string, { fields: Set<string>; subjects: Map<string, EvidenceOf> }>();
  readonly warnings = new Map<string, string[]>();
  readonly rows: Omit<WritePlan, 'companies' | 'projects' | 'awards' | 'projectRegions' | 'winners' | 'regions' | 'persons' | 'branchOf' | 'reloaded' | 'evidence'> = {
    documents: [],
    buyers: [],
    agencies: [],
    published: [],
    candidates: [],
    owns: [],
  };

  /** Props of the nodes as the database holds them: a node whose props do not change is not written. */
  private readonly stored = new Map<string, string>();
  private readonly existingDocuments: ReadonlySet<string>;

  constructor(snapshot: Snapshot, private readonly opts: PlanOptions) {
    this.identities = new CompanyIdentities(snapshot.companies);
    this.existingDocuments = new Set(snapshot.documents);
    for (const c of snapshot.companies) this.stored.set(c.id, JSON.stringify(companyProps(c)));
    for (const p of snapshot.projects) {
      this.projects.set(p.id, p);
      this.stored.set(p.id, JSON.stringify(projectProps(p)));
    }
    for (const a of snapshot.awards) {
      this.awards.set(a.id, a);
      this.stored.set(a.id, JSON.stringify(awardProps(a)));
    }
  }

  private warn(sha256: string, ...lines: string[]): void {
    if (lines.length === 0) return;
    const list = this.warnings.get(sha256) ?? [];
    list.push(...lines);
    this.warnings.set(sha256, list);
  }

  private company(sha256: string, m: CompanyMention): string | null {
    const garbled = garbledName(m.name);
    if (garbled) {
      this.warn(sha256, `${JSON.stringify(m.name)}: ${garbled}; not loaded as a party`);
      return null;
    }
    const r = this.identities.resolve(m);
    if (!r) return null;
    this.warn(sha256, ...r.warnings);
    return r.id;
  }

  add(item: LoadItem): void {
    this.rows.documents.push({ sha256: item.document.sha256, props: documentProps(item.document, this.opts.loaderVersion) });
    if (item.kind === 'holdings') this.addHoldings(item.holdings, item.document);
    else for (const n of noticesOf(item)) this.addNotice(n, item.document);
  }

  private addRegionPath(path: { code: string; name: string }[]): void {
    path.forEach((r, i) => {
      if (this.opts.knownRegions.has(r.code) || this.regions.has(r.code)) return;
      this.regions.set(r.code, { code: r.code, name: r.name, level: LEVELS[i] ?? null, parent: i > 0 ? path[i - 1].code : null });
    });
  }

  private addNotice(n: Notice, d: DocumentMeta): void {
    const sha = d.sha256;
    const stamp = stampOf(n.publishedAt, sha);
    const ev = n.evidence;
    if (!hasProject(n)) {
      this.warn(sha, 'the notice names no project, buyer or result: loaded as a document only');
      n.evidence.forEach((e) => this.addEvidence(sha, e, null, null));
      return;
    }
    const pid = noticeProjectId(n);

    const buyerId = n.buyer?.name ? this.company(sha, { name: n.buyer.name, address: n.buyer.address, stamp }) : null;
    const agencyId = n.agency?.name ? this.company(sha, { name: n.agency.name, address: n.agency.address, stamp }) : null;

    const fields: ProjectFields = {
      code: n.project.code,
      name: n.project.name,
      method: n.project.method,
      contractModel: n.project.contractModel.length ? n.project.contractModel : null,
      budgetFen: n.budget?.fen ?? null,
      status: projectStatus(n),
      region: n.region?.code ?? null,
    };
    const { state, taken } = amendProject(this.projects.get(pid), pid, fields, stamp);
    this.projects.set(pid, state);
    if (n.region && taken.has('region')) {
      this.projectRegions.set(pid, n.region.code);
      this.addRegionPath(n.region.path.length ? n.region.path : [{ code: n.region.code, name: n.region.name }]);
    }
    if (buyerId) this.rows.buyers.push({ projectId: pid, companyId: buyerId, props: { sha256: sha, snippet: snippetOf(ev, NOTICE_ITSELF, 'buyer.name', 'buyer') } });
    if (agencyId) this.rows.agencies.push({ projectId: pid, companyId: agencyId, props: { sha256: sha, snippet: snippetOf(ev, NOTICE_ITSELF, 'agency.name', 'agency') } });
    this.rows.published.push({ projectId: pid, sha256: sha, noticeType: n.noticeType });

    const awardIds = AWARD_TYPES.has(n.noticeType) ? awardIdsOf(n, pid) : [];
    awardIds.forEach((id, i) => this.addAward(n, d, stamp, pid, id, i, n.awards[i]));

    if (n.noticeType !== 'termination') {
      n.candidates.forEach((c, i) => {
        const cid = this.company(sha, { name: c.name, stamp });
        if (!cid) return;
        this.rows.candidates.push({
          projectId: pid,
          companyId: cid,
          props: { rank: c.rank, bidAmountFen: c.bid?.fen ?? null, sha256: sha, snippet: snippetOf(ev, candidateAt(i), 'name', '') },
        });
      });
    }

    for (const e of ev) {
      const award = e.about.part === 'award' ? (awardIds[e.about.index] ?? null) : null;
      this.addEvidence(sha, e, award ? null : pid, award);
    }
  }

  /** The first snippet a document gives for a field of a subject stands (a file of many notices gives the same field for each of its projects). */
  private addEvidence(sha: string, e: Evidence, project: string | null, award: string | null): void {
    let doc = this.evidence.get(sha);
    if (!doc) {
      doc = { fields: new Set(), subjects: new Map() };
      this.evidence.set(sha, doc);
    }
    const key = award ? `a ${award}` : project ? `p ${project}` : '';
    const field = `${key}\n${evidencePath(e)}`;
    if (doc.fields.has(field)) return;
    doc.fields.add(field);
    let subject = doc.subjects.get(key);
    if (!subject) {
      subject = { award, project: award ? null : project, snippets: [] };
      doc.subjects.set(key, subject);
    }
    subject.snippets.push(e);
  }

  /** One row per document: a SUPPORTED_BY per award or project its evidence supports. */
  private supportedBy(): WritePlan['evidence'] {
    const out: WritePlan['evidence'] = [];
    for (const [sha256, doc] of this.evidence) {
      const subjects = [...doc.subjects.values()].filter((s) => s.award || s.project).map((s) => ({ award: s.award, project: s.project, ...evidenceArrays(s.snippets) }));
      if (subjects.length) out.push({ sha256, subjects });
    }
    return out;
  }

  /** Documents, with the evidence that supports no project (a notice without one) kept on the Document. */
  private documentRows(): WritePlan['documents'] {
    return this.rows.documents.map((d) => {
      const own = this.evidence.get(d.sha256)?.subjects.get('');
      if (!own) return d;
      const a = evidenceArrays(own.snippets);
      return { sha256: d.sha256, props: { ...d.props, evidenceFields: a.fields, evidenceTexts: a.texts, evidenceStarts: a.starts, evidenceEnds: a.ends } };
    });
  }

  private addAward(n: Notice, d: DocumentMeta, stamp: string, pid: string, id: string, i: number, a: Award): void {
    const sha = d.sha256;
    const termination = n.noticeType === 'termination';
    const ev = n.evidence;
    const { state, winners } = amendAward(
      this.awards.get(id),
      id,
      {
        lot: a.lot,
        status: termination ? 'unsuccessful' : a.status,
        amountFen: termination ? null : (a.value?.fen ?? null),
        currency: termination ? null : (a.value?.currency ?? null),
        rateKind: termination ? null : (a.rate?.kind ?? null),
        ratePercent: termination ? null : (a.rate?.percent ?? null),
        ...awardDate(n),
        sha256: sha,
        snippet: snippetOf(ev, awardAt(i), 'value', 'rate', ''),
      },
      stamp,
      !termination && a.suppliers.length > 0,
    );
    this.awards.set(id, state);
    this.awardProject.set(id, pid);
    if (!winners) return;
    const links: { companyId: string; props: Props }[] = [];
    a.suppliers.forEach((s, j) => {
      const cid = this.company(sha, { name: s.name, rawName: s.rawName, uscc: s.uscc, address: s.address, stamp });
      if (!cid || links.some((l) => l.companyId === cid)) return;
      links.push({
        companyId: cid,
        props: { role: s.role, sha256: sha, snippet: snippetOf(ev, awardAt(i), `suppliers[${j}].name`, `suppliers[${j}]`), rawName: s.rawName },
      });
    });
    this.winners.set(id, { awardId: id, companyIds: links.map((l) => l.companyId), links });
  }

  private addHoldings(holdings: HoldingRecord[], d: DocumentMeta): void {
    const sha = d.sha256;
    for (const h of holdings) {
      const stamp = stampOf(h.asOf, sha);
      if (h.owned.kind === 'person') {
        this.warn(sha, `${h.owned.name}: a person cannot be owned; holding by ${h.owner.name} skipped`);
        continue;
      }
      const ownedId = this.company(sha, { name: h.owned.name, uscc: h.owned.uscc, kind: h.owned.kind, stamp });
      if (!ownedId) continue;
      let ownerId: string | null;
      const ownerKind = h.owner.kind;
      const isPerson = ownerKind === 'person';
      if (ownerKind === 'person') {
        ownerId = personId(h.owner.name, ownedId);
        this.persons.set(ownerId, { name: h.owner.name, names: [h.owner.name], searchText: h.owner.name });
      } else {
        if (ownerKind === null && !looksLikeCompanyName(h.owner.name)) {
          this.warn(sha, `${h.owner.name}: the source does not say whether this owner is a person or an organisation; loaded as a company`);
        }
        ownerId = this.company(sha, { name: h.owner.name, uscc: h.owner.uscc, kind: ownerKind, stamp });
      }
      if (!ownerId) continue;
      this.rows.owns.push({
        ownerId,
        ownerIsPerson: isPerson,
        ownedId,
        props: { share: h.share, shareMin: h.shareMin, shareMax: h.shareMax, asOf: h.asOf, sha256: sha, snippet: h.source.snippet },
      });
    }
  }

  private changed<T extends { id: string; props: Props }>(rows: T[]): T[] {
    return rows.filter((r) => this.stored.get(r.id) !== JSON.stringify(r.props));
  }

  finish(): WritePlan {
    return {
      ...this.rows,
      documents: this.documentRows(),
      evidence: this.supportedBy(),
      reloaded: this.rows.documents.filter((d) => this.existingDocuments.has(d.sha256)).map((d) => ({ sha256: d.sha256 })),
      companies: this.changed(this.identities.changed().map((c) => ({ id: c.id, props: companyProps(c) }))),
      branchOf: [...this.identities.branchOf].map(([from, to]) => ({ from, to })),
      regions: [...this.regions.values()],
      projects: this.changed([...this.projects.values()].filter((p) => this.touchedProjects().has(p.id)).map((p) => ({ id: p.id, props: projectProps(p) }))),
      projectRegions: [...this.projectRegions].map(([projectId, code]) => ({ projectId, code })),
      awards: this.changed([...this.awardProject].map(([id, projectId]) => ({ id, projectId, props: awardProps(this.awards.get(id)!) }))),
      winners: [...this.winners.values()],
      persons: [...this.persons].map(([id, props]) => ({ id, props })),
    };
  }

  touched(): PlanResult['touched'] {
    return {
      companies: this.identities.changed(),
      projects: [...this.touchedProjects()].map((id) => this.projects.get(id)!),
      awards: [...this.awardProject.keys()].map((id) => this.awards.get(id)!),
    };
  }

  private touchedProjects(): Set<string> {
    return new Set(this.rows.published.map((p) => p.projectId));
  }
}

/** Plans a batch: items in document order, against the snapshot read for lookupFor(items). */
export function planBatch(items: readonly LoadItem[], snapshot: Snapshot, opts: PlanOptions): PlanResult {
  const planner = new Planner(snapshot, opts);
  for (const item of items) planner.add(item);
  return { plan: planner.finish(), warnings: planner.warnings, touched: planner.touched() };
}
