// Matching list entries to companies, without guessing. A link needs evidence: the same USCC, or an
// exact match of the normalised name against a name the company is known by from a cited source (a
// document, a name-link row, another entry already linked). Anything weaker — pinyin, a partial
// name — is a candidate with a score and reasons, for a person to confirm. Pure: the loader hands
// in what the database knows.
import { pinyin } from 'pinyin-pro';
import { latinNameKey, listNameKey, nameKey } from '../../src/domain/names.ts';

export type MatchedBy = 'uscc' | 'name' | 'name-link' | 'linked-entry' | 'reviewer';

export interface EntryToMatch {
  id: string;
  names: string[];
  usccs: string[];
}

export interface NameLinkFact {
  id: string;
  /** The company's name (nameKey) and the other name (listNameKey). */
  nameKey: string;
  aliasKey: string;
  alias: string;
  name: string;
  sha256: string;
  line: number;
  source: string;
}

export interface Link {
  entryId: string;
  companyId: string;
  matchedBy: MatchedBy;
  /** In words: what matched, against what, from which source. */
  evidence: string;
  /** The document (sha256) or entry id the evidence comes from. */
  source: string | null;
}

export interface Candidate {
  entryId: string;
  companyId: string;
  score: number;
  reasons: string[];
}

export interface MatchInput {
  entries: EntryToMatch[];
  /** USCC → company id. */
  companyByUscc: ReadonlyMap<string, string>;
  /** nameKey → companies known by that name (Company.nameKeys: names from documents and reviewed aliases). */
  companiesByKey: ReadonlyMap<string, string[]>;
  nameLinks: readonly NameLinkFact[];
  /** Links a reviewer confirmed: they stand, and their entries' names count as names of the company. */
  confirmed: readonly Link[];
}

export interface MatchResult {
  links: Link[];
  candidates: Candidate[];
}

/** Adds the links that follow from names of already linked entries, until nothing changes. */
function throughLinkedEntries(entries: EntryToMatch[], links: Map<string, Link[]>, candidates: Candidate[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    const byKey = new Map<string, { companyId: string; entryId: string }[]>();
    for (const e of entries) {
      for (const l of links.get(e.id) ?? []) {
        for (const n of e.names) {
          const k = listNameKey(n);
          if (!k) continue;
          const list = byKey.get(k) ?? [];
          if (!list.some((x) => x.companyId === l.companyId)) list.push({ companyId: l.companyId, entryId: e.id });
          byKey.set(k, list);
        }
      }
    }
    for (const e of entries) {
      if (links.has(e.id)) continue;
      for (const n of e.names) {
        const found = byKey.get(listNameKey(n)) ?? [];
        if (found.length === 1) {
          const via = found[0];
          links.set(e.id, [{ entryId: e.id, companyId: via.companyId, matchedBy: 'linked-entry', evidence: `name "${n}" is a name of list entry ${via.entryId}, which is linked to this company`, source: via.entryId }]);
          changed = true;
          break;
        }
        if (found.length > 1) for (const f of found) candidates.push({ entryId: e.id, companyId: f.companyId, score: 0.7, reasons: [`name "${n}" belongs to entries linked to ${found.length} different companies`] });
      }
    }
  }
}

