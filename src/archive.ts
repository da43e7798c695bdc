// The content-addressed archive of ingested originals: BIDGRAPH_HOME/archive/<aa>/<sha256>, with a
// small JSON sidecar (media type, original name). Ingest writes it; the API serves /documents/<sha256>.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

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
  const sidecar = sidecarPath(home, sha256);
  let created = false;
  await fs.mkdir(path.dirname(file), { recursive: true });
  if (!(await exists(file))) {
    await writeAtomically(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    created = true;
  }
  if (!(await exists(sidecar))) {
    const record = { sha256, mediaType: meta.mediaType, originalName: meta.originalName, size: bytes.byteLength };
    await writeAtomically(sidecar, JSON.stringify(record) + '\n');
  }
  return { sha256, path: file, created };
}

/** Whether the archive holds the bytes of a document (without reading them). */
export async function isArchived(home: string, sha256: string): Promise<boolean> {
  return isSha256(sha256) && exists(archivePath(home, sha256));
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
