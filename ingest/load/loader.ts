// Runs plans against Neo4j: one read for the batch's identities, then one write transaction. A batch
// that fails is retried one document at a time, so one bad document never takes others down with it.
import type { Driver, ManagedTransaction, QueryResult } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { IdentityCache } from './cache.ts';
import * as Q from './cypher.ts';
import { withIntegers } from './model-cypher.ts';
import { model } from '../../schema/model.ts';
import type { AwardState, CompanyState, ProjectState, Stamps } from '../../src/domain/identity.ts';
import type { LoadItem, Lookup, Snapshot, WritePlan } from './plan.ts';
import { lookupFor, planBatch } from './plan.ts';

/**
 * Bump when the loader writes different facts for the same document: re-ingest then reloads everything.
 * 2: evidence as arrays on SUPPORTED_BY (Award|Project → Document) instead of Evidence nodes.
 * 3: an Award's date is the decision date, else the publication date, else the publicity start (dateKind).
 */
export const LOADER_VERSION = '3';

export interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export function emptyCounters(): Counters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
}

export function addCounters(into: Counters, from: Counters): void {
  for (const k of Object.keys(into) as (keyof Counters)[]) into[k] += from[k];
}

export interface DocumentOutcome {
  sha256: string;
  path: string;
  status: 'ok' | 'failed';
  reason?: string;
  warnings: string[];
}

export interface BatchOutcome {
  documents: DocumentOutcome[];
  counters: Counters;
}

export interface KnownDocument {
  sha256: string;
  loaderVersion: string | null;
  extractorVersion: string | null;
  extractHash: string | null;
  url: string | null;
  retrievedAt: string | null;
}

/** One parameterised statement and the rows it UNWINDs. */
export type Statement = [query: string, rows: Record<string, unknown>[]];

export interface LoaderOptions {
  database?: string;
  /** Called with the statements of every committed transaction (benchmarks replay them). */
  onWritten?: (statements: Statement[]) => void;
  /** Region codes of the gazetteer already in the database (see loadRegions). */
  knownRegions: ReadonlySet<string>;
  loaderVersion?: string;
  /** Run first in every write transaction (the writer lease renews itself there, or stops the write). */
  guard?: (tx: ManagedTransaction) => Promise<void>;
}

function parseStamps(raw: unknown): Stamps {
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as Stamps) : {};
  } catch {
    return {};
  }
}

type Row = Record<string, unknown>;

function toCompany(r: Row): CompanyState {
  return {
    id: r.id as string,
    name: (r.name as string) ?? '',
    names: (r.names as string[]) ?? [],
    nameKeys: (r.nameKeys as string[]) ?? [],
    uscc: (r.uscc as string) ?? null,
    kind: (r.kind as CompanyState['kind']) ?? 'enterprise',
    isBranch: Boolean(r.isBranch),
    address: (r.address as string) ?? null,
    amendedAt: parseStamps(r.amendedAt),
  };
}

function toProject(r: Row): ProjectState {
  return {
    id: r.id as string,
    code: (r.code as string) ?? null,
    name: (r.name as string) ?? null,
    method: (r.method as string) ?? null,
    contractModel: (r.contractModel as string[]) ?? null,
    budgetFen: (r.budgetFen as number) ?? null,
    status: (r.status as ProjectState['status']) ?? null,
    region: null,
    searchText: (r.searchText as string) ?? '',
    amendedAt: parseStamps(r.amendedAt),
  };
}

function toAward(r: Row): AwardState {
  return {
    id: r.id as string,
    lot: (r.lot as string) ?? null,
    status: (r.status as AwardState['status']) ?? null,
    amountFen: (r.amountFen as number) ?? null,
    currency: (r.currency as string) ?? null,
    rateKind: (r.rateKind as string) ?? null,
    ratePercent: (r.ratePercent as number) ?? null,
    date: (r.date as string) ?? null,
    dateKind: (r.dateKind as AwardState['dateKind']) ?? null,
    sha256: (r.sha256 as string) ?? null,
    snippet: (r.snippet as string) ?? null,
    amendedAt: parseStamps(r.amendedAt),
  };
}

