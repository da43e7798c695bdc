// The CLI's voice: results to stdout, progress and problems to stderr.
export function say(line: string): void {
  process.stdout.write(line + '\n');
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * The text as one line: control characters (a newline or an escape sequence in a file name) are
 * written as escapes, so a name cannot forge a line of the error stream or drive the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** One line of progress or of a problem on stderr. */
export function warn(line: string): void {
  process.stderr.write(oneLine(line) + '\n');
}
