// Writes a dossier as a folder that travels: index.html, the archived originals it cites under
// originals/<sha256>.<ext> (checked against their sha256 on the way), and dossier.pdf when a
// Chromium is at hand. HTML and text originals get .txt: opened from the folder, a third-party
// page shows its source and runs nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArchived } from '../archive.ts';
import type { Citation, Dossier } from './model.ts';
import { dossierHtml } from './html.ts';

const EXTENSION: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
};

/** The file name an original gets in the folder: its sha256, and an extension that opens it safely. */
export function originalFileName(sha256: string, mediaType: string | null | undefined): string {
  return `${sha256}.${EXTENSION[(mediaType ?? '').split(';')[0].trim()] ?? 'txt'}`;
}

export interface FolderResult {
  dir: string;
  index: string;
  originals: number;
  /** Cited documents the archive does not hold (or holds with other bytes). */
  missing: string[];
  pdf: string | null;
  /** Why no PDF was written, when none was. */
  pdfSkipped: string | null;
}

export interface FolderOptions {
  /** BIDGRAPH_HOME: the archive lives under it. */
  home: string;
  /** Write dossier.pdf with this Chromium, when it exists; null for none. */
  chromium: string | null;
}

/** Copies each cited original once; returns the file name of each sha256 found. */
async function copyOriginals(home: string, citations: Citation[], dir: string): Promise<{ files: Map<string, string>; missing: string[] }> {
  const files = new Map<string, string>();
  const missing: string[] = [];
  await fs.mkdir(path.join(dir, 'originals'), { recursive: true });
  for (const sha of new Set(citations.map((c) => c.sha256))) {
    const doc = await readArchived(home, sha);
    if (!doc || createHash('sha256').update(doc.bytes).digest('hex') !== sha) {
      missing.push(sha);
      continue;
    }
    const name = originalFileName(sha, doc.mediaType);
    await fs.writeFile(path.join(dir, 'originals', name), doc.bytes);
    files.set(sha, name);
  }
  return { files, missing };
}

/** Prints index.html to dossier.pdf in headless Chromium (playwright-core drives the installed browser). */
async function printPdf(chromium: string, index: string, pdf: string): Promise<void> {
  const { chromium: driver } = await import('playwright-core');
  const browser = await driver.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  } finally {
    await browser.close();
  }
}

export async function writeDossierFolder(dossier: Dossier, dir: string, opts: FolderOptions): Promise<FolderResult> {
  await fs.mkdir(dir, { recursive: true });
  const { files, missing } = await copyOriginals(opts.home, dossier.citations, dir);
  const page = await dossierHtml(dossier, {
    originalHref: (c) => {
      const name = files.get(c.sha256);
      return name ? `originals/${name}` : null;
    },
  });
  const index = path.join(dir, 'index.html');
  await fs.writeFile(index, page);
  let pdf: string | null = null;
  let pdfSkipped: string | null = null;
  if (!opts.chromium) pdfSkipped = 'no PDF asked for';
  else if (!existsSync(opts.chromium)) pdfSkipped = `${opts.chromium} is not installed (scripts/install-browser.sh installs it)`;
  else {
    pdf = path.join(dir, 'dossier.pdf');
    await printPdf(opts.chromium, index, pdf);
  }
  return { dir, index, originals: files.size, missing, pdf, pdfSkipped };
}
