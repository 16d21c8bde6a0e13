import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
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
});
