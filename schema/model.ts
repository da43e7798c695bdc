// Typed access to schema/model.json, with a check that the model does not contradict itself.
import raw from './model.json' with { type: 'json' };

export interface NodeModel {
  description: string;
  key: string;
  unique: string[];
  indexed: string[];
  /** Properties with a TEXT index (CONTAINS lookups). */
  textIndexed?: string[];
  caption: string;
  /** How Neo4j Browser draws the label (browser/bidgraph.grass is generated from it). */
  display: NodeDisplay & { extraLabels?: Record<string, Partial<NodeDisplay> & { color: string }> };
  /** Labels that mirror a property's value, e.g. State for kind 'state' (Neo4j Browser styles by label). */
  extraLabels?: Record<string, Record<string, string>>;
  properties: Record<string, string>;
  /** Properties stored as Neo4j INTEGER (a JavaScript number would be stored as FLOAT). */
  integers?: string[];
  /** Fields of the GraphQL type of this label that the API computes instead of reading a property, with how. */
  apiComputed?: Record<string, string>;
}

export interface RelationshipModel {
  from: string | string[];
  to: string;
  properties?: Record<string, string>;
  /** How Neo4j Browser draws the type; caption is one of its properties (default: the type). */
  display?: { color: string; width: number; caption?: string };
  /** Properties stored as Neo4j INTEGER. */
  integers?: string[];
}

/** A node's look in Neo4j Browser: sizes in px, colours #RRGGBB; text is the caption colour. Unset: the default's. */
export interface NodeDisplay {
  size?: number;
  fontSize?: number;
  color: string;
  border: string;
  borderWidth?: number;
  text: string;
}

export interface DisplayModel {
  node: Required<NodeDisplay>;
  relationship: { color: string; width: number; fontSize: number; padding: number; textOutside: string; text: string };
}

export interface Model {
  display: DisplayModel;
  nodes: Record<string, NodeModel>;
  relationships: Record<string, RelationshipModel>;
  fulltext: FulltextModel[];
  /** Names of constraints and indexes earlier models created and this one no longer has. */
  retired?: { constraints: string[]; indexes: string[] };
}

export interface FulltextModel {
  name: string;
  labels: string[];
  properties: string[];
  analyzer: string;
  /** Updated after commit instead of inside it: cheaper writes, searches lag by a moment. */
  eventuallyConsistent?: boolean;
}

export function checkModel(m: Model): string[] {
  const problems: string[] = [];
  const labels = new Set(Object.keys(m.nodes));
  for (const [label, node] of Object.entries(m.nodes)) {
    if (!node.unique.includes(node.key)) problems.push(`${label}: key ${node.key} is not unique`);
    for (const prop of [...node.unique, ...node.indexed, ...(node.textIndexed ?? []), ...(node.integers ?? []), node.caption]) {
      if (!(prop in node.properties)) problems.push(`${label}: ${prop} is not a declared property`);
    }
    for (const [extra, when] of Object.entries(node.extraLabels ?? {})) {
      if (labels.has(extra)) problems.push(`${label}: extra label ${extra} is also a node type`);
      for (const prop of Object.keys(when)) {
        if (!(prop in node.properties)) problems.push(`${label}: extra label ${extra} depends on undeclared ${prop}`);
      }
    }
    for (const extra of Object.keys(node.extraLabels ?? {})) {
      // A mirrored label exists to stand out in the Browser (State, Listed): it must look unlike its node.
      const look = node.display.extraLabels?.[extra];
      if (!look) problems.push(`${label}: extra label ${extra} has no display`);
      else if (!look.color || look.color === node.display.color) problems.push(`${label}: extra label ${extra} has the colour of ${label}`);
    }
    for (const extra of Object.keys(node.display.extraLabels ?? {})) {
      if (!(extra in (node.extraLabels ?? {}))) problems.push(`${label}: display for unknown extra label ${extra}`);
    }
    for (const field of Object.keys(node.apiComputed ?? {})) {
      if (field in node.properties) problems.push(`${label}: ${field} is both a property and computed by the API`);
    }
  }
  for (const [type, rel] of Object.entries(m.relationships)) {
    for (const end of [...[rel.from].flat(), rel.to]) {
      if (!labels.has(end)) problems.push(`${type}: unknown label ${end}`);
    }
    for (const prop of rel.integers ?? []) {
      if (!(prop in (rel.properties ?? {}))) problems.push(`${type}: integer ${prop} is not a declared property`);
    }
  }
  for (const [type, rel] of Object.entries(m.relationships)) {
    const caption = rel.display?.caption;
    if (caption !== undefined && !(caption in (rel.properties ?? {}))) problems.push(`${type}: caption ${caption} is not a declared property`);
  }
  for (const ft of m.fulltext) {
    for (const l of ft.labels) if (!labels.has(l)) problems.push(`fulltext ${ft.name}: unknown label ${l}`);
  }
  return problems;
}

const loaded = raw as unknown as Model;
const problems = checkModel(loaded);
if (problems.length) throw new Error(`schema/model.json contradicts itself: ${problems.join('; ')}`);

export const model: Model = loaded;

type RawNodes = (typeof raw)['nodes'];
/** The node labels of schema/model.json, as a type. */
export type NodeLabel = keyof RawNodes & string;
/** The property names schema/model.json declares for a label, as a type: a name it lacks fails the type check. */
export type PropertyOf<L extends NodeLabel> = keyof RawNodes[L]['properties'] & string;
type RawRelationships = (typeof raw)['relationships'];
/** The relationship types of schema/model.json, as a type. */
export type RelationshipType = keyof RawRelationships & string;
/** The property names schema/model.json declares for a relationship type (never for one without properties). */
export type RelPropertyOf<T extends RelationshipType> = RawRelationships[T] extends { properties: infer P } ? keyof P & string : never;
/** Values for some of a label's declared properties (what a loader SETs). */
export type PropsOf<L extends NodeLabel> = { [P in PropertyOf<L>]?: unknown };

/** A Cypher map projection of declared properties: `v {.a, .b}`. */
export function projection<L extends NodeLabel>(_label: L, v: string, props: readonly PropertyOf<L>[], extra = ''): string {
  return `${v} {${props.map((p) => `.${p}`).join(', ')}${extra ? `, ${extra}` : ''}}`;
}
