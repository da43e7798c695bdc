// Turns the paths given on a command line into the files to read: directories are walked, in a
// stable order. Nothing met on the way is skipped silently: a folder that cannot be read, a FIFO or
// device, a broken symbolic link, a link that loops or leads outside the folders given, each
// becomes a problem with its reason, and the walk goes on.
import fs from 'node:fs';
import path from 'node:path';

export interface InputProblem { path: string; reason: string }

function code(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

/** What a non-regular file is, for the reason given when it is refused. */
export function specialKind(info: fs.Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function inside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Hidden files and folders (.git, .DS_Store) are skipped inside directories, never when named
 * directly. Symbolic links are followed when they lead to a file or folder inside one of the folders
 * given; each folder is walked once (by its real path), so links cannot loop.
 */
export function listInputs(args: string[]): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const walked = new Set<string>();
  const roots: string[] = [];

  const walk = (dir: string, real: string) => {
    if (walked.has(real)) return;
    walked.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: dir, reason: `cannot read folder (${code(err)}); skipped` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, path.join(real, e.name));
      else if (e.isFile()) files.push(p);
      else if (e.isSymbolicLink()) followLink(p);
      else {
        let info: fs.Stats | null = null;
        try {
          info = fs.lstatSync(p);
        } catch {
          // reported below as not a regular file
        }
        problems.push({ path: p, reason: `${info ? specialKind(info) : 'not a regular file'}; skipped` });
      }
    }
  };

  const followLink = (link: string) => {
    let target: string;
    let info: fs.Stats;
    try {
      target = fs.realpathSync(link);
      info = fs.statSync(target);
    } catch (err) {
      problems.push({ path: link, reason: `broken symbolic link (${code(err)}); skipped` });
      return;
    }
    if (!roots.some((root) => inside(root, target))) {
      problems.push({ path: link, reason: `symbolic link to ${target}, outside the folders given; skipped (name that path to read it)` });
      return;
    }
    if (info.isDirectory()) {
      if (walked.has(target)) problems.push({ path: link, reason: `symbolic link to a folder already read (${target}); skipped` });
      else walk(link, target);
    } else if (info.isFile()) files.push(link);
    else problems.push({ path: link, reason: `symbolic link to ${specialKind(info)}; skipped` });
  };

  const given: { arg: string; info: fs.Stats }[] = [];
  for (const arg of args) {
    let info: fs.Stats;
    try {
      info = fs.statSync(arg);
    } catch (err) {
      problems.push({ path: arg, reason: `cannot open (${code(err)})` });
      continue;
    }
    given.push({ arg, info });
    if (info.isDirectory()) roots.push(fs.realpathSync(arg));
  }
  for (const { arg, info } of given) {
    if (info.isDirectory()) walk(arg, fs.realpathSync(arg));
    else if (info.isFile()) files.push(arg);
    else problems.push({ path: arg, reason: `${specialKind(info)}, not a regular file; refused (reading it could block forever)` });
  }
  return { files, problems };
}
