/**
 * POST to a document's container: a new Closeread annotation from the W3C Annotation's target
 * selectors (lib/annotations/create-annotation.ts), or — when the target is the IRI of one of the
 * container's annotations — a reply on that thread (lib/annotations/comments.ts). Both check the
 * user's permissions and write in one transaction each. 201 with the new member's IRI (Location),
 * ETag and JSON-LD. A `Slug` header is ignored: Closeread chooses every id.
 */
import { createAnnotation } from '../annotations/create-annotation';
import { replyToThread } from '../annotations/comments';
import { AppError, isAppError } from '../errors/app-error';
import { commentDocFor } from './comment-body';
import {
  assertAcceptable,
  representation,
  type ProtocolRequest,
  type ProtocolResult,
} from './http';
import { parseMemberIri, type MemberKey } from './iris';
import { loadMember, openContainer, type ContainerScope } from './members';
import { readIncomingAnnotation } from './parse-annotation';

/** The thread and comment a reply answers; an annotation the user cannot see is a 400 too. */
async function replyTarget(
  scope: ContainerScope,
  iri: string,
): Promise<{ annotationId: string; parentId?: string }> {
  const refused = new AppError(
    'BAD_REQUEST',
    'target: not an annotation of this container (give selectors, or the IRI of an annotation here)',
    { fields: { target: ['Not an annotation of this container'] } },
  );
  const key = parseMemberIri(scope.container, iri);
  if (!key) throw refused;
  try {
    const member = await loadMember(scope, key);
    if (member.commentId === null) {
      // The reply would become the highlight's comment, not a member of its own.
      throw new AppError(
        'BAD_REQUEST',
        'target: a highlight has no comment to reply to; PUT it with a comment body instead',
        { fields: { target: ['A highlight has no comment to reply to'] } },
      );
    }
    return key.kind === 'thread'
      ? { annotationId: member.annotation.id }
      : { annotationId: member.annotation.id, parentId: key.commentId };
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') throw refused;
    throw err;
  }
}

export async function createMember(
  userId: string,
  documentId: string,
  r: ProtocolRequest,
  input: unknown,
): Promise<ProtocolResult> {
  assertAcceptable(r.accept);
  // Membership first: a non-member learns nothing, not even whether the body was valid.
  const scope = await openContainer(userId, documentId, r.origin);
  const incoming = readIncomingAnnotation(input);
  let key: MemberKey;
  if (incoming.target.kind === 'iri') {
    if (incoming.tags.length > 0)
      throw new AppError('BAD_REQUEST', 'body: a reply has no tags', {
        fields: { body: ['A reply has no tags'] },
      });
    if (!incoming.comment)
      throw new AppError('BAD_REQUEST', 'body: a reply needs a comment', {
        fields: { body: ['Write a comment'] },
      });
    const { annotationId, parentId } = await replyTarget(scope, incoming.target.iri);
    const { doc } = await commentDocFor(scope.workspaceId, incoming.comment);
    const { id } = await replyToThread(userId, annotationId, {
      comment: doc,
      ...(parentId ? { parentId } : {}),
    });
    key = { kind: 'reply', commentId: id };
  } else {
    const comment = incoming.comment
      ? (await commentDocFor(scope.workspaceId, incoming.comment)).doc
      : undefined;
    const { id } = await createAnnotation(userId, documentId, {
      target: incoming.target.value,
      tags: incoming.tags,
      visibility: incoming.visibility ?? 'WORKSPACE',
      ...(comment ? { comment } : {}),
    });
    key = { kind: 'thread', annotationId: id };
  }
  const member = await loadMember(scope, key);
  const { json, etag } = representation(member.item);
  return { status: 201, kind: 'annotation', json, etag, location: member.iri };
}
