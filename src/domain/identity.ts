// Identity rules, in one place: when two mentions are one company, one person, one project, one award.
// Pure: the loader hands in what the database already holds (a snapshot) and gets back ids and the
// new state of every node it touched. A wrong merge of two companies is a libel risk, so every rule
// errs towards keeping parties apart and says so in a warning.
//
// Companies
//  1. The same USCC is the same company. Two different USCCs are never one company.
//  2. Without a USCC match, a mention matches nodes that share an identity key: the nameKey of its
//     canonical name (traditional, spaced and role-annotated spellings share it), plus the keys of
//     every name in its alias group (src/domain/aliases.ts: known renames).
//  3. A mention with a USCC that matches no node by USCC takes over a node found by name only when
//     that is the only name match and it has no USCC; otherwise it gets its own node (and a warning
//     when the name is already used by a company with another USCC).
//  4. A mention without a USCC takes the node found by name when there is exactly one; when the
//     name belongs to several companies with different USCCs it goes to a separate node without a
//     USCC (created once per name) rather than to a guess, with a warning.
//  5. A branch (分公司 …) is its own company; its parent is resolved by the parent's name and linked
//     with BRANCH_OF. A USCC already held by a non-branch is not given to a branch (and vice versa).
//  6. Ids are `c:` + sha1 of the identity key the node was created from ("uscc:…", "name:…",
//     "unresolved:…"), so the same input in the same order always gives the same ids.
// Projects: same buyer and same project code; without a code, same buyer and same project name.
// Fields that notices restate (project name, budget, an award's amount, a company's address) take
// the value of the newest notice by publication date that gives one (ties broken by sha256), so the
// result does not depend on the order documents are loaded in.
import { createHash } from 'node:crypto';
import type { OrganisationKind } from './names.ts';
import { branchParentName, canonicalName, nameKey, partyKind } from './names.ts';
import { normalizeUscc } from './uscc.ts';
import { aliasGroup } from './aliases.ts';

export function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

// ------------------------------------------------------------------------------------ stamps

/** Orders statements by the notice that made them: publication date, then sha256. */
export function stampOf(publishedAt: string | null, sha256: string): string {
  return `${publishedAt ?? '0000-00-00'}|${sha256}`;
}

/** True when a value stamped `incoming` replaces one stamped `current`. */
export function supersedes(incoming: string, current: string | undefined): boolean {
  return current === undefined || incoming >= current;
}

export type Stamps = Record<string, string>;

// ------------------------------------------------------------------------------------ names

// The name rules run OpenCC on every call; a batch asks about the same few names again and again.
function memo<T>(f: (s: string) => T): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size > 200_000) cache = new Map();
      v = f(s);
      cache.set(s, v);
    }
    return v as T;
  };
}

export const canonical = memo((s) => canonicalName(s).name);
export const keyOf = memo(nameKey);
const parentOf = memo(branchParentName);
const kindOf = memo(partyKind);
const aliasesOf = memo(aliasGroup);

/** Every identity key of a name: its own key and those of its alias group (renames). */
export function identityKeys(name: string): string[] {
  const group = aliasesOf(name);
  const keys = new Set([keyOf(name), ...(group?.keys ?? [])]);
  return [...keys].sort();
}

/**
 * A name as a company node records it: its canonical form, the name the node carries (the current
 * one after renames), every spelling to keep in `names` and the identity keys it is found and merged
 * under. Ingest and the API (name lookups, aliases a reviewer adds) both go through this; null when
 * nothing is left of the name once canonicalised.
 */
export interface NameRecord {
  canonical: string;
  /** A known rename involves the name (src/domain/aliases.ts): the node carries the current one. */
  renamed: boolean;
  current: string;
  forms: string[];
  keys: string[];
}

export function nameRecord(given: string, rawName?: string | null): NameRecord | null {
  const name = canonical(given);
  if (!name) return null;
  const group = aliasesOf(name);
  return {
    canonical: name,
    renamed: group !== null,
    current: group ? group.names[0] : name,
    forms: [...new Set([given.trim(), printedForm(rawName), name, ...(group?.names ?? [])])].filter(Boolean),
    keys: identityKeys(name),
  };
}

/**
 * The name as printed, when it is a name: a printing with a role note or a label beside it
 * (X（联合体成员）, 中标人：X) is not one the company goes by, so only the canonical form is kept.
 */
