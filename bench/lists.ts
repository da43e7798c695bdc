// `npm run bench:lists`: restriction-list files far over the text reader's cap, read piece by piece
// (ingest/lists/stream.ts). A generated OpenSanctions-style FtM export (JSON Lines) and a CSL JSON
// file in a temporary folder; for each, the list reading's MB/s and peak RSS against the baseline
// in the same process: reading the same file's lines only (decoding and splitting, nothing parsed).
//
// Options: --mb 120 (FtM size) --csl-mb 60 --companies 50000 --keep
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { fileLines, readListFile } from '../ingest/lists/stream.ts';
import { bigCslJson, bigFtm, tempDir } from '../test/support/big-lists.ts';

const { values: opts } = parseArgs({
  options: {
    mb: { type: 'string', default: '120' },
    'csl-mb': { type: 'string', default: '60' },
    companies: { type: 'string', default: '50000' },
    keep: { type: 'boolean', default: false },
  },
});

const MB = 1024 * 1024;

/** Runs `work`, sampling the RSS every 20 ms: wall time and the highest RSS seen. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t0, peakRssMb: Math.max(peak, process.memoryUsage.rss()) / MB };
  } finally {
    clearInterval(timer);
  }
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const _ of fileLines(file)) n++;
  return n;
}

async function compare(label: string, file: string): Promise<void> {
  const size = fs.statSync(file).size / MB;
  global.gc?.();
  const base = await measured(() => countLines(file));
  global.gc?.();
  const list = await measured(() => readListFile(file));
  const entries = list.result?.entries.length ?? 0;
  const rate = (ms: number) => size / (ms / 1000);
  console.log(`${label}: ${size.toFixed(0)} MB, ${base.result} lines, ${entries} entries, ${list.result?.warnings.length ?? 0} warnings`);
  console.log(`  lines only (baseline): ${rate(base.ms).toFixed(1)} MB/s, peak RSS ${base.peakRssMb.toFixed(0)} MB`);
  console.log(`  list reading:          ${rate(list.ms).toFixed(1)} MB/s, peak RSS ${list.peakRssMb.toFixed(0)} MB`);
  console.log(`  ratio: ${(list.ms / base.ms).toFixed(2)}x the baseline's time, peak RSS ${(list.peakRssMb / base.peakRssMb).toFixed(2)}x (file ${size.toFixed(0)} MB)`);
}

const dir = await tempDir();
try {
  const companies = Number(opts.companies);
  const ftm = await bigFtm(dir, companies, Number(opts.mb) * MB);
  await compare('FtM JSON Lines', ftm.file);
  fs.rmSync(ftm.file);
  const csl = await bigCslJson(dir, companies, Number(opts['csl-mb']) * MB);
  await compare('CSL JSON', csl.file);
} finally {
  if (opts.keep) console.log(`files kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
