// The prices the query-cost limit uses, read from the SDL's @cost and @listSize directives (they sit
// on the fields they price, in schema/schema.graphql) and checked when the server starts.
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

export interface CostModel {
  /** Type.field → work beyond a plain lookup. */
  weight: Map<string, number>;
  /** Type.field → expected rows of a list without `first`. */
  listSize: Map<string, number>;
}

export class CostModelError extends Error {
  constructor(readonly problems: string[]) {
    super(`schema/schema.graphql: the query-cost prices do not fit the schema:\n  ${problems.join('\n  ')}`);
    this.name = 'CostModelError';
  }
}

function intArgument(directive: ConstDirectiveNode, name: string): number | null {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.INT ? Number(arg.value.value) : null;
}

const hasFirst = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => a.name === 'first');

/**
 * Reads and checks the prices: a weight or size is a whole number ≥ 0, a size sits on a list, and
 * every list of objects has a price for its length (a `first` argument or @listSize), so no list
 * is counted by a guess.
 */
export function readCostModel(schema: GraphQLSchema): CostModel {
  const model: CostModel = { weight: new Map(), listSize: new Map() };
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const isList = isListType(getNullableType(field.type));
      for (const d of field.astNode?.directives ?? []) {
        if (d.name.value === 'cost') {
          const weight = intArgument(d, 'weight');
          if (weight === null || weight < 0) problems.push(`${key}: @cost needs a whole weight of 0 or more`);
          else model.weight.set(key, weight);
        } else if (d.name.value === 'listSize') {
          const size = intArgument(d, 'assumedSize');
          if (!isList) problems.push(`${key}: @listSize on a field that is not a list`);
          else if (size === null || size < 0) problems.push(`${key}: @listSize needs a whole assumedSize of 0 or more`);
          else model.listSize.set(key, size);
        }
      }
      if (isList && isCompositeType(getNamedType(field.type)) && !hasFirst(field) && !model.listSize.has(key)) {
        problems.push(`${key}: a list of objects without a price for its length (add @listSize(assumedSize: N) or a first argument)`);
      }
    }
  }
  if (problems.length) throw new CostModelError(problems);
  return model;
}

const models = new WeakMap<GraphQLSchema, CostModel>();

/** The schema's prices, read once per schema. */
export function costModelOf(schema: GraphQLSchema): CostModel {
  let model = models.get(schema);
  if (!model) {
    model = readCostModel(schema);
    models.set(schema, model);
  }
  return model;
}
