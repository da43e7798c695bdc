// Known renames: a company that changed its registered name is one company. Each entry is a fact
// with a date and a source; the loader puts both names on one node and keeps the old one in `names`.
import { nameKey } from './names.ts';

export interface CompanyRename {
  /** The registered name before the change. */
  oldName: string;
  /** The registered name after it: the node's canonical name. */
  newName: string;
  /** When the new name took effect (YYYY-MM or YYYY-MM-DD). */
  since: string;
  /** Where the fact comes from. */
  source: string;
}

export const renames: readonly CompanyRename[] = [
  {
    oldName: '中国电子科技集团公司',
    newName: '中国电子科技集团有限公司',
    since: '2017-12',
    source: 'restructured from an enterprise owned by the whole people into a limited company (公司制改制), December 2017',
  },
];

export interface AliasGroup {
  /** The current name, then the older ones. */
  names: string[];
  keys: string[];
}

let byKey: Map<string, AliasGroup> | null = null;

/** Groups renames into chains (A → B → C is one company), keyed by every name's key. */
function buildIndex(list: readonly CompanyRename[]): Map<string, AliasGroup> {
  const current = new Map<string, string>();
  for (const r of list) current.set(nameKey(r.oldName), r.newName);
  const latest = (name: string): string => {
    const seen = new Set<string>();
    let n = name;
    while (current.has(nameKey(n)) && !seen.has(nameKey(n))) {
      seen.add(nameKey(n));
      n = current.get(nameKey(n))!;
    }
    return n;
  };
  const groups = new Map<string, string[]>();
  for (const r of list) {
    const head = latest(r.newName);
    const names = groups.get(head) ?? [head];
    for (const n of [r.newName, r.oldName]) if (!names.includes(n)) names.push(n);
    groups.set(head, names);
  }
  const index = new Map<string, AliasGroup>();
  for (const names of groups.values()) {
    const group = { names, keys: names.map(nameKey) };
    for (const k of group.keys) index.set(k, group);
  }
  return index;
}

/** The alias group a name belongs to, or null when no known rename involves it. */
export function aliasGroup(name: string): AliasGroup | null {
  byKey ??= buildIndex(renames);
  return byKey.get(nameKey(name)) ?? null;
}
