// Limits that keep one request from taking the API or the database down. In the order a request
// meets them:
// - before parsing: how deeply brackets nest (parsing recurses) and how many tokens the text holds;
// - before validation and compilation: the operation's shape (depth, fields, aliases, root lookups),
//   measured once per distinct document, each fragment once however often it is spread, so the
//   work is linear in the query's text (a fragment spreading another twice, ten levels down, is one
//   walk of eleven fragments, not 1024 walks);
// - before execution, when variable values are known: an estimated cost, with the same memo;
// - in the resolvers: page sizes.
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { badInput } from './errors.ts';
import { costModelOf, type CostModel } from './cost-model.ts';

export interface QueryLimits {
  /** Deepest field nesting allowed (introspection fields excluded). */
  maxDepth: number;
  /** Highest estimated cost allowed (see estimateCost). */
  maxCost: number;
  /** Largest `first` of a paged list. */
  maxPageSize: number;
  /** Largest `first` of a search. */
  maxSearchResults: number;
  /** Most fields in the answer's shape, fragments expanded (introspection included). */
  maxFields: number;
  /** Most aliased fields, fragments expanded. */
  maxAliases: number;
  /** Most root-level lookups (company, region, search…) in one operation, fragments expanded. */
  maxRootFields: number;
  /** Most tokens in the query text: bounds parsing and what a cached document holds. */
  maxTokens: number;
  /** Deepest nesting of brackets ({, [, () in the query text: parsing recurses on them. */
  maxNesting: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxCost: 25_000,
  maxPageSize: 200,
  maxSearchResults: 100,
  maxFields: 2_000,
  maxAliases: 200,
  maxRootFields: 50,
  maxTokens: 10_000,
  maxNesting: 64,
};

/** `first` as given, or BAD_USER_INPUT when it is negative or above the cap (never clamped silently). */
export function pageSize(first: number, max: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badInput(`${argument} must be between 0 and ${max} (got ${first}); page through longer lists with after.`, argument);
  }
  return first;
}

/** A count fit for a message: past 2^53 (a doubling fragment reaches it quickly) it says so. */
function shown(n: number): number | string {
  return n > Number.MAX_SAFE_INTEGER ? `more than ${Number.MAX_SAFE_INTEGER}` : n;
}

function limitError(code: string, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

// ---------------------------------------------------------------------------------------------
// Before parsing

/**
 * How deeply brackets nest in a query text, strings and comments skipped; stops counting once past
 * `stopAt`. One pass, no allocation.
 */
export function bracketNesting(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (text.startsWith('"""', i)) {
        // A block string ends at the first """ that is not escaped as \""".
        let end = text.indexOf('"""', i + 3);
        while (end !== -1 && text.charCodeAt(end - 1) === 0x5c) end = text.indexOf('"""', end + 3);
        i = end === -1 ? text.length : end + 2;
      } else {
        for (i++; i < text.length; i++) {
          const d = text.charCodeAt(i);
          if (d === 0x5c /* \ */) i++;
          else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
        }
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      if (depth > 0) depth--;
    }
  }
  return deepest;
}

/** QUERY_TOO_DEEP when the text nests brackets deeper than maxNesting, before anything parses it. */
export function checkNesting(text: string, limits: QueryLimits): GraphQLError | null {
  const nesting = bracketNesting(text, limits.maxNesting);
  if (nesting <= limits.maxNesting) return null;
  return limitError('QUERY_TOO_DEEP', `Query nests brackets more than ${limits.maxNesting} levels deep. Split it into several queries.`, {
    maxNesting: limits.maxNesting,
  });
}

/** The parser's own token limit, turned into a QUERY_TOO_LARGE the client can act on. */
export function tooManyTokens(err: unknown, limits: QueryLimits): GraphQLError | null {
  if (!(err instanceof GraphQLError) || !/contains more th\w+ \d+ tokens/.test(err.message)) return null;
  return limitError('QUERY_TOO_LARGE', `Query is longer than ${limits.maxTokens} tokens. Split it into several queries.`, {
    maxTokens: limits.maxTokens,
  });
}

// ---------------------------------------------------------------------------------------------
// Before validation: the operation's shape

/** What an operation asks for, fragments expanded. */
export interface QueryShape {
  /** Deepest field nesting, introspection fields excluded. */
  depth: number;
  /** Fields in the answer's shape (each alias and each spread counts). */
  fields: number;
  aliases: number;
  /** Lookups at the root of the operation (fields other than introspection). */
  rootFields: number;
}

interface SetShape {
  depth: number;
  fields: number;
  aliases: number;
  /** Fields at this set's own level (through spreads and inline fragments), introspection excluded. */
  top: number;
}

const EMPTY: SetShape = { depth: 0, fields: 0, aliases: 0, top: 0 };

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === 'FragmentDefinition') out.set(def.name.value, def);
  return out;
}

/** Walks each selection set once; a fragment's shape is kept the first time it is reached. */
class ShapeWalk {
  private readonly memo = new Map<string, SetShape | null>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  set(set: SelectionSetNode | undefined): SetShape {
    if (!set) return EMPTY;
    const out = { depth: 0, fields: 0, aliases: 0, top: 0 };
    for (const sel of set.selections) {
      if (sel.kind === 'Field') {
        const inner = this.set(sel.selectionSet);
        // Introspection is governed by publicMode; its nesting does not count, its size does.
        if (!sel.name.value.startsWith('__')) out.depth = Math.max(out.depth, 1 + inner.depth);
        out.fields += 1 + inner.fields;
        out.aliases += (sel.alias ? 1 : 0) + inner.aliases;
        if (!sel.name.value.startsWith('__')) out.top += 1;
      } else {
        const inner = sel.kind === 'InlineFragment' ? this.set(sel.selectionSet) : this.fragment(sel.name.value);
        out.depth = Math.max(out.depth, inner.depth);
        out.fields += inner.fields;
        out.aliases += inner.aliases;
        out.top += inner.top;
      }
    }
    return out;
  }

