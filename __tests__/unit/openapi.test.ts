import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '@/lib/api/openapi';

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? routeFiles(p) : e === 'route.ts' ? [p] : [];
  });
}

describe('OpenAPI document', () => {
  const doc = openApiDocument('http://localhost:3000');

  it('is OpenAPI 3.1 with request bodies generated from the zod schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/documents/{id}/annotations']!.post!.requestBody as {
      content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(create.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining([
        'blockKey',
        'start',
        'end',
        'target',
        'comment',
        'tags',
        'visibility',
      ]),
    );
    expect(JSON.stringify(doc)).not.toContain('"any"');
  });

  it('describes every public resource path the handlers serve', () => {
    const root = path.join(process.cwd(), 'app', 'api', 'v1');
    const served = routeFiles(root)
      .map(
        (f) =>
          '/' +
          path
            .relative(root, path.dirname(f))
            .replace(/\[(\w+)\]/g, '{id}')
            .replace(/\\/g, '/'),
      )
      .map((p) => p.replace(/\{id\}\/members\/\{id\}/, '{id}/members/{id}'));
    const documented = Object.keys(doc.paths);
    const internal =
      /^\/(workspaces\/\{id\}\/(members|invitations)|invitations|inbox|comments\/\{id\}\/(history|hide)|annotations\/\{id\}\/reattach|openapi\.json|documents\/\{id\}\/import)/;
    expect(served.filter((p) => !documented.includes(p) && !internal.test(p))).toEqual([]);
  });

  type Responses = Record<string, { $ref?: string; content?: Record<string, { schema?: object }> }>;
  const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${p}`,
      responses: op.responses as Responses,
    })),
  );

  it('describes each success with a status of its own and a schema, and the errors it may give', () => {
    const creates = [
      'POST /workspaces',
      'POST /workspaces/{id}/documents',
      'POST /documents/{id}/revisions',
      'POST /documents/{id}/annotations',
      'POST /annotations/{id}/comments',
      'POST /tokens',
    ];
    for (const { key, responses } of operations) {
      const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
      expect({ key, success }).toEqual({ key, success: [creates.includes(key) ? '201' : '200'] });
      const content = responses[success[0]!]!.content ?? {};
      expect({ key, described: Object.keys(content).length > 0 }).toEqual({ key, described: true });
      for (const [type, media] of Object.entries(content))
        if (type.endsWith('json'))
          expect({ key, type, schema: media.schema }).toEqual({
            key,
            type,
            schema: { $ref: expect.stringMatching(/^#\/components\/schemas\//) },
          });
      for (const status of ['401', '429', 'default'])
        expect({ key, status, declared: status in responses }).toEqual({
          key,
          status,
          declared: true,
        });
    }
    expect(doc.paths['/workspaces']!.post!.responses).toMatchObject({
      '201': {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Workspace' } } },
      },
    });
  });

  it('is made of valid JSON Schema 2020-12 whose references all resolve', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components']);
    const id = 'https://closeread.test/openapi.json';
    ajv.addSchema({ ...doc, $id: id });
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"(#[^"]+)"/g)].map((m) => m[1]!);
    const schemaRefs = [...new Set(refs.filter((r) => r.startsWith('#/components/schemas/')))];
    expect(schemaRefs.length).toBeGreaterThan(20);
    // Compiling each component (strict mode) also compiles everything it refers to.
    for (const ref of schemaRefs)
      expect({ ref, ok: !!ajv.getSchema(id + ref) }).toEqual({ ref, ok: true });
    // Request bodies and parameters too.
    const esc = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
    for (const [p, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        const content = (op.requestBody as { content?: object } | undefined)?.content ?? {};
        for (const type of Object.keys(content)) {
          const at = `#/paths/${esc(p)}/${method}/requestBody/content/${esc(type)}/schema`;
          expect({ at, ok: !!ajv.getSchema(id + at) }).toEqual({ at, ok: true });
        }
        for (const param of (op.parameters ?? []) as { name: string; schema: object }[])
          expect(() => ajv.compile(param.schema)).not.toThrow();
      }
    for (const ref of refs.filter((r) => r.startsWith('#/components/responses/'))) {
      const name = ref.split('/').pop()!;
      expect(doc.components.responses).toHaveProperty([name]);
    }
    // Every component is used by some operation.
    const used = new Set(schemaRefs);
    expect(
      Object.keys(doc.components.schemas).filter((n) => !used.has(`#/components/schemas/${n}`)),
    ).toEqual([]);
  });
});
