import { jsonParseProblem } from '../errors.ts';
// The restriction rules, as data (schema/restriction-rules.json): per list, whether an ownership
// rule applies, its threshold, how shares aggregate and the dates it is in force. Checked when
// loaded, with errors that name the file, the field and what was found.

export type Aggregation = 'sum' | 'single';

export interface Period {
  /** YYYY-MM-DD inclusive, or null for open. */
  from: string | null;
  to: string | null;
}

export interface OwnershipRule {
  name: string;
  /** Percent. */
  threshold: number;
  aggregation: Aggregation;
  countsHoldingsOf: string[];
  inForce: Period[];
  suspended: Period[];
  source: string | null;
}

export interface ListRules {
  list: string;
  title: string | null;
  rule: OwnershipRule | null;
}

export interface RestrictionRules {
  version: number;
  /** A fingerprint of the rules, so cached results computed under other rules are never read. */
  hash: string;
  lists: Map<string, ListRules>;
}

export class RulesError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
    this.name = 'RulesError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const show = (v: unknown) => JSON.stringify(v) ?? String(v);

function periods(raw: unknown, where: string, problems: string[]): Period[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${where} must be a list of {from, to} (got ${show(raw)})`);
    return [];
  }
  return raw.flatMap((p, i) => {
    const at = `${where}[${i}]`;
    if (!p || typeof p !== 'object') {
      problems.push(`${at} must be {from, to} (got ${show(p)})`);
      return [];
    }
    const { from = null, to = null } = p as Record<string, unknown>;
    for (const [k, v] of [['from', from], ['to', to]] as const) {
      if (v !== null && (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v)))) problems.push(`${at}.${k} must be a date YYYY-MM-DD or null (got ${show(v)})`);
    }
    if (typeof from === 'string' && typeof to === 'string' && from > to) problems.push(`${at}: from ${from} is after to ${to}`);
    return [{ from: typeof from === 'string' ? from : null, to: typeof to === 'string' ? to : null }];
  });
}

function ownershipRule(raw: unknown, list: string, where: string, problems: string[]): OwnershipRule | null {
  if (raw === null) return null;
  if (!raw || typeof raw !== 'object') {
    problems.push(`${where} must be an object or null (got ${show(raw)})`);
    return null;
  }
  const r = raw as Record<string, unknown>;
  const known = new Set(['name', 'threshold', 'aggregation', 'countsHoldingsOf', 'inForce', 'suspended', 'source']);
  for (const k of Object.keys(r)) if (!known.has(k)) problems.push(`${where}.${k} is not a rule field (${[...known].join(', ')})`);
  if (typeof r.threshold !== 'number' || !(r.threshold > 0 && r.threshold <= 100)) problems.push(`${where}.threshold must be a percent above 0 and at most 100 (got ${show(r.threshold)})`);
  const aggregation = r.aggregation ?? 'sum';
  if (aggregation !== 'sum' && aggregation !== 'single') problems.push(`${where}.aggregation must be "sum" or "single" (got ${show(r.aggregation)})`);
  const counts = r.countsHoldingsOf ?? [list];
  if (!Array.isArray(counts) || counts.length === 0 || !counts.every((c) => typeof c === 'string' && c)) problems.push(`${where}.countsHoldingsOf must be a non-empty list of list ids (got ${show(r.countsHoldingsOf)})`);
  if (r.inForce === undefined) problems.push(`${where}.inForce is missing: say when the rule applies ([{"from": null, "to": null}] for always)`);
  return {
    name: typeof r.name === 'string' && r.name ? r.name : `${list} ownership rule`,
    threshold: typeof r.threshold === 'number' ? r.threshold : 50,
    aggregation: aggregation === 'single' ? 'single' : 'sum',
    countsHoldingsOf: Array.isArray(counts) ? counts.filter((c): c is string => typeof c === 'string') : [list],
    inForce: periods(r.inForce, `${where}.inForce`, problems),
    suspended: periods(r.suspended, `${where}.suspended`, problems),
    source: typeof r.source === 'string' ? r.source : null,
  };
}

function fingerprint(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

/** Checks and reads the rules; every problem is reported at once, with the file's name. */
export function parseRestrictionRules(text: string, file: string): RestrictionRules {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new RulesError(file, [jsonParseProblem(err)]);
  }
  const problems: string[] = [];
  const top = (raw ?? {}) as Record<string, unknown>;
  if (!raw || typeof raw !== 'object' || !top.lists || typeof top.lists !== 'object') throw new RulesError(file, ['must be an object with "lists": {<list id>: {…}}']);
  const declared = top.lists as Record<string, unknown>;
  const lists = new Map<string, ListRules>();
  const sameAs = new Map<string, string>();
  for (const [list, value] of Object.entries(declared)) {
    const where = `lists.${list}`;
    if (!value || typeof value !== 'object') {
      problems.push(`${where} must be an object (got ${show(value)})`);
      continue;
    }
    const v = value as Record<string, unknown>;
    const title = typeof v.title === 'string' ? v.title : null;
    if (typeof v.sameAs === 'string') {
      sameAs.set(list, v.sameAs);
      lists.set(list, { list, title, rule: null });
      continue;
    }
    if (!('ownershipRule' in v)) {
      problems.push(`${where}.ownershipRule is missing (null for a list without one, or "sameAs": "<list id>")`);
      continue;
    }
    lists.set(list, { list, title, rule: ownershipRule(v.ownershipRule, list, `${where}.ownershipRule`, problems) });
  }
  for (const [list, target] of sameAs) {
    const t = lists.get(target);
    if (!t || sameAs.has(target)) problems.push(`lists.${list}.sameAs names ${show(target)}, which is not a list with its own rule here`);
    else lists.set(list, { list, title: lists.get(list)?.title ?? null, rule: t.rule && { ...t.rule, countsHoldingsOf: [...new Set([...t.rule.countsHoldingsOf, list])] } });
  }
  if (problems.length) throw new RulesError(file, problems);
  return { version: typeof top.version === 'number' ? top.version : 1, hash: fingerprint(text), lists };
}

const inside = (p: Period, day: string) => (p.from === null || p.from <= day) && (p.to === null || day <= p.to);

/** Whether the rule applies on `day` (YYYY-MM-DD). */
export function ruleInForce(rule: OwnershipRule, day: string): boolean {
  return rule.inForce.some((p) => inside(p, day)) && !rule.suspended.some((p) => inside(p, day));
}

/** The rule of a list, or null (lists not in the file have none). */
export function ruleOf(rules: RestrictionRules, list: string): OwnershipRule | null {
  return rules.lists.get(list)?.rule ?? null;
}
