/**
 * PUT and DELETE of one member, with the protocol's optimistic concurrency: `If-Match` with the
 * member's current ETag is required (428 without it, 412 when it is stale). Checks run in HTTP's
 * order: NOT_FOUND (cannot see it), FORBIDDEN (may not change it), then the precondition, then
 * the body (400).
 *
 * PUT replaces what Closeread can replace, through the existing domain functions:
 * - the comment (the thread's first visible comment, or the reply) — lib/annotations/comments.ts
 *   editComment, with the comment's version so a concurrent edit turns into 412; a highlight
 *   given a comment gets one (replyToThread);
 * - tags and, when `audience` is given, visibility — lib/annotations/threads.ts updateThread.
 * The target must stay where it is ("cannot move": 400); the comment cannot be removed (DELETE
 * the annotation instead). Everything is validated first, then the steps run in one transaction
 * (the domain functions accept the caller's), so a PUT is applied whole or not at all.
 * DELETE removes a thread with deleteThread (its author) or a reply with deleteComment.
 */
import { replyToThread, editComment, deleteComment } from '../annotations/comments';
import { resolveTarget, targetSchema } from '../annotations/resolve-target';
import { deleteThread, updateThread } from '../annotations/threads';
import { db } from '../db/client';
import type { Tx } from '../db/tx';
import { AppError, isAppError } from '../errors/app-error';
import { parseInput } from '../http/validate';
import { annotationPolicy, authorize } from '../policies';
import { renderCommentHtml } from '../richtext';
import { commentDocFor } from './comment-body';
import {
  ProtocolError,
  assertAcceptable,
  assertIfMatch,
  representation,
  type ProtocolRequest,
  type ProtocolResult,
} from './http';
import type { ContainerScope, LoadedMember } from './members';
import { loadMember } from './members';
import { readIncomingAnnotation, type IncomingTarget } from './parse-annotation';
import { openMember } from './read-member';

function authorizeWrite(scope: ContainerScope, member: LoadedMember, action: 'update' | 'delete') {
  const a = member.annotation;
  const allowed =
    member.key.kind === 'thread'
      ? annotationPolicy(scope.actor, `annotation:${action}`, a)
      : a.comments.find((c) => c.id === member.commentId)?.authorId === scope.userId;
  authorize({ visible: true, allowed });
}

/** JSON with sorted keys, so two equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const cannotMove = (message: string) =>
  new AppError('BAD_REQUEST', `target: ${message}`, { fields: { target: [message] } });

/** The target given back must name the same text (or the same parent, for a reply). */
function assertSameTarget(scope: ContainerScope, member: LoadedMember, given: IncomingTarget) {
  const current = member.item.target;
  if (member.key.kind === 'reply') {
    if (given.kind !== 'iri' || given.iri !== current)
      throw cannotMove('A reply cannot be moved to another annotation');
    return;
  }
  if (given.kind !== 'selectors') throw cannotMove('An annotation cannot become a reply');
  if (canonical(given.value) === canonical(current)) return;
  const target = parseInput(targetSchema, given.value);
  const { anchor } = member.annotation;
  let span: ReturnType<typeof resolveTarget>;
  try {
    span = resolveTarget(target, scope.document.blocks);
  } catch (err) {
    if (isAppError(err) && err.code === 'BAD_REQUEST')
      throw cannotMove('Annotations cannot be moved');
    throw err;
  }
  const same =
    span.blockKey === anchor.blockKey &&
    span.endBlockKey === (anchor.endBlockKey ?? anchor.blockKey) &&
    span.start === anchor.start &&
    span.end === anchor.end;
  if (!same) throw cannotMove('Annotations cannot be moved: create a new one instead');
}

/** Edits the comment when its text changes; a concurrent edit (version moved on) is a 412. */
async function editIfChanged(
  tx: Tx,
  member: LoadedMember,
  userId: string,
  doc: Parameters<typeof renderCommentHtml>[0],
) {
  const commentId = member.commentId!;
  const current = member.annotation.comments.find((c) => c.id === commentId);
  if (current && renderCommentHtml(doc) === current.html) return;
  const { version } = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { version: true },
  });
  try {
    await editComment(userId, commentId, { comment: doc, version }, tx);
  } catch (err) {
    if (isAppError(err) && err.code === 'CONFLICT')
      throw new ProtocolError(412, 'PRECONDITION_FAILED', 'The comment was changed meanwhile.');
    throw err;
  }
}

export async function replaceMember(
  userId: string,
  documentId: string,
  segment: string,
  r: ProtocolRequest,
  input: unknown,
): Promise<ProtocolResult> {
  assertAcceptable(r.accept);
  const { scope, member } = await openMember(userId, documentId, segment, r.origin);
  authorizeWrite(scope, member, 'update');
  assertIfMatch(r.ifMatch, representation(member.item).etag);

  // Validate everything before the first write.
  const incoming = readIncomingAnnotation(input);
  if (incoming.id !== undefined && incoming.id !== member.iri)
    throw new AppError('BAD_REQUEST', 'id: must be the IRI of the annotation being replaced', {
      fields: { id: ['Must be this annotation’s IRI'] },
    });
  assertSameTarget(scope, member, incoming.target);
  const a = member.annotation;
  if (member.key.kind === 'reply' && incoming.tags.length > 0)
    throw new AppError('BAD_REQUEST', 'body: a reply has no tags', {
      fields: { body: ['A reply has no tags'] },
    });
  if (!incoming.comment && member.commentId)
    throw new AppError(
      'BAD_REQUEST',
      'body: the comment cannot be removed; DELETE the annotation instead',
      { fields: { body: ['The comment cannot be removed'] } },
    );
  const doc = incoming.comment
    ? (await commentDocFor(scope.workspaceId, incoming.comment)).doc
    : null;
  const tagsChanged =
    member.key.kind === 'thread' &&
    canonical([...a.tags].sort()) !== canonical([...incoming.tags].sort());
  const visibilityChanged =
    member.key.kind === 'thread' &&
    incoming.visibility !== undefined &&
    incoming.visibility !== a.visibility;

  // One transaction: the comment and the tags change together or not at all.
  await db().$transaction(async (tx) => {
    if (doc && member.commentId) await editIfChanged(tx, member, userId, doc);
    else if (doc) await replyToThread(userId, a.id, { comment: doc }, tx);
    if (tagsChanged || visibilityChanged) {
      await updateThread(
        userId,
        a.id,
        {
          ...(tagsChanged ? { tags: incoming.tags } : {}),
          ...(visibilityChanged ? { visibility: incoming.visibility } : {}),
        },
        tx,
      );
    }
  });

  const updated = await loadMember(scope, member.key);
  const { json, etag } = representation(updated.item);
  return { status: 200, kind: 'annotation', json, etag };
}

export async function deleteMember(
  userId: string,
  documentId: string,
  segment: string,
  r: ProtocolRequest,
): Promise<ProtocolResult> {
  const { scope, member } = await openMember(userId, documentId, segment, r.origin);
  authorizeWrite(scope, member, 'delete');
  assertIfMatch(r.ifMatch, representation(member.item).etag);
  if (member.key.kind === 'thread') await deleteThread(userId, member.annotation.id);
  else await deleteComment(userId, member.key.commentId);
  return { status: 204, kind: 'annotation' };
}
