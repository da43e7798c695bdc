// One node label's or relationship type's rows for neo4j-admin: the body is written as rows come, in
// the columns schema/model.json declares; the header, with each column's type as the values showed it,
// goes to a file of its own at the end (neo4j-admin reads `header.csv,body.csv`).
import fs from 'node:fs';
import path from 'node:path';
import type { NodeLabel, RelationshipType } from '../../schema/model.ts';
import { model } from '../../schema/model.ts';
import { Csv, cell, nodeHeader, relHeader } from './csv.ts';

/**
 * Between the elements of a list in a cell. The unit separator, not ';': names and snippets contain
 * semicolons; a value that holds this control character is refused rather than split.
 */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'double' | 'boolean' | 'string[]' | 'double[]';

/** The neo4j-admin type of a value, as the driver would have stored it: every JS number is a Float. */
function typeOf(v: unknown): ColumnType {
  if (typeof v === 'number') return 'double';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return v.every((e) => typeof e === 'number') ? 'double[]' : 'string[]';
  throw new Error(`bulk-import cannot write a ${typeof v} value`);
}

function listCell(where: string, list: unknown[]): string {
  // An empty list would come back as no property at all, where a Cypher write keeps [].
  if (list.length === 0) throw new Error(`${where}: an empty list cannot be written by neo4j-admin as Cypher would store it`);
  const parts = list.map(String);
  if (parts.some((p) => p.includes(ARRAY_DELIMITER))) throw new Error(`${where}: a list element holds the array delimiter U+001F`);
  return cell(parts.join(ARRAY_DELIMITER));
}

export type Props = Record<string, unknown>;

export interface TableFiles {
  /** The label or type, as neo4j-admin's --nodes/--relationships take it. */
  name: string;
  header: string;
  body: string;
  rows: number;
}

abstract class Table {
  private readonly csv: Csv;
  private readonly types = new Map<string, ColumnType>();

  constructor(
    dir: string,
    private readonly file: string,
    /** The label or type, and how an error names a column: Company, or `OWNS relationship`. */
    private readonly name: string,
    private readonly what: string,
    protected readonly columns: readonly string[],
  ) {
    this.csv = new Csv(path.join(dir, `${file}.body.csv`), null);
  }

  get rows(): number {
    return this.csv.rows;
  }

  /** `ends`: the ID (the model's key, not repeated among the columns) or the start and end IDs. */
  protected write(ends: string[], props: Props, extra: string[] = [], key?: string): void {
    for (const k of Object.keys(props)) {
      if (k !== key && !this.columns.includes(k) && props[k] !== null && props[k] !== undefined) throw new Error(`${this.what}.${k} is not a property in schema/model.json`);
    }
    const cells = this.columns.map((c) => {
      const v = props[c];
      if (v === null || v === undefined) return '';
      const t = typeOf(v);
      const seen = this.types.get(c);
      if (seen && seen !== t) throw new Error(`${this.what}.${c} holds both ${seen} and ${t} values`);
      this.types.set(c, t);
      return Array.isArray(v) ? listCell(`${this.what}.${c}`, v) : cell(v as string | number | boolean);
    });
    this.csv.cells([...ends.map((e) => cell(e)), ...cells, ...extra]);
  }

  protected typed(): string[] {
    return this.columns.map((c) => {
      const t = this.types.get(c) ?? 'string';
      return t === 'string' ? c : `${c}:${t}`;
    });
  }

  protected abstract header(): string[];

  close(dir: string): TableFiles {
    this.csv.close();
    const header = path.join(dir, `${this.file}.header.csv`);
    fs.writeFileSync(header, this.header().join(',') + '\n');
    return { name: this.name, header, body: this.csv.file, rows: this.rows };
  }
}

/** A label's nodes: the model's key as the ID, its other declared properties, and extra labels when it has some. */
export class NodeTable extends Table {
  private readonly key: string;
  private readonly labelled: boolean;

  constructor(dir: string, readonly label: NodeLabel) {
    const node = model.nodes[label];
    super(dir, label, label, label, Object.keys(node.properties).filter((p) => p !== node.key));
    this.key = node.key;
    this.labelled = Object.keys(node.extraLabels ?? {}).length > 0;
  }

  /** A node; its extra labels (schema/model.json extraLabels) follow the properties they mirror, as the loader's MERGEs keep them. */
  node(props: Props): void {
    const extra = Object.entries(model.nodes[this.label].extraLabels ?? {})
      .filter(([, when]) => Object.entries(when).every(([p, v]) => props[p] === v))
      .map(([l]) => l);
    this.write([String(props[this.key])], props, this.labelled ? [cell([this.label, ...extra].join(ARRAY_DELIMITER))] : [], this.key);
  }

  protected header(): string[] {
    return nodeHeader(this.label, this.typed() as never[], { labelColumn: this.labelled });
  }
}

/** A relationship type's rows from one start label (a type that starts at several labels has one table per label). */
export class RelTable extends Table {
  constructor(dir: string, readonly type: RelationshipType, private readonly from?: NodeLabel) {
    super(dir, from ? `${type}-${from}` : type, type, `${type} relationship`, Object.keys(model.relationships[type].properties ?? {}));
  }

  rel(start: string, end: string, props: Props = {}): void {
    this.write([start, end], props);
  }

  protected header(): string[] {
    return relHeader(this.type, this.typed() as never[], this.from ? { from: this.from } : {});
  }
}
