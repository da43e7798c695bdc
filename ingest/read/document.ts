// What a reader hands to the extractors: decoded content plus metadata, never fields.
import type { MediaType } from '../extract/notice.ts';

export interface ReadDocument {
  path: string;
  sha256: string;
  mediaType: MediaType;
  /** The encoding the bytes were decoded from (e.g. "utf-8", "gbk"); null for PDF. */
  encoding: string | null;
  /** Decoded HTML markup, for HTML documents only. */
  html: string | null;
  /** The readable text; evidence offsets point into this string. */
  text: string;
  /** Page count, for PDFs. */
  pages: number | null;
  /** Non-fatal problems met while reading. */
  warnings: string[];
}

/** What a reader decodes from the bytes; the caller, who hashed them once, adds their sha256. */
export type ReadContent = Omit<ReadDocument, 'sha256'>;

/** A document that cannot be read: the message names the file and the reason. */
export class ReadError extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`${path}: ${reason}`, options);
    this.name = 'ReadError';
    this.path = path;
    this.reason = reason;
  }
}
