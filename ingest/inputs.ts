// Turns the paths given on a command line into the files to read: directories are walked, in a stable order.
import fs from 'node:fs';
import path from 'node:path';

export interface InputProblem { path: string; reason: string }

/** Hidden files and folders (.git, .DS_Store) are skipped inside directories, never when named directly. */
export function listInputs(args: string[]): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  for (const arg of args) {
    let info: fs.Stats;
    try {
      info = fs.statSync(arg);
    } catch (err) {
      problems.push({ path: arg, reason: `cannot open (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    if (info.isDirectory()) walk(arg);
    else files.push(arg);
  }
  return { files, problems };
}
