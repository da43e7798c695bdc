// neo4j-admin's CSV format, written buffered, for the synthetic-graph generators.
import fs from 'node:fs';


/** Buffered CSV writer (neo4j-admin's format: comma-separated, quoted strings, ';' inside arrays). */
function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `"${v.replace(/"/g, '""')}"`;
}

export class Csv {
  private chunks: string[] = [];
  private size = 0;
  private readonly fd: number;
  rows = 0;

  constructor(readonly file: string, header: string[]) {
    this.fd = fs.openSync(file, 'w');
    this.line(header.join(','));
  }

  private line(text: string): void {
    this.chunks.push(text, '\n');
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  row(values: (string | number | boolean | null | undefined)[]): void {
    this.rows++;
    this.line(values.map(cell).join(','));
  }

  flush(): void {
    if (this.chunks.length) fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
