/**
 * The response bodies of the annotation, thread and comment operations of /api/v1, registered in
 * `apiSchemas` like those of ./response-schemas.ts (see there).
 */
import { z } from 'zod';
import { REACTIONS } from '../annotations/threads';
import { AnchorStatus, ThreadStatus, Visibility } from '../db/generated/enums';
import { count, dateTime, named } from './response-schemas';

const visibility = z.enum(Visibility);
const threadStatus = z.enum(ThreadStatus);

// ── Annotations and threads ────────────────────────────────────────────────────────────────────

const person = z.object({ id: z.string(), name: z.string() });

export const selectors = named(
  'Selectors',
  z.object({
    quote: z.object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
    }),
    blockKey: z.string().nullable(),
    endBlockKey: z.string().nullable(),
    position: z
      .object({ type: z.literal('TextPositionSelector'), start: count, end: count })
      .nullable()
      .describe(
        "Offsets in the first and last block's text; null for a whole-paragraph thread or an orphan.",
      ),
  }),
  'Where the annotation sits on the latest revision (the quote is the one it was made with).',
);

export const anchor = named(
  'Anchor',
  z.object({ status: z.enum(AnchorStatus), exact: z.string(), confidence: z.number() }).nullable(),
  'How the annotation was carried onto the latest revision; null when it has no anchor there.',
);

/** An item of GET /documents/{id}/annotations, and the answer of PATCH /annotations/{id}. */
export const annotation = named(
  'Annotation',
  z.object({
    id: z.string(),
    author: person,
    visibility,
    status: threadStatus,
    tags: z.array(z.string()),
    selectors,
    anchor,
    commentCount: count,
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
);

export const annotationList = named(
  'AnnotationList',
  z.object({
    items: z.array(annotation),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; null on the last page (always present).'),
  }),
);

export const comment = named(
  'Comment',
  z.object({
    id: z.string(),
    parentId: z.string().nullable(),
    authorId: z.string(),
    authorName: z.string(),
    createdAt: dateTime,
    editedAt: dateTime.nullable(),
    version: z.number().int().min(1),
    state: z.enum(['visible', 'deleted', 'hidden', 'hidden-visible-to-you']),
    html: z
      .string()
      .describe('Rendered, sanitised HTML; empty when the comment is deleted or hidden from you.'),
    reactions: z.array(
      z.object({
        emoji: z.enum(REACTIONS),
        count: z.number().int().min(1),
        mine: z.boolean(),
        who: z.array(z.string()),
      }),
    ),
    abilities: z.object({ edit: z.boolean(), delete: z.boolean(), hide: z.boolean() }),
  }),
  'A comment in a thread; deleted comments stay as placeholders so replies keep their place.',
);

/** GET /annotations/{id}. */
export const thread = named(
  'Thread',
  z.object({
    id: z.string(),
    quote: z.string(),
    tags: z.array(z.string()),
    visibility,
    status: threadStatus,
    resolvedAt: dateTime.nullable(),
    resolvedBy: z.string().nullable().describe('The name of who resolved it.'),
    author: person,
    createdAt: dateTime,
    comments: z.array(comment),
    abilities: z.object({
      reply: z.boolean(),
      resolve: z.boolean(),
      update: z.boolean(),
      delete: z.boolean(),
    }),
    selectors,
    anchor,
    commentCount: count,
  }),
  'An annotation with its comments, oldest first.',
);

/** POST /documents/{id}/annotations. */
export const createdThread = named(
  'CreatedThread',
  thread.extend({
    created: z.boolean().describe('False when a retry with the same `clientKey` found it.'),
  }),
);

// ── Comments ───────────────────────────────────────────────────────────────────────────────────

/** POST /annotations/{id}/comments. */
export const reply = named(
  'Reply',
  z.object({
    id: z.string(),
    created: z.boolean().describe('False when a retry with the same `clientKey` found it.'),
  }),
);

export const commentVersion = named(
  'CommentVersion',
  z.object({ id: z.string(), version: z.number().int().min(2) }),
  'The edited comment and its new version (send it with the next edit).',
);

export const commentDeleted = named(
  'CommentDeleted',
  z.object({ threadDeleted: z.boolean() }),
  '`threadDeleted`: the thread had nothing else left and is gone.',
);

export const reaction = named(
  'ReactionToggle',
  z.object({ emoji: z.enum(REACTIONS), reacted: z.boolean() }),
  '`reacted`: whether your reaction is now there (a second toggle removes it).',
);
