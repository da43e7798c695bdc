// The loader's MERGE statements, built from schema/model.json: a node is merged on the key the model
// gives its label, a relationship's ends are matched on theirs, and the labels that mirror a property
// (extraLabels) follow it. Only names from the model go into the text; values are always parameters.
import neo4j from 'neo4j-driver';
import { model } from '../../schema/model.ts';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a Cypher identifier: ${name}`);
  return name;
}

function nodeModel(label: string) {
  const node = model.nodes[label];
  if (!node) throw new Error(`schema/model.json has no node ${label}`);
  return node;
}

/** A Cypher literal for a value an extraLabels condition compares with (strings and booleans only). */
function literal(value: string | boolean): string {
  return typeof value === 'boolean' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The FOREACH clauses that keep a node's extra labels (e.g. State for kind 'state') in step with the
 * properties they mirror, for the mirrored properties this statement writes.
 */
export function mirrorLabels(label: string, v: string, written: readonly string[]): string[] {
  const out: string[] = [];
  for (const [extra, when] of Object.entries(nodeModel(label).extraLabels ?? {})) {
    const conds = Object.entries(when);
    if (!conds.every(([prop]) => written.includes(prop))) continue;
    const holds = conds.map(([prop, value]) => `${v}.${ident(prop)} = ${literal(value)}`).join(' AND ');
    const fails = conds.map(([prop, value]) => `coalesce(${v}.${ident(prop)}, '') <> ${literal(value)}`).join(' OR ');
    out.push(`FOREACH (_ IN CASE WHEN ${holds} THEN [1] ELSE [] END | SET ${v}:${ident(extra)})`);
    out.push(`FOREACH (_ IN CASE WHEN (${fails}) AND ${v}:${ident(extra)} THEN [1] ELSE [] END | REMOVE ${v}:${ident(extra)})`);
  }
  return out;
}

export interface MergeNodesOptions {
  /** The row field that holds the key (default: the key's own name). */
  keyField?: string;
  /** Properties set on creation only (never overwriting what is there); default: SET n += row.props. */
  onCreate?: readonly string[];
  /** Properties set from same-named row fields, instead of row.props. */
  set?: readonly string[];
  /** The properties written, whose mirrored labels follow them (see mirrorLabels). */
  mirrors?: readonly string[];
}

/** UNWIND $rows MERGE (n:Label {key: row.key}), then its properties from the row. */
export function mergeNodes(label: string, opts: MergeNodesOptions = {}): string {
  const key = nodeModel(label).key;
  const v = label[0].toLowerCase();
  const lines = ['', 'UNWIND $rows AS row', `MERGE (${v}:${ident(label)} {${ident(key)}: row.${ident(opts.keyField ?? key)}})`];
  if (opts.onCreate) lines.push(`ON CREATE SET ${opts.onCreate.map((p) => `${v}.${ident(p)} = row.${ident(p)}`).join(', ')}`);
  else if (opts.set) lines.push(`SET ${opts.set.map((p) => `${v}.${ident(p)} = row.${ident(p)}`).join(', ')}`);
  else lines.push(`SET ${v} += row.props`);
  lines.push(...mirrorLabels(label, v, opts.mirrors ?? []));
  return lines.join('\n');
}

/** One end of a relationship: its label (the model's when it allows only one) and the row field with its key. */
export interface End {
  field: string;
  label?: string;
}

function endLabel(type: string, side: 'from' | 'to', end: End): string {
  const allowed = [model.relationships[type][side]].flat();
  const label = end.label ?? (allowed.length === 1 ? allowed[0] : null);
  if (!label || !allowed.includes(label)) throw new Error(`${type}.${side}: ${end.label ?? 'a label'} must be one of ${allowed.join(', ')}`);
  return label;
}

export interface MergeRelationshipOptions {
  /** 'props': SET r += row.props; a list: SET r.p = row.p for each; 'none': nothing. */
  set?: 'props' | 'none' | readonly string[];
  /** Variables of the ends (default the labels' initials, or a and b when they are the same). */
  vars?: [string, string];
  /** Cypher appended after the MATCHes instead of the plain MERGE (e.g. conditional SETs); must MERGE r itself. */
  merge?: string;
}

/** UNWIND $rows, MATCH both ends on their model keys, MERGE the relationship, set its properties. */
export function mergeRelationship(type: string, from: End, to: End, opts: MergeRelationshipOptions = {}): string {
  const rel = model.relationships[type];
  if (!rel) throw new Error(`schema/model.json has no relationship ${type}`);
  const fromLabel = endLabel(type, 'from', from);
  const toLabel = endLabel(type, 'to', to);
  const initials = [fromLabel[0].toLowerCase(), toLabel[0].toLowerCase()];
  const [a, b] = opts.vars ?? (initials[0] === initials[1] ? ['a', 'b'] : initials);
  const set = opts.set ?? (rel.properties ? 'props' : 'none');
  const lines = [
    '',
    'UNWIND $rows AS row',
    `MATCH (${a}:${ident(fromLabel)} {${ident(nodeModel(fromLabel).key)}: row.${ident(from.field)}})`,
    `MATCH (${b}:${ident(toLabel)} {${ident(nodeModel(toLabel).key)}: row.${ident(to.field)}})`,
  ];
  if (opts.merge) {
    lines.push(opts.merge.replace(/^\n/, ''));
    return lines.join('\n');
  }
  const bound = set === 'none' ? '' : 'r';
  lines.push(`MERGE (${a})-[${bound}:${ident(type)}]->(${b})`);
  if (set === 'props') lines.push('SET r += row.props');
  else if (Array.isArray(set)) lines.push(`SET ${set.map((p) => `r.${ident(p)} = row.${ident(p)}`).join(', ')}`);
  return lines.join('\n');
}

/**
 * Rows whose model-declared integer properties (amounts in fen) are sent as Neo4j integers: the driver
 * sends a JavaScript number as a FLOAT, and the model stores fen as whole numbers.
 */
export function withIntegers<R extends { props: Record<string, unknown> }>(integers: readonly string[] | undefined, rows: readonly R[]): R[] {
  if (!integers?.length) return rows as R[];
  return rows.map((row) => {
    let props = row.props;
    for (const p of integers) {
      const v = props[p];
      if (typeof v === 'number') props = { ...props, [p]: neo4j.int(v) };
    }
    return props === row.props ? row : { ...row, props };
  });
}