/** An exact-term Lucene query for one identity key (the companyKeys index uses the keyword analyzer). */
export function keyQuery(key: string): string {
  return `"${key.replace(/[\\"]/g, '\\$&')}"`;
}

/** The graph changes a transaction's statements made, from the driver's counters. */
export function countersOf(results: QueryResult[]): Counters {
  const c = emptyCounters();
  for (const r of results) {
    const u = r.summary.counters.updates();
    c.nodesCreated += u.nodesCreated;
    c.nodesDeleted += u.nodesDeleted;
    c.relationshipsCreated += u.relationshipsCreated;
    c.relationshipsDeleted += u.relationshipsDeleted;
    c.propertiesSet += u.propertiesSet;
  }
  return c;
}

/** The statements of a plan, in an order where every MATCH finds what an earlier MERGE made. */
export function statementsOf(plan: WritePlan): Statement[] {
  const winnerLinks = plan.winners.flatMap((w) => w.links.map((l) => ({ awardId: w.awardId, companyId: l.companyId, props: l.props })));
  const companyOwns = plan.owns.filter((o) => !o.ownerIsPerson);
  const personOwns = plan.owns.filter((o) => o.ownerIsPerson);
  const rollupsChange = plan.awards.length > 0 || plan.winners.length > 0 || plan.projectRegions.length > 0 || plan.owns.length > 0 || plan.reloaded.length > 0;
  const list: Statement[] = [
    [Q.RETRACT_DOCUMENT_CLAIMS, plan.reloaded],
    [Q.DROP_EVIDENCE, plan.reloaded],
    [Q.MERGE_DOCUMENTS, plan.documents],
    [Q.MERGE_COMPANIES, plan.companies],
    [Q.MERGE_BRANCH_OF, plan.branchOf],
    [Q.MERGE_EXTRA_REGIONS, plan.regions as unknown as Row[]],
    [Q.MERGE_PART_OF, plan.regions.filter((r) => r.parent) as unknown as Row[]],
    [Q.MERGE_PROJECTS, withIntegers(model.nodes.Project.integers, plan.projects)],
    [Q.REPLACE_IN_REGION, plan.projectRegions],
    [Q.MERGE_HAS_BUYER, plan.buyers],
    [Q.MERGE_HAS_AGENCY, plan.agencies],
    [Q.MERGE_PUBLISHED_IN, plan.published],
    [Q.MERGE_AWARDS, withIntegers(model.nodes.Award.integers, plan.awards)],
    [Q.DROP_REPLACED_WINNERS, plan.winners.map((w) => ({ awardId: w.awardId, companyIds: w.companyIds }))],
    [Q.MERGE_AWARDED_TO, winnerLinks],
    [Q.MARK_ROLLUPS_STALE, rollupsChange ? [{}] : []],
    [Q.MERGE_HAS_CANDIDATE, withIntegers(model.relationships.HAS_CANDIDATE.integers, plan.candidates)],
    [Q.CREATE_SUPPORTED_BY, plan.evidence],
    [Q.MERGE_PERSONS, plan.persons],
    [Q.MERGE_COMPANY_OWNS, companyOwns],
    [Q.MERGE_PERSON_OWNS, personOwns],
    [Q.DROP_RETRACTED_ORPHANS, plan.reloaded.length > 0 ? [{}] : []],
  ];
  return list.filter(([, rows]) => rows.length > 0);
}

/**
 * A document the database refuses (a constraint, a bad value) fails alone; anything else — the
 * server gone, a bug in the planner — stops the run loudly.
 */
function refusedByDatabase(err: unknown): boolean {
  return err instanceof Neo4jError && err.code.startsWith('Neo.ClientError.');
}

function reasonOf(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const first = String(e?.message ?? err).split('\n')[0];
  return e?.code ? `${e.code}: ${first}` : first;
}

export class Loader {
  private readonly database: string | undefined;
  private readonly loaderVersion: string;
  private readonly cache = new IdentityCache();

  constructor(
    private readonly driver: Driver,
    private readonly opts: LoaderOptions,
  ) {
    this.database = opts.database;
    this.loaderVersion = opts.loaderVersion ?? LOADER_VERSION;
  }

