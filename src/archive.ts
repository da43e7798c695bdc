// The content-addressed archive of ingested originals: BIDGRAPH_HOME/archive/<aa>/<sha256>, with a
// small JSON sidecar (media type, original name). Ingest writes it; the API serves /documents/<sha256>.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface ArchiveMeta {
  mediaType: string;
  /** The file name the original had when it was ingested (no folders). */
  originalName: string | null;
}

export interface ArchivedDocument {
  bytes: Buffer;
  mediaType: string;
  originalName: string | null;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(s: string): boolean {
  return SHA256.test(s);
}

/** Where the bytes of a document live; refuses anything that is not a lower-case hex sha256. */
export function archivePath(home: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a sha256: ${JSON.stringify(sha256)}`);
  return path.join(home, 'archive', sha256.slice(0, 2), sha256);
}

function sidecarPath(home: string, sha256: string): string {
  return `${archivePath(home, sha256)}.json`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes through a temporary name and a rename, so a killed run never leaves half a file behind. */
async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

/**
 * Stores the bytes under their sha256 (computed once, by whoever read them) unless they are there
 * already. Returns where and whether this call wrote them. The sidecar is written once, with the
 * first name the document came under.
 */
export async function archiveDocument(home: string, bytes: Uint8Array, meta: ArchiveMeta & { sha256: string }): Promise<{ sha256: string; path: string; created: boolean }> {
  const { sha256 } = meta;
  if (!isSha256(sha256)) throw new Error(`archive: "${sha256}" is not a sha256`);
  const file = archivePath(home, sha256);
  let created = false;
  await fs.mkdir(path.dirname(file), { recursive: true });
  if (!(await exists(file))) {
    await writeAtomically(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    created = true;
  }
  await writeSidecar(home, { ...meta, size: bytes.byteLength });
  return { sha256, path: file, created };
}

/** Whether the archive holds the bytes of a document (without reading them). */
export async function isArchived(home: string, sha256: string): Promise<boolean> {
  return isSha256(sha256) && exists(archivePath(home, sha256));
}

/**
 * Stores a file too large to hold under its sha256, copied as a stream and hashed on the way: the
 * copy is kept only when it has the hash the file had when it was read (else it changed since).
 */
export async function archiveFile(home: string, source: string, meta: ArchiveMeta & { sha256: string }): Promise<{ sha256: string; path: string; created: boolean }> {
  const { sha256 } = meta;
  if (!isSha256(sha256)) throw new Error(`archive: "${sha256}" is not a sha256`);
  const file = archivePath(home, sha256);
  await fs.mkdir(path.dirname(file), { recursive: true });
  let created = false;
  let size = (await fs.stat(source)).size;
  if (!(await exists(file))) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const hash = createHash('sha256');
    size = 0;
    const counted = async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    };
    try {
      await pipeline(createReadStream(source), counted, createWriteStream(tmp));
      if (hash.digest('hex') !== sha256) throw new Error(`${source} changed since it was read (its sha256 differs)`);
      await fs.rename(tmp, file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    created = true;
  }
  await writeSidecar(home, { ...meta, size });
  return { sha256, path: file, created };
}

async function writeSidecar(home: string, record: ArchiveMeta & { sha256: string; size: number }): Promise<void> {
  const sidecar = sidecarPath(home, record.sha256);
  if (await exists(sidecar)) return;
  await writeAtomically(sidecar, JSON.stringify({ sha256: record.sha256, mediaType: record.mediaType, originalName: record.originalName, size: record.size }) + '\n');
}

/** The archived bytes and their media type, or null when the archive does not hold that document. */
export async function readArchived(home: string, sha256: string): Promise<ArchivedDocument | null> {
  if (!isSha256(sha256)) return null;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(archivePath(home, sha256));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let mediaType = 'application/octet-stream';
  let originalName: string | null = null;
  try {
    const meta = JSON.parse(await fs.readFile(sidecarPath(home, sha256), 'utf8')) as Partial<ArchiveMeta>;
    if (typeof meta.mediaType === 'string') mediaType = meta.mediaType;
    if (typeof meta.originalName === 'string') originalName = meta.originalName;
  } catch {
    // A missing or broken sidecar only loses the media type; the bytes are still the document.
  }
  return { bytes, mediaType, originalName };
}
