// A synthetic ownership graph at scale, for the ultimate-owners benchmark (bench/ownership.ts):
// Company and Person nodes and OWNS links as schema/model.json has them, written as CSV for
// `neo4j-admin database import full` (the local server's own Maven classpath).
//
// The shape follows what shareholder registers look like, and what makes the traversal work:
//  - a few hundred state bodies (kind 'state', SASAC-like), never owned by anyone;
//  - investment funds and holding platforms, owned by persons and sometimes a state body, that take
//    minority stakes all over the graph;
//  - corporate groups: a head owned by a state body, by persons or by another group's company,
//    and a tree of subsidiaries, mostly two to four levels deep; a few groups are chains of
//    holding layers, so that some companies sit 10 and more levels below their owners;
//  - diamonds: a subsidiary also held directly by a company higher up in its own group, and joint
//    ventures across groups;
//  - listed companies with tens of minority holders;
//  - cross-holdings: pairs of companies holding each other, subsidiaries holding shares of their
//    group's head, rings of three group heads;
//  - independent companies owned by one to four persons (most companies);
//  - then minority holdings by persons and funds until the link count is reached.
// The shares recorded against one company never add up to more than 100 (a range counts at its
// upper bound; the few holdings with no figure at all count nothing). Holder pairs are unique,
// as the loader's MERGE makes them.
//
// Run alone:  node --import tsx bench/gen-ownership.ts --companies 1000000 --links 3000000 --out /tmp/own-csv
// Library:    generateOwnershipCsv(dir, opts) then importOwnership(localServerConfig, dir).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LocalServerConfig } from '../src/config.ts';
import { nameKey } from '../src/domain/names.ts';
import { Csv, nodeHeader, relHeader } from './support/csv.ts';
import { importCsv } from './support/import.ts';
import { random, zipf } from './support/random.ts';

export interface OwnershipGraphOptions {
  companies: number;
  links: number;
  seed?: number;
  /** State bodies among the companies. Default 300. */
  states?: number;
  /** Persons, besides the companies. Default 5% of the companies. */
  persons?: number;
}

/** Where the benchmark should look: ids of companies of each kind of ancestry. */
export interface TargetClasses {
  /** Companies owning nothing, 9 or more levels below a party with no owner. */
  deep: string[];
  /** Companies owning nothing with a diamond above them (a group company holding a subsidiary twice). */
  diamond: string[];
  /** Companies in a cross-holding, or held by one. */
  cycle: string[];
  /** Listed companies (tens of holders) and their subsidiaries. */
  wide: string[];
  /** Any company that is not a state body. */
  random: string[];
}

export interface OwnershipGraphSummary {
  seed: number;
  companies: number;
  persons: number;
  states: number;
  links: number;
  groups: number;
  chainGroups: number;
  diamonds: number;
  jointVentures: number;
  crossHoldings: number;
  rangeLinks: number;
  unknownLinks: number;
  /** levels[k]: companies whose first (controlling) chain is k links long up to a party with no owner. */
  levels: number[];
  classes: TargetClasses;
}



const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const round2 = (x: number) => Math.round(x * 100) / 100;

const enum Role {
  State,
  Fund,
  Head,
  Member,
  Independent,
}

// Flags per company.
const HAS_HOLDING = 1; // owns at least one company
const DIAMOND_ABOVE = 2; // a diamond in its group above it (or at it)
const IN_CYCLE = 4;
const WIDE = 8; // listed: tens of holders
const WIDE_ABOVE = 16;

/** The graph being built: nodes as typed arrays, links streamed to CSV as they are made. */
const OWNS_COLUMNS = ['share:double', 'shareMin:double', 'shareMax:double', 'asOf', 'sha256', 'snippet'] as const;

class Builder {
  readonly rnd: () => number;
  readonly n: number;
  readonly role: Uint8Array;
  readonly level: Uint8Array;
  readonly parent: Int32Array;
  readonly group: Int32Array;
  readonly flags: Uint8Array;
  /** Share (percent) of each company not yet given to a holder. */
  readonly left: Float64Array;
  readonly companyIds: string[];
  readonly personIds: string[];
  private readonly pairs = new Set<number>();
  private readonly ownsCompany: Csv;
  private readonly ownsPerson: Csv;
  private readonly pickPersonRank: () => number;
  links = 0;
  rangeLinks = 0;
  unknownLinks = 0;

