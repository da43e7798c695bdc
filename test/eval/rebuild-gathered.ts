// Rebuilds the gathered evaluation corpus (shared:gathered/…) from plain git mirrors of the repositories named in
// test/eval/SOURCES.md, following the manifest test/eval/gathered-sources.jsonl, one JSON object a line:
//   {"file", "repo": "owner/name", "commit", "path", "cut": {...}, "sha256"}
// Node built-ins only; git is run with argument arrays, never through a shell.
//
//   npm run eval:gathered -- --mirrors DIR [--into DIR]

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { repoRoot } from "../../src/config.ts";
import { sharedCorpusRoot } from "../support/shared-corpus.ts";

const HELP = `Usage: npm run eval:gathered -- --mirrors DIR [--into DIR] [--manifest FILE]

Rebuilds every file named in the manifest (JSON lines: file, repo, commit, path, cut, sha256):
takes the blob <commit>:<path> from the mirror of <repo>, applies the cut, writes
<into>/<file> and compares its sha256 with the manifest.

  --mirrors DIR    folder of git directories, bare or not, named owner+name
                   (owner/name, a trailing .git and a repo/ level inside are accepted too);
                   git clone --mirror https://github.com/<owner>/<name> DIR/<owner>+<name> makes one
  --into DIR       where the files are written (created if missing; default: the shared corpus's
                   gathered/ folder, $BIDGRAPH_SHARED_CORPUS or ../shared/corpus)
  --manifest FILE  the manifest (default: test/eval/gathered-sources.jsonl)
  --help           this text

Cut kinds:
  {"kind":"whole"}                          the blob's bytes unchanged
  {"kind":"json-line","line":N,"key":K}     line N (1-based) of a JSON-lines file, one key's string value
  {"kind":"span","from":A,"to":B, ...}      a byte range (or "parts":[[A,B],...], joined); negative offsets
                                            count from the end, a missing/null end means the end of the blob.
                                            Options: "zip" (an entry's name: the blob is a zip archive, such
                                            as an .xlsx, and the range is taken from that entry, inflated),
                                            "charset" (how the bytes are read, default utf-8),
                                            "decode" (string-literal escapes: none|python|java|go|js|csv;
                                            or xml: entities and character references, line ends read as LF),
                                            "json" (a path of keys/indices: the text is parsed as JSON and
                                            the value at that path is the document),
                                            "base64" (true: the text is base64 and its bytes are the document)
  {"kind":"unknown-repository"}             copied from a file whose repository is not known (SOURCES.md
                                            says what it is); cannot be rebuilt, reported as missing

One line is printed per problem, a progress line every 50 files, then
"N written, M mismatched, K missing" (written = sha256 matches; mismatched files are still written).
Exit status 1 when anything is missing or mismatched.`;

type Cut =
  | { kind: "whole" }
  | { kind: "json-line"; line: number; key: string }
  | {
      kind: "span";
      from?: number;
      to?: number | null;
      parts?: [number, number | null][];
      zip?: string;
      charset?: string;
      decode?: string;
      json?: (string | number)[];
      base64?: boolean;
    }
  | { kind: "unknown-repository" };

