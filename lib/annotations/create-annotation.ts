/**
 * Creating a highlight, a comment thread on a span, or a thread on a whole paragraph. The span
 * is described with lib/anchoring on the text of the blocks it covers, on the latest revision.
 */
import { z } from 'zod';
import { describe } from '../anchoring';
import { db, Prisma } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { authorize, documentPolicy } from '../policies';
import { actorIn } from '../workspaces/actor';
import { publishDocumentEvent } from '../documents/events';
import { latestRevisionHeld } from '../documents/revision-lock';
import { validateCommentBody } from './comment-body';
import { notifyForComment } from './notify';
import { resolveTarget, targetSchema } from './resolve-target';

export const MAX_TAGS = 10;

/** Tags as given (no default: an update without tags leaves them alone). */
export const tagListSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(40)
      .regex(/^[\p{L}\p{N}_-]+$/u, 'Tags are letters, digits, - and _'),
  )
  .max(MAX_TAGS);

export const tagsSchema = tagListSchema.default([]);

/** Accepts "private"/"workspace" in any case (the public API uses lower case). */
export const visibilitySchema = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(['PRIVATE', 'WORKSPACE']));

export const createAnnotationSchema = z
  .object({
    // Either a selection in block offsets...
    blockKey: z.string().min(1).max(40).optional(),
    endBlockKey: z.string().min(1).max(40).optional(),
    // Omit both for a thread on the whole paragraph.
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    // ...or W3C selectors, resolved against the current text.
    target: targetSchema.optional(),
    visibility: visibilitySchema.default('WORKSPACE'),
    tags: tagsSchema,
    // The first comment (a Tiptap document); `comment` in the public API, `body` in the UI.
    comment: z.unknown().optional(),
    body: z.unknown().optional(),
    clientKey: z.string().min(8).max(64).optional(),
  })
  .strict()
  .refine((v) => (v.start === undefined) === (v.end === undefined), {
    message: 'Give both start and end, or neither',
    path: ['end'],
  })
  .refine((v) => (v.blockKey === undefined) !== (v.target === undefined), {
    message: 'Give either blockKey (with start and end) or target',
    path: ['blockKey'],
  });

const SEPARATOR = '\n\n';

export async function createAnnotation(userId: string, documentId: string, input: unknown) {
  const parsed = parseInput(createAnnotationSchema, input);
  const data = { ...parsed, body: parsed.comment ?? parsed.body };
  const span = (data.start !== undefined && data.end !== undefined) || data.target !== undefined;
  if (!span && data.body === undefined) {
    throw new AppError('BAD_REQUEST', 'A paragraph thread needs a comment.', {
      fields: { body: ['Write a comment'] },
    });
  }
  return db().$transaction(async (tx) => {
    const document = await tx.document.findUnique({
      where: { id: documentId },
      select: { id: true, workspaceId: true, createdById: true },
    });
    const actor = document ? await actorIn(tx, document.workspaceId, userId) : null;
    authorize({
      visible: !!actor && documentPolicy(actor, 'document:read', document!),
      allowed: !!actor && documentPolicy(actor, 'annotation:create', document!),
    });
    if (data.clientKey) {
      // A retried create (after a timeout) returns what the first attempt made.
      const earlier = await tx.comment.findUnique({
        where: { authorId_clientKey: { authorId: userId, clientKey: data.clientKey } },
        select: { annotationId: true },
      });
      if (earlier) return { id: earlier.annotationId, created: false };
    }
    // Stays the latest revision until this annotation is committed.
    const revision = await latestRevisionHeld(tx, documentId, {
      id: true,
      blocks: { orderBy: { position: 'asc' }, select: { key: true, text: true } },
    });
    if (data.target) Object.assign(data, resolveTarget(data.target, revision.blocks));
    const first = revision.blocks.findIndex((b) => b.key === data.blockKey);
    const last = revision.blocks.findIndex((b) => b.key === (data.endBlockKey ?? data.blockKey));
    if (first < 0 || last < 0 || last < first) {
      throw new AppError(
        'BAD_REQUEST',
        'The selected paragraphs are not in the current revision.',
        {
          fields: { blockKey: ['Unknown paragraph'] },
        },
      );
    }
    let selector: ReturnType<typeof describe> | null = null;
    if (span) {
      const covered = revision.blocks.slice(first, last + 1);
      const joined = covered.map((b) => b.text).join(SEPARATOR);
      const lastStart = joined.length - covered[covered.length - 1]!.text.length;
      const start = data.start!;
      const end = lastStart + data.end!;
      if (
        start > covered[0]!.text.length ||
        data.end! > covered[covered.length - 1]!.text.length ||
        end <= start
      ) {
        throw new AppError('BAD_REQUEST', 'The selection is outside the paragraph text.', {
          fields: { end: ['Out of range'] },
        });
      }
      // Context comes from the whole document so prefix/suffix reach across paragraph breaks.
      const all = revision.blocks.map((b) => b.text).join(SEPARATOR);
      const offset = revision.blocks
        .slice(0, first)
        .reduce((n, b) => n + b.text.length + SEPARATOR.length, 0);
      selector = describe(all, offset + start, offset + end);
    }
    const comment =
      data.body === undefined
        ? null
        : await validateCommentBody(tx, document!.workspaceId, data.body);
    const annotation = await tx.annotation.create({
      data: {
        documentId,
        authorId: userId,
        revisionId: revision.id,
        exact: selector?.quote.exact ?? '',
        prefix: selector?.quote.prefix ?? '',
        suffix: selector?.quote.suffix ?? '',
        visibility: data.visibility,
        tags: [...new Set(data.tags)],
        anchors: {
          create: {
            revisionId: revision.id,
            blockKey: data.blockKey,
            endBlockKey: data.endBlockKey ?? data.blockKey,
            start: span ? data.start! : null,
            end: span ? data.end! : null,
            exact: selector?.quote.exact ?? '',
            status: 'CREATED',
          },
        },
      },
      select: { id: true },
    });
    if (comment) {
      const created = await tx.comment.create({
        data: {
          annotationId: annotation.id,
          authorId: userId,
          body: comment.doc as unknown as Prisma.InputJsonValue,
          bodyText: comment.text,
          clientKey: data.clientKey ?? null,
        },
        select: { id: true },
      });
      await notifyForComment(tx, {
        commentId: created.id,
        annotationId: annotation.id,
        annotationAuthorId: userId,
        writerId: userId,
        mentions: comment.mentions,
        privateTo: data.visibility === 'PRIVATE' ? userId : null,
        // A new thread: its only comment is this one.
        participants: [],
      });
    }
    await publishDocumentEvent(tx, documentId, 'annotation.created', {
      annotationId: annotation.id,
      visibility: data.visibility,
      authorId: userId,
    });
    return { id: annotation.id, created: true };
  });
}