  constructor(dir: string, opts: Required<OwnershipGraphOptions>) {
    this.rnd = random(opts.seed);
    this.n = opts.companies;
    this.role = new Uint8Array(this.n);
    this.level = new Uint8Array(this.n);
    this.parent = new Int32Array(this.n).fill(-1);
    this.group = new Int32Array(this.n).fill(-1);
    this.flags = new Uint8Array(this.n);
    this.left = new Float64Array(this.n).fill(100);
    this.companyIds = Array.from({ length: this.n }, (_, i) => `c:${sha1(`bench-ownership:${opts.seed}:c:${i}`)}`);
    this.personIds = Array.from({ length: opts.persons }, (_, i) => `p:${sha1(`bench-ownership:${opts.seed}:p:${i}`)}`);
    this.ownsCompany = new Csv(path.join(dir, 'owns_company.csv'), relHeader('OWNS', OWNS_COLUMNS, { from: 'Company' }));
    this.ownsPerson = new Csv(path.join(dir, 'owns_person.csv'), relHeader('OWNS', OWNS_COLUMNS, { from: 'Person' }));
    this.pickPersonRank = zipf(opts.persons, 0.7, this.rnd);
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  person(): number {
    // Ranks are spread over the ids, so that the busiest holders are not the first persons.
    const rank = this.pickPersonRank();
    return (rank * 7919) % this.personIds.length;
  }

  /**
   * Records that `owner` (a company index, or a person as -1 - index) holds `want` percent of
   * `owned`, cut to what is left. Returns the share given, or 0 when nothing was (no room, a
   * self-holding or a pair already linked). Now and then the figure is published as a range or
   * not at all, as registers do.
   */
  own(owner: number, owned: number, want: number, exact = false): number {
    if (owner === owned) return 0;
    const key = (owner >= 0 ? owner : this.n - 1 - owner) * this.n + owned;
    if (this.pairs.has(key)) return 0;
    const share = round2(Math.min(want, this.left[owned]));
    if (share < 0.01) return 0;
    this.pairs.add(key);
    const x = exact ? 1 : this.rnd();
    let values: (number | null)[];
    let taken = share;
    if (x < 0.003) {
      values = [null, null, null];
      taken = 0;
      this.unknownLinks++;
    } else if (x < 0.05 && share >= 5) {
      // Disclosed as a bracket, such as "5%–10%": counted at its upper end.
      const lo = Math.floor(share / 5) * 5;
      const hi = Math.min(lo + 5, this.left[owned]);
      values = [null, lo, hi];
      taken = hi;
      this.rangeLinks++;
    } else values = [share, null, null];
    this.left[owned] = Math.max(0, round2(this.left[owned] - taken));
    const doc = createHash('sha256').update(`register:${owned}`).digest('hex');
    const figure = values[0] !== null ? `${values[0]}%` : values[1] !== null ? `${values[1]}%-${values[2]}%` : '未披露';
    const row = [values[0], values[1], values[2], '2024-06-30', doc, `持股比例 ${figure}`];
    if (owner >= 0) {
      this.flags[owner] |= HAS_HOLDING;
      this.ownsCompany.row([this.companyIds[owner], this.companyIds[owned], ...row]);
    } else this.ownsPerson.row([this.personIds[-1 - owner], this.companyIds[owned], ...row]);
    this.links++;
    return share;
  }

  /** `count` persons share `total` percent of the company (the last takes what is left). */
  persons(owned: number, count: number, total: number): void {
    let rest = Math.min(total, this.left[owned]);
    for (let k = 0; k < count && rest >= 0.01; k++) {
      const share = k === count - 1 ? rest : round2(rest * (0.3 + 0.6 * this.rnd()));
      rest = round2(rest - this.own(-1 - this.person(), owned, share));
    }
  }

  close(): void {
    this.ownsCompany.close();
    this.ownsPerson.close();
  }
}

function withDefaults(opts: OwnershipGraphOptions): Required<OwnershipGraphOptions> {
  return {
    companies: opts.companies,
    links: opts.links,
    seed: opts.seed ?? 20240630,
    states: opts.states ?? Math.min(300, Math.max(3, Math.round(opts.companies / 1000))),
    persons: opts.persons ?? Math.max(10, Math.round(opts.companies * 0.05)),
  };
}

/** Writes companies.csv, persons.csv, owns_company.csv and owns_person.csv under `dir`. */
export function generateOwnershipCsv(dir: string, options: OwnershipGraphOptions): OwnershipGraphSummary {
  const opts = withDefaults(options);
  fs.mkdirSync(dir, { recursive: true });
  const b = new Builder(dir, opts);
  const { rnd, n, role, level, parent, group, flags } = b;
  let next = 0;

  // State bodies.
  for (; next < opts.states; next++) role[next] = Role.State;
  const state = () => b.int(0, opts.states - 1);

  // Funds and holding platforms: 1% of the companies.
  const funds: number[] = [];
  const nFunds = Math.max(1, Math.round(n * 0.01));
  for (let k = 0; k < nFunds; k++, next++) {
    role[next] = Role.Fund;
    funds.push(next);
    level[next] = 1;
    if (rnd() < 0.2) b.own(state(), next, b.int(10, 40));
    b.persons(next, b.int(2, 5), 100);
  }
  const pickFundRank = zipf(funds.length, 0.8, rnd);
  const fund = () => funds[pickFundRank()];

  // Corporate groups: 45% of the companies.
  const membersEnd = next + Math.round((n - next) * 0.45);
  const groupCompanies: number[] = []; // every group company so far (heads and members)
  const groupHead: number[] = [];
  let groups = 0;
  let chainGroups = 0;
  let diamonds = 0;
  let jointVentures = 0;
  const setLevel = (c: number, owner: number) => {
    level[c] = Math.min(255, level[owner] + 1);
    parent[c] = owner;
  };
  while (next < membersEnd) {
    const g = groups++;
    const chain = rnd() < 0.03;
    if (chain) chainGroups++;
    const size = Math.min(
      membersEnd - next,
      chain ? b.int(6, 16) : Math.min(20_000, Math.floor(2 * Math.pow(1 - rnd(), -1 / 1.2))),
    );
    const members: number[] = [];
    // The head.
    const head = next++;
    role[head] = Role.Head;
    group[head] = g;
    groupHead[g] = head;
    members.push(head);
    const who = rnd();
    if ((chain ? who < 0.5 : who < 0.1) && groupCompanies.length) {
      // Held by another group's company: groups of groups.
      const owner = groupCompanies[Math.floor(rnd() * groupCompanies.length)];
      b.own(owner, head, b.int(51, 100));
      setLevel(head, owner);
      b.persons(head, b.int(0, 2), b.int(0, 30));
    } else if (who < 0.45) {
      const owner = state();
      b.own(owner, head, rnd() < 0.6 ? 100 : b.int(51, 99), true);
      setLevel(head, owner);
      if (rnd() < 0.5) b.own(state(), head, b.int(1, 20));
      if (rnd() < 0.3) b.own(fund(), head, b.int(1, 10));
    } else {
      level[head] = 1;
      b.persons(head, b.int(1, 3), 100 - (rnd() < 0.3 ? b.int(1, 20) : 0));
      if (rnd() < 0.2) b.own(fund(), head, b.int(1, 15));
    }
    // The subsidiaries.
    for (let k = 1; k < size; k++) {
      const c = next++;
      role[c] = Role.Member;
      group[c] = g;
      const p = chain && rnd() < 0.85 ? members[k - 1] : members[Math.floor(Math.pow(rnd(), 2) * k)];
      const x = rnd();
      b.own(p, c, x < 0.4 ? 100 : x < 0.85 ? b.int(51, 99) : b.int(20, 50), true);
      setLevel(c, p);
      flags[c] |= flags[p] & (DIAMOND_ABOVE | WIDE_ABOVE);
      if (k >= 2 && rnd() < 0.12) {
        // A company higher in the group also holds it directly: a diamond.
        const q = members[Math.floor(rnd() * k)];
        if (q !== p && level[q] <= level[p] && b.own(q, c, b.int(1, 30)) > 0) {
          flags[c] |= DIAMOND_ABOVE;
          diamonds++;
        }
      }
      if (rnd() < 0.03 && groupCompanies.length) {
        const q = groupCompanies[Math.floor(rnd() * groupCompanies.length)];
        if (group[q] !== g && b.own(q, c, b.int(5, 49)) > 0) jointVentures++;
      }
      if (rnd() < 0.1) b.own(fund(), c, b.int(1, 20));
      b.persons(c, b.int(0, 2), b.int(1, 25));
      members.push(c);
    }
    for (const m of members) groupCompanies.push(m);
  }

  // Listed companies: heads and first subsidiaries of some groups, with tens of minority holders.
  const nWide = Math.max(1, Math.round(n * 0.0015));
  for (let k = 0; k < nWide; k++) {
    const c = groupCompanies[Math.floor(Math.pow(rnd(), 3) * groupCompanies.length)];
    if (flags[c] & WIDE) continue;
    flags[c] |= WIDE | WIDE_ABOVE;
    const holders = b.int(10, 40);
    for (let h = 0; h < holders; h++) {
      if (rnd() < 0.4) b.own(fund(), c, round2(0.1 + rnd() * 4));
      else b.own(-1 - b.person(), c, round2(0.1 + rnd() * 2));
    }
  }
  // WIDE_ABOVE spreads down to the subsidiaries (they were made after their parents).
  for (const c of groupCompanies) if (parent[c] >= 0) flags[c] |= flags[parent[c]] & WIDE_ABOVE;

  // Independent companies: the rest, owned by persons, now and then a fund or a group company too.
  for (; next < n; next++) {
    const c = next;
    role[c] = Role.Independent;
    level[c] = 1;
    const x = rnd();
    if (x < 0.05 && groupCompanies.length) {
      const q = groupCompanies[Math.floor(rnd() * groupCompanies.length)];
      b.own(q, c, b.int(5, 60));
      setLevel(c, q);
    } else if (x < 0.13) b.own(fund(), c, b.int(5, 40));
    b.persons(c, b.int(1, 4), 100);
  }

  // Cross-holdings: pairs across groups, subsidiaries holding their head, rings of three heads.
  let crossHoldings = 0;
  const anyGroupCompany = () => groupCompanies[Math.floor(rnd() * groupCompanies.length)];
  const mark = (...cs: number[]) => cs.forEach((c) => (flags[c] |= IN_CYCLE));
  const nPairs = Math.max(1, Math.round(n / 2000));
  for (let made = 0, tries = 0; made < nPairs && tries < nPairs * 50 && groupCompanies.length > 1; tries++) {
    const a = anyGroupCompany();
    const c = anyGroupCompany();
    if (group[a] === group[c] || b.left[a] < 1 || b.left[c] < 1) continue;
    if (b.own(a, c, round2(1 + rnd() * 4)) > 0 && b.own(c, a, round2(1 + rnd() * 4)) > 0) {
      mark(a, c);
      crossHoldings++;
    }
    made++;
  }
  for (let made = 0, tries = 0; made < nPairs && tries < nPairs * 50; tries++) {
    const c = anyGroupCompany();
    const head = groupHead[group[c]];
    if (role[c] !== Role.Member || b.left[head] < 0.5) continue;
    if (b.own(c, head, round2(0.5 + rnd() * 2.5))) {
      mark(c, head);
      made++;
      crossHoldings++;
    }
  }
  const nRings = Math.max(1, Math.round(n / 10_000));
  for (let made = 0, tries = 0; made < nRings && tries < nRings * 50 && groupHead.length > 2; tries++) {
    const ring = [0, 1, 2].map(() => groupHead[Math.floor(rnd() * groupHead.length)]);
    if (new Set(ring).size < 3 || ring.some((h) => b.left[h] < 1)) continue;
    let links = 0;
    for (let i = 0; i < 3; i++) if (b.own(ring[i], ring[(i + 1) % 3], round2(1 + rnd() * 9)) > 0) links++;
    if (links === 3) {
      mark(...ring);
      crossHoldings++;
    }
    made++;
  }

  // Minority holdings by persons and funds until the link count is reached.
  const notState = () => b.int(opts.states, n - 1);
  for (let tries = 0; b.links < opts.links && tries < opts.links * 20; tries++) {
    const c = notState();
    if (b.left[c] < 0.5) continue;
    const owner = rnd() < 0.85 ? -1 - b.person() : fund();
    b.own(owner, c, round2(0.01 + rnd() * Math.min(b.left[c], 20)));
  }
  b.close();

  // The nodes.
  const companies = new Csv(path.join(dir, 'companies.csv'), nodeHeader('Company', ['name', 'names:string[]', 'nameKeys:string[]', 'kind', 'isBranch:boolean', 'searchText']));
  for (let c = 0; c < n; c++) {
    const name = companyName(c, role[c], group[c]);
    companies.row([b.companyIds[c], name, name, nameKey(name), role[c] === Role.State ? 'state' : 'enterprise', false, name]);
  }
  companies.close();
  const persons = new Csv(path.join(dir, 'persons.csv'), nodeHeader('Person', ['name', 'names:string[]', 'searchText']));
  for (let p = 0; p < b.personIds.length; p++) {
    const name = `示例自然人${p}`;
    persons.row([b.personIds[p], name, name, name]);
  }
  persons.close();

  const levels: number[] = [];
  for (let c = 0; c < n; c++) levels[level[c]] = (levels[level[c]] ?? 0) + 1;
  return {
    seed: opts.seed,
    companies: n,
    persons: b.personIds.length,
    states: opts.states,
    links: b.links,
    groups,
    chainGroups,
    diamonds,
    jointVentures,
    crossHoldings,
    rangeLinks: b.rangeLinks,
    unknownLinks: b.unknownLinks,
    levels: Array.from(levels, (v) => v ?? 0),
    classes: targetClasses(b, rnd),
  };
}

function companyName(c: number, role: Role, group: number): string {
  switch (role) {
    case Role.State:
      return `示例${c}号国有资产监督管理委员会`;
    case Role.Fund:
      return `示例${c}号股权投资合伙企业（有限合伙）`;
    case Role.Head:
      return `示例${group}号集团有限公司`;
    case Role.Member:
      return `示例${group}号集团第${c}号子公司有限公司`;
    default:
      return `示例${c}号科技有限公司`;
  }
}

/** Up to 5 000 candidates per class, chosen with the generator's own random numbers. */
function targetClasses(b: Builder, rnd: () => number): TargetClasses {
  const limit = 5000;
  const deep: number[] = [];
  const diamond: number[] = [];
  const cycle: number[] = [];
  const wide: number[] = [];
  for (let c = 0; c < b.n; c++) {
    const f = b.flags[c];
    const leaf = !(f & HAS_HOLDING);
    if (leaf && b.level[c] >= 9) deep.push(c);
    if (leaf && f & DIAMOND_ABOVE && b.level[c] >= 3) diamond.push(c);
    if (f & IN_CYCLE || (b.parent[c] >= 0 && b.flags[b.parent[c]] & IN_CYCLE)) cycle.push(c);
    if (f & WIDE_ABOVE) wide.push(c);
  }
  const randomOnes: number[] = [];
  for (let k = 0; k < limit; k++) randomOnes.push(b.int(b.role.indexOf(Role.Fund), b.n - 1));
  const pick = (list: number[]) => {
    const out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out.slice(0, limit).map((c) => b.companyIds[c]);
  };
  return { deep: pick(deep), diamond: pick(diamond), cycle: pick(cycle), wide: pick(wide), random: pick(randomOnes) };
}

/** Replaces the `neo4j` database of a stopped local server with the generated graph; returns the importer's closing lines. */
export function importOwnership(cfg: LocalServerConfig, dir: string, log: (line: string) => void = () => {}): string[] {
  return importCsv(
    cfg,
    dir,
    {
      heap: '2g',
      options: ['--max-off-heap-memory=2g'],
      nodes: [['Company', 'companies.csv'], ['Person', 'persons.csv']],
      relationships: [['OWNS', 'owns_company.csv'], ['OWNS', 'owns_person.csv']],
    },
    log,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({
    options: { companies: { type: 'string', default: '1000000' }, links: { type: 'string', default: '3000000' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  if (!values.out) throw new Error('usage: node --import tsx bench/gen-ownership.ts --companies 1000000 --links 3000000 --out <dir>');
  const t0 = Date.now();
  const summary = generateOwnershipCsv(values.out, {
    companies: Number(values.companies),
    links: Number(values.links),
    seed: values.seed ? Number(values.seed) : undefined,
  });
  const { classes, ...figures } = summary;
  const counts = Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, v.length]));
  process.stdout.write(`${JSON.stringify({ ...figures, classes: counts })}\n→ ${values.out} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
