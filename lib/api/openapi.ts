/**
 * The OpenAPI 3.1 document of /api/v1, built from the same zod schemas the handlers validate
 * with, so the description cannot drift from what the server accepts; responses come from the
 * schemas of ./response-schemas.ts, which __tests__/integration/openapi-contract.test.ts holds
 * to what the handlers really answer.
 */
import { z } from 'zod';
import { createAnnotationSchema } from '../annotations/create-annotation';
import { editSchema, replySchema } from '../annotations/comments';
import { listAnnotationsSchema } from '../annotations/list-annotations';
import { reactionSchema } from '../annotations/reactions';
import { updateThreadSchema } from '../annotations/threads';
import { createTokenSchema } from '../auth/api-tokens';
import { documentQuerySchema } from '../documents/document-json';
import { pasteSchema } from '../documents/import-document';
import { librarySchema } from '../documents/library';
import { shareSchema, updateDocumentSchema } from '../documents/manage-document';
import { EXPORT_FORMATS } from '../export';
import { searchSchema } from '../search/search';
import { createWorkspaceSchema, updateWorkspaceSchema } from '../workspaces/manage';
import * as r from './response-schemas';
import * as t from './thread-response-schemas';

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

/** `components.schemas`: every response schema, cross-referenced by `$ref`. */
function componentSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(r.apiSchemas, {
    io: 'output',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    // `format: date-time` says it; zod's long equivalent pattern would only add noise.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...schema }]) => [name, schema]),
  );
}

/** A `$ref` to a registered response schema (throws for one that is not registered). */
function ref(schema: z.ZodType) {
  const id = r.apiSchemas.get(schema)?.id;
  if (!id) throw new Error('openapi: response schema is not registered in apiSchemas');
  return { $ref: `#/components/schemas/${id}` };
}

function queryParams(schema: z.ZodObject) {
  const s = json(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: s.required?.includes(name) ?? false,
    schema,
  }));
}

const pathParam = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});
const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: json(schema) } },
});
/** A document or a new revision: pasted text as JSON, or an uploaded file. */
const submission = {
  required: true,
  content: {
    'application/json': { schema: json(pasteSchema) },
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: {
          file: { type: 'string', contentMediaType: 'application/octet-stream' },
          title: { type: 'string' },
          source: { type: 'string' },
          publishedOn: { type: 'string' },
        },
        required: ['file'],
      },
    },
  },
};

const errorContent = { 'application/json': { schema: ref(r.errorResponse) } };

/** The error answers an operation declares, by status (`components.responses`). */
const ERRORS = {
  400: ['BadRequest', 'The request is not valid (`fields` says which parts).'],
  401: ['Unauthenticated', 'No valid API token or session.'],
  403: ['Forbidden', 'Not allowed (or a read-only token asked to write).'],
  404: ['NotFound', 'There is no such resource, or you may not see it.'],
  409: ['Conflict', 'It conflicts with the current state.'],
  413: ['PayloadTooLarge', 'The request body is too large.'],
  415: ['UnsupportedMediaType', 'The body is not application/json (or multipart where allowed).'],
  429: ['RateLimited', 'The API token spent its requests of this minute (see Retry-After).'],
} as const;
type ErrorStatus = keyof typeof ERRORS;

const READ: ErrorStatus[] = [401, 404];
const READ_QUERY: ErrorStatus[] = [400, 401, 404];
const WRITE: ErrorStatus[] = [400, 401, 403, 404, 413, 415];
const REMOVE: ErrorStatus[] = [401, 403, 404];

function errorResponses(statuses: ErrorStatus[]) {
  const all = [...new Set<ErrorStatus>([...statuses, 401, 429])].sort();
  return {
    ...Object.fromEntries(
      all.map((s) => [String(s), { $ref: `#/components/responses/${ERRORS[s][0]}` }]),
    ),
    default: {
      description: 'Unexpected error (500 INTERNAL, 503 UNAVAILABLE)',
      content: errorContent,
    },
  };
}

