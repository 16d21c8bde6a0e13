/**
 * API contract tests driven by the OpenAPI document: every operation of openApiDocument() is
 * called on its real route handler with an API token, and every answer is checked against the
 * document itself — the status must be one the operation declares (not just `default`), and the
 * body must validate (ajv, JSON Schema 2020-12) against the schema the document gives for that
 * status and content type. Requests are checked against the document first: parameters and
 * bodies of the valid examples must validate, those of the 400 examples must not.
 *
 * ROUTES is the coverage table, keyed by `METHOD path`: an operation added to the document
 * without an entry, or without a case here answering 2xx, fails the suite.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { NextRequest } from 'next/server';
import * as annotationRoute from '@/app/api/v1/annotations/[id]/route';
import * as commentsRoute from '@/app/api/v1/annotations/[id]/comments/route';
import * as commentRoute from '@/app/api/v1/comments/[id]/route';
import * as reactionsRoute from '@/app/api/v1/comments/[id]/reactions/route';
import * as documentAnnotations from '@/app/api/v1/documents/[id]/annotations/route';
import * as documentRoute from '@/app/api/v1/documents/[id]/route';
import * as eventsRoute from '@/app/api/v1/documents/[id]/events/route';
import * as exportRoute from '@/app/api/v1/documents/[id]/export/route';
import * as revisionsRoute from '@/app/api/v1/documents/[id]/revisions/route';
import * as shareRoute from '@/app/api/v1/documents/[id]/share/route';
import * as searchRoute from '@/app/api/v1/search/route';
import * as tokenRoute from '@/app/api/v1/tokens/[id]/route';
import * as tokensRoute from '@/app/api/v1/tokens/route';
import * as workspaceDocuments from '@/app/api/v1/workspaces/[slug]/documents/route';
import * as workspaceRoute from '@/app/api/v1/workspaces/[slug]/route';
import * as workspacesRoute from '@/app/api/v1/workspaces/route';
import { openApiDocument } from '@/lib/api/openapi';
import { createApiToken } from '@/lib/auth/api-tokens';
import { db } from '@/lib/db/client';
import { liveHub } from '@/lib/documents/live';
import { call } from '../helpers/http';
import { makeDocWorld } from '../helpers/world';

// ── The document, as data ───────────────────────────────────────────────────────────────────────

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema };
type Media = Record<string, { schema?: Schema }>;
type ResponseObject = { description: string; content?: Media };
type Security = Record<string, string[]>[];
type Operation = {
  security?: Security;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Media };
  responses: Record<string, ResponseObject | { $ref: string }>;
};
type OpenApi = {
  security: Security;
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
};

const doc = openApiDocument('http://localhost:3000') as unknown as OpenApi;
const DOC_ID = 'https://closeread.test/openapi.json';

/** `METHOD path` of every operation in the document. */
const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.keys(item).map((method) => `${method.toUpperCase()} ${p}`),
);

// Response and request bodies: the schema at a JSON pointer inside the document, so `$ref`s
// resolve exactly as a client of the document would resolve them.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components']);
ajv.addSchema({ ...doc, $id: DOC_ID });

const pointer = (...parts: string[]) =>
  '#/' + parts.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

function validatorAt(ptr: string): ValidateFunction {
  const validate = ajv.getSchema(DOC_ID + ptr);
  if (!validate) throw new Error(`no schema at ${ptr}`);
  return validate;
}

// Parameters arrive as strings: coerce them to the declared type, as a server would.
const paramAjv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: true });
addFormats(paramAjv);

const explain = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('; ');

// ── The coverage table: every operation of the document and the handler that serves it ─────────

type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
/** `params` renames the document's path parameters to the route folder's (`[slug]`). */
type Route = { handler: Handler; params?: Record<string, string> };
const slug = { id: 'slug' };

