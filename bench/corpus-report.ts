// The extractor over the shared corpus of real notices: what it found, how it agrees with the peer
// extractor's labels in index.json, every disagreement (for a human to judge), and throughput.
// Run: node --import tsx bench/corpus-report.ts [--no-timing]
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { repoRoot } from '../src/config.ts';
import { extractNotice } from '../ingest/extract/index.ts';
import type { Notice } from '../ingest/extract/notice.ts';
import { htmlToText, readFile } from '../ingest/read/index.ts';

interface PeerLabel {
  file: string;
  purchaser_name?: string | null;
  project_name?: string | null;
  agent_name?: string | null;
  published_ts?: string | null;
  total_winning_money?: { money_amount: number; money_unit: string } | null;
}

const corpusDir = path.resolve(repoRoot, '../shared/corpus/real');
const peers = new Map((JSON.parse(fs.readFileSync(path.join(corpusDir, 'index.json'), 'utf8')) as PeerLabel[]).map((p) => [p.file, p]));
const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.html')).sort();

/** Equal for a reader: width, spaces, bracket shapes and trailing punctuation do not count. */
function normalise(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const n = s.normalize('NFKC').replace(/\s+/g, '').replace(/[。.，,；;：:]+$/, '');
  return n === '' ? null : n;
}

function peerDate(ts: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(ts ?? '');
  return m ? m[1] : null;
}

function peerMoney(p: PeerLabel): string | null {
  const m = p.total_winning_money;
  if (!m || !m.money_amount) return null;
  const factor = m.money_unit === '万元' ? 10000 : m.money_unit === '亿元' ? 1e8 : 1;
  return (Math.round(m.money_amount * factor * 100) / 100).toFixed(2);
}

function ourMoney(n: Notice): string | null {
  const values = n.awards.map((a) => a.value?.fen).filter((v): v is number => v !== undefined);
  if (values.length === 0) return null;
  return (values.reduce((s, v) => s + v, 0) / 100).toFixed(2);
}

interface Comparison {
  label: string;
  ours: (n: Notice) => string | null;
  theirs: (p: PeerLabel) => string | null;
}

const comparisons: Comparison[] = [
  { label: 'buyer (purchaser_name)', ours: (n) => n.buyer?.name ?? null, theirs: (p) => p.purchaser_name ?? null },
  { label: 'project name (project_name)', ours: (n) => n.project.name, theirs: (p) => p.project_name ?? null },
  { label: 'agency (agent_name)', ours: (n) => n.agency?.name ?? null, theirs: (p) => p.agent_name ?? null },
  { label: 'published date (published_ts)', ours: (n) => n.publishedAt, theirs: (p) => peerDate(p.published_ts) },
  { label: 'award total, yuan (total_winning_money)', ours: ourMoney, theirs: peerMoney },
];