/** The success answer (a JSON body described by `schema`) and the error answers. */
function ok(
  schema: z.ZodType,
  description: string,
  errors: ErrorStatus[],
  status: '200' | '201' = '200',
) {
  return {
    [status]: { description, content: { 'application/json': { schema: ref(schema) } } },
    ...errorResponses(errors),
  };
}

/** Export formats by media type (the Content-Type sent has parameters such as charset). */
function exportContent() {
  const content: Record<string, object> = {};
  for (const format of Object.values(EXPORT_FORMATS)) {
    const type = format.contentType.split(';')[0]!.trim();
    content[type] = {
      schema:
        type === 'application/ld+json'
          ? ref(r.annotationCollection)
          : type.startsWith('text/')
            ? { type: 'string' }
            : { type: 'string', contentMediaType: type },
    };
  }
  return content;
}

type Op = {
  summary: string;
  parameters?: object[];
  requestBody?: object;
  responses: object;
  security?: object[];
};

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, Op>> = {
    '/workspaces': {
      get: {
        summary: 'Workspaces you belong to',
        responses: ok(r.workspaceList, '{ items }', []),
      },
      post: {
        summary: 'Create a workspace',
        requestBody: body(createWorkspaceSchema),
        responses: ok(r.workspace, 'The workspace', [400, 403, 409, 413, 415], '201'),
      },
    },
    '/workspaces/{id}': {
      get: {
        summary: 'A workspace (by id or slug)',
        parameters: [pathParam('id')],
        responses: ok(r.workspaceDetail, 'The workspace and your role', READ),
      },
      patch: {
        summary: 'Rename a workspace',
        parameters: [pathParam('id')],
        requestBody: body(updateWorkspaceSchema),
        responses: ok(r.workspace, 'The workspace', WRITE),
      },
    },
    '/workspaces/{id}/documents': {
      get: {
        summary: 'The library',
        parameters: [pathParam('id'), ...queryParams(librarySchema)],
        responses: ok(r.documentList, '{ items }', READ),
      },
      post: {
        summary:
          'Create a document from text, Markdown or HTML (JSON), or from a file (multipart `file`)',
        parameters: [pathParam('id')],
        requestBody: submission,
        responses: ok(r.createdId, '{ id }', WRITE, '201'),
      },
    },
    '/documents/{id}': {
      get: {
        summary: 'A document with the blocks of a revision',
        parameters: [pathParam('id'), ...queryParams(documentQuerySchema)],
        responses: ok(
          r.documentWithBlocks,
          '{ id, title, revision, blocks: [{ key, index, type, text }], … }',
          READ_QUERY,
        ),
      },
      patch: {
        summary: 'Edit title, source, date',
        parameters: [pathParam('id')],
        requestBody: body(updateDocumentSchema),
        responses: ok(r.documentDetails, 'The document', WRITE),
      },
    },
    '/documents/{id}/revisions': {
      post: {
        summary: 'Upload a new version; annotations are re-anchored',
        parameters: [pathParam('id')],
        requestBody: submission,
        responses: ok(r.revisionReport, '{ id, number, blocks, annotations }', WRITE, '201'),
      },
    },
    '/documents/{id}/annotations': {
      get: {
        summary: 'Annotations you may see',
        parameters: [pathParam('id'), ...queryParams(listAnnotationsSchema)],
        responses: ok(t.annotationList, '{ items, nextCursor }', READ_QUERY),
      },
      post: {
        summary: 'Highlight or start a thread',
        parameters: [pathParam('id')],
        requestBody: body(createAnnotationSchema),
        responses: ok(
          t.createdThread,
          'The annotation with selectors, anchor and thread',
          WRITE,
          '201',
        ),
      },
    },
    '/documents/{id}/export': {
      get: {
        summary: 'Export the discussion',
        parameters: [
          pathParam('id'),
          {
            name: 'format',
            in: 'query',
            description: '`w3c` and `markdown` are accepted for `jsonld` and `md`.',
            schema: { type: 'string', enum: ['jsonld', 'md', 'csv', 'docx', 'html'] },
          },
          { name: 'bom', in: 'query', schema: { type: 'string', enum: ['1'] } },
        ],
        responses: {
          '200': {
            description: 'The file (Content-Disposition: attachment)',
            content: exportContent(),
          },
          ...errorResponses(READ_QUERY),
        },
      },
    },
    '/documents/{id}/share': {
      post: {
        summary: 'Publish a read-only link',
        parameters: [pathParam('id')],
        requestBody: body(shareSchema),
        responses: ok(r.publicLink, '{ token, path, threads }', WRITE),
      },
      delete: {
        summary: 'Revoke the public link',
        parameters: [pathParam('id')],
        responses: ok(r.publicLinkRevoked, '{ token: null, path: null }', REMOVE),
      },
    },
    '/documents/{id}/events': {
      get: {
        summary: 'Live events (text/event-stream; Last-Event-ID resumes)',
        parameters: [pathParam('id')],
        responses: {
          '200': {
            description: 'Server-sent events',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...errorResponses(READ),
        },
      },
    },
    '/annotations/{id}': {
      get: {
        summary: 'A thread',
        parameters: [pathParam('id')],
        responses: ok(t.thread, 'The thread', READ),
      },
      patch: {
        summary: 'Resolve/reopen, tags, visibility',
        parameters: [pathParam('id')],
        requestBody: body(updateThreadSchema),
        responses: ok(t.annotation, 'The annotation (without its comments)', WRITE),
      },
      delete: {
        summary: 'Delete (author)',
        parameters: [pathParam('id')],
        responses: ok(r.deleted, '{ deleted }', REMOVE),
      },
    },
    '/annotations/{id}/comments': {
      post: {
        summary: 'Reply',
        parameters: [pathParam('id')],
        requestBody: body(replySchema),
        responses: ok(t.reply, '{ id, created }', [...WRITE, 409], '201'),
      },
    },
    '/comments/{id}': {
      patch: {
        summary: 'Edit (409 on a stale version)',
        parameters: [pathParam('id')],
        requestBody: body(editSchema),
        responses: ok(t.commentVersion, '{ id, version }', [...WRITE, 409]),
      },
      delete: {
        summary: 'Delete (a placeholder keeps the thread shape)',
        parameters: [pathParam('id')],
        responses: ok(t.commentDeleted, '{ threadDeleted }', REMOVE),
      },
    },
    '/comments/{id}/reactions': {
      post: {
        summary: 'Toggle a reaction',
        parameters: [pathParam('id')],
        requestBody: body(reactionSchema),
        responses: ok(t.reaction, '{ emoji, reacted }', WRITE),
      },
    },
    '/search': {
      get: {
        summary: 'Full-text search',
        parameters: queryParams(searchSchema),
        responses: ok(r.searchResults, '{ query, items }', [400]),
      },
    },
    '/tokens/{id}': {
      delete: {
        summary: 'Revoke a token',
        parameters: [pathParam('id')],
        responses: ok(r.revoked, '{ revoked }', REMOVE),
      },
    },
    '/tokens': {
      get: { summary: 'Your API tokens', responses: ok(r.apiTokenList, '{ items }', []) },
      post: {
        summary: 'Create a token (session only; shown once)',
        security: [{ session: [] }],
        requestBody: body(createTokenSchema),
        responses: ok(r.createdApiToken, 'The token', [400, 403, 409, 413, 415], '201'),
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Closeread API',
      version: 'v1',
      description: 'Close-read documents together: documents, annotations, threads, exports.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token (crt_…) from account settings',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
      schemas: componentSchemas(),
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, [name, description]]) => [
          name,
          {
            description,
            ...(status === '429'
              ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } } }
              : {}),
            content: errorContent,
          },
        ]),
      ),
    },
    paths,
  };
}
