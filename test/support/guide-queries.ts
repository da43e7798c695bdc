// The click-to-run lines of browser/guide.html, as the Browser reads them (the text of each pre.runnable).
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { repoRoot } from '../../src/config.ts';

export interface GuideQuery {
  slide: string;
  text: string;
}

export function guideSource(): string {
  return fs.readFileSync(path.join(repoRoot, 'browser', 'guide.html'), 'utf8');
}

export function guideQueries(html = guideSource()): GuideQuery[] {
  const $ = cheerio.load(html);
  return $('slide')
    .toArray()
    .flatMap((slide) => {
      const title = $(slide).find('h3').first().text().trim();
      return $(slide)
        .find('pre.runnable')
        .toArray()
        .map((pre) => ({ slide: title, text: $(pre).text().trim() }));
    });
}

/** Cypher queries only: lines starting with ':' are Browser commands. */
export function guideCypher(html?: string): GuideQuery[] {
  return guideQueries(html).filter((q) => !q.text.startsWith(':'));
}
