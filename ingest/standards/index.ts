// Data-standard sources of notices (files of many notices, such as OCDS), chosen like ownership and
// list sources: the first whose `matches` accepts the document parses it.
import type { ReadDocument } from '../read/document.ts';
import { ocdsSource } from './ocds.ts';
import type { NoticeSource, NoticesExtract } from './source.ts';

export type { NoticeSource, NoticesExtract } from './source.ts';

export const noticeSources: readonly NoticeSource[] = [ocdsSource];

/** The notices in the document, with the source's name; null when no data standard recognises it. */
export function extractNotices(doc: ReadDocument): (NoticesExtract & { source: string; mediaType: string }) | null {
  const source = noticeSources.find((s) => s.matches(doc));
  if (!source) return null;
  return { source: source.name, mediaType: source.mediaType, ...source.parse(doc) };
}
