/** An error meant for the person at the terminal: one line that says what happened and what to do. */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
  }
}

/**
 * Why JSON.parse refused a text, worded the same on every Node version: newer engines add
 * "(line N column M)", and warnings stored in the graph must not change with the runtime.
 */
export function jsonParseProblem(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `not JSON (${message.replace(/\s*\(line \d+ column \d+\)\s*$/, '')})`;
}
