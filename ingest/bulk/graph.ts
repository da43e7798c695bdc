// The graph a bulk import builds in memory: the ingest pipeline hands it batches as it hands them to the
// Loader, the same planner (ingest/load/plan.ts) plans them against what it holds, and each statement of
// the plan is applied here with the meaning its Cypher has (MERGE on the model's keys, SET += where a null
// removes, the newest region and winners replacing the old). Identity is thus resolved once, in memory,
// over every notice in input order. Documents, PUBLISHED_IN and SUPPORTED_BY are written once and go
// straight to their CSV files; the nodes and links later notices can amend wait for the end (tables.ts).
import type { ListLoadItem } from '../load/lists.ts';
import type { BatchOutcome, Counters, DocumentOutcome, KnownDocument } from '../load/loader.ts';
import { emptyCounters, LOADER_VERSION } from '../load/loader.ts';
import type { LoadItem, Lookup, Props, Snapshot, WritePlan } from '../load/plan.ts';
import { lookupFor, planBatch } from '../load/plan.ts';
import { gazetteerRows, type RegionEntry } from '../load/regions.ts';
import type { DocumentSink, ListSink } from '../pipeline.ts';
import type { AwardState, CompanyState, ProjectState } from '../../src/domain/identity.ts';
import type { BulkTables } from './tables.ts';

/** A relationship merged on its two ends: `from\tto`. */
export const pair = (from: string, to: string) => `${from}\t${to}`;

/** SET r += props: a null removes the property, anything else replaces it. */
function setProps(into: Props, props: Props): Props {
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) delete into[k];
    else into[k] = v;
  }
  return into;
}

const set = (props: Props) => Object.values(props).filter((v) => v !== null && v !== undefined).length;

/** Relationships merged on their two ends, with the properties the last SET left. */
export type Links = Map<string, Props>;

export class BulkGraph implements DocumentSink {
  readonly version = LOADER_VERSION;
  readonly counters: Counters = emptyCounters();
  /** Restriction lists and name-link files: written through the ListLoader once the import is done. */
  readonly listItems: ListLoadItem[] = [];
  readonly lists: ListSink = { load: async (item) => this.takeList(item) };

  readonly companies = new Map<string, CompanyState>();
  readonly projects = new Map<string, ProjectState>();
  readonly awards = new Map<string, AwardState>();
  readonly persons = new Map<string, Props>();
  /** Region props by code: the gazetteer, then codes outside it that notices name. */
  readonly regions = new Map<string, Props>();
  readonly links = {
    PART_OF: new Map() as Links,
    BRANCH_OF: new Map() as Links,
    IN_REGION: new Map() as Links,
    HAS_BUYER: new Map() as Links,
    HAS_AGENCY: new Map() as Links,
    HAS_CANDIDATE: new Map() as Links,
    HAS_AWARD: new Map() as Links,
    AWARDED_TO: new Map() as Links,
  };
  /** OWNS by `ownerLabel\towner\towned`. */
  readonly owns = new Map<string, Props>();

  private readonly documents = new Map<string, KnownDocument>();
  private readonly keys = new Map<string, Set<string>>();
  private readonly usccs = new Map<string, string>();
  /** Each project's one region (REPLACE_IN_REGION keeps the newest). */
  private readonly projectRegion = new Map<string, string>();
  /** Each award's winners by company (DROP_REPLACED_WINNERS removes the others). */
  private readonly winners = new Map<string, Set<string>>();
  private readonly gazetteer: ReadonlySet<string>;

  constructor(
    private readonly tables: BulkTables,
    regions: readonly RegionEntry[],
  ) {
    for (const r of gazetteerRows(regions)) this.regions.set(r.code, { code: r.code, name: r.name, level: r.level, status: r.status });
    for (const r of regions) if (r.parent && this.regions.has(r.parent)) this.links.PART_OF.set(pair(r.code, r.parent), {});
    this.gazetteer = new Set(this.regions.keys());
  }

  async knownDocuments(shas: string[]): Promise<Map<string, KnownDocument>> {
    return new Map(shas.filter((s) => this.documents.has(s)).map((s) => [s, this.documents.get(s)!]));
  }

  private async takeList(item: ListLoadItem): Promise<{ outcome: DocumentOutcome; counters: Counters }> {
    this.listItems.push(item);
    return { outcome: { sha256: item.document.sha256, path: item.document.path, status: 'ok', warnings: [] }, counters: emptyCounters() };
  }

