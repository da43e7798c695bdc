// What the synthetic-graph generators share: a seeded random source and neo4j-admin's CSV format.
import fs from 'node:fs';

/** mulberry32: small, fast and seeded, so the same options give the same graph. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** Sampler for ranks 0..n-1 with P(k) ∝ 1/(k+1)^s. */
export function zipf(n: number, s: number, rnd: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cdf[k] = total += 1 / Math.pow(k + 1, s);
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