const ROUTES: Record<string, Route> = {
  'GET /workspaces': { handler: workspacesRoute.GET },
  'POST /workspaces': { handler: workspacesRoute.POST },
  'GET /workspaces/{id}': { handler: workspaceRoute.GET, params: slug },
  'PATCH /workspaces/{id}': { handler: workspaceRoute.PATCH, params: slug },
  'GET /workspaces/{id}/documents': { handler: workspaceDocuments.GET, params: slug },
  'POST /workspaces/{id}/documents': { handler: workspaceDocuments.POST, params: slug },
  'GET /documents/{id}': { handler: documentRoute.GET },
  'PATCH /documents/{id}': { handler: documentRoute.PATCH },
  'POST /documents/{id}/revisions': { handler: revisionsRoute.POST },
  'GET /documents/{id}/annotations': { handler: documentAnnotations.GET },
  'POST /documents/{id}/annotations': { handler: documentAnnotations.POST },
  'GET /documents/{id}/export': { handler: exportRoute.GET },
  'POST /documents/{id}/share': { handler: shareRoute.POST },
  'DELETE /documents/{id}/share': { handler: shareRoute.DELETE },
  'GET /documents/{id}/events': { handler: eventsRoute.GET },
  'GET /annotations/{id}': { handler: annotationRoute.GET },
  'PATCH /annotations/{id}': { handler: annotationRoute.PATCH },
  'DELETE /annotations/{id}': { handler: annotationRoute.DELETE },
  'POST /annotations/{id}/comments': { handler: commentsRoute.POST },
  'PATCH /comments/{id}': { handler: commentRoute.PATCH },
  'DELETE /comments/{id}': { handler: commentRoute.DELETE },
  'POST /comments/{id}/reactions': { handler: reactionsRoute.POST },
  'GET /search': { handler: searchRoute.GET },
  'GET /tokens': { handler: tokensRoute.GET },
  'POST /tokens': { handler: tokensRoute.POST },
  'DELETE /tokens/{id}': { handler: tokenRoute.DELETE },
};

// ── One call, checked against the document ──────────────────────────────────────────────────────

type Ctx = Awaited<ReturnType<typeof makeDocWorld>> & { token: string };
let w: Ctx;

/** `METHOD path status` of every answer seen. */
const seen = new Set<string>();

type Example = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body (application/json). */
  body?: unknown;
  /** A multipart body: fields, and the file's name, type and text. */
  multipart?: {
    fields: Record<string, string>;
    file: { name: string; type: string; text: string };
  };
  /** A body sent as is, with this content type. */
  raw?: { type: string; text: string };
  /** `token` (the member's write token, the default), `session` (signed in) or `none`. */
  as?: 'token' | 'session' | 'none';
  /** Another bearer token than the member's. */
  token?: string;
  stream?: boolean;
  /** The status expected. */
  status: number;
  /** The request breaks the document: the 400, 415 and wrong-credential examples. */
  invalid?: boolean;
};

function operation(key: string): { op: Operation; method: string; template: string } {
  const [method, template] = key.split(' ') as [string, string];
  const op = doc.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`${key} is not in the OpenAPI document`);
  return { op, method, template };
}