  get version(): string {
    return this.loaderVersion;
  }

  /** Documents of these sha256s the database already holds. */
  async knownDocuments(shas: string[]): Promise<Map<string, KnownDocument>> {
    const out = new Map<string, KnownDocument>();
    if (shas.length === 0) return out;
    const res = await this.driver.executeQuery(Q.READ_DOCUMENTS, { shas }, { database: this.database, routing: 'READ' });
    for (const r of res.records) {
      out.set(r.get('sha256'), {
        sha256: r.get('sha256'),
        loaderVersion: r.get('loaderVersion'),
        extractorVersion: r.get('extractorVersion'),
        extractHash: r.get('extractHash'),
        url: r.get('url'),
        retrievedAt: r.get('retrievedAt'),
      });
    }
    return out;
  }

  private async snapshot(tx: ManagedTransaction, lookup: Lookup): Promise<Snapshot> {
    const res = await tx.run(Q.READ_SNAPSHOT, {
      documents: lookup.documents,
      usccs: lookup.usccs,
      keys: lookup.keys.map((key) => ({ key, query: keyQuery(key) })),
      projectIds: lookup.projectIds,
      awardIds: lookup.awardIds,
    });
    const rec = res.records[0];
    return {
      documents: rec.get('documents') as string[],
      companies: (rec.get('companies') as Row[]).map(toCompany),
      projects: (rec.get('projects') as Row[]).map(toProject),
      awards: (rec.get('awards') as Row[]).map(toAward),
    };
  }

  /** Plans and writes items in one transaction (the snapshot is read inside it). */
  private async write(items: readonly LoadItem[]): Promise<{ counters: Counters; warnings: Map<string, string[]> }> {
    const session = this.driver.session({ database: this.database });
    try {
      const { cached, missing } = this.cache.split(lookupFor(items));
      const done = await session.executeWrite(async (tx) => {
        await this.opts.guard?.(tx);
        const snapshot = this.cache.merge(cached, missing, await this.snapshot(tx, missing));
        const { plan, warnings, touched } = planBatch(items, snapshot, { loaderVersion: this.loaderVersion, knownRegions: this.opts.knownRegions });
        const statements = statementsOf(plan);
        // Sent back to back without waiting for each answer: the server runs them in order.
        const results: QueryResult[] = await Promise.all(statements.map(([query, rows]) => tx.run(query, { rows })));
        return { counters: countersOf(results), warnings, statements, touched };
      });
      this.cache.remember(done.touched.companies, done.touched.projects, done.touched.awards);
      this.opts.onWritten?.(done.statements);
      return { counters: done.counters, warnings: done.warnings };
    } finally {
      await session.close();
    }
  }

  /**
   * Loads a batch in one transaction. If that fails, each document is loaded alone, so the ones
   * that can be written are, and the one that cannot is reported with the database's reason.
   */
  async load(items: readonly LoadItem[]): Promise<BatchOutcome> {
    if (items.length === 0) return { documents: [], counters: emptyCounters() };
    try {
      const { counters, warnings } = await this.write(items);
      return { documents: items.map((it) => this.ok(it, warnings)), counters };
    } catch (err) {
      if (!refusedByDatabase(err)) throw err;
      if (items.length === 1) return { documents: [this.failed(items[0], err)], counters: emptyCounters() };
    }
    const counters = emptyCounters();
    const documents: DocumentOutcome[] = [];
    for (const item of items) {
      try {
        const r = await this.write([item]);
        addCounters(counters, r.counters);
        documents.push(this.ok(item, r.warnings));
      } catch (err) {
        if (!refusedByDatabase(err)) throw err;
        documents.push(this.failed(item, err));
      }
    }
    return { documents, counters };
  }

  private ok(item: LoadItem, warnings: Map<string, string[]>): DocumentOutcome {
    return { sha256: item.document.sha256, path: item.document.path, status: 'ok', warnings: warnings.get(item.document.sha256) ?? [] };
  }

  private failed(item: LoadItem, err: unknown): DocumentOutcome {
    return { sha256: item.document.sha256, path: item.document.path, status: 'failed', reason: `could not be written to Neo4j (${reasonOf(err)})`, warnings: [] };
  }
}
