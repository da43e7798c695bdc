// Limits that keep one request from taking the database down: query depth (checked when the query is
// validated), an estimated cost (checked before execution, when variable values are known) and page
// sizes (checked by the resolvers).
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
  type ValidationRule,
} from 'graphql';
import { badInput } from './errors.ts';

export interface QueryLimits {
  /** Deepest field nesting allowed (introspection fields excluded). */
  maxDepth: number;
  /** Highest estimated cost allowed (see estimateCost). */
  maxCost: number;
  /** Largest `first` of a paged list. */
  maxPageSize: number;
  /** Largest `first` of a search. */
  maxSearchResults: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 25_000, maxPageSize: 200, maxSearchResults: 100 };

/** `first` as given, or BAD_USER_INPUT when it is negative or above the cap (never clamped silently). */
export function pageSize(first: number, max: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badInput(`${argument} must be between 0 and ${max} (got ${first}); page through longer lists with after.`, argument);
  }
  return first;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === 'FragmentDefinition') out.set(def.name.value, def);
  return out;
}

function depthOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let deepest = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      if (sel.name.value.startsWith('__')) continue; // introspection: governed by publicMode instead
      deepest = Math.max(deepest, 1 + depthOf(sel.selectionSet, fragments, seen));
    } else if (sel.kind === 'InlineFragment') {
      deepest = Math.max(deepest, depthOf(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue; // unknown or cyclic spreads are other rules' errors
      seen.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, seen));
      seen.delete(name);
    }
  }
  return deepest;
}

/** A validation rule refusing operations nested deeper than maxDepth, with code QUERY_TOO_DEEP. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}. Split it into several queries.`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth },
            }),
          );
        }
      },
    };
  };
}

/**
 * Fields that cost more than a plain lookup: ownership walks and aggregates over many awards.
 * Keys are Type.field.
 */
const FIELD_WEIGHT: Record<string, number> = {
  'Company.ultimateOwners': 20,
  'Company.controllingParties': 20,
  'Company.stateShare': 10,
  'Company.stateShareMin': 10,
  'Company.stateShareMax': 10,
  'Company.groupAwards': 20,
  'Company.groupTotalAwarded': 20,
  'Company.groupMembers': 20,
  'Company.totalAwarded': 5,
  'Region.totalAwarded': 5,
  'Region.topSuppliers': 20,
  'Query.search': 10,
};

/** Expected length of lists that have no `first` argument. */
const LIST_ESTIMATE: Record<string, number> = {
  'AwardConnection.nodes': 1, // the connection's `first` already counts the rows
  'Award.suppliers': 3,
  'Region.path': 1,
  'UltimateOwner.paths': 5,
  'Company.names': 1,
};
const DEFAULT_LIST_ESTIMATE = 10;

interface CostWalk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  seen: Set<string>;
}

function fieldCost(walk: CostWalk, parent: GraphQLCompositeType, node: FieldNode): number {
  if (node.name.value.startsWith('__')) return 0;
  if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
  const def = parent.getFields()[node.name.value];
  if (!def) return 0;
  const key = `${parent.name}.${def.name}`;
  let args: Record<string, unknown> = {};
  try {
    args = getArgumentValues(def, node, walk.variables);
  } catch {
    // Bad arguments fail in execution with their own message.
  }
  const type = getNullableType(def.type);
  let multiplier = 1;
  if (typeof args.first === 'number') multiplier = Math.max(args.first, 1);
  else if (isListType(type)) multiplier = LIST_ESTIMATE[key] ?? DEFAULT_LIST_ESTIMATE;
  const named = getNamedType(def.type);
  const childCost = isCompositeType(named) ? selectionCost(walk, named, node.selectionSet) : 0;
  const own = FIELD_WEIGHT[key] ?? (isCompositeType(named) ? 1 : 0);
  return own + multiplier * childCost;
}

function selectionCost(walk: CostWalk, parent: GraphQLCompositeType, set: SelectionSetNode | undefined): number {
  if (!set) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      total += fieldCost(walk, parent, sel);
    } else if (sel.kind === 'InlineFragment') {
      const type = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) total += selectionCost(walk, type, sel.selectionSet);
    } else {
      const fragment = walk.fragments.get(sel.name.value);
      if (!fragment || walk.seen.has(sel.name.value)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      if (!type || !isCompositeType(type)) continue;
      walk.seen.add(sel.name.value);
      total += selectionCost(walk, type, fragment.selectionSet);
      walk.seen.delete(sel.name.value);
    }
  }
  return total;
}

/**
 * An upper estimate of the work an operation asks for: each object field costs 1 (heavy fields
 * more, see FIELD_WEIGHT), and everything under a list counts once per expected row (its `first`,
 * or an estimate). Both branches of a union count.
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
  return selectionCost({ schema, variables, fragments: fragmentsOf(document), seen: new Set() }, root, operation.selectionSet);
}

export function tooCostly(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `Query is estimated to cost ${cost}; the limit is ${maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost } },
  );
}
