/** An error meant for the person at the terminal: one line that says what happened and what to do. */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
  }
}
