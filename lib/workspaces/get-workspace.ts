import { db } from '../db/client';
import { authorize, workspacePolicy } from '../policies';
import { actorIn } from './actor';

/** A workspace by slug with its documents, for a member; NOT_FOUND for anyone else. */
export async function getWorkspaceLibrary(userId: string, slug: string) {
  const workspace = await db().workspace.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  const actor = workspace ? await actorIn(db(), workspace.id, userId) : null;
  authorize({
    visible: !!workspace && !!actor && workspacePolicy(actor, 'workspace:read'),
    allowed: true,
  });
  const documents = await db().document.findMany({
    where: { workspaceId: workspace!.id },
    orderBy: { lastActivityAt: 'desc' },
    select: {
      id: true,
      title: true,
      source: true,
      lastActivityAt: true,
      _count: { select: { revisions: true, annotations: true } },
    },
  });
  return { workspace: workspace!, role: actor!.role, documents };
}
