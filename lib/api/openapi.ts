/**
 * The OpenAPI 3.1 document of /api/v1, built from the same zod schemas the handlers validate
 * with, so the description cannot drift from what the server accepts.
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
import { searchSchema } from '../search/search';
import { createWorkspaceSchema, updateWorkspaceSchema } from '../workspaces/manage';

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

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
const ok = (description: string, status = '200') => ({
  [status]: { description, content: { 'application/json': { schema: { type: 'object' } } } },
  default: {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
});

type Op = { summary: string; parameters?: object[]; requestBody?: object; responses: object };

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, Op>> = {
    '/workspaces': {
      get: { summary: 'Workspaces you belong to', responses: ok('{ items }') },
      post: {
        summary: 'Create a workspace',
        requestBody: body(createWorkspaceSchema),
        responses: ok('The workspace', '201'),
      },
    },
    '/workspaces/{id}': {
      get: {
        summary: 'A workspace',
        parameters: [pathParam('id')],
        responses: ok('The workspace'),
      },
      patch: {
        summary: 'Rename a workspace',
        parameters: [pathParam('id')],
        requestBody: body(updateWorkspaceSchema),
        responses: ok('The workspace'),
      },
    },
    '/workspaces/{id}/documents': {
      get: {
        summary: 'The library',
        parameters: [pathParam('id'), ...queryParams(librarySchema)],
        responses: ok('{ items }'),
      },
      post: {
        summary:
          'Create a document from text, Markdown or HTML (JSON), or from a file (multipart `file`)',
        parameters: [pathParam('id')],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: json(pasteSchema) },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'string', format: 'binary' },
                  title: { type: 'string' },
                },
                required: ['file'],
              },
            },
          },
        },
        responses: ok('{ id }', '201'),
      },
    },
    '/documents/{id}': {
      get: {
        summary: 'A document with the blocks of a revision',
        parameters: [pathParam('id'), ...queryParams(documentQuerySchema)],
        responses: ok('{ id, title, revision, blocks: [{ key, index, type, text }] }'),
      },
      patch: {
        summary: 'Edit title, source, date',
        parameters: [pathParam('id')],
        requestBody: body(updateDocumentSchema),
        responses: ok('The document'),
      },
    },
    '/documents/{id}/revisions': {
      post: {
        summary: 'Upload a new version; annotations are re-anchored',
        parameters: [pathParam('id')],
        requestBody: body(pasteSchema),
        responses: ok('{ id, number, blocks, annotations }', '201'),
      },
    },
    '/documents/{id}/annotations': {
      get: {
        summary: 'Annotations you may see',
        parameters: [pathParam('id'), ...queryParams(listAnnotationsSchema)],
        responses: ok('{ items, nextCursor }'),
      },
      post: {
        summary: 'Highlight or start a thread',
        parameters: [pathParam('id')],
        requestBody: body(createAnnotationSchema),
        responses: ok('The annotation with selectors, anchor and thread', '201'),
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
            schema: { enum: ['jsonld', 'md', 'csv', 'docx', 'html'] },
          },
          { name: 'bom', in: 'query', schema: { enum: ['1'] } },
        ],
        responses: { '200': { description: 'The file' } },
      },
    },
    '/documents/{id}/share': {
      post: {
        summary: 'Publish a read-only link',
        parameters: [pathParam('id')],
        requestBody: body(shareSchema),
        responses: ok('{ token, path }'),
      },
      delete: {
        summary: 'Revoke the public link',
        parameters: [pathParam('id')],
        responses: ok('{ token: null }'),
      },
    },
    '/documents/{id}/events': {
      get: {
        summary: 'Live events (text/event-stream; Last-Event-ID resumes)',
        parameters: [pathParam('id')],
        responses: { '200': { description: 'Server-sent events' } },
      },
    },
    '/annotations/{id}': {
      get: { summary: 'A thread', parameters: [pathParam('id')], responses: ok('The thread') },
      patch: {
        summary: 'Resolve/reopen, tags, visibility',
        parameters: [pathParam('id')],
        requestBody: body(updateThreadSchema),
        responses: ok('The annotation'),
      },
      delete: {
        summary: 'Delete (author)',
        parameters: [pathParam('id')],
        responses: ok('{ deleted }'),
      },
    },
    '/annotations/{id}/comments': {
      post: {
        summary: 'Reply',
        parameters: [pathParam('id')],
        requestBody: body(replySchema),
        responses: ok('{ id }', '201'),
      },
    },
    '/comments/{id}': {
      patch: {
        summary: 'Edit (409 on a stale version)',
        parameters: [pathParam('id')],
        requestBody: body(editSchema),
        responses: ok('{ id, version }'),
      },
      delete: {
        summary: 'Delete (a placeholder keeps the thread shape)',
        parameters: [pathParam('id')],
        responses: ok('{ threadDeleted }'),
      },
    },
    '/comments/{id}/reactions': {
      post: {
        summary: 'Toggle a reaction',
        parameters: [pathParam('id')],
        requestBody: body(reactionSchema),
        responses: ok('{ emoji, reacted }'),
      },
    },
    '/search': {
      get: {
        summary: 'Full-text search',
        parameters: queryParams(searchSchema),
        responses: ok('{ query, items }'),
      },
    },
    '/tokens/{id}': {
      delete: {
        summary: 'Revoke a token',
        parameters: [pathParam('id')],
        responses: ok('{ revoked }'),
      },
    },
    '/tokens': {
      get: { summary: 'Your API tokens', responses: ok('{ items }') },
      post: {
        summary: 'Create a token (session only; shown once)',
        requestBody: body(createTokenSchema),
        responses: ok('The token', '201'),
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
      schemas: { Error: json(errorSchema) },
    },
    paths,
  };
}
