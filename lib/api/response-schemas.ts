/**
 * The response bodies of /api/v1, as zod schemas registered under the names they have in the
 * OpenAPI document (`components.schemas`). They describe what the handlers return today, field
 * for field: __tests__/integration/openapi-contract.test.ts checks every operation's real response
 * against the document built from them, so a handler that changes its output, or leaks a field,
 * fails CI until this file (and the document) says so.
 *
 * Objects are closed (`additionalProperties: false` in the document): every field is listed.
 * Dates are ISO 8601 strings in UTC (`Date` serialised by `JSON.stringify`). Annotations, threads
 * and comments are in ./thread-response-schemas.ts.
 */
import { z } from 'zod';
import { Role } from '../db/generated/enums';
import { BLOCK_TYPES } from '../documents/blocks';
import { ERROR_STATUS, type ErrorCode } from '../errors/app-error';
import { ANNO_CONTEXT } from '../export/w3c';

/**
 * The schemas that become `components.schemas`, by name. ./thread-response-schemas.ts adds its
 * own when it is imported (lib/api/openapi.ts imports both).
 */
export const apiSchemas = z.registry<{ id: string }>();

/** Registers a schema under its document name; descriptions go through `.describe()`. */
export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  const described = description ? (schema.describe(description) as S) : schema;
  apiSchemas.add(described, { id });
  return described;
}

export const dateTime = z.iso.datetime();
export const count = z.number().int().min(0);
const role = z.enum(Role);

// ── Errors ─────────────────────────────────────────────────────────────────────────────────────

export const errorResponse = named(
  'Error',
  z.object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Per-field messages for invalid input; `_` for the body as a whole.'),
    }),
  }),
  'Every error: a stable code, a message safe to show, and per-field messages for invalid input.',
);

// ── Small acknowledgements ─────────────────────────────────────────────────────────────────────

export const createdId = named('Created', z.object({ id: z.string() }));
export const deleted = named('Deleted', z.object({ deleted: z.literal(true) }));
export const revoked = named('Revoked', z.object({ revoked: z.literal(true) }));

// ── Workspaces ─────────────────────────────────────────────────────────────────────────────────

/** POST /workspaces and PATCH /workspaces/{id}. */
export const workspace = named(
  'Workspace',
  z.object({ id: z.string(), slug: z.string(), name: z.string() }),
);

/** GET /workspaces/{id}: with its creation date and your role. */
export const workspaceDetail = named(
  'WorkspaceDetail',
  workspace.extend({ createdAt: dateTime, role }),
);

export const workspaceSummary = named(
  'WorkspaceSummary',
  workspace.extend({ role, documentCount: count }),
);

export const workspaceList = named(
  'WorkspaceList',
  z.object({ items: z.array(workspaceSummary) }),
  'Newest first.',
);

// ── Documents ──────────────────────────────────────────────────────────────────────────────────

export const documentSummary = named(
  'DocumentSummary',
  z.object({
    id: z.string(),
    title: z.string(),
    source: z.string().nullable(),
    publishedOn: z.string().nullable(),
    lastActivityAt: dateTime,
    revisions: count,
    annotations: count.describe("Annotations you may see: the workspace's and your private ones."),
    openThreads: count,
  }),
);

export const documentList = named(
  'DocumentList',
  z.object({ items: z.array(documentSummary) }),
  'The library (at most 500 documents, no pagination).',
);

export const block = named(
  'Block',
  z.object({ key: z.string(), index: count, type: z.enum(BLOCK_TYPES), text: z.string() }),
  '`key` is stable across revisions; the reader links to #p-<key>.',
);

/** PATCH /documents/{id}. */
export const documentDetails = named(
  'DocumentDetails',
  z.object({
    id: z.string(),
    title: z.string(),
    source: z.string().nullable(),
    publishedOn: z.string().nullable(),
  }),
);

/** GET /documents/{id}. */
export const documentWithBlocks = named(
  'DocumentWithBlocks',
  documentDetails.extend({
    workspace: z.object({ slug: z.string(), name: z.string() }),
    revisions: z.array(
      z.object({
        number: z.number().int().min(1),
        createdAt: dateTime,
        sourceType: z.string(),
        by: z.string(),
      }),
    ),
    abilities: z.object({ update: z.boolean(), revise: z.boolean(), annotate: z.boolean() }),
    revision: z.number().int().min(1).describe('The number of the revision whose blocks follow.'),
    blocks: z.array(block),
  }),
);

export const revisionReport = named(
  'RevisionReport',
  z.object({
    id: z.string(),
    number: z.number().int().min(1),
    blocks: z.object({ kept: count, added: count, removed: count }),
    annotations: z.object({ UNCHANGED: count, MOVED: count, EDITED: count, ORPHANED: count }),
  }),
  'The new revision and how the annotations moved onto it.',
);

export const publicLink = named(
  'PublicLink',
  z.object({ token: z.string(), path: z.string(), threads: z.boolean() }),
  'The read-only link is `path` (/p/<token>); `threads` says whether it shows workspace threads.',
);

export const publicLinkRevoked = named(
  'PublicLinkRevoked',
  z.object({ token: z.null(), path: z.null() }),
);

/** GET /documents/{id}/export?format=jsonld: the W3C Web Annotation collection. */
export const annotationCollection = named(
  'AnnotationCollection',
  z.object({
    '@context': z.literal(ANNO_CONTEXT),
    id: z.string(),
    type: z.literal('AnnotationCollection'),
    label: z.string(),
    generated: dateTime,
    first: z.object({
      id: z.string(),
      type: z.literal('AnnotationPage'),
      partOf: z.string(),
      startIndex: z.literal(0),
      items: z.array(
        z.looseObject({
          '@context': z.literal(ANNO_CONTEXT),
          id: z.string(),
          type: z.literal('Annotation'),
          motivation: z.enum(['commenting', 'highlighting', 'replying']),
          created: dateTime,
          modified: dateTime,
          target: z.unknown(),
        }),
      ),
    }),
    last: z.string(),
    total: count,
  }),
  'W3C Web Annotation Data Model (JSON-LD): one collection, one embedded page with every item.',
);

// ── Search ─────────────────────────────────────────────────────────────────────────────────────

export const searchHit = named(
  'SearchHit',
  z.object({
    kind: z.enum(['comment', 'quote', 'text']),
    documentId: z.string(),
    documentTitle: z.string(),
    blockKey: z.string().nullable(),
    annotationId: z.string().nullable(),
    commentId: z.string().nullable(),
    author: z.string().nullable(),
    createdAt: dateTime.nullable(),
    snippet: z.string().describe('Matches are wrapped in ⟦ ⟧.'),
    rank: z.number(),
    paragraph: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe('The 1-based paragraph number on the latest revision.'),
  }),
);

export const searchResults = named(
  'SearchResults',
  z.object({ query: z.string(), items: z.array(searchHit) }),
  'Best matches first.',
);

// ── API tokens ─────────────────────────────────────────────────────────────────────────────────

export const apiToken = named(
  'ApiToken',
  z.object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(['read', 'write']),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart.'),
    createdAt: dateTime,
    lastUsedAt: dateTime.nullable(),
  }),
);

export const apiTokenList = named(
  'ApiTokenList',
  z.object({ items: z.array(apiToken) }),
  'Active tokens, newest first.',
);

export const createdApiToken = named(
  'CreatedApiToken',
  apiToken.extend({ token: z.string().regex(/^crt_/) }),
  'The token itself is in `token`, shown this once.',
);
