import { AppError } from '../errors/app-error';
import type { Db } from '../db/client';
import type { Tx } from '../db/tx';
import { parseCommentDoc, type CommentDoc } from '../richtext';

/**
 * Validates a Tiptap document from a client against the shared schema, keeping only mentions
 * of real members of the workspace.
 */
export async function validateCommentBody(
  tx: Db | Tx,
  workspaceId: string,
  body: unknown,
): Promise<{ doc: CommentDoc; text: string; mentions: string[] }> {
  const parsed = parseCommentDoc(body);
  if (!parsed.ok)
    throw new AppError('BAD_REQUEST', `Comment: ${parsed.error}`, {
      fields: { body: [parsed.error] },
    });
  const ids = [...new Set(parsed.mentions)].slice(0, 50);
  const members = ids.length
    ? await tx.membership.findMany({
        where: { workspaceId, userId: { in: ids } },
        select: { userId: true },
      })
    : [];
  return { doc: parsed.doc, text: parsed.text, mentions: members.map((m) => m.userId) };
}