function printedForm(rawName: string | null | undefined): string {
  const raw = (rawName ?? '').trim();
  if (!raw) return '';
  const noted = canonicalName(raw).notes.some((n) => n.startsWith('role note:') || n.startsWith('label:'));
  return noted ? '' : raw;
}

/** The key a project's buyer contributes to the project id: the current name's key after renames. */
export function primaryKey(name: string): string {
  const group = aliasesOf(name);
  return group ? group.keys[0] : keyOf(name);
}

// ------------------------------------------------------------------------------------ companies

export interface CompanyState {
  id: string;
  name: string;
  /** Every name form seen, sorted. */
  names: string[];
  /** Identity keys of every name form, sorted. */
  nameKeys: string[];
  uscc: string | null;
  kind: OrganisationKind;
  isBranch: boolean;
  address: string | null;
  amendedAt: Stamps;
}

export interface CompanyMention {
  /** The name as the source gives it (canonical or not). */
  name: string;
  /** The name as printed, when the source kept it apart from the canonical one. */
  rawName?: string | null;
  uscc?: string | null;
  /** A kind the source states (an ownership source's 国有法人 …); otherwise derived from the name. */
  kind?: OrganisationKind | null;
  address?: string | null;
  /** stampOf() of the document that mentions it. */
  stamp: string;
}

export interface CompanyResolution {
  id: string;
  /** The parent's id when the mention is a branch whose parent name is known. */
  parentId: string | null;
  warnings: string[];
}

export function companyId(identityKey: string): string {
  return `c:${sha1(identityKey)}`;
}

function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(a);
  let grew = false;
  for (const x of b) if (x && !set.has(x)) { set.add(x); grew = true; }
  return grew || a.length !== set.size ? [...set].sort() : [...a];
}

/** What a batch needs to read before it can resolve a mention. */
export function mentionLookup(m: CompanyMention): { keys: string[]; uscc: string | null } {
  const name = canonical(m.name);
  const keys = name ? identityKeys(name) : [];
  const parent = name ? parentOf(name) : null;
  if (parent) keys.push(...identityKeys(parent));
  return { keys, uscc: m.uscc ? normalizeUscc(m.uscc) : null };
}

/**
 * Resolves company mentions against a snapshot of the database, one after the other, keeping the
 * state of every node it creates or changes. Resolve a batch's mentions in document order.
 */
export class CompanyIdentities {
  private readonly byId = new Map<string, CompanyState>();
  private readonly byUscc = new Map<string, string>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly touched = new Set<string>();
  readonly branchOf = new Map<string, string>();

  constructor(known: Iterable<CompanyState>) {
    for (const c of known) this.index(c);
  }

  /** The state of a node, as known to this batch. */
  get(id: string): CompanyState | undefined {
    return this.byId.get(id);
  }

  /** Nodes created or changed by the mentions resolved so far. */
  changed(): CompanyState[] {
    return [...this.touched].map((id) => this.byId.get(id)!);
  }

  private index(c: CompanyState): void {
    this.byId.set(c.id, c);
    if (c.uscc) this.byUscc.set(c.uscc, c.id);
    for (const k of c.nameKeys) {
      let ids = this.byKey.get(k);
      if (!ids) this.byKey.set(k, (ids = new Set()));
      ids.add(c.id);
    }
  }

  private candidatesByName(keys: string[]): CompanyState[] {
    const ids = new Set<string>();
    for (const k of keys) for (const id of this.byKey.get(k) ?? []) ids.add(id);
    return [...ids].sort().map((id) => this.byId.get(id)!);
  }

  resolve(m: CompanyMention): CompanyResolution | null {
    const warnings: string[] = [];
    const record = nameRecord(m.name, m.rawName);
    if (!record) return null;
    const name = record.canonical;
    let uscc: string | null = null;
    if (m.uscc) {
      uscc = normalizeUscc(m.uscc);
      if (!uscc) warnings.push(`${name}: "${m.uscc}" is not a valid USCC; ignored`);
    }
    const keys = record.keys;
    const isBranch = parentOf(name) !== null;
    const { id, usable } = this.pick(name, keys, uscc, isBranch, warnings);
    const existing = this.byId.get(id);
    const state = this.update(existing, id, record, usable, isBranch, m);
    this.index(state);
    this.touched.add(id);

    let parentId: string | null = null;
    const parentName = isBranch ? parentOf(name) : null;
    if (parentName) {
      const parent = this.resolve({ name: parentName, stamp: m.stamp });
      if (parent && parent.id !== id) {
        parentId = parent.id;
        this.branchOf.set(id, parent.id);
        warnings.push(...parent.warnings);
      }
    }
    return { id, parentId, warnings };
  }