/** What is wrong with a request according to the document (nothing for a valid one). */
function requestProblems(key: string, req: Example): string[] {
  const { op, method, template } = operation(key);
  const problems: string[] = [];
  const scheme = { token: 'bearer', session: 'session', none: null }[req.as ?? 'token'];
  const allowed = (op.security ?? doc.security).flatMap((s) => Object.keys(s));
  if (!scheme || !allowed.includes(scheme))
    problems.push(`credentials: ${scheme ?? 'none'}; the operation takes ${allowed.join(' or ')}`);
  const declared = op.parameters ?? [];
  const inPath = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  for (const name of inPath) {
    const p = declared.find((d) => d.in === 'path' && d.name === name);
    const value = req.params?.[name];
    if (!p) problems.push(`path parameter ${name} is not declared`);
    else if (!value) problems.push(`path parameter ${name} is missing`);
    else {
      const validate = paramAjv.compile({ type: 'object', properties: { v: p.schema } });
      if (!validate({ v: value })) problems.push(`path ${name}: ${explain(validate.errors)}`);
    }
  }
  for (const name of Object.keys(req.params ?? {}))
    if (!inPath.includes(name)) problems.push(`${name} is not a path parameter`);
  const query = req.query ?? {};
  for (const p of declared.filter((d) => d.in === 'query')) {
    if (p.required && query[p.name] === undefined) problems.push(`query ${p.name} is required`);
  }
  for (const [name, value] of Object.entries(query)) {
    const p = declared.find((d) => d.in === 'query' && d.name === name);
    if (!p) {
      problems.push(`query ${name} is not declared`);
      continue;
    }
    const validate = paramAjv.compile({ type: 'object', properties: { v: p.schema } });
    if (!validate({ v: value })) problems.push(`query ${name}: ${explain(validate.errors)}`);
  }
  const sent: [string, unknown] | null = req.multipart
    ? ['multipart/form-data', { ...req.multipart.fields, file: req.multipart.file.text }]
    : req.raw
      ? [req.raw.type, req.raw.text]
      : req.body !== undefined
        ? ['application/json', req.body]
        : null;
  if (!sent) {
    if (op.requestBody?.required) problems.push('the request body is required');
  } else if (!op.requestBody) {
    problems.push(`${method} ${template} takes no body`);
  } else if (!op.requestBody.content[sent[0]]) {
    problems.push(`the body may not be ${sent[0]}`);
  } else {
    const validate = validatorAt(
      pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', sent[0], 'schema'),
    );
    if (!validate(sent[1])) problems.push(`body: ${explain(validate.errors)}`);
  }
  return problems;
}

function multipartBody(m: NonNullable<Example['multipart']>) {
  const boundary = 'contract-boundary-7f3a';
  const part = (headers: string, value: string) =>
    `--${boundary}\r\n${headers}\r\n\r\n${value}\r\n`;
  const text =
    Object.entries(m.fields)
      .map(([k, v]) => part(`Content-Disposition: form-data; name="${k}"`, v))
      .join('') +
    part(
      `Content-Disposition: form-data; name="file"; filename="${m.file.name}"\r\nContent-Type: ${m.file.type}`,
      m.file.text,
    ) +
    `--${boundary}--\r\n`;
  return { type: `multipart/form-data; boundary=${boundary}`, text };
}

/** Checks the request against the document, calls the handler, checks the answer against it. */
async function exercise(key: string, req: Example): Promise<unknown> {
  const { op, method, template } = operation(key);
  const route = ROUTES[key];
  if (!route) throw new Error(`${key} has no entry in ROUTES`);
  const problems = requestProblems(key, req);
  if (req.invalid) expect({ key, invalid: problems.length > 0 }).toEqual({ key, invalid: true });
  else expect({ key, problems }).toEqual({ key, problems: [] });

  const path =
    '/api/v1' +
    template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(req.params![name]!)) +
    (req.query ? `?${new URLSearchParams(req.query)}` : '');
  const params = Object.fromEntries(
    Object.entries(req.params ?? {}).map(([k, v]) => [route.params?.[k] ?? k, v]),
  );
  const raw = req.multipart ? multipartBody(req.multipart) : req.raw;
  const as = req.as ?? 'token';
  let contentType = '';
  const capture: Handler = async (request, ctx) => {
    const res = await route.handler(request, ctx);
    contentType = res.headers.get('content-type') ?? '';
    return res;
  };
  const res = await call(capture, {
    method,
    path,
    params,
    caller: as === 'session' ? w.member : undefined,
    headers: {
      ...(as === 'token' ? { authorization: `Bearer ${req.token ?? w.token}` } : {}),
      ...(raw ? { 'content-type': raw.type } : {}),
    },
    body: req.body,
    rawBody: raw?.text,
    stream: req.stream,
  });
  expect({ key, status: res.status, body: res.json }).toMatchObject({ key, status: req.status });

  // The status must be declared by the operation itself (`default` is for the unexpected).
  const declared = op.responses[String(res.status)];
  expect({ key, status: res.status, declared: !!declared }).toEqual({
    key,
    status: res.status,
    declared: true,
  });
  let at = pointer('paths', template, method.toLowerCase(), 'responses', String(res.status));
  let response = declared as ResponseObject | { $ref: string };
  if ('$ref' in response) {
    const name = response.$ref.replace('#/components/responses/', '');
    at = pointer('components', 'responses', name);
    response = doc.components.responses[name]!;
  }
  const media = contentType.split(';')[0]!.trim();
  if (!response.content) {
    expect({ key, body: res.json }).toEqual({ key, body: null });
  } else {
    expect({ key, media, declared: Object.keys(response.content) }).toEqual({
      key,
      media,
      declared: expect.arrayContaining([media]),
    });
    if (/^application\/(.+\+)?json$/.test(media)) {
      const validate = validatorAt(`${at}/content/${pointer(media).slice(2)}/schema`);
      validate(res.json);
      expect({ key, status: res.status, errors: explain(validate.errors) }).toEqual({
        key,
        status: res.status,
        errors: '',
      });
    }
  }
  seen.add(`${key} ${res.status}`);
  return res.json;
}

