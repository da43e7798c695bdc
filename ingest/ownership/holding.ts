// What every ownership source produces: holdings (owner → owned, with a share and its source).
import type { ReadDocument } from '../read/document.ts';

export type PartyKind = 'person' | 'enterprise' | 'public' | 'state';

export interface PartyRef {
  /** Canonical name (src/domain/names.ts); for persons, the name as given, spaces collapsed. */
  name: string;
  uscc: string | null;
  /** As the source states it (BODS type, 股东性质, a CSV kind column); null when the source does not say. */
  kind: PartyKind | null;
  /** Source-local id, e.g. a BODS statement or record id. */
  id?: string;
  /** The source's own word for the party type (股东性质 国有法人, 股东类型 企业法人…), kept verbatim. */
  nature?: string;
}

export interface HoldingSource {
  path: string;
  sha256: string;
  /** The table row (cells joined by tabs), the CSV record, or the BODS statement id. */
  snippet: string | null;
  /** Where the snippet starts in the document's text (ReadDocument.text), when it is there verbatim. */
  offset?: number | null;
  /** What a CSV row's `source` column cites (a URL or a document name). */
  reference?: string;
}

export interface HoldingRecord {
  owner: PartyRef;
  owned: PartyRef;
  /** Percent 0–100. An exact share sets share = shareMin = shareMax; a range leaves share null. */
  share: number | null;
  shareMin: number | null;
  shareMax: number | null;
  /** YYYY-MM-DD */
  asOf: string | null;
  source: HoldingSource;
}

export interface OwnershipExtract {
  holdings: HoldingRecord[];
  warnings: string[];
}

/** One kind of ownership source: `matches` looks at the content, `parse` never throws on bad data. */
export interface OwnershipSource {
  name: string;
  matches(doc: ReadDocument): boolean;
  parse(doc: ReadDocument): OwnershipExtract;
}