  /** Rules 1–5: which node a mention belongs to (an id that may not exist yet), and the USCC it may carry. */
  private pick(name: string, keys: string[], uscc: string | null, isBranch: boolean, warnings: string[]): { id: string; usable: string | null } {
    if (uscc) {
      const holder = this.byUscc.get(uscc);
      if (holder) {
        const h = this.byId.get(holder)!;
        if (h.isBranch === isBranch) return { id: holder, usable: uscc };
        warnings.push(
          `${name}: USCC ${uscc} belongs to ${h.name}, which is ${h.isBranch ? 'a branch' : 'not a branch'}; ` +
            `the USCC is not used for ${isBranch ? 'this branch' : 'this company'}`,
        );
        uscc = null;
      }
    }
    const byName = this.candidatesByName(keys).filter((c) => c.isBranch === isBranch);
    const withUscc = byName.filter((c) => c.uscc);
    const without = byName.filter((c) => !c.uscc);
    const to = (id: string) => ({ id, usable: uscc });
    if (uscc) {
      if (withUscc.length === 0 && without.length === 1) return to(without[0].id);
      if (withUscc.length > 0) {
        warnings.push(
          `${name}: the name is also used by ${withUscc.map((c) => `${c.name} (USCC ${c.uscc})`).join(', ')}; ` +
            `USCC ${uscc} is kept as a separate company`,
        );
      } else if (without.length > 1) {
        warnings.push(`${name}: several companies without USCC share this name; USCC ${uscc} is kept as a separate company`);
      }
      return to(companyId(`uscc:${uscc}`));
    }
    if (byName.length === 1) return to(byName[0].id);
    if (byName.length === 0) return to(companyId(`name:${primaryKey(name)}`));
    if (without.length === 1) return to(without[0].id);
    const unresolved = companyId(`unresolved:${primaryKey(name)}`);
    warnings.push(
      `${name}: the name belongs to ${withUscc.length} companies with different USCCs ` +
        `(${withUscc.map((c) => c.uscc).join(', ')}); linked to a separate company without USCC`,
    );
    const plain = companyId(`name:${primaryKey(name)}`);
    return to(this.byId.has(plain) ? unresolved : plain);
  }

  private update(
    existing: CompanyState | undefined,
    id: string,
    record: NameRecord,
    uscc: string | null,
    isBranch: boolean,
    m: CompanyMention,
  ): CompanyState {
    const base: CompanyState = existing ?? {
      id,
      name: record.current,
      names: [],
      nameKeys: [],
      uscc: null,
      kind: m.kind ?? kindOf(record.canonical),
      isBranch,
      address: null,
      amendedAt: {},
    };
    const next: CompanyState = {
      ...base,
      names: sortedUnion(base.names, record.forms),
      nameKeys: sortedUnion(base.nameKeys, record.keys),
      uscc: base.uscc ?? uscc,
      amendedAt: { ...base.amendedAt },
    };
    if (record.renamed) next.name = record.current;
    if (m.kind === 'state' && next.kind !== 'state') next.kind = 'state';
    const address = m.address?.trim();
    if (address && supersedes(m.stamp, next.amendedAt.address)) {
      next.address = address;
      next.amendedAt.address = m.stamp;
    }
    return next;
  }
}

export function searchTextOf(names: readonly string[]): string {
  return [...new Set(names)].join(' ');
}

// ------------------------------------------------------------------------------------ persons

/**
 * A natural person is known only by name, and many people share a name: the same name is taken to
 * be the same person only as a holder of the same company. A person holding two companies gets two
 * nodes until a source links them.
 */
export function personId(name: string, ownedCompanyId: string): string {
  return `p:${sha1(`person:${name.normalize('NFKC').replace(/\s+/g, ' ').trim()}|of:${ownedCompanyId}`)}`;
}

// ------------------------------------------------------------------------------------ projects

