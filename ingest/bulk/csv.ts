// neo4j-admin's CSV format, written buffered: bulk-import's files and the synthetic-graph generators'.
import fs from 'node:fs';
import type { NodeLabel, PropertyOf, RelationshipType, RelPropertyOf } from '../../schema/model.ts';
import { model } from '../../schema/model.ts';


/** One cell in neo4j-admin's format: comma-separated, strings quoted with inner quotes doubled, empty for none. */
export function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `"${v.replace(/"/g, '""')}"`;
}

export class Csv {
  private chunks: string[] = [];
  private size = 0;
  private readonly fd: number;
  rows = 0;
  /** The header's number of columns: a row of another width would shift every value after it. */
  private readonly width: number | null;

  /** Without a header, the file is a body whose header neo4j-admin reads from a file of its own. */
  constructor(readonly file: string, header: string[] | null) {
    this.fd = fs.openSync(file, 'w');
    this.width = header ? header.length : null;
    if (header) this.line(header.join(','));
  }

  private line(text: string): void {
    this.chunks.push(text, '\n');
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  row(values: (string | number | boolean | null | undefined)[]): void {
    this.cells(values.map(cell));
  }

  /** A row of cells already in the file's format. */
  cells(cells: string[]): void {
    if (this.width !== null && cells.length !== this.width) {
      throw new Error(`${this.file}: row ${this.rows + 1} has ${cells.length} values for ${this.width} columns`);
    }
    this.rows++;
    this.line(cells.join(','));
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

// Headers from schema/model.json: the key column and the ends' labels come from the model, and a column
// the model does not declare fails the type check. A column may carry neo4j-admin's type (`amount:double`).
type Typed<P extends string> = P | `${P}:${string}`;

/** `<key>:ID(<Label>)`, the columns, and `:LABEL` when the file gives each row's labels. */
export function nodeHeader<L extends NodeLabel>(label: L, columns: readonly Typed<PropertyOf<L>>[], opts: { labelColumn?: boolean } = {}): string[] {
  return [`${model.nodes[label].key}:ID(${label})`, ...columns, ...(opts.labelColumn ? [':LABEL'] : [])];
}

/** `:START_ID(<From>)`, `:END_ID(<To>)` (the model's ends; `from` names one when several are allowed), the columns, and `:TYPE` when the file gives it. */
export function relHeader<T extends RelationshipType>(
  type: T,
  columns: readonly Typed<RelPropertyOf<T>>[],
  opts: { from?: NodeLabel; typeColumn?: boolean } = {},
): string[] {
  const rel = model.relationships[type];
  const froms = [rel.from].flat();
  const from = opts.from ?? (froms.length === 1 ? froms[0] : null);
  if (!from || !froms.includes(from)) throw new Error(`${type} starts at one of ${froms.join(', ')}: say which`);
  return [`:START_ID(${from})`, `:END_ID(${rel.to})`, ...columns, ...(opts.typeColumn ? [':TYPE'] : [])];
}