  async load(items: readonly LoadItem[]): Promise<BatchOutcome> {
    // Only a Notice line without an extractor version can come twice (ingest would read it again): the first reading stands.
    const fresh = items.filter((i) => !this.documents.has(i.document.sha256));
    const taken = new Set(fresh);
    const { plan, warnings, touched } = planBatch(fresh, this.snapshot(lookupFor(fresh)), { loaderVersion: this.version, knownRegions: this.gazetteer });
    const before = { ...this.counters };
    this.apply(plan, touched);
    const counters = emptyCounters();
    for (const k of Object.keys(counters) as (keyof Counters)[]) counters[k] = this.counters[k] - before[k];
    const documents: DocumentOutcome[] = items.map((i) => {
      const again = !taken.has(i);
      const w = again ? ['the same document came before in this import; the first reading stands'] : (warnings.get(i.document.sha256) ?? []);
      return { sha256: i.document.sha256, path: i.document.path, status: 'ok', warnings: w };
    });
    return { documents, counters };
  }

  /** What READ_SNAPSHOT would return: companies by USCC or identity key, projects and awards by id. */
  private snapshot(lookup: Lookup): Snapshot {
    const ids = new Set<string>();
    for (const u of lookup.usccs) if (this.usccs.has(u)) ids.add(this.usccs.get(u)!);
    for (const k of lookup.keys) for (const id of this.keys.get(k) ?? []) ids.add(id);
    return {
      documents: [],
      companies: [...ids].map((id) => this.companies.get(id)!),
      projects: lookup.projectIds.filter((id) => this.projects.has(id)).map((id) => this.projects.get(id)!),
      awards: lookup.awardIds.filter((id) => this.awards.has(id)).map((id) => this.awards.get(id)!),
    };
  }

  private created<K>(map: Map<K, unknown>, key: K, kind: 'nodesCreated' | 'relationshipsCreated'): void {
    if (!map.has(key)) this.counters[kind]++;
  }

  private rememberCompany(c: CompanyState): void {
    const old = this.companies.get(c.id);
    for (const k of old?.nameKeys ?? []) if (!c.nameKeys.includes(k)) this.keys.get(k)?.delete(c.id);
    if (old?.uscc && old.uscc !== c.uscc && this.usccs.get(old.uscc) === c.id) this.usccs.delete(old.uscc);
    this.created(this.companies, c.id, 'nodesCreated');
    this.companies.set(c.id, c);
    for (const k of c.nameKeys) {
      const ids = this.keys.get(k) ?? new Set<string>();
      ids.add(c.id);
      this.keys.set(k, ids);
    }
    if (c.uscc) this.usccs.set(c.uscc, c.id);
  }

  /** SET r += props on the link between two ends that exist, created when missing. */
  private link(links: Links, from: string, to: string, props: Props = {}): void {
    const key = pair(from, to);
    this.created(links, key, 'relationshipsCreated');
    links.set(key, setProps(links.get(key) ?? {}, props));
    this.counters.propertiesSet += set(props);
  }

