// Bytes → string for text-like documents (HTML, plain text): BOM, then a declared charset, then sniffing.
// Chinese government pages are UTF-8 or one of the GB family (GB2312, GBK, GB18030); pages often declare
// gb2312 while using GBK characters, so the whole family is decoded as GB18030, its superset.
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** Lower-cased label of the encoding used: the declared label when it was honoured, else what was sniffed. */
  encoding: string;
  warnings: string[];
}

/** Labels that name the GB family; all of them are decoded as GB18030. */
const GB_FAMILY = new Set([
  'gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'ms936', 'gb_2312', 'gb_2312-80',
  'csgb2312', 'csiso58gb231280', 'iso-ir-58', 'chinese', 'euc-cn', 'x-euc-cn',
]);

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8']);

/** Western single-byte labels: any byte decodes, so a GBK page mislabelled with one never shows errors. */
const WESTERN_LABELS = new Set(['iso-8859-1', 'latin1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);

const CJK = /[\u4e00-\u9fff]/;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Decoded text of `bytes` if they are valid UTF-8, else null. */
export function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return true;
  return false;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function decodeGb(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

interface Bom { encoding: string; length: number }

function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    return { encoding: 'gb18030', length: 4 };
  }
  return null;
}

/**
 * Binary content: more than 2% NUL or other control bytes in the first 64 KB (a stray NUL at the end of
 * a scraped page does not make it binary). UTF-16 text is recognised by its BOM before this check runs.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** The charset named by a `<meta charset>` or `http-equiv` content-type in the first 4 KB, lower-cased. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const metaTag = /<meta\b[^>]*>/gi;
  for (let m = metaTag.exec(head); m; m = metaTag.exec(head)) {
    const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(m[0]);
    if (charset) return charset[1].toLowerCase();
  }
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i.exec(head);
  return xml ? xml[1].toLowerCase() : null;
}

/** Sniff UTF-8 versus the GB family. Returns null when neither decodes cleanly. */
function sniff(bytes: Uint8Array): { text: string; encoding: string } | null {
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeGb(bytes);
  if (countReplacements(gb) === 0) return { text: gb, encoding: 'gb18030' };
  return null;
}

function decodeWithLabel(bytes: Uint8Array, label: string): string {
  if (GB_FAMILY.has(label)) return decodeGb(bytes);
  if (UTF8_LABELS.has(label)) return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
}

function canonicalLabel(label: string): string {
  return UTF8_LABELS.has(label) ? 'utf-8' : label;
}

/**
 * Decode text bytes. `declared` is the charset the document claims (HTML meta), if any.
 * Returns null for binary content; the caller turns that into a ReadError.
 */
export function decodeText(bytes: Uint8Array, declared: string | null): Decoded | null {
  const warnings: string[] = [];
  const bom = detectBom(bytes);
  if (bom) {
    if (declared && canonicalLabel(declared) !== bom.encoding && !(GB_FAMILY.has(declared) && bom.encoding === 'gb18030')) {
      warnings.push(`byte order mark says ${bom.encoding} but the page declares ${declared}; used the byte order mark`);
    }
    const body = bytes.subarray(bom.length);
    const text = bom.encoding === 'gb18030' ? decodeGb(body) : new TextDecoder(bom.encoding).decode(body);
    return { text, encoding: bom.encoding, warnings };
  }
  if (looksBinary(bytes)) return null;

  if (declared && !iconv.encodingExists(declared) && !GB_FAMILY.has(declared)) {
    warnings.push(`unknown declared charset "${declared}"; sniffed the encoding instead`);
    declared = null;
  }

  if (declared) {
    const label = canonicalLabel(declared);
    const utf8 = label === 'utf-8' ? null : decodeStrictUtf8(bytes);
    if (utf8 !== null && hasNonAscii(bytes)) {
      // Valid multi-byte UTF-8 is almost never valid-looking text in another encoding by accident.
      warnings.push(`page declares charset ${declared} but its bytes are valid UTF-8; decoded as utf-8`);
      return { text: utf8, encoding: 'utf-8', warnings };
    }
    if (WESTERN_LABELS.has(label) && hasNonAscii(bytes)) {
      const sniffed = sniff(bytes);
      if (sniffed && CJK.test(sniffed.text)) {
        warnings.push(`page declares charset ${declared} but its bytes are Chinese ${sniffed.encoding}; decoded as ${sniffed.encoding}`);
        return { ...sniffed, warnings };
      }
    }
    const text = decodeWithLabel(bytes, label);
    const bad = countReplacements(text);
    if (bad === 0) return { text, encoding: label, warnings };
    const sniffed = sniff(bytes);
    if (sniffed && sniffed.encoding !== label && !(GB_FAMILY.has(label) && sniffed.encoding === 'gb18030')) {
      warnings.push(`page declares charset ${declared} but its bytes are not valid ${declared}; decoded as ${sniffed.encoding}`);
      return { ...sniffed, warnings };
    }
    warnings.push(`${bad} invalid byte sequence(s) for ${label} replaced with U+FFFD`);
    return { text, encoding: label, warnings };
  }

  const sniffed = sniff(bytes);
  if (sniffed) return { ...sniffed, warnings };
  // Neither decodes cleanly: decide between mojibake and binary by how much survives.
  const gb = decodeGb(bytes);
  const bad = countReplacements(gb);
  if (bad / Math.max(1, gb.length) > 0.1) return null;
  warnings.push(`${bad} invalid byte sequence(s) for gb18030 replaced with U+FFFD (not valid UTF-8 either)`);
  return { text: gb, encoding: 'gb18030', warnings };
}