  private fragment(name: string): SetShape {
    const known = this.memo.get(name);
    if (known) return known;
    // null: being walked (a cycle) — NoFragmentCycles reports it; unknown names, KnownFragmentNames.
    if (known === null) return EMPTY;
    const def = this.fragments.get(name);
    if (!def) return EMPTY;
    this.memo.set(name, null);
    const shape = this.set(def.selectionSet);
    this.memo.set(name, shape);
    return shape;
  }
}

/** The largest shape among the document's operations. Linear in the document's size. */
export function queryShape(document: DocumentNode): QueryShape {
  const walk = new ShapeWalk(fragmentsOf(document));
  const out: QueryShape = { depth: 0, fields: 0, aliases: 0, rootFields: 0 };
  for (const def of document.definitions) {
    if (def.kind !== 'OperationDefinition') continue;
    const s = walk.set(def.selectionSet);
    out.depth = Math.max(out.depth, s.depth);
    out.fields = Math.max(out.fields, s.fields);
    out.aliases = Math.max(out.aliases, s.aliases);
    out.rootFields = Math.max(out.rootFields, s.top);
  }
  return out;
}

/** The first limit the shape breaks, as the error the client gets; null when within all. */
export function shapeError(shape: QueryShape, limits: QueryLimits): GraphQLError | null {
  if (shape.depth > limits.maxDepth) {
    return limitError('QUERY_TOO_DEEP', `Query is nested ${shown(shape.depth)} levels deep; the limit is ${limits.maxDepth}. Split it into several queries.`, {
      depth: shown(shape.depth),
      maxDepth: limits.maxDepth,
    });
  }
  if (shape.rootFields > limits.maxRootFields) {
    return limitError(
      'TOO_MANY_LOOKUPS',
      `Query asks for ${shown(shape.rootFields)} lookups at its root; the limit is ${limits.maxRootFields}. Send them in several requests.`,
      { lookups: shown(shape.rootFields), maxLookups: limits.maxRootFields },
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return limitError('TOO_MANY_ALIASES', `Query has ${shown(shape.aliases)} aliased fields; the limit is ${limits.maxAliases}.`, {
      aliases: shown(shape.aliases),
      maxAliases: limits.maxAliases,
    });
  }
  if (shape.fields > limits.maxFields) {
    return limitError(
      'TOO_MANY_FIELDS',
      `Query asks for ${shown(shape.fields)} fields once its fragments are expanded; the limit is ${limits.maxFields}. Split it into several queries.`,
      { fields: shown(shape.fields), maxFields: limits.maxFields },
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Before execution: the estimated cost

class CostWalk {
  /** A fragment's cost is fixed by its type condition and the request's variables: walked once. */
  private readonly memo = new Map<string, number | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly prices: CostModel,
    private readonly variables: Record<string, unknown>,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  field(parent: GraphQLCompositeType, node: FieldNode): number {
    if (node.name.value.startsWith('__')) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const def = parent.getFields()[node.name.value];
    if (!def) return 0;
    const key = `${parent.name}.${def.name}`;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(def, node, this.variables);
    } catch {
      // Bad arguments fail in execution with their own message.
    }
    const type = getNullableType(def.type);
    let multiplier = 1;
    if (typeof args.first === 'number') multiplier = Math.max(args.first, 1);
    else if (isListType(type)) multiplier = this.prices.listSize.get(key) ?? 1; // a list of scalars: its rows cost nothing
    const named = getNamedType(def.type);
    const childCost = isCompositeType(named) ? this.set(named, node.selectionSet) : 0;
    const own = this.prices.weight.get(key) ?? (isCompositeType(named) ? 1 : 0);
    return own + multiplier * childCost;
  }

  set(parent: GraphQLCompositeType, set: SelectionSetNode | undefined): number {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === 'Field') {
        total += this.field(parent, sel);
      } else if (sel.kind === 'InlineFragment') {
        const type = sel.typeCondition ? this.schema.getType(sel.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += this.set(type, sel.selectionSet);
      } else {
        total += this.fragment(sel.name.value);
      }
    }
    return total;
  }

  private fragment(name: string): number {
    const known = this.memo.get(name);
    if (known !== undefined) return known ?? 0; // null: a cycle, refused by validation
    const def = this.fragments.get(name);
    const type = def && this.schema.getType(def.typeCondition.name.value);
    if (!def || !type || !isCompositeType(type)) return 0;
    this.memo.set(name, null);
    const cost = this.set(type, def.selectionSet);
    this.memo.set(name, cost);
    return cost;
  }
}

/**
 * An upper estimate of the work an operation asks for: each object field costs 1 (heavy fields
 * more: their @cost in the SDL), and everything under a list counts once per expected row (its
 * `first`, or its @listSize). Both branches of a union count. Linear in the document's size.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): number {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  const variables = coerced.coerced ?? {};
  return new CostWalk(schema, costModelOf(schema), variables, fragmentsOf(document)).set(root, operation.selectionSet);
}

export function tooCostly(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Query is estimated to cost ${shown(cost)}; the limit is ${maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost: shown(cost), maxCost } },
  );
}
