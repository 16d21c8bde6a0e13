/**
 * A protocol client's comment text (plain, HTML or Markdown) → the Tiptap document Closeread
 * stores, through the importer's converter (lib/annotation-import/comment-doc.ts). Mentions
 * survive only for members of the workspace; anyone else becomes plain "@name" text.
 */
import { toCommentDoc, type ConvertedComment } from '../annotation-import/comment-doc';
import type { ImportedBody } from '../annotation-import/types';
import { db } from '../db/client';

export async function commentDocFor(
  workspaceId: string,
  body: ImportedBody,
): Promise<ConvertedComment> {
  const mayMention = body.format === 'html' && body.value.includes('mention');
  const members = mayMention
    ? new Set(
        (await db().membership.findMany({ where: { workspaceId }, select: { userId: true } })).map(
          (m) => m.userId,
        ),
      )
    : new Set<string>();
  return toCommentDoc(body, { isMember: (id) => members.has(id) });
}