export function matchEntries(input: MatchInput): MatchResult {
  const links = new Map<string, Link[]>();
  const candidates: Candidate[] = [];
  const add = (l: Link) => {
    const list = links.get(l.entryId) ?? [];
    if (!list.some((x) => x.companyId === l.companyId)) list.push(l);
    links.set(l.entryId, list);
  };
  for (const c of input.confirmed) add(c);
  const linksByAlias = new Map<string, NameLinkFact[]>();
  for (const nl of input.nameLinks) linksByAlias.set(nl.aliasKey, [...(linksByAlias.get(nl.aliasKey) ?? []), nl]);

  for (const e of input.entries) {
    if (links.has(e.id)) continue;
    // 1. An official identifier: the USCC.
    for (const uscc of e.usccs) {
      const companyId = input.companyByUscc.get(uscc);
      if (companyId) add({ entryId: e.id, companyId, matchedBy: 'uscc', evidence: `USCC ${uscc} in the entry and on the company`, source: null });
    }
    if (links.has(e.id)) continue;
    // 2. The exact normalised name, against a company's own names, or through a cited name link.
    const found = new Map<string, Link>();
    for (const n of e.names) {
      const key = listNameKey(n);
      if (!key) continue;
      const companies = new Set([...(input.companiesByKey.get(key) ?? []), ...(input.companiesByKey.get(nameKey(n)) ?? [])]);
      for (const companyId of companies) {
        if (!found.has(companyId)) found.set(companyId, { entryId: e.id, companyId, matchedBy: 'name', evidence: `name "${n}" is a name of the company (normalised: ${key})`, source: null });
      }
      for (const nl of linksByAlias.get(key) ?? []) {
        for (const companyId of input.companiesByKey.get(nl.nameKey) ?? []) {
          if (!found.has(companyId)) {
            found.set(companyId, {
              entryId: e.id,
              companyId,
              matchedBy: 'name-link',
              evidence: `name "${n}" is "${nl.alias}", given as the name of ${nl.name} by ${nl.source} (name-link file line ${nl.line})`,
              source: nl.sha256,
            });
          }
        }
      }
    }
    if (found.size === 1) add([...found.values()][0]);
    else for (const l of found.values()) candidates.push({ entryId: e.id, companyId: l.companyId, score: 0.8, reasons: [l.evidence, `the same name belongs to ${found.size} companies: a person must choose`] });
  }
  throughLinkedEntries(input.entries, links, candidates);
  const linked = new Set(links.keys());
  return {
    links: [...links.values()].flat().filter((l) => l.matchedBy !== 'reviewer'),
    candidates: candidates.filter((c) => !linked.has(c.entryId)),
  };
}

// ------------------------------------------------------------------------------------ candidates

const PINYIN_SYLLABLE = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|uan|ian|iao|uai|uei|van|ai|ei|ao|ou|an|en|in|un|ia|ie|ua|uo|ue|ve|ui|iu|er|a|o|e|i|u|v)';
const PINYIN_WORD = new RegExp(`^(?:${PINYIN_SYLLABLE})+$`);

/**
 * The leading words of a Latin name that read as pinyin ("moyu haishi" in "Moyu Haishi Electronic
 * Technology Co."), joined; null when fewer than four letters read so. English words stop it.
 */
export function pinyinHead(name: string): string | null {
  const words = latinNameKey(name).split(' ');
  const head: string[] = [];
  for (const w of words) {
    if (!PINYIN_WORD.test(w) || ENGLISH_WORDS.has(w)) break;
    head.push(w);
  }
  const joined = head.join('');
  return joined.length >= 4 && head.length >= 1 ? joined : null;
}

/** Common English words in company names that also read as pinyin syllables. */
const ENGLISH_WORDS = new Set(['china', 'group', 'general', 'one', 'long', 'union', 'sun', 'men', 'he', 'an', 'ten', 'gun']);

/** The pinyin of a Chinese name's Han characters, without tones or spaces (墨玉海视 → moyuhaishi). */
export function pinyinKey(name: string): string {
  const han = (name.match(/\p{Script=Han}/gu) ?? []).join('');
  return han ? pinyin(han, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase() : '';
}

/** A candidate when the pinyin of the company's name contains the pinyin-looking head of the entry's name. */
export function pinyinCandidate(entryId: string, entryName: string, companyId: string, companyName: string): Candidate | null {
  const head = pinyinHead(entryName);
  const key = pinyinKey(companyName);
  if (!head || !key.includes(head)) return null;
  return {
    entryId,
    companyId,
    score: Math.min(0.6, 0.3 + head.length / 40),
    reasons: [`pinyin of ${companyName} (${key}) contains "${head}" from "${entryName}"`, 'pinyin alone is no evidence: many companies share a pinyin'],
  };
}

/** A candidate when one Chinese name contains the other (海康威视 in 杭州海康威视数字技术股份有限公司). */
export function partialNameCandidate(entryId: string, entryName: string, companyId: string, companyName: string): Candidate | null {
  const a = nameKey(entryName);
  const b = nameKey(companyName);
  if (!a || !b || a === b) return null;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || !long.includes(short)) return null;
  return {
    entryId,
    companyId,
    score: Math.round((0.2 + 0.5 * (short.length / long.length)) * 100) / 100,
    reasons: [`"${entryName}" and "${companyName}": one name contains the other`, 'a partial name is no evidence: a person must check'],
  };
}
