// What a reader of a data standard's file gives: the Notices it holds (many per file), each with its
// evidence as slices of the file, and warnings that name the file and the part of it skipped.
import type { Notice } from '../extract/notice.ts';
import type { ReadDocument } from '../read/document.ts';

export interface NoticesExtract {
  notices: Notice[];
  /** `<path>: <where>: <reason>`, one per part skipped or doubtful. */
  warnings: string[];
  /** What the file is, for its Document (e.g. "OCDS release package of X, 12 releases"). */
  title: string | null;
}

/** One format: `matches` looks at the content, `parse` never throws on bad data. */
export interface NoticeSource {
  name: string;
  mediaType: string;
  matches(doc: ReadDocument): boolean;
  parse(doc: ReadDocument): NoticesExtract;
}
