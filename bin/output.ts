// The CLI's voice: results to stdout, progress and problems to stderr.
export function say(line: string): void {
  process.stdout.write(line + '\n');
}

export function warn(line: string): void {
  process.stderr.write(line + '\n');
}