async function main(): Promise<void> {
  const notices = new Map<string, Notice>();
  const started = performance.now();
  for (const file of files) notices.set(file, extractNotice(await readFile(path.join(corpusDir, file))));
  const readAndExtractMs = performance.now() - started;

  const all = [...notices.values()];
  const count = (pred: (n: Notice) => boolean) => all.filter(pred).length;
  const byType = new Map<string, number>();
  for (const n of all) byType.set(n.noticeType, (byType.get(n.noticeType) ?? 0) + 1);
  const awards = all.filter((n) => n.noticeType === 'award');

  console.log(`Corpus: ${files.length} notices in ${path.relative(repoRoot, corpusDir)}\n`);
  console.log('What was found');
  const rows: [string, number | string][] = [
    ['notice type (not "other")', count((n) => n.noticeType !== 'other')],
    ['  by type', [...byType].sort().map(([t, c]) => `${t} ${c}`).join(', ')],
    ['title', count((n) => n.title !== null)],
    ['published date', count((n) => n.publishedAt !== null)],
    ['buyer', count((n) => n.buyer !== null)],
    ['agency', count((n) => n.agency !== null)],
    ['project name', count((n) => n.project.name !== null)],
    ['project code', count((n) => n.project.code !== null)],
    ['region', count((n) => n.region !== null)],
    ['award notices', awards.length],
    ['  with at least one winner', awards.filter((n) => n.awards.some((a) => a.suppliers.length > 0)).length],
    ['  with an amount or rate on every active award', awards.filter((n) => n.awards.some((a) => a.status === 'active')
      && n.awards.filter((a) => a.status === 'active').every((a) => a.value || a.rate)).length],
    ['  without a winner, with a warning saying why', awards.filter((n) => !n.awards.some((a) => a.suppliers.length > 0)).length],
    ['winners (supplier entries)', all.reduce((s, n) => s + n.awards.reduce((t, a) => t + a.suppliers.length, 0), 0)],
    ['failed lots', all.reduce((s, n) => s + n.awards.filter((a) => a.status === 'unsuccessful').length, 0)],
    ['notices with candidates', count((n) => n.candidates.length > 0)],
    ['evidence entries', all.reduce((s, n) => s + n.evidence.length, 0)],
    ['notices with warnings', count((n) => n.warnings.length > 0)],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(48)} ${value}`);

  console.log('\nAgreement with the peer labels (index.json), normalised-equal');
  console.log(`  ${'field'.padEnd(40)} ${'labelled'.padStart(8)} ${'agree'.padStart(6)} ${'differ'.padStart(7)} ${'only ours'.padStart(10)} ${'only theirs'.padStart(12)}`);
  const disagreements: string[] = [];
  for (const c of comparisons) {
    let labelled = 0; let agree = 0; let differ = 0; let oursOnly = 0; let theirsOnly = 0;
    for (const file of files) {
      const peer = peers.get(file);
      const ours = normalise(c.ours(notices.get(file)!));
      const theirs = normalise(peer ? c.theirs(peer) : null);
      if (theirs !== null) labelled++;
      if (ours !== null && theirs !== null) {
        if (ours === theirs) agree++;
        else {
          differ++;
          disagreements.push(`  ${file.padEnd(30)} ${c.label.split(' (')[0].padEnd(16)} ours: ${ours}\n  ${''.padEnd(47)} theirs: ${theirs}`);
        }
      } else if (ours !== null) {
        oursOnly++;
        if (peer && Object.keys(peer).length > 2) disagreements.push(`  ${file.padEnd(30)} ${c.label.split(' (')[0].padEnd(16)} ours: ${ours}\n  ${''.padEnd(47)} theirs: (none)`);
      } else if (theirs !== null) {
        theirsOnly++;
        disagreements.push(`  ${file.padEnd(30)} ${c.label.split(' (')[0].padEnd(16)} ours: (none)\n  ${''.padEnd(47)} theirs: ${theirs}`);
      }
    }
    console.log(`  ${c.label.padEnd(40)} ${String(labelled).padStart(8)} ${String(agree).padStart(6)} ${String(differ).padStart(7)} ${String(oursOnly).padStart(10)} ${String(theirsOnly).padStart(12)}`);
  }
  console.log('\nDisagreements (only ours/theirs listed where the peer labelled the file at all)');
  console.log(disagreements.join('\n') || '  none');

  console.log('\nWarnings');
  for (const [file, n] of notices) for (const w of n.warnings) console.log(`  ${file.padEnd(30)} ${w}`);

  if (process.argv.includes('--no-timing')) return;
  console.log('\nThroughput (one core)');
  const htmls = files.map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
  const texts = htmls.map((h) => htmlToText(h));
  const rounds = 20;
  // Warm up first, then keep the best of three runs: JIT and GC noise only ever slow a run down.
  const time = (fn: () => void): number => {
    for (let r = 0; r < 5; r++) fn();
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      for (let r = 0; r < rounds; r++) fn();
      best = Math.min(best, (performance.now() - t0) / rounds / htmls.length);
    }
    return best;
  };
  const docOf = (html: string, text: string) => ({
    path: 'bench', sha256: '', mediaType: 'text/html' as const, encoding: 'utf-8', html, text, pages: null, warnings: [],
  });
  const loadMs = time(() => { for (const h of htmls) load(h); });
  const textMs = time(() => { for (const h of htmls) htmlToText(h); });
  const extractMs = time(() => { htmls.forEach((h, i) => extractNotice(docOf(h, texts[i]))); });
  const bothMs = time(() => { for (const h of htmls) extractNotice(docOf(h, htmlToText(h))); });
  const line = (label: string, ms: number) => console.log(`  ${label.padEnd(40)} ${ms.toFixed(3)} ms/notice  ${Math.round(1000 / ms)} notices/s  ${(ms / loadMs).toFixed(2)}× cheerio.load`);
  line('cheerio.load (baseline)', loadMs);
  line('htmlToText', textMs);
  line('extractNotice (text given)', extractMs);
  line('htmlToText + extractNotice', bothMs);
  console.log(`  read from disk + extract, single pass: ${(readAndExtractMs / files.length).toFixed(3)} ms/notice (includes module warm-up)`);
}

await main();