  /** The plan's statements in the Loader's order (statementsOf), each as its Cypher would change the graph. */
  private apply(plan: WritePlan, touched: { companies: CompanyState[]; projects: ProjectState[]; awards: AwardState[] }): void {
    for (const d of plan.documents) {
      const p = { sha256: d.sha256, ...d.props } as Props & KnownDocument;
      this.counters.nodesCreated++;
      this.counters.propertiesSet += set(p);
      this.documents.set(d.sha256, { sha256: d.sha256, loaderVersion: this.version, extractorVersion: p.extractorVersion, extractHash: p.extractHash, url: p.url, retrievedAt: p.retrievedAt });
      this.tables.document(p);
    }
    for (const c of plan.companies) this.counters.propertiesSet += set(c.props);
    for (const c of touched.companies) this.rememberCompany(c);
    for (const b of plan.branchOf) if (this.companies.has(b.from) && this.companies.has(b.to)) this.link(this.links.BRANCH_OF, b.from, b.to);
    for (const r of plan.regions) {
      if (this.regions.has(r.code)) continue;
      this.counters.nodesCreated++;
      this.regions.set(r.code, { code: r.code, name: r.name, level: r.level });
    }
    for (const r of plan.regions) if (r.parent && this.regions.has(r.parent)) this.link(this.links.PART_OF, r.code, r.parent);
    for (const p of plan.projects) this.counters.propertiesSet += set(p.props);
    for (const p of touched.projects) {
      this.created(this.projects, p.id, 'nodesCreated');
      this.projects.set(p.id, p);
    }
    for (const r of plan.projectRegions) {
      if (!this.regions.has(r.code)) continue;
      const old = this.projectRegion.get(r.projectId);
      if (old !== undefined && old !== r.code) this.links.IN_REGION.delete(pair(r.projectId, old));
      this.projectRegion.set(r.projectId, r.code);
      this.link(this.links.IN_REGION, r.projectId, r.code);
    }
    for (const b of plan.buyers) this.link(this.links.HAS_BUYER, b.projectId, b.companyId, b.props);
    for (const a of plan.agencies) this.link(this.links.HAS_AGENCY, a.projectId, a.companyId, a.props);
    this.publish(plan.published);
    for (const a of plan.awards) {
      this.counters.propertiesSet += set(a.props);
      this.link(this.links.HAS_AWARD, a.projectId, a.id);
    }
    for (const a of touched.awards) {
      this.created(this.awards, a.id, 'nodesCreated');
      this.awards.set(a.id, a);
    }
    for (const w of plan.winners) this.replaceWinners(w);
    for (const c of plan.candidates) this.link(this.links.HAS_CANDIDATE, c.projectId, c.companyId, c.props);
    this.supportedBy(plan.evidence);
    for (const p of plan.persons) {
      this.created(this.persons, p.id, 'nodesCreated');
      this.persons.set(p.id, setProps(this.persons.get(p.id) ?? { id: p.id }, p.props));
    }
    for (const o of plan.owns) this.own(o);
  }

  /** PUBLISHED_IN is met once per project and document (a file of many notices may name a project twice: the last notice type stands). */
  private publish(rows: WritePlan['published']): void {
    const last = new Map(rows.map((r) => [pair(r.projectId, r.sha256), r]));
    for (const r of last.values()) {
      if (!this.projects.has(r.projectId) || !this.documents.has(r.sha256)) continue;
      this.counters.relationshipsCreated++;
      this.tables.publishedIn(r.projectId, r.sha256, { noticeType: r.noticeType });
    }
  }

  private replaceWinners(w: WritePlan['winners'][number]): void {
    if (!this.awards.has(w.awardId)) return;
    const current = this.winners.get(w.awardId) ?? new Set<string>();
    for (const c of current) {
      if (w.companyIds.includes(c)) continue;
      this.links.AWARDED_TO.delete(pair(w.awardId, c));
      this.counters.relationshipsDeleted++;
      current.delete(c);
    }
    for (const l of w.links) {
      if (!this.companies.has(l.companyId)) continue;
      this.link(this.links.AWARDED_TO, w.awardId, l.companyId, l.props);
      current.add(l.companyId);
    }
    this.winners.set(w.awardId, current);
  }

  /** CREATE_SUPPORTED_BY: one link per subject that exists, written at once (a document's evidence is never amended in an import). */
  private supportedBy(rows: WritePlan['evidence']): void {
    for (const row of rows) {
      if (!this.documents.has(row.sha256)) continue;
      for (const s of row.subjects) {
        const from = s.award ? (this.awards.has(s.award) ? { label: 'Award' as const, id: s.award } : null) : s.project && this.projects.has(s.project) ? { label: 'Project' as const, id: s.project } : null;
        if (!from) continue;
        this.counters.relationshipsCreated++;
        this.tables.supportedBy(from.label, from.id, row.sha256, { fields: s.fields, texts: s.texts, starts: s.starts, ends: s.ends });
      }
    }
  }

  /** MERGE_COMPANY_OWNS / MERGE_PERSON_OWNS: a holding restated with an older asOf does not overwrite a newer one. */
  private own(o: WritePlan['owns'][number]): void {
    const owner = o.ownerIsPerson ? this.persons : this.companies;
    if (!owner.has(o.ownerId) || !this.companies.has(o.ownedId)) return;
    const key = `${o.ownerIsPerson ? 'Person' : 'Company'}\t${pair(o.ownerId, o.ownedId)}`;
    const old = this.owns.get(key);
    if (!old) {
      this.counters.relationshipsCreated++;
      this.owns.set(key, setProps({}, o.props));
    } else if (String(o.props.asOf ?? '') >= String(old.asOf ?? '')) setProps(old, o.props);
    this.counters.propertiesSet += set(o.props);
  }
}