const doc1 = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

// ── The cases ──────────────────────────────────────────────────────────────────────────────────

type WithId = { id: string };

describe('the API against its OpenAPI document', () => {
  beforeAll(async () => {
    const world = await makeDocWorld();
    const { token } = await createApiToken(world.member.id, { name: 'contract', scope: 'write' });
    w = { ...world, token };
  });

  afterAll(async () => {
    await liveHub().close();
    await db().$disconnect();
  });

  it('has a handler in the coverage table for every operation, and no stale entries', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...operations].sort());
  });

  // What one step creates and the next uses (the steps run in order).
  const state: {
    documentId?: string;
    blocks?: { key: string; text: string }[];
    privateId?: string;
    replyId?: string;
  } = {};

  it('workspaces', async () => {
    await exercise('GET /workspaces', { status: 200 });
    await exercise('GET /workspaces', { as: 'none', status: 401, invalid: true });
    const created = (await exercise('POST /workspaces', {
      body: { name: 'Contract room' },
      status: 201,
    })) as WithId;
    await exercise('POST /workspaces', { body: { name: '' }, status: 400, invalid: true });
    await exercise('POST /workspaces', {
      raw: { type: 'text/plain', text: 'name=Plain' },
      status: 415,
      invalid: true,
    });
    await exercise('GET /workspaces/{id}', { params: { id: w.workspace.id }, status: 200 });
    await exercise('GET /workspaces/{id}', { params: { id: 'no-such-workspace' }, status: 404 });
    await exercise('PATCH /workspaces/{id}', {
      params: { id: created.id },
      body: { name: 'Renamed room' },
      status: 200,
    });
    // A member may not rename the workspace of makeDocWorld (its owner may).
    await exercise('PATCH /workspaces/{id}', {
      params: { id: w.workspace.id },
      body: { name: 'Taken over' },
      status: 403,
    });
  });

  it('documents', async () => {
    const created = (await exercise('POST /workspaces/{id}/documents', {
      params: { id: w.workspace.id },
      body: {
        title: 'Contract',
        format: 'markdown',
        text: '# Contract\n\nThe first paragraph is here.\n\nThe second paragraph follows it.',
      },
      status: 201,
    })) as WithId;
    state.documentId = created.id;
    await exercise('POST /workspaces/{id}/documents', {
      params: { id: w.workspace.id },
      multipart: {
        fields: { title: 'Uploaded', source: 'https://example.org/notes' },
        file: { name: 'notes.txt', type: 'text/plain', text: 'Uploaded notes.\n\nMore notes.' },
      },
      status: 201,
    });
    await exercise('POST /workspaces/{id}/documents', {
      params: { id: w.workspace.id },
      body: { format: 'pdf', text: 'x' },
      status: 400,
      invalid: true,
    });
    await exercise('GET /workspaces/{id}/documents', {
      params: { id: w.workspace.id },
      query: { sort: 'title', q: 'contract' },
      status: 200,
    });
    await exercise('GET /workspaces/{id}/documents', { params: { id: 'nope' }, status: 404 });

    const got = (await exercise('GET /documents/{id}', {
      params: { id: created.id },
      status: 200,
    })) as { blocks: { key: string; text: string }[] };
    state.blocks = got.blocks;
    expect(got.blocks.map((b) => b.text)).toEqual([
      'The first paragraph is here.',
      'The second paragraph follows it.',
    ]);
    await exercise('GET /documents/{id}', {
      params: { id: created.id },
      query: { revision: '1' },
      status: 200,
    });
    await exercise('GET /documents/{id}', {
      params: { id: created.id },
      query: { revision: '0' },
      status: 400,
      invalid: true,
    });
    await exercise('GET /documents/{id}', { params: { id: 'no-such-document' }, status: 404 });
    await exercise('PATCH /documents/{id}', {
      params: { id: created.id },
      body: { source: 'https://example.org/contract', publishedOn: null },
      status: 200,
    });
    await exercise('PATCH /documents/{id}', {
      params: { id: created.id },
      body: { title: 'Contract', owner: 'me' },
      status: 400,
      invalid: true,
    });
  });

  it('annotations, threads and comments', async () => {
    const id = state.documentId!;
    const [first, second] = state.blocks!;
    const span = (await exercise('POST /documents/{id}/annotations', {
      params: { id },
      body: {
        blockKey: first!.key,
        start: 10,
        end: 19,
        comment: doc1('Which paragraph?'),
        tags: ['contract'],
        visibility: 'workspace',
      },
      status: 201,
    })) as WithId & { selectors: { quote: { exact: string } } };
    expect(span.selectors.quote.exact).toBe('paragraph');
    const byTarget = (await exercise('POST /documents/{id}/annotations', {
      params: { id },
      body: {
        target: {
          selector: {
            type: 'FragmentSelector',
            value: `p-${second!.key}`,
            refinedBy: { type: 'TextQuoteSelector', exact: 'second' },
          },
        },
        visibility: 'private',
      },
      status: 201,
    })) as WithId;
    state.privateId = byTarget.id;
    const paragraph = (await exercise('POST /documents/{id}/annotations', {
      params: { id },
      body: { blockKey: second!.key, comment: doc1('The whole paragraph.') },
      status: 201,
    })) as WithId & { selectors: { position: unknown } };
    expect(paragraph.selectors.position).toBeNull();
    await exercise('POST /documents/{id}/annotations', {
      params: { id },
      body: { blockKey: first!.key, start: 'ten', end: 19 },
      status: 400,
      invalid: true,
    });
    await exercise('POST /documents/{id}/annotations', {
      params: { id: 'no-such-document' },
      body: { blockKey: first!.key, start: 0, end: 3 },
      status: 404,
    });

    const page1 = (await exercise('GET /documents/{id}/annotations', {
      params: { id },
      query: { limit: '2' },
      status: 200,
    })) as { nextCursor: string | null };
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await exercise('GET /documents/{id}/annotations', {
      params: { id },
      query: { limit: '2', cursor: page1.nextCursor!, status: 'open' },
      status: 200,
    })) as { nextCursor: string | null };
    expect(page2.nextCursor).toBeNull();
    await exercise('GET /documents/{id}/annotations', {
      params: { id },
      query: { limit: '0' },
      status: 400,
      invalid: true,
    });

    await exercise('GET /annotations/{id}', { params: { id: span.id }, status: 200 });
    await exercise('GET /annotations/{id}', { params: { id: 'no-such-thread' }, status: 404 });
    const reply = (await exercise('POST /annotations/{id}/comments', {
      params: { id: span.id },
      body: { comment: doc1('Both of them.'), clientKey: 'contract-reply-1' },
      status: 201,
    })) as WithId;
    state.replyId = reply.id;
    // A retry with the same clientKey answers with the first reply (still 201).
    const retried = await exercise('POST /annotations/{id}/comments', {
      params: { id: span.id },
      body: { comment: doc1('Both of them.'), clientKey: 'contract-reply-1' },
      status: 201,
    });
    expect(retried).toEqual({ id: reply.id, created: false });
    await exercise('PATCH /comments/{id}', {
      params: { id: reply.id },
      body: { comment: doc1('Both, really.'), version: 1 },
      status: 200,
    });
    await exercise('PATCH /comments/{id}', {
      params: { id: reply.id },
      body: { comment: doc1('Too late.'), version: 1 },
      status: 409,
    });
    await exercise('PATCH /comments/{id}', {
      params: { id: reply.id },
      body: { comment: doc1('No version.') },
      status: 400,
      invalid: true,
    });
    await exercise('POST /comments/{id}/reactions', {
      params: { id: reply.id },
      body: { emoji: '👍' },
      status: 200,
    });
    await exercise('POST /comments/{id}/reactions', {
      params: { id: reply.id },
      body: { emoji: '🙂' },
      status: 400,
      invalid: true,
    });
    await exercise('PATCH /annotations/{id}', {
      params: { id: span.id },
      body: { status: 'RESOLVED', tags: ['contract', 'order'] },
      status: 200,
    });
    await exercise('PATCH /annotations/{id}', {
      params: { id: span.id },
      body: { status: 'DONE' },
      status: 400,
      invalid: true,
    });
    // Resolved, with an edited reply (comments[1]) that has a reaction: the optional parts filled.
    const thread = (await exercise('GET /annotations/{id}', {
      params: { id: span.id },
      status: 200,
    })) as { resolvedBy: string | null; comments: { reactions: unknown[] }[] };
    expect(thread.resolvedBy).toBe('member');
    expect(thread.comments[1]!.reactions).toHaveLength(1);
  });

  it('revisions re-anchor the annotations', async () => {
    const id = state.documentId!;
    const report = (await exercise('POST /documents/{id}/revisions', {
      params: { id },
      body: {
        format: 'markdown',
        text: '# Contract\n\nThe first paragraph is here.\n\nSomething else entirely now.',
      },
      status: 201,
    })) as { number: number };
    expect(report.number).toBe(2);
    await exercise('POST /documents/{id}/revisions', {
      params: { id },
      multipart: {
        fields: { title: 'Contract' },
        file: {
          name: 'contract.md',
          type: 'text/markdown',
          text: '# Contract\n\nThe first paragraph is here.\n\nSomething else entirely now.',
        },
      },
      status: 201,
    });
    await exercise('POST /documents/{id}/revisions', {
      params: { id },
      body: { text: '' },
      status: 400,
      invalid: true,
    });
    const list = (await exercise('GET /documents/{id}/annotations', {
      params: { id },
      status: 200,
    })) as { items: { anchor: { status: string } | null }[] };
    expect(list.items.map((a) => a.anchor?.status)).toContain('UNCHANGED');
    await exercise('GET /documents/{id}', {
      params: { id },
      query: { revision: '1' },
      status: 200,
    });
    await exercise('GET /documents/{id}', {
      params: { id },
      query: { revision: '9' },
      status: 404,
    });
  });

  it('search', async () => {
    const found = (await exercise('GET /search', {
      query: { q: 'paragraph', document: state.documentId! },
      status: 200,
    })) as { items: { kind: string }[] };
    expect(new Set(found.items.map((h) => h.kind))).toEqual(new Set(['comment', 'quote', 'text']));
    await exercise('GET /search', {
      query: { q: 'paragraph', kind: 'comments', status: 'resolved' },
      status: 200,
    });
    await exercise('GET /search', { status: 400, invalid: true });
    await exercise('GET /search', {
      query: { q: 'x', kind: 'people' },
      status: 400,
      invalid: true,
    });
  });

  it('exports, the public link and live events', async () => {
    const id = state.documentId!;
    for (const format of ['jsonld', 'md', 'csv', 'docx', 'html']) {
      await exercise('GET /documents/{id}/export', {
        params: { id },
        query: { format },
        status: 200,
      });
    }
    await exercise('GET /documents/{id}/export', {
      params: { id },
      query: { format: 'csv', bom: '1' },
      status: 200,
    });
    await exercise('GET /documents/{id}/export', {
      params: { id },
      query: { format: 'pdf' },
      status: 400,
      invalid: true,
    });
    await exercise('GET /documents/{id}/export', {
      params: { id: 'no-such-document' },
      status: 404,
    });

    await exercise('POST /documents/{id}/share', {
      params: { id },
      body: { threads: true },
      status: 200,
    });
    await exercise('POST /documents/{id}/share', {
      params: { id },
      body: { threads: 'yes' },
      status: 400,
      invalid: true,
    });
    await exercise('DELETE /documents/{id}/share', { params: { id }, status: 200 });
    // The owner made makeDocWorld's document: a member may not change its public link.
    await exercise('DELETE /documents/{id}/share', { params: { id: w.document.id }, status: 403 });

    await exercise('GET /documents/{id}/events', { params: { id }, stream: true, status: 200 });
    await exercise('GET /documents/{id}/events', {
      params: { id: 'no-such-document' },
      status: 404,
    });
  });

  it('deleting comments and threads', async () => {
    await exercise('DELETE /comments/{id}', { params: { id: state.replyId! }, status: 200 });
    await exercise('DELETE /comments/{id}', { params: { id: state.replyId! }, status: 404 });
    await exercise('DELETE /annotations/{id}', { params: { id: state.privateId! }, status: 200 });
    await exercise('DELETE /annotations/{id}', { params: { id: state.privateId! }, status: 404 });
    // The shared thread of makeDocWorld is the member's; the owner's token may not delete it.
    const { token } = await createApiToken(w.owner.id, { name: 'owner', scope: 'write' });
    await exercise('DELETE /annotations/{id}', {
      params: { id: w.shared.annotation.id },
      token,
      status: 403,
    });
  });

  it('API tokens', async () => {
    await exercise('GET /tokens', { status: 200 });
    // A token cannot mint tokens; a signed-in person can.
    await exercise('POST /tokens', { body: { name: 'minted' }, status: 403, invalid: true });
    const created = (await exercise('POST /tokens', {
      as: 'session',
      body: { name: 'script', scope: 'read' },
      status: 201,
    })) as WithId;
    await exercise('POST /tokens', {
      as: 'session',
      body: { name: 'script', scope: 'admin' },
      status: 400,
      invalid: true,
    });
    await exercise('GET /tokens', { status: 200 });
    await exercise('DELETE /tokens/{id}', { params: { id: created.id }, status: 200 });
    await exercise('DELETE /tokens/{id}', { params: { id: created.id }, status: 404 });
  });

  // Last: it reads what the steps above saw (run the whole file, not a -t selection).
  it('exercised every operation of the document with a success, and the error shape', () => {
    const unexercised = operations.filter((key) => {
      const successes = Object.keys(operation(key).op.responses).filter((s) => /^2\d\d$/.test(s));
      return !successes.some((status) => seen.has(`${key} ${status}`));
    });
    expect(unexercised).toEqual([]);
    const statuses = new Set([...seen].map((s) => s.split(' ').pop()));
    for (const status of ['400', '401', '403', '404', '409', '415'])
      expect({ status, seen: statuses.has(status) }).toEqual({ status, seen: true });
  });
});
