/**
 * Loads the vendored WPT annotation-model schemas (draft-04) into Ajv 8 and exposes validators.
 * Ajv 8 has no draft-04 mode, so each schema is converted on load: root `id` → `$id`, nested
 * `$schema` dropped, boolean `exclusiveMinimum` turned into the draft-06 number form.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ROOT = path.join(__dirname, '../../fixtures/export/w3c-schemas');

type Schema = Record<string, unknown>;

function toDraft07(node: unknown, isRoot: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => toDraft07(n, false));
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === '$schema') continue;
    if (key === 'id' && isRoot && typeof value === 'string') {
      out.$id = value;
      continue;
    }
    // `properties` maps names to schemas: its keys are property names, not keywords.
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([k, v]) => [k, toDraft07(v, false)]),
      );
      continue;
    }
    out[key] = toDraft07(value, false);
  }
  if (out.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  return out;
}

function load(rel: string): Schema {
  return toDraft07(JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')), true) as Schema;
}

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`);
}

export type Check = { name: string; validate: ValidateFunction };

export function makeValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of files('definitions')) ajv.addSchema(load(f));
  const compile = (rel: string): Check => ({ name: rel, validate: ajv.compile(load(rel)) });
  const ref = (name: string, schema: Schema): Check => ({ name, validate: ajv.compile(schema) });

  // WPT "annotationMusts" assertions, plus checks of optional keys we emit, built from the same
  // WPT definitions (motivation, creator, audience, body purpose, refinedBy on the target).
  const annotationChecks: Check[] = [
    ...files('annotations').map(compile),
    ref('motivation', { $ref: 'annotations.json#/definitions/motivationRecognizedIfPresent' }),
    ref('creator', { $ref: 'otherProperties.json#/definitions/creatorValidIfPresent' }),
    ref('audience', { $ref: 'otherProperties.json#/definitions/audienceValidIfPresent' }),
    ref('body purpose/format', {
      type: 'object',
      properties: {
        body: {
          anyOf: [
            { $ref: '#/definitions/b' },
            { type: 'array', items: { $ref: '#/definitions/b' } },
          ],
        },
      },
      definitions: {
        b: {
          allOf: [
            { $ref: 'otherProperties.json#/definitions/purposeRecognizedIfPresent' },
            { $ref: 'bodyTarget.json#/definitions/formatValidIfPresent' },
            { $ref: 'otherProperties.json#/definitions/creatorValidIfPresent' },
          ],
        },
      },
    }),
    ref('target refinedBy', {
      type: 'object',
      properties: {
        target: {
          anyOf: [
            { type: 'string', format: 'uri' },
            { $ref: 'specificResource.json#/definitions/checkForRefinedBy' },
          ],
        },
      },
    }),
  ];

  // WPT collections/5.1-*.json were not available: the same checks, composed from the
  // vendored collections.json definitions.
  const collectionChecks: Check[] = [
    ref('5.1 context', {
      type: 'object',
      required: ['@context'],
      properties: {
        '@context': {
          oneOf: [
            { $ref: 'collections.json#/definitions/contextValueFound' },
            { $ref: 'collections.json#/definitions/contextValueInArrayFound' },
          ],
        },
      },
    }),
    ref('5.1 id', { $ref: 'id.json#/definitions/idValueFound' }),
    ref('5.1 type', { $ref: 'collections.json#/definitions/annotationCollectionTypeValueFound' }),
    ref('5.1 label', { $ref: 'collections.json#/definitions/labelDefinition' }),
    ref('5.1 total', { $ref: 'collections.json#/definitions/totalDefinition' }),
    ref('5.1 first', { $ref: 'collections.json#/definitions/firstValidIfPresent' }),
    ref('5.1 first if total > 0', {
      $ref: 'collections.json#/definitions/firstRequiredIfTotalMoreThanZero',
    }),
    ref('5.1 last', { $ref: 'collections.json#/definitions/lastValidIfPresent' }),
    ref('3.3.1 generated', { $ref: 'otherProperties.json#/definitions/generatedValidIfPresent' }),
  ];

  const pageChecks: Check[] = files('collections/pages').map(compile);
  return { annotationChecks, collectionChecks, pageChecks };
}

/** Names of the checks `value` fails, with Ajv's messages. */
export function failures(checks: Check[], value: unknown): string[] {
  return checks.flatMap(({ name, validate }) =>
    validate(value) ? [] : [`${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`],
  );
}
