import { db } from '../db/client';
import { authorize, documentPolicy, type Actor, type Role } from '../policies';

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

export type AccessibleDocument = {
  id: string;
  title: string;
  source: string | null;
  publishedOn: string | null;
  createdById: string;
  workspaceId: string;
  publicToken: string | null;
  publicThreads: boolean;
  workspace: { slug: string; name: string };
};

type DocumentAccessRow = Omit<AccessibleDocument, 'workspace'> & {
  workspaceSlug: string;
  workspaceName: string;
  role: Role | null;
};

/**
 * The document and the user's role, for a member; NOT_FOUND for anyone else. One query (the
 * document, its workspace and the membership): every page and API call on a document starts here.
 */
export async function documentForMember(
  userId: string,
  documentId: string,
): Promise<{ document: AccessibleDocument; actor: Actor }> {
  const [row] = await db().$queryRaw<DocumentAccessRow[]>`
    SELECT d.id, d.title, d.source, d."publishedOn", d."createdById", d."workspaceId",
           d."publicToken", d."publicThreads", w.slug AS "workspaceSlug",
           w.name AS "workspaceName", m.role::text AS role
      FROM "Document" d
      JOIN "Workspace" w ON w.id = d."workspaceId"
      LEFT JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = ${userId}
     WHERE d.id = ${documentId}`;
  const document: AccessibleDocument | null = row
    ? {
        id: row.id,
        title: row.title,
        source: row.source,
        publishedOn: row.publishedOn,
        createdById: row.createdById,
        workspaceId: row.workspaceId,
        publicToken: row.publicToken,
        publicThreads: row.publicThreads,
        workspace: { slug: row.workspaceSlug, name: row.workspaceName },
      }
    : null;
  const actor: Actor | null = row ? { userId, role: row.role } : null;
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
