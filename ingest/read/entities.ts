// HTML character references. Crawlers often save a page's text with its references left in
// (山西地方电力有限公司离石分公司&nbsp;&nbsp;, 2019年&ldquo;煤改电&rdquo;): they are decoded where text is
// read, so that no name or value carries them.

/** The named references seen in page text; an unknown name is left as written. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', laquo: '\u00ab', raquo: '\u00bb',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', middot: '\u00b7', bull: '\u2022',
  times: '\u00d7', divide: '\u00f7', plusmn: '\u00b1', deg: '\u00b0', yen: '\u00a5', permil: '\u2030',
  copy: '\u00a9', reg: '\u00ae', sup2: '\u00b2', sup3: '\u00b3',
};
/** Space references become a plain space: they pad layout, and the extractor's line and label rules read spaces. */
const SPACES = new Set(['nbsp', 'ensp', 'emsp', 'thinsp', 'emsp13', 'emsp14', 'numsp', 'puncsp']);

const REFERENCE = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,8});/g;

/** `s` with its character references (&nbsp; &#8220; &#x201C;) replaced by the characters they stand for. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    const name = e.toLowerCase();
    if (SPACES.has(name)) return ' ';
    return NAMED[e] ?? NAMED[name] ?? m;
  });
}
