// Checks FollowTheMoney entities against the model the @alephdata/followthemoney package ships (the
// JavaScript copy of FtM's schema YAML): known schema, no abstract schema, every property defined for
// the schema (or inherited), values as lists of strings, entity references resolved, required
// properties present (the schema's and its parents').
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface FtmSchema {
  name: string;
  abstract: boolean;
  required: string[];
  getParents(): FtmSchema[];
  getProperties(): Map<string, { type: { name: string } }>;
}
interface FtmModel {
  getSchema(name: string): FtmSchema | undefined;
}
const ftm = require('@alephdata/followthemoney') as { Model: new (spec: unknown) => FtmModel; defaultModel: { schemata: Record<string, unknown> } };
const model = new ftm.Model(ftm.defaultModel);

export interface Entity {
  id: string;
  schema: string;
  properties: Record<string, unknown>;
}

/** Problems of a set of entities (empty when every one fits the model); `known` are ids defined elsewhere. */
export function ftmProblems(entities: Entity[], known: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  const ids = new Set([...known, ...entities.map((e) => e.id)]);
  if (ids.size !== known.size + entities.length) problems.push('duplicate entity ids');
  for (const e of entities) {
    if (!ftm.defaultModel.schemata[e.schema]) {
      problems.push(`${e.id}: unknown schema ${e.schema}`);
      continue;
    }
    const schema = model.getSchema(e.schema)!;
    if (schema.abstract) problems.push(`${e.id}: ${e.schema} is abstract`);
    const properties = schema.getProperties();
    const required = new Set([schema, ...schema.getParents()].flatMap((s) => s.required ?? []));
    for (const r of required) if (!Array.isArray(e.properties[r]) || (e.properties[r] as unknown[]).length === 0) problems.push(`${e.id}: ${e.schema} requires ${r}`);
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = properties.get(name);
      if (!prop) {
        problems.push(`${e.id}: ${e.schema} has no property ${name}`);
        continue;
      }
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
        problems.push(`${e.id}: ${name} is not a list of strings`);
        continue;
      }
      for (const v of values as string[]) {
        if (prop.type.name === 'entity' && !ids.has(v)) problems.push(`${e.id}: ${name} refers to ${v}, which is not exported`);
        if (prop.type.name === 'date' && !/^\d{4}(-\d{2}(-\d{2})?)?/.test(v)) problems.push(`${e.id}: ${name} "${v}" is no date`);
        if (prop.type.name === 'number' && !Number.isFinite(Number(v))) problems.push(`${e.id}: ${name} "${v}" is no number`);
        if (prop.type.name === 'country' && !/^[a-z]{2}$/.test(v)) problems.push(`${e.id}: ${name} "${v}" is no country code`);
      }
    }
  }
  return problems;
}
