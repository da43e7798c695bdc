// Errors a client may see, each with a code in extensions.code. Anything else is masked: a client
// never sees Cypher, driver messages or stack traces.
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { GraphTimeoutError } from '../graph/reader.ts';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'AMBIGUOUS_NAME'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'WRITER_BUSY'
  | 'UNAUTHENTICATED'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'TIMEOUT'
  | 'DATABASE_UNAVAILABLE';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return apiError('BAD_USER_INPUT', message, argument ? { argument } : {});
}

function findCause(err: unknown, depth = 0): unknown {
  if (depth > 5 || !err || typeof err !== 'object') return null;
  if (err instanceof GraphTimeoutError) return err;
  return findCause((err as { originalError?: unknown; cause?: unknown }).originalError, depth + 1);
}

/** The error a resolver met, under the GraphQLError that wraps it. */
function original(err: unknown): unknown {
  let e = err;
  for (let i = 0; i < 5 && e instanceof GraphQLError && e.originalError; i++) e = e.originalError;
  return e;
}

/** Told of every unexpected error; answers with the error the client gets instead, if any. */
export type ErrorObserver = (cause: unknown, located: GraphQLError | null) => GraphQLError | null;

/**
 * Yoga's masking, except that a read timeout becomes a TIMEOUT the client can act on, and what the
 * observer recognises (an unreachable database: DATABASE_UNAVAILABLE) becomes its own error.
 */
export function maskError(error: unknown, message: string, observe?: ErrorObserver): Error {
  const located = error instanceof GraphQLError ? error : null;
  const replaced = observe?.(original(error), located);
  if (replaced) return replaced;
  const timeout = findCause(error);
  if (timeout instanceof GraphTimeoutError) {
    return new GraphQLError(`The query took longer than ${timeout.timeoutMs} ms and was stopped; ask for less (smaller pages, fewer nested lists).`, {
      nodes: located?.nodes,
      path: located?.path,
      extensions: { code: 'TIMEOUT' },
    });
  }
  // Never in development mode: the original error (with Cypher) must not reach a client.
  return yogaMaskError(error, message, false);
}
