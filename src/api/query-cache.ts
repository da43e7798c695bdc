// The parsed-document cache, bounded by bytes rather than entries: a thousand small queries and a
// hundred half-megabyte ones do not weigh the same. Yoga keys its validation results and graphql-jit
// its compiled code by the cached document (weakly), so evicting a document frees all three.
import type { DocumentNode, GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';

export const DEFAULT_QUERY_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Heap held per character of query text by the parsed document (node objects, locations), and per
 * field of its expanded shape by graphql-jit's compiled code. Measured on Node 20 over 2,000
 * distinct queries each: about 55–90 bytes per character, and from 30 bytes per field (__typename)
 * to 4.7 KB (fields with arguments and nested objects); rounded up.
 */
export const AST_BYTES_PER_CHAR = 100;
export const COMPILED_BYTES_PER_FIELD = 5_000;
const ENTRY_BYTES = 4_096;

export interface QueryCaches {
  documentCache: LRUCache<string, DocumentNode>;
  errorCache: LRUCache<string, Error>;
}

/**
 * The caches yoga's parser takes, sharing one budget in bytes. `fieldsOf` gives the expanded size
 * of a document's answer (the compiled code grows with it, not with the text).
 */
export function queryCaches(maxBytes: number, fieldsOf: (doc: DocumentNode) => number): QueryCaches {
  const half = Math.max(Math.floor(maxBytes / 2), 1);
  return {
    documentCache: new LRUCache<string, DocumentNode>({
      maxSize: half,
      sizeCalculation: (doc, text) => Math.max(1, documentBytes(text.length, fieldsOf(doc))),
      // One entry over the budget would empty the cache for nothing; it is simply not kept.
      maxEntrySize: half,
    }),
    errorCache: new LRUCache<string, GraphQLError | Error>({
      maxSize: half,
      sizeCalculation: (_err, text) => 2 * text.length + ENTRY_BYTES,
      maxEntrySize: half,
    }),
  };
}

/** What one cached document is reckoned to hold, text included. */
export function documentBytes(textLength: number, fields: number): number {
  return ENTRY_BYTES + textLength * (2 + AST_BYTES_PER_CHAR) + fields * COMPILED_BYTES_PER_FIELD;
}
