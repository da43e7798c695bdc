// The GraphQL SDL against the model: a type named after a node label shows that label's properties
// (or fields the model lists as computed by the API), reaches other labels only along relationships the
// model declares, and an enum carries exactly the values the model gives its property. A field added to
// one and not the other fails `npm test`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { buildSchema, getNamedType, isEnumType, isLeafType, isObjectType } from 'graphql';
import { model } from '../../schema/model.ts';
import { repoRoot } from '../../src/config.ts';

const schema = buildSchema(fs.readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8'));
const labelTypes = Object.keys(model.nodes)
  .map((label) => schema.getType(label))
  .filter((t): t is GraphQLObjectType => isObjectType(t));

/** What the model says of a property whose values are a fixed set: 'a | b | c', then an optional colon and prose. */
function valuesOf(description: string): string[] | null {
  const head = description.split(':')[0].trim();
  if (!head.includes(' | ')) return null;
  const values = head.split(' | ').map((v) => v.trim());
  return values.every((v) => /^[A-Za-z]+$/.test(v)) ? values : null;
}

/** GraphQL enum spelling of a model value: publicityStart → PUBLICITY_START. */
function enumName(value: string): string {
  return value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function linked(a: string, b: string): boolean {
  return Object.values(model.relationships).some((r) => {
    const from = [r.from].flat();
    return (from.includes(a) && r.to === b) || (from.includes(b) && r.to === a);
  });
}

test('the SDL gives a type to the labels the API shows, each with its key', () => {
  assert.deepEqual(
    labelTypes.map((t) => t.name),
    ['Company', 'Person', 'Project', 'Award', 'Region', 'Document', 'ListEntry'],
  );
  for (const t of labelTypes) assert.ok(model.nodes[t.name].key in t.getFields(), `${t.name} lacks its key ${model.nodes[t.name].key}`);
});

test('every stored field of a label type is a property of the label, or one the model says the API computes', () => {
  const unknown: string[] = [];
  for (const t of labelTypes) {
    const node = model.nodes[t.name];
    for (const f of Object.values(t.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!isLeafType(getNamedType(f.type)) || f.args.length) continue;
      if (!(f.name in node.properties) && !(f.name in (node.apiComputed ?? {}))) unknown.push(`${t.name}.${f.name}`);
    }
  }
  assert.deepEqual(unknown, []);
});

test('every field the model says the API computes is in the SDL', () => {
  const missing = Object.entries(model.nodes).flatMap(([label, node]) => {
    const type = schema.getType(label);
    const fields = isObjectType(type) ? type.getFields() : {};
    return Object.keys(node.apiComputed ?? {})
      .filter((f) => !(f in fields))
      .map((f) => `${label}.${f}`);
  });
  assert.deepEqual(missing, []);
});

test('a label type reaches another label only along a relationship of the model', () => {
  const unlinked: string[] = [];
  for (const t of labelTypes) {
    for (const f of Object.values(t.getFields()) as GraphQLField<unknown, unknown>[]) {
      const target = getNamedType(f.type).name;
      if (target in model.nodes && !linked(t.name, target)) unlinked.push(`${t.name}.${f.name} → ${target}`);
    }
  }
  assert.deepEqual(unlinked, []);
});

test('an enum field has exactly the values the model lists for its property', () => {
  let checked = 0;
  for (const t of labelTypes) {
    for (const f of Object.values(t.getFields()) as GraphQLField<unknown, unknown>[]) {
      const type = getNamedType(f.type);
      if (!isEnumType(type)) continue;
      const described = model.nodes[t.name].properties[f.name];
      assert.ok(described, `${t.name}.${f.name} is an enum with no property behind it`);
      const values = valuesOf(described);
      assert.ok(values, `${t.name}.${f.name}: the model lists no values ('a | b') for it`);
      assert.deepEqual(
        type.getValues().map((v) => v.name).sort(),
        values.map(enumName).sort(),
        `${t.name}.${f.name}: enum ${type.name} and the model disagree`,
      );
      checked++;
    }
  }
  assert.ok(checked >= 1, 'no enum field checked (Award.dateKind is one)');
});
