import { db } from '../db/client';
import { workspacesVisibleTo } from '../policies';

export type WorkspaceSummary = {
  id: string;
  slug: string;
  name: string;
  role: 'OWNER' | 'MODERATOR' | 'MEMBER';
  documentCount: number;
};

/** The workspaces the user belongs to, newest first. */
export async function listWorkspaces(userId: string): Promise<WorkspaceSummary[]> {
  const rows = await db().workspace.findMany({
    where: workspacesVisibleTo(userId),
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      slug: true,
      name: true,
      memberships: { where: { userId }, select: { role: true } },
      _count: { select: { documents: true } },
    },
  });
  return rows.map((w) => ({
    id: w.id,
    slug: w.slug,
    name: w.name,
    role: w.memberships[0]?.role ?? 'MEMBER',
    documentCount: w._count.documents,
  }));
}
