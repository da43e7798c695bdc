// List files larger than the text reader's cap, generated in a temp folder: listed companies,
// the Sanctions naming them, unlisted filler to reach the size, and a bad line every 1,000 companies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BigList {
  file: string;
  /** Lines (FtM) or result indexes (CSL JSON) that are not JSON. */
  bad: number[];
}

const made: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'bidgraph-lists-'));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made (the generated files weigh tens of MB). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes lines through a stream, so files of hundreds of MB never sit in memory. */
async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const line of lines) if (!out.write(line + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

const FILLER_TEXT = 'x'.repeat(900);

/** An FtM export (entities.ftm.json) with `companies` listed companies, padded past `minBytes`. */
export async function bigFtm(dir: string, companies: number, minBytes: number): Promise<BigList> {
  const bad: number[] = [];
  let bytes = 0;
  function* lines(): Generator<string> {
    let n = 0;
    const emit = (line: string) => {
      n++;
      bytes += Buffer.byteLength(line) + 1;
      return line;
    };
    for (let i = 0; i < companies; i++) {
      yield emit(JSON.stringify({ id: `co-${i}`, schema: 'Company', target: true, datasets: ['us_ofac_sdn'], properties: { name: [`COMPANY ${i} CO., LTD.`], alias: [`Co ${i}`] } }));
      yield emit(JSON.stringify({ id: `sanction-${i}`, schema: 'Sanction', datasets: ['us_ofac_sdn'], properties: { entity: [`co-${i}`], program: ['SDGT'], startDate: ['2020-01-02'] } }));
      if (i % 1000 === 999) {
        yield emit('{"id": "cut');
        bad.push(n);
      }
    }
    for (let i = 0; bytes <= minBytes; i++) yield emit(JSON.stringify({ id: `addr-${i}`, schema: 'Address', datasets: ['us_ofac_sdn'], properties: { full: [FILLER_TEXT] } }));
  }
  const file = path.join(dir, 'entities.ftm.json');
  await writeLines(file, lines());
  return { file, bad };
}

/** A CSL JSON file ({results: [...]}) with `entries` Entity List entries, padded past `minBytes` with long remarks. */
export async function bigCslJson(dir: string, entries: number, minBytes: number): Promise<BigList> {
  const bad: number[] = [];
  const remarks = 'r'.repeat(Math.max(0, Math.ceil(minBytes / entries) - 200));
  function* lines(): Generator<string> {
    yield '{"total": ' + entries + ', "results": [';
    for (let i = 0; i < entries; i++) {
      const sep = i + 1 < entries ? ',' : '';
      if (i % 1000 === 999) {
        bad.push(i);
        yield `{"source": "Entity List (EL) - Bureau of Industry and Security", "name": oops}${sep}`;
        continue;
      }
      yield JSON.stringify({ source: 'Entity List (EL) - Bureau of Industry and Security', name: `ENTITY ${i} CO., LTD.`, programs: ['EAR'], start_date: '2019-10-09', remarks }) + sep;
    }
    yield '], "sources_used": [{"source_name": "Entity List (EL) - Bureau of Industry and Security"}]}';
  }
  const file = path.join(dir, 'csl.json');
  await writeLines(file, lines());
  return { file, bad };
}
