// What one ingest run already knows about the database, so that a batch asks Neo4j only about
// identity keys, USCCs, projects and awards it has not met yet. It holds committed state only, and
// it is exact as long as this run is the only writer (run one ingest at a time): a key once looked
// up can only gain companies through this run's own writes.
import type { AwardState, CompanyState, ProjectState } from '../../src/domain/identity.ts';
import type { Lookup, Snapshot } from './plan.ts';

const MAX_ENTRIES = 1_000_000;

export class IdentityCache {
  private companies = new Map<string, CompanyState>();
  /** Keys looked up in the database: every company holding the key, by id. */
  private keys = new Map<string, Set<string>>();
  /** USCCs looked up: the company holding it, or null for none. */
  private usccs = new Map<string, string | null>();
  private projects = new Map<string, ProjectState | null>();
  private awards = new Map<string, AwardState | null>();

  /** Splits a lookup into what the cache answers and what must be read. */
  split(lookup: Lookup): { cached: Snapshot; missing: Lookup } {
    const companyIds = new Set<string>();
    const missing: Lookup = { documents: lookup.documents, keys: [], usccs: [], projectIds: [], awardIds: [] };
    for (const k of lookup.keys) {
      const ids = this.keys.get(k);
      if (ids) for (const id of ids) companyIds.add(id);
      else missing.keys.push(k);
    }
    for (const u of lookup.usccs) {
      const id = this.usccs.get(u);
      if (id === undefined) missing.usccs.push(u);
      else if (id) companyIds.add(id);
    }
    const projects: ProjectState[] = [];
    for (const id of lookup.projectIds) {
      const p = this.projects.get(id);
      if (p === undefined) missing.projectIds.push(id);
      else if (p) projects.push(p);
    }
    const awards: AwardState[] = [];
    for (const id of lookup.awardIds) {
      const a = this.awards.get(id);
      if (a === undefined) missing.awardIds.push(id);
      else if (a) awards.push(a);
    }
    const companies = [...companyIds].map((id) => this.companies.get(id)!);
    return { cached: { documents: [], companies, projects, awards }, missing };
  }

  /** Merges what the database said for the missing part into one snapshot, and remembers it. */
  merge(cached: Snapshot, missing: Lookup, read: Snapshot): Snapshot {
    for (const k of missing.keys) this.keys.set(k, new Set());
    for (const u of missing.usccs) this.usccs.set(u, null);
    for (const id of missing.projectIds) this.projects.set(id, null);
    for (const id of missing.awardIds) this.awards.set(id, null);
    this.remember(read.companies, read.projects, read.awards);
    const companies = new Map(cached.companies.map((c) => [c.id, c]));
    for (const c of read.companies) companies.set(c.id, c);
    return { documents: read.documents, companies: [...companies.values()], projects: [...cached.projects, ...read.projects], awards: [...cached.awards, ...read.awards] };
  }

  /** Records committed states. */
  remember(companies: CompanyState[], projects: ProjectState[], awards: AwardState[]): void {
    if (this.companies.size + this.projects.size + this.awards.size > MAX_ENTRIES) this.clear();
    for (const c of companies) {
      this.companies.set(c.id, c);
      for (const k of c.nameKeys) this.keys.get(k)?.add(c.id);
      if (c.uscc) this.usccs.set(c.uscc, c.id);
    }
    for (const p of projects) this.projects.set(p.id, p);
    for (const a of awards) this.awards.set(a.id, a);
  }

  clear(): void {
    this.companies = new Map();
    this.keys = new Map();
    this.usccs = new Map();
    this.projects = new Map();
    this.awards = new Map();
  }
}
