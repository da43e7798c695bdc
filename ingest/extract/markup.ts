// What only the markup says: <meta name="ArticleTitle|PubDate">, the #pubTime element, and the code-*
// class markers of platform-generated pages (code-winningSupplierName...). Meta tags and #pubTime are read
// with small patterns; the DOM is loaded only when the page carries class markers.
import { load } from 'cheerio';
import { decodeEntities } from '../read/entities.ts';

export interface Marker {
  /** The class name without the "code-" prefix: winningSupplierName, 00003... */
  name: string;
  text: string;
}

export interface Markup {
  title: string | null;
  pubDate: string | null;
  pubTime: string | null;
  markers: Marker[];
}

const META = /<meta\b[^>]*>/gi;
const META_NAME = /\bname\s*=\s*["']?([\w-]+)/i;
const META_CONTENT = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const PUB_TIME_ID = /\bid\s*=\s*["']?pubTime\b/i;
const PUB_TIME = /^<(\w+)\b[^>]*>([\s\S]*?)<\/\1>/;
/** Meta tags live in the head; a body's worth of markup is not searched for them. */
const HEAD_CHARS = 20000;
const HAS_MARKERS = /class\s*=\s*["'][^"']*\bcode-[\w]+/i;
const MARKER_CLASS = /(?:^|\s)code-([\w]+)/;

function stripTags(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

export function readMarkup(html: string): Markup {
  let title: string | null = null;
  let pubDate: string | null = null;
  const headEnd = html.search(/<\/head>/i);
  const head = html.slice(0, headEnd >= 0 ? headEnd : HEAD_CHARS);
  for (const m of head.matchAll(META)) {
    const name = META_NAME.exec(m[0])?.[1]?.toLowerCase();
    if (name !== 'articletitle' && name !== 'pubdate') continue;
    const c = META_CONTENT.exec(m[0]);
    const content = c ? decodeEntities(c[1] ?? c[2] ?? c[3] ?? '').trim() : '';
    if (!content) continue;
    if (name === 'articletitle') title ??= content;
    else pubDate ??= content;
  }
  return { title, pubDate, pubTime: readPubTime(html), markers: HAS_MARKERS.test(html) ? readMarkers(html) : [] };
}

/** The text of the element with id="pubTime", found by its id first so the page is scanned once. */
function readPubTime(html: string): string | null {
  const id = PUB_TIME_ID.exec(html);
  if (!id) return null;
  const open = html.lastIndexOf('<', id.index);
  const pub = PUB_TIME.exec(html.slice(open, open + 2000));
  return pub ? stripTags(pub[2]) || null : null;
}

function readMarkers(html: string): Marker[] {
  const $ = load(html);
  const markers: Marker[] = [];
  $('[class*="code-"]').each((_, el) => {
    const cls = $(el).attr('class') ?? '';
    const m = MARKER_CLASS.exec(cls);
    if (!m) return;
    // A marked table or block around marked fields (code-AM014zbcj001) is a container, not a value: its text
    // would carry the reading position past the fields inside it.
    if ($(el).find('[class*="code-"]').length > 0) return;
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    markers.push({ name: m[1], text });
  });
  return markers;
}