interface Entry {
  file: string;
  repo: string | null;
  commit: string | null;
  path: string | null;
  cut: Cut;
  sha256: string;
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") out.help = "1";
    else if (a === "--manifest" || a === "--mirrors" || a === "--into") {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      out[a.slice(2)] = v;
    } else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

function isGitDir(dir: string): boolean {
  return existsSync(join(dir, "HEAD")) && existsSync(join(dir, "objects"));
}

// Mirrors come in several shapes (owner+name, owner/name, with .git, with a repo/ level inside); the first
// candidate that is a git directory wins.
function findGitDir(mirrors: string, repo: string): string | null {
  const [owner, name] = repo.split("/");
  const bases = [
    join(mirrors, `${owner}+${name}`),
    join(mirrors, `${owner}+${name}.git`),
    join(mirrors, owner, name),
    join(mirrors, owner, `${name}.git`),
  ];
  for (const base of bases) {
    for (const dir of [base, join(base, ".git"), join(base, "repo"), join(base, "repo", ".git")]) {
      if (existsSync(dir) && statSync(dir).isDirectory() && isGitDir(dir)) return dir;
    }
  }
  return null;
}

function git(gitDir: string, args: string[]): Buffer {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], {
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function hasCommit(gitDir: string, commit: string): boolean {
  try {
    git(gitDir, ["cat-file", "-e", `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

// Strict UTF-8: a span that cuts a character in two is a manifest error, not something to paper over.
function text(bytes: Buffer, charset = "utf-8"): string {
  return new TextDecoder(charset, { fatal: true }).decode(bytes);
}

const PY_SIMPLE: Record<string, string> = {
  "\n": "", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
};
const C_SIMPLE: Record<string, string> = {
  n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "'": "'", "\\": "\\",
};
const JS_SIMPLE: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v" };
const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

// XML text as a parser hands it over: CR LF and a lone CR are read as LF before references are replaced.
function decodeXml(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (m, ref: string) => {
    if (ref[0] === "#") return String.fromCodePoint(ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    if (!(ref in XML_ENTITIES)) throw new Error(`unknown XML entity ${m}`);
    return XML_ENTITIES[ref];
  });
}

// The escapes of a string literal's body, as the named language reads them.
function decode(s: string, lang: string): string {
  if (lang === "none") return s;
  if (lang === "csv") return s.replaceAll('""', '"');
  if (lang === "xml") return decodeXml(s);
  if (lang !== "python" && lang !== "java" && lang !== "go" && lang !== "js") throw new Error(`unknown decode: ${lang}`);
  let out = "";
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c !== "\\") {
      out += c;
      i++;
      continue;
    }
    const e = s[i + 1];
    const hex = (n: number) => {
      const h = s.slice(i + 2, i + 2 + n);
      if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== n) throw new Error(`bad \\${e} escape at ${i}`);
      out += String.fromCodePoint(parseInt(h, 16));
      i += 2 + n;
    };
    if (lang === "python") {
      if (e in PY_SIMPLE) { out += PY_SIMPLE[e]; i += 2; }
      else if (/[0-7]/.test(e)) { const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0]; out += String.fromCodePoint(parseInt(m, 8)); i += 1 + m.length; }
      else if (e === "x") hex(2);
      else if (e === "u") hex(4);
      else if (e === "U") hex(8);
      else { out += "\\"; i += 1; } // Python keeps the backslash of an unknown escape
    } else if (lang === "js") {
      // Sloppy-mode JavaScript: legacy octal, \u{…}, line continuations; any other escaped character is itself.
      if (e === undefined) throw new Error(`lone backslash at ${i}`);
      if (e in JS_SIMPLE) { out += JS_SIMPLE[e]; i += 2; }
      else if (e === "x") hex(2);
      else if (e === "u" && s[i + 2] === "{") {
        const m = /^\{([0-9a-fA-F]{1,6})\}/.exec(s.slice(i + 2));
        if (!m) throw new Error(`bad \\u{} escape at ${i}`);
        out += String.fromCodePoint(parseInt(m[1], 16));
        i += 2 + m[0].length;
      }
      else if (e === "u") hex(4);
      else if (/[0-7]/.test(e)) { const m = /^(?:[0-3][0-7]{0,2}|[4-7][0-7]?)/.exec(s.slice(i + 1))![0]; out += String.fromCodePoint(parseInt(m, 8)); i += 1 + m.length; }
      else if (e === "\r") i += s[i + 2] === "\n" ? 3 : 2;
      else if (e === "\n" || e === "\u2028" || e === "\u2029") i += 2;
      else { out += e; i += 2; }
    } else {
      // Java and Go share the C escapes; Go has no \' in strings but adds \x, \a, \v, \U.
      if (e in C_SIMPLE && !(lang === "go" && e === "'")) { out += C_SIMPLE[e]; i += 2; }
      else if (e === "u") hex(4);
      else if (lang === "go" && e === "x") hex(2);
      else if (lang === "go" && e === "U") hex(8);
      else if (lang === "go" && (e === "a" || e === "v")) { out += e === "a" ? "\x07" : "\v"; i += 2; }
      else if (/[0-7]/.test(e)) { const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0]; out += String.fromCodePoint(parseInt(m, 8)); i += 1 + m.length; }
      else throw new Error(`invalid ${lang} escape \\${e} at ${i}`);
    }
  }
  return out;
}

// One entry of a zip archive (an .xlsx is one), found through the central directory, so that sizes written
// after the data (bit 3) are known too; stored or deflated, no zip64.
function zipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from("PK\x05\x06", "latin1"));
  if (end < 0) throw new Error("not a zip archive");
  let p = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad zip central directory at ${p}`);
    const method = zip.readUInt16LE(p + 10), size = zip.readUInt32LE(p + 20), local = zip.readUInt32LE(p + 42);
    const nameLen = zip.readUInt16LE(p + 28);
    if (zip.toString("utf8", p + 46, p + 46 + nameLen) === name) {
      if (size === 0xffffffff || local === 0xffffffff) throw new Error(`zip entry ${name}: zip64 is not supported`);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip entry ${name}: compression method ${method} is not supported`);
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${name} in the zip archive`);
}

function applyCut(blob: Buffer, cut: Cut): Buffer {
  switch (cut.kind) {
    case "whole":
      return blob;
    case "json-line": {
      // Feed exports put one record per line, indented and followed by a comma.
      let line = text(blob).split("\n")[cut.line - 1].trim();
      if (line.endsWith(",")) line = line.slice(0, -1);
      const v = JSON.parse(line)[cut.key];
      if (typeof v !== "string") throw new Error(`line ${cut.line}: key ${cut.key} is not a string`);
      return Buffer.from(v, "utf8");
    }
    case "span": {
      const bytes = cut.zip ? zipEntry(blob, cut.zip) : blob;
      const parts = cut.parts ?? [[cut.from ?? 0, cut.to ?? null]];
      let s = "";
      for (const [from, to] of parts) {
        s += decode(text(bytes.subarray(from, to ?? undefined), cut.charset ?? "utf-8"), cut.decode ?? "none");
      }
      if (cut.json) {
        let v: unknown = JSON.parse(s);
        for (const k of cut.json) v = (v as Record<string | number, unknown>)[k];
        if (typeof v !== "string") throw new Error(`json path ${JSON.stringify(cut.json)} is not a string`);
        s = v;
      }
      // A field that carries a page base64-encoded: its bytes are the document, whatever their charset.
      if (cut.base64) {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.replace(/\s+/g, ""))) throw new Error("base64 field holds other characters");
        return Buffer.from(s, "base64");
      }
      return Buffer.from(s, "utf8");
    }
    default:
      throw new Error(`unknown cut kind: ${(cut as { kind: string }).kind}`);
  }
}

function main(): number {
  let args: Record<string, string>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (!args.mirrors) {
    console.error(`--mirrors is required\n\n${HELP}`);
    return 2;
  }
  args.manifest ??= join(repoRoot, "test/eval/gathered-sources.jsonl");
  args.into ??= join(sharedCorpusRoot, "gathered");
  const entries: Entry[] = readFileSync(args.manifest, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
  mkdirSync(args.into, { recursive: true });

  let written = 0, mismatched = 0, missing = 0, done = 0;
  const gitDirs = new Map<string, string | null>();
  for (const e of entries) {
    if (++done % 50 === 0) console.log(`… ${done}/${entries.length}`);
    if (e.cut.kind === "unknown-repository" || !e.repo || !e.commit || !e.path) {
      console.log(`missing ${e.file}: its repository is not known; test/eval/SOURCES.md says what it is`);
      missing++;
      continue;
    }
    if (!gitDirs.has(e.repo)) gitDirs.set(e.repo, findGitDir(args.mirrors, e.repo));
    const gitDir = gitDirs.get(e.repo)!;
    if (!gitDir) {
      // One line per file, so that every lost document is named; the URL says where to fetch it.
      console.log(`missing ${e.file}: repository ${e.repo} not in ${args.mirrors} (https://github.com/${e.repo})`);
      missing++;
      continue;
    }
    if (!hasCommit(gitDir, e.commit)) {
      console.log(`missing ${e.file}: commit ${e.commit} not in the mirror of ${e.repo} (https://github.com/${e.repo})`);
      missing++;
      continue;
    }
    let blob: Buffer;
    try {
      blob = git(gitDir, ["cat-file", "blob", `${e.commit}:${e.path}`]);
    } catch {
      console.log(`missing ${e.file}: no ${e.path} at ${e.commit} in ${e.repo}`);
      missing++;
      continue;
    }
    let out: Buffer;
    try {
      out = applyCut(blob, e.cut);
    } catch (err) {
      console.log(`mismatch ${e.file}: cut failed: ${(err as Error).message}`);
      mismatched++;
      continue;
    }
    writeFileSync(join(args.into, e.file), out);
    const sha = createHash("sha256").update(out).digest("hex");
    if (sha === e.sha256) written++;
    else {
      console.log(`mismatch ${e.file}: sha256 ${sha}, manifest says ${e.sha256}`);
      mismatched++;
    }
  }
  console.log(`${written} written, ${mismatched} mismatched, ${missing} missing`);
  return mismatched || missing ? 1 : 0;
}

process.exitCode = main();
