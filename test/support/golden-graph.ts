// The graph a corpus gives, kept as a file to compare with: the canonical dump (test/support/graph-dump.ts)
// with machine-specific paths made portable, and for a large corpus a digest per document, so that a
// difference names the documents whose facts changed.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { model } from '../../schema/model.ts';

/** Paths as ingested depend on where the clone and the corpus sit: they become `<name>:` prefixes. */
export function portable(lines: string[], roots: Record<string, string>): string[] {
  const swaps = Object.entries(roots)
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([name, root]) => [JSON.stringify(path.resolve(root) + path.sep).slice(1, -1), `${name}:`] as const);
  return lines
    .map((line) => swaps.reduce((l, [from, to]) => l.split(from).join(to), line))
    .sort();
}

/**
 * The gazetteer's ~3,400 regions that no document touches (no awards) and the PART_OF links between
 * regions are the same for every corpus: one summary line (count and digest) stands for them.
 */
export function foldGazetteer(lines: string[]): string[] {
  const isGazetteer = (l: string) => {
    const p = JSON.parse(l) as { labels?: string[]; type?: string; props: Record<string, unknown> };
    return p.type === 'PART_OF' || (p.labels?.includes('Region') && Number(p.props.rollupAwards ?? 0) === 0);
  };
  const folded = lines.filter(isGazetteer);
  const kept = lines.filter((l) => !isGazetteer(l));
  return [...kept, JSON.stringify({ gazetteer: { lines: folded.length, sha256: digest(folded) } })];
}

export interface GraphDigest {
  /** sha256 of every line of the dump, in order. */
  total: string;
  lines: number;
  /** Per document (by its path): sha256 of the lines that carry its sha256 or touch a node that does. */
  documents: Record<string, string>;
}

const SHA = /\b[0-9a-f]{64}\b/g;
const NO_DOCUMENT = '(no document)';

function digest(lines: string[]): string {
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return h.digest('hex');
}

/**
 * Lines go to every document whose sha256 they name (a property, an amendedAt, a Document end); a node
 * that names none goes with the documents of the relationships that touch it (a company with the notices
 * that name it), the rest (regions, bookkeeping) to "(no document)".
 */
export function digestByDocument(lines: string[]): GraphDigest {
  const parsed = lines.map((l) => JSON.parse(l) as { labels?: string[]; props: Record<string, unknown>; from?: string; to?: string });
  const pathOf = new Map<string, string>();
  for (const p of parsed) {
    if (p.labels?.includes('Document')) pathOf.set(String(p.props.sha256), String(p.props.path ?? p.props.sha256));
  }
  const docsIn = (line: string) => new Set([...line.matchAll(SHA)].map((m) => m[0]).filter((s) => pathOf.has(s)));
  const docsOfNode = new Map<string, Set<string>>();
  parsed.forEach((p, i) => {
    if (!p.from || !p.to) return;
    const shas = docsIn(lines[i]);
    for (const end of [p.from, p.to]) {
      const set = docsOfNode.get(end) ?? new Set<string>();
      for (const s of shas) set.add(s);
      docsOfNode.set(end, set);
    }
  });
  const byDoc = new Map<string, string[]>();
  parsed.forEach((p, i) => {
    let shas = docsIn(lines[i]);
    if (!shas.size && p.labels) {
      const refs = p.labels.filter((l) => l in model.nodes).map((l) => docsOfNode.get(`${l}:${String(p.props[model.nodes[l].key])}`));
      shas = new Set(refs.flatMap((s) => [...(s ?? [])]));
    }
    const owners = shas.size ? [...shas].map((s) => pathOf.get(s)!) : [NO_DOCUMENT];
    for (const o of owners) byDoc.set(o, [...(byDoc.get(o) ?? []), lines[i]]);
  });
  const documents = Object.fromEntries([...byDoc.keys()].sort().map((d) => [d, digest(byDoc.get(d)!)]));
  return { total: digest(lines), lines: lines.length, documents };
}

/** What differs between two digests, in words: documents changed, added or gone, and the totals. */
export function digestDifferences(expected: GraphDigest, actual: GraphDigest): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(expected.documents), ...Object.keys(actual.documents)]);
  for (const d of [...names].sort()) {
    const e = expected.documents[d];
    const a = actual.documents[d];
    if (e === a) continue;
    out.push(!e ? `${d}: new` : !a ? `${d}: gone` : `${d}: changed`);
  }
  if (expected.total !== actual.total && !out.length) out.push(`total changed (${expected.lines} → ${actual.lines} lines)`);
  return out;
}

/** Lines only in one of two sorted dumps, marked - (expected only) and + (actual only). */
export function lineDifferences(expected: string[], actual: string[]): string[] {
  const a = new Set(actual);
  const e = new Set(expected);
  return [...expected.filter((l) => !a.has(l)).map((l) => `- ${l}`), ...actual.filter((l) => !e.has(l)).map((l) => `+ ${l}`)];
}
