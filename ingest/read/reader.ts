// What every format reader provides, and the limits they share.
import { createHash } from 'node:crypto';
import type { ReadContent } from './document.ts';
import { ReadError } from './document.ts';

export interface ReadOptions {
  /** HTML and plain text larger than this are refused (parsing a 50 MB page would stall a worker). */
  maxTextBytes: number;
  /** PDFs larger than this are refused. */
  maxPdfBytes: number;
}

const MB = 1024 * 1024;

export const defaultReadOptions: ReadOptions = { maxTextBytes: 20 * MB, maxPdfBytes: 100 * MB };

/** One format: `matches` sniffs the content (the path's extension is only a hint), `read` decodes it. */
export interface Reader {
  name: string;
  matches(bytes: Buffer, path: string): boolean;
  read(bytes: Buffer, path: string, options?: Partial<ReadOptions>): Promise<ReadContent>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function size(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const [value, unit] = n < MB ? [n / 1024, 'KB'] : [n / MB, 'MB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** Refuse input above the limit before doing any work on it. */
export function checkSize(path: string, bytes: number, limit: number): void {
  if (bytes > limit) throw new ReadError(path, `file too large (${size(bytes)} > ${size(limit)} limit)`);
}

export function resolveOptions(options?: Partial<ReadOptions>): ReadOptions {
  return { ...defaultReadOptions, ...options };
}

/** The lower-cased extension of a path, with its dot ("" when there is none). */
export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
