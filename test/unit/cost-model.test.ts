// The query-cost prices live on the SDL fields they price (@cost, @listSize) and are checked when
// the server starts: a price on a field that is not a list, or a list of objects without one, is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildASTSchema, parse } from 'graphql';
import { CostModelError, readCostModel } from '../../src/api/cost-model.ts';
import { typeDefs } from '../../src/api/server.ts';

const DIRECTIVES = `
  directive @cost(weight: Int!) on FIELD_DEFINITION
  directive @listSize(assumedSize: Int!) on FIELD_DEFINITION`;

const schemaOf = (sdl: string) => buildASTSchema(parse(DIRECTIVES + sdl));

test('the shipped schema prices every list of objects, and the weights are read from it', () => {
  for (const withMutations of [false, true]) {
    const model = readCostModel(buildASTSchema(typeDefs(withMutations)));
    assert.equal(model.weight.get('Company.ultimateOwners'), 20);
    assert.equal(model.weight.get('Query.restrictedAwards'), 20);
    assert.equal(model.weight.get('Company.totalAwarded'), 5);
    assert.equal(model.listSize.get('Award.suppliers'), 3);
    assert.equal(model.listSize.get('AwardConnection.nodes'), 1);
    assert.equal(model.listSize.get('Project.documents'), 10);
    assert.equal(model.listSize.has('Company.awards'), false, 'a connection is priced by its first');
  }
});

test('a list of objects without first or @listSize is refused, naming the field', () => {
  const sdl = `
    type Query { a: A, as(first: Int): [A!]! }
    type A { id: ID, bs: [B!]!, tags: [String!]! }
    type B { id: ID }`;
  assert.throws(
    () => readCostModel(schemaOf(sdl)),
    (err: unknown) => err instanceof CostModelError && err.problems.length === 1 && err.problems[0].startsWith('A.bs: a list of objects without a price'),
  );
});

test('@listSize on a field that is not a list, or a negative price, is refused', () => {
  const sdl = `
    type Query { a: A @listSize(assumedSize: 3), b: [A!]! @listSize(assumedSize: -1) @cost(weight: -2) }
    type A { id: ID }`;
  assert.throws(
    () => readCostModel(schemaOf(sdl)),
    (err: unknown) =>
      err instanceof CostModelError &&
      JSON.stringify(err.problems) ===
        JSON.stringify([
          'Query.a: @listSize on a field that is not a list',
          'Query.b: @listSize needs a whole assumedSize of 0 or more',
          'Query.b: @cost needs a whole weight of 0 or more',
          'Query.b: a list of objects without a price for its length (add @listSize(assumedSize: N) or a first argument)',
        ]),
  );
});