export function projectCodeKey(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function projectNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Same buyer and same code; without a code, same buyer and same name. A notice with neither code
 * nor name is a project of its own (keyed by the document).
 */
export function projectId(p: { buyer: string | null; code: string | null; name: string | null; sha256: string }): string {
  const buyer = p.buyer ? primaryKey(canonical(p.buyer)) : '';
  const code = p.code ? projectCodeKey(p.code) : '';
  const name = p.name ? projectNameKey(p.name) : '';
  if (code) return `j:${sha1(`${buyer}|code:${code}`)}`;
  if (name) return `j:${sha1(`${buyer}|name:${name}`)}`;
  return `j:${sha1(`document:${p.sha256}`)}`;
}

export function lotKey(lot: string | null): string {
  const k = (lot ?? '').normalize('NFKC').replace(/\s+/g, '');
  return k || '-';
}

export function awardId(projectIdValue: string, lot: string | null): string {
  return `a:${projectIdValue}:${lotKey(lot)}`;
}

export type ProjectStatus = 'open' | 'awarded' | 'failed' | 'terminated';

export interface ProjectFields {
  code: string | null;
  name: string | null;
  method: string | null;
  contractModel: string[] | null;
  /** Integer fen. */
  budgetFen: number | null;
  status: ProjectStatus | null;
  region: string | null;
}

export interface ProjectState extends ProjectFields {
  id: string;
  searchText: string;
  amendedAt: Stamps;
}

const PROJECT_FIELDS = ['code', 'name', 'method', 'contractModel', 'budgetFen', 'status', 'region'] as const;

function present(v: unknown): boolean {
  return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** Newer non-null values win, field by field; returns the new state and the fields taken. */
export function amendProject(existing: ProjectState | undefined, id: string, incoming: ProjectFields, stamp: string): { state: ProjectState; taken: Set<string> } {
  const state: ProjectState = existing
    ? { ...existing, amendedAt: { ...existing.amendedAt } }
    : { id, code: null, name: null, method: null, contractModel: null, budgetFen: null, status: null, region: null, searchText: '', amendedAt: {} };
  const taken = new Set<string>();
  for (const f of PROJECT_FIELDS) {
    const v = incoming[f];
    if (!present(v) || !supersedes(stamp, state.amendedAt[f])) continue;
    (state as unknown as Record<string, unknown>)[f] = v;
    state.amendedAt[f] = stamp;
    taken.add(f);
  }
  for (const form of [incoming.name, incoming.code]) {
    if (form && !` ${state.searchText} `.includes(` ${form} `)) state.searchText = state.searchText ? `${state.searchText} ${form}` : form;
  }
  return { state, taken };
}

// ------------------------------------------------------------------------------------ awards

export interface AwardFields {
  lot: string | null;
  status: 'active' | 'unsuccessful' | null;
  /** Integer fen. */
  amountFen: number | null;
  currency: string | null;
  rateKind: string | null;
  ratePercent: number | null;
  date: string | null;
  /** Which date `date` is: the decision's, the notice's publication, or the start of its publicity. */
  dateKind: AwardDateKind | null;
  sha256: string;
  snippet: string | null;
}

export type AwardDateKind = 'decision' | 'publication' | 'publicityStart';

export interface AwardState extends Omit<AwardFields, 'sha256'> {
  id: string;
  sha256: string | null;
  amendedAt: Stamps;
}

const AWARD_FIELDS = ['lot', 'status', 'amountFen', 'currency', 'rateKind', 'ratePercent'] as const;

/**
 * Field by field, newer non-null values win. `date`, `sha256` and `snippet` follow the newest notice
 * that said anything about the award. `winners` tells whether this notice's supplier list becomes the
 * award's (the newest notice that names suppliers decides who won).
 */
export function amendAward(
  existing: AwardState | undefined,
  id: string,
  incoming: AwardFields,
  stamp: string,
  namesSuppliers: boolean,
): { state: AwardState; winners: boolean } {
  const state: AwardState = existing
    ? { ...existing, amendedAt: { ...existing.amendedAt } }
    : { id, lot: null, status: null, amountFen: null, currency: null, rateKind: null, ratePercent: null, date: null, dateKind: null, sha256: null, snippet: null, amendedAt: {} };
  for (const f of AWARD_FIELDS) {
    const v = incoming[f];
    if (!present(v) || !supersedes(stamp, state.amendedAt[f])) continue;
    (state as unknown as Record<string, unknown>)[f] = v;
    state.amendedAt[f] = stamp;
  }
  if (supersedes(stamp, state.amendedAt.source)) {
    state.date = incoming.date;
    state.dateKind = incoming.dateKind;
    state.sha256 = incoming.sha256;
    state.snippet = incoming.snippet;
    state.amendedAt.source = stamp;
  }
  let winners = false;
  if (namesSuppliers && supersedes(stamp, state.amendedAt.winners)) {
    state.amendedAt.winners = stamp;
    winners = true;
  }
  return { state, winners };
}
