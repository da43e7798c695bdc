// Validators for the official schemas of the standards (schema/standards/README.md says which files):
// OCDS 1.1.5 is JSON Schema draft-04, BODS 0.4 is 2020-12. They are taken from BIDGRAPH_STANDARD_SCHEMAS
// (default ../shared/standards beside the clone), not from this repository; without them the tests that
// validate are skipped and say why. Offline: every $ref resolves to a file there.
import fs from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { repoRoot } from '../../src/config.ts';

const dir = path.resolve(repoRoot, process.env.BIDGRAPH_STANDARD_SCHEMAS ?? '../shared/standards');

/** For node:test's `skip` option: false when the schemas are there, else the reason the test is skipped. */
export const skipUnlessStandardSchemas: false | string =
  fs.existsSync(path.join(dir, 'ocds-1.1.5')) && fs.existsSync(path.join(dir, 'bods-0.4'))
    ? false
    : `the official OCDS 1.1.5 and BODS 0.4 schemas are absent from ${dir} (set BIDGRAPH_STANDARD_SCHEMAS; schema/standards/README.md lists the files)`;
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')) as Record<string, unknown>;

type Formats = (ajv: unknown) => unknown;
const formats = addFormats as unknown as Formats;

function ocdsAjv() {
  // OCDS schemas carry their own keywords (codelist, openCodelist, deprecated…): not validation, so not strict.
  const ajv = new (AjvDraft04 as unknown as typeof import('ajv-draft-04').default)({ strict: false, allErrors: true });
  formats(ajv);
  ajv.addSchema(readJson('ocds-1.1.5/release-schema.json'));
  ajv.addSchema(readJson('ocds-1.1.5/release-package-schema.json'));
  return ajv;
}

/**
 * BODS names its schemas `urn:statement`, `urn:components`…: URNs without a namespace-specific part,
 * which ajv's URI library refuses to serialise. They are mapped, ids and $refs alike, to one base.
 */
const BODS_BASE = 'https://bods.invalid/0.4/';
function readBods(file: string): Record<string, unknown> {
  const text = fs.readFileSync(path.join(dir, 'bods-0.4', file), 'utf8').replace(/"urn:([a-z]+)/g, `"${BODS_BASE}$1`);
  return JSON.parse(text) as Record<string, unknown>;
}

function bodsAjv() {
  const ajv = new (Ajv2020 as unknown as typeof import('ajv/dist/2020.js').default)({ strict: false, allErrors: true });
  formats(ajv);
  for (const f of ['components.json', 'entity-record.json', 'person-record.json', 'relationship-record.json', 'statement.json']) ajv.addSchema(readBods(f));
  return ajv;
}

let ocds: ReturnType<typeof ocdsAjv> | null = null;
let bods: ReturnType<typeof bodsAjv> | null = null;

function check(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Errors of an OCDS 1.1.5 release package (empty when valid). */
export function releasePackageErrors(value: unknown): string[] {
  ocds ??= ocdsAjv();
  return check(ocds.getSchema('https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json')!, value);
}

/** Errors of one OCDS 1.1.5 release (a compiled release validates against the release schema). */
export function releaseErrors(value: unknown): string[] {
  ocds ??= ocdsAjv();
  return check(ocds.getSchema('https://standard.open-contracting.org/schema/1__1__5/release-schema.json')!, value);
}

/** Errors of a BODS 0.4 array of statements. */
export function bodsErrors(value: unknown): string[] {
  bods ??= bodsAjv();
  return check(bods.getSchema(`${BODS_BASE}statement`)!, value);
}
