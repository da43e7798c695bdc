// JSON objects of a data-standard file with where each value sits in the text, so a fact read from
// it can quote its exact slice as evidence. One JSON document (an object or an array), or JSON Lines.
// Lines that are not JSON are named with the reason; a cut-off document keeps its complete parts.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export type Json = Record<string, unknown>;

/** A JSON value with its syntax node; offsets in the document's text are `base + node.offset`. */
export interface Located {
  node: Node;
  base: number;
  /** How a person finds it in the file: "line 4", or "" for the whole document. */
  where: string;
}

export interface BadPart {
  line: number;
  reason: string;
}

export interface JsonRead {
  /** Top-level values: the document's root, or one per line of JSON Lines. */
  roots: Located[];
  bad: BadPart[];
  /** Offset of the first syntax error of a whole document that did not parse: values ending after it are incomplete. */
  cutAt: number | null;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Words for a parser error code (jsonc-parser's codes are the same on every runtime). */
function problem(e: ParseError, column: number): string {
  return `not valid JSON (${printParseErrorCode(e.error)} at column ${column})`;
}

function parse(text: string): { node: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const node = parseTree(text, errors, STRICT);
  return { node, errors };
}

function readLines(text: string): JsonRead {
  const roots: Located[] = [];
  const bad: BadPart[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    if (raw.trim() !== '') {
      const { node, errors } = parse(raw);
      if (errors.length > 0) bad.push({ line, reason: problem(errors[0], errors[0].offset + 1) });
      else if (!node || node.type !== 'object') bad.push({ line, reason: 'not a JSON object' });
      else roots.push({ node, base: start, where: `line ${line}` });
    }
    if (nl === -1) break;
    start = nl + 1;
    line++;
  }
  return { roots, bad, cutAt: null };
}

/**
 * The JSON in the text: one document, or JSON Lines when the whole does not parse and its lines do.
 * A document that does not parse and is no JSON Lines is kept up to its first error (`cutAt`). Null
 * when the text holds no JSON object at all.
 */
export function readJson(text: string): JsonRead | null {
  const first = text.search(/\S/);
  if (first === -1 || (text[first] !== '{' && text[first] !== '[')) return null;
  const whole = parse(text);
  if (whole.errors.length === 0) return whole.node ? { roots: [{ node: whole.node, base: 0, where: '' }], bad: [], cutAt: null } : null;
  // JSON Lines when the first line is an object of its own (a pretty-printed or cut-off document's is not).
  const lines = readLines(text);
  if (lines.roots.length > 0 && lines.roots[0].base === text.lastIndexOf('\n', first) + 1) return lines;
  if (!whole.node) return null;
  const e = whole.errors[0];
  const lineStart = text.lastIndexOf('\n', e.offset - 1) + 1;
  const line = lineAt(text, e.offset);
  return { roots: [{ node: whole.node, base: 0, where: '' }], bad: [{ line, reason: `${problem(e, e.offset - lineStart + 1)}; what comes before it is read` }], cutAt: e.offset };
}

/** The value of a node (objects and arrays built from their children). */
export function valueOf(node: Node | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}

/** A child of an object node by property name: the value node. */
export function child(node: Node | undefined, key: string | number): Node | undefined {
  if (!node?.children) return undefined;
  if (node.type === 'array') return typeof key === 'number' ? node.children[key] : undefined;
  if (node.type !== 'object') return undefined;
  for (const prop of node.children) {
    if (prop.children?.[0]?.value === key) return prop.children[1];
  }
  return undefined;
}

/** The elements of an array node (none for anything else). */
export function elements(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** Start and end of a node in the text; for a property's value, the whole `"key": value` member. */
export function spanOf(loc: { base: number }, node: Node, member = true): { start: number; end: number } {
  const n = member && node.parent?.type === 'property' ? node.parent : node;
  return { start: loc.base + n.offset, end: loc.base + n.offset + n.length };
}

/** True when the node ends before the document's first syntax error. */
export function complete(read: JsonRead, node: Node): boolean {
  return read.cutAt === null || node.offset + node.length <= read.cutAt;
}
