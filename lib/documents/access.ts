import { db } from '../db/client';
import { authorize, documentPolicy, type Actor } from '../policies';
import { actorIn } from '../workspaces/actor';

const documentFields = {
  id: true,
  title: true,
  source: true,
  publishedOn: true,
  createdById: true,
  workspaceId: true,
  publicToken: true,
  publicThreads: true,
  workspace: { select: { slug: true, name: true } },
} as const;

export type AccessibleDocument = NonNullable<Awaited<ReturnType<typeof loadDocument>>>;

function loadDocument(documentId: string) {
  return db().document.findUnique({ where: { id: documentId }, select: documentFields });
}

/** The document and the user's role, for a member; NOT_FOUND for anyone else. */
export async function documentForMember(
  userId: string,
  documentId: string,
): Promise<{ document: AccessibleDocument; actor: Actor }> {
  const document = await loadDocument(documentId);
  const actor = document ? await actorIn(db(), document.workspaceId, userId) : null;
  authorize({
    visible: !!document && !!actor && documentPolicy(actor, 'document:read', document),
    allowed: true,
  });
  return { document: document!, actor: actor! };
}

/** A document published at a public link; NOT_FOUND when the link is unknown or revoked. */
export async function documentForPublicToken(token: string): Promise<AccessibleDocument> {
  const document = token
    ? await db().document.findUnique({ where: { publicToken: token }, select: documentFields })
    : null;
  authorize({ visible: !!document, allowed: true });
  return document!;
}
